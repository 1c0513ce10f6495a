"""The dialog's tab widget: a tab label that changes on every refresh tick (the Errors
tab's count) repaints the label, not the page under it; a label that needs more room
still gets it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from sendreceive.ui.steady_tabs import SteadyTabWidget


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def shown_tabs(qtbot) -> tuple[SteadyTabWidget, PaintCounter, PaintCounter]:
    tabs = SteadyTabWidget()
    qtbot.addWidget(tabs)
    page = QLabel("page")
    tabs.addTab(page, "Tasks")
    tabs.addTab(QLabel("errors"), "Errors (12)")
    tabs.resize(400, 300)
    page_paints, bar_paints = PaintCounter(page), PaintCounter(tabs.tabBar())
    tabs.show()
    qtbot.waitExposed(tabs)
    qtbot.waitUntil(lambda: page_paints.count > 0 and bar_paints.count > 0)
    return tabs, page_paints, bar_paints


def test_a_new_count_of_the_same_width_repaints_only_the_tab_bar(qtbot):
    tabs, page_paints, bar_paints = shown_tabs(qtbot)
    before_page, before_bar = page_paints.count, bar_paints.count
    for text in ("Errors (21)", "Errors (12)", "Errors (21)"):  # the same glyphs
        tabs.set_label(1, text)
        qtbot.waitUntil(lambda seen=before_bar: bar_paints.count > seen)
        before_bar = bar_paints.count
    assert tabs.tabText(1) == "Errors (21)"
    assert page_paints.count == before_page


def test_a_longer_label_still_gets_its_room(qtbot):
    tabs, _, _ = shown_tabs(qtbot)
    narrow = tabs.tabBar().width()
    tabs.set_label(1, "Errors (1,234,567) and warnings (7,654,321)")
    qtbot.waitUntil(lambda: tabs.tabBar().width() > narrow)
    rect = tabs.tabBar().tabRect(1)
    assert tabs.tabBar().rect().contains(rect)
    assert rect.width() >= tabs.tabBar().fontMetrics().horizontalAdvance(tabs.tabText(1))
