"""B3 — errors reaching the Errors tab while it is shown: 100,000 with distinct texts
(100,000 lines), 100,000 with heavy repeats (100 lines folded ×1,000), and 1,000,000 with
distinct texts (past a task's budget of lines: the rest are counted on one line, so the
app's memory stays bounded), then the time to scroll the list to its end and through it.

Run: ``python -m bench.b3_errors [--switch-interval-ms MS] [--no-pacer] [--isolation process]``.
With ``--isolation process`` (the app's default) the provider floods from a process of its
own: the distinct runs only (its texts are all distinct).
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QApplication

from bench.common import Options, Report, gui_options, percentile, run_on_qasync, watchdog
from bench.flood_providers import GO
from bench.harness import ERRORS_TAB, DialogBench, accounts, report_memory, report_ticks

ERRORS = 100_000
RUNS = (
    ("distinct", ERRORS, ERRORS),
    ("repeats", ERRORS, 100),
    ("1M distinct", 10 * ERRORS, 10 * ERRORS),
)
SCROLL_STEPS = 40


def scroll_to_end_ms(view: QAbstractItemView, repeats: int = 5) -> float:
    """Median cost of ``scrollToBottom`` from the top, events processed and repainted."""
    costs = []
    for _ in range(repeats):
        view.scrollToTop()
        QApplication.processEvents()
        start = time.perf_counter()
        view.scrollToBottom()
        QApplication.processEvents()
        view.viewport().repaint()
        costs.append((time.perf_counter() - start) * 1000)
    return percentile(costs, 50)


def scroll_steps_ms(view: QAbstractItemView) -> list[float]:
    """Jump top to bottom in ``SCROLL_STEPS`` steps, painting each: the cost per frame."""
    bar = view.verticalScrollBar()
    costs = []
    for step in range(SCROLL_STEPS + 1):
        start = time.perf_counter()
        bar.setValue(round(bar.maximum() * step / SCROLL_STEPS))
        view.viewport().repaint()
        QApplication.processEvents()
        costs.append((time.perf_counter() - start) * 1000)
    return costs


async def one_run(report: Report, label: str, count: int, distinct: int, options: Options) -> None:
    go_file = None
    if options.isolation == "process":  # no state shared with the provider: a go file
        go_file = Path(tempfile.mkdtemp(prefix="bench-go-")) / GO
        spec = "bench.flood_providers:ProcessFlood"
        run_accounts = accounts(spec, 1, "Errors", errors=count, go_folder=str(go_file.parent))
    else:
        spec = "bench.flood_providers:ErrorFlood"
        run_accounts = accounts(spec, 1, "Errors", count=count, distinct=distinct)
    bench = DialogBench(run_accounts, ERRORS_TAB, options, go_file=go_file)
    try:
        outcome = await bench.run(0.0, timeout=120)
        final_seen = outcome.final_seen if outcome.final_seen is not None else math.inf
        model = bench.controller.error_model
        rows = model.rowCount()
        errors = sum(model.entry(row).count for row in range(rows))
        report.note(f"{label}: {rows:,} lines, {errors:,} errors in the model")
        if errors < count // 10:  # not the flood (the cap folds lines, never nine in ten)
            raise RuntimeError(f"{label}: {errors:,} of {count:,} errors arrived: no flood")
        if outcome.pacer_waits is not None:
            report.note(f"{label}: the provider stepped aside {outcome.pacer_waits:,} times")
        report.figure(
            f"{label}: first Error → all in the model",
            (final_seen - outcome.go) * 1000,
            "ms",
            at_most=count / 100,  # 1 s per 100,000
            digits=0,
        )
        report.figure(
            f"{label}: provider's {count:,} Error calls",
            (outcome.flood_end - outcome.go) * 1000,
            "ms",
            digits=0,
        )
        report.figure(
            f"{label}: last Error → all in the model", (final_seen - outcome.flood_end) * 1000, "ms"
        )
        bench.probe.summarize(report, label, outcome.go, final_seen)
        report_ticks(report, outcome.ticks, f"{label}: refresh tick")
        report_memory(report, outcome, growth_target=150, label=label)
        report.figure(
            f"{label}: scrollToBottom + repaint, median of 5",
            scroll_to_end_ms(bench.view),
            "ms",
            at_most=16,
        )
        steps = scroll_steps_ms(bench.view)
        report.figure(f"{label}: scroll step + repaint p50", percentile(steps, 50), "ms")
        report.figure(f"{label}: scroll step + repaint max", max(steps), "ms", at_most=16)
    finally:
        bench.close()


async def both(report: Report, options: Options) -> None:
    for label, count, distinct in RUNS:
        if options.isolation == "process" and distinct != count:
            continue
        await one_run(report, label, count, distinct, options)


def main() -> None:
    options = gui_options(__doc__)
    watchdog(110)  # under the suite's limit: a hang shows its stacks
    report = Report(f"B3{options.label}", "errors into the shown Errors tab")
    run_on_qasync(lambda: both(report, options))
    report.finish()


if __name__ == "__main__":
    main()
