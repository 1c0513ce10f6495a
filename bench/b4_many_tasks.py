"""B4 — 1,000 accounts in one run, all changing at once: one provider-side thread moves
every task's progress every 10 ms, so each GUI refresh tick finds 1,000 changed rows.
Measures the tick (TaskTableModel.refresh + ErrorTableModel.refresh + the dialog's
update_from_models + a synchronous repaint of the tasks view) and the GUI's lateness.

Run: ``python -m bench.b4_many_tasks [--switch-interval-ms MS] [--no-pacer]``.
"""

from __future__ import annotations

import math
import threading

from bench.common import Options, Report, gui_options, percentile, run_on_qasync, watchdog
from bench.flood_providers import Flood, drive
from bench.harness import TASKS_TAB, DialogBench, accounts, report_memory

TASKS = 1_000
DRIVE_SECONDS = 2.0
DRIVE_PERIOD = 0.010


def start_driver(flood: Flood) -> None:
    def run() -> None:
        try:
            drive(flood.callbacks, DRIVE_SECONDS, DRIVE_PERIOD)
        finally:
            flood.stop.set()

    threading.Thread(target=run, name="provider:bench-driver", daemon=True).start()


async def many(report: Report, options: Options) -> None:
    run_accounts = accounts("bench.flood_providers:Driven", TASKS, "Account")
    bench = DialogBench(run_accounts, TASKS_TAB, options, repaint=True)
    try:
        outcome = await bench.run(DRIVE_SECONDS, timeout=60, on_go=start_driver)
    finally:
        bench.close()
    drive_end = outcome.go + DRIVE_SECONDS
    ticks = [t for t in outcome.ticks if outcome.go <= t.at <= drive_end]
    report.note(f"{len(ticks)} refresh ticks while all {TASKS:,} rows changed")
    if outcome.pacer_waits is not None:
        report.note(f"the driver thread stepped aside for the GUI {outcome.pacer_waits:,} times")
    for part in ("tasks_ms", "errors_ms", "dialog_ms", "paint_ms"):
        values = [getattr(t, part) for t in ticks]
        report.figure(f"tick part {part[:-3]}: median", percentile(values, 50), "ms")
    totals = [t.total_ms for t in ticks]
    report.figure("one refresh tick incl. repaint: median", percentile(totals, 50), "ms", at_most=5)
    report.figure("one refresh tick incl. repaint: p99", percentile(totals, 99), "ms")
    refresh_only = [t.tasks_ms + t.errors_ms + t.dialog_ms for t in ticks]
    report.figure(
        "one refresh tick w/o repaint: median", percentile(refresh_only, 50), "ms", at_most=5
    )
    bench.probe.summarize(report, "while all rows change", outcome.go, drive_end)
    final_seen = outcome.final_seen if outcome.final_seen is not None else math.inf
    report.figure(
        "last Done → final state in the models", (final_seen - outcome.flood_end) * 1000, "ms"
    )
    report_memory(report, outcome, growth_target=None)


def main() -> None:
    options = gui_options(__doc__)
    watchdog(120)
    report = Report(f"B4{options.label}", f"{TASKS:,} tasks changing at once")
    run_on_qasync(lambda: many(report, options))
    report.finish()


if __name__ == "__main__":
    main()
