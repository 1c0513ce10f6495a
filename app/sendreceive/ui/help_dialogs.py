"""Help ▸ About (the versions and the files a bug report names) and Help ▸ Keyboard
Shortcuts (every shortcut of the window's actions, as they are bound)."""

from __future__ import annotations

import platform
from collections.abc import Iterable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendreceive import __version__
from sendreceive.ui.wording import arg


class AboutDialog(QDialog):
    def __init__(self, log_file: Path, profile: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Send/Receive Workbench"))
        lines = [
            arg(self.tr("Send/Receive Workbench %1"), __version__),
            arg(
                self.tr("Qt %1, PySide6 %2, Python %3"),
                qVersion(),
                pyside_version,
                platform.python_version(),
            ),
            arg(self.tr("Log: %1"), str(log_file)),
            arg(self.tr("Profile: %1"), str(profile) if profile else self.tr("none")),
        ]
        self.text = QLabel("\n".join(lines))
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        bound = [(a.text().replace("&", ""), a.shortcuts()) for a in actions if a.shortcuts()]
        self.table = QTableWidget(len(bound), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(bound):
            shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            self.table.setItem(row, 0, QTableWidgetItem(text.rstrip("…")))
            self.table.setItem(row, 1, QTableWidgetItem(shown))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 320)
