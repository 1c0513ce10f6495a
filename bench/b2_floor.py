"""B2's baseline, no app code: how late the same 5 ms GUI timer runs while 50 CPU-bound
busy loops run beside it, as threads of this process (they compete for the GIL) and as
processes (they only compete for the 2 CPUs). The gap between the two is what the GIL
costs the GUI; the process figure is the floor any in-process design is held against.

Run: ``python -m bench.b2_floor``.
"""

from __future__ import annotations

import math
import multiprocessing
import threading
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEventLoop, QTimer

from bench.common import LatenessProbe, Report, median, percentile, qt_app, watchdog

LOOPS = 50
SECONDS = 1.0
REPEATS = 3


class Flag(Protocol):
    def is_set(self) -> bool: ...

    def set(self) -> None: ...

    def wait(self, timeout: float | None = None) -> bool: ...


class Worker(Protocol):
    def start(self) -> None: ...

    def join(self, timeout: float | None = None) -> None: ...


def busy(go: Flag, stop: Flag) -> None:
    """A CPU-bound loop, the kind a provider runs between callbacks."""
    go.wait(10)
    total = 0
    while not stop.is_set():
        for i in range(10_000):
            total += i


def lateness(make: Callable[[Flag, Flag], Worker], flag: Callable[[], Flag]) -> list[float]:
    """The probe's lateness over ``SECONDS`` with ``LOOPS`` busy workers running."""
    go, stop = flag(), flag()
    workers = [make(go, stop) for _ in range(LOOPS)]
    for worker in workers:  # each start() waits for its thread: all idle until ``go``
        worker.start()
    go.set()
    time.sleep(0.5)  # all running
    probe = LatenessProbe()
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(round(SECONDS * 1000), loop.quit)
    loop.exec()
    probe.stop()
    stop.set()
    time.sleep(0.5)  # let the workers see it: joining one by one would fight for the GIL
    for worker in workers:
        worker.join(10)
    return probe.lateness_ms()


def main() -> None:
    watchdog(90)
    report = Report("B2 floor", f"5 ms GUI timer beside {LOOPS} busy loops, no app code")
    qt_app()
    fork = multiprocessing.get_context("fork")
    kinds: dict[str, tuple[Callable[[Flag, Flag], Worker], Callable[[], Flag]]] = {
        "processes": (
            lambda go, stop: fork.Process(target=busy, args=(go, stop), daemon=True),
            fork.Event,
        ),
        "threads": (
            lambda go, stop: threading.Thread(target=busy, args=(go, stop), daemon=True),
            threading.Event,
        ),
    }
    p99s: dict[str, list[float]] = {kind: [] for kind in kinds}
    maxima: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(REPEATS):  # alternate, so a noisy moment does not hit one kind only
        for kind, (make, flag) in kinds.items():
            late = lateness(make, flag)
            p99s[kind].append(percentile(late, 99))
            maxima[kind].append(max(late, default=math.nan))
    for kind in kinds:
        shown = ", ".join(f"{v:.1f}" for v in p99s[kind])
        report.note(f"{LOOPS} busy {kind}: p99 of each of {REPEATS} runs: {shown} ms")
        report.figure(f"{LOOPS} busy {kind}: lateness p99, median run", median(p99s[kind]), "ms")
        report.figure(f"{LOOPS} busy {kind}: lateness max, median run", median(maxima[kind]), "ms")
    report.finish()


if __name__ == "__main__":
    main()
