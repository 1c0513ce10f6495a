"""Run the whole benchmark suite: ``python -m bench [--only B2 ...] [--markdown FILE]``.

Every benchmark runs in a process of its own (a fresh interpreter, heap and
QApplication), with a time limit; its lines are shown as they come, and its figures are
collected into tables at the end: target, measured, met or not. Baselines (no app code)
and experiments (the app with a changed GIL switch interval, without its GUI pacer, or
with a prototype change, see ``bench/README.md``) are listed apart: their targets say
what a change would buy or cost, not how the app does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import RESULT_TAG, ROOT

NOISE = ("This plugin does not support propagateSizeHints()",)


APP, BASELINE, EXPERIMENT = "app", "baseline", "experiment"


@dataclass(frozen=True)
class Job:
    key: str
    module: str
    args: tuple[str, ...] = ()
    kind: str = APP  # the app as shipped, a baseline without app code, or an experiment
    timeout: float = 120.0


JOBS = (
    Job("B1", "bench.b1_callbacks", timeout=180),
    Job("B2", "bench.b2_flood", ("--isolation", "process")),
    Job(
        "B2", "bench.b2_flood", ("--isolation", "process", "--provider-niceness", "19"), EXPERIMENT
    ),
    Job("B2", "bench.b2_flood"),
    Job("B2", "bench.b2_floor", kind=BASELINE),
    Job("B2", "bench.b2_flood", ("--switch-interval-ms", "1"), EXPERIMENT),
    Job("B2", "bench.b2_flood", ("--switch-interval-ms", "0.5"), EXPERIMENT),
    Job("B2", "bench.b2_flood", ("--no-pacer",), EXPERIMENT),
    Job("B3", "bench.b3_errors", ("--isolation", "process")),
    Job("B3", "bench.b3_errors"),
    Job("B3", "bench.b3_errors", ("--switch-interval-ms", "1"), EXPERIMENT),
    Job("B3", "bench.b3_errors", ("--no-pacer",), EXPERIMENT),
    Job("B4", "bench.b4_many_tasks"),
    Job("B5", "bench.b5_cold_start", timeout=150),
    Job("B6", "bench.b6_startup", timeout=180),
    Job("B7", "bench.bench_profile"),
    Job("B8", "bench.b8_protocol_flood", timeout=240),
    Job("B9", "bench.b9_store_view", timeout=300),
)


@dataclass(frozen=True)
class Ratio:
    """A figure of the app held against a baseline's of the same run: the load of this
    noisy, shared machine moves both, so their ratio is what a change can be judged by."""

    bench: str
    figure: str
    floor_bench: str
    floor_figure: str
    at_most: float


PROCESS_FLOOR = ("B2 floor", "50 busy processes: lateness p99, median run")
RATIOS = (
    Ratio("B3 [process isolation]", "1M distinct: lateness p99", *PROCESS_FLOOR, 1.5),
    Ratio("B3", "1M distinct: lateness p99", *PROCESS_FLOOR, 1.5),
)


def run_job(job: Job) -> dict[str, object] | None:
    """Run one benchmark process, echo its output, return its result (None if it failed)."""
    command = [sys.executable, "-m", job.module, *job.args]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    killer = threading.Timer(job.timeout, proc.kill)
    killer.start()
    result: dict[str, object] | None = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(RESULT_TAG):
                result = json.loads(line.removeprefix(RESULT_TAG))
            elif line.strip() not in NOISE:
                print(line, end="", flush=True)
    finally:
        killer.cancel()
        code = proc.wait()
    if code != 0 or result is None:
        print(f"!! {' '.join(command[2:])} failed (exit {code}, limit {job.timeout:g} s)")
        return None
    return result


def table(results: Sequence[tuple[Job, dict[str, object]]], kind: str) -> list[str]:
    """Markdown rows of the figures that have a target (every figure, for baselines)."""
    lines = ["| bench | figure | target | measured | met |", "|---|---|---|---|---|"]
    for job, result in results:
        if job.kind != kind:
            continue
        figures = result["figures"]
        assert isinstance(figures, list)
        for fig in figures:
            if not fig["target"] and kind != BASELINE:
                continue
            met = {True: "yes", False: "**no**", None: ""}[fig["met"]]
            value = f"{fig['value']:,} {fig['unit']}"
            lines.append(
                f"| {result['bench']} | {fig['name']} | {fig['target']} | {value} | {met} |"
            )
    return lines


def ratios(results: Sequence[tuple[Job, dict[str, object]]]) -> list[str]:
    """Markdown rows of every ``RATIOS`` entry whose two figures this run measured."""
    values: dict[tuple[object, object], float] = {}
    for _job, result in results:
        figures = result["figures"]
        assert isinstance(figures, list)
        for fig in figures:
            values[(result["bench"], fig["name"])] = fig["value"]
    lines = ["| bench | figure | floor | ratio | target | met |", "|---|---|---|---|---|---|"]
    for ratio in RATIOS:
        value = values.get((ratio.bench, ratio.figure))
        floor = values.get((ratio.floor_bench, ratio.floor_figure))
        if value is None or not floor:
            continue
        met = "yes" if value / floor <= ratio.at_most else "**no**"
        lines.append(
            f"| {ratio.bench} | {ratio.figure}: {value:,} | {ratio.floor_bench}, "
            f"{ratio.floor_figure}: {floor:,} | {value / floor:.2f}× | ≤ {ratio.at_most:g}× "
            f"| {met} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", nargs="*", default=None, help="benchmark keys, e.g. B1 B3")
    parser.add_argument("--no-experiments", action="store_true", help="the app as shipped only")
    parser.add_argument("--markdown", type=Path, help="also write the summary tables here")
    args = parser.parse_args()
    jobs = [
        job
        for job in JOBS
        if (args.only is None or job.key in args.only)
        and not (args.no_experiments and job.kind == EXPERIMENT)
    ]
    started = time.perf_counter()
    results: list[tuple[Job, dict[str, object]]] = []
    failed = []
    for job in jobs:
        result = run_job(job)
        if result is None:
            failed.append(job)
        else:
            results.append((job, result))
    elapsed = time.perf_counter() - started
    summary = [
        f"# Benchmark summary ({len(results)} of {len(jobs)} runs, {elapsed:.0f} s)",
        "",
        "## The app as shipped",
        "",
        *table(results, APP),
        "",
        "## Against a baseline of the same run",
        "",
        *ratios(results),
        "",
        "## Baselines (no app code)",
        "",
        *table(results, BASELINE),
        "",
        "## Experiments (a changed interpreter setting, no pacer, or a prototype: not the app)",
        "",
        *table(results, EXPERIMENT),
    ]
    print("\n" + "\n".join(summary))
    if args.markdown is not None:
        args.markdown.write_text("\n".join(summary) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
