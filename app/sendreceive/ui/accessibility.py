"""What a screen reader gets beyond Qt's defaults: labels tied to their controls, and
things said without moving the focus (the end of a run, a task that failed, a task
being cancelled).

Qt 6.8 added ``QAccessibleAnnouncementEvent`` (AT-SPI's "announcement", UIA's
notification); with an older Qt the text becomes the widget's accessible description
instead. Orca 43 (Debian 12) ignores announcements but speaks a *notification* object
the moment it shows, so a ``Notice`` says the same text that way too.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

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


def buddy_label(text: str, control: QWidget) -> QLabel:
    """A label for ``control`` (its mnemonic focuses it): Qt exposes the pair as a
    label-for relation, which Orca reads for a combo box where it ignores the box's
    accessible name."""
    label = QLabel(text)
    label.setBuddy(control)
    return label


def post(event: QAccessibleEvent) -> None:
    """Hands an event to the platform's accessibility bridge (a test listens here)."""
    QAccessible.updateAccessibility(event)


class Notice(QWidget):
    """An invisible (zero-sized) notification: ``say`` announces its text and shows it
    again, which AT-SPI reports as ``object:state-changed:showing`` on a notification,
    what Orca 43 speaks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFixedSize(0, 0)
        self.hide()

    def say(self, text: str, assertive: bool = False) -> None:
        announce(self, text, assertive)
        self.hide()
        self.setAccessibleName(text)
        self.show()


class Announcer:
    """Says each text through the other of two notices: Orca reads a notice's name when
    it gets to the event, so a second text on the same notice a moment later would be
    read twice and the first never (seen with Orca 43.1)."""

    def __init__(self, parent: QWidget) -> None:
        self._notices = (Notice(parent), Notice(parent))
        self.last = self._notices[1]

    def say(self, text: str, assertive: bool = False) -> None:
        self.last = self._notices[0] if self.last is self._notices[1] else self._notices[1]
        self.last.say(text, assertive)


def _notice_interface(key: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, Notice):
        return QAccessibleWidget(target, QAccessible.Role.Notification)
    return None


QAccessible.installFactory(_notice_interface)
