"""A real install: build the wheel, install it into a fresh venv, run it from elsewhere.

The fresh venv gets only the wheel and the project's declared runtime dependencies (linked
from the test's own environment, so nothing is downloaded): the source tree is never on
its path, so whatever works here works for a user who ran ``pip install``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import Distribution, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "sendreceive-workbench"
SOURCES = ("app", "providers", "resources", "pyproject.toml", "README.md", "LICENSE")

PROVIDER_USING_THE_CONTRACT = """\
from app.contract import MAPISIB, S_OK, IID_IMAPISyncProgressCallback


class Typed:
    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        callback = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        callback.Done(None, S_OK)
        return S_OK


wrong: int = S_OK.bit_length() + "x"
"""


def _runtime_distributions() -> list[Distribution]:
    """The project's runtime dependencies, recursively, as installed in this venv."""
    found: dict[str, Distribution] = {}
    pending = [PROJECT]
    while pending:
        for spec in distribution(pending.pop()).requires or []:
            requirement = Requirement(spec)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = requirement.name.lower()
            if name not in found:
                found[name] = distribution(name)
                pending.append(name)
    return list(found.values())


def _link_dependencies(into: Path) -> None:
    """Links to the dependencies' top-level files and metadata, never to the project."""
    into.mkdir()
    for dist in _runtime_distributions():
        for part in {Path(str(f)).parts[0] for f in dist.files or []}:
            source = Path(str(dist.locate_file(part)))
            if part != ".." and source.exists() and not (into / part).exists():
                (into / part).symlink_to(source)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed; returns its bin directory."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:  # a copy: an in-tree build would leave build/ in the checkout
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(base / "dist"), str(source)],
        check=True,
        timeout=300,
    )
    (wheel,) = (base / "dist").glob("*.whl")
    target = base / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    site = Path(
        subprocess.run(
            [
                target / "bin" / "python",
                "-c",
                "import sysconfig; print(sysconfig.get_path('purelib'))",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    _link_dependencies(base / "deps")
    (site / "dependencies.pth").write_text(f"{base / 'deps'}\n")
    subprocess.run(
        [
            *pip,
            "--python",
            str(target / "bin" / "python"),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    (base / "wheel-path").write_text(str(wheel))
    return target / "bin"


def _run(bin_dir: Path, cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(SENDRECEIVE_DEMO_SPEED="50", PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}")
    return subprocess.run(
        list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_wheel_holds_every_module_and_the_resources(installed: Path) -> None:
    wheel = Path((installed.parent.parent / "wheel-path").read_text())
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("app", "providers"):
        for module in (ROOT / package).rglob("*.py"):
            assert module.relative_to(ROOT).as_posix() in names
    for bundled in ("demo-profile.toml", "faulty-profile.toml", "icon.svg"):
        assert f"app/resources/{bundled}" in names
    for language in ("de", "fr", "zh_CN", "en"):  # compiled translations; not the sources
        assert f"app/resources/translations/sendreceive_{language}.qm" in names
    assert not any(name.endswith(".ts") for name in names)
    assert {"app/py.typed", "providers/py.typed"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_installed_app_runs_from_another_directory(installed: Path, tmp_path: Path) -> None:
    from app import __version__

    python = str(installed / "python")
    where = _run(installed, tmp_path, python, "-c", "import app; print(app.__file__)")
    assert where.stdout.startswith(str(installed.parent)), where.stdout + where.stderr

    shipped = _run(
        installed, tmp_path, python, "-c", "from app import languages; print(languages.available())"
    )
    assert shipped.stdout.strip() == "['de', 'en', 'fr', 'zh_CN']", shipped.stderr

    version = _run(installed, tmp_path, "sendreceive", "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"sendreceive {__version__}"

    for command in (["sendreceive"], [python, "-m", "app"], [python, "-m", "app.cli"]):
        shown = _run(installed, tmp_path, *command, "--help")
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith("usage: "), command

    headless = _run(
        installed, tmp_path, "sendreceive", "--headless", "--store-dir", str(tmp_path / "s")
    )
    assert headless.returncode == 1, headless.stderr  # the demo's Tailspin account fails
    assert "Tailspin Toys - Receiving" in headless.stdout
    assert "Failed: 0x80040111 (MAPI_E_LOGON_FAILED)" in headless.stdout


def test_mypy_finds_the_installed_contracts_types(installed: Path, tmp_path: Path) -> None:
    provider = tmp_path / "typed_provider.py"
    provider.write_text(PROVIDER_USING_THE_CONTRACT)
    checked = _run(
        installed,
        tmp_path,
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--python-executable",
        str(installed / "python"),
        str(provider),
    )
    # Typed: the one deliberate mistake is found, and nothing says "missing library stubs".
    assert "missing library stubs or py.typed" not in checked.stdout, checked.stdout
    assert 'Unsupported operand types for + ("int" and "str")' in checked.stdout, checked.stdout
    assert checked.stdout.count("error:") == 1, checked.stdout
