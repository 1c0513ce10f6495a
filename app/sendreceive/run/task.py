"""One account's sync within a run, from start to its last check: the one owner of a
task's life.

A ``Task`` holds the task's state (its tracker, the host's ``IMAPISyncProgressCallback``)
and a ``ProviderHost`` (``sendreceive.hosting.host``) that runs the provider somewhere — a thread
or a process of its own. ``run()`` starts the provider and supervises it on the event
loop: it judges what ``SynchronizeInBackground`` did (rules 2, 3 and 6) and keeps the
host's deadlines (task time limit, cancel grace, ``Done`` after the done event). It
sleeps until woken (``Done``, cancel, the call returning, the done event) or until the
nearest deadline, and never touches a provider-supplied object: hosts hand it plain data.

The engine's interface is small: ``await run()``, ``cancel()``, ``check(now)`` from the
run's watchdog, ``snapshot()``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path

from sendreceive.config.limits import RunLimits
from sendreceive.config.profile import Account
from sendreceive.contract import E_FAIL, E_UNEXPECTED, FAILED, SyncFlags, format_hresult
from sendreceive.hosting.host import HostFactory, Outcome, TaskSetup
from sendreceive.paths import slug
from sendreceive.tracking.error_log import ErrorLog
from sendreceive.tracking.findings import Finding
from sendreceive.tracking.gil_pacer import GuiPacer
from sendreceive.tracking.trace import TRACE_LIMIT
from sendreceive.tracking.tracker import TaskState, TaskStatus, TaskTracker

log = logging.getLogger("sendreceive.engine")

STARVED_AFTER = 0.5  # seconds the event loop woke late: the whole host was held up


class LoopLateness:
    """How late the host's event loop woke, remembered for a run. A provider holding
    Python's interpreter lock (the GIL) in C code stops every thread of the process; a
    time limit that expires meanwhile is the hog's doing, and the task's line says so."""

    def __init__(self) -> None:
        self._marks: list[tuple[float, float]] = []  # (when, how late), only the bad ones

    def note(self, now: float, late: float) -> None:
        if late >= STARVED_AFTER:
            self._marks.append((now, late))
            log.warning(
                "the host's event loop woke %.1f s late: a thread held the interpreter lock "
                "(a provider in C code?)",
                late,
            )

    def worst_since(self, since: float) -> float:
        return max((late for at, late in self._marks if at >= since), default=0.0)


class Task:
    """One account's sync. Built by the engine; ``run()`` is its whole life."""

    def __init__(
        self,
        account: Account,
        flags: SyncFlags,
        store_dir: Path,
        error_log: ErrorLog,
        limits: RunLimits,
        host_factory: HostFactory,
        pacer: GuiPacer | None = None,
        lateness: LoopLateness | None = None,
        default_store: Path | None = None,
        trace_limit: int = TRACE_LIMIT,
    ) -> None:
        self.account = account
        self.flags = flags
        self.store_dir = store_dir
        self.limits = limits
        self.tracker = TaskTracker(account.task, error_log, pacer, trace_limit)
        self.logger = logging.getLogger(f"sendreceive.provider.{slug(account.name)}")
        self.host = host_factory(
            TaskSetup(account, flags, store_dir, self.tracker, self.logger, default_store)
        )
        self._lateness = lateness or LoopLateness()
        self._judged = False
        self._background = False  # returned S_OK with a done event: Done is still to come
        self._stopped = False  # the host stopped the provider (process mode)

    def __repr__(self) -> str:
        account = self.account
        return f"<Task {account.name!r} provider={account.provider!r} {self.tracker.status.name}>"

    def cancel(self) -> bool:
        return self.tracker.request_cancel()

    def snapshot(self) -> TaskState:
        return self.tracker.snapshot()

    def check(self, now: float) -> None:
        """The run's watchdog, every ``watchdog_interval``: stalls, and a background
        task whose provider's own work ended without ``Done``."""
        tracker = self.tracker
        tracker.check_responsive(now, self.limits.stall_timeout, self.host.starved)
        if not self._background or tracker.done_called or tracker.status.is_final:
            return
        ended = self.host.work_ended(silent=tracker.status is TaskStatus.NOT_RESPONDING)
        if ended is not None:
            tracker.violation(ended)
            tracker.fail(E_UNEXPECTED, Finding.THREAD_NO_RESULT())

    async def run(self) -> None:
        """Start the provider and supervise it until nothing is left to wait for."""
        loop = asyncio.get_running_loop()
        wake_event = asyncio.Event()
        supervising = True

        def wake() -> None:
            # Abandoned providers outlive their supervision, and may outlive the loop
            # itself (qasync's is a Qt object): once supervision is over they must not
            # touch it.
            if supervising:
                with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                    loop.call_soon_threadsafe(wake_event.set)

        self.tracker.add_listener(wake)
        self.host.start(wake)
        try:
            await self._supervise(wake_event)
        finally:
            supervising = False
            self.host.stop()

    async def _supervise(self, wake_event: asyncio.Event) -> None:
        tracker, limits, host = self.tracker, self.limits, self.host
        loop = asyncio.get_running_loop()
        started: float | None = None  # the time limit runs once the provider's side is up
        final_at: float | None = None
        cancel_at: float | None = None
        event_at: float | None = None
        while True:
            wake_event.clear()
            outcome = host.outcome
            if not self._judged and outcome is not None:
                self._judged = True
                self._judge(outcome)
            now = loop.time()
            deadline: float | None
            if tracker.status.is_final:
                final_at = now if final_at is None else final_at
                wait = self._after_final(now - final_at)
                if wait is None:
                    return
                deadline = final_at + wait
            else:
                if host.done_event_set and event_at is None:
                    event_at = now
                if tracker.cancel_requested and cancel_at is None:
                    cancel_at = now
                deadlines: list[float] = []
                if event_at is not None:
                    deadlines.append(event_at + limits.done_event_grace)
                    if now >= deadlines[-1]:
                        tracker.event_without_done(float(limits.done_event_grace), now - event_at)
                        continue
                if cancel_at is not None:
                    deadlines.append(cancel_at + limits.cancel_grace)
                    if now >= deadlines[-1]:
                        self._abandon()
                        continue
                elif limits.task_timeout is not None and tracker.started:
                    # Not before: a process that waits for its start (a fork server
                    # replaced) is not late.
                    started = now if started is None else started
                    due = started + limits.task_timeout
                    waited = 0.0
                    if now >= due:  # time other work kept it from a CPU is given back
                        waited = host.waited_for_cpu()
                        due += min(waited, limits.task_timeout)
                    deadlines.append(due)
                    if now >= due:
                        self._time_out(started, late=now - due, waited_for_cpu=waited)
                        continue
                deadline = min(deadlines) if deadlines else None
            timeout = None if deadline is None else max(0.0, deadline - now)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake_event.wait(), timeout)

    def _time_out(self, started: float, late: float, waited_for_cpu: float) -> None:
        """The task time limit: cancel; name a provider still loading, a starved host or
        a provider kept from a CPU (``waited_for_cpu`` seconds) rather than blame the task."""
        self._lateness.note(time.monotonic(), late)
        starved = max(late, self._lateness.worst_since(started))
        limit = self.limits.task_timeout
        assert limit is not None
        held, waited = f"{starved:.1f}", f"{waited_for_cpu:.1f}"  # as measured, not :g
        # A held-up host explains the rest (a provider may not even have finished loading
        # while another held the interpreter lock), so it is named first.
        if starved >= STARVED_AFTER and waited_for_cpu >= STARVED_AFTER:
            found = Finding.TIME_LIMIT_HOST_HELD_CPU_WAIT(float(limit), held, waited)
        elif starved >= STARVED_AFTER:
            found = Finding.TIME_LIMIT_HOST_HELD(float(limit), held)
        elif not self.host.loaded:  # its module's top level (or its factory) still running
            found = Finding.TIME_LIMIT_LOADING(float(limit))
        elif waited_for_cpu >= STARVED_AFTER:
            found = Finding.TIME_LIMIT_CPU_WAIT(float(limit), waited)
        else:
            found = Finding.TIME_LIMIT(float(limit))
        self.tracker.time_out(limit, found)

    def _after_final(self, since_final: float) -> float | None:
        """After the end: the call should return and the done event be set soon.
        Returns how long after the end to look again, or None when nothing is left to
        wait for."""
        tracker = self.tracker
        if tracker.status is TaskStatus.ABANDONED or self._stopped or not tracker.started:
            return None  # nothing more will come, or it was cancelled before it started
        if tracker.awaits_late_done and since_final < self.limits.cancel_grace:
            # Ended for want of Done after its done event, and asked to stop: a Done
            # that comes meanwhile is named as late (a process is stopped after this).
            return self.limits.cancel_grace
        missing_return = not self._judged
        missing_event = self._background and tracker.done_called and not self.host.done_event_set
        if not missing_return and not missing_event:
            return None
        grace = float(self.limits.done_event_grace)
        if since_final < grace:
            return grace
        if missing_return:
            tracker.violation(Finding.NO_RETURN_AFTER_DONE(grace))
        if missing_event:
            tracker.violation(Finding.EVENT_NEVER_SET(grace))
        return None

    def _judge(self, outcome: Outcome) -> None:
        """Rules 2, 3 and 6 on what SynchronizeInBackground did."""
        tracker = self.tracker
        if outcome.failure is not None:
            tracker.fail(outcome.hresult, outcome.failure)
            return
        if outcome.raised is not None:
            if not tracker.fail(E_FAIL, Finding.SYNC_RAISED(outcome.raised)):
                tracker.violation(Finding.RAISED_AFTER_DONE(outcome.raised))
            return
        hr = outcome.hresult
        if FAILED(hr):
            if not tracker.done_called:
                tracker.fail(hr, Finding.SYNC_RETURNED(format_hresult(hr)))
            elif tracker.status.is_success:
                tracker.violation(Finding.RETURNED_AFTER_DONE(format_hresult(hr)))
            return
        if outcome.background:
            self._background = True
        elif not tracker.done_called and not tracker.status.is_final:
            tracker.violation(Finding.RETURNED_WITHOUT_DONE())
            tracker.fail(E_UNEXPECTED, Finding.RETURNED_NO_RESULT())

    def _abandon(self) -> None:
        if self.host.terminate():
            self._stopped = True  # nothing more will come from it
            self.tracker.stop(Finding.PROCESS_STOPPED(float(self.limits.cancel_grace)))
            return
        self.tracker.abandon(Finding.ABANDONED(float(self.limits.cancel_grace)))
        log.warning("abandoned task %r: %s", self.account.name, self.host.left_behind())
