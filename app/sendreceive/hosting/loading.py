"""Find and build store providers from a provider spec.

A spec is one of:

- an entry-point name in the group ``sendreceive.providers`` (``demo-fast``, ``imap``);
- ``package.module:attr``;
- ``path/to/file.py:attr`` (relative paths are taken from the current directory).

Whatever the form, the module that holds the attr is re-imported when its source file
changed since it was loaded, so that in thread isolation an author edits and presses F9
again without restarting; modules it imports in turn are not (see the README).

The attr is a *factory*: the host calls it once per task with the account's settings as
keyword arguments, and the result must have ``SynchronizeInBackground``. A class is the
usual factory (settings arrive in ``__init__``). An attr that already has
``SynchronizeInBackground`` and is not a class is used as it is, for providers that need
no settings (they can still read ``psesSync.settings``).
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import importlib
import importlib.util
import sys
import threading
from collections.abc import Mapping
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

from sendreceive.contract import IMAPISync
from sendreceive.paths import resolve_path
from sendreceive.printable import describe, describe_exception
from sendreceive.tracking.findings import Arg, Finding, Found

ENTRY_POINT_GROUP = "sendreceive.providers"
_file_locks_lock = threading.Lock()
_file_locks: dict[str, threading.Lock] = {}  # one per provider file: a slow one blocks no other
_module_stamps: dict[str, int] = {}  # module name -> its source's mtime when last (re)loaded


class ProviderLoadError(Exception):
    """The provider could not be found or built; the text says which and why, in
    English, and ``found`` as the host's finding (a GUI translates it)."""

    def __init__(self, found: Found) -> None:
        super().__init__(found.english)
        self.found = found


@functools.cache
def _entry_points() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_providers() -> list[str]:
    """Names of the registered providers, for listings and 'did you mean'."""
    return sorted(_entry_points())


def entry_point_module(name: str) -> str:
    """The module a registered provider's entry point names (not imported); "" if none."""
    found = _entry_points().get(name)
    return "" if found is None else str(found.module)


def entry_point_value(name: str) -> str:
    """The ``module:attr`` a registered provider's entry point names; "" if none."""
    found = _entry_points().get(name)
    return "" if found is None else str(found.value)


def resolve(spec: str) -> Any:
    """The factory that ``spec`` names."""
    module_part, sep, attr = spec.rpartition(":")
    if not sep:
        return _from_entry_point(spec)
    if not attr or not module_part:
        raise ProviderLoadError(Finding.SPEC_FORM(repr(spec)))
    module = _load_file(Path(module_part)) if module_part.endswith(".py") else _import(module_part)
    try:
        return getattr(module, attr)
    except AttributeError:
        public = ", ".join(sorted(n for n in vars(module) if not n.startswith("_")))
        found = (
            Finding.NO_ATTRIBUTE(module_part, repr(attr), public)
            if public
            else Finding.NO_ATTRIBUTE_AT_ALL(module_part, repr(attr))
        )
        raise ProviderLoadError(found) from None


def create_provider(spec: str, settings: Mapping[str, Any]) -> IMAPISync:
    """Resolve ``spec`` and build the provider object for one task."""
    factory = resolve(spec)
    if hasattr(factory, "SynchronizeInBackground") and not isinstance(factory, type):
        return factory  # type: ignore[no-any-return]  # duck-typed provider object
    if not callable(factory):
        raise ProviderLoadError(Finding.NOT_A_PROVIDER(spec, type(factory).__name__))
    try:
        provider = factory(**settings)
    except TypeError as exc:
        raise ProviderLoadError(Finding.SETTINGS_REJECTED(spec, str(exc))) from exc
    except BaseException as exc:  # SystemExit from a constructor must not end the host
        raise ProviderLoadError(Finding.RAISED_WHEN_CREATED(spec, _raised(exc))) from exc
    if not callable(getattr(provider, "SynchronizeInBackground", None)):
        raise ProviderLoadError(Finding.NO_SYNC_METHOD(spec, type(provider).__name__))
    return provider  # type: ignore[no-any-return]  # checked by duck typing above


