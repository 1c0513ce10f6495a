"""The hostile protocol peers in the real program's window (offscreen), in a process of
its own: the GUI thread keeps serving a timer while the programs misbehave (a million
Progress lines among them), and every task ends with the state the headless run gives
it. A process of its own, because this run leaves the test process's Qt with a timer
of a deleted object that crashed a later GUI test's event loop (not yet understood);
the app itself always runs in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from helpers.hostile_programs import EXPECTED, GOOD, PROFILE
from helpers.program import ROOT

FROZEN_S = 2.0  # a gap this long means the GUI thread was blocked, not merely busy
RESULT = "HOSTILE-PROGRAMS-RESULT "

SCRIPT = textwrap.dedent(
    """
    import itertools, json, sys, time
    from PySide6.QtCore import QTimer
    from sendreceive.ui import application

    opened = application.open_main_window
    ticks = []

    def watched(options, settings=None):
        window = opened(options, settings)
        timer = QTimer(window)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(10)

        def finished(_record):
            gaps = [b - a for a, b in itertools.pairwise(ticks)]
            states = {
                s.task.account: [s.status.value, s.result, s.index]
                for s in window.controller.task_model.states()
            }
            found = {"ticks": len(ticks), "longest_gap": max(gaps), "states": states}
            print(RESULT + json.dumps(found), flush=True)
            QTimer.singleShot(0, window.close)

        window.controller.run_finished.connect(finished)
        return window

    application.open_main_window = watched
    sys.argv = ["sendreceive", *ARGS]
    from sendreceive.cli import run
    run()
    """
)


def test_hostile_programs_in_the_window_keep_the_gui_responsive(tmp_path):
    args = ["--profile", str(PROFILE), "--run", "--store-dir", str(tmp_path / "stores")]
    args += ["--log-file", str(tmp_path / "log"), "--lang", "en"]
    script = f"RESULT = {RESULT!r}\nARGS = {args!r}\n{SCRIPT}"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            SENDRECEIVE_DEMO_SPEED="20",
            XDG_CONFIG_HOME=str(tmp_path / "config"),
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    assert len(lines) == 1, done.stdout + done.stderr
    found = json.loads(lines[0].removeprefix(RESULT))
    print(f"\nGUI timer: {found['ticks']} ticks, longest gap {found['longest_gap'] * 1000:.1f} ms")
    assert found["ticks"] > 50
    assert found["longest_gap"] < FROZEN_S
    states = found["states"]
    for account in GOOD:
        assert states[account][0] == "completed", account
    for account, documented in EXPECTED.items():
        assert states[account] == [
            documented.status.value,
            documented.result,
            documented.index,
        ], account
