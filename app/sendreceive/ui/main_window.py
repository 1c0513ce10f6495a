"""The main window: the profile's accounts with their last result and next scheduled
run, Send/Receive actions, and a status bar that says what is happening and what
happened (click it for the dialog)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive import languages
from sendreceive.config.profile import ALL_ACCOUNTS, Account, Profile, ProfileError, load_profile
from sendreceive.config.profile_editor import (
    ProfileChangedError,
    ProfileEditError,
    ProfileEditor,
)
from sendreceive.config.task_id import TaskId
from sendreceive.hosting.isolation import host_factory
from sendreceive.logs import log_file_in_use
from sendreceive.mail.outbox import default_store
from sendreceive.options import Options
from sendreceive.paths import default_log_file, last_results_file
from sendreceive.run.scheduler import Scheduler
from sendreceive.run.summary import Outcome, RunSummary
from sendreceive.tracking.tracker import TaskState, TaskStatus
from sendreceive.ui.accessibility import Announcer
from sendreceive.ui.account_model import AccountColumn, AccountTableModel
from sendreceive.ui.accounts_dialog import AccountsDialog
from sendreceive.ui.controller import RunRecord, SendReceiveController
from sendreceive.ui.fitted_columns import FittedColumns
from sendreceive.ui.groups_dialog import GroupsDialog, ask_to_reload
from sendreceive.ui.help_dialogs import AboutDialog, ShortcutsDialog
from sendreceive.ui.language import native_name
from sendreceive.ui.log_viewer import LogViewer
from sendreceive.ui.new_message import NewMessageWindow
from sendreceive.ui.outbox_view import OutboxView
from sendreceive.ui.screen_fit import resize_within_screen
from sendreceive.ui.settings import AppSettings, ShowDialog
from sendreceive.ui.store_view import StoreOpener
from sendreceive.ui.sync_dialog import SendReceiveDialog, set_progress
from sendreceive.ui.table_view import RowTable
from sendreceive.ui.wording import arg, translate, words

_SHOW_DIALOG_CHOICES = (
    (ShowDialog.ALWAYS, QT_TRANSLATE_NOOP("MainWindow", "&Always")),
    (
        ShowDialog.MANUAL,
        QT_TRANSLATE_NOOP("MainWindow", "For Send/Receive I &Start (not Scheduled Ones)"),
    ),
    (ShowDialog.NEVER, QT_TRANSLATE_NOOP("MainWindow", "&Never")),
)


class StatusLabel(QLabel):
    """The status bar's text: elided with "…" where the bar is too narrow (never cut
    mid-word with no sign of it), whole in the tooltip and for a screen reader, and a
    click opens the dialog."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        hint = self.tr("Click to show the Send/Receive dialog")
        self.setToolTip(f"{text}\n{hint}")  # two lines: the first is the status itself

    def paintEvent(self, event: QPaintEvent) -> None:
        """QLabel would clip; this draws what fits, ending in "…"."""
        del event  # the whole label is drawn
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        painter.drawText(rect, int(self.alignment()), shown)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self, options: Options, settings: AppSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.options = options
        self.profile: Profile = options.profile or Profile(self.tr("(no profile)"), None, (), ())
        self._extra_names = self._command_line_accounts()
        self.settings = settings or AppSettings()
        self.controller = SendReceiveController(
            options.store_root,
            options.limits,
            self,
            host_factory(options.isolation, self.profile.accounts),
        )
        self.dialog = SendReceiveDialog(self.controller, self)
        self.dialog.restore(
            {key: self.settings.saved_state(key) for key in self.dialog.remembered()}
        )
        self.dialog.dont_show.setChecked(self.settings.show_dialog is ShowDialog.NEVER)
        self.dialog.dont_show_changed.connect(self._dont_show_toggled)

        self.setWindowTitle(arg(self.tr("Send/Receive Workbench — %1"), self.profile.name))
        self.store = default_store(options.store_root)
        self.scheduler = Scheduler(lambda name: self.send_receive_groups([name], on_demand=False))
        results = last_results_file(self.profile.path) if self.profile.path else None
        self.accounts_model = AccountTableModel(self.profile.accounts, self.next_due, results)
        self.accounts_model.enabled_toggled.connect(self.set_account_enabled)
        self.accounts_view = RowTable()
        self.accounts_view.setObjectName("accountsView")
        self.accounts_view.setAccessibleName(self.tr("Accounts"))
        self.accounts_view.setModel(self.accounts_model)
        self.accounts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts_view.verticalHeader().hide()
        self.accounts_view.setWordWrap(False)
        self.account_columns = FittedColumns(self.accounts_view, AccountColumn.FIRST_ERROR)
        self.store_opener = StoreOpener(
            options.store_root, self.profile, self._selected_name, self.settings, self
        )
        self.accounts_view.addAction(self.store_opener.account_action)
        self.accounts_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.outbox_view = OutboxView(self.store, self.profile)
        self.outbox_view.new_message_requested.connect(self.new_message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.accounts_view, self.tr("Accounts"))
        self.tabs.addTab(self.outbox_view, self.tr("Outbox"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.first_start_note = self._first_start_note()
        if self.first_start_note is not None:
            layout.addWidget(self.first_start_note)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setMargin(6)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self._build_actions()
        self.status_label = StatusLabel(self.tr("Ready"))
        self.status_label.setObjectName("statusLabel")
        self.status_label.clicked.connect(self.show_progress)
        self.status_progress = QProgressBar()
        self.status_progress.setObjectName("statusProgress")
        self.status_progress.setMaximumWidth(180)
        self.status_progress.setRange(0, 100)  # percent, as a screen reader reads it
        self.status_progress.setAccessibleName(self.tr("Send/Receive progress"))
        self.status_progress.hide()
        self.failure_indicator = QToolButton()
        self.failure_indicator.setObjectName("failureIndicator")
        self.failure_indicator.setAutoRaise(True)
        self.failure_indicator.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.failure_indicator.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        )
        self.failure_indicator.setToolTip(self.tr("A Send/Receive failed: show its errors"))
        self.failure_indicator.clicked.connect(self.show_failed_run)
        self.failure_indicator.hide()
        self._failed_run: RunRecord | None = None
        self._announced: set[TaskId] = set()  # failed tasks of this run already announced
        self.tray: QSystemTrayIcon | None = None
        self.offline_indicator = QToolButton()
        self.offline_indicator.setObjectName("offlineIndicator")
        self.offline_indicator.setAutoRaise(True)
        self.offline_indicator.setText(self.tr("Working Offline"))
        self.offline_indicator.setToolTip(self.tr("Click to work online"))
        self.offline_indicator.clicked.connect(lambda: self.set_work_offline(False))
        self.offline_indicator.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.offline_indicator)
        self.statusBar().addPermanentWidget(self.failure_indicator)
        self.statusBar().addPermanentWidget(self.status_progress)
        self.notice = Announcer(self.statusBar())  # heard with the dialog hidden too

        self.controller.refreshed.connect(self._update_status)
        self.controller.run_started.connect(self._started)
        self.controller.run_finished.connect(self._on_run_finished)
        self.accounts_view.selectionModel().selectionChanged.connect(self._update_actions)
        geometry = self.settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, QSize(720, 420))
        self._update_actions()
        self._update_empty_hint()
        self.scheduler.set_groups(self.profile.all_groups())
        self.set_work_offline(self.settings.work_offline)
        with contextlib.suppress(RuntimeError):  # no running loop: no schedules (a script)
            self.scheduler.attach(asyncio.get_running_loop())
        # The dialog is a window of its own: the shortcuts work while it has the focus.
        self.dialog.addActions(
            [self.send_receive_all_action, self.send_receive_account_action, self.quit_action]
        )

    def _command_line_accounts(self) -> frozenset[str]:
        """The names of the accounts the command line added to the profile file's."""
        path = self.profile.path
        if path is None:
            return frozenset()
        try:
            in_file = {a.name for a in load_profile(path).accounts}
        except ProfileError:  # changed since it was read: the next edit says so
            return frozenset()
        return frozenset(a.name for a in self.profile.accounts if a.name not in in_file)

    def _update_empty_hint(self) -> None:
        """What to do first, until the first run has a result to show (the first start's
        note says it already)."""
        model = self.accounts_model
        if not self.profile.accounts:
            text = self.tr(
                "This profile has no account yet: add one with Tools ▸ Account Settings."
            )
        elif self.first_start_note is None and all(
            model.result(row) is None for row in range(model.rowCount())
        ):
            text = self.tr(
                "Press F9 to Send/Receive all accounts. Add or change accounts with "
                "Tools ▸ Account Settings."
            )
        else:
            text = ""
        self.empty_hint.setText(text)
        self.empty_hint.setVisible(bool(text))

    def _first_start_note(self) -> QLabel | None:
        """Said once, on the start that made the user's profile from the demo."""
        path = self.profile.path
        if not self.options.profile_created or path is None:
            return None
        note = QLabel(
            self.tr(
                "Welcome! Your own profile was made from the demo. Its accounts are pretend "
                "ones to try: press F9 to Send/Receive them. Add your own account with "
                "Tools ▸ Account Settings."
            )
        )
        note.setToolTip(str(path))  # a path's English words stay out of the sentence
        note.setObjectName("firstStartNote")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setMargin(8)
        note.setAccessibleName(self.tr("First start"))
        return note

    def _build_actions(self) -> None:
        style = self.style()
        self.send_receive_all_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload),
            self.tr("Send/Receive &All"),
            self,
        )
        self.send_receive_all_action.setObjectName("sendReceiveAll")
        self.send_receive_all_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.send_receive_all_action.triggered.connect(self.send_receive_all)
        self.send_receive_account_action = QAction(self.tr("Send/Receive &Selected Account"), self)
        self.send_receive_account_action.setObjectName("sendReceiveAccount")
        self.send_receive_account_action.setShortcut(QKeySequence("Shift+F9"))
        self.send_receive_account_action.triggered.connect(self.send_receive_selected)
        self.show_progress_action = QAction(self.tr("Show &Progress"), self)
        self.show_progress_action.setObjectName("showProgress")
        self.show_progress_action.triggered.connect(self.show_progress)
        self.cancel_all_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserStop),
            self.tr("&Cancel Send/Receive"),
            self,
        )
        self.cancel_all_action.triggered.connect(self.controller.cancel_all)
        self.retry_failed_action = QAction(self.tr("&Retry Failed Tasks"), self)
        self.retry_failed_action.setObjectName("retryFailed")
        self.retry_failed_action.setToolTip(
            self.tr("Run the last Send/Receive's failed and cancelled tasks again")
        )
        self.retry_failed_action.triggered.connect(self.retry_failed)

        toolbar = self.addToolBar(self.tr("Send/Receive"))
        toolbar.setObjectName("sendReceiveToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.send_receive_all_action,
            self.send_receive_account_action,
            self.show_progress_action,
        ):
            toolbar.addAction(action)
        self.new_message_action = QAction(self.tr("&New Message…"), self)
        self.new_message_action.setObjectName("newMessageAction")
        self.new_message_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_message_action.triggered.connect(self.new_message)
        self.work_offline_action = QAction(self.tr("&Work Offline"), self)
        self.work_offline_action.setObjectName("workOffline")
        self.work_offline_action.setCheckable(True)
        self.work_offline_action.triggered.connect(self.set_work_offline)
        self.define_groups_action = QAction(self.tr("&Define Send/Receive Groups…"), self)
        self.define_groups_action.setObjectName("defineGroups")
        self.define_groups_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.define_groups_action.triggered.connect(self.define_groups)
        if self.profile.path is None:
            self.define_groups_action.setEnabled(False)
            self.define_groups_action.setToolTip(self.tr("Only a profile file has groups to edit"))
        toolbar.addAction(self.new_message_action)
        toolbar.addAction(self.work_offline_action)
        menu = self.menuBar().addMenu(self.tr("&Send/Receive"))
        menu.addAction(self.send_receive_all_action)
        menu.addAction(self.send_receive_account_action)
        self.groups_menu = menu.addMenu(self.tr("Send/Receive &Groups"))
        self._fill_groups_menu()
        menu.addAction(self.define_groups_action)
        menu.addSeparator()
        menu.addAction(self.new_message_action)
        menu.addAction(self.work_offline_action)
        menu.addSeparator()
        menu.addAction(self.show_progress_action)
        menu.addAction(self.cancel_all_action)
        menu.addAction(self.retry_failed_action)
        menu.addSeparator()
        self.quit_action = menu.addAction(self.tr("&Quit"), self.close)
        # Ctrl+Q everywhere: some platforms (Windows, Qt's offscreen one) bind no Quit key.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        self.quit_action.setShortcuts([ctrl_q, *(k for k in quit_keys if k != ctrl_q)])
        self.quit_action.setObjectName("quit")

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.account_settings_action = tools.addAction(self.tr("&Account Settings…"))
        self.account_settings_action.setObjectName("accountSettings")
        self.account_settings_action.triggered.connect(self.account_settings)
        if self.profile.path is None:
            self.account_settings_action.setEnabled(False)
            self.account_settings_action.setToolTip(
                self.tr("Only a profile file has accounts to edit")
            )

        view = self.menuBar().addMenu(self.tr("&View"))
        when = view.addMenu(self.tr("Show the Send/Receive &Dialog"))
        self.show_dialog_actions: dict[ShowDialog, QAction] = {}
        choices = QActionGroup(self)
        for choice, text in _SHOW_DIALOG_CHOICES:
            action = when.addAction(translate("MainWindow", text))
            action.setObjectName(f"showDialog:{choice.value}")
            action.setCheckable(True)
            action.setChecked(self.settings.show_dialog is choice)
            action.triggered.connect(lambda _=False, c=choice: self.set_show_dialog(c))
            choices.addAction(action)
            self.show_dialog_actions[choice] = action
        self._build_language_menu(view.addMenu(self.tr("&Language")))
        view.addSeparator()
        view.addAction(self.store_opener.view_action)
        self.view_log_action = view.addAction(self.tr("View &Log"))
        self.view_log_action.setObjectName("viewLog")
        self.view_log_action.setToolTip(arg(self.tr("Open %1"), self.log_file()))
        self.view_log_action.triggered.connect(self.view_log)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = help_menu.addAction(self.tr("&Keyboard Shortcuts"))
        shortcuts.setObjectName("keyboardShortcuts")
        shortcuts.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(self.tr("&About Send/Receive Workbench"))
        about.setObjectName("about")
        about.triggered.connect(self.show_about)

    def _build_language_menu(self, menu: QMenu) -> None:
        """The system's language, or one of the shipped ones; remembered, and used from
        the next start (``--lang`` overrides it for one start)."""
        choices = QActionGroup(self)
        self.language_actions: dict[str | None, QAction] = {}
        options: list[tuple[str | None, str]] = [(None, self.tr("Follow the &System"))]
        options += [(code, native_name(code)) for code in languages.available()]
        for code, text in options:
            action = menu.addAction(text)
            action.setObjectName(f"language:{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            choices.addAction(action)
            self.language_actions[code] = action
            if code is None:
                menu.addSeparator()

    # ------------------------------------------------------------ actions

    def send_receive_all(self) -> None:
        """F9: the groups included in Send/Receive All (or the command line's --group)."""
        if self.options.group != ALL_ACCOUNTS:
            self.send_receive_group(self.options.group)
        else:
            self.send_receive_groups(list(self.profile.send_receive_all_groups()))

    def send_receive_group(self, name: str, on_demand: bool = True) -> None:
        self.send_receive_groups([name], on_demand)

    def send_receive_groups(self, names: list[str], on_demand: bool = True) -> None:
        """A tick of a schedule while a run is going is skipped (the next one comes), as
        Outlook does; so is one while offline (the scheduler does not even call)."""
        self.accounts_model.changed()  # a schedule's next time moved on
        self._start(self.profile.run_accounts(names), on_demand, " + ".join(names))

    def retry_failed(self) -> bool:
        """The shown run's failed and cancelled tasks, again (they show in the dialog)."""
        if not self._online_for(True):
            return False
        return self.controller.retry(self.controller.retryable_rows()) is not None

    def next_due(self, account_name: str) -> float | None:
        """When the next scheduled run that includes the account is due (wall clock)."""
        waits = [
            wait
            for name in self.scheduler.scheduled()
            if account_name in self.profile.group(name).accounts
            for wait in (self.scheduler.due_in(name),)
            if wait is not None
        ]
        return time.time() + min(waits) if waits else None

    def _selected_name(self) -> str | None:
        rows = self.accounts_view.selectionModel().selectedRows()
        return self.accounts_model.account(rows[0].row()).name if rows else None

    def send_receive_selected(self) -> None:
        rows = self.accounts_view.selectionModel().selectedRows()
        if rows:
            account = self.accounts_model.account(rows[0].row())
            if account.enabled:  # a disabled account is left out of every run
                self._start([account], group=account.name)

    # ------------------------------------------------------------ offline, groups, accounts

    def set_work_offline(self, offline: bool) -> None:
        """Outlook's Work Offline: schedules pause; remembered across restarts."""
        self.settings.work_offline = offline
        self.settings.sync()
        self.scheduler.offline = offline
        self.work_offline_action.setChecked(offline)
        self.offline_indicator.setVisible(offline)
        if not offline and not self.controller.running:  # offline: the indicator says it
            self.status_label.setText(self.tr("Ready"))
        self.accounts_model.changed()

    def _online_for(self, on_demand: bool) -> bool:
        """Whether a run may start: offline, the user is asked to go online first."""
        if not self.scheduler.offline:
            return True
        if not on_demand:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Work Offline"),
            self.tr("You are working offline. Go online and Send/Receive?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.set_work_offline(False)
        return True

    def define_groups(self) -> GroupsDialog | None:
        if self.profile.path is None:
            return None
        dialog = GroupsDialog(self.profile, self)
        dialog.saved.connect(lambda p: self.set_profile(p.with_accounts(self._extra_accounts())))
        dialog.reload_requested.connect(self.reload_profile)
        dialog.open()
        return dialog

    def account_settings(self) -> AccountsDialog | None:
        """Tools ▸ Account Settings: each change is written at once."""
        if self.profile.path is None:
            return None
        dialog = AccountsDialog(self.profile, self)
        dialog.saved.connect(lambda p: self.set_profile(p.with_accounts(self._extra_accounts())))
        dialog.open()
        return dialog

    def set_profile(self, profile: Profile) -> None:
        """The profile as written back (groups edited, an account switched on or off)."""
        self.profile = profile
        self.options = replace(self.options, profile=profile, profile_error=None)
        self.accounts_model.set_accounts(profile.accounts)
        self._update_empty_hint()
        self.outbox_view.set_profile(profile)
        self.store_opener.set_profile(profile)
        self.scheduler.set_groups(profile.all_groups())
        self.account_columns.fit()  # a new or renamed account may be wider (its due time read)
        self._fill_groups_menu()
        self._update_actions()

    def set_account_enabled(self, name: str, enabled: bool) -> None:
        """The account list's check box: written to the profile, comments kept (a
        command line's --provider account is not in the file: it changes for this start)."""
        if self.profile.path is None or name in self._extra_names:
            accounts = tuple(
                a if a.name != name else replace(a, enabled=enabled) for a in self.profile.accounts
            )
            self.set_profile(replace(self.profile, accounts=accounts))
            return
        try:
            editor = ProfileEditor(self.profile.path, loaded=self.profile)
            editor.set_enabled(name, enabled)
            profile = editor.save()
        except ProfileChangedError as exc:
            if ask_to_reload(self, str(exc)):
                self.reload_profile()
            return
        except (ProfileError, ProfileEditError, OSError, KeyError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Account"),
                arg(self.tr("The profile could not be changed: %1"), str(exc)),
            )
            return
        self.set_profile(profile.with_accounts(self._extra_accounts()))

    def reload_profile(self) -> None:
        """The profile file as it is now, after another program changed it."""
        assert self.profile.path is not None
        try:
            profile = load_profile(self.profile.path)
        except ProfileError as exc:
            self.options = replace(self.options, profile_error=exc)
            self.show_profile_error()
            return
        self.set_profile(profile.with_accounts(self._extra_accounts()))

    def _extra_accounts(self) -> list[Account]:
        """The command line's --provider accounts, which the file does not hold (told
        apart at start: an account renamed in the file since is not one)."""
        return [a for a in self.profile.accounts if a.name in self._extra_names]

    def new_message(self) -> NewMessageWindow:
        window = NewMessageWindow(self.store, self.profile, self)
        window.queued.connect(lambda _id: self.outbox_view.reload())
        window.show()
        return window

    def _fill_groups_menu(self) -> None:
        self.groups_menu.clear()
        for group in self.profile.all_groups():
            action = self.groups_menu.addAction(words.group_name(group.name))
            action.triggered.connect(lambda _=False, name=group.name: self.send_receive_group(name))

    def show_progress(self) -> None:
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def show_failed_run(self) -> None:
        """The failure indicator's click: that run's Errors tab."""
        record = self._failed_run
        self.failure_indicator.hide()
        if record is not None and not self.controller.running:
            self.controller.show_run(record)
        self.dialog.show_errors()

    @staticmethod
    def log_file() -> Path:
        """The file this process logs to; else where the app logs by default."""
        return log_file_in_use() or default_log_file()

    def view_log(self) -> QDialog | None:
        """The log in the program registered for it; else in a viewer of the app's own
        (its last part: a log may be large)."""
        path = self.log_file()
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return None
        viewer = LogViewer(path, self)
        viewer.open()
        return viewer

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.log_file(), self.profile.path, self)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        dialog = ShortcutsDialog(dict.fromkeys(actions), self)  # once each, in menu order
        dialog.open()
        return dialog

    def set_show_dialog(self, choice: ShowDialog) -> None:
        self.settings.show_dialog = choice
        self.settings.sync()
        self.show_dialog_actions[choice].setChecked(True)
        self.dialog.dont_show.setChecked(choice is ShowDialog.NEVER)

    def set_language(self, code: str | None) -> None:
        self.settings.language = code
        self.settings.sync()
        self.language_actions[code].setChecked(True)
        self.statusBar().showMessage(
            self.tr("The language changes when Send/Receive Workbench starts again."), 10_000
        )

    def show_profile_error(self) -> None:
        error = self.options.profile_error
        if error is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("The profile cannot be used"),
            self.tr("The profile has problems; fix them and start again. Nothing was changed."),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("profileError")
        box.setDetailedText("\n".join(error.lines()))
        box.setInformativeText("\n".join(error.lines()[:10]))
        box.open()
        self.status_label.setText(arg(self.tr("Profile error: %1"), error.lines()[0]))

    def _start(self, accounts: list[Account], on_demand: bool = True, group: str = "") -> None:
        if self.controller.running or not accounts or not self._online_for(on_demand):
            return
        self.controller.start(accounts, on_demand, group)

    def _started(self, record: RunRecord) -> None:
        """Every run, however started (F9, a schedule, a Retry in the dialog)."""
        on_demand = not record.scheduled
        self.status_progress.setValue(0)
        self.status_progress.show()
        self._announced.clear()
        show = self.settings.show_dialog
        if show is ShowDialog.ALWAYS or (show is ShowDialog.MANUAL and on_demand):
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
        self.retry_failed_action.setEnabled(bool(self.controller.retryable_rows()))

    def _update_status(self) -> None:
        summary = self.controller.summary
        if not self.controller.running or summary is None:
            return
        states = self.controller.task_model.states()
        current = next((s for s in states if s.status.is_active), None)
        self.status_label.setText(words.running(summary, current))
        set_progress(
            self.status_progress, self.dialog.overall.value() / self.dialog.overall.maximum()
        )
        failed = self._newly_failed(states)
        if failed:
            self.notice.say(failed, assertive=True)

    def _on_run_finished(self, record: RunRecord) -> None:
        summary = self.controller.last_summary
        assert summary is not None
        self.status_progress.hide()
        failed = self._newly_failed(self.controller.task_model.states())
        self.status_label.setText(words.finished(summary))
        # One announcement: a second one at once would cut the first off.
        self.notice.say("; ".join(filter(None, (failed, words.finished(summary)))), bool(failed))
        self.accounts_model.record(record.run)
        if self.first_start_note is not None:
            self.first_start_note.hide()  # said; the results speak from now on
        self._update_empty_hint()
        self.outbox_view.reload()
        self.store_opener.refresh()
        self.account_columns.fit()  # once a run: the results' widths
        if summary.outcome is not Outcome.SUCCEEDED and not self.dialog.isVisible():
            self._announce_failure(record, summary)
        self._update_actions()

    def _announce_failure(self, record: RunRecord, summary: RunSummary) -> None:
        """Nobody watched this run go wrong: say so where it will be seen."""
        self._failed_run = record
        text = words.finished(summary)
        self.failure_indicator.setText(words.problems(summary.errors, summary.warnings) or text)
        self.failure_indicator.show()
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
                self.tray.setObjectName("trayIcon")
                self.tray.messageClicked.connect(self.show_failed_run)
                self.tray.activated.connect(self.show_failed_run)
            self.tray.show()
            self.tray.showMessage(
                self.tr("Send/Receive Workbench"), text, QSystemTrayIcon.MessageIcon.Warning
            )

    def _newly_failed(self, states: list[TaskState]) -> str:
        """What to say of the tasks that failed since the last tick (empty: none), in
        one text: a second announcement, microseconds later, would cut the first off."""
        failed = [
            s for s in states if s.status is TaskStatus.FAILED and s.task not in self._announced
        ]
        self._announced.update(s.task for s in failed)
        texts = [
            arg(self.tr("Task %1: %2"), words.task_name(s.task), words.status(s)) for s in failed
        ]
        return "; ".join(texts)

    def _dont_show_toggled(self, value: bool) -> None:
        if value:
            self.set_show_dialog(ShowDialog.NEVER)
        elif self.settings.show_dialog is ShowDialog.NEVER:
            self.set_show_dialog(ShowDialog.MANUAL)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        for key, state in self.dialog.remembered().items():
            self.settings.save_state(key, state)
        self.store_opener.save_sizes()
        self.settings.sync()
        self.scheduler.detach()
        self.controller.cancel_all()  # provider threads are daemons: they cannot hold the exit
        self.dialog.close()
        super().closeEvent(event)
        self.closed.emit()
