"""The Outbox view: the default store's queued messages (account, recipients, subject,
size, state), with Remove, Add Message… (an .eml file) and New Message…; .eml files
dropped on it are queued too."""

from __future__ import annotations

import contextlib
import logging
import threading
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.profile import Profile
from sendreceive.contract import MessageState, OutgoingMessage
from sendreceive.mail.outbox import DefaultStore, OutboxError
from sendreceive.ui.table_model import ColumnTableModel, ModelIndex
from sendreceive.ui.table_view import RowTable
from sendreceive.ui.wording import arg, number

_log = logging.getLogger(__name__)
SHOWN_RECIPIENTS = 20


class OutboxColumn(IntEnum):
    ACCOUNT = 0
    RECIPIENTS = 1
    SUBJECT = 2
    SIZE = 3
    STATE = 4


_HEADERS = {
    OutboxColumn.ACCOUNT: QT_TRANSLATE_NOOP("OutboxModel", "Account"),
    OutboxColumn.RECIPIENTS: QT_TRANSLATE_NOOP("OutboxModel", "To"),
    OutboxColumn.SUBJECT: QT_TRANSLATE_NOOP("OutboxModel", "Subject"),
    OutboxColumn.SIZE: QT_TRANSLATE_NOOP("OutboxModel", "Size"),
    OutboxColumn.STATE: QT_TRANSLATE_NOOP("OutboxModel", "State"),
}


def state_text(message: OutgoingMessage) -> str:
    """The state the Outbox reports as data, in words; the server's reply as it said it."""
    if message.state is MessageState.SENDING:
        return QCoreApplication.translate(
            "OutboxModel", "Sending was cut off: it is sent again at the next Send/Receive"
        )
    if message.state is MessageState.REFUSED:
        return arg(
            QCoreApplication.translate("OutboxModel", "Refused: %1 (not sent again until retried)"),
            message.last_error or "",
        )
    if message.last_error:
        return arg(QCoreApplication.translate("OutboxModel", "Not sent: %1"), message.last_error)
    return QCoreApplication.translate("OutboxModel", "Queued")


def size_text(size: int) -> str:
    """Outlook's way: whole kilobytes, at least 1."""
    return arg(
        QCoreApplication.translate("OutboxModel", "%1 KB"), number(max(1, round(size / 1024)))
    )


def recipients_text(message: OutgoingMessage) -> str:
    """The first recipients: a cell never lays out a line of 40,000 addresses."""
    shown = ", ".join(message.recipients[:SHOWN_RECIPIENTS])
    return shown + ", …" if len(message.recipients) > SHOWN_RECIPIENTS else shown