def _from_entry_point(name: str) -> Any:
    found = _entry_points().get(name)
    if found is None:
        suggestion = _suggest(name, available_providers())
        raise ProviderLoadError(Finding.NO_SUCH_PROVIDER(repr(name), suggestion))
    try:  # the ep's own module, fresh, rather than ``found.load()``'s cached import
        attrs = found.attr.split(".") if found.attr else []  # none: the module is the factory
        return functools.reduce(getattr, attrs, _fresh_module(found.module))
    except BaseException as exc:  # SystemExit at import is the provider's, not the host's
        raise ProviderLoadError(
            Finding.FAILED_TO_LOAD(repr(name), found.value, _raised(exc))
        ) from exc


def _suggest(name: str, known: list[str]) -> Found:
    """The closest names, else the installed ones with each family (``demo-*``) as one
    item: a list of 27 names hides the one the user meant."""
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if close:
        *others, last = [repr(n) for n in close]
        if others:
            return Finding.DID_YOU_MEAN_ONE_OF(", ".join(others), last)
        return Finding.DID_YOU_MEAN(last)
    families: dict[str, list[str]] = {}
    for known_name in known:
        families.setdefault(known_name.partition("-")[0], []).append(known_name)
    shown = [
        f"{prefix}-* ({len(names)})" if len(names) > 2 else ", ".join(names)
        for prefix, names in families.items()
    ]
    return Finding.INSTALLED(", ".join(shown)) if shown else Finding.NONE_INSTALLED()


def _import(module_name: str) -> ModuleType:
    try:
        return _fresh_module(module_name)
    except ModuleNotFoundError as exc:
        raise ProviderLoadError(Finding.CANNOT_IMPORT(repr(module_name), str(exc))) from exc
    except BaseException as exc:  # SystemExit at import is the provider's, not the host's
        raise ProviderLoadError(Finding.IMPORT_RAISED(repr(module_name), _raised(exc))) from exc


def _fresh_module(module_name: str) -> ModuleType:
    """The module, imported, or re-imported if its source file changed since: the same
    module object, so a task that already runs keeps the class it was built from."""
    with _file_locks_lock:
        lock = _file_locks.setdefault(module_name, threading.Lock())
    with lock:
        module = importlib.import_module(module_name)
        stamp = _source_stamp(module)
        known = _module_stamps.setdefault(module_name, stamp)
        if stamp != known:
            module = importlib.reload(module)
            _module_stamps[module_name] = stamp
        return module


def _source_stamp(module: ModuleType) -> int:
    """The mtime of the module's source; 0 for one without a readable file (built in,
    frozen, made at run time), which is then never re-imported."""
    source = getattr(module, "__file__", None)
    try:
        return Path(source).stat().st_mtime_ns if isinstance(source, str) else 0
    except OSError:
        return 0


def _load_file(path: Path) -> ModuleType:
    """Import a provider file; re-imported when it changes, so an author can edit and
    press Send/Receive again without restarting the app."""
    path = path.expanduser()
    try:
        path = resolve_path(path)
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise ProviderLoadError(Finding.UNREADABLE_FILE(str(path), str(exc.strerror))) from exc
    digest = hashlib.sha1(f"{path}:{stamp}".encode(), usedforsecurity=False).hexdigest()[:12]
    name = f"sendreceive_provider_{path.stem}_{digest}"
    with _file_locks_lock:
        lock = _file_locks.setdefault(name, threading.Lock())
    with lock:
        if name in sys.modules:
            return sys.modules[name]
        return _exec_file(name, path)


def _exec_file(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ProviderLoadError(Finding.NOT_A_MODULE(str(path)))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:  # SystemExit at import is the provider's, not the host's
        del sys.modules[name]
        raise ProviderLoadError(Finding.IMPORT_RAISED(str(path), _raised(exc))) from exc
    return module


def _raised(exc: BaseException) -> Arg:
    """What provider code raised, named; ``sys.exit()`` in a provider is said as such."""
    if type(exc) is SystemExit:
        return Finding.CALLED_EXIT(describe(exc.code))
    return describe_exception(exc)
