"""A plain New Message window: From (a sending account), To, Cc, Subject, a text body
and attachments, built with the standard library's ``email`` package and queued in the
Outbox; the account's next Send/Receive sends it."""

from __future__ import annotations

import mimetypes
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.profile import Account, Profile
from sendreceive.input_files import InputFileError, read_checked
from sendreceive.mail.message_file import ATTACHMENT_FILE
from sendreceive.mail.outbox import DefaultStore, OutboxError
from sendreceive.ui.wording import arg


def build_message(
    sender: str, to: str, cc: str, subject: str, body: str, attachments: list[Path]
) -> EmailMessage:
    """The message as it will be queued; ``InputFileError`` if an attachment cannot be
    read (a FIFO, a device, a file larger than a message may be)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc.strip():
        message["Cc"] = cc
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid()
    message.set_content(body)
    for path in attachments:
        kind, _ = mimetypes.guess_type(path.name)
        maintype, _, subtype = (kind or "application/octet-stream").partition("/")
        message.add_attachment(
            read_checked(path, ATTACHMENT_FILE),
            maintype=maintype,
            subtype=subtype,
            filename=path.name,
        )
    return message


def sender_address(account: Account) -> str:
    """What the account's transport settings say the user's address is."""
    settings = account.transport_settings if account.transport else account.settings
    for key in ("sender", "username"):
        value = settings.get(key)
        if isinstance(value, str) and "@" in value:
            return value
    return ""


class NewMessageWindow(QDialog):
    queued = Signal(str)  # the message's id in the Outbox

    def __init__(
        self, store: DefaultStore, profile: Profile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newMessage")
        self.setWindowTitle(self.tr("New Message"))
        self._store = store
        self._accounts = [a for a in profile.accounts if a.sends and a.enabled]
        self.account = QComboBox()
        self.account.setObjectName("fromAccount")
        for account in self._accounts:
            self.account.addItem(account.name)
        self.address = QLineEdit()
        self.address.setObjectName("fromAddress")
        self.to = QLineEdit()
        self.to.setObjectName("to")
        self.cc = QLineEdit()
        self.cc.setObjectName("cc")
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachments")
        self.attachments.setMaximumHeight(80)
        attach = QPushButton(self.tr("&Attach File…"))
        attach.clicked.connect(self._ask_attachment)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(
            self.tr("&Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("send")
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        for label, field, name in (
            (self.tr("&From:"), self.account, self.tr("From account")),
            (self.tr("Address:"), self.address, self.tr("From address")),
            (self.tr("&To:"), self.to, self.tr("To")),
            (self.tr("&Cc:"), self.cc, self.tr("Cc")),
            (self.tr("Su&bject:"), self.subject, self.tr("Subject")),
        ):
            field.setAccessibleName(name)  # a combo box is read by its item otherwise
            form.addRow(label, field)
        self.body.setAccessibleName(self.tr("Message body"))
        self.attachments.setAccessibleName(self.tr("Attachments"))
        files = QHBoxLayout()
        files.addWidget(self.attachments, 1)
        files.addWidget(attach)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addLayout(files)
        layout.addWidget(buttons)
        self.account.currentIndexChanged.connect(self._account_chosen)
        self._account_chosen(0)
        self.resize(600, 480)

    def add_attachment(self, path: Path) -> None:
        self.attachments.addItem(str(path))

    def send(self) -> bool:
        """Queue the message; a problem is shown and nothing is queued."""
        if not self._accounts:
            QMessageBox.warning(
                self,
                self.tr("New Message"),
                self.tr(
                    "No account of this profile sends mail, so the message cannot be queued. "
                    "Add one with Tools ▸ Account Settings."
                ),
            )
            return False
        account = self._accounts[self.account.currentIndex()]
        paths = [Path(self.attachments.item(i).text()) for i in range(self.attachments.count())]
        try:
            message = build_message(
                self.address.text(),
                self.to.text(),
                self.cc.text(),
                self.subject.text(),
                self.body.toPlainText(),
                paths,
            )
            queued = self._store.queue(account.name, message.as_bytes())
        except (OutboxError, InputFileError, OSError, ValueError) as exc:
            QMessageBox.warning(
                self,
                self.tr("New Message"),
                arg(self.tr("The message was not queued: %1"), str(exc)),
            )
            return False
        self.queued.emit(queued.id)
        self.accept()
        return True

    def _account_chosen(self, index: int) -> None:
        if 0 <= index < len(self._accounts):
            self.address.setText(sender_address(self._accounts[index]))

    def _ask_attachment(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach File"))
        for name in names:
            self.add_attachment(Path(name))
