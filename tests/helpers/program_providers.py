"""The reference providers of ``providers/examples`` as commands, built where needed: the
C one compiled once per session with the system's ``cc``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "providers" / "examples"
LANGUAGES = ("c", "shell", "node")


@pytest.fixture(scope="session")
def c_provider(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compiler = shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler (cc) on this machine: the C reference provider is not built")
    built = tmp_path_factory.mktemp("c-provider") / "provider"
    subprocess.run(
        [
            compiler,
            "-std=c99",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-O2",
            "-o",
            str(built),
            str(EXAMPLES / "provider.c"),
        ],
        check=True,
        timeout=120,
    )
    return built


def command(language: str, request: pytest.FixtureRequest) -> list[str]:
    """The command that runs the reference provider in ``language``."""
    if language == "c":
        return [str(request.getfixturevalue("c_provider"))]
    if language == "shell":
        return ["dash" if shutil.which("dash") else "sh", str(EXAMPLES / "provider.sh")]
    node = shutil.which("node")
    if node is None:
        pytest.skip("no Node.js (node) on this machine: the Node reference provider cannot run")
    return [node, str(EXAMPLES / "provider.js")]


@pytest.fixture(params=LANGUAGES)
def reference(request: pytest.FixtureRequest) -> list[str]:
    """Each reference provider's command in turn."""
    return command(request.param, request)
