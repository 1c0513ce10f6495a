"""Starts runs on the asyncio (qasync) loop and refreshes the models on a bounded timer."""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sendreceive.config.profile import Account
from sendreceive.hosting.host import HostFactory
from sendreceive.run.send_receive import Run, RunLimits, RunSummary
from sendreceive.run.summary import summarize
from sendreceive.tracking.gil_pacer import GuiPacer
from sendreceive.ui.error_model import ErrorTableModel
from sendreceive.ui.task_model import TaskTableModel

log = logging.getLogger("sendreceive.ui")

REFRESH_INTERVAL_MS = 33  # ≤ 30 Hz: the GUI pulls snapshots; providers never push
HISTORY = 10  # runs kept for the dialog's run list (each keeps its error list)


@dataclass(frozen=True)
class RunRecord:
    """A run as the history lists it: when, what, and who started it."""

    run: Run
    group: str
    scheduled: bool
    started: float  # wall-clock time


class SendReceiveController(QObject):
    """Owns the current run and the two models that show it."""

    run_started = Signal(object)  # RunRecord
    refreshed = Signal()
    run_finished = Signal(object)  # RunRecord
    shown_changed = Signal(object)  # RunRecord

    def __init__(
        self,
        store_root: Path,
        limits: RunLimits,
        parent: QObject | None = None,
        hosts: HostFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_root = store_root
        self._limits = limits
        self._hosts = hosts
        self.task_model = TaskTableModel()
        self.error_model = ErrorTableModel()
        self.run: Run | None = None  # the latest run
        self.last_summary: RunSummary | None = None  # set once the finished run is shown
        self.history: collections.deque[RunRecord] = collections.deque(maxlen=HISTORY)
        self.shown: RunRecord | None = None  # the run the models show
        # Every count the GUI shows of the shown run, from the models' own snapshots.
        self.summary: RunSummary | None = None
        self._execution: asyncio.Future[RunSummary] | None = None
        self.pacer = GuiPacer()
        self._beat_timer = QTimer(self)
        self._beat_timer.setObjectName("paceTimer")
        self._beat_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._beat_timer.setInterval(round(self.pacer.beat_interval * 1000))
        self._beat_timer.timeout.connect(self.pacer.beat)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("refreshTimer")
        self._refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self.refresh)

    @property
    def running(self) -> bool:
        return self._execution is not None and not self._execution.done()

    def start(
        self, accounts: Sequence[Account], on_demand: bool = True, group: str = ""
    ) -> Run | None:
        """Start a run of ``accounts``; ``None`` if one is already going (as Outlook does,
        a second Send/Receive waits for the user, it does not pile up). Scheduled runs
        (``on_demand=False``) pass SYNC_BACKGROUND instead of SYNC_ON_DEMAND. Earlier
        runs stay in ``history``, errors and all."""
        if self.running or not accounts:
            return None
        run = Run(
            accounts,
            self._store_root,
            self._limits,
            on_demand=on_demand,
            pacer=self.pacer,
            host_factory=self._hosts,
        )
        self.run = run
        self.last_summary = None
        record = RunRecord(run, group, not on_demand, time.time())
        self.history.append(record)
        self.show_run(record)
        self._execution = asyncio.ensure_future(run.execute())
        self._execution.add_done_callback(self._on_finished)
        if any(task.host.isolation == "thread" for task in run.tasks):
            self.pacer.beat()  # only provider threads need the GUI's beat: processes have
            self._beat_timer.start()  # no interpreter lock to share with it
        self._refresh_timer.start()
        self.run_started.emit(record)
        return run

    def show_run(self, record: RunRecord) -> None:
        """Point the models at ``record``'s run (the latest, or one from the history)."""
        self.shown = record
        self.task_model.set_run(record.run)
        self.error_model.set_log(record.run.error_log)
        self.refresh(exact=True)
        self.shown_changed.emit(record)

    def cancel_all(self) -> None:
        if self.run is not None:
            self.run.cancel_all()
            self.refresh()

    def cancel_task(self, row: int) -> None:
        if self.shown is not None and 0 <= row < len(self.shown.run.tasks):
            self.shown.run.tasks[row].cancel()
            self.refresh()

    def retry(self, rows: Sequence[int]) -> Run | None:
        """Run again the tasks at ``rows`` of the shown run that failed or were
        cancelled, each as it was (its account, sending or receiving); ``None`` if none
        can be retried or a run is going."""
        if self.shown is None:
            return None
        tasks = self.shown.run.tasks
        accounts = [
            tasks[row].account
            for row in sorted(set(rows))
            if 0 <= row < len(tasks) and tasks[row].snapshot().status.can_retry
        ]
        return self.start(accounts, True, self.shown.group)

    def retryable_rows(self) -> list[int]:
        """The rows of the shown run a Retry would run again."""
        if self.shown is None or self.running:
            return []
        states = self.task_model.states()
        return [row for row, state in enumerate(states) if state.status.can_retry]

    def refresh(self, exact: bool = False) -> None:
        self.task_model.refresh(exact)
        self.error_model.refresh()
        self.summary = summarize(self.task_model.states()) if self.shown else None
        self.refreshed.emit()

    def _on_finished(self, execution: asyncio.Future[RunSummary]) -> None:
        self._refresh_timer.stop()
        self._beat_timer.stop()
        log.debug("run finished; provider threads stepped aside %d times", self.pacer.waits)
        self.refresh(exact=True)
        if execution.cancelled():
            return
        error = execution.exception()
        if error is not None:  # an engine bug, not a provider's: make it loud
            log.error("the Send/Receive run crashed", exc_info=error)
            return
        execution.result()
        latest = self.history[-1]
        if self.shown is not latest:
            self.show_run(latest)
        self.last_summary = self.summary  # what the models show, so every count agrees
        self.run_finished.emit(latest)
