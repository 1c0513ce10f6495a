"""B2 — GUI stall under a flood: 50 provider threads call ``Progress`` flat out for 3 s and
one calls ``Error`` 20,000 times (distinct texts), while the real dialog shows the run.

Run: ``python -m bench.b2_flood [--switch-interval-ms MS] [--no-pacer] [--isolation process]``.
With ``--isolation process`` the 51 providers are 51 processes (the app's default).
The switch interval is the GIL's (``sys.setswitchinterval``): how long a CPU-bound
provider thread may keep the GIL while the GUI thread waits for it.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from bench.common import Options, Report, gui_options, run_on_qasync, watchdog
from bench.flood_providers import GO
from bench.harness import TASKS_TAB, DialogBench, accounts, report_memory, report_ticks

PROGRESS_THREADS = 50
ERRORS = 20_000
FLOOD_SECONDS = 3.0


async def flood(report: Report, options: Options) -> None:
    go_file = None
    if options.isolation == "process":  # no state shared with the providers: a go file
        go_file = Path(tempfile.mkdtemp(prefix="bench-go-")) / GO
        spec, go = "bench.flood_providers:ProcessFlood", {"go_folder": str(go_file.parent)}
        run_accounts = [
            *accounts(spec, PROGRESS_THREADS, "Progress", **go),
            *accounts(spec, 1, "Errors", errors=ERRORS, **go),
        ]
    else:
        run_accounts = [
            *accounts("bench.flood_providers:ProgressFlood", PROGRESS_THREADS, "Progress"),
            *accounts(
                "bench.flood_providers:ErrorFlood", 1, "Errors", count=ERRORS, distinct=ERRORS
            ),
        ]
    bench = DialogBench(run_accounts, TASKS_TAB, options, go_file=go_file)
    try:
        outcome = await bench.run(FLOOD_SECONDS, timeout=FLOOD_SECONDS + 30)
    finally:
        bench.close()
    if outcome.final_seen is None:
        report.note("the run did not reach its final state in time")
    if outcome.pacer_waits is None:
        report.note("without the GUI pacer (experiment)")
    else:
        report.figure(
            "pacer: provider threads stepped aside", outcome.pacer_waits, "times", digits=0
        )
    final_seen = outcome.final_seen if outcome.final_seen is not None else math.inf
    bench.probe.summarize(report, "flood", outcome.go, outcome.flood_end, max_ms=50)
    bench.probe.summarize(report, "flood + drain", outcome.go, final_seen, max_ms=50)
    report.figure(
        "flood end → final state in the dialog's models",
        (final_seen - outcome.flood_end) * 1000,
        "ms",
        at_most=100,
    )
    span = outcome.flood_end - outcome.go
    calls = outcome.flood.progress_calls
    report.figure("flood length (go → last Done)", span * 1000, "ms", digits=0)
    report.figure("Progress rate, all threads", calls / span, "calls/s", digits=0)
    report.figure(
        "Progress rate per provider thread", calls / span / PROGRESS_THREADS, "calls/s", digits=0
    )
    report_ticks(report, outcome.ticks)
    report_memory(report, outcome, growth_target=30)


def main() -> None:
    options = gui_options(__doc__)
    watchdog(90)
    report = Report(f"B2{options.label}", "GUI stall under a 51-thread flood")
    run_on_qasync(lambda: flood(report, options))
    report.finish()


if __name__ == "__main__":
    main()
