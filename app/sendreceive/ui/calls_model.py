"""The Calls tab's model: one task's call trace, in order, appended as it grows.

The rows are the task's ``Call`` records (``TaskTracker.trace_since``); each refresh takes
only what came after the model's cursor, so a tick costs what is new, not the whole trace.
The model keeps at most ``TRACE_LIMIT`` rows, as the tracker does, dropping the oldest.
"""

from __future__ import annotations

import bisect
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from sendreceive.contract import format_hresult
from sendreceive.printable import describe, printable
from sendreceive.run.task import Task
from sendreceive.tracking.trace import CALLS, SYNC_CALLED, TRACE_LIMIT, VIOLATION, Call, Opaque
from sendreceive.ui.icons import violation_icon
from sendreceive.ui.table_model import ROOT, ColumnTableModel, ModelIndex

ARGUMENTS_SHOWN = 200  # characters of a row's arguments: one line, the start of each
HOST = "host"  # the kind of every host step, for the filter


class CallColumn(IntEnum):
    TIME = 0
    THREAD = 1
    CALL = 2
    ARGUMENTS = 3
    RESULT = 4


_HEADERS = {
    CallColumn.TIME: QT_TRANSLATE_NOOP("CallTableModel", "Time (s)"),
    CallColumn.THREAD: QT_TRANSLATE_NOOP("CallTableModel", "Thread"),
    CallColumn.CALL: QT_TRANSLATE_NOOP("CallTableModel", "Call"),
    CallColumn.ARGUMENTS: QT_TRANSLATE_NOOP("CallTableModel", "Arguments"),
    CallColumn.RESULT: QT_TRANSLATE_NOOP("CallTableModel", "Result"),
}


class CallRole(IntEnum):
    CALL = Qt.ItemDataRole.UserRole + 1  # the row's Call
    KIND = Qt.ItemDataRole.UserRole + 2  # its kind, for the filter


def kind(call: Call) -> str:
    """The filter's kind of ``call``: its contract name, or ``HOST`` for a host step."""
    return HOST if call.host else call.name


def broke_contract(call: Call) -> bool:
    return call.violation or call.name == VIOLATION


def arguments_text(call: Call) -> str:
    """The arguments on one line, each shortened: never a provider's own ``repr``."""
    parts = (value.text if type(value) is Opaque else describe(value) for value in call.args)
    return printable(", ".join(parts), ARGUMENTS_SHOWN)


def result_text(call: Call) -> str:
    """What the host answered, as an HRESULT; ``SynchronizeInBackground``'s flags in hex."""
    if call.result is None:
        return ""
    if call.name == SYNC_CALLED:
        return f"0x{call.result:X}"
    return format_hresult(call.result)


def call_line(call: Call) -> str:
    """A row as one line of text, tab-separated, for the clipboard."""
    return "\t".join(
        (f"{call.time:.6f}", call.thread, call.name, arguments_text(call), result_text(call))
    )


class CallTableModel(ColumnTableModel):
    """Rows are one task's calls; ``refresh`` appends what the tracker added since."""

    def __init__(self, limit: int = TRACE_LIMIT) -> None:
        super().__init__(CallColumn, _HEADERS)
        self._limit = limit
        self._task: Task | None = None
        self._calls: list[Call] = []
        self._cursor = 0
        self._generation = 0  # the tracker's trace_generation the rows come from
        self._removed = 0  # rows dropped from the front, so far
        self._violations: list[int] = []  # positions (row + removed) of rows marked
        self.dropped = 0  # calls the tracker no longer held when they were asked for

    @property
    def task(self) -> Task | None:
        return self._task

    def set_task(self, task: Task | None) -> None:
        self.beginResetModel()
        self._task = task
        self._calls = []
        self._cursor = self._removed = self.dropped = 0
        self._violations = []
        self._generation = 0 if task is None else task.tracker.trace_generation
        self.endResetModel()
        self.refresh()

    def call(self, row: int) -> Call:
        return self._calls[row]

    def refresh(self) -> None:
        """Append the calls made since the last refresh."""
        if self._task is None:
            return
        tracker = self._task.tracker
        if tracker.trace_generation != self._generation:  # a process's trace replaced it
            self.set_task(self._task)
            return
        trace = tracker.trace_since(self._cursor)
        self._cursor = trace.cursor
        self.dropped += trace.dropped
        if not trace.calls:
            return
        first = len(self._calls)
        self.beginInsertRows(ROOT, first, first + len(trace.calls) - 1)
        self._calls.extend(trace.calls)
        self._violations.extend(
            first + self._removed + offset
            for offset, call in enumerate(trace.calls)
            if broke_contract(call)
        )
        self.endInsertRows()
        excess = len(self._calls) - self._limit
        if excess > self._limit // 10:  # in batches: each removal shifts the whole list
            self.beginRemoveRows(ROOT, 0, excess - 1)
            del self._calls[:excess]
            self._removed += excess
            del self._violations[: bisect.bisect_left(self._violations, self._removed)]
            self.endRemoveRows()

    @property
    def violation_count(self) -> int:
        return len(self._violations)

    def violation_rows(self) -> list[int]:
        """Rows of the calls that broke the contract, in order."""
        return [position - self._removed for position in self._violations]

    # ------------------------------------------------------------ Qt model API

    def row_count(self) -> int:
        return len(self._calls)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
            return None
        call = self._calls[index.row()]
        column = CallColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(call, column)
        if role == CallRole.KIND:
            return kind(call)
        if role == CallRole.CALL:
            return call
        if not broke_contract(call):
            return None
        if role == Qt.ItemDataRole.DecorationRole and column is CallColumn.CALL:
            return violation_icon()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#c00000"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _display(call: Call, column: CallColumn) -> str:
    if column is CallColumn.TIME:
        return QLocale().toString(call.time, "f", 3)
    if column is CallColumn.THREAD:
        return call.thread
    if column is CallColumn.CALL:
        return call.name
    if column is CallColumn.ARGUMENTS:
        return arguments_text(call)
    return result_text(call)


class CallFilter(QSortFilterProxyModel):
    """Shows the calls of one kind (``CALLS`` or ``HOST``), or all of them (``""``);
    no kind's name holds another's, so a fixed string matches one kind."""

    def __init__(self, source: CallTableModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.setFilterRole(CallRole.KIND)

    def set_kind(self, wanted: str) -> None:
        assert wanted in ("", HOST, *CALLS)
        self.setFilterFixedString(wanted)
