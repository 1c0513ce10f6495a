"""Small providers for the host's tests, each doing one thing the contract allows or
forbids. They are test doubles of *providers*, not of the host: the host under test is
real (real threads, real tracker, real engine)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sendreceive.contract import MAPI_E_USER_CANCEL, MAPISIB, S_OK, IID_IMAPISyncProgressCallback

Script = Callable[[Any], Any]  # receives the callback; its return value is Done's hResult


class InCall:
    """Runs ``script(cb)`` inside the call, then ``Done`` with what it returned."""

    def __init__(self, script: Script, returns: Any = S_OK, call_done: bool = True) -> None:
        self.script = script
        self.returns = returns
        self.call_done = call_done

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> Any:
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        hr = self.script(cb)
        if self.call_done:
            cb.Done(None, S_OK if hr is None else hr)
        return self.returns


class Background:
    """Runs ``script(cb)`` on its own thread; ``Done`` then sets the event it handed back."""

    def __init__(self, script: Script, call_done: bool = True, set_event: bool = True) -> None:
        self.script = script
        self.call_done = call_done
        self.set_event = set_event
        self.thread: threading.Thread | None = None

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        done = threading.Event()
        psibpb.phSyncDoneEvent.value = done

        def body() -> None:
            hr = self.script(cb)
            if self.call_done:
                cb.Done(done, S_OK if hr is None else hr)
            if self.set_event:
                done.set()

        self.thread = threading.Thread(target=body, name="provider:test-background", daemon=True)
        self.thread.start()
        return S_OK


def until_cancelled(release: threading.Event, step: str = "Working") -> Script:
    """A script that reports progress until told to cancel (or released by the test)."""

    def script(cb: Any) -> int:
        i = 0
        while not release.is_set():
            i += 1
            if cb.Progress(f"{step} {i}", i % 100, 100) == MAPI_E_USER_CANCEL:
                return MAPI_E_USER_CANCEL
            release.wait(0.005)
        return S_OK

    return script
