"""View ▸ View Log when no program is registered for the log: its last part, read-only,
in a window of the app's own (so the action never does nothing)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sendreceive.input_files import FileKind, InputFileError, open_checked
from sendreceive.ui.wording import arg

SHOWN_BYTES = 1024 * 1024  # the log rotates at 1 MiB: this is all of the current file
LOG_FILE = FileKind("a log", "a log file", sys.maxsize)  # any size: only its end is read


def log_tail(path: Path, limit: int = SHOWN_BYTES) -> str:
    """The last ``limit`` bytes of the log (from a line's start), as text; the file is
    opened by the rule of every file the app reads (``InputFileError``)."""
    with open_checked(path, LOG_FILE) as file:
        size = os.fstat(file.fileno()).st_size
        file.seek(max(0, size - limit))
        data = file.read(limit)
    if size > limit:
        data = data.partition(b"\n")[2]
    return data.decode("utf-8", "replace")


class LogViewer(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logViewer")
        self.setWindowTitle(arg(self.tr("Log — %1"), path.name))
        self.text = QPlainTextEdit()
        self.text.setObjectName("logText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Log"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        if not os.path.lexists(path):
            self.text.setPlaceholderText(self.tr("Nothing has been logged yet."))
        else:
            try:
                self.text.setPlainText(log_tail(path))
            except (InputFileError, OSError) as exc:
                self.text.setPlaceholderText(arg(self.tr("The log cannot be read: %1"), exc))
        where = QLabel(str(path))
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
