"""The ``replay`` provider: re-issues the calls of a recording (``sendreceive.records.recording``).

Settings: ``trace = "path.jsonl"`` and ``speed = 1.0`` (``2`` twice as fast, ``0`` as
fast as possible). Each recorded thread gets a thread of its own (the thread that called
``SynchronizeInBackground`` is the calling thread again), the calls keep their order
across threads and, at ``speed > 0``, their timing; ``SynchronizeInBackground`` returns
what it returned, in the same style (in-call, or background with a done event), or
raises what it raised. Replaying a recording therefore gives the host the same calls,
and the same final state, error lines and contract violations as the recorded run.

Cancel: a cancel the recording did not have (the user's, during the replay) ends the
replay at once with ``Done(None, MAPI_E_USER_CANCEL)``. A recorded provider that never
returned from ``SynchronizeInBackground`` (it hung) is replayed as one that blocks
until it is cancelled, then for the recorded cancel grace, so the host abandons it as
it did; the replay's threads end soon after, never left behind for good.
"""

from __future__ import annotations

import ast
import contextlib
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendreceive.config.provider_settings import Setting
from sendreceive.contract import E_INVALIDARG, MAPI_E_USER_CANCEL, MAPISIB, S_OK, COMError
from sendreceive.records.recording import Recording, RecordingError, read
from sendreceive.tracking.trace import (
    CANCEL_REQUESTED,
    DONE,
    DONE_EVENT_SET,
    ERROR,
    PROGRESS,
    QUERY_INTERFACE,
    STOPPED,
    SYNC_CALLED,
    SYNC_RAISED,
    SYNC_RETURNED,
    VIOLATION,
    Opaque,
    decode,
)

_LINGER = 0.5  # seconds a hung replay blocks past the recorded cancel grace
_POLL = 0.005  # seconds; a wake-up missed between a check and a wait costs at most this
_RAISED = re.compile(r"^(\w+): (.*)$", re.S)


class ReplayError(Exception):
    """The recording cannot be replayed; the text says why."""


@dataclass
class _Action:
    pos: int  # its place among the actions, as recorded
    thread: str
    name: str
    args: list[Any]
    result: Any
    time: float
    after: int  # the barrier it waits for (-1: none)
    barrier_itself: bool = False


class Replay:
    """A provider that plays a recording back."""

    SETTINGS = (
        Setting("trace", str, help="The recording to play (a .jsonl file)"),
        Setting("speed", float, 1.0, "1: as recorded; 0: as fast as possible"),
    )

    def __init__(self, trace: str, speed: float = 1.0) -> None:
        try:
            self.recording: Recording = read(Path(trace).expanduser())
        except RecordingError as exc:
            raise ReplayError(str(exc)) from None
        if not speed >= 0:
            raise ReplayError(f"speed must be 0 (as fast as possible) or more, got {speed!r}")
        self.speed = float(speed)

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> Any:
        return _Replayer(self.recording, self.speed, psibpb).run()


