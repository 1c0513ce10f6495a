"""A Send/Receive run: one task per account, each provider called on its own thread.

The engine is asyncio code with no Qt in it: the GUI drives it on qasync's loop, the
headless front-end with ``asyncio.run``. Provider calls never run on the event loop's
thread; the loop only supervises (returns, Done, cancel grace, stalls), woken by the
tracker's listener and the worker thread through ``call_soon_threadsafe`` — a handful
of wake-ups per task, never one per callback.

Provider threads are daemon threads: a provider that ignores Cancel is *abandoned*
after the grace period (reported, logged) and cannot keep the application from exiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.contract import (
    E_FAIL,
    E_UNEXPECTED,
    FAILED,
    MAPI_E_DISK_ERROR,
    MAPISIB,
    SyncFlags,
    format_hresult,
    normalize_hresult,
)
from app.errorlog import ErrorKind, ErrorLog
from app.plugins import ProviderLoadError, create_provider
from app.profile import Account
from app.session import Session
from app.text import shorten_repr
from app.tracker import CallbackUnknown, TaskState, TaskStatus, TaskTracker

log = logging.getLogger("sendreceive.engine")

_Waker = Callable[[], None]  # wakes a task's supervising coroutine; callable from any thread


@dataclass(frozen=True)
class RunLimits:
    """The host's patience. Tests shrink these; the GUI reads them from settings."""

    max_parallel: int = 8
    stall_timeout: float = 30.0  # seconds without a callback before "not responding"
    cancel_grace: float = 10.0  # seconds a cancelled provider has to call Done
    done_event_grace: float = 2.0  # seconds between phSyncDoneEvent and a missing Done
    watchdog_interval: float = 0.25


@dataclass(frozen=True)
class RunSummary:
    total: int
    succeeded: int
    failed: int
    cancelled: int
    finished: int
    errors: int
    warnings: int

    @property
    def headline(self) -> str:
        """Outlook's header line, truthful whatever the tasks' fates."""
        return f"{self.succeeded} of {self.total} tasks have completed successfully"

    @property
    def all_succeeded(self) -> bool:
        return self.succeeded == self.total


@dataclass
class _Returned:
    """What happened on the worker thread, handed to the supervising coroutine."""

    value: Any = None
    exception: BaseException | None = None
    load_error: str | None = None
    sib: MAPISIB | None = None


class Task:
    """One account's sync within one run."""

    def __init__(
        self, account: Account, flags: SyncFlags, store_dir: Path, error_log: ErrorLog
    ) -> None:
        self.account = account
        self.flags = flags
        self.store_dir = store_dir
        self.tracker = TaskTracker(account.task_name, error_log)
        self.logger = logging.getLogger(f"sendreceive.provider.{_slug(account.name)}")
        self.session = Session(
            account.name,
            account.settings,
            store_dir,
            self.logger,
            lambda: self.tracker.cancel_requested,
        )
        self.thread: threading.Thread | None = None
        self._returned: _Returned | None = None
        self._event_fired = False

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

    # ------------------------------------------------------------ worker thread

    def call_provider(self, wake: _Waker) -> None:
        """The worker thread's body: build the provider, call SynchronizeInBackground."""
        returned = _Returned()
        try:
            try:
                self.store_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                returned.load_error = (
                    f"cannot create the local store {self.store_dir}: {exc.strerror}"
                )
                returned.value = MAPI_E_DISK_ERROR
                return
            try:
                provider = create_provider(self.account.provider, self.account.settings)
            except ProviderLoadError as exc:
                returned.load_error = f"Cannot load provider {self.account.provider!r}: {exc}"
                returned.value = E_FAIL
                return
            returned.sib = MAPISIB(
                ulFlags=int(self.flags),
                psesSync=self.session,
                punkCallBack=CallbackUnknown(self.tracker),
            )
            try:
                returned.value = provider.SynchronizeInBackground(returned.sib)
            except BaseException as exc:  # SystemExit from a provider must not end the host
                self.logger.error("SynchronizeInBackground raised", exc_info=exc)
                returned.exception = exc
        finally:
            self._returned = returned
            wake()

    def watch_done_event(self, event: Any, wake: _Waker) -> None:
        event.wait()
        self._event_fired = True
        wake()


