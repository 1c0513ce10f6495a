"""A provider run in the real Send/Receive dialog, for tests driven by pytest-qt: what
``sendreceive.show`` (``sendreceive.pytest_plugin``) and the project's own GUI fixtures use."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import qasync

from sendreceive.config.profile import Account
from sendreceive.hosting.host import HostFactory
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.ui.application import create_application
from sendreceive.ui.controller import SendReceiveController
from sendreceive.ui.sync_dialog import SendReceiveDialog

RUN_TIMEOUT_MS = 30_000


@contextmanager
def qasync_loop() -> Iterator[qasync.QEventLoop]:
    """qasync's loop marked running on the Qt loop pytest-qt spins, so the engine's
    coroutines advance while ``qtbot.waitUntil`` waits, as they do in the app."""
    app = create_application()
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        # loop.stop() would call QApplication.exit(), which poisons the next test's Qt
        # event processing; the loop never ran exec(): only its "running" mark goes.
        loop._QEventLoop__is_running = False
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()
        # Collect the test's Qt objects (the loop's timers and signallers sit in reference
        # cycles) here, on the GUI thread: left to a later collection, they could be
        # destroyed on whichever thread triggers it, a provider thread of the next test.
        gc.collect()


def run_in_dialog(
    qtbot: Any,
    account: Account,
    store_root: Path,
    limits: RunLimits,
    hosts: HostFactory,
    timeout_ms: int = RUN_TIMEOUT_MS,
) -> tuple[SendReceiveDialog, Run]:
    """Show the dialog, run ``account`` in it until the dialog shows the end, and select
    its task (so the Calls tab shows its calls). Needs a running ``qasync_loop``."""
    controller = SendReceiveController(store_root, limits, hosts=hosts)
    dialog = SendReceiveDialog(controller)
    controller.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    run = controller.start([account])
    assert run is not None  # a fresh controller runs nothing yet

    def shown_to_the_end() -> None:
        assert controller.last_summary is not None

    qtbot.waitUntil(shown_to_the_end, timeout=timeout_ms)
    run.settle()
    dialog.select_task(0)
    dialog.calls.refresh()
    return dialog, run
