"""The GUI side of B2–B4: the real controller and Send/Receive dialog on qasync's loop,
shown offscreen, with a lateness probe, the cost of every refresh tick, and the moment
the dialog's models first show the run's final state."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView

from bench import flood_providers
from bench.common import (
    LatenessProbe,
    Options,
    Report,
    peak_rss_mb,
    percentile,
    reset_peak_rss,
    rss_mb,
    wait_until,
)
from bench.flood_providers import Flood
from sendreceive.config.profile import Account
from sendreceive.hosting.isolation import host_factory
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.ui.controller import SendReceiveController
from sendreceive.ui.sync_dialog import SendReceiveDialog

TASKS_TAB, ERRORS_TAB = 0, 1


@dataclass(frozen=True)
class Tick:
    """One refresh of the controller, split by where its time went (ms)."""

    at: float  # perf_counter when it ended
    tasks_ms: float  # TaskTableModel.refresh
    errors_ms: float  # ErrorTableModel.refresh
    dialog_ms: float  # the refreshed signal's slots (SendReceiveDialog.update_from_models)
    paint_ms: float  # a synchronous repaint of the shown view, when asked for

    @property
    def total_ms(self) -> float:
        return self.tasks_ms + self.errors_ms + self.dialog_ms + self.paint_ms


@dataclass
class Outcome:
    """What one run looked like from the GUI thread (times are perf_counter seconds)."""

    go: float
    flood_end: float
    final_seen: float | None
    finished: bool
    rss_before: float
    rss_after: float
    peak_rss: float
    flood: Flood
    ticks: list[Tick] = field(default_factory=list)
    pacer_waits: int | None = None  # times providers stepped aside for the GUI (None: no pacer)


def accounts(spec: str, how_many: int, prefix: str, **settings: Any) -> list[Account]:
    return [Account(f"{prefix} {n:04d}", spec, settings=settings) for n in range(how_many)]


class DialogBench:
    """One run of ``accounts`` shown in the real dialog on the chosen tab."""

    def __init__(
        self,
        run_accounts: Sequence[Account],
        tab: int,
        options: Options,
        *,
        repaint: bool = False,
        go_file: Path | None = None,
    ) -> None:
        """``repaint``: repaint the shown view at the end of every tick and time it
        (also on with ``options.paint_in_tick``). ``go_file``: process isolation, where
        the providers (``ProcessFlood``) wait for that file instead of ``Flood.go``."""
        self._accounts = list(run_accounts)
        self._store = tempfile.TemporaryDirectory(prefix="bench-stores-")
        self._go_file = go_file
        limits = RunLimits(max_parallel=len(self._accounts), stall_timeout=600.0)
        hosts = host_factory(options.isolation, self._accounts)
        self.controller = SendReceiveController(Path(self._store.name), limits, None, hosts)
        self.dialog = SendReceiveDialog(self.controller)
        self.dialog.tabs.setCurrentIndex(tab)
        self.view: QAbstractItemView = (
            self.dialog.errors_view if tab == ERRORS_TAB else self.dialog.tasks_view
        )
        self.view.viewport()  # PySide creates some types on first use: not in a measurement
        self.probe = LatenessProbe()
        self.paced = not options.no_pacer
        self._repaint = repaint or options.paint_in_tick
        self._ticks: list[Tick] = []
        self._marks: list[float] = []
        self.final_seen: float | None = None
        self._instrument()

    def _instrument(self) -> None:
        """Time the parts of ``SendReceiveController.refresh`` without changing it: the
        models' ``refresh`` are wrapped (whatever their arguments), and a slot connected
        after the dialog's closes the tick."""
        task_model, error_model = self.controller.task_model, self.controller.error_model
        task_refresh, error_refresh = task_model.refresh, error_model.refresh

        def timed_tasks(*args: Any, **kwargs: Any) -> None:
            self._marks = [time.perf_counter()]
            task_refresh(*args, **kwargs)
            self._marks.append(time.perf_counter())

        def timed_errors(*args: Any, **kwargs: Any) -> None:
            error_refresh(*args, **kwargs)
            self._marks.append(time.perf_counter())

        task_model.refresh = timed_tasks  # type: ignore[method-assign]
        error_model.refresh = timed_errors  # type: ignore[method-assign]
        self.controller.refreshed.connect(self._tick_done)

    def _tick_done(self) -> None:
        end = time.perf_counter()
        marks, self._marks = self._marks, []
        if len(marks) != 3:  # a refresh that did not go through both models
            return
        paint = 0.0
        if self._repaint:
            self.view.viewport().repaint()
            paint = time.perf_counter() - end
        start, tasks_end, errors_end = marks
        self._ticks.append(
            Tick(
                end,
                (tasks_end - start) * 1000,
                (errors_end - tasks_end) * 1000,
                (end - errors_end) * 1000,
                paint * 1000,
            )
        )
        if self.final_seen is None and self._shows_final_state():
            self.final_seen = end

    def _shows_final_state(self) -> bool:
        run = self.controller.run
        if run is None:
            return False
        if self.controller.error_model.rowCount() != len(run.error_log):
            return False
        return all(state.status.is_final for state in self.controller.task_model.states())

    async def run(
        self, flood_seconds: float, timeout: float, on_go: Callable[[Flood], None] | None = None
    ) -> Outcome:
        """Start the run, release the flood once every provider has checked in, and wait
        (at most ``timeout`` s) until the run ended and the models show it."""
        self.dialog.show()
        await asyncio.sleep(0.3)  # let it lay out and paint once
        reset_peak_rss()
        rss_before = rss_mb()
        flood = flood_providers.reset()
        self.probe.start()
        pacer_waits_before = self.controller.pacer.waits
        run = self._start()
        if self._go_file is not None:
            go = await self._release_processes(run, flood, flood_seconds, timeout)
        else:
            expected = len(self._accounts)
            if not await wait_until(lambda: flood.arrived == expected, 30.0):
                raise RuntimeError(f"only {flood.arrived} of {expected} providers checked in")
            go = flood.start(flood_seconds)
        if on_go is not None:
            on_go(flood)
        await wait_until(lambda: self.final_seen is not None and run.finished, timeout)
        self.probe.stop()
        # The run's own task ends a moment later (it settles the hosts on a thread): until
        # then, a measurement that processes events itself (B3's scrolling) would run that
        # task's wake-up inside this one, which asyncio refuses ("Cannot enter into task"):
        # the wake-up was lost, the task never ended, and the benchmark hung at exit.
        await wait_until(lambda: not self.controller.running, timeout)
        return Outcome(
            go=go,
            flood_end=flood.last_done,
            final_seen=self.final_seen,
            finished=run.finished,
            rss_before=rss_before,
            rss_after=rss_mb(),
            peak_rss=peak_rss_mb(),
            flood=flood,
            ticks=list(self._ticks),
            pacer_waits=self.controller.pacer.waits - pacer_waits_before if self.paced else None,
        )

    async def _release_processes(
        self, run: Run, flood: Flood, seconds: float, timeout: float
    ) -> float:
        """Once every provider's process is up, write the go file; the flood's end is
        when the last task is final here, its calls what the providers said they made."""
        assert self._go_file is not None
        if not await wait_until(lambda: all(t.tracker.started for t in run.tasks), 30.0):
            raise RuntimeError("not every provider's process came up")
        go = time.perf_counter()
        ready = self._go_file.with_suffix(".new")  # renamed: a provider never reads it half-written
        ready.write_text(repr(time.time() + seconds))
        ready.replace(self._go_file)
        await wait_until(lambda: all(t.tracker.status.is_final for t in run.tasks), timeout)
        flood.last_done = time.perf_counter()
        for task in run.tasks:
            said = task.snapshot().step.split()
            if said[:1] == ["flooded"] and "errors" not in task.account.settings:
                flood.progress_calls += int(said[1])
        return go

    def _start(self) -> Run:
        """``controller.start`` as shipped; with ``--no-pacer``, the app as it would be
        without its pacer: the run's trackers get ``pacer=None`` (as headless) and the
        controller's beat timer is stopped. The app's files are not touched."""
        if self.paced:
            run = self.controller.start(self._accounts)
        else:

            def run_without_pacer(*args: Any, **kwargs: Any) -> Run:
                kwargs["pacer"] = None
                return Run(*args, **kwargs)

            with mock.patch("sendreceive.ui.controller.Run", run_without_pacer):
                run = self.controller.start(self._accounts)
            beat = self.controller.findChild(QTimer, "paceTimer")
            if not isinstance(beat, QTimer):
                raise RuntimeError("the controller has no beat timer named paceTimer")
            beat.stop()  # still in the same loop iteration: no provider thread ran yet
        if run is None:
            raise RuntimeError("the controller refused to start the run")
        return run

    def close(self) -> None:
        """Tear down; a run that outlived its timeout is cancelled (daemon threads)."""
        self.controller.cancel_all()
        self.dialog.close()
        self._store.cleanup()


