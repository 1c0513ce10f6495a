"""Ties a background-style provider's own threads to the task they work for (thread mode).

A provider thread that dies (by an exception, or quietly) never calls ``Done``; without
this the task would wait for its time limit or the user. A thread belongs to a task when
one of its frames holds one of the task's host objects (callback, ``MAPISIB``, session)
directly, as an attribute of ``self``, inside a tuple, or in a closure — which is how a
provider hands the callback to its thread. Attributes are read with ``gc.get_referents``,
which runs no code of the provider's (no ``__getattr__``, no ``__dict__`` property). Two uses:

- ``threading.excepthook``, held by the host while any task is watched: the dying
  thread's owner fails at once. A provider that assigns ``threading.excepthook`` meanwhile
  does not displace it: its hook is kept for the threads of no task, and restored when
  the last task ends;
- ``threads_of(owner)``, right after a background call returns; the task's watchdog
  then notices when all of them have ended without ``Done``.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
import types
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import Any, Protocol

log = logging.getLogger("sendreceive.engine")

_SMALL = 16  # containers larger than this are not searched


class ThreadOwner(Protocol):
    """A task's host side, as this module sees it."""

    def host_objects(self) -> tuple[object, ...]:
        """What a provider's frames may hold that ties them to this task."""
        ...

    def host_threads(self) -> tuple[threading.Thread | None, ...]: ...

    def thread_raised(self, thread_name: str, exc_info: Any) -> None:
        """A thread of this task's provider died by an exception (called on it)."""
        ...


_lock = threading.Lock()
_owners: set[ThreadOwner] = set()
_chained: Any = None  # the hook in place before ours, or the one a provider assigned


class _GuardedThreading(types.ModuleType):
    """``threading``'s class while the host's hook is in place: an assignment to
    ``threading.excepthook`` is kept aside instead of replacing the host's."""

    def __setattr__(self, name: str, value: Any) -> None:
        global _chained
        if name == "excepthook":
            _chained = value
            log.warning(
                "threading.excepthook was replaced (by a provider?) during a run: the host "
                "keeps its own until the run ends; the new hook sees the threads of no task"
            )
            return
        super().__setattr__(name, value)


def watch(owner: ThreadOwner) -> None:
    """Attribute thread deaths to ``owner`` until ``unwatch``."""
    global _chained
    with _lock:
        if not _owners:
            _chained = threading.excepthook
            threading.excepthook = _on_thread_exception
            threading.__class__ = _GuardedThreading
        _owners.add(owner)


def unwatch(owner: ThreadOwner) -> None:
    with _lock:
        _owners.discard(owner)
        if not _owners and type(threading) is _GuardedThreading:
            threading.__class__ = types.ModuleType  # type: ignore[assignment]  # undo watch()
            threading.excepthook = _chained


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    owner = _owner(args.exc_traceback)
    if owner is None or args.exc_value is None:
        _chained(args)
        return
    name = args.thread.name if args.thread else "?"
    owner.thread_raised(name, (args.exc_type, args.exc_value, args.exc_traceback))


def threads_of(owner: ThreadOwner) -> list[int]:
    """The idents of the live threads, other than the host's, whose stacks hold the
    owner's objects. Reads frames only: no method of a provider's thread object runs."""
    wanted = {id(obj) for obj in owner.host_objects()}
    ours = {t.ident for t in owner.host_threads() if t is not None}
    ours |= {threading.main_thread().ident, threading.get_ident()}
    return [
        ident
        for ident, frame in sys._current_frames().items()
        if ident not in ours and any(id(v) in wanted for v in _values(_stack(frame)))
    ]


def _owner(tb: TracebackType | None) -> ThreadOwner | None:
    with _lock:
        by_id = {id(obj): owner for owner in _owners for obj in owner.host_objects()}
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for value in _values(frames):
        owner = by_id.get(id(value))
        if owner is not None:
            return owner
    return None


def _stack(frame: FrameType | None) -> list[FrameType]:
    stack = []
    while frame is not None:
        stack.append(frame)
        frame = frame.f_back
    return stack


def _values(frames: list[FrameType]) -> Iterator[object]:
    """Locals, one level into them: attributes, small containers, closure cells."""
    for frame in frames:
        for value in list(frame.f_locals.values()):
            yield value
            yield from _inside(value)
            for inner in _inside(value):
                yield from _inside(inner)


def _inside(value: object) -> Iterator[object]:
    # Exact types and gc.get_referents: no __getattr__ or __dict__ property of a
    # provider's class ever runs.
    kind = type(value)
    # The exact-type test comes first: isinstance() may read a provider's __class__.
    if (kind is tuple or kind is list) and isinstance(value, tuple | list):
        if len(value) <= _SMALL:
            yield from value
    elif kind is types.FunctionType and isinstance(value, types.FunctionType):
        for cell in value.__closure__ or ():
            with contextlib.suppress(ValueError):  # an empty cell
                yield cell.cell_contents
    elif kind is not type and kind is not types.ModuleType:
        for attributes in gc.get_referents(value):
            if type(attributes) is dict and len(attributes) <= _SMALL * 4:
                yield from list(attributes.values())
