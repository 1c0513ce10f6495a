"""The ``replay`` provider: re-issues the calls of a recording (``app.recording``).

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

import contextlib
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.contract import MAPI_E_USER_CANCEL, MAPISIB, S_OK, COMError
from app.recording import Recording, RecordingError, decode, read
from app.trace import (
    CANCEL_REQUESTED,
    DONE,
    DONE_EVENT_SET,
    ERROR,
    PROGRESS,
    QUERY_INTERFACE,
    SYNC_CALLED,
    SYNC_RAISED,
    SYNC_RETURNED,
    VIOLATION,
    Opaque,
)

_LINGER = 0.5  # seconds a hung replay blocks past the recorded cancel grace
_RAISED = re.compile(r"^(\w+): (.*)$", re.S)


class ReplayError(Exception):
    """The recording cannot be replayed; the text says why."""


@dataclass
class _Action:
    pos: int  # its place among the actions: the order across threads
    thread: str
    name: str
    args: list[Any]
    result: Any
    time: float


class Replay:
    """A provider that plays a recording back."""

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
        self.recorded_cancel = next(
            (c["seq"] for c in lines if c["name"] == CANCEL_REQUESTED), None
        )
        self.grace = float(recording.header.get("limits", {}).get("cancel_grace", 10.0))
        self.violations = {str(c["args"][1]) for c in lines if c["name"] == VIOLATION}
        self.actions = self._actions(lines)
        self.returns = any(a.name in (SYNC_RETURNED, SYNC_RAISED) for a in self.actions)
        self.background = any(
            a.name == SYNC_RETURNED and a.args[-1:] == ["background"] for a in self.actions
        )
        self.done_event = threading.Event()
        self.turns = {a.pos: threading.Event() for a in self.actions}
        self.stop = threading.Event()  # the replay was cancelled live: everyone ends
        self.done_called = False
        self.cb: Any = None
        self.start = time.monotonic()

    def _actions(self, lines: list[dict[str, Any]]) -> list[_Action]:
        """The provider's calls, its return (or raise) and its done event, in order."""
        actions: list[_Action] = []
        last_thread = self.caller
        for line in lines:
            name = line["name"]
            thread = str(line["thread"])
            if line["line"] == "call":
                last_thread = thread
            elif name == DONE_EVENT_SET:
                thread = last_thread  # the watcher noticed; the provider's thread set it
            elif name not in (SYNC_RETURNED, SYNC_RAISED):
                continue  # the host's own steps: the host does them again
            args = [decode(a) for a in line["args"]]
            actions.append(_Action(len(actions), thread, name, args, line["result"], line["t"]))
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
        for name, actions in others.items():
            threading.Thread(target=self._play, args=(actions,), name=name, daemon=True).start()
        if self.actions:
            self.turns[0].set()
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
        for action in actions:
            if not self._wait_turn(action):
                return None
            ending = self._issue(action)
            self._pass_turn(action)
            if ending is not None:
                return ending
        return None

    def _wait_turn(self, action: _Action) -> bool:
        turn = self.turns[action.pos]
        while not turn.wait(0.05):
            if self.stop.is_set():
                return False
            self._check_cancel()
        if self.speed > 0:
            due = self.start + action.time / self.speed
            while (left := due - time.monotonic()) > 0:
                if self.stop.wait(min(left, 0.05)) or self._check_cancel():
                    return False
        return not self.stop.is_set()

    def _pass_turn(self, action: _Action) -> None:
        following = self.turns.get(action.pos + 1)
        if following is not None:
            following.set()

    def _check_cancel(self) -> bool:
        """A cancel the recording did not have: end the replay as a provider should."""
        if self.stop.is_set():
            return True
        if self.recorded_cancel is None and self.sib.psesSync.cancelled:
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
            exc = _exception(str(action.args[0]), str(action.args[1]))

            def throw() -> Any:
                raise exc

            return throw
        if name == DONE_EVENT_SET:
            self.done_event.set()
            return None
        if name == QUERY_INTERFACE:
            with contextlib.suppress(COMError):
                found = self.sib.punkCallBack.QueryInterface(_iid(args[0]))
                if self.cb is None and hasattr(found, "Progress"):
                    self.cb = found
            return None
        cb = self.cb
        if cb is None:
            raise ReplayError("the recording calls back before any QueryInterface")
        if name == PROGRESS:
            answer = cb.Progress(*args)
            if answer == MAPI_E_USER_CANCEL and action.result != MAPI_E_USER_CANCEL:
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


def _iid(value: Any) -> Any:
    if type(value) is str:
        with contextlib.suppress(ValueError):
            return uuid.UUID(value)
    return value


def _exception(type_name: str, described: str) -> BaseException:
    """An exception that the host describes as the recorded one was."""
    found = _RAISED.match(described)
    message = found.group(2) if found else described
    return type(type_name, (Exception,), {})(message)
