"""The command CI runs finds each supported Python on a fresh machine and fails unless
every one passes; a suite that collected nothing has not passed."""

from __future__ import annotations

import os
import platform
import stat
import sys
import tomllib
from pathlib import Path

import pytest

from tools import every_python

HERE = ".".join(platform.python_version_tuple()[:2])


def fake_python(path: Path, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\nexec {target} "$@"\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def pyenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pyenv root of the kind these machines have, and a PATH with only its shims."""
    root = tmp_path / "pyenv"
    (root / "versions").mkdir(parents=True)
    fake_python(root / "shims" / f"python{HERE}", "false")  # a shim of no selected version
    monkeypatch.setenv("PYENV_ROOT", str(root))
    monkeypatch.setenv("PATH", str(root / "shims"))
    return root


def test_the_newest_working_patch_of_pyenv_is_used(pyenv: Path) -> None:
    versions = pyenv / "versions"
    good = fake_python(versions / f"{HERE}.1" / "bin" / f"python{HERE}", sys.executable)
    fake_python(versions / f"{HERE}.2" / "bin" / f"python{HERE}", "false")  # broken
    fake_python(versions / f"{HERE}-dev" / "bin" / f"python{HERE}", sys.executable)
    fake_python(versions / f"{HERE}.0" / "bin" / f"python{HERE}", sys.executable)
    assert every_python.find_python(HERE) == (good, platform.python_version())


def test_a_python_of_another_version_is_not_taken_for_it(pyenv: Path) -> None:
    # A folder named for the version holding another Python (the one running this test).
    other = "3.99"
    fake_python(pyenv / "versions" / f"{other}.0" / "bin" / f"python{other}", sys.executable)
    assert every_python.find_python(other) is None


def test_a_python_on_path_is_found_when_pyenv_has_none(
    pyenv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = fake_python(tmp_path / "bin" / f"python{HERE}", sys.executable)
    monkeypatch.setenv("PATH", os.pathsep.join([str(pyenv / "shims"), str(system.parent)]))
    assert every_python.find_python(HERE) == (system, platform.python_version())


def test_a_missing_python_fails_the_run_and_is_named(
    pyenv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert every_python.main(["--python", "3.12"]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary.startswith("   Python 3.12: FAILED: no Python 3.12 found (looked in ")


@pytest.mark.parametrize("code", [1, 2, 3, 4, 5])
def test_every_pytest_exit_but_0_is_a_failure(code: int) -> None:
    assert every_python.pytest_failure(code).startswith(f"pytest exit {code} (")
    assert every_python.pytest_failure(0) == ""


def test_no_tests_collected_is_said_as_such() -> None:
    assert every_python.pytest_failure(5) == "pytest exit 5 (no tests collected)"


def test_the_supported_pythons_are_those_pyproject_and_the_readme_name() -> None:
    pyproject = tomllib.loads((every_python.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == f">={every_python.SUPPORTED[0]}"
    readme = (every_python.ROOT / "README.md").read_text(encoding="utf-8")
    names = ", ".join(every_python.SUPPORTED[:-1]) + f" and {every_python.SUPPORTED[-1]}"
    assert f"Supported: CPython {names}" in readme