class _Replayer:
    """One replay. Each thread issues its own calls in their recorded order; across
    threads, the calls that decide a task's end (``Done``, the return, the done event,
    a thread's death) wait until every call recorded before them was issued, and every
    later call waits for them. Plain calls of different threads interleave freely, as
    they did when recorded (a strict global order would cost a thread switch a call)."""

    def __init__(self, recording: Recording, speed: float, sib: MAPISIB) -> None:
        self.sib = sib
        self.speed = speed
        lines = recording.calls
        called = next((c for c in lines if c["name"] == SYNC_CALLED), None)
        if called is None:
            raise ReplayError(
                f"{recording.path} never reached SynchronizeInBackground (the provider failed "
                "to load); there are no calls to replay"
            )
        self.caller = str(called["thread"])
        self.recorded_cancel = any(c["name"] == CANCEL_REQUESTED for c in lines)
        self.grace = float(recording.header.get("limits", {}).get("cancel_grace", 10.0))
        self.violations = {
            str(c["args"][1]): c["args"][2:]
            for c in lines
            if c["name"] == VIOLATION and len(c["args"]) > 1
        }
        self.actions = self._actions(lines)
        self.returns = any(a.name in (SYNC_RETURNED, SYNC_RAISED) for a in self.actions)
        self.background = any(
            a.name == SYNC_RETURNED and a.args[-1:] == ["background"] for a in self.actions
        )
        self.done_event = threading.Event()
        self.progress = threading.Condition()
        self.issued: list[None] = []  # one item per action issued (append is atomic)
        self.barrier = -1  # the position of the last barrier issued
        self.waiting = 0  # threads waiting on ``progress``
        self.stop = threading.Event()  # the replay was cancelled live: everyone ends
        self.done_called = False
        self.cb: Any = None
        self.start = time.monotonic()

    def _actions(self, lines: list[dict[str, Any]]) -> list[_Action]:
        """The provider's calls, its return (or raise), its done event and its threads'
        deaths, in order, each knowing the barrier it must wait for."""
        actions: list[_Action] = []
        last_thread = self.caller
        barrier = -1
        for line in lines:
            name = line["name"]
            thread = str(line["thread"])
            args = [decode(a) for a in line["args"]]
            if line["line"] == "call":
                last_thread = thread
            elif name == DONE_EVENT_SET:
                thread = last_thread  # the watcher noticed; the provider's thread set it
            elif name == STOPPED and _thread_death(args):
                name = _THREAD_DIES
            elif name not in (SYNC_RETURNED, SYNC_RAISED):
                continue  # the host's own steps: the host does them again
            pos = len(actions)
            is_barrier = name in _BARRIERS
            actions.append(_Action(pos, thread, name, args, line["result"], line["t"], barrier))
            actions[-1].barrier_itself = is_barrier
            if is_barrier:
                barrier = pos
        return actions

    # ------------------------------------------------------------ the calling thread

    def run(self) -> Any:
        others: dict[str, list[_Action]] = {}
        mine: list[_Action] = []
        for action in self.actions:
            if action.thread == self.caller:
                mine.append(action)
            else:
                others.setdefault(action.thread, []).append(action)
        returned = next(
            (n for n, a in enumerate(mine) if a.name in (SYNC_RETURNED, SYNC_RAISED)), None
        )
        if returned is not None and mine[returned + 1 :]:  # what it did once it had returned
            others.setdefault(self.caller, []).extend(mine[returned + 1 :])
            del mine[returned + 1 :]
        if self.background:
            self._hand_over_event()
        elif "phSyncDoneEvent type" in self.violations:
            self.sib.phSyncDoneEvent.value = _described(self.violations["phSyncDoneEvent type"])
        for name, actions in others.items():
            threading.Thread(target=self._play, args=(actions,), name=name, daemon=True).start()
        outcome = self._play(mine)
        if outcome is not None:
            return outcome()
        if not self.returns:  # the recorded provider hung: hang until cancelled
            self._hang()
        return S_OK

    def _hand_over_event(self) -> None:
        if "phSyncDoneEvent replaced" in self.violations:
            self.sib.phSyncDoneEvent = self.done_event  # type: ignore[assignment]
        else:
            self.sib.phSyncDoneEvent.value = self.done_event

    def _hang(self) -> None:
        session = self.sib.psesSync
        while not session.cancelled and not self.stop.wait(0.05):
            pass
        self.stop.wait(self.grace + _LINGER)

    # ------------------------------------------------------------ every thread

    def _play(self, actions: list[_Action]) -> Callable[[], Any] | None:
        """Issue ``actions`` in turn; the calling thread gets back how to end the call."""
        sib = self.sib  # noqa: F841  # a host object in this frame: the host knows the thread
        for action in actions:
            if not self._wait_turn(action):
                return None
            try:
                ending = self._issue(action)
            finally:  # a thread's recorded death is issued by raising
                self.issued.append(None)
            if action.barrier_itself:
                with self.progress:
                    self.barrier = action.pos
                    self.progress.notify_all()
            elif self.waiting:  # a barrier may be waiting for this one
                with self.progress:
                    self.progress.notify_all()
            if ending is not None:
                return ending
        return None

    def _ready(self, action: _Action) -> bool:
        if action.barrier_itself:
            return len(self.issued) == action.pos
        return self.barrier >= action.after

    def _wait_turn(self, action: _Action) -> bool:
        if not self._ready(action):
            with self.progress:
                self.waiting += 1
                try:
                    while not self._ready(action):
                        if self.stop.is_set() or self._check_cancel():
                            return False
                        self.progress.wait(_POLL)
                finally:
                    self.waiting -= 1
        if self.speed > 0:
            due = self.start + action.time / self.speed
            while (left := due - time.monotonic()) > 0:
                if self.stop.wait(min(left, 0.05)) or self._check_cancel():
                    return False
        return not self.stop.is_set()

    def _check_cancel(self) -> bool:
        """A cancel the recording did not have: end the replay as a provider should."""
        if self.stop.is_set():
            return True
        if not self.recorded_cancel and self.sib.psesSync.cancelled:
            self._end_cancelled()
            return True
        return False

    def _end_cancelled(self) -> None:
        if self.stop.is_set():
            return
        self.stop.set()
        if self.cb is not None and not self.done_called:
            self.done_called = True
            self.cb.Done(self.done_event if self.background else None, MAPI_E_USER_CANCEL)
        self.done_event.set()

    def _issue(self, action: _Action) -> Callable[[], Any] | None:
        name, args = action.name, [self._stand_in(a) for a in action.args]
        if name == SYNC_RETURNED:
            returned = args[0]
            return lambda: returned
        if name == SYNC_RAISED:
            exc = _exception(str(action.args[1]))

            def throw() -> Any:
                raise exc

            return throw
        if name == _THREAD_DIES:
            raise _exception(_thread_death(action.args) or "")
        if name == DONE_EVENT_SET:
            self.done_event.set()
            return None
        if name == QUERY_INTERFACE:
            # A recording holds an IID as its text; one answered E_INVALIDARG was no UUID.
            riid = args[0] if action.result == E_INVALIDARG else _iid(args[0])
            with contextlib.suppress(COMError):
                found = self.sib.punkCallBack.QueryInterface(riid)
                if self.cb is None and hasattr(found, "Progress"):
                    self.cb = found
            return None
        cb = self.cb
        if cb is None:
            raise ReplayError("the recording calls back before any QueryInterface")
        if name == PROGRESS:
            answer = cb.Progress(*args)
            if answer == MAPI_E_USER_CANCEL and not self.recorded_cancel:
                self._end_cancelled()
        elif name == ERROR:
            cb.Error(*args)
        elif name == DONE:
            self.done_called = True
            cb.Done(*args)
        return None

    def _stand_in(self, value: Any) -> Any:
        """A recorded description back as a value that the host describes the same."""
        if type(value) is not Opaque:
            return value
        if value.data is not None:
            return value.data
        if value.type == "Event":
            return self.done_event
        if value.type == "int":
            bits = re.search(r"(\d+) bits", value.text)
            return 2 ** (int(bits.group(1)) - 1) if bits else 0
        return type(value.type, (), {})()


