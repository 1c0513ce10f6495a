"""The table view every list of the app uses: whole rows, fixed row heights, and a
keyboard a screen reader user can leave (Tab goes on to the next control; the arrow keys
move inside)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class RowTable(QTableView):
    """A table Tab leaves (Qt's default moves cell by cell and wraps: a trap); entering
    it puts the current row's first cell, which says the whole row, in focus."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabKeyNavigation(False)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        current = self.currentIndex()
        first = self.model().index(current.row() if current.isValid() else 0, 0)
        if first.isValid() and first != current:
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        # Qt says the table itself after this handler: the row has to be said after that.
        QTimer.singleShot(0, self._say_current_row)

    def _say_current_row(self) -> None:
        table = QAccessible.queryAccessibleInterface(self)
        cell = table.focusChild() if self.hasFocus() and table is not None else None
        if cell is not None and cell is not table:
            QAccessible.updateAccessibility(QAccessibleEvent(cell, QAccessible.Event.Focus))


def make_table(model: QAbstractItemModel, name: str) -> QTableView:
    """Fixed row heights, so 100,000 rows scroll without measuring any of them."""
    view = RowTable()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def with_buttons(view: QWidget, *buttons: QPushButton) -> QWidget:
    """``view`` above a row of ``buttons`` on the right."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(view, 1)
    row = QHBoxLayout()
    row.addStretch()
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return page
