"""The host's IMAPISyncProgressCallback: one per task, called by providers from any thread.

A callback does as little as it can: check its arguments, update the task's state under
a lock, bump ``version``. It never calls a method of a provider-supplied argument (not
even ``repr``): arguments are checked by exact type and anything else is described by
its class name, so the tracker never calls provider code under its lock. Provider code
that runs there uncalled (a finalizer, at an allocation) and calls back has its call
made once its thread has left the host's sections (``reentry``). Nothing is
pushed to a front-end; front-ends pull snapshots at their own bounded rate (see
``snapshot``). Every broken rule of the contract becomes one
``ErrorKind.VIOLATION`` entry (folded by rule) and never an exception in the host.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from threading import get_ident
from time import perf_counter
from typing import Any

from sendreceive.config.task_id import TaskId
from sendreceive.contract import (
    E_INVALIDARG,
    E_NOINTERFACE,
    E_UNEXPECTED,
    FAILED,
    MAPI_E_TIMEOUT,
    MAPI_E_USER_CANCEL,
    S_OK,
    COMError,
    IID_IMAPISyncProgressCallback,
    IID_IUnknown,
    format_hresult,
    normalize_hresult,
)
from sendreceive.printable import ERROR_TEXT_LIMIT, STEP_TEXT_LIMIT, describe, printable, type_name
from sendreceive.secrets_guard import redact
from sendreceive.tracking.error_log import ErrorKind, ErrorLog
from sendreceive.tracking.findings import Finding, Found
from sendreceive.tracking.gil_pacer import CHECK_MASK, GuiPacer
from sendreceive.tracking.reentry import HostLock, defer, deferred, depth, inside, run_deferred
from sendreceive.tracking.trace import (
    ARG_LIMIT,
    CANCEL_REQUESTED,
    DONE,
    ERROR,
    PROGRESS,
    QUERY_INTERFACE,
    RESUMED,
    STALLED,
    STOPPED,
    TIME_LIMIT,
    TRACE_LIMIT,
    VIOLATION,
    CallRing,
    FrameDecoder,
    RemoteTrace,
    TraceSlice,
    keep,
    to_calls,
)

ULONG_MAX = 0xFFFFFFFF
_RATE_MIN_SPAN = 0.5  # seconds of history before a rate is worth showing


class TaskStatus(Enum):
    """Where a task stands; the values are stable tokens (``--json``), and each
    front-end has its own words for them."""

    PENDING = "pending"
    RUNNING = "running"
    NOT_RESPONDING = "not_responding"
    CANCELLING = "cancelling"
    COMPLETED = "completed"
    WARNINGS = "warnings"
    FAILED = "failed"
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"

    @property
    def is_final(self) -> bool:
        return self in _FINAL

    @property
    def is_success(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.WARNINGS)

    @property
    def can_retry(self) -> bool:
        """Ended without doing its work: the user may run it again (Retry)."""
        return self in (TaskStatus.FAILED, TaskStatus.CANCELLED, TaskStatus.ABANDONED)

    @property
    def is_active(self) -> bool:
        """Started and not yet ended: what a status line says is happening."""
        return self in _ACTIVE


_FINAL = frozenset(
    {
        TaskStatus.COMPLETED,
        TaskStatus.WARNINGS,
        TaskStatus.FAILED,
        TaskStatus.CANCELLED,
        TaskStatus.ABANDONED,
    }
)
_ACTIVE = frozenset({TaskStatus.RUNNING, TaskStatus.NOT_RESPONDING, TaskStatus.CANCELLING})


@dataclass(slots=True)
class TaskState:
    """What a front-end shows of one task at one moment; read-only by convention. Not
    ``frozen``: a GUI tick builds one per changed row, and a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) costs several times more."""

    task: TaskId
    status: TaskStatus
    step: str
    index: int
    index_max: int
    errors: int
    warnings: int
    violations: int
    result: int | None
    rate: float | None  # units of ulIndex per second
    remaining: float | None  # seconds
    silent_for: float  # seconds since the last callback, while active
    version: int

    @property
    def fraction(self) -> float | None:
        """0..1, or ``None`` when the total is unknown (busy indicator)."""
        if self.index_max == 0:
            if self.status.is_final:
                return 1.0 if self.status.is_success else 0.0
            return None
        return self.index / self.index_max


@dataclass(frozen=True, slots=True)
class Mirrored:
    """What a provider's process found with a tracker of its own (process mode), sent
    at a bounded rate: the latest position, the error entries' new occurrences, the end."""

    step: str
    index: int
    index_max: int
    calls: int  # that tracker's version: it changes whenever the provider calls back
    # key, kind, hresult, text, new occurrences, the host's finding (None: the provider's text)
    entries: Sequence[tuple[int, ErrorKind, int | None, str, int, Found | None]]
    done: int | None = None  # Done's verdict, once the provider called it
    failed: int | None = None  # the task failed there without Done (its thread raised)


