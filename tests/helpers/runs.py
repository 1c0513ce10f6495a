"""A run of the engine in a test's own event loop, with limits short enough for tests."""

from __future__ import annotations

import asyncio

from sendreceive.hosting.thread.host import ThreadHost
from sendreceive.run.send_receive import Run, RunLimits

FAST = RunLimits(
    max_parallel=4,
    stall_timeout=5.0,
    cancel_grace=2.0,
    done_event_grace=0.2,
    watchdog_interval=0.02,
)


def run(accounts, tmp_path, limits=FAST, during=None):
    """Execute a run; ``during(run)`` is awaited alongside it (to cancel, for example).
    On threads: the tests' providers are objects that only this process holds."""
    the_run = Run(accounts, tmp_path, limits, host_factory=ThreadHost)

    async def main():
        execution = asyncio.ensure_future(the_run.execute())
        if during is not None:
            await during(the_run)
        return await execution

    summary = asyncio.run(main())
    return the_run, summary


async def wait_for(condition, timeout=10.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.005)


def task_of(run, account):
    """The one task of ``run`` for ``account`` (a name)."""
    (found,) = [t for t in run.tasks if t.account.name == account]
    return found