class OutboxModel(ColumnTableModel):
    """The Outbox's messages, read on a thread of its own: reading a big Outbox (every
    message's headers, a header of 40,000 addresses) costs the GUI thread nothing."""

    loaded = Signal()  # a reload's messages are shown
    _arrived = Signal(object)  # list[OutgoingMessage] | None, from the reading thread

    def __init__(self, store: DefaultStore) -> None:
        super().__init__(OutboxColumn, _HEADERS)
        self._store = store
        self._messages: list[OutgoingMessage] = []
        self._reading = False
        self._again = False  # a reload was asked for while reading: read once more
        self._arrived.connect(self._show)

    def reload(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        threading.Thread(target=self._read, name="outbox-reload", daemon=True).start()

    def _read(self) -> None:
        messages: list[OutgoingMessage] | None = None
        try:
            messages = self._store.messages()
        except Exception:  # the view keeps what it showed; the log says why
            _log.exception("the Outbox could not be read")
        with contextlib.suppress(RuntimeError):  # the model was deleted meanwhile
            self._arrived.emit(messages)

    def _show(self, messages: list[OutgoingMessage] | None) -> None:
        self._reading = False
        if messages is not None:
            self.beginResetModel()
            self._messages = messages
            self.endResetModel()
        if self._again:
            self._again = False
            self.reload()
        else:
            self.loaded.emit()

    def message(self, row: int) -> OutgoingMessage:
        return self._messages[row]

    def row_count(self) -> int:
        return len(self._messages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
            return None
        message = self._messages[index.row()]
        column = OutboxColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                OutboxColumn.ACCOUNT: message.account,
                OutboxColumn.RECIPIENTS: recipients_text(message),
                OutboxColumn.SUBJECT: message.subject,
                OutboxColumn.SIZE: size_text(message.size),
                OutboxColumn.STATE: state_text(message),
            }[column]
        return None


class OutboxView(QWidget):
    """The Outbox tab of the main window."""

    new_message_requested = Signal()

    def __init__(
        self, store: DefaultStore, profile: Profile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outboxView")
        self.setAcceptDrops(True)
        self.store = store
        self.profile = profile
        self.model = OutboxModel(store)
        self.model.loaded.connect(self._loaded)
        self.table = RowTable()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OutboxColumn.STATE, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(self.tr("&New Message…"))
        self.new_button.setObjectName("newMessage")
        self.new_button.clicked.connect(self.new_message_requested)
        self.add_button = QPushButton(self.tr("&Add Message…"))
        self.add_button.setObjectName("addMessage")
        self.add_button.setToolTip(
            self.tr("Queue an e-mail file (.eml); you can drop files here too")
        )
        self.add_button.clicked.connect(self._ask_files)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeMessage")
        self.remove_button.clicked.connect(self.remove_selected)
        self.retry_button = QPushButton(self.tr("Re&try"))
        self.retry_button.setObjectName("retryMessage")
        self.retry_button.setToolTip(self.tr("Send the selected refused messages again"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.table.setAccessibleName(self.tr("Outbox"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.add_button, self.retry_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        senders = [a for a in profile.accounts if a.sends]
        for button in (self.new_button, self.add_button):
            button.setEnabled(bool(senders))
            if not senders:
                button.setToolTip(self.tr("No account of this profile sends mail"))
        self.reload()

    def reload(self) -> None:
        """Read the Outbox again; ``model.loaded`` tells when it is shown."""
        self.model.reload()

    def _loaded(self) -> None:
        self.remove_button.setEnabled(self.model.rowCount() > 0)
        self.retry_button.setEnabled(
            any(
                self.model.message(row).state is MessageState.REFUSED
                for row in range(self.model.rowCount())
            )
        )

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile

    # ------------------------------------------------------------ actions

    def queue_files(self, paths: list[Path], account: str | None = None) -> bool:
        """Queue every file, or none of them when one is unusable (the message says which)."""
        if account is None:
            account = self._choose_account()
            if account is None:
                return False
        try:
            self.store.queue_files(account, paths)
        except (OutboxError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Add Message"),
                arg(self.tr("%1\nNothing was queued."), exc),
            )
            return False
        self.reload()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        for row in rows:
            try:
                self.store.remove(self.model.message(row).id)
            except (OSError, OutboxError):  # sent or removed meanwhile
                continue
        self.reload()

    def retry_selected(self) -> int:
        """Offer the selected refused messages to the next Send/Receive again; how many."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        retried = 0
        for row in rows:
            message = self.model.message(row)
            if message.state is not MessageState.REFUSED:
                continue
            try:
                self.store.retry(message.id)
            except (OSError, OutboxError):  # removed meanwhile
                continue
            retried += 1
        self.reload()
        return retried

    def _ask_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add Message"), "", self.tr("E-mail messages (*.eml);;All files (*)")
        )
        if names:
            self.queue_files([Path(n) for n in names])

    def _choose_account(self) -> str | None:
        senders = [a.name for a in self.profile.accounts if a.sends and a.enabled]
        if len(senders) == 1:
            return senders[0]
        if not senders:
            QMessageBox.warning(
                self,
                self.tr("Add Message"),
                self.tr("No enabled account of this profile sends mail."),
            )
            return None
        name, ok = QInputDialog.getItem(
            self, self.tr("Add Message"), self.tr("Send with account:"), senders, 0, False
        )
        return name if ok else None

    # ------------------------------------------------------------ drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.queue_files(paths):
            event.acceptProposedAction()
