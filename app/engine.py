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
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.contract import SyncFlags
from app.errorlog import ErrorKind, ErrorLog
from app.pacing import GuiPacer
from app.paths import store_dir
from app.profile import Account
from app.provider_threads import watch
from app.supervisor import RunLimits, Supervisor
from app.task import Task
from app.tracker import TaskStatus

log = logging.getLogger("sendreceive.engine")


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


class Run:
    """The tasks of one Send/Receive, supervised together."""

    def __init__(
        self,
        accounts: Sequence[Account],
        store_root: Path,
        limits: RunLimits | None = None,
        on_demand: bool = True,
        pacer: GuiPacer | None = None,
    ) -> None:
        """``pacer``: given by a GUI, so that flooding providers leave it the GIL."""
        self.limits = limits or RunLimits()
        self.error_log = ErrorLog()
        trigger = SyncFlags.SYNC_ON_DEMAND if on_demand else SyncFlags.SYNC_BACKGROUND
        self.tasks = [
            Task(
                account,
                account.flags | trigger,
                store_dir(store_root, account.name),
                self.error_log,
                pacer,
            )
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
        error_log = self.error_log
        return RunSummary(
            total=len(states),
            succeeded=sum(s.is_success for s in states),
            failed=sum(s is TaskStatus.FAILED for s in states),
            cancelled=sum(s in (TaskStatus.CANCELLED, TaskStatus.ABANDONED) for s in states),
            finished=sum(s.is_final for s in states),
            errors=error_log.count(ErrorKind.ERROR, ErrorKind.VIOLATION),
            warnings=error_log.count(ErrorKind.WARNING),
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
                task.check_provider_threads()

    async def _run_task(self, task: Task, slots: asyncio.Semaphore) -> None:
        async with slots:
            if task.tracker.status.is_final:  # cancelled while waiting for a slot
                return
            loop = asyncio.get_running_loop()
            wake_event = asyncio.Event()
            supervising = True

            def wake() -> None:
                # Abandoned provider threads outlive their supervisor, and may outlive
                # the loop itself (qasync's is a Qt object): once supervision is over
                # they must not touch it.
                if supervising:
                    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                        loop.call_soon_threadsafe(wake_event.set)

            task.tracker.add_listener(wake)
            watch(task)
            task.tracker.start()
            task.start(wake)
            try:
                await Supervisor(task, self.limits).run(wake_event, wake)
            finally:
                supervising = False
                task.stop_watching()


__all__ = ["Run", "RunLimits", "RunSummary", "Task"]
