"""The Errors tab's model: the run's ErrorLog, appended in batches, repeats folded."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from sendreceive.contract import format_hresult
from sendreceive.tracking.error_log import ErrorEntry, ErrorLog
from sendreceive.ui.icons import kind_icon
from sendreceive.ui.table_model import ColumnTableModel, ModelIndex
from sendreceive.ui.wording import clock, number, words


class ErrorColumn(IntEnum):
    TASK = 0
    MESSAGE = 1
    CODE = 2
    COUNT = 3
    TIME = 4


_HEADERS = {
    ErrorColumn.TASK: QT_TRANSLATE_NOOP("ErrorTableModel", "Task"),
    ErrorColumn.MESSAGE: QT_TRANSLATE_NOOP("ErrorTableModel", "Message"),
    ErrorColumn.CODE: QT_TRANSLATE_NOOP("ErrorTableModel", "Code"),
    ErrorColumn.COUNT: QT_TRANSLATE_NOOP("ErrorTableModel", "Count"),
    ErrorColumn.TIME: QT_TRANSLATE_NOOP("ErrorTableModel", "Last seen"),
}


class ErrorRole(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1


class ErrorTableModel(ColumnTableModel):
    def __init__(self) -> None:
        super().__init__(ErrorColumn, _HEADERS)
        self._log: ErrorLog | None = None
        self._entries: list[ErrorEntry] = []
        self._version = -1

    def set_log(self, error_log: ErrorLog | None) -> None:
        self.beginResetModel()
        self._log = error_log
        self._entries = []
        self._version = -1
        self.endResetModel()
        self.refresh()

    def refresh(self) -> None:
        """Append new entries in one insert, and repaint counts of folded repeats."""
        log = self._log
        if log is None or log.version == self._version:
            return
        self._version = log.version
        had = len(self._entries)
        fresh = log.entries[had:]
        if had:
            self.dataChanged.emit(
                self.index(0, ErrorColumn.COUNT), self.index(had - 1, ErrorColumn.TIME)
            )
        if fresh:
            self.beginInsertRows(QModelIndex(), had, had + len(fresh) - 1)
            self._entries.extend(fresh)
            self.endInsertRows()

    def entry(self, row: int) -> ErrorEntry:
        return self._entries[row]

    # ------------------------------------------------------------ Qt model API

    def row_count(self) -> int:
        return len(self._entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
            return None
        entry = self._entries[index.row()]
        column = ErrorColumn(index.column())
        if role == ErrorRole.ENTRY:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column is ErrorColumn.TASK:
            return kind_icon(entry.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole and column is ErrorColumn.TASK:
            return words.list_of((words.task_name(entry.task), words.line_accessible(entry)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return words.kind(entry)  # the whole line is in the detail pane, not a tooltip
        return None


def _display(entry: ErrorEntry, column: ErrorColumn) -> str:
    if column is ErrorColumn.TASK:
        return words.task_name(entry.task)
    if column is ErrorColumn.MESSAGE:
        return words.message(entry)
    if column is ErrorColumn.CODE:
        return format_hresult(entry.hresult) if entry.hresult is not None else ""
    if column is ErrorColumn.COUNT:
        return f"×{number(entry.count)}" if entry.count > 1 else ""
    return clock(entry.last_time)
