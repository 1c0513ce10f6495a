"""B1 — the host-side cost of one callback: ``Progress``, ``Error`` (folded repeats and
distinct texts) and ``Done`` on a ``TaskTracker``, called from a provider thread, beside
a bare Python method call and a queued Qt signal per call (the design the tracker avoids).
``Progress`` is measured twice: without a pacer (headless runs) and with a ``GuiPacer``
whose heartbeat is healthy (beaten every 4 ms by a precise timer on the GUI thread, as the
controller does during a run): a checkpoint, a clock read, every 64 calls.

Every case makes ≥ 1,000,000 calls on one worker thread while the GUI thread runs an idle
Qt event loop: ``BATCHES`` batches of ``CHUNKS`` timed chunks of ``CHUNK`` calls. A batch's
figure is the median of its chunks' ns per call; a case's is the median of its batches'.
Run: ``python -m bench.b1_callbacks``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, Slot

from bench.common import Report, median, qt_app, watchdog
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import E_FAIL, S_OK
from sendreceive.tracking.error_log import ErrorLog
from sendreceive.tracking.gil_pacer import GuiPacer
from sendreceive.tracking.trace import TRACE_LIMIT
from sendreceive.tracking.tracker import TaskTracker

CHUNK = 10_000
CHUNKS = 10
BATCHES = 10
CALLS = CHUNK * CHUNKS * BATCHES
STEP = "Receiving message"

Chunk = Callable[[], None]  # makes CHUNK calls
Batch = Callable[[], Chunk]  # prepares the next chunk (untimed), per batch


class Bare:
    """The floor: a method with the callback's signature that does nothing."""

    def Progress(self, text: str, index: int, index_max: int) -> int:
        return S_OK


def started_tracker(pacer: GuiPacer | None = None, trace: bool = True) -> TaskTracker:
    limit = TRACE_LIMIT if trace else 0
    tracker = TaskTracker(TaskId("Bench", Activity.RECEIVING), ErrorLog(), pacer, limit)
    tracker.start()
    return tracker


def progress_batch(target: Bare | TaskTracker) -> Batch:
    def chunk() -> None:
        progress = target.Progress
        for i in range(CHUNK):
            progress(STEP, i, CHUNK)

    return lambda: chunk


def bare_case() -> Batch:
    return progress_batch(Bare())


def progress_case() -> Batch:
    return progress_batch(started_tracker())


def progress_untraced_case() -> Batch:
    return progress_batch(started_tracker(trace=False))


def error_repeat_case() -> Batch:
    error = started_tracker().Error

    def chunk() -> None:
        for _ in range(CHUNK):
            error(E_FAIL, "Cannot reach the server.")

    return lambda: chunk


def error_distinct_case() -> Batch:
    error = started_tracker().Error
    made = iter(range(CALLS))

    def prepare() -> Chunk:
        texts = [f"Message {next(made)} could not be downloaded" for _ in range(CHUNK)]

        def chunk() -> None:
            for text in texts:
                error(E_FAIL, text)

        return chunk

    return prepare


def done_case() -> Batch:
    log = ErrorLog()

    def prepare() -> Chunk:
        trackers = [TaskTracker(TaskId(f"Task {n}", Activity.RECEIVING), log) for n in range(CHUNK)]
        for tracker in trackers:
            tracker.start()

        def chunk() -> None:
            for tracker in trackers:
                tracker.Done(None, S_OK)

        return chunk

    return prepare


def time_batches(
    batch: Callable[[], Batch], after_batch: Callable[[], None] | None = None
) -> list[float]:
    """Per-batch median ns per call; ``after_batch`` runs untimed after each batch."""
    medians: list[float] = []
    for _ in range(BATCHES):
        prepare = batch()
        per_call: list[float] = []
        for _ in range(CHUNKS):
            chunk = prepare()
            start = time.perf_counter_ns()
            chunk()
            per_call.append((time.perf_counter_ns() - start) / CHUNK)
        if after_batch is not None:
            after_batch()
        medians.append(median(per_call))
    return medians


class Emitter(QObject):
    progress = Signal(str, int, int)
    finished = Signal()


