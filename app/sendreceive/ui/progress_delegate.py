"""Paints a task's progress bar in its cell with the style: no widget per row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from sendreceive.tracking.tracker import TaskState
from sendreceive.ui.task_model import TaskRole

_SCALE = 1000  # the bar's resolution; ULONG indices would overflow a C int
_TEXT_MARGIN = 12  # pixels the style keeps around a bar's label


def bar_label(step: str, metrics: QFontMetrics, width: int) -> str:
    """The step text on one line, cut with "…" to the bar: a style may otherwise wrap a
    long label onto a second line, over the bar and out of the row."""
    return metrics.elidedText(step, Qt.TextElideMode.ElideRight, max(0, width))


class ProgressBarDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = index.data(TaskRole.STATE)
        if not isinstance(state, TaskState):
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 2, -2, -2)
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.direction = option.direction
        bar.fontMetrics = option.fontMetrics
        bar.palette = option.palette
        fraction = state.fraction
        bar.minimum = 0
        bar.maximum = 0 if fraction is None else _SCALE  # 0..0 = busy indicator
        bar.progress = 0 if fraction is None else round(fraction * _SCALE)
        bar.text = bar_label(state.step, option.fontMetrics, bar.rect.width() - _TEXT_MARGIN)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
