"""A tab widget whose tab labels may change many times a second without repainting it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

_Sizes = tuple[QSize, QSize, QSize, QSize]


class SteadyTabWidget(QTabWidget):
    """A ``QTabWidget`` that lays itself out again only when a size it depends on changed.

    ``QTabWidget`` lays itself out on every ``setTabText`` and on every layout request
    of its tab bar, and each layout repaints the widget and its current page: with the
    Errors tab's count changing on every refresh tick during a flood, the whole dialog
    was painted 30 times a second (bench B2). The layout depends only on the tab bar's
    and the pages' size hints, and digits are equally wide in the usual fonts, so most
    new counts leave them as they were; ``set_label`` changes the label in the tab bar
    alone (which repaints just the label), and a layout request that would change
    nothing is answered by nothing."""

    def __init__(self) -> None:
        super().__init__()
        self._laid_out_for: _Sizes | None = None

    def add_switch_keys(self, window: QWidget) -> None:
        """Ctrl+Tab and Ctrl+Shift+Tab switch the tabs anywhere in ``window``: a table
        that has the focus takes Ctrl+Tab for itself otherwise."""
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1)):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.switch(step))

    def switch(self, step: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def set_label(self, index: int, text: str) -> None:
        """``setTabText`` without the layout when the tab bar keeps its size."""
        self.tabBar().setTabText(index, text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            sizes = self._layout_inputs()
            if sizes == self._laid_out_for:
                return True
            self._laid_out_for = sizes
        return super().event(event)

    def _layout_inputs(self) -> _Sizes:
        bar = self.tabBar()
        pages = self.currentWidget()
        stack = pages.parentWidget() if pages is not None else None
        if stack is None:
            return (bar.sizeHint(), bar.minimumSizeHint(), QSize(), QSize())
        return (bar.sizeHint(), bar.minimumSizeHint(), stack.sizeHint(), stack.minimumSizeHint())
