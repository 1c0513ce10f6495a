"""Starting the GUI: bad input is a message box, and the real program exits cleanly
after a run full of hung providers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.hostile import LIMIT_ARGS
from helpers.program import run_window_program
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sendreceive.ui.application import show_startup_error

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
        assert "atexit handler" not in done.stderr  # PySide6's own is not reported
        return
    assert "abandoned task 'Hangs silently'" in done.stderr
    assert "left behind at exit: thread 'faulty-lingering' (non-daemon)" in done.stderr
    assert "left behind at exit: thread 'provider:Hangs silently'" in done.stderr
    # the provider's atexit handler, and not PySide6's
    assert "left behind at exit: 1 atexit handler(s) registered after start-up" in done.stderr


PAINT_A_LARGE_GRADIENT = """
import glob
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from sendreceive.ui.application import create_application

app = create_application()
image = QImage(1000, 1000, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
gradient = QLinearGradient(0, 0, 1000, 1000)
gradient.setColorAt(0, QColor("red"))
gradient.setColorAt(1, QColor("blue"))
painter.fillRect(image.rect(), gradient)
painter.end()
print(sorted({open(task + "/comm").read().strip() for task in glob.glob("/proc/self/task/*")}))
"""


@pytest.mark.parametrize("app_default", [True, False])
def test_the_app_paints_on_its_own_thread(app_default):
    """Qt hands tall fills to helper threads and waits for them; with providers keeping
    the CPUs busy each hand-over cost the GUI thread a wait for a CPU (bench B2), so the
    app paints on the GUI thread alone. Checked against Qt's own default."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    script = PAINT_A_LARGE_GRADIENT
    if not app_default:  # the same painting, with Qt as it comes
        script = script.replace("app = create_application()", "app = QApplication([])")
        script = "from PySide6.QtWidgets import QApplication\n" + script
    threads = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    ).stdout
    assert ("Thread (pooled)" in threads) is not app_default, threads
