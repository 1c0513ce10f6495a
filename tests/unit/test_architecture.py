"""The architecture's checked rules: the Qt-free core holds by construction (a Qt import
in *any* core module breaks the import-linter contract), and app/ has no import cycle."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def core_modules() -> list[str]:
    """Every module of app and providers outside app.ui, found on disk."""
    found = []
    for package in ("app", "providers"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[:2] == ("app", "ui"):
                continue
            found.append(".".join(parts).removesuffix(".__init__"))
    return found


def test_a_qt_import_in_any_core_module_breaks_the_contract(tmp_path):
    """On a copy of the code, every core module gets a Qt import: lint-imports must
    fail and name each one (one run for all: new modules are covered by construction)."""
    for package in ("app", "providers"):
        shutil.copytree(ROOT / package, tmp_path / package)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    modules = core_modules()
    for module in modules:
        path = tmp_path / Path(*module.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        path.write_text("from PySide6.QtCore import QObject\n" + path.read_text())
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0, done.stdout
    unnamed = [m for m in modules if f"{m} -> PySide6" not in done.stdout]
    assert not unnamed, done.stdout[-3000:]


def test_app_has_no_import_cycle():
    """Every import between app's modules, TYPE_CHECKING and function-level ones too."""
    graph = grimp.build_graph("app")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith("app") and imported != module:
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                if chain is not None:
                    cycles.append(" -> ".join((module, *chain)))
    assert not cycles, "\n".join(cycles)
