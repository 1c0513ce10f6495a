"""Saying something to a screen reader without moving the focus: the end of a run, a
task that failed.

Qt 6.8 added ``QAccessibleAnnouncementEvent`` (AT-SPI's "announcement", UIA's
notification); with an older Qt the text becomes the widget's accessible description
instead, which a screen reader reads when the user reaches the widget, not at once.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

_ANNOUNCEMENT: Any = getattr(QtGui, "QAccessibleAnnouncementEvent", None)  # Qt ≥ 6.8


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """``assertive`` interrupts what the screen reader is saying (a failure); otherwise
    it waits for a pause."""
    if _ANNOUNCEMENT is None:
        widget.setAccessibleDescription(text)
        return
    event = _ANNOUNCEMENT(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    post(event)


def post(event: QAccessibleEvent) -> None:
    """Hands an event to the platform's accessibility bridge (a test listens here)."""
    QAccessible.updateAccessibility(event)
