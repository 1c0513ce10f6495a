"""The GUI's sentences about a run, built from the counts the core reports
(``app.summary``): the dialog's header, the Errors tab's title, the status bar, the
account list. One function per sentence, so a translation has one place to go."""

from __future__ import annotations

import time

from app.contract import hresult_name
from app.errorlog import ErrorEntry, ErrorKind
from app.summary import Fate, Outcome, RunSummary
from app.tracker import TaskState


def count(n: int, singular: str, plural: str) -> str:
    return f"{n:,} {singular if n == 1 else plural}"


def header(summary: RunSummary) -> str:
    """Outlook's header, counting only tasks that completed without an error; every
    other fate is named beside it."""
    text = f"{summary.succeeded:,} of {summary.total:,} tasks have completed successfully"
    others = _fates(summary)
    return f"{text} — {', '.join(others)}" if others else text


_FATE_WORDS = {
    Fate.WITH_ERRORS: "with errors",
    Fate.FAILED: "failed",
    Fate.CANCELLED: "cancelled",
    Fate.ABANDONED: "abandoned",
    Fate.UNFINISHED: "still running",
}


def _fates(summary: RunSummary) -> list[str]:
    return [f"{n:,} {_FATE_WORDS[fate]}" for fate, n in summary.fates()]


def problems(summary: RunSummary) -> str:
    """``3 errors, 1 warning``; empty when there are none."""
    parts = []
    if summary.errors:
        parts.append(count(summary.errors, "error", "errors"))
    if summary.warnings:
        parts.append(count(summary.warnings, "warning", "warnings"))
    return ", ".join(parts)


def errors_tab(summary: RunSummary | None) -> str:
    if summary is None or not (summary.errors or summary.warnings):
        return "Errors"
    if not summary.warnings:
        return f"Errors ({summary.errors:,})"
    return f"Errors ({summary.errors:,}) and warnings ({summary.warnings:,})"


def finished(summary: RunSummary) -> str:
    """The status bar at the end of a run: what happened, first word first."""
    outcome = summary.outcome
    if outcome is Outcome.FAILED:
        fates = [
            count(summary.failed, "task failed", "tasks failed") if summary.failed else "",
            f"{summary.cancelled:,} cancelled" if summary.cancelled else "",
            f"{summary.abandoned:,} abandoned" if summary.abandoned else "",
            problems(summary),
        ]
        return "Send/Receive failed: " + ", ".join(part for part in fates if part)
    if outcome is Outcome.COMPLETED_WITH_ERRORS:
        return "Send/Receive complete with errors: " + problems(summary)
    warnings = problems(summary)
    return "Send/Receive complete" + (f" ({warnings})" if warnings else "")


def running(summary: RunSummary, current: TaskState | None) -> str:
    """The status bar during a run: how far, and what is happening now."""
    text = f"Send/Receive: {summary.finished:,} of {summary.total:,} tasks done"
    if current is not None:
        text += f" — {current.name}: {current.step or current.status_text}"
    return text


def hresult_detail(hresult: int) -> str:
    """``0x80040115 MAPI_E_NETWORK_ERROR``, or for a code this app does not know, what
    its bits say: ``0x800CCC0E: failure, facility 12 (Internet), code 0xCC0E``."""
    hresult &= 0xFFFFFFFF
    name = hresult_name(hresult)
    if name:
        return f"0x{hresult:08X} {name}"
    severity = "failure" if hresult & 0x80000000 else "success"
    facility = (hresult >> 16) & 0x7FF
    known = _FACILITIES.get(facility)
    facility_text = f"facility {facility}" + (f" ({known})" if known else "")
    return f"0x{hresult:08X}: {severity}, {facility_text}, code 0x{hresult & 0xFFFF:04X}"


# The facilities a mail provider's HRESULTs come from (winerror.h).
_FACILITIES = {
    0: "none",
    1: "RPC",
    2: "Dispatch",
    3: "Storage",
    4: "interface-defined, MAPI",
    7: "Win32",
    8: "Windows",
    9: "Security",
    10: "Control",
    11: "Certificates",
    12: "Internet",
}


def clock(timestamp: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(timestamp))


def when(timestamp: float) -> str:
    """A time of day today, else a date and time."""
    if time.localtime(timestamp)[:3] == time.localtime()[:3]:
        return clock(timestamp)
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


_KIND_WORDS = {
    ErrorKind.ERROR: "Error",
    ErrorKind.WARNING: "Warning",
    ErrorKind.VIOLATION: "Contract violation",
}


def kind(entry: ErrorEntry) -> str:
    return _KIND_WORDS[entry.kind]


def entry_detail(entry: ErrorEntry) -> str:
    """Everything about one line of the Errors tab: the detail pane's text, and what
    Copy copies. The provider's text is whole here (the list cuts it to its column)."""
    lines = [f"{kind(entry)} in task '{entry.task_name}'", entry.text, ""]
    if entry.hresult is not None:
        lines.append(f"HRESULT: {hresult_detail(entry.hresult)}")
    if entry.count > 1:
        lines.append(
            f"Reported {entry.count:,} times, first at {when(entry.first_time)}, "
            f"last at {when(entry.last_time)}"
        )
    else:
        lines.append(f"Reported at {when(entry.first_time)}")
    return "\n".join(lines)
