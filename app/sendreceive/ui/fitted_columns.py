"""A table whose columns fit its width: each as wide as its content, the widest ones cut
(elided in the middle) when they would not all fit, and one column that takes what is
left. The stretching column counts as wide as its content when the room is shared, so a
long status does not squeeze the first error to a stub. No horizontal scroll bar at any
width the window allows, and no header text cut ("st er …") by one long cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


class FittedColumns(QObject):
    """Fits ``view``'s columns now, and again whenever its viewport changes width."""

    def __init__(self, view: QTableView, stretch: int) -> None:
        super().__init__(view)
        self._view = view
        self._stretch = stretch
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a path stay
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Size the columns to their content now (after new rows or a new language)."""
        header = self._view.horizontalHeader()
        columns = [column for column in range(header.count()) if not header.isSectionHidden(column)]
        wanted = {
            column: max(self._view.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in columns
        }
        room = self._view.viewport().width()
        cap = widest_allowed(list(wanted.values()), room, header.minimumSectionSize())
        for column, width in wanted.items():
            if column != self._stretch:  # that one has what the others leave
                header.resizeSection(column, min(width, cap))


def widest_allowed(widths: list[int], room: int, least: int) -> int:
    """The largest width no column may pass so that ``widths``, each cut to it, fit in
    ``room``: the narrow columns keep all of theirs, only the widest give way (and none
    below ``least``, a header's minimum, even if the sum then overflows)."""
    remaining = room
    for left, width in enumerate(sorted(widths)):
        share = remaining // (len(widths) - left)
        if width > share:
            return max(share, least)
        remaining -= width
    return max(widths, default=least)
