"""A provider's declared ``SETTINGS``, read from its source without running any of it.

The accounts dialog lives in the app's process: importing a provider there to read its
form would run the provider's module code in the GUI (a slow import freezes it, an
``os._exit`` ends it, a typo in the combo box imports whatever it names). So the source
is parsed (``ast``) and the ``SETTINGS`` tuple evaluated from what it is written with:
literals, ``+ - *`` on numbers, ``str``/``int``/``float``/``bool``, and names bound to
those in the provider's module or imported (``from .settings import TIMEOUT``) from a
module that binds them so. A class found through ``from .provider import Name`` (a
package's ``__init__``) is followed the same way. Anything else is named as unreadable;
the account's settings then stay editable in the profile file.
"""

from __future__ import annotations

import ast
import importlib.util
import operator
from collections.abc import Callable
from dataclasses import dataclass
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any

from sendreceive.config.provider_settings import (
    SETTINGS_ATTRIBUTE,
    Setting,
    SettingsDeclarationError,
    check_settings,
)
from sendreceive.hosting.loading import entry_point_value
from sendreceive.input_files import FileKind, InputFileError, read_checked

MAX_SOURCE_BYTES = 2_000_000  # a provider module larger than this is not parsed
MAX_HOPS = 8  # imports followed for one name (a cycle ends here too)
MAX_NUMBER = 10**15  # arithmetic in a declaration stays in plausible settings' range
_SOURCE = FileKind("a provider module", "a Python source file", MAX_SOURCE_BYTES)
_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
_OPERATORS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}


class _UnreadableError(Exception):
    """What could not be read statically, said in a few words."""


def read_settings(spec: str) -> tuple[Setting, ...]:
    """The settings the provider ``spec`` names declares; ``()`` if none. Raises
    ``SettingsDeclarationError`` naming the file and line when they cannot be read
    without running its code, or are not valid."""
    module_part, sep, attr = spec.rpartition(":")
    try:
        if not sep:
            module_part, _, attr = entry_point_value(spec).partition(":")
        if not module_part or not attr.isidentifier():
            raise _UnreadableError(f"{spec!r:.200} is not module:attr, file.py:attr or a name")
        module = (
            _Module.from_file(Path(module_part).expanduser(), "")
            if module_part.endswith(".py")
            else _Module.named(module_part)
        )
        declared = module.class_settings(attr, MAX_HOPS)
    except _UnreadableError as exc:
        raise SettingsDeclarationError(
            f"the settings of {spec} cannot be read without running its code: {exc}"
        ) from None
    return check_settings(declared)


