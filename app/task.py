"""One account's sync within a run: its tracker, its session, its worker thread."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.contract import E_FAIL, E_UNEXPECTED, MAPI_E_DISK_ERROR, MAPISIB, SyncFlags
from app.errorlog import ErrorLog
from app.pacing import GuiPacer
from app.paths import slug
from app.plugins import ProviderLoadError, create_provider
from app.profile import Account
from app.provider_threads import threads_of
from app.rules import Rule
from app.session import Session
from app.tracker import CallbackUnknown, TaskState, TaskStatus, TaskTracker

_EVENT_POLL = 0.1  # seconds; how soon a done-event watcher notices it is no longer needed
Waker = Callable[[], None]  # wakes a task's supervising coroutine; callable from any thread


@dataclass
class Returned:
    """What happened on the worker thread, handed to the supervising coroutine."""

    value: Any = None
    exception: BaseException | None = None
    load_error: str | None = None


class Task:
    """One account's sync. Its attributes are written by the worker thread and read
    by the supervisor on the event loop, always followed by a wake-up."""

    def __init__(
        self,
        account: Account,
        flags: SyncFlags,
        store_dir: Path,
        error_log: ErrorLog,
        pacer: GuiPacer | None = None,
    ) -> None:
        self.account = account
        self.flags = flags
        self.store_dir = store_dir
        self.tracker = TaskTracker(account.task_name, error_log, pacer)
        self.logger = logging.getLogger(f"sendreceive.provider.{slug(account.name)}")
        self.session = Session(
            account.name,
            account.settings,
            store_dir,
            self.logger,
            lambda: self.tracker.cancel_requested,
        )
        self.sib = MAPISIB(
            ulFlags=int(flags), psesSync=self.session, punkCallBack=CallbackUnknown(self.tracker)
        )
        self.thread: threading.Thread | None = None
        self.returned: Returned | None = None
        self.event_fired = False
        self.event_watcher: threading.Thread | None = None
        self._stop_watching = threading.Event()
        self.background = False  # returned S_OK with a done event: Done is still to come
        self.provider_threads: list[threading.Thread] = []  # a background provider's own

    def __repr__(self) -> str:
        account = self.account
        return f"<Task {account.name!r} provider={account.provider!r} {self.tracker.status.name}>"

    @property
    def name(self) -> str:
        return self.tracker.name

    def cancel(self) -> bool:
        return self.tracker.request_cancel()

    def snapshot(self) -> TaskState:
        return self.tracker.snapshot()

    def host_objects(self) -> tuple[object, ...]:
        """What a provider's frames may hold that ties them to this task."""
        return (self.tracker, self.session, self.sib, self.sib.punkCallBack, self)

    def start(self, wake: Waker) -> None:
        self.thread = threading.Thread(
            target=self._call_provider,
            args=(wake,),
            name=f"provider:{self.account.name}",
            daemon=True,  # an abandoned provider must not keep the app from exiting
        )
        _launch(self.thread)

    def watch_done_event(self, event: Any, wake: Waker) -> None:
        """Wait, on a daemon thread, for the provider's phSyncDoneEvent, until the
        supervisor stops caring (``stop_watching``): a provider that never sets its
        event must not leave a host thread behind."""

        def wait() -> None:
            while not event.wait(_EVENT_POLL):
                if self._stop_watching.is_set():
                    return
            self.event_fired = True
            wake()

        self.event_watcher = threading.Thread(
            target=wait, name=f"done-event:{self.account.name}", daemon=True
        )
        self.event_watcher.start()

    def stop_watching(self) -> None:
        self._stop_watching.set()

    def host_threads(self) -> tuple[threading.Thread | None, ...]:
        return (self.thread, self.event_watcher)

    def check_provider_threads(self) -> None:
        """Fail a background task whose own threads all ended without calling Done.

        The threads seen when the call returned are watched; if none was seen (it may
        have ended already), a task gone silent is searched for a thread still holding
        its callback, and failed when there is none."""
        tracker = self.tracker
        if not self.background or tracker.done_called or tracker.status.is_final:
            return
        threads = self.provider_threads
        if threads:
            if any(thread.is_alive() for thread in threads):
                return
            detail = "the provider's thread " + ", ".join(repr(t.name) for t in threads) + " ended"
        elif tracker.status is TaskStatus.NOT_RESPONDING:
            if threads_of(self):
                return
            detail = "no thread of the provider holds its callback any more"
        else:
            return
        tracker.violation(Rule.STYLES, "thread ended without Done", detail)
        tracker.fail(
            E_UNEXPECTED, "The provider's thread ended without reporting a result (no Done)."
        )

    def _call_provider(self, wake: Waker) -> None:
        returned = Returned()
        try:
            try:
                self.store_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                returned.load_error = (
                    f"Cannot create the local store {self.store_dir}: {exc.strerror}"
                )
                returned.value = MAPI_E_DISK_ERROR
                return
            try:
                provider = create_provider(self.account.provider, self.account.settings)
            except ProviderLoadError as exc:
                returned.load_error = f"Cannot load provider {self.account.provider!r}: {exc}"
                returned.value = E_FAIL
                return
            try:
                returned.value = provider.SynchronizeInBackground(self.sib)
            except BaseException as exc:  # SystemExit from a provider must not end the host
                self.logger.error("SynchronizeInBackground raised", exc_info=exc)
                returned.exception = exc
        finally:
            self.returned = returned
            wake()


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
