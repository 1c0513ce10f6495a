"""Status icons, taken from the platform style so they match the desktop."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.tracker import TaskStatus

_SP = QStyle.StandardPixmap

_STATUS = {
    TaskStatus.PENDING: _SP.SP_MediaPause,
    TaskStatus.RUNNING: _SP.SP_BrowserReload,
    TaskStatus.NOT_RESPONDING: _SP.SP_MessageBoxWarning,
    TaskStatus.CANCELLING: _SP.SP_BrowserStop,
    TaskStatus.COMPLETED: _SP.SP_DialogApplyButton,
    TaskStatus.WARNINGS: _SP.SP_MessageBoxWarning,
    TaskStatus.FAILED: _SP.SP_MessageBoxCritical,
    TaskStatus.CANCELLED: _SP.SP_DialogCancelButton,
    TaskStatus.ABANDONED: _SP.SP_DialogCancelButton,
}

_KIND = {
    ErrorKind.ERROR: _SP.SP_MessageBoxCritical,
    ErrorKind.WARNING: _SP.SP_MessageBoxWarning,
    ErrorKind.VIOLATION: _SP.SP_MessageBoxInformation,
}


@functools.cache
def _standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def status_icon(status: TaskStatus) -> QIcon:
    return _standard(_STATUS[status])


def kind_icon(kind: ErrorKind) -> QIcon:
    return _standard(_KIND[kind])


def violation_icon() -> QIcon:
    """Marks a call that broke the contract in the Calls tab."""
    return _standard(_SP.SP_MessageBoxCritical)
