"""The Send/Receive Groups dialog (Ctrl+Alt+S), after Outlook's: groups on the left;
for the selected one, whether F9 includes it, its schedule, and per account whether it
is in the group and whether the group sends and/or receives for it.

OK writes the changes to the profile file (``sendreceive.config.profile_editor``: comments kept,
atomic, a backup); a change the profile loader refuses is shown and nothing is written.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.limits import EVERY_MINUTES
from sendreceive.config.profile import ALL_ACCOUNTS, Group, Profile, ProfileError
from sendreceive.config.profile_editor import ProfileChangedError, ProfileEditError, ProfileEditor
from sendreceive.ui.table_view import RowTable
from sendreceive.ui.wording import arg, words

_COLUMNS = 4  # account, included, send, receive
_INCLUDED, _SEND, _RECEIVE = 1, 2, 3


def ask_to_reload(parent: QWidget, reason: str) -> bool:
    """The profile changed on disk since it was loaded: whether to load it again."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ProfileChanged", "Profile Changed"),
        arg(
            QCoreApplication.translate(
                "ProfileChanged",
                "%1\n\nLoad the profile again from disk? What you changed here is not kept.",
            ),
            reason,
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


class GroupsDialog(QDialog):
    """Edits the profile's groups; ``saved`` carries the profile as written,
    ``reload_requested`` asks for the file as it is now (it changed on disk)."""

    saved = Signal(object)  # Profile
    reload_requested = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert profile.path is not None, "only a profile file can be edited"
        self.setObjectName("groupsDialog")
        self.setWindowTitle(self.tr("Send/Receive Groups"))
        self._profile = profile
        self.groups: list[Group] = list(profile.all_groups())
        self._renamed: dict[str, str] = {}  # new name -> name in the file
        self._loading = False

        self.group_list = QListWidget()
        self.group_list.setObjectName("groupList")
        self.new_button = QPushButton(self.tr("&New…"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        for button, name in (
            (self.new_button, "newGroup"),
            (self.rename_button, "renameGroup"),
            (self.delete_button, "deleteGroup"),
        ):
            button.setObjectName(name)
        self.new_button.clicked.connect(self._ask_new)
        self.rename_button.clicked.connect(self._ask_rename)
        self.delete_button.clicked.connect(self.delete_selected)

        self.in_send_receive_all = QCheckBox(
            self.tr("&Include this group in Send/Receive All (F9)")
        )
        self.in_send_receive_all.setObjectName("inSendReceiveAll")
        self.scheduled = QCheckBox(self.tr("&Schedule an automatic Send/Receive every"))
        self.scheduled.setObjectName("scheduled")
        self.every = QDoubleSpinBox()
        self.every.setObjectName("everyMinutes")
        self.every.setDecimals(0)
        self.every.setRange(1, EVERY_MINUTES.high)
        self.every.setValue(30)
        self.every.setSuffix(self.tr(" minutes"))
        self.accounts_model = QStandardItemModel(0, _COLUMNS, self)
        self.accounts_model.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("In group"), self.tr("Send"), self.tr("Receive")]
        )
        self.accounts_view = RowTable()
        self.accounts_view.setObjectName("groupAccounts")
        self.accounts_view.setModel(self.accounts_model)
        self.accounts_view.verticalHeader().hide()
        self.accounts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.accounts_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        groups_label = QLabel(self.tr("&Groups:"))
        groups_label.setBuddy(self.group_list)
        side.addWidget(groups_label)
        side.addWidget(self.group_list, 1)
        for button in (self.new_button, self.rename_button, self.delete_button):
            side.addWidget(button)
        schedule = QHBoxLayout()
        schedule.addWidget(self.scheduled)
        schedule.addWidget(self.every)
        schedule.addStretch(1)
        settings = QGroupBox(self.tr("Settings of the selected group"))
        detail = QVBoxLayout(settings)
        detail.addWidget(self.in_send_receive_all)
        detail.addLayout(schedule)
        detail.addWidget(QLabel(self.tr("Accounts, and what the group does for each:")))
        detail.addWidget(self.accounts_view, 1)
        top = QHBoxLayout()
        top.addLayout(side, 1)
        top.addWidget(settings, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

        for group in self.groups:
            self.group_list.addItem(words.group_name(group.name))
        self.group_list.currentRowChanged.connect(self._show)
        self.in_send_receive_all.toggled.connect(self._edited)
        self.scheduled.toggled.connect(self._edited)
        self.every.valueChanged.connect(self._edited)
        self.accounts_model.itemChanged.connect(self._edited)
        self.group_list.setCurrentRow(0)

    # ------------------------------------------------------------ groups

    def current(self) -> Group | None:
        row = self.group_list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def add_group(self, name: str) -> bool:
        if not self._name_usable(name):
            return False
        self.groups.append(Group(name, ()))
        self.group_list.addItem(name)
        self.group_list.setCurrentRow(len(self.groups) - 1)
        return True

    def rename_selected(self, name: str) -> bool:
        group = self.current()
        if group is None or group.name == ALL_ACCOUNTS or not self._name_usable(name):
            return False
        row = self.group_list.currentRow()
        self._renamed[name] = self._renamed.pop(group.name, group.name)
        self.groups[row] = replace(group, name=name)
        self.group_list.item(row).setText(name)
        return True

    def delete_selected(self) -> None:
        group = self.current()
        if group is None or group.name == ALL_ACCOUNTS:
            return
        row = self.group_list.currentRow()
        self._renamed.pop(group.name, None)
        del self.groups[row]
        self.group_list.takeItem(row)

    def _name_usable(self, name: str) -> bool:
        name = name.strip()
        problem = None
        if not name:
            problem = self.tr("A group needs a name.")
        elif any(g.name == name for g in self.groups):
            problem = arg(self.tr("There is already a group named '%1'."), name)
        if problem is not None:
            QMessageBox.warning(self, self.tr("Send/Receive Groups"), problem)
            return False
        return True

    def _ask_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New Group"), self.tr("Group name:"))
        if ok:
            self.add_group(name.strip())

    def _ask_rename(self) -> None:
        group = self.current()
        if group is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename Group"), self.tr("New name:"), text=group.name
        )
        if ok:
            self.rename_selected(name.strip())

    # ------------------------------------------------------------ the selected group

    def _show(self, row: int) -> None:
        group = self.current()
        implicit = group is not None and group.name == ALL_ACCOUNTS
        self.rename_button.setEnabled(group is not None and not implicit)
        self.delete_button.setEnabled(group is not None and not implicit)
        if group is None:
            return
        self._loading = True
        self.in_send_receive_all.setChecked(group.send_receive_all)
        self.scheduled.setChecked(group.every_minutes is not None)
        self.every.setValue(group.every_minutes or 30)
        self.accounts_model.setRowCount(0)
        for account in self._profile.accounts:
            member = account.name in group.accounts
            # A new member does all it can, until told otherwise.
            send, receive = group.parts(account.name) if member else (True, True)
            name = QStandardItem(account.name)
            name.setEditable(False)
            if not account.enabled:
                name.setText(arg(self.tr("%1 (disabled)"), account.name))
                name.setEnabled(False)
            items = [name]
            for checked, enabled in (
                (member, not implicit),
                (send and account.sends, member and account.sends),
                (receive and account.receives, member and account.receives),
            ):
                item = QStandardItem()
                item.setCheckable(True)
                item.setEditable(False)
                item.setEnabled(enabled)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                items.append(item)
            self.accounts_model.appendRow(items)
        self._loading = False

    def _edited(self) -> None:
        """Read the form back into the selected group."""
        group = self.current()
        if self._loading or group is None:
            return
        self.every.setEnabled(self.scheduled.isChecked())
        members: list[str] = []
        send_only: set[str] = set()
        receive_only: set[str] = set()
        model = self.accounts_model
        for row, account in enumerate(self._profile.accounts):
            checked = [
                model.item(row, column).checkState() == Qt.CheckState.Checked
                for column in (_INCLUDED, _SEND, _RECEIVE)
            ]
            included, send, receive = checked
            if group.name == ALL_ACCOUNTS:
                included = account.name in group.accounts
            self._loading = True  # a non-member's send and receive are greyed out
            model.item(row, _SEND).setEnabled(included and account.sends)
            model.item(row, _RECEIVE).setEnabled(included and account.receives)
            self._loading = False
            does_something = (send and account.sends) or (receive and account.receives)
            if not included or (group.name != ALL_ACCOUNTS and not does_something):
                continue
            members.append(account.name)
            if account.sends and account.receives and send != receive:
                (send_only if send else receive_only).add(account.name)
        self.groups[self.group_list.currentRow()] = replace(
            group,
            accounts=tuple(members),
            every_minutes=self.every.value() if self.scheduled.isChecked() else None,
            send_receive_all=self.in_send_receive_all.isChecked(),
            send_only=frozenset(send_only),
            receive_only=frozenset(receive_only),
        )

    # ------------------------------------------------------------ writing

    def save(self) -> bool:
        """Write the groups to the profile file; on a problem say so and stay open."""
        assert self._profile.path is not None
        try:
            editor = ProfileEditor(self._profile.path, loaded=self._profile)
            original = {g.name: g for g in self._profile.all_groups()}
            kept = {self._renamed.get(g.name, g.name) for g in self.groups}
            for name in original:
                if name not in kept:
                    editor.delete_group(name)
            for group in self.groups:
                old_name = self._renamed.get(group.name, group.name)
                if original.get(old_name) != group:
                    editor.set_group(group, old_name if old_name in original else None)
            profile = editor.save()
        except ProfileError as exc:
            self._refuse(self.tr("These groups would break the profile:"), exc.lines())
            return False
        except ProfileChangedError as exc:
            if ask_to_reload(self, str(exc)):
                self.reload_requested.emit()
                self.reject()
            return False
        except (ProfileEditError, OSError) as exc:
            self._refuse(self.tr("The profile could not be written:"), [str(exc)])
            return False
        self._profile = profile
        self.saved.emit(profile)
        self.accept()
        return True

    def _refuse(self, text: str, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Send/Receive Groups"),
            text + "\n" + "\n".join(lines[:10]) + "\n\n" + self.tr("Nothing was written."),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("groupsRefused")
        box.open()
