"""First sizes that fit the screen: a size chosen for a 1x screen is wider than a
1400 px screen at 1.75x scaling (800 logical pixels)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

# Room for the window manager's frame and title bar, which are not known before the
# window is shown; generous, as a title bar at 1.75x is about 50 logical pixels tall.
_FRAME = QSize(40, 80)


def resize_within_screen(widget: QWidget, wanted: QSize) -> None:
    """``wanted``, or less where the widget's screen is smaller (never below what its
    layout needs: then it is as small as it can be)."""
    room = widget.screen().availableGeometry().size() - _FRAME
    widget.resize(wanted.boundedTo(room).expandedTo(widget.minimumSizeHint()))
