"""A task's call trace: every call a provider made into its callback, and the host's own
steps, in order, with time, thread, arguments and what the host answered.

The tracker (``sendreceive.tracking.tracker``) appends raw tuples to a ``CallRing`` under its own
lock, on the provider's thread: no formatting, no provider code, a few hundred nanoseconds. The ring
keeps the last ``limit`` entries and counts exactly how many older ones it dropped, so a flood of a
million calls costs bounded memory. Readers take what was added since a cursor (``since``) and turn
the raw tuples into ``Call`` records off the provider's path; process mode ships the same slices
across its pipe.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sendreceive.printable import describe, type_name

log = logging.getLogger("sendreceive.engine")

TRACE_LIMIT = 100_000  # entries kept per task: the first HEAD ones and the latest others
RUN_TRACE_BUDGET = 100_000  # entries kept by a whole run (about 30 MiB), shared by its tasks
HEAD = 256  # a run's start (load, QueryInterface, first calls) is kept whatever follows
TASK_TRACE_FLOOR = 4 * HEAD  # however many tasks share the budget
ARG_LIMIT = 2_500  # characters of a text argument kept (past the error text limit)
_INT_BITS_KEPT = 64

# Call names, as the contract spells them, and the host's own steps.
QUERY_INTERFACE = "QueryInterface"
PROGRESS = "Progress"
ERROR = "Error"
DONE = "Done"
CALLS = (QUERY_INTERFACE, PROGRESS, ERROR, DONE)
SYNC_CALLED = "SynchronizeInBackground called"
SYNC_RETURNED = "SynchronizeInBackground returned"
SYNC_RAISED = "SynchronizeInBackground raised"
BACKGROUND, IN_CALL = "background", "in-call"  # the styles, as SYNC_RETURNED says
DONE_EVENT_SET = "done event set"
CANCEL_REQUESTED = "cancel requested"
STALLED = "not responding"
RESUMED = "responding again"
STOPPED = "stopped"  # the host ended the task itself: failed or abandoned
TIME_LIMIT = "time limit"
VIOLATION = "violation"  # a rule broken that the host, not a callback, noticed


@dataclass(frozen=True, slots=True)
class Opaque:
    """An argument that is not a plain value, kept as its description: the trace never
    holds a provider's object (nor runs its code) and stays bounded."""

    type: str
    text: str  # ``describe(value)``; for bytes, their repr cut to ``ARG_LIMIT``
    data: bytes | None = None  # bytes arguments, cut to ``ARG_LIMIT``


