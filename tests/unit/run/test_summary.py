"""One place counts a run; a failed and a cancelled task never read as success."""

from __future__ import annotations

import asyncio
import io
import json
import re
from pathlib import Path

import pytest

from sendreceive.config.profile import load_profile
from sendreceive.headless import HeadlessPrinter
from sendreceive.run.english import format_table, headline
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.run.summary import Outcome, summarize
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.tracker import TaskState, TaskStatus

DATA = Path(__file__).resolve().parents[2] / "data"
LIMITS = RunLimits(stall_timeout=5.0, cancel_grace=2.0, watchdog_interval=0.02)


def state(status: TaskStatus, errors: int = 0, warnings: int = 0, violations: int = 0):
    return TaskState("T", status, "", 0, 0, errors, warnings, violations, None, None, None, 0, 0)


def test_only_tasks_without_errors_count_as_succeeded():
    summary = summarize(
        [
            state(TaskStatus.COMPLETED),
            state(TaskStatus.WARNINGS, warnings=2),  # warnings alone: still a success
            state(TaskStatus.WARNINGS, errors=1, warnings=1),
            state(TaskStatus.WARNINGS, violations=1),
            state(TaskStatus.FAILED, errors=1),
            state(TaskStatus.CANCELLED),
            state(TaskStatus.ABANDONED, errors=1),
            state(TaskStatus.RUNNING),
        ]
    )
    assert (summary.total, summary.succeeded, summary.with_errors) == (8, 2, 2)
    assert (summary.failed, summary.cancelled, summary.abandoned, summary.unfinished) == (
        1,
        1,
        1,
        1,
    )
    assert (summary.errors, summary.violations, summary.warnings) == (4, 1, 3)
    assert summary.outcome is Outcome.RUNNING
    assert headline(summary) == (
        "2 of 8 tasks have completed successfully "
        "(2 with errors, 1 failed, 1 cancelled, 1 abandoned, 1 unfinished)"
    )


@pytest.mark.parametrize(
    ("statuses", "outcome", "all_completed"),
    [
        ([TaskStatus.COMPLETED, TaskStatus.WARNINGS], Outcome.SUCCEEDED, True),
        ([TaskStatus.COMPLETED, TaskStatus.CANCELLED], Outcome.FAILED, False),
        ([TaskStatus.COMPLETED, TaskStatus.FAILED], Outcome.FAILED, False),
        ([TaskStatus.ABANDONED], Outcome.FAILED, False),
    ],
)
def test_outcome(statuses, outcome, all_completed):
    summary = summarize(state(s) for s in statuses)
    assert summary.outcome is outcome
    assert summary.all_completed is all_completed


def test_a_failed_and_a_cancelled_task_read_as_failure_in_table_headline_and_json(tmp_path):
    run = Run(load_profile(DATA / "fails-and-cancels.toml").accounts, tmp_path, LIMITS)
    text, events = io.StringIO(), io.StringIO()
    printers = [HeadlessPrinter(run, text), HeadlessPrinter(run, events, as_json=True)]

    async def main() -> None:
        execution = asyncio.ensure_future(run.execute())
        endless = run.tasks[2]
        while endless.snapshot().index == 0:
            await asyncio.sleep(0.01)
        endless.cancel()
        await execution

    asyncio.run(main())
    summaries = [printer.finish() for printer in printers]
    assert summaries[0] == summaries[1] == run.summary()
    summary = summaries[0]
    assert (summary.succeeded, summary.with_errors, summary.failed, summary.cancelled) == (
        1,
        1,
        1,
        1,
    )
    assert summary.outcome is Outcome.FAILED and not summary.all_completed

    out = text.getvalue()
    assert out.rstrip().endswith(
        "1 of 4 tasks have completed successfully (1 with errors, 1 failed, 1 cancelled)"
    )
    table = format_table([task.snapshot() for task in run.tasks])
    error_column = [int(re.split(r"\s{2,}", row)[3]) for row in table.splitlines()[2:]]
    assert (
        sum(error_column)
        == summary.errors
        == run.error_log.count(ErrorKind.ERROR, ErrorKind.VIOLATION)
    )

    final = json.loads(events.getvalue().splitlines()[-1])
    assert final["outcome"] == "failed"
    assert (final["errors"], final["warnings"], final["failed"], final["cancelled"]) == (
        summary.errors,
        summary.warnings,
        1,
        1,
    )
