"""The GUI's words, in the user's language: every sentence the GUI builds from what the
core reports as data (statuses, counts, task identities, HRESULTs, times, the host's
findings), through Qt's translations (``resources/translations``) and the default
``QLocale``.

One ``Wording`` object (``words``) holds them, because Qt Linguist's ``lupdate`` reads a
count (``%n``) only from ``self.tr(text, comment, n)``; its context is "Wording". Numbers
are the locale's (``%Ln``, ``QLocale.toString``), so 1,234 reads 1.234 in German.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, QObject

from sendreceive.config.profile import ALL_ACCOUNTS
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import format_hresult, hresult_name
from sendreceive.run.summary import Outcome, RunSummary
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind
from sendreceive.tracking.findings import Arg, Found
from sendreceive.tracking.findings import arg as arg  # the GUI's QString::arg is the core's
from sendreceive.tracking.rules import Rule
from sendreceive.tracking.tracker import TaskState, TaskStatus

_INT_MAX = 2**31 - 1  # Qt's plural count is a C int


def number(n: int) -> str:
    return QLocale().toString(n)


def translate(context: str, text: object) -> str:
    """A table's word marked with ``QT_TRANSLATE_NOOP(context, text)``, translated."""
    return QCoreApplication.translate(context, str(text))


class AnyCount:
    """``QObject.tr`` for counts of any size, mixed into a ``QObject`` subclass: Qt's
    plural count is a C int, and a provider may report billions of errors or calls. Past
    it, the plural form of the largest, with the real number in the sentence."""

    def tr(self, text: str, comment: str | None = None, n: int = -1) -> str:
        translate = super().tr  # type: ignore[misc]  # QObject's, further down the MRO
        if n <= _INT_MAX:
            return str(translate(text, comment, n))
        return str(translate(text, comment, _INT_MAX)).replace(number(_INT_MAX), number(n))


