"""A folder's message list for the store view, read a page at a time as it scrolls into
view (``canFetchMore``/``fetchMore``): a folder of 100,000 messages shows its first rows
after reading a hundred header sections, not all of them, and each page is read on a
thread, so a cold disk or a busy machine delays rows, never the window."""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QLocale, Qt, Signal

from sendreceive.mail import store_reader
from sendreceive.mail.store_reader import MessageRow, Problem
from sendreceive.ui.outbox_view import size_text
from sendreceive.ui.table_model import ROOT, ColumnTableModel, ModelIndex
from sendreceive.ui.wording import translate

PAGE = 100  # rows read at once: about as many as a tall window shows


class StoreColumn(IntEnum):
    FROM = 0
    SUBJECT = 1
    DATE = 2
    SIZE = 3
    FLAGS = 4


_HEADERS = {
    StoreColumn.FROM: QT_TRANSLATE_NOOP("MessageListModel", "From"),
    StoreColumn.SUBJECT: QT_TRANSLATE_NOOP("MessageListModel", "Subject"),
    StoreColumn.DATE: QT_TRANSLATE_NOOP("MessageListModel", "Date"),
    StoreColumn.SIZE: QT_TRANSLATE_NOOP("MessageListModel", "Size"),
    StoreColumn.FLAGS: QT_TRANSLATE_NOOP("MessageListModel", "Flags"),
}

_FLAGS = {  # the Maildir letters, in Outlook's words
    "D": QT_TRANSLATE_NOOP("MessageListModel", "Draft"),
    "F": QT_TRANSLATE_NOOP("MessageListModel", "Flagged"),
    "P": QT_TRANSLATE_NOOP("MessageListModel", "Forwarded"),
    "R": QT_TRANSLATE_NOOP("MessageListModel", "Replied"),
    "S": QT_TRANSLATE_NOOP("MessageListModel", "Read"),
    "T": QT_TRANSLATE_NOOP("MessageListModel", "Deleted"),
}

_PROBLEMS = {
    Problem.LINK: QT_TRANSLATE_NOOP("MessageListModel", "A link, not followed"),
    Problem.NOT_A_FILE: QT_TRANSLATE_NOOP("MessageListModel", "Not a file"),
    Problem.GONE: QT_TRANSLATE_NOOP("MessageListModel", "Moved or deleted since listed"),
    Problem.UNREADABLE: QT_TRANSLATE_NOOP("MessageListModel", "Could not be read"),
    Problem.HEADER_TOO_BIG: QT_TRANSLATE_NOOP("MessageListModel", "Header section too large"),
    Problem.NO_TEXT: QT_TRANSLATE_NOOP("MessageListModel", "This message has no plain text"),
    Problem.TRUNCATED: QT_TRANSLATE_NOOP("MessageListModel", "Only the start is shown"),
}


def problem_text(problem: Problem, detail: str = "") -> str:
    """What the store view could not show, in words, with the system's own reason."""
    text = translate("MessageListModel", _PROBLEMS[problem])
    return f"{text} ({detail})" if detail else text


def flags_text(letters: str) -> str:
    return ", ".join(
        translate("MessageListModel", _FLAGS[letter]) for letter in letters if letter in _FLAGS
    )


def date_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    try:
        seconds = moment.timestamp()
    except (OverflowError, OSError, ValueError):  # a year the platform cannot place
        return ""
    shown = QDateTime.fromMSecsSinceEpoch(round(seconds * 1000))
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


class MessageListModel(ColumnTableModel):
    """One folder's messages, newest first; rows appear as the view asks for them."""

    _page = Signal(object, object)  # (the files it was read for, list[MessageRow])

    def __init__(self) -> None:
        super().__init__(StoreColumn, _HEADERS)
        self._files: list[Path] = []
        self._rows: list[MessageRow] = []
        self._reading = False  # a page is being read
        self._page.connect(self._add_page)

    def set_files(self, files: list[Path]) -> None:
        """A folder's files, as listed (none read yet); a page still being read for the
        previous ones is dropped when it arrives."""
        self.beginResetModel()
        self._files = files
        self._rows = []
        self._reading = False
        self.endResetModel()

    def total(self) -> int:
        return len(self._files)

    def message(self, row: int) -> MessageRow:
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def canFetchMore(self, parent: ModelIndex = ROOT) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and len(self._rows) < len(self._files)

    def fetchMore(self, parent: ModelIndex = ROOT) -> None:  # noqa: N802 (Qt's name)
        """Start reading the next page (the view asks again once it is shown)."""
        if self._reading or not self.canFetchMore(parent):
            return
        self._reading = True
        files, start = self._files, len(self._rows)
        threading.Thread(
            target=self._read, args=(files, files[start : start + PAGE]), daemon=True
        ).start()

    def _read(self, files: list[Path], page: list[Path]) -> None:
        rows = store_reader.rows(page)
        with contextlib.suppress(RuntimeError):  # the model was deleted meanwhile
            self._page.emit(files, rows)

    def _add_page(self, files: list[Path], rows: list[MessageRow]) -> None:
        if files is not self._files:
            return
        self._reading = False
        start = len(self._rows)
        self.beginInsertRows(ROOT, start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index) or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = StoreColumn(index.column())
        if row.problem is not None and column is StoreColumn.SUBJECT:
            return problem_text(row.problem, row.detail)
        return {
            StoreColumn.FROM: row.sender,
            StoreColumn.SUBJECT: row.subject,
            StoreColumn.DATE: date_text(row.date),
            StoreColumn.SIZE: size_text(row.size),
            StoreColumn.FLAGS: flags_text(row.flags),
        }[column]
