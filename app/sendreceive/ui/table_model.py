"""The part every flat table model here shares: named columns, headers, row count."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

ModelIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class ColumnTableModel(QAbstractTableModel):
    """A flat table whose columns are an ``IntEnum`` with a header per column."""

    def __init__(self, columns: type[IntEnum], headers: Mapping[Any, object]) -> None:
        """``headers``: each column's English header, marked with ``QT_TRANSLATE_NOOP``
        under the subclass's name, and translated when a view asks."""
        super().__init__()
        self._columns = columns
        self._headers = headers

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: ModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self._columns):
            return None
        header = str(self._headers[self._columns(section)])
        return QCoreApplication.translate(type(self).__name__, header)

    def valid_row(self, index: ModelIndex) -> bool:
        return index.isValid() and 0 <= index.row() < self.row_count()
