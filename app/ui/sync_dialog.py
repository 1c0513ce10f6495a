"""The Send/Receive Progress dialog, after Outlook's: header, overall bar, Cancel All,
Details with a Tasks tab and an Errors tab."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.controller import SendReceiveController
from app.ui.error_model import ErrorColumn
from app.ui.progress_delegate import ProgressBarDelegate
from app.ui.task_model import TaskColumn

_BAR_SCALE = 1000


class SendReceiveDialog(QDialog):
    """Shows the controller's models; never steals focus when it updates."""

    dont_show_changed = Signal(bool)

    def __init__(self, controller: SendReceiveController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendReceiveDialog")
        self.setWindowTitle("Send/Receive Progress")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._controller = controller

        self.header = QLabel("Send/Receive has not run yet")
        self.header.setObjectName("header")
        self.overall = QProgressBar()
        self.overall.setObjectName("overallProgress")
        self.overall.setRange(0, _BAR_SCALE)
        self.overall.setTextVisible(False)
        self.cancel_all_button = QPushButton("&Cancel All")
        self.cancel_all_button.setObjectName("cancelAll")
        self.details_button = QPushButton("<< &Details")
        self.details_button.setObjectName("detailsToggle")
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.dont_show = QCheckBox("Don't show this dialog box during Send/Receive")
        self.dont_show.setObjectName("dontShow")

        self.tasks_view = self._table(controller.task_model, "tasksView")
        self.tasks_view.setItemDelegateForColumn(
            TaskColumn.PROGRESS, ProgressBarDelegate(self.tasks_view)
        )
        header = self.tasks_view.horizontalHeader()
        # No ResizeToContents: it re-measures up to 1,000 rows on every dataChanged. The
        # name column is fitted once per run (names do not change); the rest are fixed.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TaskColumn.PROGRESS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TaskColumn.STATUS, 310)
        header.resizeSection(TaskColumn.REMAINING, 90)
        self.cancel_task_button = QPushButton("Cancel &Task")
        self.cancel_task_button.setObjectName("cancelTask")

        self.errors_view = self._table(controller.error_model, "errorsView")
        self.errors_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        errors_header = self.errors_view.horizontalHeader()
        # Fixed widths: measuring contents would visit every row of a 100,000-line list.
        errors_header.setSectionResizeMode(ErrorColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (ErrorColumn.CODE, 230),
            (ErrorColumn.COUNT, 70),
            (ErrorColumn.TIME, 80),
        ):
            errors_header.resizeSection(column, width)
        self.copy_button = QPushButton("C&opy")
        self.copy_button.setObjectName("copyErrors")
        self.copy_button.setToolTip(
            "Copy the selected error lines (all lines when none is selected)"
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailsTabs")
        self.tabs.addTab(_with_buttons(self.tasks_view, self.cancel_task_button), "Tasks")
        self.tabs.addTab(_with_buttons(self.errors_view, self.copy_button), "Errors")

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.header)
        left.addWidget(self.overall)
        left.addWidget(self.dont_show)
        right = QVBoxLayout()
        right.addWidget(self.cancel_all_button)
        right.addWidget(self.details_button)
        right.addStretch()
        top.addLayout(left, 1)
        top.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.resize(1020, 440)

        self.cancel_all_button.clicked.connect(controller.cancel_all)
        self.cancel_task_button.clicked.connect(self.cancel_selected_task)
        self.details_button.toggled.connect(self.set_details_visible)
        self.copy_button.clicked.connect(self.copy_errors)
        self.dont_show.toggled.connect(self.dont_show_changed)
        QShortcut(QKeySequence.StandardKey.Copy, self.errors_view, self.copy_errors)
        self.tasks_view.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.refreshed.connect(self.update_from_models)
        controller.run_started.connect(self._on_run_started)
        self.update_from_models()

    @staticmethod
    def _table(model: object, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]  # a QAbstractItemModel
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        return view

    # ------------------------------------------------------------ actions

    def set_details_visible(self, visible: bool) -> None:
        self.tabs.setVisible(visible)
        self.details_button.setText("<< &Details" if visible else "&Details >>")
        if not visible:
            self.adjustSize()

    def cancel_selected_task(self) -> None:
        for index in self.tasks_view.selectionModel().selectedRows():
            self._controller.cancel_task(index.row())
        self._update_buttons()

    def copy_errors(self) -> None:
        model = self._controller.error_model
        rows = sorted({i.row() for i in self.errors_view.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(model.rowCount()))
        lines = []
        for row in rows:
            entry = model.entry(row)
            repeat = f" (×{entry.count:,})" if entry.count > 1 else ""
            lines.append(f"{entry.line()}{repeat}")
        QGuiApplication.clipboard().setText("\n".join(lines))

    # ------------------------------------------------------------ refresh

    def _on_run_started(self) -> None:
        self.tasks_view.resizeColumnToContents(TaskColumn.NAME)
        self.update_from_models()

    def update_from_models(self) -> None:
        controller = self._controller
        run = controller.run
        states = controller.task_model.states()
        if run is not None and states:
            succeeded = sum(s.status.is_success for s in states)
            self.header.setText(f"{succeeded} of {len(states)} tasks have completed successfully")
            fractions = [1.0 if s.status.is_final else (s.fraction or 0.0) for s in states]
            self.overall.setValue(round(sum(fractions) / len(fractions) * _BAR_SCALE))
        total = run.error_log.count() if run is not None else 0
        title = f"Errors ({total:,})" if total else "Errors"
        self.tabs.setTabText(1, title)
        self.cancel_all_button.setEnabled(controller.running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.tasks_view.selectionModel().selectedRows()
        model = self._controller.task_model
        self.cancel_task_button.setEnabled(
            any(not model.state(i.row()).status.is_final for i in rows)
        )

    def select_task(self, row: int) -> None:
        self.tasks_view.selectRow(row)


def _with_buttons(view: QWidget, *buttons: QPushButton) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(view, 1)
    row = QHBoxLayout()
    row.addStretch()
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return page