def run_trace_limit(tasks: int) -> int:
    """Entries each of a run's ``tasks`` keeps: 50 flooding providers must not each hold
    a full trace (that was 420 MiB in bench B2)."""
    return max(TASK_TRACE_FLOOR, min(TRACE_LIMIT, RUN_TRACE_BUDGET // max(1, tasks)))


def keep(value: Any) -> Any:
    """``value`` if it is a small plain value, else a bounded stand-in (``Opaque``)."""
    kind = type(value)
    if value is None or kind is bool or kind is float:
        return value
    if kind is str:
        return value if len(value) <= ARG_LIMIT else value[:ARG_LIMIT]
    if kind is int:
        return value if value.bit_length() <= _INT_BITS_KEPT else Opaque("int", describe(value))
    if kind is bytes:
        return Opaque("bytes", describe(value, ARG_LIMIT), value[:ARG_LIMIT])
    return Opaque(type_name(value), describe(value))


@dataclass(frozen=True, slots=True)
class Call:
    """One entry of a trace, ready to show or write."""

    seq: int  # 0 for the first entry of the task, dense
    time: float  # seconds since the trace began
    thread: str
    host: bool  # a host step rather than a provider's call
    name: str  # "Progress", …, or a host step ("SynchronizeInBackground called")
    args: tuple[Any, ...]  # plain values or ``Opaque``
    result: int | None  # what the host answered (calls), or the step's value
    violation: bool  # the call broke a rule of the contract


class CallRing:
    """The bounded store behind a tracker's trace: raw entries ``(when, thread ident,
    name, result, *args)``. Every method runs under the tracker's lock."""

    __slots__ = ("append", "broke", "entries", "head", "limit", "named", "origin", "total")

    def __init__(self, limit: int = TRACE_LIMIT) -> None:
        self.limit = limit
        self.head: list[tuple[Any, ...]] = []  # the first entries, never dropped
        self.entries: deque[tuple[Any, ...]] = deque(maxlen=max(1, limit - HEAD))
        # Appends go to ``head`` until it is full, then to the ring itself; the swap
        # keeps the hot path one bound-method call.
        self.append: Any = self._append_head if limit > HEAD else self.entries.append
        self.total = 0  # entries ever appended: the next entry's sequence number
        self.origin = 0.0  # perf_counter() at the task's start
        self.named: dict[int, str] = {}  # thread ident -> name, as first seen
        self.broke: set[int] = set()  # sequence numbers of entries that broke a rule

    def _append_head(self, entry: tuple[Any, ...]) -> None:
        self.head.append(entry)
        if len(self.head) >= HEAD:
            self.append = self.entries.append

    def name_thread(self, ident: int) -> None:
        """Remember the current thread's name, the first time its ident is seen (the
        caller checks ``ident in named`` inline). A thread that starts after another
        ended may get its ident, and is then shown under the first one's name."""
        self.named[ident] = threading.current_thread().name

    def mark_violation(self) -> None:
        """The entry about to be appended broke a rule (bounded like the entries)."""
        broke = self.broke
        broke.add(self.total)
        if len(broke) > self.limit:
            oldest = self.total - self.limit
            self.broke = {seq for seq in broke if seq >= oldest}

    def since(self, cursor: int) -> tuple[list[tuple[Any, ...]], list[int], int, set[int]]:
        """Raw entries from sequence ``cursor`` on, as (entries, their seqs, dropped,
        violating seqs): ``dropped`` counts entries after ``cursor`` that the ring no
        longer holds (between the head and the latest entries)."""
        head, total = self.head, self.total
        tail_first = total - len(self.entries)
        raw = head[cursor:]
        seqs = list(range(cursor, len(head)))
        first = max(cursor, tail_first)
        tail = list(itertools.islice(reversed(self.entries), total - first))
        tail.reverse()
        raw += tail
        seqs += range(first, total)
        dropped = max(0, tail_first - max(cursor, len(head)))
        for ident in {entry[1] for entry in raw} - self.named.keys():
            self.named[ident] = _live_name(ident)
        broke = {seq for seq in self.broke if seq >= cursor}
        return raw, seqs, dropped, broke


#: Decodes one frame of a provider process's trace, inflating at most the given number of
#: bytes: its calls, how many were dropped before them, and the bytes it inflated; raises
#: ``ValueError`` for a frame it cannot read (or that inflates past that). The process
#: host supplies it, so the trace keeps no knowledge of the wire between the processes.
FrameDecoder = Callable[[bytes, int], tuple[list[Call], int, int]]


class RemoteTrace:
    """A provider process's trace (process mode), as its frames arrive: kept as bytes
    until somebody reads the trace, then decoded once, so fifty processes ending
    together cost the app a copy, not a decode while the GUI draws. Like ``CallRing``
    it keeps the first ``HEAD`` calls and the latest up to ``limit`` (a watched flood is
    pulled again and again), counting the rest as dropped. A frame is small and may
    inflate to much: the frames kept, and the bytes they inflate to over the task's
    life, are each bounded by ``BYTES_PER_LINE`` per line of the limit; what is past
    either budget is left out and said. Every method runs under the tracker's lock."""

    BYTES_PER_LINE = 1 << 10  # an honest line is a few hundred bytes; its texts are cut

    def __init__(self, limit: int, account: str, decode: FrameDecoder) -> None:
        self.limit = limit
        self._decode = decode
        self.calls: list[Call] = []
        self.dropped = 0
        self._account = account  # for the log's lines
        self._frames: list[bytes] = []
        self._bytes = 0
        self._inflated = 0  # over the task's life
        self._refused = 0

    @property
    def budget(self) -> int:
        return max(1, self.limit) * self.BYTES_PER_LINE

    def add(self, frame: bytes) -> None:
        if self._bytes + len(frame) > self.budget:
            self._refused += 1
            return
        self._bytes += len(frame)
        self._frames.append(frame)

    def read(self) -> list[Call]:
        """The calls, with the frames that came since the last read decoded."""
        frames, self._frames, self._bytes = self._frames, [], 0
        unreadable: list[str] = []
        for frame in frames:
            left = self.budget - self._inflated
            if left <= 0:
                self._refused += 1
                continue
            try:
                calls, dropped, inflated = self._decode(frame, left)
            except ValueError as exc:
                self._inflated += left  # it may have inflated all it was allowed: no more
                unreadable.append(str(exc))
                continue
            self._inflated += inflated
            self.calls.extend(calls)
            self.dropped += dropped
        excess = len(self.calls) - max(self.limit, HEAD)
        if excess > 0:
            del self.calls[HEAD : HEAD + excess]
            self.dropped += excess
        if unreadable:
            log.warning(
                "%s: %d frame(s) of the provider's trace unreadable, the first: %s",
                self._account,
                len(unreadable),
                unreadable[0],
            )
        if self._refused:
            log.warning(
                "%s: %d frames of the provider's trace left out (over its budget)",
                self._account,
                self._refused,
            )
            self._refused = 0
        return self.calls


@dataclass(frozen=True)
class TraceSlice:
    """What ``TaskTracker.trace_since`` hands over: the calls from a cursor on."""

    calls: list[Call]
    cursor: int  # pass it back to get only what came after
    dropped: int  # entries between the old cursor and ``calls[0]`` that were dropped


def to_calls(
    raw: list[tuple[Any, ...]],
    seqs: list[int],
    broke: set[int],
    origin: float,
    names: dict[int, str],
) -> list[Call]:
    """Raw ring entries as ``Call`` records."""
    calls: list[Call] = []
    for seq, (when, ident, name, result, *args) in zip(seqs, raw, strict=True):
        thread = names.get(ident) or f"thread {ident}"
        host = name not in CALLS
        calls.append(
            Call(seq, when - origin, thread, host, name, tuple(args), result, seq in broke)
        )
    return calls


def _live_name(ident: int) -> str:
    thread = threading._active.get(ident)  # type: ignore[attr-defined]  # ident -> Thread
    return str(thread.name) if thread is not None else f"thread {ident}"


def call_line(call: Call) -> dict[str, Any]:
    return {
        "line": "step" if call.host else "call",
        "seq": call.seq,
        "t": round(call.time, 6),
        "thread": call.thread,
        "name": call.name,
        "args": [encode(a) for a in call.args],
        "result": call.result,
        "violation": call.violation,
    }


_LINE_FIELDS = {"seq": int, "t": float, "thread": str, "name": str, "args": list}
_NAME_LIMIT = 200  # a thread's or a call's name
_ARGS_LIMIT = 8  # arguments of one call (Progress has three)


def call_from_line(line: Any) -> Call:
    """The inverse of ``call_line`` for lines that another process sent (process mode):
    ``ValueError`` for anything that is not such a line, whatever is wrong in it."""
    if type(line) is not dict or line.get("line") not in ("step", "call"):
        raise ValueError("not a trace line")
    for key, kind in _LINE_FIELDS.items():
        value = line.get(key)
        if type(value) is not kind and not (kind is float and type(value) is int):
            raise ValueError(f"a trace line's {key} is not a {kind.__name__}")
    result, violation = line.get("result"), line.get("violation")
    if (result is not None and type(result) is not int) or type(violation) is not bool:
        raise ValueError("a trace line's result or violation is malformed")
    if (
        not 0 <= line["seq"] < 2**63
        or not 0 <= line["t"] < 1e9
        or len(line["thread"]) > _NAME_LIMIT
        or len(line["name"]) > _NAME_LIMIT
        or len(line["args"]) > _ARGS_LIMIT
    ):
        raise ValueError("a trace line out of range")
    return Call(
        line["seq"],
        float(line["t"]),
        line["thread"],
        line["line"] == "step",
        line["name"],
        tuple(_argument(value) for value in line["args"]),
        result,
        violation,
    )


def encode(value: Any) -> Any:
    """A trace argument as JSON: plain values as they are, others as an object."""
    if type(value) is Opaque:
        encoded: dict[str, Any] = {"type": value.type, "text": value.text}
        if value.data is not None:
            encoded["bytes"] = value.data.decode("latin-1")
        return encoded
    return value


def decode(value: Any) -> Any:
    """The inverse of ``encode``, for replay: ``Opaque`` for an object."""
    if isinstance(value, dict):
        data = value.get("bytes")
        return Opaque(
            str(value["type"]), str(value["text"]), None if data is None else data.encode("latin-1")
        )
    return value


def _argument(value: Any) -> Any:
    """``decode`` for an argument another process sent: a plain value of bounded size or
    an object's description, else ``ValueError``."""
    if type(value) is dict:
        data = value.get("bytes")
        if (
            type(value.get("type")) is not str
            or type(value.get("text")) is not str
            or not (data is None or type(data) is str)
            or len(value["type"]) > _NAME_LIMIT
            or len(value["text"]) > 2 * ARG_LIMIT
            or len(data or "") > ARG_LIMIT
            or value.keys() - {"type", "text", "bytes"}
        ):
            raise ValueError("a trace argument's description is malformed")
        try:
            return decode(value)
        except UnicodeEncodeError:  # bytes travel as latin-1 text: nothing past U+00FF
            raise ValueError("a trace argument's bytes are not latin-1") from None
    if value is None or type(value) in (bool, int, float):
        return value
    if type(value) is str and len(value) <= 2 * ARG_LIMIT:
        return value
    raise ValueError("a trace argument is no plain value")