class TaskTracker:
    """Implements ``IMAPISyncProgressCallback`` for one task, plus the host's own verbs
    (start, cancel, fail, abandon, stall checks) used by the engine."""

    def __init__(
        self,
        task: TaskId,
        error_log: ErrorLog,
        pacer: GuiPacer | None = None,
        trace_limit: int = TRACE_LIMIT,
    ) -> None:
        """``trace_limit``: calls kept in the task's trace (0: no trace)."""
        self.task = task
        self._log = error_log
        self._pacer = pacer
        # Provider code (a finalizer) may run inside any section under it: see reentry.
        self._lock = HostLock()
        self._raw_lock = self._lock.raw  # for Progress's inlined section
        self._status = TaskStatus.PENDING
        self._step = ""
        self._index = 0
        self._max = 0
        self._errors = 0
        self._warnings = 0
        self._violations = 0
        self._result: int | None = None
        self._cancel = False
        self._timed_out = False
        self._done_called = False
        self._event_at: float | None = None  # the task ended: the done event came, Done not
        self._closed = False  # Done called or status final: later calls are violations
        self.version = 0
        # Stall detection and rate estimation are sampled by readers, not by callbacks.
        self._seen_version = -1
        self._seen_at = time.monotonic()
        self._rate_origin: tuple[float, int, int] | None = None
        self._listeners: list[Callable[[], None]] = []
        self._ring = CallRing(trace_limit) if trace_limit else None
        self.secrets: set[str] = set()  # what password() handed out: never written
        self._remote_calls = 0
        self._remote: RemoteTrace | None = None  # process mode: the child's trace
        self._trace_source: Callable[[], None] | None = None  # process mode: asks for more
        self._started = False

    def __repr__(self) -> str:
        return f"<TaskTracker {self.task.account!r} {self._status.name} v{self.version}>"

    # ------------------------------------------------------------ IMAPISyncProgressCallback

    def Progress(self, pwcszProgress: Any, ulIndex: Any, ulIndexMax: Any) -> int:
        ident = get_ident()
        if ident in depth:  # a finalizer of the provider's, run inside a host section
            return self._later(self.Progress, pwcszProgress, ulIndex, ulIndexMax, progress=True)
        depth[ident] = 1  # HostLock and reentry, inline: this is the hot path (bench B1)
        self._raw_lock.acquire()
        try:
            if self._closed:
                answer = self._late_call_locked(
                    Finding.PROGRESS_AFTER_DONE, "Progress", pwcszProgress, ulIndex, ulIndexMax
                )
                self._trace_locked(PROGRESS, answer, pwcszProgress, ulIndex, ulIndexMax)
                return answer
            if (
                type(ulIndex) is int
                and type(ulIndexMax) is int
                and 0 <= ulIndex <= ulIndexMax <= ULONG_MAX
            ):
                self._index = ulIndex
                self._max = ulIndexMax
            else:
                self._odd_position_locked(ulIndex, ulIndexMax)
                ulIndex, ulIndexMax = keep(ulIndex), keep(ulIndexMax)
            if pwcszProgress is not None:
                if type(pwcszProgress) is str:
                    self._step = pwcszProgress
                else:
                    self._violate_locked(
                        Finding.PROGRESS_TEXT_TYPE(
                            type_name(pwcszProgress), describe(pwcszProgress)
                        )
                    )
            self.version += 1
            answer = MAPI_E_USER_CANCEL if self._cancel else S_OK
            ring = self._ring
            if ring is not None:  # inline: this is the hot path (bench B1)
                ident = get_ident()
                if ident not in ring.named:
                    ring.name_thread(ident)
                if type(pwcszProgress) is not str or len(pwcszProgress) > ARG_LIMIT:
                    pwcszProgress = keep(pwcszProgress)
                ring.append(
                    (
                        perf_counter(),
                        ident,
                        PROGRESS,
                        answer,
                        pwcszProgress,
                        ulIndex,
                        ulIndexMax,
                    )
                )
                ring.total += 1
        finally:
            self._raw_lock.release()
            del depth[ident]  # its own sections inside have left
            if ident in deferred:
                run_deferred(ident)
        if self._pacer is not None and not self.version & CHECK_MASK:
            self._pacer.checkpoint()  # outside the lock: the GUI may want a snapshot
        return answer

    def Error(self, hResult: Any, pwcszErrorStr: Any) -> int:
        if inside(get_ident()):
            return self._later(self.Error, hResult, pwcszErrorStr)
        with self._lock:
            if self._closed:
                answer = self._late_call_locked(
                    Finding.ERROR_AFTER_DONE, "Error", hResult, pwcszErrorStr
                )
                self._trace_locked(ERROR, answer, hResult, pwcszErrorStr)
                return answer
            message = self._error_text_locked(pwcszErrorStr)
            hr = normalize_hresult(hResult)
            if hr is None:
                self._violate_locked(Finding.ERROR_HRESULT_TYPE(describe(hResult), message))
            else:
                self._entry_locked(
                    ErrorKind.ERROR if FAILED(hr) else ErrorKind.WARNING, hr, message
                )
            self.version += 1
            self._trace_locked(ERROR, S_OK, hResult, pwcszErrorStr)
        if self._pacer is not None and not self.version & CHECK_MASK:
            self._pacer.checkpoint()
        return S_OK

    def Done(self, hThreadDoneEvent: Any, hResult: Any) -> int:
        if inside(get_ident()):
            return self._later(self.Done, hThreadDoneEvent, hResult)
        with self._lock:
            if not self._closed:
                self._done_locked(hThreadDoneEvent, hResult)
                answer, notify = S_OK, True
            elif self._late_done_locked():  # the task's supervision waits for it
                answer, notify = E_UNEXPECTED, True
            else:
                late = Finding.DONE_TWICE if self._done_called else Finding.DONE_AFTER_END
                answer = self._late_call_locked(late, "Done", hThreadDoneEvent, hResult)
                notify = False
            self._trace_locked(DONE, answer, hThreadDoneEvent, hResult)
        if notify:
            self._notify()
        return answer

    # ------------------------------------------------------------ host verbs

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Called (from any thread) when the task ends or is asked to cancel."""
        self._listeners.append(listener)

    def start(self) -> None:
        """The provider's side is up: the task runs, and its silence counts, from now."""
        with self._lock:
            self._started = True
            if self._status is TaskStatus.PENDING:
                self._status = TaskStatus.RUNNING
                self._seen_at = time.monotonic()
                self.version += 1
                if self._ring is not None:
                    self._ring.origin = perf_counter()

    def request_cancel(self) -> bool:
        """Ask the provider to stop; a task that has not started is cancelled at once.
        Returns whether there was anything to cancel."""
        with self._lock:
            if self._status.is_final or self._cancel:
                return False
            self._cancel = True
            self._trace_locked(CANCEL_REQUESTED, None)
            if self._status is TaskStatus.PENDING and self._timed_out:
                self._end_locked(TaskStatus.FAILED, MAPI_E_TIMEOUT)
            elif self._status is TaskStatus.PENDING:
                self._end_locked(TaskStatus.CANCELLED, MAPI_E_USER_CANCEL)
            else:
                self._status = TaskStatus.CANCELLING
                self.version += 1
        self._notify()
        return True

    @property
    def started(self) -> bool:
        return self._started

    @property
    def cancel_requested(self) -> bool:
        return self._cancel

    @property
    def done_called(self) -> bool:
        return self._done_called

    @property
    def status(self) -> TaskStatus:
        return self._status

    def fail(self, hresult: int, found: Found, kind: ErrorKind = ErrorKind.ERROR) -> bool:
        """End the task as failed on the host's own finding (a load error, an exception,
        a broken rule). Returns False, and records nothing, if the task already ended."""
        with self._lock:
            if self._status.is_final:
                return False
            text = found.english
            self._entry_locked(kind, hresult, found, printable(text, ERROR_TEXT_LIMIT))
            self._end_locked(TaskStatus.FAILED, hresult)
            self._trace_locked(STOPPED, hresult, "failed", text)
        self._notify()
        return True

    def violation(self, found: Found) -> None:
        """Record a broken rule that the engine, not a callback, noticed."""
        rule = found.finding.rule
        assert rule is not None, f"{found.finding.name} is no contract violation"
        with self._lock:
            self._violate_locked(found)
            self.version += 1
            self._trace_locked(VIOLATION, None, rule.label, found.finding.what, found.sentence)

    def time_out(self, limit: float, found: Found) -> None:
        """The task ran past the host's time limit: cancel it; unless the provider then
        completes anyway, it ends failed with MAPI_E_TIMEOUT. ``found`` says so, with
        the host's view (a starved host)."""
        with self._lock:
            if self._status.is_final or self._cancel:
                return
            self._timed_out = True
            self._trace_locked(TIME_LIMIT, MAPI_E_TIMEOUT, limit)
            self._entry_locked(ErrorKind.ERROR, MAPI_E_TIMEOUT, found)
        self.request_cancel()

    def event_without_done(self, grace: float, waited: float) -> None:
        """Background style: phSyncDoneEvent was set ``waited`` s ago, and Done has not
        come within the host's ``grace``: the task ends failed, and the provider is asked
        to stop (``cancelled``: its work may go on, as at a time limit). A Done after
        that is named as what it is, late, not as one never made."""
        self.violation(Finding.EVENT_WITHOUT_DONE(grace))
        with self._lock:
            if self._status.is_final:
                return
            self._event_at = time.monotonic() - waited
            self._cancel = True
            self._trace_locked(CANCEL_REQUESTED, None)  # a replay then knows it was asked
        self.fail(E_UNEXPECTED, Finding.ENDED_NO_RESULT())

    @property
    def awaits_late_done(self) -> bool:
        """Ended by ``event_without_done``, and Done has not come (yet)."""
        return self._event_at is not None and not self._done_called

    def abandon(self, found: Found) -> None:
        """Give up on a provider that ignored Cancel; its thread is left to die alone."""
        with self._lock:
            if self._status.is_final:
                return
            self._entry_locked(ErrorKind.ERROR, MAPI_E_USER_CANCEL, found)
            self._end_locked(TaskStatus.ABANDONED, MAPI_E_USER_CANCEL)
            self._trace_locked(STOPPED, MAPI_E_USER_CANCEL, "abandoned", found.english)
        self._notify()

    def stop(self, found: Found) -> None:
        """The host stopped a provider that ignored Cancel (its process is gone): the
        task ends Cancelled, or Failed ``MAPI_E_TIMEOUT`` when the time limit cancelled it."""
        with self._lock:
            if self._status.is_final:
                return
            hr = MAPI_E_TIMEOUT if self._timed_out else MAPI_E_USER_CANCEL
            self._entry_locked(ErrorKind.ERROR, hr, found)
            self._end_locked(TaskStatus.FAILED if self._timed_out else TaskStatus.CANCELLED, hr)
        self._notify()

    def remark(self, found: Found) -> None:
        """A host finding about how the provider's process ended (what it left behind, a
        SIGTERM it ignored): a warning line, after the end too; the verdict stands."""
        with self._lock:
            self._entry_locked(ErrorKind.WARNING, None, found)
            self.version += 1

    @property
    def paced(self) -> bool:
        """A GUI thread waits for the interpreter lock now and then (a ``GuiPacer``):
        the host's threads working for this task should give it way too."""
        return self._pacer is not None

    def mirror(self, found: Mirrored) -> None:
        """Process mode: take over what the provider's process found. Its entries are
        added with their exact counts; its ``Done`` gets this tracker's verdict (which
        knows of the host's own findings, such as the time limit)."""
        ended = False
        with self._lock:
            if self._status is TaskStatus.ABANDONED:
                return
            changed = found.calls != self._remote_calls
            self._remote_calls = found.calls
            for key, kind, hresult, text, count, finding in found.entries:
                self._log.add(self.task, kind, hresult, text, ("remote", key), count, finding)
                if kind is ErrorKind.ERROR:
                    self._errors += count
                elif kind is ErrorKind.WARNING:
                    self._warnings += count
                else:
                    self._violations += count
                    if self._status is TaskStatus.COMPLETED:
                        self._status = TaskStatus.WARNINGS
                changed = True
            if self._closed:
                ended = found.done is not None and self._late_done_locked()
                changed |= ended
            else:
                self._step, self._index, self._max = found.step, found.index, found.index_max
                if found.done is not None:
                    self._done_called = True
                    self._finish_locked(found.done)
                    ended = True
                elif found.failed is not None:
                    self._end_locked(TaskStatus.FAILED, found.failed)
                    ended = True
            if changed:
                self.version += 1
        if ended:
            self._notify()

    def check_responsive(
        self, now: float, stall_timeout: float, starved: Callable[[], bool | None] | None = None
    ) -> None:
        """Called periodically by the engine: flag a silent task, and clear the flag
        when callbacks resume. Costs the providers nothing. ``starved`` is asked before
        flagging (``ProviderHost.starved``): a provider that waited for a CPU is not
        silent by choice, and its stall clock starts again; ``None``: ask next time."""
        if starved is not None:
            with self._lock:
                due = (
                    self._status is TaskStatus.RUNNING
                    and self.version == self._seen_version
                    and now - self._seen_at >= stall_timeout
                )
            verdict = starved() if due else False  # outside the lock: it reads /proc
            if verdict is None:
                return
            if verdict:
                with self._lock:
                    if self.version == self._seen_version:
                        self._seen_at = now
                return
        with self._lock:
            if self._status not in _ACTIVE:
                return
            if self.version != self._seen_version:
                self._seen_at = now
                if self._status is TaskStatus.NOT_RESPONDING:
                    self._status = TaskStatus.RUNNING
                    self.version += 1
                    self._trace_locked(RESUMED, None)
                self._seen_version = self.version
            elif self._status is TaskStatus.RUNNING and now - self._seen_at >= stall_timeout:
                self._status = TaskStatus.NOT_RESPONDING
                self._entry_locked(
                    ErrorKind.WARNING, None, Finding.NOT_RESPONDING(float(stall_timeout))
                )
                self._trace_locked(STALLED, None, stall_timeout)
                self.version += 1
                self._seen_version = self.version

    def reveal(self, secret: str) -> None:
        """The session handed the provider ``secret``; recordings will hide it."""
        self.secrets.add(secret)

    def traced_call(self, call: str, answer: int, *args: Any) -> None:
        """Record a provider's call the tracker does not implement (``QueryInterface``)."""
        if inside(get_ident()):
            self._later(self.traced_call, call, answer, *args)
            return
        with self._lock:
            self._trace_locked(call, answer, *args)

    def wrong_call(self, call: str, answer: int, found: Found, *args: Any) -> None:
        """Record a provider's call of ``CallbackUnknown`` that broke a rule (``found``)."""
        if inside(get_ident()):
            self._later(self.wrong_call, call, answer, found, *args)
            return
        with self._lock:
            self._violate_locked(found)
            self.version += 1
            self._trace_locked(call, answer, *args)

    def note(self, step: str, value: int | None, *args: Any) -> None:
        """Record one of the host's own steps in the trace (named in ``tracking.trace``)."""
        with self._lock:
            self._trace_locked(step, value, *args)

    def absorb_trace(self, frame: bytes, decode: FrameDecoder) -> None:
        """A frame of the trace a provider's process recorded (process mode), kept as it
        came until somebody reads it with ``decode``: from the first one on, that is this
        task's trace (``RemoteTrace``)."""
        with self._lock:
            if self._remote is None:
                self._remote = RemoteTrace(self.trace_limit, self.task.account, decode)
            self._remote.add(frame)

    def pull_trace_from(self, source: Callable[[], None]) -> None:
        """Process mode: ``source()`` asks the provider's process for what it traced so
        far (it comes back through ``absorb_trace``). ``trace_since`` calls it, so the
        trace crosses during a run only while somebody reads it (the Calls tab)."""
        self._trace_source = source

    def trace_since(self, cursor: int = 0) -> TraceSlice:
        """The trace from sequence ``cursor`` on; pass the slice's ``cursor`` back for
        only what came next. Holds the lock while it copies (bounded: one ring)."""
        if self._trace_source is not None:
            self._trace_source()  # what the provider's process traced: later, not now
        if self._remote is not None:
            with self._lock:
                calls = [call for call in self._remote.read() if call.seq >= cursor]
                dropped = self._remote.dropped if cursor == 0 else 0
            end = calls[-1].seq + 1 if calls else cursor
            return TraceSlice(calls, end, dropped)
        ring = self._ring
        if ring is None:
            return TraceSlice([], cursor, 0)
        with self._lock:
            raw, seqs, dropped, broke = ring.since(cursor)
            names, origin, total = dict(ring.named), ring.origin, ring.total
        return TraceSlice(to_calls(raw, seqs, broke, origin, names), total, dropped)

    @property
    def trace_generation(self) -> int:
        """0 while the trace is this process's own; 1 once a provider's process sent its
        trace, which replaces it (cursors taken before then no longer apply)."""
        return 0 if self._remote is None else 1

    @property
    def trace_limit(self) -> int:
        """Entries this task's trace keeps (0: not traced)."""
        return 0 if self._ring is None else self._ring.limit

    @property
    def traced(self) -> int:
        """Entries ever added to the trace (kept and dropped)."""
        if self._remote is not None:
            with self._lock:
                return len(self._remote.read()) + self._remote.dropped
        return 0 if self._ring is None else self._ring.total

    def snapshot(self, now: float | None = None) -> TaskState:
        state = self._snapshot(now, blocking=True)
        assert state is not None
        return state

    def try_snapshot(self, now: float | None = None) -> TaskState | None:
        """``snapshot`` without waiting: ``None`` while a provider thread holds the lock
        (it may have lost the GIL mid-call). A GUI tick keeps the last state then,
        rather than wait for every flooding thread to be scheduled again."""
        return self._snapshot(now, blocking=False)

    def _snapshot(self, now: float | None, blocking: bool) -> TaskState | None:
        now = time.monotonic() if now is None else now
        if not self._lock.acquire(blocking):
            return None
        try:
            rate, remaining = self._estimate_locked(now)
            state = TaskState(
                task=self.task,
                status=self._status,
                step=self._step,
                index=self._index,
                index_max=self._max,
                errors=self._errors,
                warnings=self._warnings,
                violations=self._violations,
                result=self._result,
                rate=rate,
                remaining=remaining,
                silent_for=(now - self._seen_at) if self._status in _ACTIVE else 0.0,
                version=self.version,
            )
        finally:
            self._lock.release()
        # Outside the lock: it may be long. Redacted: a provider may show its password in a
        # step, and a step reaches the dialog, the terminal and --json.
        state.step = redact(printable(state.step, STEP_TEXT_LIMIT))
        return state

    # ------------------------------------------------------------ internals

    def _later(self, call: Callable[..., object], *args: Any, progress: bool = False) -> int:
        """A callback made by provider code that runs inside a host section on this
        thread (a finalizer at an allocation under a lock): made once the thread has
        left its sections (``reentry``). It answers as the task stands now."""
        defer(get_ident(), lambda: call(*args))
        if self._status is TaskStatus.ABANDONED:
            return MAPI_E_USER_CANCEL
        if self._closed:
            return E_UNEXPECTED
        return MAPI_E_USER_CANCEL if self._cancel and progress else S_OK

    # ------------------------------------------------------------ internals (lock held)

    def _trace_locked(self, name: str, result: int | None, *args: Any) -> None:
        """A call or a host step, off the hot path (``Progress`` inlines this)."""
        ring = self._ring
        if ring is not None:
            ident = get_ident()
            if ident not in ring.named:
                ring.name_thread(ident)
            kept = tuple(keep(a) for a in args)
            ring.append((perf_counter(), ident, name, result, *kept))
            ring.total += 1

    def _done_locked(self, event: Any, result: Any) -> None:
        """The first Done, in time: its verdict (rules 6 and 9)."""
        self._done_called = True
        if event is not None and type(event) is not threading.Event:
            self._violate_locked(Finding.DONE_EVENT_TYPE(describe(event)))
        hr = normalize_hresult(result)
        if hr is None:
            self._violate_locked(
                Finding.DONE_HRESULT_TYPE(describe(result), format_hresult(E_UNEXPECTED))
            )
            hr = E_UNEXPECTED
        self._finish_locked(hr)

    def _late_done_locked(self) -> bool:
        """A first Done after the task ended for want of it (``event_without_done``):
        named with how long after the done event it came. False for any other Done."""
        if self._event_at is None or self._done_called:
            return False
        self._done_called = True
        after = f"{time.monotonic() - self._event_at:.1f}"
        self._violate_locked(Finding.DONE_AFTER_EVENT(after))
        self.version += 1
        return True

    def _late_call_locked(self, late: Finding, call: str, *args: Any) -> int:
        if self._status is TaskStatus.ABANDONED:
            # The host gave up on this provider; its late calls are no news.
            return MAPI_E_USER_CANCEL
        self._violate_locked(late(call, ", ".join(describe(a) for a in args)))
        self.version += 1  # the status and counts changed: a reader of versions must look
        return E_UNEXPECTED

    def _end_locked(self, status: TaskStatus, result: int | None) -> None:
        self._status = status
        self._result = result
        self._closed = True
        self.version += 1

    def _finish_locked(self, hr: int) -> None:
        """Done's verdict (rule 6)."""
        if hr == MAPI_E_USER_CANCEL and self._timed_out:
            status, hr = TaskStatus.FAILED, MAPI_E_TIMEOUT
        elif hr == MAPI_E_USER_CANCEL:
            status = TaskStatus.CANCELLED
        elif FAILED(hr):
            status = TaskStatus.FAILED
            if self._errors == 0:
                self._entry_locked(ErrorKind.ERROR, hr, Finding.SYNC_FAILED())
        elif self._errors or self._warnings or self._violations or hr != S_OK:
            status = TaskStatus.WARNINGS
        else:
            status = TaskStatus.COMPLETED
        if status.is_success and self._max:
            self._index = self._max
        self._end_locked(status, hr)

    def _entry_locked(
        self, kind: ErrorKind, hresult: int | None, message: str | Found, text: str | None = None
    ) -> None:
        """A provider's own text, or the host's finding (``text``: its English, when not
        ``message.english``)."""
        if kind is ErrorKind.ERROR:
            self._errors += 1
        elif kind is ErrorKind.WARNING:
            self._warnings += 1
        if isinstance(message, str):
            self._log.add(self.task, kind, hresult, message)
        else:
            english = message.english if text is None else text
            self._log.add(self.task, kind, hresult, english, found=message)

    def _violate_locked(self, found: Found) -> None:
        """One entry per (rule, what): a provider breaking a rule a million times with
        different arguments makes one line, with its exact count."""
        self._violations += 1
        if self._ring is not None:
            self._ring.mark_violation()
        if self._status is TaskStatus.COMPLETED:  # a rule broken after (or by) Done
            self._status = TaskStatus.WARNINGS
        finding = found.finding
        self._log.add(
            self.task,
            ErrorKind.VIOLATION,
            None,
            found.english,
            fold_key=(finding.rule, finding.what),
            found=found,
        )

    def _error_text_locked(self, value: Any) -> str | Found:
        """The provider's text of an ``Error``, made printable; the host's words when
        it gave none."""
        if type(value) is str:
            return printable(value, ERROR_TEXT_LIMIT)
        if value is None:
            return Finding.NO_DESCRIPTION()
        self._violate_locked(Finding.ERROR_TEXT_TYPE(type_name(value), describe(value)))
        if type(value) is bytes:
            return printable(
                value[: ERROR_TEXT_LIMIT * 4].decode("utf-8", "replace"), ERROR_TEXT_LIMIT
            )
        return describe(value, ERROR_TEXT_LIMIT)

    def _odd_position_locked(self, index: Any, index_max: Any) -> None:
        call = f"Progress(…, {describe(index)}, {describe(index_max)})"
        for name, value in (("ulIndex", index), ("ulIndexMax", index_max)):
            if type(value) is not int:
                self._violate_locked(Finding.PROGRESS_INDEX_TYPE(call, name, type_name(value)))
                return
            if not 0 <= value <= ULONG_MAX:
                self._violate_locked(Finding.PROGRESS_INDEX_RANGE(call, name))
                return
        if index_max == 0:  # unknown total: the index is only a counter
            self._index, self._max = index, 0
            return
        self._violate_locked(Finding.PROGRESS_BEYOND_MAX(call))
        self._index, self._max = index_max, index_max

    def _estimate_locked(self, now: float) -> tuple[float | None, float | None]:
        if self._status not in _ACTIVE or self._max == 0:
            self._rate_origin = None
            return None, None
        origin = self._rate_origin
        if origin is None or origin[2] != self._max or self._index < origin[1]:
            self._rate_origin = (now, self._index, self._max)
            return None, None
        span = now - origin[0]
        done = self._index - origin[1]
        if span < _RATE_MIN_SPAN or done <= 0:
            return None, None
        rate = done / span
        return rate, (self._max - self._index) / rate

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()


class CallbackUnknown:
    """``MAPISIB.punkCallBack``: answers ``QueryInterface`` as a COM object would."""

    def __init__(self, callback: TaskTracker) -> None:
        self._callback = callback

    def QueryInterface(self, riid: uuid.UUID) -> Any:
        callback = self._callback
        if type(riid) is not uuid.UUID:  # compared, it would run a provider's __eq__
            found = Finding.QUERY_INTERFACE_TYPE(type_name(riid), describe(riid))
            callback.wrong_call(QUERY_INTERFACE, E_INVALIDARG, found, riid)
            raise COMError(E_INVALIDARG, found.english)
        answer: Any = None
        if riid == IID_IMAPISyncProgressCallback:
            answer = callback
        elif riid == IID_IUnknown:
            answer = self
        callback.traced_call(
            QUERY_INTERFACE, S_OK if answer is not None else E_NOINTERFACE, str(riid)
        )
        if answer is None:
            raise COMError(E_NOINTERFACE, f"punkCallBack does not implement {riid}")
        return answer
