"""The Calls tab: the selected task's calls in order, filtered by kind, with its contract
violations one key away (F8, Shift+F8), copied with Ctrl+C and saved with "Save…"."""

from __future__ import annotations

import bisect
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sendreceive.durable import open_private
from sendreceive.records import recording
from sendreceive.run.send_receive import SETTLE_TIMEOUT, Run
from sendreceive.run.task import Task
from sendreceive.tracking.trace import CALLS
from sendreceive.ui.accessibility import buddy_label
from sendreceive.ui.calls_model import HOST, CallColumn, CallFilter, CallTableModel, call_line
from sendreceive.ui.controller import REFRESH_INTERVAL_MS
from sendreceive.ui.table_view import make_table
from sendreceive.ui.wording import AnyCount, arg, words

TEXT_SUFFIX = ".txt"


class CallsPage(AnyCount, QWidget):
    """Shows one task's trace; ``refresh`` (the controller's tick) appends what is new."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsPage")
        self.model = CallTableModel()
        self.proxy = CallFilter(self.model)
        self._run: Run | None = None
        self._said: tuple[object, ...] = ()  # what the note says, to skip a tick's rewrite

        self.kinds = QComboBox()
        self.kinds.setObjectName("callKinds")
        self.kinds.setAccessibleName(self.tr("Show calls of kind"))
        self.kinds.addItem(self.tr("All calls"), "")
        for name in CALLS:
            self.kinds.addItem(name, name)
        self.kinds.addItem(self.tr("Host steps"), HOST)
        self.note = QLabel()
        self.note.setObjectName("callsNote")
        self.view = make_table(self.proxy, "callsView")
        self.view.setSelectionMode(self.view.SelectionMode.ExtendedSelection)
        self.view.setAccessibleName(self.tr("Calls"))
        self.view.setToolTip(self.tr("F8: next contract violation, Shift+F8: previous one"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CallColumn.ARGUMENTS, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CallColumn.TIME, 80),
            (CallColumn.THREAD, 150),
            (CallColumn.CALL, 240),
            (CallColumn.RESULT, 300),
        ):
            header.resizeSection(column, width)
        self.save_button = QPushButton(self.tr("&Save…"))
        self.save_button.setObjectName("saveCalls")
        self.save_button.setToolTip(
            self.tr("Save the task's recording, or the selected calls as text")
        )

        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(buddy_label(self.tr("&Show:"), self.kinds))
        top.addWidget(self.kinds)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        # A provider's process sends its trace once its task has ended, maybe after the
        # run's last tick: this timer waits for it, and only then.
        self._tail = QTimer(self)
        self._tail.setInterval(REFRESH_INTERVAL_MS)
        self._tail.timeout.connect(self.refresh)
        self.kinds.currentIndexChanged.connect(self._filter)
        self.save_button.clicked.connect(self.save)
        shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F8), self.next_violation),
            (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F8), self.previous_violation),
            (QKeySequence(QKeySequence.StandardKey.Copy), self.copy),
        ):
            QShortcut(keys, self, slot).setContext(shortcut)
        self.show_task(None, None)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The page's controls in Tab order, for the dialog's chain."""
        return (self.kinds, self.view, self.save_button)

    def show_task(self, run: Run | None, task: Task | None) -> None:
        self._run = run
        self.model.set_task(task)
        self.save_button.setEnabled(task is not None)
        self.refresh()

    def refresh(self) -> None:
        task = self.model.task
        self.model.refresh()
        if task is None or not task.tracker.status.is_final:
            self._tail.stop()
        elif task.host.wait_finished(0):
            self._tail.stop()
            self.model.refresh()  # what arrived with the end
        else:
            self._tail.start()
        self._update_note()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Catch up: the dialog refreshes this tab only while it is shown."""
        super().showEvent(event)
        self.refresh()

    def _update_note(self) -> None:
        task, model = self.model.task, self.model
        said = (task, model.rowCount(), model.dropped, model.violation_count)
        if said == self._said:  # most ticks: nothing new to say
            return
        self._said = said
        if task is None:
            self.note.setText(self.tr("Select a task in the Tasks tab to see its calls."))
            return
        text = arg(
            self.tr("%1: %2", "calls of task: count"),
            words.task_name(task.account.task),
            self.tr("%Ln call(s)", "", model.rowCount()),
        )
        if model.dropped:
            text += " " + self.tr("(%Ln earlier call(s) dropped)", "", model.dropped)
        violations = model.violation_count
        if violations:
            text += " · " + self.tr(
                "%Ln contract violation(s), F8 goes to the next", "", violations
            )
        self.note.setText(text)

    def _filter(self) -> None:
        self.proxy.set_kind(str(self.kinds.currentData()))

    # ------------------------------------------------------------ violations

    def next_violation(self) -> None:
        self._go_to_violation(forward=True)

    def previous_violation(self) -> None:
        self._go_to_violation(forward=False)

    def _go_to_violation(self, forward: bool) -> None:
        """Select the next (previous) violating call the filter shows, wrapping around."""
        rows = [r for r in self.model.violation_rows() if self._shown(r) is not None]
        if not rows:
            return
        current = self.proxy.mapToSource(self.view.currentIndex())
        here = current.row() if current.isValid() else -1
        if forward:
            position = bisect.bisect_right(rows, here)
            target = rows[position % len(rows)]
        else:
            position = bisect.bisect_left(rows, here) if here >= 0 else len(rows)
            target = rows[(position - 1) % len(rows)]
        index = self._shown(target)
        assert index is not None
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def _shown(self, source_row: int) -> QModelIndex | None:
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        return index if index.isValid() else None

    # ------------------------------------------------------------ copy and save

    def selected_text(self) -> str:
        """The selected rows (every row shown, when none is) as tab-separated lines."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(self.proxy.rowCount()))
        source = (self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in rows)
        return "\n".join(call_line(self.model.call(row)) for row in source)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.selected_text())

    def save(self) -> None:
        """Ask where, then write the recording (``.jsonl``) or the rows as text."""
        task, run = self.model.task, self._run
        if task is None or run is None:
            return
        recording_filter = self.tr("Recording (*.jsonl)")
        text_filter = self.tr("Selected calls as text (*.txt)")
        chosen, kind = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Calls"),
            recording.file_name(task.account.name),
            ";;".join((recording_filter, text_filter)),
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            if kind == text_filter or path.suffix == TEXT_SUFFIX:
                with open_private(path) as out:
                    out.write((self.selected_text() + "\n").encode("utf-8"))
            else:
                if task.tracker.status.is_final:  # a process's trace comes last
                    task.host.wait_finished(SETTLE_TIMEOUT)
                recording.record_task(run, task, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save Calls"),
                arg(
                    self.tr("Could not write %1: %2. Choose another place to save the calls."),
                    path,
                    exc.strerror or exc,
                ),
            )
