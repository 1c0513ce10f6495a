"""The Tasks tab's model: one row per task, refreshed from tracker snapshots in batches."""

from __future__ import annotations

import time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from sendreceive.run.send_receive import Run, Task
from sendreceive.tracking.error_log import ErrorEntry, ErrorLog
from sendreceive.tracking.tracker import TaskState, TaskStatus
from sendreceive.ui.icons import status_icon
from sendreceive.ui.table_model import ColumnTableModel, ModelIndex
from sendreceive.ui.wording import words


class TaskColumn(IntEnum):
    NAME = 0
    PROGRESS = 1
    STATUS = 2
    REMAINING = 3


_HEADERS = {
    TaskColumn.NAME: QT_TRANSLATE_NOOP("TaskTableModel", "Task"),
    TaskColumn.PROGRESS: QT_TRANSLATE_NOOP("TaskTableModel", "Progress"),
    TaskColumn.STATUS: QT_TRANSLATE_NOOP("TaskTableModel", "Status"),
    TaskColumn.REMAINING: QT_TRANSLATE_NOOP("TaskTableModel", "Remaining"),
}


class TaskRole(IntEnum):
    STATE = Qt.ItemDataRole.UserRole + 1  # the row's TaskState


class TaskTableModel(ColumnTableModel):
    """Rows are a run's tasks; ``refresh`` pulls changed snapshots and emits one
    ``dataChanged`` over the changed span, however many callbacks happened."""

    def __init__(self) -> None:
        super().__init__(TaskColumn, _HEADERS)
        self._tasks: list[Task] = []
        self._states: list[TaskState] = []
        self._log: ErrorLog | None = None

    def set_run(self, run: Run | None) -> None:
        self.beginResetModel()
        self._tasks = list(run.tasks) if run else []
        self._states = [task.snapshot() for task in self._tasks]
        self._log = run.error_log if run else None
        self.endResetModel()

    def task(self, row: int) -> Task:
        return self._tasks[row]

    def state(self, row: int) -> TaskState:
        return self._states[row]

    def states(self) -> list[TaskState]:
        return list(self._states)

    def refresh(self, exact: bool = False) -> None:
        """Pull what changed. A row whose provider holds its tracker's lock right now
        keeps its state until the next tick, unless ``exact`` (the run's last refresh)."""
        first = last = -1
        now = time.monotonic()
        for row, task in enumerate(self._tasks):
            old = self._states[row]
            tracker = task.tracker
            if tracker.version == old.version and old.status is not TaskStatus.NOT_RESPONDING:
                continue
            state = tracker.snapshot(now) if exact else tracker.try_snapshot(now)
            if state is None:
                continue
            self._states[row] = state
            if first < 0:
                first = row
            last = row
        if first >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(TaskColumn) - 1))

    # ------------------------------------------------------------ Qt model API

    def row_count(self) -> int:
        return len(self._tasks)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
            return None
        state = self._states[index.row()]
        column = TaskColumn(index.column())
        if role == TaskRole.STATE:
            return state
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(state, column)
        if role == Qt.ItemDataRole.DecorationRole and column is TaskColumn.NAME:
            return status_icon(state.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                (words.task_name(state.task), words.status(state), state.step)
            ).rstrip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The delegate only paints: what a screen reader hears comes from here. The
            # name cell says the whole row; the progress cell its step and percentage.
            if column is TaskColumn.NAME:
                return words.task_accessible(state, self._reason(state))
            if column is TaskColumn.PROGRESS:
                return words.progress_accessible(state)
        return None

    def _reason(self, state: TaskState) -> ErrorEntry | None:
        """The task's first line of its worst kind in the Errors tab."""
        return None if self._log is None else self._log.worst_first(state.task)


def _display(state: TaskState, column: TaskColumn) -> str:
    if column is TaskColumn.NAME:
        return words.task_name(state.task)
    if column is TaskColumn.PROGRESS:
        return state.step
    if column is TaskColumn.STATUS:
        return words.status(state)
    return "" if state.remaining is None else words.duration(state.remaining)