@dataclass(frozen=True)
class _Module:
    name: str  # the package a relative import starts from ("" for a loose file)
    path: Path
    tree: ast.Module

    @staticmethod
    def named(name: str) -> _Module:
        """Found the way ``import`` finds it, without importing it or its packages."""
        first, *rest = name.split(".")
        try:
            spec = importlib.util.find_spec(first)  # a top-level name: nothing runs
            for depth in range(len(rest)):
                if spec is None or not spec.submodule_search_locations:
                    break
                full = ".".join([first, *rest[: depth + 1]])
                spec = PathFinder.find_spec(full, list(spec.submodule_search_locations))
        except (ImportError, ValueError) as exc:
            raise _UnreadableError(f"module {name} not found ({exc})") from None
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            raise _UnreadableError(f"no Python source for module {name}")
        is_package = bool(spec.submodule_search_locations)
        package = name if is_package else name.rpartition(".")[0]
        return _Module.from_file(Path(spec.origin), package)

    @staticmethod
    def from_file(path: Path, package: str) -> _Module:
        try:  # a regular file of bounded size: a FIFO named *.py must not block the GUI
            source = read_checked(path, _SOURCE)
        except InputFileError as exc:
            raise _UnreadableError(str(exc)) from None
        try:
            tree = ast.parse(source, filename=str(path))
        except SyntaxError as exc:
            raise _UnreadableError(f"{path}:{exc.lineno}: {exc.msg}") from None
        except (ValueError, RecursionError, MemoryError) as exc:
            raise _UnreadableError(f"{path}: cannot be parsed ({type(exc).__name__})") from None
        return _Module(package, path, tree)

    def where(self, node: ast.AST) -> str:
        return f"{self.path}:{getattr(node, 'lineno', 0)}"

    def class_settings(self, name: str, hops: int) -> tuple[Any, ...]:
        """``SETTINGS`` of the class ``name`` as written, its own or from a base class
        in the same module; ``()`` for a class that declares none."""
        module, node = self._binding(name, hops)
        if isinstance(node, str):
            return module.class_settings(node, hops - 1)
        if isinstance(node, ast.ClassDef):
            return module._settings_of(node, hops)
        raise _UnreadableError(f"{module.where(node)}: {name} is not a class statement")

    def _settings_of(self, cls: ast.ClassDef, hops: int) -> tuple[Any, ...]:
        for statement in reversed(cls.body):
            value = _assigned(statement, SETTINGS_ATTRIBUTE)
            if value is not None:
                if not isinstance(value, ast.Tuple | ast.List):
                    raise _UnreadableError(
                        f"{self.where(value)}: SETTINGS is not written as a tuple"
                    )
                return tuple(self._setting(item, hops) for item in value.elts)
        for base in cls.bases:  # inherited, from a class of this module
            if isinstance(base, ast.Name) and hops > 0:
                inherited = self.class_settings(base.id, hops - 1)
                if inherited:
                    return inherited
        return ()

    def _setting(self, node: ast.expr, hops: int) -> Any:
        if not (isinstance(node, ast.Call) and _called(node.func) == "Setting"):
            return None  # check_settings names it as "not a Setting"
        try:
            args = [self._value(arg, hops) for arg in node.args]
            kwargs = {kw.arg: self._value(kw.value, hops) for kw in node.keywords if kw.arg}
            if len(kwargs) != len(node.keywords):
                raise _UnreadableError(f"{self.where(node)}: **arguments to Setting")
            return Setting(*args, **kwargs)
        except TypeError as exc:
            raise _UnreadableError(f"{self.where(node)}: {exc}") from None

    def _value(self, node: ast.expr, hops: int) -> Any:
        if isinstance(node, ast.Constant) and isinstance(node.value, str | int | float | None):
            return node.value
        if isinstance(node, ast.Tuple | ast.List):
            return tuple(self._value(item, hops) for item in node.elts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return _number(-_number(self._value(node.operand, hops), node, self), node, self)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            left = _number(self._value(node.left, hops), node, self)
            right = _number(self._value(node.right, hops), node, self)
            return _number(_OPERATORS[type(node.op)](left, right), node, self)
        if isinstance(node, ast.Name):
            return _TYPES[node.id] if node.id in _TYPES else self._constant(node.id, hops)
        raise _UnreadableError(f"{self.where(node)}: {ast.unparse(node)[:80]} is not a literal")

    def _constant(self, name: str, hops: int) -> Any:
        module, node = self._binding(name, hops)
        if isinstance(node, str):
            return module._constant(node, hops - 1)
        value = _assigned(node, name)
        if value is None:
            raise _UnreadableError(f"{module.where(node)}: {name} is not a constant")
        return module._value(value, hops - 1)

    def _binding(self, name: str, hops: int) -> tuple[_Module, ast.stmt | str]:
        """Where ``name`` is bound at the module's top level: this module and the
        statement, or the module it is imported from and its name there (the last
        binding wins, as when the module runs)."""
        if hops <= 0:
            raise _UnreadableError(f"{self.path}: {name} is imported through too many modules")
        for statement in reversed(self.tree.body):
            if isinstance(statement, ast.ClassDef) and statement.name == name:
                return (self, statement)
            if _assigned(statement, name) is not None:
                return (self, statement)
            if isinstance(statement, ast.ImportFrom):
                for alias in statement.names:
                    if (alias.asname or alias.name) == name:
                        return (_Module.named(self._absolute(statement)), alias.name)
        raise _UnreadableError(f"{self.path}: {name} is not defined at the top level")

    def _absolute(self, statement: ast.ImportFrom) -> str:
        relative = "." * statement.level + (statement.module or "")
        try:
            return importlib.util.resolve_name(relative, self.name or None)
        except (ImportError, ValueError) as exc:
            raise _UnreadableError(f"{self.where(statement)}: {exc}") from None


def _assigned(statement: ast.stmt, name: str) -> ast.expr | None:
    """The value ``statement`` binds to ``name`` (``name = …`` or ``name: T = …``)."""
    if isinstance(statement, ast.Assign) and any(
        isinstance(target, ast.Name) and target.id == name for target in statement.targets
    ):
        return statement.value
    if (
        isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and statement.target.id == name
    ):
        return statement.value
    return None


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _number(value: Any, node: ast.AST, module: _Module) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > MAX_NUMBER:
        raise _UnreadableError(f"{module.where(node)}: arithmetic on something other than a number")
    return value
