"""Ties a background-style provider's own threads to the task they work for.

A provider thread that dies (by an exception, or quietly) never calls ``Done``; without
this the task would wait for its time limit or the user. A thread belongs to a task when
one of its frames holds one of the task's host objects (callback, ``MAPISIB``, session),
directly, as an attribute of ``self``, inside a tuple, or in a closure — which is how a
provider hands the callback to its thread. Two uses:

- ``threading.excepthook`` (installed once, chained): the dying thread's task fails at
  once with ``E_FAIL`` and the exception's text;
- ``threads_of(task)`` right after a background call returns; the engine's watchdog
  then notices when all of them have ended without ``Done``.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import weakref
from collections.abc import Iterator
from types import FrameType, FunctionType, TracebackType
from typing import TYPE_CHECKING, Any

from app.contract import E_FAIL

if TYPE_CHECKING:  # app.task uses this module
    from app.task import Task

log = logging.getLogger("sendreceive.engine")

_live_tasks: weakref.WeakSet[Task] = weakref.WeakSet()
_install_lock = threading.Lock()
_previous_hook: Any = None
_SMALL = 16  # containers larger than this are not searched


def watch(task: Task) -> None:
    """Attribute thread deaths to ``task`` while it is alive."""
    _install()
    _live_tasks.add(task)


def _install() -> None:
    global _previous_hook
    with _install_lock:
        if _previous_hook is None:
            _previous_hook = threading.excepthook
            threading.excepthook = _on_thread_exception


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    task = _owner(args.exc_traceback)
    if task is None or args.exc_value is None:
        _previous_hook(args)
        return
    exc = args.exc_value
    name = args.thread.name if args.thread else "?"
    task.logger.error(
        "provider thread %s raised", name, exc_info=(args.exc_type, exc, args.exc_traceback)
    )
    task.tracker.fail(E_FAIL, f"The provider's thread {name!r} raised {type(exc).__name__}: {exc}")


def threads_of(task: Task) -> list[threading.Thread]:
    """The live threads, other than the host's, whose stacks hold the task's objects."""
    wanted = {id(obj) for obj in task.host_objects()}
    frames = sys._current_frames()
    ours = {*task.host_threads(), threading.main_thread(), threading.current_thread()}
    found = []
    for thread in threading.enumerate():
        if thread in ours or thread.ident not in frames:
            continue
        if any(id(v) in wanted for v in _values(_stack(frames[thread.ident]))):
            found.append(thread)
    return found


def _owner(tb: TracebackType | None) -> Task | None:
    by_id = {id(obj): task for task in list(_live_tasks) for obj in task.host_objects()}
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for value in _values(frames):
        task = by_id.get(id(value))
        if task is not None:
            return task
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
    # type() checks and object.__getattribute__: a provider's own __getattr__ never runs.
    if type(value) in (tuple, list) and len(value) <= _SMALL:  # type: ignore[arg-type]
        yield from value  # type: ignore[misc]
    elif type(value) is FunctionType:
        for cell in value.__closure__ or ():
            with contextlib.suppress(ValueError):  # an empty cell
                yield cell.cell_contents
    else:
        try:
            attributes = object.__getattribute__(value, "__dict__")
        except (AttributeError, TypeError):
            return
        if type(attributes) is dict and len(attributes) <= _SMALL * 4:
            yield from list(attributes.values())
