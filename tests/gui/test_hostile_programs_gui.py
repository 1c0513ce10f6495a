"""The hostile protocol peers in the dialog: the GUI thread keeps serving a timer while
the programs misbehave (a million Progress lines among them), and every task ends with
the state the headless run gives it."""

from __future__ import annotations

import itertools
import time

from helpers.gui_waits import wait_for_run_end
from helpers.hostile_programs import EXPECTED, GOOD, LIMITS, PROFILE
from PySide6.QtCore import QTimer

TICK_MS = 10
FROZEN_S = 2.0  # a gap this long means the GUI thread was blocked, not merely busy


def test_hostile_programs_in_the_dialog_keep_the_gui_responsive(qtbot, make_window):
    window = make_window("--profile", str(PROFILE), limits=LIMITS)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(TICK_MS)
    try:
        window.send_receive_all_action.trigger()
        wait_for_run_end(qtbot, window, timeout=60_000)
    finally:
        timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    print(f"\nGUI timer: {len(ticks)} ticks, longest gap {max(gaps) * 1000:.1f} ms")
    assert len(ticks) > 50
    assert max(gaps) < FROZEN_S

    states = {s.task.account: s for s in window.controller.task_model.states()}
    for account in GOOD:
        assert states[account].status.is_success, account
    for account, documented in EXPECTED.items():
        state = states[account]
        assert (state.status, state.result, state.index) == (
            documented.status,
            documented.result,
            documented.index,
        ), account
