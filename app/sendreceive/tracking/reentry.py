"""Host locks that provider code running under them cannot deadlock.

Provider code can run on a host thread without being called: a finalizer (``__del__``)
or a weakref callback of the provider's runs wherever the cyclic collector happens to
run (at any allocation, inside any locked section of the host's), or wherever the last
reference goes. If it calls back (``Progress``…) on a thread that holds the lock that
call needs, the thread waits for itself; on a lock another thread holds while it waits
for one this thread holds, both wait. So every host section marks its thread while it
holds a ``HostLock``, and a callback made on a marked thread is not run there: it is
deferred (``defer``) and run, in the order made, when the thread leaves its outermost
section, with no host lock held. Nothing is lost and nothing blocks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from threading import get_ident
from types import TracebackType

# Thread ident -> host sections it is inside, and the calls deferred on it. Each thread
# touches its own keys only; a dict's item operations are atomic under the GIL. A hot
# path may use them inline (``TaskTracker.Progress``), as ``enter`` and ``leave`` do.
depth: dict[int, int] = {}
deferred: dict[int, list[Callable[[], object]]] = {}


def inside(ident: int) -> bool:
    """Whether thread ``ident`` is inside a host section: provider code running there
    was not called by the host, and must not take a host lock now."""
    return ident in depth


def defer(ident: int, call: Callable[[], object]) -> None:
    """Run ``call`` when thread ``ident`` (the current one) leaves its host sections."""
    deferred.setdefault(ident, []).append(call)


def enter(ident: int) -> None:
    """Mark the thread before taking a lock: a finalizer running while it waits for
    the lock, or right after, is deferred too."""
    depth[ident] = depth.get(ident, 0) + 1


def leave(ident: int) -> None:
    """Unmark the thread after releasing a lock; at the outermost section, run what was
    deferred meanwhile (each call may defer more: it runs in sections of its own)."""
    inside = depth[ident] - 1
    if inside:
        depth[ident] = inside
        return
    del depth[ident]
    if ident in deferred:
        run_deferred(ident)


def run_deferred(ident: int) -> None:
    """Make the calls deferred on thread ``ident``, which has left its host sections."""
    while ident in deferred:
        for call in deferred.pop(ident):
            call()


class HostLock:
    """A ``threading.Lock`` whose holder's thread is marked as inside a host section."""

    __slots__ = ("raw",)

    def __init__(self) -> None:
        self.raw = threading.Lock()  # for a hot path that marks its thread itself

    def acquire(self, blocking: bool = True) -> bool:
        ident = get_ident()
        enter(ident)
        if self.raw.acquire(blocking):
            return True
        leave(ident)
        return False

    def release(self) -> None:
        self.raw.release()
        leave(get_ident())

    def __enter__(self) -> None:
        self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
