"""Supervises one task on the event loop: judges what SynchronizeInBackground did, and
keeps the host's deadlines (task time limit, cancel grace, Done after the done event).

It sleeps until woken (Done, cancel, the call returning, the done event) or until the
nearest deadline; it never polls and never touches the provider's thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

from app.contract import E_FAIL, E_UNEXPECTED, FAILED, format_hresult, normalize_hresult
from app.provider_threads import threads_of
from app.rules import Rule
from app.task import Returned, Task, Waker
from app.text import shorten_repr
from app.tracker import TaskStatus

log = logging.getLogger("sendreceive.engine")


@dataclass(frozen=True)
class RunLimits:
    """The host's patience, in seconds. Tests shrink these; profiles and the command
    line set them, within the ranges of ``app.limits.RUN_LIMITS``."""

    max_parallel: int = 8
    stall_timeout: float = 30.0  # silence before "not responding"
    cancel_grace: float = 10.0  # a cancelled provider's time to call Done, then "abandoned"
    done_event_grace: float = 2.0  # between Done and the done event / the call's return
    task_timeout: float | None = None  # a task still running after this is cancelled
    watchdog_interval: float = 0.25


class Supervisor:
    """The host's side of one task, from start to the end of its last check."""

    def __init__(self, task: Task, limits: RunLimits) -> None:
        self.task = task
        self.limits = limits
        self._judged = False
        self._watching_event = False

    async def run(self, wake_event: asyncio.Event, wake: Waker) -> None:
        task, tracker, limits = self.task, self.task.tracker, self.limits
        loop = asyncio.get_running_loop()
        started = loop.time()
        final_at: float | None = None
        cancel_at: float | None = None
        event_at: float | None = None
        while True:
            wake_event.clear()
            if not self._judged and task.returned is not None:
                self._judged = True
                self._judge(task.returned, wake)
            now = loop.time()
            deadline: float | None
            if tracker.status.is_final:
                final_at = now if final_at is None else final_at
                if self._after_final(now - final_at):
                    return
                deadline = final_at + limits.done_event_grace
            else:
                if task.event_fired and event_at is None:
                    event_at = now
                if tracker.cancel_requested and cancel_at is None:
                    cancel_at = now
                deadlines: list[float] = []
                if event_at is not None:
                    deadlines.append(event_at + limits.done_event_grace)
                    if now >= deadlines[-1]:
                        tracker.violation(
                            Rule.STYLES,
                            "Done missing",
                            "the provider signalled phSyncDoneEvent but never called Done",
                        )
                        tracker.fail(
                            E_UNEXPECTED, "The provider ended without reporting a result (no Done)."
                        )
                        continue
                if cancel_at is not None:
                    deadlines.append(cancel_at + limits.cancel_grace)
                    if now >= deadlines[-1]:
                        self._abandon()
                        continue
                elif limits.task_timeout is not None:
                    deadlines.append(started + limits.task_timeout)
                    if now >= deadlines[-1]:
                        tracker.time_out(limits.task_timeout)
                        continue
                deadline = min(deadlines) if deadlines else None
            timeout = None if deadline is None else max(0.0, deadline - now)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake_event.wait(), timeout)

    def _after_final(self, since_final: float) -> bool:
        """After the end: the call should return and the done event be set soon.
        Returns True when nothing is left to wait for."""
        tracker = self.task.tracker
        if tracker.status is TaskStatus.ABANDONED:
            return True
        missing_return = not self._judged
        missing_event = self._watching_event and tracker.done_called and not self.task.event_fired
        if not missing_return and not missing_event:
            return True
        if since_final < self.limits.done_event_grace:
            return False
        grace = f"{self.limits.done_event_grace:g} s"
        if missing_return:
            tracker.violation(
                Rule.STYLES,
                "no return after Done",
                f"SynchronizeInBackground had not returned {grace} after the task ended",
            )
        if missing_event:
            tracker.violation(
                Rule.STYLES,
                "done event never signalled",
                f"phSyncDoneEvent was not set {grace} after Done",
            )
        return True

    def _judge(self, returned: Returned, wake: Waker) -> None:
        """Apply rules 2, 3 and 6 to what SynchronizeInBackground did."""
        tracker = self.task.tracker
        if returned.load_error is not None:
            tracker.fail(int(returned.value), returned.load_error)
            return
        if returned.exception is not None:
            exc = returned.exception
            text = f"SynchronizeInBackground raised {type(exc).__name__}: {exc}"
            if not tracker.fail(E_FAIL, text):
                tracker.violation(Rule.RETURN, "raised after Done", text)
            return
        hr = normalize_hresult(returned.value)
        if hr is None:
            tracker.violation(
                Rule.RETURN,
                "return type",
                "SynchronizeInBackground must return an HRESULT int, got "
                f"{shorten_repr(returned.value)}; taken as S_OK",
            )
            hr = 0
        if FAILED(hr):
            if not tracker.done_called:
                tracker.fail(hr, f"SynchronizeInBackground returned {format_hresult(hr)}")
            elif tracker.status.is_success:
                tracker.violation(
                    Rule.RETURN,
                    "return after Done",
                    f"returned {format_hresult(hr)} after Done reported success",
                )
            return
        event = self.task.sib.phSyncDoneEvent.value
        if event is not None:
            if not callable(getattr(event, "wait", None)):
                tracker.violation(
                    Rule.TYPES,
                    "phSyncDoneEvent type",
                    f"phSyncDoneEvent must hold a threading.Event, got {shorten_repr(event)}",
                )
                tracker.fail(E_UNEXPECTED, "The provider's done event is not an event.")
                return
            self._watching_event = True
            self.task.watch_done_event(event, wake)
            self.task.provider_threads = threads_of(self.task)
            self.task.background = True
        elif not tracker.done_called and not tracker.status.is_final:
            tracker.violation(
                Rule.STYLES,
                "Done missing",
                "SynchronizeInBackground returned success without calling Done and without "
                "filling phSyncDoneEvent (background style)",
            )
            tracker.fail(
                E_UNEXPECTED, "The provider returned without reporting a result (no Done)."
            )

    def _abandon(self) -> None:
        task = self.task
        task.tracker.abandon(
            f"The provider did not stop within {self.limits.cancel_grace:g} s of Cancel; it was "
            "abandoned and its thread left to end on its own."
        )
        log.warning(
            "abandoned task %r: thread %s alive=%s",
            task.name,
            task.thread.name if task.thread else "?",
            bool(task.thread and task.thread.is_alive()),
        )
