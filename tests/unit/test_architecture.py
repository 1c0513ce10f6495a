"""The architecture's checked rules, each proven to bite: the Qt-free core holds by
construction (a Qt import in *any* core module breaks the import-linter contract), each
wing imports only the wings below it (an upward import in any wing breaks the layers
contract), and the package has no import cycle."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "app" / "sendreceive"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def core_modules() -> list[str]:
    """Every module of sendreceive outside sendreceive.ui, found on disk (the bundled
    providers included: they are linked into the package)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("sendreceive", *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[1] == "ui" or "__pycache__" in parts:
            continue
        found.append(".".join(parts).removesuffix(".__init__"))
    return found


def layers() -> list[list[str]]:
    """The layers contract's floors, top first, each a list of its wings."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [
        [wing.strip() for wing in floor.replace(":", "|").split("|")]
        for floor in contract["layers"]
    ]


def lint_a_copy(tmp_path: Path, change: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the code in which each module named in ``change`` starts
    with the given line."""
    shutil.copytree(PACKAGE, tmp_path / "sendreceive", symlinks=False)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for module, line in change.items():
        path = tmp_path / Path(*module.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        path.write_text(line + "\n" + path.read_text())
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_contracts_hold_on_the_code():
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_a_qt_import_in_any_core_module_breaks_the_contract(tmp_path):
    """On a copy of the code, every core module gets a Qt import: lint-imports must
    fail and name each one (one run for all: new modules are covered by construction)."""
    modules = core_modules()
    done = lint_a_copy(tmp_path, dict.fromkeys(modules, "from PySide6.QtCore import QObject"))
    assert done.returncode != 0, done.stdout
    unnamed = [m for m in modules if f"{m} -> PySide6" not in done.stdout]
    assert not unnamed, done.stdout[-3000:]


def test_a_wing_importing_the_floor_above_breaks_the_layers(tmp_path):
    """On a copy, every wing of every floor but the top imports a wing of the floor
    above it: lint-imports must name each such import."""
    floors = layers()
    upward = {}
    for above, floor in itertools.pairwise(floors):
        for wing in floor:
            upward[f"sendreceive.{wing}"] = f"import sendreceive.{above[0]}"
    done = lint_a_copy(tmp_path, upward)
    assert done.returncode != 0, done.stdout
    unnamed = [
        wing
        for wing, line in upward.items()
        if f"{wing} is not allowed to import {line.removeprefix('import ')}" not in done.stdout
    ]
    assert not unnamed, done.stdout[-3000:]


def test_sendreceive_has_no_import_cycle():
    """Every import between its modules, TYPE_CHECKING and function-level ones too."""
    graph = grimp.build_graph("sendreceive")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("sendreceive") and imported != module:
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                if chain is not None:
                    cycles.append(" -> ".join((module, *chain)))
    assert not cycles, "\n".join(cycles)


def test_the_top_level_holds_few_modules_beside_its_wings():
    """The floor plan shows: at most 16 modules beside the wing folders."""
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= 16, modules
