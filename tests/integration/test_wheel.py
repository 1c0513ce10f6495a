"""A real install: build the wheel, install it into a fresh venv, run it from elsewhere,
and use it from a provider author's own project.

The fresh venv gets only the wheel and the project's declared runtime dependencies (and
pytest, for the author's tests), linked from the test's own environment, so nothing is
downloaded: the source tree is never on its path, so whatever works here works for a
user who ran ``pip install``.
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
from sendreceive.contract import MAPISIB, S_OK, IID_IMAPISyncProgressCallback


class Typed:
    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        callback = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        callback.Done(None, S_OK)
        return S_OK


wrong: int = S_OK.bit_length() + "x"
"""


AUTHOR_FILES = {
    # An author's project with the names the workbench must leave alone.
    "app/__init__.py": 'WHOSE = "the author\'s own app"\n',
    "app/provider.py": """\
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK


class Hello:
    def __init__(self, count: int = 3) -> None:
        self.count = count

    def SynchronizeInBackground(self, psibpb):
        import app  # in the provider's own process too: the author's

        assert app.WHOSE == "the author's own app"
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        for i in range(1, self.count + 1):
            cb.Progress(f"Hello {i}", i, self.count)
        cb.Done(None, S_OK)
        return S_OK
""",
    "providers/__init__.py": 'WHOSE = "the author\'s own providers"\n',
    "main.py": "import app\n\nprint(app.WHOSE)\n",
    "tests/__init__.py": "",
    "tests/test_provider.py": """\
from pathlib import Path

import app
import providers
import sendreceive
from app.provider import Hello

PROJECT = Path(__file__).resolve().parents[1]


def test_each_project_imports_its_own_packages():
    assert Path(app.__file__).parent == PROJECT / "app"
    assert Path(providers.__file__).parent == PROJECT / "providers"
    assert PROJECT not in Path(sendreceive.__file__).parents


def test_the_fixture_runs_the_authors_provider_where_the_app_would(sendreceive):
    result = sendreceive.run(Hello, settings={"count": 4})
    assert result.isolation == "process"
    assert result.status == "Completed", result.errors
    assert result.state.index == 4


def test_the_fixture_runs_it_by_spec_and_on_a_thread(sendreceive):
    result = sendreceive.run("app.provider:Hello", isolation="thread")
    assert result.isolation == "thread"
    result.assert_clean()
""",
}


def _runtime_distributions(*roots: str) -> list[Distribution]:
    """The roots' runtime dependencies, recursively, as installed in this venv."""
    found: dict[str, Distribution] = {}
    pending = list(roots)
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
    for dist in [distribution("pytest"), *_runtime_distributions(PROJECT, "pytest")]:
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
            shutil.copytree(
                path, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
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
    before = set(os.listdir(site))
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
    (base / "installed").write_text("\n".join(sorted(set(os.listdir(site)) - before)))
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


def _modules(folder: Path) -> list[Path]:
    """The .py files below ``folder``, not following the checkout's links."""
    return [
        Path(where, name).relative_to(folder)
        for where, _dirs, files in os.walk(folder)
        for name in files
        if name.endswith(".py")
    ]


def test_the_wheel_installs_one_import_package(installed: Path) -> None:
    """Exactly ``sendreceive`` and its dist-info land in site-packages: nothing named
    ``app`` or ``providers`` to shadow, or be shadowed by, a user's own."""
    added = (installed.parent.parent / "installed").read_text().split()
    assert len(added) == 2, added
    assert added[0] == "sendreceive", added
    assert added[1].startswith("sendreceive_workbench-") and added[1].endswith(".dist-info")


def test_wheel_holds_every_module_and_the_resources(installed: Path) -> None:
    wheel = Path((installed.parent.parent / "wheel-path").read_text())
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {name.split("/")[0] for name in names if ".dist-info/" not in name} == {"sendreceive"}
    for module in _modules(ROOT / "app" / "sendreceive"):
        assert f"sendreceive/{module.as_posix()}" in names
    for module in _modules(ROOT / "providers"):
        assert f"sendreceive/providers/{module.as_posix()}" in names
    for bundled in ("demo-profile.toml", "faulty-profile.toml", "icon.svg"):
        assert f"sendreceive/resources/{bundled}" in names
    for language in ("de", "fr", "zh_CN", "en"):  # compiled translations; not the sources
        assert f"sendreceive/resources/translations/sendreceive_{language}.qm" in names
    assert not any(name.endswith(".ts") for name in names)
    assert {"sendreceive/py.typed", "sendreceive/providers/py.typed"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_installed_app_runs_from_another_directory(installed: Path, tmp_path: Path) -> None:
    from sendreceive import __version__

    python = str(installed / "python")
    where = _run(
        installed, tmp_path, python, "-c", "import sendreceive; print(sendreceive.__file__)"
    )
    assert where.stdout.startswith(str(installed.parent)), where.stdout + where.stderr

    shipped = _run(
        installed,
        tmp_path,
        python,
        "-c",
        "from sendreceive import languages; print(languages.available())",
    )
    assert shipped.stdout.strip() == "['de', 'en', 'fr', 'zh_CN']", shipped.stderr

    version = _run(installed, tmp_path, "sendreceive", "--version")
    assert version.returncode == 0, version.stderr
    first, containment = version.stdout.splitlines()
    assert first == f"sendreceive {__version__}"
    assert containment.startswith("provider containment: "), containment

    for command in (
        ["sendreceive"],
        [python, "-m", "sendreceive"],
        [python, "-m", "sendreceive.cli"],
    ):
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


def test_an_authors_project_with_its_own_app_runs_its_tests(installed: Path, tmp_path) -> None:
    """The author's project has its own ``app``, ``providers``, ``tests`` and ``main.py``:
    ``python -m pytest`` (which puts the project first on the path) loads the
    ``sendreceive`` fixture and runs the author's provider with it, and each project
    imports its own ``app``."""
    project = tmp_path / "author"
    for name, text in AUTHOR_FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    python = str(installed / "python")
    tested = _run(installed, project, python, "-m", "pytest", "-q", "-p", "no:cacheprovider")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "3 passed" in tested.stdout, tested.stdout
    own = _run(installed, project, python, "main.py")
    assert own.stdout.strip() == "the author's own app", own.stderr
