"""Install and run the whole test suite on every Python the project supports, one after
another, and fail unless every one passes.

``python3 -m tools.every_python [--python 3.12]... [PYTEST_ARG...]`` from the repository
root (``.ci/run`` runs exactly this). Standard library only: it runs before any venv
exists. Each Python gets a venv of its own (``.venv-3.11``…) with the editable install, so
each runs against the PySide6 that pyproject picks for it. The suites run in sequence, not
in parallel: tests have timing margins that two suites sharing two cores would eat.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Keep in step with requires-python and the README ("Supported: ...").
SUPPORTED = ("3.11", "3.12", "3.13")

ROOT = Path(__file__).resolve().parents[1]
# pytest's exit codes; 5 (nothing collected) is a failure here, not a pass.
PYTEST_EXITS = {
    1: "tests failed",
    2: "interrupted",
    3: "internal error",
    4: "usage error",
    5: "no tests collected",
}
_PATCH_DIR = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")  # "3.12.1", not "3.12-dev" or "3.13.0t"


@dataclass
class Outcome:
    """One Python's result, for the summary."""

    python: str
    found: str = ""  # "3.12.1 at /root/.pyenv/versions/3.12.1/bin/python3.12"
    pyside: str = ""
    failure: str = ""  # empty when the suite passed
    seconds: float = 0.0

    def line(self) -> str:
        took = f"{int(self.seconds) // 60}m {int(self.seconds) % 60:02d}s"
        what = f"Python {self.python}"
        if self.found:
            what += f" ({self.found}{', PySide6 ' + self.pyside if self.pyside else ''})"
        verdict = f"FAILED: {self.failure}" if self.failure else "passed"
        return f"{what}: {verdict} in {took}"


def pyenv_root() -> Path:
    """Where pyenv keeps its Pythons: ``$PYENV_ROOT``, else what ``pyenv root`` says, else
    ``~/.pyenv`` (a fresh CI machine need not have set anything)."""
    if os.environ.get("PYENV_ROOT"):
        return Path(os.environ["PYENV_ROOT"])
    pyenv = shutil.which("pyenv")
    if pyenv:
        done = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip())
    return Path.home() / ".pyenv"


def candidates(version: str) -> list[Path]:
    """Interpreters that may be Python ``version``: pyenv's installs of it, newest patch
    first, then ``pythonX.Y`` on PATH other than pyenv's shims (a shim fails unless that
    version is selected, which a fresh machine has not done)."""
    found: list[tuple[int, Path]] = []
    versions = pyenv_root() / "versions"
    if versions.is_dir():
        for folder in versions.iterdir():
            match = _PATCH_DIR.match(folder.name)
            if match and f"{match[1]}.{match[2]}" == version:
                found.append((int(match[3]), folder / "bin" / f"python{version}"))
    shims = str(pyenv_root() / "shims")
    search = os.pathsep.join(
        part for part in os.environ.get("PATH", "").split(os.pathsep) if part != shims
    )
    on_path = shutil.which(f"python{version}", path=search)
    return [path for _, path in sorted(found, reverse=True)] + ([Path(on_path)] if on_path else [])


def find_python(version: str) -> tuple[Path, str] | None:
    """The first candidate that runs and is the version asked for, with its full version."""
    for path in candidates(version):
        try:
            done = subprocess.run(
                [str(path), "-c", "import platform; print(platform.python_version())"],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
        except OSError:
            continue
        full = done.stdout.strip()
        if done.returncode == 0 and full.startswith(f"{version}."):
            return path, full
    return None


def run_one(version: str, pytest_args: list[str]) -> Outcome:
    """Venv, editable install and the suite on one Python."""
    outcome = Outcome(version)
    start = time.monotonic()
    try:
        found = find_python(version)
        if found is None:
            outcome.failure = (
                f"no Python {version} found (looked in {pyenv_root() / 'versions'} and on PATH)"
            )
            return outcome
        python, full = found
        outcome.found = f"{full} at {python}"
        venv = ROOT / f".venv-{version}"
        steps: list[tuple[str, list[str]]] = [
            ("creating the venv", [str(python), "-m", "venv", str(venv)]),
            (
                "installing",
                [str(venv / "bin" / "pip"), "install", "-q", "-e", ".[test]"],
            ),
        ]
        for what, command in steps:
            print(f"== Python {version}: {what}", flush=True)
            if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
                outcome.failure = f"{what} failed"
                return outcome
        outcome.pyside = _pyside_version(venv)
        print(f"== Python {version}: {outcome.found}, PySide6 {outcome.pyside}", flush=True)
        command = [str(venv / "bin" / "python"), "-m", "pytest", *pytest_args]
        outcome.failure = pytest_failure(subprocess.run(command, cwd=ROOT, check=False).returncode)
        return outcome
    finally:
        outcome.seconds = time.monotonic() - start


def pytest_failure(code: int) -> str:
    """What pytest's exit ``code`` says went wrong; empty only for 0."""
    return f"pytest exit {code} ({PYTEST_EXITS.get(code, 'unknown')})" if code else ""


def _pyside_version(venv: Path) -> str:
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from importlib.metadata import version; print(version('PySide6-Essentials'))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "not installed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m tools.every_python",
        description=(__doc__ or "").split("\n\n")[0],
        allow_abbrev=False,  # every other option is pytest's
    )
    parser.add_argument(
        "--python",
        action="append",
        choices=SUPPORTED,
        help="only this Python (repeatable); default: every supported one",
    )
    args, pytest_args = parser.parse_known_args(argv)
    outcomes = [run_one(version, pytest_args) for version in args.python or SUPPORTED]
    print("== Every Python:", flush=True)
    for outcome in outcomes:
        print(f"   {outcome.line()}", flush=True)
    return 1 if any(outcome.failure for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
