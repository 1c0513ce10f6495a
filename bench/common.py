"""What the benchmarks share: percentiles, RSS, a GUI lateness probe, Qt/qasync set-up,
a watchdog, and the report every benchmark prints (figures + one machine-readable line)."""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import itertools
import json
import math
import os
import sys
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from sendreceive.ui.application import create_application
from sendreceive.ui.cycle_collector import GuiThreadCollector

RESULT_TAG = "BENCH-RESULT "  # prefix of the one JSON line the runner collects
ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ numbers


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0..100) by linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


# ------------------------------------------------------------------ memory


def _status_kib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return float(line.split()[1])
    return math.nan


def rss_mb() -> float:
    """Current resident set size of this process, MiB."""
    return _status_kib("VmRSS") / 1024


def peak_rss_mb() -> float:
    """Peak resident set size (VmHWM) since start or the last ``reset_peak_rss``, MiB."""
    return _status_kib("VmHWM") / 1024


def reset_peak_rss() -> None:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0), so a peak belongs to one phase."""
    Path("/proc/self/clear_refs").write_text("5")


# ------------------------------------------------------------------ report


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None


class Report:
    """Prints figures as they come and, at the end, one JSON line for the runner."""

    def __init__(self, bench: str, title: str) -> None:
        self.bench = bench
        self.figures: list[Figure] = []
        print(f"== {bench}: {title}", flush=True)

    def note(self, text: str) -> None:
        print(f"   {text}", flush=True)

    def figure(
        self,
        name: str,
        value: float,
        unit: str,
        *,
        at_most: float | None = None,
        at_least: float | None = None,
        digits: int = 2,
    ) -> Figure:
        """Record one figure; with a bound, whether it met its target."""
        target, met = "", None
        if at_most is not None:
            target, met = f"≤ {at_most:g} {unit}", value <= at_most
        elif at_least is not None:
            target, met = f"≥ {at_least:g} {unit}", value >= at_least
        fig = Figure(name, round(value, digits), unit, target, met)
        self.figures.append(fig)
        verdict = "" if met is None else ("  [met]" if met else "  [MISSED]")
        shown = f"{value:,.{digits}f} {unit}".rstrip()
        aim = f"  (target {target})" if target else ""
        print(f"   {name:<52} {shown:>18}{aim}{verdict}", flush=True)
        return fig

    def finish(self) -> None:
        payload = {"bench": self.bench, "figures": [asdict(f) for f in self.figures]}
        print(RESULT_TAG + json.dumps(payload), flush=True)


@dataclass(frozen=True)
class Options:
    """How a GUI benchmark runs: the GIL switch interval, whether the app's GUI pacer is
    left out (an experiment), and the prototypes in use."""

    switch_ms: float
    no_pacer: bool
    paint_in_tick: bool
    isolation: str = "thread"
    provider_niceness: int | None = None  # experiment: SENDRECEIVE_PROVIDER_NICENESS

    @property
    def label(self) -> str:
        """Empty for the app as shipped; otherwise what was changed, e.g. ``[switch 1 ms]``."""
        changes = []
        if self.switch_ms != 5.0:
            changes.append(f"switch {self.switch_ms:g} ms")
        if self.no_pacer:
            changes.append("no pacer")
        if self.paint_in_tick:
            changes.append("paint in tick")
        if self.isolation != "thread":
            changes.append(f"{self.isolation} isolation")
        if self.provider_niceness is not None:
            changes.append(f"providers at niceness {self.provider_niceness}")
        return f" [{', '.join(changes)}]" if changes else ""


def gui_options(doc: str | None) -> Options:
    """Parse the options every GUI benchmark takes, and apply the switch interval."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument(
        "--switch-interval-ms",
        type=float,
        help="sys.setswitchinterval for this run (Python's default: 5 ms)",
    )
    parser.add_argument(
        "--no-pacer",
        action="store_true",
        help="experiment: run without the app's GuiPacer (the run gets pacer=None, no beat)",
    )
    parser.add_argument(
        "--paint-in-tick",
        action="store_true",
        help="prototype: repaint the shown view at the end of each refresh tick",
    )
    parser.add_argument(
        "--isolation",
        choices=("thread", "process"),
        default="thread",
        help="where the providers run (B2, B3; the others share state with their providers)",
    )
    parser.add_argument(
        "--provider-niceness",
        type=int,
        help="experiment: provider processes at this niceness "
        "(SENDRECEIVE_PROVIDER_NICENESS; the app's default: 10)",
    )
    args = parser.parse_args()
    if args.switch_interval_ms is not None:
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    if args.provider_niceness is not None:  # read by the fork server when it starts
        os.environ["SENDRECEIVE_PROVIDER_NICENESS"] = str(args.provider_niceness)
    return Options(
        round(sys.getswitchinterval() * 1000, 3),
        args.no_pacer,
        args.paint_in_tick,
        args.isolation,
        args.provider_niceness,
    )


