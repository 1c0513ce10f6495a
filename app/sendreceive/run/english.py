"""The core's data in stable English: task names, statuses, error lines, the run's
headline and table. Headless output, ``--json``, JUnit and the pytest plugin read these
words, and scripts rely on them, so they change only on purpose; the GUI has its own,
translated (``sendreceive.ui.wording``).
"""

from __future__ import annotations

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import format_hresult
from sendreceive.run.summary import RunSummary, task_errors
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind
from sendreceive.tracking.tracker import TaskState, TaskStatus

_ACTIVITY = {
    Activity.RECEIVING: "Receiving",
    Activity.SENDING: "Sending",
    Activity.SYNCHRONIZING: "Synchronizing",
}

STATUS_WORDS = {
    TaskStatus.PENDING: "Pending",
    TaskStatus.RUNNING: "Running",
    TaskStatus.NOT_RESPONDING: "Not responding",
    TaskStatus.CANCELLING: "Cancelling…",
    TaskStatus.COMPLETED: "Completed",
    TaskStatus.WARNINGS: "Completed with warnings",
    TaskStatus.FAILED: "Failed",
    TaskStatus.CANCELLED: "Cancelled",
    TaskStatus.ABANDONED: "Abandoned",
}


def task_name(task: TaskId) -> str:
    """Outlook's task naming: ``Contoso - Receiving``."""
    return f"{task.account} - {_ACTIVITY[task.activity]}"


def status_text(state: TaskState) -> str:
    """``Completed with 1 error``, ``Failed: 0x80040111 (MAPI_E_LOGON_FAILED)``, …"""
    if state.status is TaskStatus.NOT_RESPONDING:
        return f"Not responding (no progress for {state.silent_for:.0f} s)"
    if state.status is TaskStatus.WARNINGS and state.errors:
        return f"Completed with {_count(state.errors, 'error')}"
    if state.status is TaskStatus.WARNINGS and state.violations:
        return f"Completed with {_count(state.violations, 'contract violation')}"
    if state.status is TaskStatus.FAILED and state.result is not None:
        return f"Failed: {format_hresult(state.result)}"
    return STATUS_WORDS[state.status]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def error_line(entry: ErrorEntry) -> str:
    """The line as Outlook words it, e.g.
    ``Task 'Contoso - Receiving' reported error (0x80040115) : 'Cannot reach it.'``"""
    code = f" (0x{entry.hresult:08X})" if entry.hresult is not None else ""
    name = task_name(entry.task)
    if entry.kind is ErrorKind.VIOLATION:
        return f"Task '{name}' broke the provider contract{code} : '{entry.text}'"
    return f"Task '{name}' reported {entry.kind.value}{code} : '{entry.text}'"


def headline(summary: RunSummary) -> str:
    """Outlook's header line, counting only tasks that completed without an error, with
    every other fate named beside it: ``3 of 5 tasks have completed successfully (1 with
    errors, 1 failed)``."""
    text = f"{summary.succeeded:,} of {summary.total:,} tasks have completed successfully"
    others = [f"{n:,} {fate.value}" for fate, n in summary.fates()]
    return f"{text} ({', '.join(others)})" if others else text


def format_table(states: list[TaskState]) -> str:
    """The final summary: one row per task; Errors counts contract violations too."""
    rows = [("Task", "Status", "Progress", "Errors", "Warnings")]
    for s in states:
        progress = f"{s.index:,}/{s.index_max:,}" if s.index_max else f"{s.index:,}/?"
        rows.append(
            (task_name(s.task), status_text(s), progress, f"{task_errors(s):,}", f"{s.warnings:,}")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
