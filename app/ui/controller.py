"""Starts runs on the asyncio (qasync) loop and refreshes the models on a bounded timer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from app.engine import Run, RunLimits, RunSummary
from app.hosting import HostFactory
from app.pacing import GuiPacer
from app.profile import Account
from app.thread_host import ThreadHost
from app.ui.error_model import ErrorTableModel
from app.ui.task_model import TaskTableModel

log = logging.getLogger("sendreceive.ui")

REFRESH_INTERVAL_MS = 33  # ≤ 30 Hz: the GUI pulls snapshots; providers never push


class SendReceiveController(QObject):
    """Owns the current run and the two models that show it."""

    run_started = Signal(object)  # Run
    refreshed = Signal()
    run_finished = Signal(object)  # RunSummary

    def __init__(
        self,
        store_root: Path,
        limits: RunLimits,
        parent: QObject | None = None,
        hosts: HostFactory = ThreadHost,
    ) -> None:
        super().__init__(parent)
        self._store_root = store_root
        self._limits = limits
        self._hosts = hosts
        self.task_model = TaskTableModel()
        self.error_model = ErrorTableModel()
        self.run: Run | None = None
        self.last_summary: RunSummary | None = None  # set once the finished run is shown
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

    def start(self, accounts: Sequence[Account], on_demand: bool = True) -> Run | None:
        """Start a run of ``accounts``; ``None`` if one is already going (as Outlook does,
        a second Send/Receive waits for the user, it does not pile up). Scheduled runs
        (``on_demand=False``) pass SYNC_BACKGROUND instead of SYNC_ON_DEMAND."""
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
        self.task_model.set_run(run)
        self.error_model.set_log(run.error_log)
        self._execution = asyncio.ensure_future(run.execute())
        self._execution.add_done_callback(self._on_finished)
        self.pacer.beat()
        self._beat_timer.start()
        self._refresh_timer.start()
        self.run_started.emit(run)
        return run

    def cancel_all(self) -> None:
        if self.run is not None:
            self.run.cancel_all()
            self.refresh()

    def cancel_task(self, row: int) -> None:
        if self.run is not None and 0 <= row < len(self.run.tasks):
            self.run.tasks[row].cancel()
            self.refresh()

    def refresh(self, exact: bool = False) -> None:
        self.task_model.refresh(exact)
        self.error_model.refresh()
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
        self.last_summary = execution.result()
        self.run_finished.emit(self.last_summary)