def watchdog(seconds: float) -> None:
    """Dump every thread's stack and exit if this process is still alive after ``seconds``:
    a benchmark must never hang the suite."""
    faulthandler.dump_traceback_later(seconds, exit=True)


# ------------------------------------------------------------------ Qt


def qt_app() -> QApplication:
    """The application as the app makes it (offscreen: see ``bench/__init__``)."""
    return create_application()


def run_on_qasync(main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run ``main()`` on qasync's Qt-integrated loop, as the GUI runs the engine, with
    the app's garbage collection (``run_gui``'s collector on the GUI thread)."""
    collector = GuiThreadCollector(qt_app())
    collector.start()
    try:
        qasync.run(main())
    finally:
        collector.stop()


async def wait_until(predicate: Callable[[], bool], timeout: float, poll: float = 0.01) -> bool:
    """Let the loop run until ``predicate()`` holds; False if ``timeout`` passed first."""
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() >= end:
            return False
        await asyncio.sleep(poll)
    return True


class LatenessProbe(QObject):
    """A precise repeating QTimer on the GUI thread. Each tick's lateness is the gap since
    the previous tick minus the interval: how long the GUI thread could not run."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.fired: list[float] = []
        self._started = self._stopped = math.inf
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.fired.clear()
        self._started = time.perf_counter()  # the first tick is due one interval later
        self._stopped = math.inf
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stopped = time.perf_counter()

    def _tick(self) -> None:
        self.fired.append(time.perf_counter())

    @property
    def stamps(self) -> list[float]:
        """Start, every tick, and stop: the GUI thread reaching ``stop`` ends the last gap
        as a tick would, so a stall up to the end still counts."""
        end = [] if math.isinf(self._stopped) else [self._stopped]
        return [self._started, *self.fired, *end]

    def lateness_ms(self, start: float = -math.inf, end: float = math.inf) -> list[float]:
        """Lateness of every tick that was due within [start, end] (perf_counter seconds):
        the time from when it was due to the next tick that actually fired. A stall of
        several intervals counts every tick due inside it (no coordinated omission), and
        a stall spanning the whole window still shows."""
        step = self.interval_ms / 1000
        out: list[float] = []
        for prev, cur in itertools.pairwise(self.stamps):
            if cur < start or prev > end:
                continue
            due = prev + step
            while True:
                if start <= due <= end:
                    out.append(max(0.0, cur - due) * 1000)
                due += step
                if due >= cur:
                    break
        return out

    def summarize(
        self,
        report: Report,
        label: str,
        start: float,
        end: float,
        *,
        p99_ms: float | None = 16,
        max_ms: float | None = None,
    ) -> None:
        """Report p50/p99/max lateness over [start, end] (by default p99 against a frame)."""
        late = self.lateness_ms(start, end)
        fired = sum(start <= t <= end for t in self.fired)
        report.note(
            f"{label}: the {self.interval_ms} ms probe timer fired {fired} times for "
            f"{len(late)} due ticks"
        )
        report.figure(f"{label}: lateness p50", percentile(late, 50), "ms")
        report.figure(f"{label}: lateness p99", percentile(late, 99), "ms", at_most=p99_ms)
        report.figure(f"{label}: lateness max", max(late, default=math.nan), "ms", at_most=max_ms)