class Wording(AnyCount, QObject):
    """One method per sentence, so a translation has one place to go."""

    # ------------------------------------------------------------ tasks

    def activity(self, activity: Activity) -> str:
        if activity is Activity.SENDING:
            return self.tr("Sending", "task activity")
        if activity is Activity.SYNCHRONIZING:
            return self.tr("Synchronizing", "task activity")
        return self.tr("Receiving", "task activity")

    def task_name(self, task: TaskId) -> str:
        """Outlook's task naming: ``Contoso - Receiving``."""
        return arg(
            self.tr("%1 - %2", "task name: account - activity"),
            task.account,
            self.activity(task.activity),
        )

    def status_word(self, status: TaskStatus) -> str:
        words = {
            TaskStatus.PENDING: self.tr("Pending", "task status"),
            TaskStatus.RUNNING: self.tr("Running", "task status"),
            TaskStatus.NOT_RESPONDING: self.tr("Not responding", "task status"),
            TaskStatus.CANCELLING: self.tr("Cancelling…", "task status"),
            TaskStatus.COMPLETED: self.tr("Completed", "task status"),
            TaskStatus.WARNINGS: self.tr("Completed with warnings", "task status"),
            TaskStatus.FAILED: self.tr("Failed", "task status"),
            TaskStatus.CANCELLED: self.tr("Cancelled", "task status"),
            TaskStatus.ABANDONED: self.tr("Abandoned", "task status"),
        }
        return words[status]

    def status(self, state: TaskState) -> str:
        """``Completed with 1 error``, ``Failed: 0x80040111 (MAPI_E_LOGON_FAILED)``, …"""
        if state.status is TaskStatus.NOT_RESPONDING:
            return arg(
                self.tr("Not responding (no progress for %1)"), self.duration(state.silent_for)
            )
        if state.status is TaskStatus.WARNINGS and state.errors:
            return self.tr("Completed with %Ln error(s)", "", state.errors)
        if state.status is TaskStatus.WARNINGS and state.violations:
            return self.tr("Completed with %Ln contract violation(s)", "", state.violations)
        if state.status is TaskStatus.FAILED and state.result is not None:
            return self.failed(state.result)
        return self.status_word(state.status)

    def failed(self, hresult: int) -> str:
        return arg(self.tr("Failed: %1"), format_hresult(hresult))

    def percent(self, fraction: float) -> str:
        """``24 %`` as the locale writes it (``24 %`` in French, ``24%`` in English)."""
        return arg(self.tr("%1%", "a percentage"), number(round(fraction * 100)))

    def duration(self, seconds: float) -> str:
        """A remaining time or a silence: ``< 1 s``, ``45 s``, ``3 min 05 s``, ``2 h 10 min``."""
        if seconds < 1:
            return self.tr("< 1 s", "duration")
        minutes, secs = divmod(round(seconds), 60)
        if minutes >= 60:
            return arg(
                self.tr("%1 h %2 min", "duration"), number(minutes // 60), f"{minutes % 60:02d}"
            )
        if minutes:
            return arg(self.tr("%1 min %2 s", "duration"), number(minutes), f"{secs:02d}")
        return arg(self.tr("%1 s", "duration"), number(secs))

    def progress_accessible(self, state: TaskState) -> str:
        """A task's bar for a screen reader: its step text and percentage."""
        fraction = state.fraction
        done = self.tr("progress unknown") if fraction is None else self.percent(fraction)
        return self.list_of(part for part in (state.step, done) if part)

    def task_accessible(self, state: TaskState, reason: ErrorEntry | None = None) -> str:
        """A task row for a screen reader: name, status, the kind and text of its worst
        line in the Errors tab (a code alone says little), step text and percentage."""
        said = self.kind_and_message(reason) if reason is not None else ""
        parts = (self.task_name(state.task), self.status(state), said)
        return self.list_of(p for p in (*parts, self.progress_accessible(state)) if p)

    def line_accessible(self, entry: ErrorEntry) -> str:
        """An Errors-tab line for a screen reader: its kind first (only an icon shows
        it), then its text and code: ``Warning: Quota nearly full``."""
        return self.list_of(p for p in (self.kind_and_message(entry), entry.hresult_text()) if p)

    def kind_and_message(self, entry: ErrorEntry) -> str:
        return arg(self.tr("%1: %2", "error kind: message"), self.kind(entry), self.message(entry))

    # ------------------------------------------------------------ counts of a run

    def list_of(self, parts: Iterable[str]) -> str:
        return self.tr(", ", "list separator").join(parts)

    def header(self, summary: RunSummary) -> str:
        """Outlook's header, counting only tasks that completed without an error; every
        other fate is named beside it."""
        text = arg(
            self.tr("%Ln of %1 tasks have completed successfully", "", summary.succeeded),
            number(summary.total),
        )
        others = self.fates(summary)
        return arg(self.tr("%1 — %2", "header — other fates"), text, others) if others else text

    def fates(self, summary: RunSummary) -> str:
        parts = []
        if summary.with_errors:
            parts.append(self.tr("%Ln with errors", "tasks", summary.with_errors))
        if summary.failed:
            parts.append(self.tr("%Ln failed", "tasks", summary.failed))
        if summary.cancelled:
            parts.append(self.tr("%Ln cancelled", "tasks", summary.cancelled))
        if summary.abandoned:
            parts.append(self.tr("%Ln abandoned", "tasks", summary.abandoned))
        if summary.unfinished:
            parts.append(self.tr("%Ln still running", "tasks", summary.unfinished))
        return self.list_of(parts)

    def errors(self, n: int) -> str:
        return self.tr("%Ln error(s)", "", n)

    def warnings(self, n: int) -> str:
        return self.tr("%Ln warning(s)", "", n)

    def problems(self, errors: int, warnings: int) -> str:
        """``3 errors, 1 warning``; empty when there are none."""
        parts = [self.errors(errors) if errors else "", self.warnings(warnings) if warnings else ""]
        return self.list_of(part for part in parts if part)

    def errors_tab(self, summary: RunSummary | None) -> str:
        if summary is None or not (summary.errors or summary.warnings):
            return self.tr("Errors", "tab")
        if not summary.warnings:
            return arg(self.tr("Errors (%1)", "tab"), number(summary.errors))
        return arg(
            self.tr("Errors (%1) and warnings (%2)", "tab"),
            number(summary.errors),
            number(summary.warnings),
        )

    def finished(self, summary: RunSummary) -> str:
        """The status bar at the end of a run: what happened, first word first."""
        problems = self.problems(summary.errors, summary.warnings)
        outcome = summary.outcome
        if outcome is Outcome.FAILED:
            parts = [
                self.tr("%Ln task(s) failed", "", summary.failed) if summary.failed else "",
                self.tr("%Ln cancelled", "tasks", summary.cancelled) if summary.cancelled else "",
                self.tr("%Ln abandoned", "tasks", summary.abandoned) if summary.abandoned else "",
                problems,
            ]
            return arg(self.tr("Send/Receive failed: %1"), self.list_of(p for p in parts if p))
        if outcome is Outcome.COMPLETED_WITH_ERRORS:
            return arg(self.tr("Send/Receive complete with errors: %1"), problems)
        if problems:
            return arg(self.tr("Send/Receive complete (%1)"), problems)
        return self.tr("Send/Receive complete")

    def running(self, summary: RunSummary, current: TaskState | None) -> str:
        """The status bar during a run: how far, and what is happening now."""
        text = arg(
            self.tr("Send/Receive: %1 of %Ln task(s) done", "", summary.total),
            number(summary.finished),
        )
        if current is not None:
            what = current.step or self.status(current)
            text = arg(
                self.tr("%1 — %2: %3", "status bar: progress — task: step"),
                text,
                self.task_name(current.task),
                what,
            )
        return text

    def progress_description(self, fraction: float) -> str:
        """A progress bar's accessible description: its value as a percentage."""
        return arg(self.tr("%1 percent done"), number(round(fraction * 100)))

    def group_name(self, name: str) -> str:
        """A Send/Receive group's name; the implicit group's is the app's own word."""
        return self.tr("All Accounts", "the implicit group") if name == ALL_ACCOUNTS else name

    # ------------------------------------------------------------ the Errors tab

    def kind(self, entry: ErrorEntry) -> str:
        if entry.kind is ErrorKind.WARNING:
            return self.tr("Warning")
        if entry.kind is ErrorKind.VIOLATION:
            return self.tr("Contract violation")
        return self.tr("Error")

    def message(self, entry: ErrorEntry) -> str:
        """An Errors-tab line's text: the host's finding in the user's language, a
        provider's own text as it wrote it."""
        return entry.text if entry.found is None else self.finding(entry.found)

    def finding(self, found: Found) -> str:
        """The catalogue's template translated (``sendreceive.tracking.findings``), its
        arguments filled in: numbers the locale's, a provider's values verbatim; a
        contract violation names its rule and what it concerns, translated too."""
        finding = found.finding
        sentence = arg(
            translate("Finding", finding.template), *(self._argument(a) for a in found.args)
        )
        if finding.rule is None or finding.what is None:
            return sentence
        return arg(
            self.tr("%1: %2: %3", "contract violation: rule: what it concerns: the sentence"),
            self.rule(finding.rule),
            translate("Violation", finding.what),
            sentence,
        )

    def rule(self, rule: Rule) -> str:
        """``Rule 6 (Done exactly once, nothing after it)``, as mapi-contract.md numbers it."""
        return arg(
            self.tr("Rule %1 (%2)", "a contract rule: its number (its title)"),
            number(rule.number),
            translate("Rule", rule.title),
        )

    def _argument(self, value: Arg) -> str:
        if isinstance(value, Found):
            return self.finding(value)
        if type(value) is float:
            return QLocale().toString(value, "g", 6)
        if type(value) is int:
            return number(value)
        return str(value)

    def hresult_detail(self, hresult: int) -> str:
        """``0x80040115 MAPI_E_NETWORK_ERROR``, or for a code this app does not know, what
        its bits say: ``0x800CCC0E: failure, facility 12 (Internet), code 0xCC0E``."""
        hresult &= 0xFFFFFFFF
        name = hresult_name(hresult)
        if name:
            return f"0x{hresult:08X} {name}"
        failure = hresult & 0x80000000
        facility = (hresult >> 16) & 0x7FF
        known = _FACILITIES.get(facility)
        facility_text = arg(self.tr("facility %1"), facility)
        if known:
            facility_text = arg(self.tr("facility %1 (%2)"), facility, translate("Facility", known))
        severity = (
            self.tr("failure", "HRESULT severity")
            if failure
            else self.tr("success", "HRESULT severity")
        )
        return arg(
            self.tr("%1: %2, %3, code %4", "HRESULT: severity, facility, code"),
            f"0x{hresult:08X}",
            severity,
            facility_text,
            f"0x{hresult & 0xFFFF:04X}",
        )

    def entry_detail(self, entry: ErrorEntry) -> str:
        """Everything about one line of the Errors tab: the detail pane's text, and what
        Copy copies. The provider's text is whole here (the list cuts it to its column)."""
        lines = [
            arg(
                self.tr("%1 in task '%2'", "error kind in task"),
                self.kind(entry),
                self.task_name(entry.task),
            ),
            self.message(entry),
            "",
        ]
        if entry.hresult is not None:
            lines.append(arg(self.tr("HRESULT: %1"), self.hresult_detail(entry.hresult)))
        if entry.count > 1:
            lines.append(
                arg(
                    self.tr("Reported %Ln time(s), first at %1, last at %2", "", entry.count),
                    when(entry.first_time),
                    when(entry.last_time),
                )
            )
        else:
            lines.append(arg(self.tr("Reported at %1"), when(entry.first_time)))
        return "\n".join(lines)


# The facilities a mail provider's HRESULTs come from (winerror.h); most are names.
_FACILITIES = {
    0: QT_TRANSLATE_NOOP("Facility", "none"),
    1: "RPC",
    2: QT_TRANSLATE_NOOP("Facility", "Dispatch"),
    3: QT_TRANSLATE_NOOP("Facility", "Storage"),
    4: QT_TRANSLATE_NOOP("Facility", "interface-defined, MAPI"),
    7: "Win32",
    8: "Windows",
    9: QT_TRANSLATE_NOOP("Facility", "Security"),
    10: QT_TRANSLATE_NOOP("Facility", "Control"),
    11: QT_TRANSLATE_NOOP("Facility", "Certificates"),
    12: "Internet",
}


def _time_format() -> str:
    """The locale's time of day with seconds, without a time zone."""
    long_format = QLocale().timeFormat(QLocale.FormatType.LongFormat)
    return re.sub(r"\s*t+\s*", " ", long_format).strip()


def clock(timestamp: float) -> str:
    moment = QDateTime.fromMSecsSinceEpoch(round(timestamp * 1000))
    return QLocale().toString(moment.time(), _time_format())


def when(timestamp: float) -> str:
    """A time of day today, else the locale's short date and time."""
    moment = QDateTime.fromMSecsSinceEpoch(round(timestamp * 1000))
    if moment.date() == QDateTime.currentDateTime().date():
        return clock(timestamp)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


words = Wording()
