"""B8 — a program provider floods the protocol: one program (``provider = "exec"``)
sends 1,000,000 ``Progress`` lines as fast as its stdout pipe takes them, while the real
dialog shows the run, the app as shipped (the program in its task's contained process).
Beside it, in the same run, B2's no-app floor: the same probe beside 50 busy processes.

Messages consumed a second run from the moment the program's side is up to the moment
the app has its ``Done``; the program itself only ``cat``s a prepared file, so it is
never the bottleneck.

Run: ``python -m bench.b8_protocol_flood``.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import shutil
import tempfile
import time
from pathlib import Path

from bench.b2_floor import LOOPS, REPEATS, busy, lateness
from bench.common import (
    LatenessProbe,
    Report,
    median,
    peak_rss_mb,
    percentile,
    qt_app,
    reset_peak_rss,
    rss_mb,
    run_on_qasync,
    wait_until,
    watchdog,
)
from sendreceive.config.profile import Account
from sendreceive.config.program_command import PROGRAM, ProgramCommand
from sendreceive.hosting.isolation import host_factory
from sendreceive.run.send_receive import RunLimits
from sendreceive.ui.controller import SendReceiveController
from sendreceive.ui.sync_dialog import SendReceiveDialog

MESSAGES = 1_000_000
RATE_TARGET = 300_000  # messages a second
FLOOR_FACTOR = 1.5  # GUI lateness p99 at most this many times the floor's
RSS_TARGET = 30  # MiB the app may grow by
PROGRAM_TEXT = """\
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
exec cat "$1"
"""


def prepare(folder: Path) -> ProgramCommand:
    """The program and the lines it sends, written once before anything is measured."""
    with (folder / "flood.jsonl").open("w") as out:
        out.writelines(
            f'{{"type":"Progress","text":null,"index":{i},"max":{MESSAGES}}}\n'
            for i in range(1, MESSAGES + 1)
        )
        out.write(
            '{"type":"Done","hresult":0}\n{"type":"returned","hresult":0,"style":"in-call"}\n'
        )
    (folder / "flood.sh").write_text(PROGRAM_TEXT)
    # The lines' file named in the command: a confined program may read the files its
    # command names, not the rest of its folder.
    return ProgramCommand.of(["sh", "flood.sh", "flood.jsonl"], folder)


def floor_p99() -> float:
    """B2's floor, no app code: the probe beside ``LOOPS`` busy processes, median of
    ``REPEATS`` runs (before the app's loop starts, on a plain Qt loop)."""
    fork = multiprocessing.get_context("fork")
    runs = [
        percentile(
            lateness(
                lambda go, stop: fork.Process(target=busy, args=(go, stop), daemon=True),
                fork.Event,
            ),
            99,
        )
        for _ in range(REPEATS)
    ]
    return median(runs)


async def flood(report: Report, command: ProgramCommand, floor: float) -> None:
    account = Account("Protocol flood", PROGRAM, command=command)
    store = Path(tempfile.mkdtemp(prefix="bench-stores-"))
    controller = SendReceiveController(
        store, RunLimits(max_parallel=1, stall_timeout=600.0), None, host_factory(None, [account])
    )
    dialog = SendReceiveDialog(controller)
    try:
        dialog.show()
        await asyncio.sleep(0.3)  # let it lay out and paint once
        reset_peak_rss()
        rss_before = rss_mb()
        probe = LatenessProbe()
        probe.start()
        run = controller.start([account])
        if run is None:
            raise RuntimeError("the controller refused to start the run")
        (task,) = run.tasks
        if not await wait_until(lambda: task.tracker.started, 30.0):
            raise RuntimeError("the program's side never came up")
        go = time.perf_counter()
        await wait_until(lambda: task.tracker.status.is_final, 120.0)
        done = time.perf_counter()
        await wait_until(lambda: run.finished, 30.0)
        probe.stop()
        state = task.snapshot()
    finally:
        controller.cancel_all()
        dialog.close()
        shutil.rmtree(store, ignore_errors=True)
    report.note(f"the task ended {state.status.value} at {state.index:,}/{state.index_max:,}")
    if state.status.value != "completed" or state.index != MESSAGES:
        raise RuntimeError("the flood did not complete: no figure of it would be the flood's")
    report.figure(
        "Progress messages consumed (up → Done)",
        MESSAGES / (done - go),
        "msg/s",
        at_least=RATE_TARGET,
        digits=0,
    )
    late = probe.lateness_ms(go, done)
    p99 = percentile(late, 99)
    report.figure(f"B2 floor: {LOOPS} busy processes, lateness p99", floor, "ms")
    report.figure("GUI lateness p99 during the flood", p99, "ms")
    report.figure(
        "GUI lateness p99 / the floor's",
        p99 / floor if floor else math.inf,
        "×",
        at_most=FLOOR_FACTOR,
    )
    report.figure("GUI lateness max during the flood", max(late, default=math.nan), "ms")
    report.figure("peak RSS growth (peak − before)", peak_rss_mb() - rss_before, "MiB", digits=1)
    report.figure(
        "RSS growth (after − before)", rss_mb() - rss_before, "MiB", at_most=RSS_TARGET, digits=1
    )


def main() -> None:
    watchdog(240)
    report = Report("B8", f"a program sends {MESSAGES:,} Progress lines (protocol v1)")
    folder = Path(tempfile.mkdtemp(prefix="bench-protocol-"))
    try:
        command = prepare(folder)
        qt_app()
        floor = floor_p99()
        run_on_qasync(lambda: flood(report, command, floor))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report.finish()


if __name__ == "__main__":
    main()
