"""B6 — provider start-up and provider processes: F9 → the first ``Progress`` shown in
the dialog's model, for one provider and for 50 at once; ``Progress`` cost inside a
provider's process (B1 there); the memory of one idle provider process. Thread and
process isolation side by side, in the same run.

Run: ``python -m bench.b6_startup``. Process isolation's first run also starts the fork
server (``sendreceive.hosting.process.fork_server``); its later runs fork from it ("warm").
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from bench.common import Report, median, run_on_qasync, wait_until, watchdog
from bench.flood_providers import GO
from bench.harness import accounts
from sendreceive.config.profile import Account
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.process.host import ProcessHost
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.ui.controller import SendReceiveController

REPEATS = 5


async def first_progress(isolation: str, how_many: int) -> tuple[float, float]:
    """F9 (``controller.start``) → the first task, and every task, shown with its first
    ``Progress`` in the tasks model (seconds)."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-b6-"))
    go = scratch / GO
    spec = "bench.flood_providers:Quick"
    run_accounts = accounts(spec, how_many, "Quick", go_folder=str(scratch))
    limits = RunLimits(max_parallel=how_many, stall_timeout=600.0)
    hosts = host_factory(isolation, run_accounts)
    controller = SendReceiveController(scratch / "stores", limits, None, hosts)
    started = time.perf_counter()
    run = controller.start(run_accounts)
    assert run is not None
    first = every = None

    def shown() -> bool:
        nonlocal first, every
        states = controller.task_model.states()
        moving = sum(state.index > 0 for state in states)
        now = time.perf_counter()
        if moving and first is None:
            first = now - started
        if moving == how_many and every is None:
            every = now - started
        return every is not None

    await wait_until(shown, 30.0, poll=0.001)
    go.write_text("go")
    await wait_until(lambda: run.finished, 30.0)
    assert first is not None
    assert every is not None
    return first, every


async def startup(report: Report) -> None:
    for isolation in ("thread", "process"):
        cold = await first_progress(isolation, 1)
        singles = [(await first_progress(isolation, 1))[0] for _ in range(REPEATS)]
        fifties = [(await first_progress(isolation, 50))[1] for _ in range(3)]
        label = f"[{isolation}]"
        report.figure(f"{label} F9 → first Progress shown, first run", cold[0] * 1000, "ms")
        report.figure(
            f"{label} F9 → first Progress shown (median of {REPEATS})",
            median(singles) * 1000,
            "ms",
            at_most=250,
        )
        report.figure(
            f"{label} 50 providers: F9 → all shown running (median of 3)",
            median(fifties) * 1000,
            "ms",
            at_most=2000,
        )


def progress_in_child(report: Report) -> None:
    for isolation in ("thread", "process"):
        account = Account(f"B1 {isolation}", "bench.flood_providers:TimesProgress")
        hosts = host_factory(isolation, [account])
        run = Run([account], Path(tempfile.mkdtemp()), RunLimits(), host_factory=hosts)
        asyncio.run(run.execute())
        said = run.tasks[0].snapshot().step.split()
        report.figure(
            f"[{isolation}] Progress inside the provider's side (headless)",
            float(said[1]),
            "ns/call",
            at_most=1000 if isolation == "process" else None,
        )


def memory_of_a_provider(report: Report) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-b6-"))
    go = scratch / GO
    account = Account("Idle", "bench.flood_providers:Quick", settings={"go_folder": str(scratch)})
    run = Run([account], scratch, RunLimits(), host_factory=host_factory("process", [account]))

    async def measure() -> tuple[float, float]:
        execution = asyncio.ensure_future(run.execute())
        host = run.tasks[0].host
        assert isinstance(host, ProcessHost)
        while run.tasks[0].snapshot().index == 0:
            await asyncio.sleep(0.005)
        status = Path(f"/proc/{host.pid}/status").read_text()
        rollup = Path(f"/proc/{host.pid}/smaps_rollup").read_text()
        go.write_text("go")
        await execution
        return _kib(status, "VmRSS:") / 1024, _kib(rollup, "Pss:") / 1024

    rss, pss = asyncio.run(measure())
    report.figure("RSS of one idle provider process", rss, "MiB", at_most=30, digits=1)
    report.figure(
        "PSS of it (the pages it shares with the fork server split)",
        pss,
        "MiB",
        digits=1,
    )


def _kib(text: str, field: str) -> float:
    line = next(line for line in text.splitlines() if line.startswith(field))
    return float(line.split()[1])


def main() -> None:
    watchdog(150)
    report = Report("B6", "provider start-up, Progress in a provider's process, its memory")
    run_on_qasync(lambda: startup(report))
    progress_in_child(report)
    memory_of_a_provider(report)
    report.finish()


if __name__ == "__main__":
    main()
