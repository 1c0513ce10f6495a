"""The table view every list of the dialog uses: whole rows, fixed row heights."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def make_table(model: QAbstractItemModel, name: str) -> QTableView:
    """Fixed row heights, so 100,000 rows scroll without measuring any of them."""
    view = QTableView()
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