def report_ticks(report: Report, ticks: Sequence[Tick], label: str = "refresh tick") -> None:
    """Median and worst cost of a tick, and which part the worst one spent it in."""
    if not ticks:
        report.note(f"{label}: no ticks recorded")
        return
    totals = [t.total_ms for t in ticks]
    worst = max(ticks, key=lambda t: t.total_ms)
    report.figure(f"{label}: median", percentile(totals, 50), "ms")
    report.figure(f"{label}: p99", percentile(totals, 99), "ms")
    report.note(
        f"{label}s: {len(ticks)}; worst {worst.total_ms:.2f} ms = tasks {worst.tasks_ms:.2f}"
        f" + errors {worst.errors_ms:.2f} + dialog {worst.dialog_ms:.2f}"
        f" + paint {worst.paint_ms:.2f}"
    )


def report_memory(
    report: Report, outcome: Outcome, growth_target: float | None, label: str = ""
) -> None:
    prefix = f"{label}: " if label else ""
    report.figure(f"{prefix}RSS before the run", outcome.rss_before, "MiB", digits=1)
    report.figure(f"{prefix}peak RSS during the run", outcome.peak_rss, "MiB", digits=1)
    report.figure(
        f"{prefix}RSS growth (after − before)",
        outcome.rss_after - outcome.rss_before,
        "MiB",
        at_most=growth_target,
        digits=1,
    )
    report.figure(
        f"{prefix}peak RSS growth (peak − before)",
        outcome.peak_rss - outcome.rss_before,
        "MiB",
        digits=1,
    )