class Run:
    """The tasks of one Send/Receive, supervised together."""

    def __init__(
        self,
        accounts: Sequence[Account],
        store_root: Path,
        limits: RunLimits | None = None,
        on_demand: bool = True,
    ) -> None:
        self.limits = limits or RunLimits()
        self.error_log = ErrorLog()
        trigger = SyncFlags.SYNC_ON_DEMAND if on_demand else SyncFlags.SYNC_BACKGROUND
        self.tasks = [
            Task(account, account.flags | trigger, store_root / _slug(account.name), self.error_log)
            for account in accounts
        ]
        self.started_at: float | None = None
        self.finished_at: float | None = None

    def __repr__(self) -> str:
        return f"<Run {len(self.tasks)} tasks finished={self.finished}>"

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()

    def summary(self) -> RunSummary:
        states = [task.tracker.status for task in self.tasks]
        entries = self.error_log.entries[:]
        return RunSummary(
            total=len(states),
            succeeded=sum(s.is_success for s in states),
            failed=sum(s is TaskStatus.FAILED for s in states),
            cancelled=sum(s in (TaskStatus.CANCELLED, TaskStatus.ABANDONED) for s in states),
            finished=sum(s.is_final for s in states),
            errors=sum(e.count for e in entries if e.kind is not ErrorKind.WARNING),
            warnings=sum(e.count for e in entries if e.kind is ErrorKind.WARNING),
        )

    async def execute(self) -> RunSummary:
        self.started_at = time.monotonic()
        slots = asyncio.Semaphore(self.limits.max_parallel)
        watchdog = asyncio.create_task(self._watch(), name="sendreceive-watchdog")
        try:
            await asyncio.gather(*(self._run_task(task, slots) for task in self.tasks))
        except asyncio.CancelledError:
            self.cancel_all()
            raise
        finally:
            watchdog.cancel()
            self.finished_at = time.monotonic()
        summary = self.summary()
        log.info("run finished: %s", summary.headline)
        return summary

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self.limits.watchdog_interval)
            now = time.monotonic()
            for task in self.tasks:
                task.tracker.check_responsive(now, self.limits.stall_timeout)

    async def _run_task(self, task: Task, slots: asyncio.Semaphore) -> None:
        async with slots:
            if task.tracker.status.is_final:  # cancelled while waiting for a slot
                return
            loop = asyncio.get_running_loop()
            wake_event = asyncio.Event()

            def wake() -> None:
                # A provider thread may outlive the loop (abandoned); nothing to wake then.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(wake_event.set)

            task.tracker.add_listener(wake)
            task.tracker.start()
            task.thread = threading.Thread(
                target=task.call_provider,
                args=(wake,),
                name=f"provider:{task.account.name}",
                daemon=True,
            )
            task.thread.start()
            await self._supervise(task, wake_event, wake)

    async def _supervise(self, task: Task, wake_event: asyncio.Event, wake: _Waker) -> None:
        tracker = task.tracker
        loop = asyncio.get_running_loop()
        judged = False
        cancel_deadline: float | None = None
        event_deadline: float | None = None
        while True:
            wake_event.clear()
            if not judged and task._returned is not None:
                judged = True
                self._judge_return(task, task._returned, wake)
            if tracker.status.is_final:
                return
            now = loop.time()
            if task._event_fired and event_deadline is None:
                event_deadline = now + self.limits.done_event_grace
            if tracker.cancel_requested and cancel_deadline is None:
                cancel_deadline = now + self.limits.cancel_grace
            if event_deadline is not None and now >= event_deadline:
                tracker.violation(
                    "Done missing",
                    "the provider signalled phSyncDoneEvent but never called Done",
                )
                tracker.fail(
                    E_UNEXPECTED, "The provider ended without reporting a result (no Done)."
                )
                return
            if cancel_deadline is not None and now >= cancel_deadline:
                self._abandon(task)
                return
            deadlines = [d for d in (cancel_deadline, event_deadline) if d is not None]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake_event.wait(), timeout)

    def _judge_return(self, task: Task, returned: _Returned, wake: _Waker) -> None:
        """Apply rules 2, 3 and 6 of the contract to what SynchronizeInBackground did."""
        tracker = task.tracker
        if returned.load_error is not None:
            tracker.fail(int(returned.value), returned.load_error)
            return
        if returned.exception is not None:
            exc = returned.exception
            text = f"SynchronizeInBackground raised {type(exc).__name__}: {exc}"
            if not tracker.fail(E_FAIL, text):
                tracker.violation("raised after Done", text)
            return
        hr = normalize_hresult(returned.value)
        if hr is None:
            tracker.violation(
                "return type",
                "SynchronizeInBackground must return an HRESULT int, got "
                f"{shorten_repr(returned.value)}; taken as S_OK",
            )
            hr = 0
        if FAILED(hr):
            if tracker.done_called:
                if tracker.status.is_success:
                    tracker.violation(
                        "return after Done",
                        f"returned {format_hresult(hr)} after Done reported success",
                    )
                return
            tracker.fail(hr, f"SynchronizeInBackground returned {format_hresult(hr)}")
            return
        if tracker.done_called or tracker.status.is_final:
            return
        assert returned.sib is not None
        event = returned.sib.phSyncDoneEvent.value
        if event is None:
            tracker.violation(
                "Done missing",
                "SynchronizeInBackground returned success without calling Done and without "
                "filling phSyncDoneEvent (background style)",
            )
            tracker.fail(
                E_UNEXPECTED, "The provider returned without reporting a result (no Done)."
            )
            return
        if not callable(getattr(event, "wait", None)):
            tracker.violation(
                "phSyncDoneEvent type",
                f"phSyncDoneEvent must hold a threading.Event, got {shorten_repr(event)}",
            )
            tracker.fail(E_UNEXPECTED, "The provider's done event is not an event.")
            return
        threading.Thread(
            target=task.watch_done_event,
            args=(event, wake),
            name=f"done-event:{task.account.name}",
            daemon=True,
        ).start()

    def _abandon(self, task: Task) -> None:
        grace = self.limits.cancel_grace
        task.tracker.abandon(
            f"The provider did not stop within {grace:g} s of Cancel; it was abandoned "
            "and its thread left to end on its own."
        )
        log.warning(
            "abandoned task %r: thread %s still alive=%s",
            task.name,
            task.thread.name if task.thread else "?",
            bool(task.thread and task.thread.is_alive()),
        )


def _slug(name: str) -> str:
    """A file-system-safe folder name for an account."""
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "account"
