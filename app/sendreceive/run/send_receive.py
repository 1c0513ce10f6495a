"""A Send/Receive run: an account's send task, then its receive task, supervised together.

The engine is asyncio code with no Qt in it: the GUI drives it on qasync's loop, the headless
front-end with ``asyncio.run``. It only builds the tasks, bounds how many run at once and ticks
their watchdog; each task's life belongs to ``sendreceive.run.task.Task``, and where its provider
runs to a ``ProviderHost`` (``sendreceive.hosting.host``; threads:
``sendreceive.hosting.thread.host``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path

from sendreceive.config.limits import RunLimits
from sendreceive.config.profile import Account
from sendreceive.contract import SyncFlags
from sendreceive.hosting.host import LAST_MESSAGES_LIMIT, HostFactory
from sendreceive.hosting.isolation import host_factory as choose_hosts
from sendreceive.mail.outbox import default_store
from sendreceive.paths import store_dir
from sendreceive.run.summary import RunSummary, summarize
from sendreceive.run.task import LoopLateness, Task
from sendreceive.tracking.error_log import ErrorLog
from sendreceive.tracking.gil_pacer import GuiPacer
from sendreceive.tracking.trace import run_trace_limit

log = logging.getLogger("sendreceive.engine")
SETTLE_TIMEOUT = LAST_MESSAGES_LIMIT + 5.0  # a finished run's wait for its hosts' ends
SETTLE_END = 5.0  # seconds the run itself waits for them: a kill takes 2 at most (process.host)


class Run:
    """The tasks of one Send/Receive, supervised together."""

    def __init__(
        self,
        accounts: Sequence[Account],
        store_root: Path,
        limits: RunLimits | None = None,
        on_demand: bool = True,
        pacer: GuiPacer | None = None,
        host_factory: HostFactory | None = None,
    ) -> None:
        """``pacer``: given by a GUI, so that flooding providers leave it the GIL.
        ``host_factory``: where providers run; by default as the app decides
        (``sendreceive.hosting.isolation``), the same for every front-end."""
        if host_factory is None:
            host_factory = choose_hosts(None, accounts)
        self.limits = limits or RunLimits()
        self.error_log = ErrorLog()
        self.lateness = LoopLateness()
        # Absolute before any provider runs: a provider's chdir cannot move a store.
        store_root = store_root.expanduser().absolute()
        trigger = SyncFlags.SYNC_ON_DEMAND if on_demand else SyncFlags.SYNC_BACKGROUND
        outbox_root = default_store(store_root).root
        self.tasks: list[Task] = []
        # A receive task waits for its account's send task, as Outlook orders them.
        self._after: dict[Task, Task] = {}
        parts = [(account, account.tasks()) for account in accounts]
        trace_limit = run_trace_limit(sum(len(tasks) for _account, tasks in parts))
        for account, tasks in parts:
            previous: Task | None = None
            for part in tasks:
                task = Task(
                    part,
                    part.flags | trigger,
                    store_dir(store_root, account.name),
                    self.error_log,
                    self.limits,
                    host_factory,
                    pacer,
                    self.lateness,
                    outbox_root,
                    trace_limit,
                )
                if previous is not None:
                    self._after[task] = previous
                self.tasks.append(task)
                previous = task
        self._ended = {task: asyncio.Event() for task in self.tasks}
        self.started_at: float | None = None
        self.started_wall: float | None = None  # time.time(), for recordings
        self.finished_at: float | None = None

    def __repr__(self) -> str:
        return f"<Run {len(self.tasks)} tasks finished={self.finished}>"

    def settle(self, timeout: float = SETTLE_TIMEOUT) -> None:
        """After ``execute``: wait (bounded) until every task's host has delivered all it
        will, such as the trace a provider's process sends when it ends."""
        deadline = time.monotonic() + timeout
        for task in self.tasks:
            task.host.wait_finished(max(0.0, deadline - time.monotonic()))

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def cancel_all(self) -> None:
        for task in self.tasks:
            task.cancel()

    def summary(self) -> RunSummary:
        return summarize(task.snapshot() for task in self.tasks)

    async def execute(self) -> RunSummary:
        self.started_at = time.monotonic()
        self.started_wall = time.time()
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
        # What the hosts find at their processes' ends (what they left behind) is on the
        # tasks' lines before the summary counts them.
        await asyncio.to_thread(self.settle, SETTLE_END)
        summary = self.summary()
        log.info("run finished: %s", summary)
        return summary

    async def _watch(self) -> None:
        interval = self.limits.watchdog_interval
        due = time.monotonic() + interval
        while True:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            now = time.monotonic()
            self.lateness.note(now, now - due)
            due = now + interval
            for task in self.tasks:
                task.check(now)

    async def _run_task(self, task: Task, slots: asyncio.Semaphore) -> None:
        try:
            before = self._after.get(task)
            if before is not None:
                await self._ended[before].wait()
            async with slots:
                if task.tracker.status.is_final:  # cancelled while waiting for a slot
                    return
                await task.run()
        finally:
            self._ended[task].set()


__all__ = ["Run", "RunLimits", "RunSummary", "Task"]
