"""Starting the GUI: bad input is a message box, and the real program exits cleanly
after a run full of hung providers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.hostile import LIMIT_ARGS
from helpers.program import run_window_program
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.application import show_startup_error

ROOT = Path(__file__).resolve().parents[2]


def test_startup_error_is_a_message_box(qtbot):
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    show_startup_error("--provider nope.py:Hello: cannot read provider file nope.py")
    assert seen == ["--provider nope.py:Hello: cannot read provider file nope.py"]


@pytest.mark.parametrize("mode", ["thread", "process"])
def test_gui_exits_when_its_window_closes_whatever_providers_left(tmp_path, mode):
    """The real app on the hostile profile: run, close the window. Abandoned provider
    threads, a non-daemon thread, an executor job and an atexit handler that all wait
    forever do not keep it from exiting with 0, and the log names what was left. In
    process mode nothing is left: those providers' processes were stopped or ended."""
    done = run_window_program(
        [
            "--profile",
            str(ROOT / "resources" / "faulty-profile.toml"),
            "--run",
            "--store-dir",
            str(tmp_path),
            *LIMIT_ARGS,
            "--isolation",
            mode,
        ],
        close_when_run_ends=True,
        SENDRECEIVE_DEMO_SPEED="20",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    if mode == "process":
        assert "abandoned task" not in done.stderr  # stopped, not abandoned
        assert "left behind at exit: thread" not in done.stderr
        return
    assert "abandoned task 'Hangs silently'" in done.stderr
    assert "left behind at exit: thread 'faulty-lingering' (non-daemon)" in done.stderr
    assert "left behind at exit: thread 'provider:Hangs silently'" in done.stderr
