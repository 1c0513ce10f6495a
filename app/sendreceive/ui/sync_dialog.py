"""The Send/Receive Progress dialog, after Outlook's: header, overall bar, Cancel All,
Details with a Tasks tab and an Errors tab (the list, and the whole of the selected line
in a detail pane), and a list of the last runs."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.task_id import TaskId
from sendreceive.contract import MAPI_E_LOGON_FAILED, S_OK, format_hresult
from sendreceive.records.recording import record_run
from sendreceive.ui.accessibility import Announcer, buddy_label
from sendreceive.ui.calls_view import CallsPage
from sendreceive.ui.controller import RunRecord, SendReceiveController
from sendreceive.ui.error_model import ErrorColumn
from sendreceive.ui.progress_delegate import ProgressBarDelegate
from sendreceive.ui.screen_fit import resize_within_screen
from sendreceive.ui.steady_tabs import SteadyTabWidget
from sendreceive.ui.table_view import make_table, with_buttons
from sendreceive.ui.task_model import TaskColumn
from sendreceive.ui.wording import arg, when, words

_BAR_SCALE = 100  # percent: what a screen reader reads as the bar's value
ERRORS_TAB = 1


class SendReceiveDialog(QDialog):
    """Shows the controller's models; never steals focus when it updates."""

    dont_show_changed = Signal(bool)

    def __init__(self, controller: SendReceiveController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendReceiveDialog")
        self.setWindowTitle(self.tr("Send/Receive Progress"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._controller = controller

        self.header = QLabel(self.tr("Send/Receive has not run yet"))
        self.header.setObjectName("header")
        self.runs = QComboBox()
        self.runs.setObjectName("runs")
        self.runs.setToolTip(
            self.tr("Earlier runs, scheduled ones included, keep their tasks and errors")
        )
        self.runs.setAccessibleName(self.tr("Send/Receive runs"))
        self.runs.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.overall = QProgressBar()
        self.overall.setObjectName("overallProgress")
        self.overall.setRange(0, _BAR_SCALE)
        self.overall.setTextVisible(False)
        self.overall.setAccessibleName(self.tr("Send/Receive progress"))
        self.cancel_all_button = QPushButton(self.tr("&Cancel All"))
        self.cancel_all_button.setObjectName("cancelAll")
        self.cancel_all_button.setAccessibleDescription(
            self.tr("Stops every task of this Send/Receive")
        )
        self.details_button = QPushButton(self.tr("<< &Details"))
        self.details_button.setObjectName("detailsToggle")
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.setAccessibleName(self.tr("Details"))
        self.details_button.setAccessibleDescription(
            self.tr("Shows or hides the list of tasks and the errors")
        )
        self.save_run_button = QPushButton(self.tr("Save &Run…"))
        self.save_run_button.setObjectName("saveRun")
        self.save_run_button.setToolTip(
            self.tr("Write each task's calls as a recording into a directory")
        )
        self.dont_show = QCheckBox(self.tr("Don't show this dialog box during Send/Receive"))
        self.dont_show.setObjectName("dontShow")

        self.tasks_view = make_table(controller.task_model, "tasksView")
        self.tasks_view.setItemDelegateForColumn(
            TaskColumn.PROGRESS, ProgressBarDelegate(self.tasks_view)
        )
        header = self.tasks_view.horizontalHeader()
        # No ResizeToContents: it re-measures up to 1,000 rows on every dataChanged. The
        # name column is fitted once per run (names do not change); the rest are fixed.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TaskColumn.PROGRESS, QHeaderView.ResizeMode.Stretch)
        # Wide enough for a typical failure in this language (German's is the longest).
        typical = words.failed(MAPI_E_LOGON_FAILED)
        header.resizeSection(
            TaskColumn.STATUS, max(310, self.fontMetrics().horizontalAdvance(typical) + 24)
        )
        header.resizeSection(TaskColumn.REMAINING, 90)
        self.tasks_view.setAccessibleName(self.tr("Tasks"))
        self.cancel_task_button = QPushButton(self.tr("Cancel &Task"))
        self.cancel_task_button.setObjectName("cancelTask")
        self.cancel_task_button.setAccessibleDescription(self.tr("Stops the selected task"))
        self.retry_task_button = QPushButton(self.tr("&Retry"))
        self.retry_task_button.setObjectName("retryTask")
        self.retry_task_button.setAccessibleDescription(
            self.tr("Runs the selected failed or cancelled tasks again")
        )
        self.retry_task_button.setEnabled(False)
        self.tasks_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tasks_view.customContextMenuRequested.connect(self._task_menu)

        self.errors_view = make_table(controller.error_model, "errorsView")
        self.errors_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        errors_header = self.errors_view.horizontalHeader()
        # Fixed widths: measuring contents would visit every row of a 100,000-line list.
        # The Message is what is read: it stretches; a Code longer than the shortest
        # named one is elided (the detail pane below has it whole).
        errors_header.setSectionResizeMode(ErrorColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        short_code = format_hresult(S_OK)  # the shortest named code: a sample width
        for column, width in (
            (ErrorColumn.TASK, 170),
            (ErrorColumn.CODE, self.fontMetrics().horizontalAdvance(short_code) + 16),
            (ErrorColumn.COUNT, 70),
            (ErrorColumn.TIME, 80),
        ):
            errors_header.resizeSection(column, width)
        self.errors_view.setAccessibleName(self.tr("Errors and warnings"))
        self.copy_button = QPushButton(self.tr("C&opy"))
        self.copy_button.setObjectName("copyErrors")
        copy_help = self.tr(
            "Copy the selected error lines with all their details (all lines when none is selected)"
        )
        self.copy_button.setToolTip(copy_help)
        self.copy_button.setAccessibleDescription(copy_help)
        self.error_detail = QPlainTextEdit()
        self.error_detail.setObjectName("errorDetail")
        self.error_detail.setReadOnly(True)
        self.error_detail.setPlaceholderText(self.tr("Select an error to read all of it here."))
        self.error_detail.setAccessibleName(self.tr("The selected error in full"))
        self.error_detail.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.errors_split = errors_split = QSplitter(Qt.Orientation.Vertical)
        errors_split.setObjectName("errorsSplit")
        errors_split.addWidget(self.errors_view)
        errors_split.addWidget(self.error_detail)
        errors_split.setStretchFactor(0, 3)
        errors_split.setStretchFactor(1, 2)

        self.tabs = SteadyTabWidget()
        self.tabs.setObjectName("detailsTabs")
        self.tabs.add_switch_keys(self)
        task_page = with_buttons(self.tasks_view, self.retry_task_button, self.cancel_task_button)
        self.tabs.addTab(task_page, self.tr("Tasks"))
        self.tabs.addTab(with_buttons(errors_split, self.copy_button), words.errors_tab(None))
        self.calls = CallsPage()
        self.tabs.addTab(self.calls, self.tr("Calls"))
        self._expanded_size: QSize | None = None
        self._chosen_task: TaskId | None = None  # kept from run to run

        top = QHBoxLayout()
        left = QVBoxLayout()
        heading = QHBoxLayout()
        heading.addWidget(self.header, 1)
        heading.addWidget(buddy_label(self.tr("R&un:"), self.runs))
        heading.addWidget(self.runs)
        left.addLayout(heading)
        left.addWidget(self.overall)
        left.addWidget(self.dont_show)
        right = QVBoxLayout()
        right.addWidget(self.cancel_all_button)
        right.addWidget(self.details_button)
        right.addWidget(self.save_run_button)
        right.addStretch()
        top.addLayout(left, 1)
        top.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.notice = Announcer(self)
        self._set_tab_order()
        resize_within_screen(self, QSize(1020, 440))

        self.cancel_all_button.clicked.connect(controller.cancel_all)
        self.cancel_task_button.clicked.connect(self.cancel_selected_task)
        self.retry_task_button.clicked.connect(self.retry_selected_tasks)
        self.details_button.toggled.connect(self.set_details_visible)
        self.copy_button.clicked.connect(self.copy_errors)
        self.dont_show.toggled.connect(self.dont_show_changed)
        QShortcut(QKeySequence.StandardKey.Copy, self.errors_view, self.copy_errors)
        self.tasks_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.tasks_view.selectionModel().currentRowChanged.connect(self._show_task_calls)
        self.save_run_button.clicked.connect(self.save_run)
        self.errors_view.selectionModel().currentRowChanged.connect(self._show_error_detail)
        self.runs.activated.connect(self._show_chosen_run)
        controller.refreshed.connect(self.update_from_models)
        controller.shown_changed.connect(self._on_shown_changed)
        self.update_from_models()

    def _set_tab_order(self) -> None:
        """Tab goes the way a reader works: the run, its buttons, the tabs and each
        tab's list then its buttons, and "Don't show…" last, so the first focus (the
        first enabled control) is never the box a stray Space would tick."""
        chain = (
            self.runs,
            self.cancel_all_button,
            self.details_button,
            self.save_run_button,
            self.tabs,
            self.tasks_view,
            self.retry_task_button,
            self.cancel_task_button,
            self.errors_view,
            self.error_detail,
            self.copy_button,
            *self.calls.focus_chain(),
            self.dont_show,
        )
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # ------------------------------------------------------------ actions

    def remembered(self) -> dict[str, QByteArray]:
        """What the user sized (the dialog, the Errors tab's split and columns), to be
        given back to ``restore`` at the next start."""
        states = (
            self.saveGeometry(),
            self.errors_split.saveState(),
            self.errors_view.horizontalHeader().saveState(),
        )
        return dict(zip(REMEMBERED, states, strict=True))

    def restore(self, saved: Mapping[str, QByteArray | None]) -> None:
        geometry, split, columns = (saved.get(key) for key in REMEMBERED)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if split is not None:
            self.errors_split.restoreState(split)
        if columns is not None:
            self.errors_view.horizontalHeader().restoreState(columns)

    def set_details_visible(self, visible: bool) -> None:
        """Collapse to the header and bar, and expand back to the size the user had."""
        if not visible:
            self._expanded_size = self.size()
        self.tabs.setVisible(visible)
        self.details_button.setText(self.tr("<< &Details") if visible else self.tr("&Details >>"))
        if visible:
            if self._expanded_size is not None:
                self.resize(self._expanded_size)
        else:
            self.adjustSize()

    def show_errors(self) -> None:
        """Open on the Errors tab (the failure indicator's click)."""
        self.details_button.setChecked(True)
        self.details_button.setAccessibleName(self.tr("Details"))
        self.details_button.setAccessibleDescription(
            self.tr("Shows or hides the list of tasks and the errors")
        )
        self.tabs.setCurrentIndex(ERRORS_TAB)
        self.show()
        self.raise_()
        self.activateWindow()

    def cancel_selected_task(self) -> None:
        """Cancel the selected tasks, and say so: the status changes in a cell the
        screen reader is not reading."""
        model = self._controller.task_model
        names = []
        for index in self.tasks_view.selectionModel().selectedRows():
            if not model.state(index.row()).status.is_final:
                names.append(words.task_name(model.state(index.row()).task))
            self._controller.cancel_task(index.row())
        if names:
            self.notice.say(arg(self.tr("Cancelling %1"), words.list_of(names)))
        self._update_buttons()

    def retry_selected_tasks(self) -> bool:
        """Retry: the selected tasks that failed or were cancelled run again."""
        rows = [i.row() for i in self.tasks_view.selectionModel().selectedRows()]
        return self._controller.retry(rows) is not None

    def _task_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        retry = menu.addAction(self.retry_task_button.text(), self.retry_selected_tasks)
        retry.setEnabled(self.retry_task_button.isEnabled())
        cancel = menu.addAction(self.cancel_task_button.text(), self.cancel_selected_task)
        cancel.setEnabled(self.cancel_task_button.isEnabled())
        menu.popup(self.tasks_view.viewport().mapToGlobal(position))

    def copy_errors(self) -> None:
        """Copy what the detail pane shows, for each selected line (or every line)."""
        model = self._controller.error_model
        rows = sorted({i.row() for i in self.errors_view.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(model.rowCount()))
        details = [words.entry_detail(model.entry(row)) for row in rows]
        QGuiApplication.clipboard().setText("\n\n".join(details))

    def save_run(self) -> None:
        """Ask for a directory, then write the shown run's recordings into it."""
        shown = self._controller.shown
        if shown is None:
            return
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save Run"))
        if not chosen:
            return
        try:
            record_run(shown.run, Path(chosen))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save Run"),
                arg(
                    self.tr("Could not write into %1: %2. Choose another directory."),
                    chosen,
                    exc.strerror or exc,
                ),
            )

    def _show_task_calls(self) -> None:
        index = self.tasks_view.selectionModel().currentIndex()
        shown = self._controller.shown
        model = self._controller.task_model
        if shown is None or not index.isValid() or index.row() >= model.rowCount():
            self.calls.show_task(None, None)
        else:
            self._chosen_task = model.state(index.row()).task
            self.calls.show_task(shown.run, model.task(index.row()))

    def _show_error_detail(self) -> None:
        index = self.errors_view.selectionModel().currentIndex()
        model = self._controller.error_model
        if index.isValid() and index.row() < model.rowCount():
            self.error_detail.setPlainText(words.entry_detail(model.entry(index.row())))
        else:
            self.error_detail.clear()

    def _show_chosen_run(self, position: int) -> None:
        history = list(self._controller.history)
        if 0 <= position < len(history) and not self._controller.running:
            self._controller.show_run(history[-1 - position])

    # ------------------------------------------------------------ refresh

    def _on_shown_changed(self, record: RunRecord) -> None:
        """Another run shown (F9, a Retry, the history): the task the user chose stays
        chosen where that run has it, so its Calls tab goes on showing it."""
        self.tasks_view.resizeColumnToContents(TaskColumn.NAME)
        self.error_detail.clear()
        tasks = [state.task for state in self._controller.task_model.states()]
        if self._chosen_task in tasks:
            self.select_task(tasks.index(self._chosen_task))
        self._show_task_calls()
        self._fill_runs(record)
        self.update_from_models()

    def _fill_runs(self, shown: RunRecord) -> None:
        """Newest first: ``14:03:12 · All Accounts`` (scheduled runs say so)."""
        self.runs.clear()
        for record in reversed(self._controller.history):
            text = self.tr("%1 · %2 (scheduled)") if record.scheduled else self.tr("%1 · %2")
            self.runs.addItem(arg(text, when(record.started), words.group_name(record.group)))
        history = list(self._controller.history)
        self.runs.setCurrentIndex(len(history) - 1 - history.index(shown))

    def update_from_models(self) -> None:
        controller = self._controller
        summary = controller.summary
        states = controller.task_model.states()
        if summary is not None and states:
            self.header.setText(words.header(summary))
            fractions = [1.0 if s.status.is_final else (s.fraction or 0.0) for s in states]
            set_progress(self.overall, sum(fractions) / len(fractions))
        self.tabs.set_label(ERRORS_TAB, words.errors_tab(summary))
        self.cancel_all_button.setEnabled(controller.running)
        self.runs.setEnabled(not controller.running and len(controller.history) > 1)
        self.save_run_button.setEnabled(controller.shown is not None and not controller.running)
        if self.calls.isVisible():  # a hidden tab catches up when it is shown
            self.calls.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.tasks_view.selectionModel().selectedRows()
        model = self._controller.task_model
        self.cancel_task_button.setEnabled(
            any(not model.state(i.row()).status.is_final for i in rows)
        )
        retryable = set(self._controller.retryable_rows())
        self.retry_task_button.setEnabled(any(i.row() in retryable for i in rows))

    def select_task(self, row: int) -> None:
        self.tasks_view.selectRow(row)


#: The settings keys of what the dialog remembers: its geometry, the Errors tab's split and
#: its columns' widths.
REMEMBERED = ("dialog/geometry", "dialog/errorsSplit", "dialog/errorColumns")


def set_progress(bar: QProgressBar, fraction: float) -> None:
    """A bar's value as a percentage, which its accessible description also says; the
    description changes only when the percentage does (each change is an event).

    ``QProgressBar.setValue`` repaints at once, and a repaint paints everything else
    the tick made dirty (the tasks view's 51 bars: two thirds of a refresh tick in bench
    B2); with updates off for the call, the bar is painted with the rest, once, when
    the event loop gets to it."""
    value = round(fraction * bar.maximum())
    if value != bar.value() or not bar.accessibleDescription():
        bar.setUpdatesEnabled(False)
        bar.setValue(value)
        bar.setUpdatesEnabled(True)  # schedules the bar's update
        bar.setAccessibleDescription(words.progress_description(fraction))