class Receiver(QObject):
    """Lives in the GUI thread; counts the queued calls it is delivered."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.target = 0
        self.drained = threading.Event()
        self.delivered_on: set[int] = set()  # thread ids the slot ran on

    def expect(self, calls: int) -> None:
        self.count, self.target = 0, calls
        self.drained.clear()

    @Slot(str, int, int)
    def on_progress(self, text: str, index: int, index_max: int) -> None:
        if not self.count:
            self.delivered_on.add(threading.get_ident())
        self.count += 1
        if self.count >= self.target:
            self.drained.set()


class QueuedSignal:
    """One queued signal per call, from the worker thread to the GUI thread."""

    def __init__(self, emitter: Emitter, receiver: Receiver) -> None:
        self.emitter, self.receiver = emitter, receiver
        self.end_to_end: list[float] = []  # ns per call, emit start → all delivered
        self._batch_start = 0

    def batch(self) -> Batch:
        self.receiver.expect(CHUNK * CHUNKS)
        self._batch_start = time.perf_counter_ns()
        emit = self.emitter.progress.emit

        def chunk() -> None:
            for i in range(CHUNK):
                emit(STEP, i, CHUNK)

        return lambda: chunk

    def wait_drained(self) -> None:
        if not self.receiver.drained.wait(120):
            raise TimeoutError("the GUI thread did not drain the queued signals in 120 s")
        elapsed = time.perf_counter_ns() - self._batch_start
        self.end_to_end.append(elapsed / (CHUNK * CHUNKS))


PROGRESS, PROGRESS_PACED = "Progress, no pacer (headless)", "Progress, pacer, healthy beat"
PROGRESS_UNTRACED = "Progress, no pacer, tracing off"
QUEUED_EMIT, QUEUED_DELIVERED = "queued Qt signal, emit side", "queued Qt signal, emit → delivered"


def measure_all(queued: QueuedSignal, pacer: GuiPacer) -> dict[str, list[float]]:
    """Runs on the provider (worker) thread; ``pacer`` is beaten from the GUI thread."""
    results = {
        "bare method call": time_batches(bare_case),
        PROGRESS: time_batches(progress_case),
        PROGRESS_UNTRACED: time_batches(progress_untraced_case),
        PROGRESS_PACED: time_batches(lambda: progress_batch(started_tracker(pacer))),
        "Error, identical text (folds)": time_batches(error_repeat_case),
        "Error, distinct texts (appends)": time_batches(error_distinct_case),
        "Done (fresh tracker each call)": time_batches(done_case),
        QUEUED_EMIT: time_batches(queued.batch, queued.wait_drained),
    }
    results[QUEUED_DELIVERED] = queued.end_to_end
    return results


def heartbeat(pacer: GuiPacer) -> QTimer:
    """Beat ``pacer`` from the GUI thread as ``SendReceiveController`` does during a run."""
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(round(pacer.beat_interval * 1000))
    timer.timeout.connect(pacer.beat)
    pacer.beat()
    timer.start()
    return timer


def main() -> None:
    watchdog(170)
    report = Report("B1", f"callback cost, ns per call ({CALLS:,} calls per case)")
    app = qt_app()
    emitter, receiver = Emitter(), Receiver()
    emitter.progress.connect(receiver.on_progress)
    loop = QEventLoop()
    emitter.finished.connect(loop.quit)
    pacer = GuiPacer()
    beat = heartbeat(pacer)
    results: dict[str, list[float]] = {}
    failure: list[BaseException] = []

    def worker() -> None:
        try:
            results.update(measure_all(QueuedSignal(emitter, receiver), pacer))
        except BaseException as exc:
            failure.append(exc)
        finally:
            emitter.finished.emit()

    thread = threading.Thread(target=worker, name="provider:bench-b1", daemon=True)
    QTimer.singleShot(0, thread.start)
    QTimer.singleShot(160_000, loop.quit)
    loop.exec()
    thread.join(5)
    beat.stop()
    app.processEvents()
    if failure:
        raise failure[0]
    queued_to_gui = receiver.delivered_on == {threading.get_ident()}
    report.note(f"queued signal delivered on the GUI thread only: {queued_to_gui}")
    report.note(
        f"pacer: the worker stepped aside {pacer.waits:,} times in {CALLS // 64:,} checkpoints"
    )
    figures = {name: median(values) for name, values in results.items()}
    for name, values in results.items():
        report.note(f"{name}: batch medians {min(values):,.0f}–{max(values):,.0f} ns")
    for name, value in figures.items():
        bound = 1000.0 if name in (PROGRESS, PROGRESS_PACED, PROGRESS_UNTRACED) else None
        report.figure(name, value, "ns/call", at_most=bound, digits=0)
    report.figure(
        "Progress, tracing on ÷ off",
        figures[PROGRESS] / figures[PROGRESS_UNTRACED],
        "×",
        at_most=1.3,
    )
    bare = figures["bare method call"]
    for label, key in (("no pacer", PROGRESS), ("pacer", PROGRESS_PACED)):
        progress = figures[key]
        report.figure(f"Progress ({label}) ÷ bare method call", progress / bare, "×")
        for side, queued in (("emit side", QUEUED_EMIT), ("emit → delivered", QUEUED_DELIVERED)):
            report.figure(
                f"queued signal ({side}) ÷ Progress ({label})",
                figures[queued] / progress,
                "×",
                at_least=5,
            )
    report.finish()


if __name__ == "__main__":
    main()