_THREAD_DIES = "thread raised"
_BARRIERS = frozenset(
    {QUERY_INTERFACE, DONE, SYNC_RETURNED, SYNC_RAISED, DONE_EVENT_SET, _THREAD_DIES}
)
_DEATH = re.compile(r"^The provider's thread .* raised (.*)$", re.S)
_UNPRINTABLE = re.compile(r"^(\w+) \(its str\(\) raised (\w+)\)$")
_GOT = re.compile(r"got (.*)$", re.S)


def _thread_death(args: list[Any]) -> str | None:
    """What a provider thread raised, from the host's "stopped" step, if it died so."""
    if len(args) == 2 and args[0] == "failed" and type(args[1]) is str:
        found = _DEATH.match(args[1])
        return found.group(1) if found else None
    return None


def _described(violation_args: list[Any]) -> Any:
    """The value a violation's detail describes (``… got 'done-event'``), as well as it
    can be rebuilt: a plain literal, else an object of a class of that name."""
    found = _GOT.search(str(violation_args[0])) if violation_args else None
    text = found.group(1) if found else ""
    with contextlib.suppress(ValueError, SyntaxError):
        return ast.literal_eval(text)
    name = re.match(r"^<(\w+) object>$", text)
    return type(name.group(1) if name else "Replayed", (), {})()


def _iid(value: Any) -> Any:
    if type(value) is str:
        with contextlib.suppress(ValueError):
            return uuid.UUID(value)
    return value


def _exception(described: str) -> BaseException:
    """An exception that the host describes as ``described`` (``"KeyError: 'x'"``)."""
    unprintable = _UNPRINTABLE.match(described)
    if unprintable:
        inner = type(unprintable.group(2), (Exception,), {})

        def fail(self: object) -> str:
            raise inner

        return type(unprintable.group(1), (Exception,), {"__str__": fail})()  # type: ignore[no-any-return]
    found = _RAISED.match(described)
    name, message = (found.group(1), found.group(2)) if found else ("Exception", described)
    made: BaseException = type(name, (Exception,), {})(message)
    return made
