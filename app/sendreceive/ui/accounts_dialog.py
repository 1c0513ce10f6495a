"""Tools ▸ Account Settings, as Outlook has: the profile's accounts, to add, change,
remove and reorder. Each change is checked with the profile loader and written at once
with the profile editor (comments kept, atomic, a ``.bak``); a password goes to the
system keyring, never the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive import secrets_guard
from sendreceive.config.mail_account import MailAccount
from sendreceive.config.passwords import (
    KEYRING,
    PASSWORD_SOURCE,
    PasswordStoreError,
    forget_password,
    store_password,
    stored_password,
)
from sendreceive.config.profile import Account, Profile, ProfileError
from sendreceive.config.profile_editor import ProfileChangedError, ProfileEditError, ProfileEditor
from sendreceive.hosting.loading import available_providers
from sendreceive.ui.account_editor import MailAccountEditor, ProviderAccountEditor
from sendreceive.ui.wording import arg

Form = TypeVar("Form", bound=QDialog)


class AccountsDialog(QDialog):
    """``saved`` carries the profile as written after each change."""

    saved = Signal(object)  # Profile

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert profile.path is not None, "only a profile file can be edited"
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Account Settings"))
        self.profile = profile
        self.editor: QDialog | None = None  # the form open now, if any

        self.account_list = QListWidget()
        self.account_list.setObjectName("accountList")
        self.account_list.setAccessibleName(self.tr("Accounts"))
        label = QLabel(self.tr("&Accounts, in the order the window lists them:"))
        label.setBuddy(self.account_list)
        self.new_mail_button = QPushButton(self.tr("New &IMAP/SMTP Account…"))
        self.new_other_button = QPushButton(self.tr("New &Other Account…"))
        self.change_button = QPushButton(self.tr("&Change…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &Up"))
        self.down_button = QPushButton(self.tr("Move &Down"))
        side = QVBoxLayout()
        for button, name, slot in (
            (self.new_mail_button, "newMailAccount", self.new_mail_account),
            (self.new_other_button, "newOtherAccount", self.new_other_account),
            (self.change_button, "changeAccount", self.change_selected),
            (self.remove_button, "removeAccount", self.remove_selected),
            (self.up_button, "moveUp", lambda: self.move_selected(-1)),
            (self.down_button, "moveDown", lambda: self.move_selected(1)),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        main = QVBoxLayout()
        main.addWidget(label)
        main.addWidget(self.account_list, 1)
        top = QHBoxLayout()
        top.addLayout(main, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(buttons)
        self.account_list.currentRowChanged.connect(self._update_buttons)
        self.account_list.itemActivated.connect(lambda _item: self.change_selected())
        self._fill()

    # ------------------------------------------------------------ the forms

    def new_mail_account(self) -> MailAccountEditor:
        return self._open(MailAccountEditor(self._apply_new, None, self))

    def new_other_account(self) -> ProviderAccountEditor:
        return self._open(ProviderAccountEditor(self._apply_new, available_providers(), None, self))

    def change_selected(self) -> QDialog | None:
        account = self.selected()
        if account is None:
            return None

        def apply(changed: Account, password: str) -> bool:
            return self._write(changed, password, account.name)

        if MailAccount.of(account) is not None:
            return self._open(MailAccountEditor(apply, account, self))
        return self._open(ProviderAccountEditor(apply, available_providers(), account, self))

    def _open(self, editor: Form) -> Form:
        self.editor = editor
        editor.open()
        return editor

    def _apply_new(self, account: Account, password: str) -> bool:
        return self._write(account, password, None)

    # ------------------------------------------------------------ changes

    def selected(self) -> Account | None:
        row = self.account_list.currentRow()
        return self.profile.accounts[row] if 0 <= row < len(self.profile.accounts) else None

    def remove_selected(self) -> bool:
        account = self.selected()
        if account is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Remove Account"),
            arg(self.tr("Remove the account %1 from the profile?"), account.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False

        def change(editor: ProfileEditor) -> None:
            editor.delete_account(account.name)

        if not self._edit(change):
            return False
        if _uses_keyring(account):
            self._keyring(lambda: forget_password(account.name))
        return True

    def move_selected(self, offset: int) -> bool:
        account = self.selected()
        row = self.account_list.currentRow() + offset
        if account is None or not 0 <= row < len(self.profile.accounts):
            return False
        if not self._edit(lambda editor: editor.move_account(account.name, row)):
            return False
        self.account_list.setCurrentRow(row)
        return True

    def _write(self, account: Account, password: str, old_name: str | None) -> bool:
        """Validate and write one account; then its password to the keyring (after the
        file, so a refused change leaves the keyring as it was)."""
        if password:
            secrets_guard.remember(password)
        if not self._edit(lambda editor: editor.set_account(account, old_name)):
            return False
        if password:
            self._keyring(lambda: store_password(account.name, password))
        elif old_name is not None and old_name != account.name and _uses_keyring(account):
            self._keyring(lambda: _move_password(old_name, account.name))
        self._select(account.name)
        return True

    def _edit(self, change: Callable[[ProfileEditor], None]) -> bool:
        """Run ``change(editor)`` on the profile file and save; say why if it cannot."""
        assert self.profile.path is not None
        try:
            editor = ProfileEditor(self.profile.path, loaded=self.profile)
            change(editor)
            profile = editor.save()
        except ProfileError as exc:
            self._refuse(self.tr("This change would break the profile:"), exc.lines())
            return False
        except (ProfileChangedError, ProfileEditError, OSError, KeyError, IndexError) as exc:
            self._refuse(self.tr("The profile could not be written:"), [str(exc)])
            return False
        self.profile = profile
        self._fill()
        self.saved.emit(profile)
        return True

    def _keyring(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PasswordStoreError as exc:
            self._refuse(self.tr("The profile was saved, but the password was not:"), [str(exc)])

    def _refuse(self, text: str, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Account Settings"),
            text + "\n" + "\n".join(lines[:10]),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("accountsRefused")
        box.open()

    # ------------------------------------------------------------ the list

    def _fill(self) -> None:
        row = self.account_list.currentRow()
        self.account_list.clear()
        for account in self.profile.accounts:
            self.account_list.addItem(arg(self.tr("%1 (%2)"), account.name, account.provider))
        self.account_list.setCurrentRow(min(max(row, 0), len(self.profile.accounts) - 1))
        self._update_buttons()

    def _select(self, name: str) -> None:
        names = [a.name for a in self.profile.accounts]
        if name in names:
            self.account_list.setCurrentRow(names.index(name))

    def _update_buttons(self) -> None:
        row = self.account_list.currentRow()
        chosen = 0 <= row < len(self.profile.accounts)
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self.profile.accounts) - 1)


def _uses_keyring(account: Account) -> bool:
    return KEYRING in (
        account.settings.get(PASSWORD_SOURCE),
        account.transport_settings.get(PASSWORD_SOURCE),
    )


def _move_password(old: str, new: str) -> None:
    secret = stored_password(old)
    if secret is not None:
        store_password(new, secret)
        forget_password(old)
