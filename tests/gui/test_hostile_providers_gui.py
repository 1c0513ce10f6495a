"""The hostile catalogue in the dialog: the GUI thread keeps serving a timer while the
providers misbehave, every task ends as documented, and the window still works after."""

from __future__ import annotations

import itertools
import time

import pytest
from helpers.gui_waits import wait_for_run_end
from helpers.hostile import DEMO, LIMITS, MODES, PROFILE, expected, keep_stdio
from PySide6.QtCore import QTimer

from sendreceive.providers.faulty import wake_hung_providers
from sendreceive.run.summary import Outcome, summarize
from sendreceive.tracking.error_log import ErrorKind

TICK_MS = 10
FROZEN_S = 2.0  # a gap this long means the GUI thread was blocked, not merely busy


@pytest.mark.parametrize("mode", MODES)
def test_catalogue_in_the_dialog_keeps_the_gui_responsive(qtbot, make_window, mode):
    window = make_window("--profile", str(PROFILE), "--isolation", mode, limits=LIMITS)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(TICK_MS)
    try:
        with keep_stdio():
            window.send_receive_all_action.trigger()
            wait_for_run_end(qtbot, window, timeout=30_000)
    finally:
        timer.stop()
        wake_hung_providers()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    print(f"\nGUI timer: {len(ticks)} ticks, longest gap {max(gaps) * 1000:.1f} ms")
    assert len(ticks) > 50
    assert max(gaps) < FROZEN_S

    states = {s.task.account: s for s in window.controller.task_model.states()}
    for account in DEMO:
        assert states[account].status.is_success
    for account, documented in expected(mode).items():
        assert (states[account].status, states[account].result) == (
            documented.status,
            documented.result,
        ), account
    summary = summarize(states.values())
    assert window.controller.last_summary == summary
    assert window.dialog.header.text().startswith(
        f"{summary.succeeded} of {len(states)} tasks have completed successfully — "
    )
    assert summary.outcome is Outcome.FAILED
    assert window.status_label.text().startswith("Send/Receive failed: ")
    error_log = window.controller.run.error_log
    assert summary.errors == error_log.count(ErrorKind.ERROR, ErrorKind.VIOLATION)
    assert summary.warnings == error_log.count(ErrorKind.WARNING)
    assert window.dialog.tabs.tabText(1) == (
        f"Errors ({summary.errors:,}) and warnings ({summary.warnings:,})"
    )
    flood_rows = [
        window.controller.error_model.entry(r)
        for r in range(window.controller.error_model.rowCount())
        if window.controller.error_model.entry(r).task.account == "Error flood"
    ]
    assert [e.count for e in flood_rows] == [100_000]

    # The window is still usable: a second Send/Receive runs and ends.
    with keep_stdio():
        window.send_receive_group("All Accounts")
        wait_for_run_end(qtbot, window, timeout=30_000)
    wake_hung_providers()
