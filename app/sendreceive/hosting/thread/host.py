"""Thread mode: a task's provider runs on a daemon thread of this process.

The worker thread is the provider's own: it loads the provider, calls it and reads what
it hands back (``sendreceive.hosting.calling``); the event loop only reads the plain ``Outcome``.
A background provider's done event (an exact ``threading.Event``, so waiting on it runs
no provider code) is watched by a daemon thread of the host's. What thread mode cannot
keep apart — memory, file descriptors, the working directory, ``os._exit`` — is listed
in the README; process mode (a second ``ProviderHost``) will.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from sendreceive.contract import E_FAIL, SyncSession
from sendreceive.hosting.calling import call_provider, log_raised, make_sib
from sendreceive.hosting.host import Outcome, TaskSetup, Waker
from sendreceive.hosting.thread.threads import threads_of, unwatch, watch
from sendreceive.printable import describe_exception
from sendreceive.tracking.findings import Finding, Found
from sendreceive.tracking.trace import DONE_EVENT_SET

_EVENT_POLL = 0.1  # seconds; how soon a done-event watcher notices it is no longer needed


class ThreadHost:
    """``ProviderHost`` on threads: one worker thread per task."""

    isolation = "thread"

    def __init__(
        self,
        setup: TaskSetup,
        on_loaded: Callable[[], None] | None = None,
        session: SyncSession | None = None,
        companions: tuple[threading.Thread, ...] = (),
    ) -> None:
        """The rest is for a provider's process (``sendreceive.hosting.process.child``): it
        says when the provider is loaded, resolves the password in the app, and has host
        threads of its own (``companions``) that hold the task's objects but are no
        provider's."""
        self._setup = setup
        self._on_loaded = on_loaded
        self._companions = companions
        self.sib = make_sib(setup, session)
        self._outcome: Outcome | None = None
        self._loaded = False
        self._event_set = False
        self._thread: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()
        # A background provider's own threads, as (ident, name), found on the worker
        # thread when the call returned.
        self._provider_threads: list[tuple[int, str]] = []

    def __repr__(self) -> str:
        return f"<ThreadHost {self._setup.account.name!r}>"

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def done_event_set(self) -> bool:
        return self._event_set

    def start(self, wake: Waker) -> None:
        self._setup.tracker.start()
        watch(self)
        self._thread = threading.Thread(
            target=self._call,
            args=(wake,),
            name=f"provider:{self._setup.account.name}",
            daemon=True,  # an abandoned provider must not keep the app from exiting
        )
        _launch(self._thread)

    def stop(self) -> None:
        self._stop.set()
        unwatch(self)

    def terminate(self) -> bool:
        return False  # a thread cannot be stopped from outside: it is abandoned

    def wait_finished(self, timeout: float) -> bool:
        """A thread's calls reach the tracker as they are made: nothing is in flight."""
        return True

    def left_behind(self) -> str:
        thread = self._thread
        alive = thread is not None and thread.is_alive()
        return f"thread {thread.name if thread else '?'} alive={alive}"

    def waited_for_cpu(self) -> float:
        """A host starved by one of its threads is the engine's to name (``Task``)."""
        return 0.0

    def starved(self) -> bool | None:
        """A thread that waits for the GIL is the engine's lateness to judge (``Task``)."""
        return False

    def work_ended(self, silent: bool) -> Found | None:
        threads = self._provider_threads
        if threads:
            running = sys._current_frames()
            if any(ident in running for ident, _ in threads):
                return None
            names = ", ".join(repr(name) for _, name in threads)
            return Finding.THREAD_ENDED_WITHOUT_DONE(names)
        if silent and not threads_of(self):
            return Finding.CALLBACK_LET_GO_WITHOUT_DONE()
        return None

    # ------------------------------------------------------------ provider_threads.ThreadOwner

    def host_objects(self) -> tuple[object, ...]:
        sib = self.sib
        return (self._setup.tracker, sib.psesSync, sib, sib.punkCallBack, self)

    def host_threads(self) -> tuple[threading.Thread | None, ...]:
        return (self._thread, self._watcher, *self._companions)

    def thread_raised(self, thread_name: str, exc_info: Any) -> None:
        log_raised(self._setup.logger, f"provider thread {thread_name} raised", exc_info[1])
        self._setup.tracker.fail(
            E_FAIL, Finding.THREAD_RAISED(repr(thread_name), describe_exception(exc_info[1]))
        )

    # ------------------------------------------------------------ the worker thread

    def _call(self, wake: Waker) -> None:
        outcome = Outcome(E_FAIL, failure=Finding.CALL_FAILED())
        try:
            outcome, event = call_provider(self._setup, self.sib, self._provider_loaded)
            if event is not None:
                # On the provider's own thread: reading its thread objects is safe here.
                self._provider_threads = [(i, _thread_name(i)) for i in threads_of(self)]
                self._watch_done_event(event, wake)
        finally:
            self._outcome = outcome
            wake()

    def _provider_loaded(self) -> None:
        self._loaded = True
        if self._on_loaded is not None:
            self._on_loaded()

    def _watch_done_event(self, event: threading.Event, wake: Waker) -> None:
        """Wait, on a daemon thread, for the provider's phSyncDoneEvent until the task's
        supervision ends: a provider that never sets it must not leave a host thread."""

        def wait() -> None:
            while not event.wait(_EVENT_POLL):
                if self._stop.is_set():
                    return
            self._event_set = True
            self._setup.tracker.note(DONE_EVENT_SET, None)
            wake()

        self._watcher = threading.Thread(
            target=wait, name=f"done-event:{self._setup.account.name}", daemon=True
        )
        self._watcher.start()


def _thread_name(ident: int) -> str:
    thread = threading._active.get(ident)  # type: ignore[attr-defined]  # ident -> Thread
    return str(thread.name) if thread is not None else f"thread {ident}"


_launch_queue: queue.SimpleQueue[threading.Thread] = queue.SimpleQueue()
_launcher: threading.Thread | None = None
_launcher_lock = threading.Lock()


def _launch(thread: threading.Thread) -> None:
    """Start ``thread`` from a launcher thread of the host's own: ``Thread.start`` waits
    until the new thread runs, which takes long when busy provider threads hold the GIL,
    and the event loop (the GUI thread) must not wait for that."""
    global _launcher
    with _launcher_lock:
        if _launcher is None or not _launcher.is_alive():
            _launcher = threading.Thread(
                target=_run_launcher, name="provider-launcher", daemon=True
            )
            _launcher.start()
    _launch_queue.put(thread)


def _run_launcher() -> None:
    while True:
        _launch_queue.get().start()
