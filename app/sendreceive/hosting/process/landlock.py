"""Confining a provider's process to its own files with Landlock (Linux 5.13+).

A provider runs as the user, so without this it can read whatever the user can: the
profile (inline passwords), other accounts' stores. Landlock lets an unprivileged
process give up file access for itself and every process it starts, for good. A
provider's process (``confine``, before its code loads) keeps:

- read and write: its store and the account's default store (the Outbox it sends from);
- read and execute: the interpreter's and the app's import paths (``sys.path``, but not
  the working directory), the provider's own code (its file's folder and package, or its
  module's top-level package),
  what a program needs of the system (``/usr``, ``/lib``, ``/bin``, ``/etc`` — names,
  TLS certificates, time zones —, ``/proc``, a few devices), and every absolute path its
  account's settings name (a CA file, a replay's trace: the user granted those).

Everything else (the user's home, the profile, other accounts' stores, ``/tmp``) is
refused with ``EACCES``. Files already open (its socket, stdout) are not affected; nor
is the network. System calls 444–446 through ctypes: no binding in the standard library.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sendreceive.durable import make_private_dirs
from sendreceive.hosting import loading

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same on every arch
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15  # ABI 2, 3, 5
_FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # a file rule's
_READ = EXECUTE | READ_FILE | READ_DIR
# What a program needs of the system, read-only; the user's files are not among them.
_SYSTEM = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc", "/proc", "/opt")
_DEVICES = {
    "/dev/null": READ_FILE | WRITE_FILE,
    "/dev/zero": READ_FILE,
    "/dev/urandom": READ_FILE,
    "/dev/random": READ_FILE,
}
_APP_PACKAGE = Path(__file__).resolve().parents[2]  # sendreceive/


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _syscall(number: int, *args: object) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    result = int(libc.syscall(number, *args))
    if result < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))
    return result


def version() -> int:
    """The kernel's Landlock ABI version; 0 where it has none (not built, not enabled
    at boot, or a seccomp filter refusing it)."""
    try:
        return _syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), _CREATE_RULESET_VERSION)
    except (OSError, AttributeError):
        return 0


def line() -> str:
    """What ``confine_files`` does on this machine, in words for the containment line."""
    abi = version()
    if abi:
        return (
            f"Landlock (ABI {abi}) confines a provider's files to its store, its code and "
            "the system's read-only paths (confine_files)"
        )
    return "no Landlock here: a provider may read and write every file of the user"


def _handled(abi: int) -> int:
    rights = (1 << 13) - 1  # ABI 1: execute … make_sym
    for since, right in ((2, REFER), (3, TRUNCATE), (5, IOCTL_DEV)):
        if abi >= since:
            rights |= right
    return rights


def confine(
    store: Path,
    default_store: Path | None,
    provider: str,
    settings: Mapping[str, Any],
    command: Sequence[str] = (),
    command_folder: str | None = None,
    temporary: Path | None = None,
) -> bool:
    """Confine this process, and all it starts, to the files above; a program provider's
    ``command`` (run in ``command_folder``) may read and run the files its words name,
    and ``temporary`` is its ``TMPDIR``. False where the kernel has no Landlock;
    ``OSError`` where it has one and confining failed."""
    abi = version()
    if not abi:
        return False
    handled = _handled(abi)
    attr = _RulesetAttr(handled)
    ruleset = _syscall(_CREATE_RULESET, ctypes.byref(attr), ctypes.sizeof(attr), 0)
    try:
        for path in (store, default_store):
            if path is not None:
                # Made now, 0700: confined, it could not make them (if this fails, the
                # host names a store it cannot make as before).
                with contextlib.suppress(OSError):
                    make_private_dirs(path)
                _allow(ruleset, path, handled)
        if temporary is not None:
            _allow(ruleset, temporary, handled)
        readable = _readable(provider) | set(_named(settings))
        readable |= _program_files(command, command_folder)
        # Symbolic links resolved too: Landlock holds the files they lead to.
        for path in readable | {path.resolve() for path in readable}:
            _allow(ruleset, path, _READ & handled)
        for device, rights in _DEVICES.items():
            _allow(ruleset, Path(device), rights)
        if _libc_prctl(_PR_SET_NO_NEW_PRIVS, 1) != 0:  # required to restrict oneself
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        _syscall(_RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)
    return True


def _libc_prctl(option: int, value: int) -> int:
    return int(ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0))


def _allow(ruleset: int, path: Path, rights: int) -> None:
    """Allow ``rights`` beneath ``path`` (a file's rights only, if it is no directory);
    a path that does not exist is skipped."""
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not Path(f"/proc/self/fd/{fd}").is_dir():
            rights &= _FILE_RIGHTS
        rule = _PathBeneathAttr(rights, fd)
        _syscall(_ADD_RULE, ruleset, _RULE_PATH_BENEATH, ctypes.byref(rule), 0)
    finally:
        os.close(fd)


def _readable(provider: str) -> set[Path]:
    """The trees a provider reads and executes: the system's, the interpreter's and the
    app's import paths, and the provider's own code."""
    here = Path.cwd()
    found = {Path(path) for path in _SYSTEM}
    found |= {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    found |= {Path(entry) for entry in sys.path if entry and Path(entry) != here}
    found.add(_APP_PACKAGE / "providers")  # the bundled providers, linked in a checkout
    found |= _provider_code(provider)
    for variable in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        if os.environ.get(variable):
            found.add(Path(os.environ[variable]))
    return found


def _program_files(command: Sequence[str], folder: str | None) -> set[Path]:
    """The files a program provider's words name (``provider.js`` of ``node provider.js``,
    the program itself), from its folder: not the folder, which may hold the profile."""
    found: set[Path] = set()
    for word in command:
        path = Path(folder or ".", word)
        with contextlib.suppress(OSError):
            if path.is_file():
                found.add(path.absolute())
    return found


def _named(value: object) -> Iterator[Path]:
    """The absolute paths among a settings table's texts, however deep."""
    if isinstance(value, str) and os.path.isabs(value):
        yield Path(value)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _named(item)
    elif isinstance(value, list):
        for item in value:
            yield from _named(item)


def _provider_code(spec: str) -> set[Path]:
    """Where the provider's code lives: the folder of its file and of the package that
    folder is in, or its module's top-level package or module (found, not imported: no
    provider code runs)."""
    module = spec.rpartition(":")[0] if ":" in spec else loading.entry_point_module(spec)
    if module.endswith(".py"):
        folder = Path(module).absolute().parent
        while (folder / "__init__.py").exists() and (folder.parent / "__init__.py").exists():
            folder = folder.parent
        return {folder}
    with contextlib.suppress(ImportError, ValueError):
        found = importlib.util.find_spec(module.partition(".")[0])
        if found is not None:
            places: Iterable[str] = found.submodule_search_locations or ()
            return {Path(place) for place in places} | (
                {Path(found.origin)} if found.origin else set()
            )
    return set()
