"""Providers that flood the host, for B2–B4. Accounts name them by spec, e.g.
``bench.flood_providers:ProgressFlood``, so the real plugin loader builds them.

All floods of one run share ``FLOOD`` (reset by the benchmark before each run): the
providers check in, wait for ``go``, flood, and record when their ``Done`` returned, so
the benchmark knows exactly when the flood ended.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sendreceive.contract import E_FAIL, MAPISIB, S_OK, IID_IMAPISyncProgressCallback

_CHECK_EVERY = 1024  # calls between two looks at the clock
_WAIT_LIMIT = 30.0  # no provider waits longer than this for anything


class Flood:
    """Shared state of one flooding run."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.stop = threading.Event()
        self.deadline = 0.0
        self._lock = threading.Lock()
        self.arrived = 0
        self.progress_calls = 0
        self.error_calls = 0
        self.last_done = 0.0
        self.callbacks: list[Any] = []

    def check_in(self, cb: Any) -> None:
        with self._lock:
            self.arrived += 1
            self.callbacks.append(cb)

    def start(self, seconds: float) -> float:
        """Release every provider for ``seconds`` of flooding; returns the start time."""
        now = time.perf_counter()
        self.deadline = now + seconds
        self.go.set()
        return now

    def finish(self, cb: Any, hr: int, progress: int = 0, errors: int = 0) -> None:
        cb.Done(None, hr)
        now = time.perf_counter()
        with self._lock:
            self.progress_calls += progress
            self.error_calls += errors
            self.last_done = max(self.last_done, now)


FLOOD = Flood()


def reset() -> Flood:
    """A fresh shared state for the next run."""
    global FLOOD
    FLOOD = Flood()
    return FLOOD


def _callback(psibpb: MAPISIB) -> Any:
    return psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)


class ProgressFlood:
    """Calls ``Progress`` as fast as it can until the flood's deadline, then ``Done``."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        flood = FLOOD
        cb = _callback(psibpb)
        flood.check_in(cb)
        if not flood.go.wait(_WAIT_LIMIT):
            flood.finish(cb, E_FAIL)
            return S_OK
        progress, deadline, clock = cb.Progress, flood.deadline, time.perf_counter
        texts = [f"Receiving message {n * _CHECK_EVERY:,}" for n in range(64)]
        total = len(texts) * _CHECK_EVERY
        calls = 0
        while clock() < deadline:
            text = texts[(calls // _CHECK_EVERY) % len(texts)]
            for i in range(calls % total, calls % total + _CHECK_EVERY):
                progress(text, i, total)
            calls += _CHECK_EVERY
        flood.finish(cb, S_OK, progress=calls)
        return S_OK


class ErrorFlood:
    """Calls ``Error`` ``count`` times as fast as it can, with ``distinct`` different
    texts (cycled: fewer texts than calls means folded repeats), then ``Done``."""

    def __init__(self, count: int = 20_000, distinct: int = 20_000) -> None:
        self.count = count
        self.distinct = max(1, distinct)

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        flood = FLOOD
        cb = _callback(psibpb)
        texts = [f"Message {n} could not be downloaded" for n in range(self.distinct)]
        flood.check_in(cb)
        if not flood.go.wait(_WAIT_LIMIT):
            flood.finish(cb, E_FAIL)
            return S_OK
        error, period = cb.Error, len(texts)
        for n in range(self.count):
            error(E_FAIL, texts[n % period])
        flood.finish(cb, S_OK, errors=self.count)
        return S_OK


GO = "go"  # the file in go_folder that starts the flood


class ProcessFlood:
    """``ProgressFlood`` and ``ErrorFlood`` for process isolation, where no state is
    shared with the benchmark: it waits for the file ``go`` in ``go_folder`` (written by
    the benchmark once every provider's process is up, holding the flood's end as
    ``time.time()``), floods, and says how many calls it made in its last step text
    (``flooded N``). The folder, named in its settings, is one a confined provider may
    read (Landlock grants the paths an account's settings name, if they exist)."""

    def __init__(self, go_folder: str, errors: int = 0) -> None:
        self.go_file = Path(go_folder) / GO
        self.errors = errors

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        pause, waited = threading.Event(), time.monotonic()
        while not self.go_file.exists():
            if time.monotonic() - waited > _WAIT_LIMIT:
                cb.Done(None, E_FAIL)
                return S_OK
            pause.wait(0.002)
        deadline = float(self.go_file.read_text())
        calls = 0
        if self.errors:
            for n in range(self.errors):
                cb.Error(E_FAIL, f"Message {n} could not be downloaded")
            calls = self.errors
        else:
            progress, clock, total = cb.Progress, time.time, 64 * _CHECK_EVERY
            while clock() < deadline:
                for i in range(calls % total, calls % total + _CHECK_EVERY):
                    progress("Receiving message", i, total)
                calls += _CHECK_EVERY
        cb.Progress(f"flooded {calls}", 1, 1)
        cb.Done(None, S_OK)
        return S_OK


class Driven:
    """Checks in and waits for ``stop``: ``drive`` moves all such tasks at once from one
    thread, as a provider serving many accounts from one worker would."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        flood = FLOOD
        cb = _callback(psibpb)
        flood.check_in(cb)
        flood.stop.wait(_WAIT_LIMIT)
        flood.finish(cb, S_OK)
        return S_OK


def drive(callbacks: Sequence[Any], seconds: float, period: float, steps: int = 10_000) -> int:
    """Every ``period`` s for ``seconds``, one ``Progress`` on every callback (so every
    task changes between two GUI ticks); returns the number of rounds."""
    end = time.perf_counter() + seconds
    rounds = 0
    pause = threading.Event()
    while time.perf_counter() < end:
        rounds += 1
        text = f"Receiving message {rounds:,} of {steps:,}"
        for cb in callbacks:
            cb.Progress(text, rounds % steps, steps)
        pause.wait(period)
    return rounds


class Quick:
    """Reports at once, then waits for the file ``go`` in ``go_folder`` (at most 30 s)
    before ``Done``: for start-up (B6) and the size of an idle provider process."""

    def __init__(self, go_folder: str) -> None:
        self.go_file = Path(go_folder) / GO

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Progress("Started", 1, 2)
        pause, waited = threading.Event(), time.monotonic()
        while not self.go_file.exists() and time.monotonic() - waited < _WAIT_LIMIT:
            pause.wait(0.005)
        cb.Done(None, S_OK)
        return S_OK


class TimesProgress:
    """Times ``calls`` calls of ``Progress`` where it runs (B1 in a provider's process)
    and says the cost in its last step text (``ns <per call>``)."""

    def __init__(self, calls: int = 1_000_000) -> None:
        self.calls = calls

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        progress, total = cb.Progress, self.calls
        started = time.perf_counter()
        for i in range(total):
            progress("Receiving message", i, total)
        per_call = (time.perf_counter() - started) / total * 1e9
        cb.Progress(f"ns {per_call:.1f}", total, total)
        cb.Done(None, S_OK)
        return S_OK
