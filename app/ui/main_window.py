"""The main window: the profile's accounts, Send/Receive actions, a status-bar progress."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStyle,
    QTableView,
    QWidget,
)

from app.engine import RunSummary
from app.isolation import host_factory
from app.options import Options
from app.profile import Account, Profile
from app.ui.controller import SendReceiveController
from app.ui.settings import AppSettings
from app.ui.sync_dialog import SendReceiveDialog
from app.ui.table_model import ColumnTableModel, ModelIndex


class AccountColumn(IntEnum):
    NAME = 0
    PROVIDER = 1
    FLAGS = 2


_ACCOUNT_HEADERS = {
    AccountColumn.NAME: "Account",
    AccountColumn.PROVIDER: "Provider",
    AccountColumn.FLAGS: "Sync flags",
}


class AccountTableModel(ColumnTableModel):
    def __init__(self, accounts: tuple[Account, ...]) -> None:
        super().__init__(AccountColumn, _ACCOUNT_HEADERS)
        self._accounts = accounts

    def account(self, row: int) -> Account:
        return self._accounts[row]

    def row_count(self) -> int:
        return len(self._accounts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        account = self._accounts[index.row()]
        column = AccountColumn(index.column())
        if column is AccountColumn.NAME:
            return account.name
        if column is AccountColumn.PROVIDER:
            return account.provider
        return " | ".join(flag.name or "" for flag in account.flags)


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self, options: Options, settings: AppSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.options = options
        self.profile: Profile = options.profile or Profile("(no profile)", None, (), ())
        self.settings = settings or AppSettings()
        self.controller = SendReceiveController(
            options.store_root,
            options.limits,
            self,
            host_factory(options.isolation, self.profile.accounts),
        )
        self.dialog = SendReceiveDialog(self.controller, self)
        self.dialog.dont_show.setChecked(self.settings.dont_show_dialog)
        self.dialog.dont_show_changed.connect(self._remember_dont_show)

        self.setWindowTitle(f"Send/Receive Workbench — {self.profile.name}")
        self.accounts_model = AccountTableModel(self.profile.accounts)
        self.accounts_view = QTableView()
        self.accounts_view.setObjectName("accountsView")
        self.accounts_view.setModel(self.accounts_model)
        self.accounts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts_view.verticalHeader().hide()
        self.accounts_view.horizontalHeader().setSectionResizeMode(
            AccountColumn.FLAGS, QHeaderView.ResizeMode.Stretch
        )
        self.accounts_view.resizeColumnsToContents()
        self.setCentralWidget(self.accounts_view)

        self._build_actions()
        self.status_label = QLabel("Ready")
        self.status_label.setObjectName("statusLabel")
        self.status_progress = QProgressBar()
        self.status_progress.setObjectName("statusProgress")
        self.status_progress.setMaximumWidth(180)
        self.status_progress.setRange(0, 1000)
        self.status_progress.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.status_progress)

        self.controller.refreshed.connect(self._update_status)
        self.controller.run_finished.connect(self._on_run_finished)
        self.accounts_view.selectionModel().selectionChanged.connect(self._update_actions)
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(720, 420)
        self._update_actions()
        self._start_schedules()

    def _build_actions(self) -> None:
        style = self.style()
        self.send_receive_all_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), "Send/Receive &All", self
        )
        self.send_receive_all_action.setObjectName("sendReceiveAll")
        self.send_receive_all_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.send_receive_all_action.triggered.connect(self.send_receive_all)
        self.send_receive_account_action = QAction("Send/Receive &Selected Account", self)
        self.send_receive_account_action.setObjectName("sendReceiveAccount")
        self.send_receive_account_action.setShortcut(QKeySequence("Shift+F9"))
        self.send_receive_account_action.triggered.connect(self.send_receive_selected)
        self.show_progress_action = QAction("Show &Progress", self)
        self.show_progress_action.setObjectName("showProgress")
        self.show_progress_action.triggered.connect(self.show_progress)
        self.cancel_all_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserStop), "&Cancel Send/Receive", self
        )
        self.cancel_all_action.triggered.connect(self.controller.cancel_all)

        toolbar = self.addToolBar("Send/Receive")
        toolbar.setObjectName("sendReceiveToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.send_receive_all_action,
            self.send_receive_account_action,
            self.show_progress_action,
        ):
            toolbar.addAction(action)
        menu = self.menuBar().addMenu("&Send/Receive")
        menu.addAction(self.send_receive_all_action)
        menu.addAction(self.send_receive_account_action)
        groups = menu.addMenu("Send/Receive &Groups")
        for group in self.profile.all_groups():
            action = groups.addAction(group.name)
            action.triggered.connect(lambda _=False, name=group.name: self.send_receive_group(name))
        menu.addSeparator()
        menu.addAction(self.show_progress_action)
        menu.addAction(self.cancel_all_action)
        menu.addSeparator()
        menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)

    # ------------------------------------------------------------ actions

    def send_receive_all(self) -> None:
        self.send_receive_group(self.options.group)

    def send_receive_group(self, name: str, on_demand: bool = True) -> None:
        group = self.profile.group(name)
        self._start([self.profile.account(n) for n in group.accounts], on_demand)

    def _start_schedules(self) -> None:
        """A timer per group with ``every_minutes``; a tick while a run is going is
        skipped (the next one comes), as Outlook does."""
        self.schedule_timers: dict[str, QTimer] = {}
        for group in self.profile.all_groups():
            if group.every_minutes is None:
                continue
            timer = QTimer(self)
            timer.setObjectName(f"schedule:{group.name}")
            timer.setInterval(round(group.every_minutes * 60_000))
            timer.timeout.connect(
                lambda name=group.name: self.send_receive_group(name, on_demand=False)
            )
            timer.start()
            self.schedule_timers[group.name] = timer

    def send_receive_selected(self) -> None:
        rows = self.accounts_view.selectionModel().selectedRows()
        if rows:
            self._start([self.accounts_model.account(rows[0].row())])

    def show_progress(self) -> None:
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def show_profile_error(self) -> None:
        error = self.options.profile_error
        if error is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "The profile cannot be used",
            "The profile has problems; fix them and start again. Nothing was changed.",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("profileError")
        box.setDetailedText("\n".join(error.lines()))
        box.setInformativeText("\n".join(error.lines()[:10]))
        box.open()
        self.status_label.setText("Profile error: " + error.lines()[0])

    def _start(self, accounts: list[Account], on_demand: bool = True) -> None:
        if self.controller.start(accounts, on_demand) is None:
            return
        self.status_progress.setValue(0)
        self.status_progress.show()
        if not self.settings.dont_show_dialog:
            self.dialog.show()  # WA_ShowWithoutActivating: focus stays where it is
        self._update_actions()

    # ------------------------------------------------------------ state

    def _update_actions(self) -> None:
        busy = self.controller.running
        self.send_receive_all_action.setEnabled(not busy and bool(self.profile.accounts))
        self.send_receive_account_action.setEnabled(
            not busy and self.accounts_view.selectionModel().hasSelection()
        )
        self.cancel_all_action.setEnabled(busy)

    def _update_status(self) -> None:
        if not self.controller.running:
            return
        self.status_label.setText(f"Send/Receive: {self.dialog.header.text()}")
        self.status_progress.setValue(self.dialog.overall.value())

    def _on_run_finished(self, summary: RunSummary) -> None:
        self.status_progress.hide()
        if summary.errors:
            noun = "error" if summary.errors == 1 else "errors"
            self.status_label.setText(f"Send/Receive complete with {summary.errors:,} {noun}")
        else:
            self.status_label.setText("Send/Receive complete")
        self._update_actions()

    def _remember_dont_show(self, value: bool) -> None:
        self.settings.dont_show_dialog = value
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        self.controller.cancel_all()  # provider threads are daemons: they cannot hold the exit
        self.dialog.close()
        super().closeEvent(event)
        self.closed.emit()
