"""Starting the GUI: bad input is a message box, and the real program exits cleanly
after a run full of hung providers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

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


def test_gui_exits_cleanly_after_abandoning_providers(tmp_path):
    """The real app on the hostile profile: run, close the window, release the abandoned
    provider threads while it shuts down; the process still ends with 0."""
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from app.ui import application
        from providers.faulty import wake_hung_providers

        opened = application.open_main_window

        def open_and_close_when_done(options, settings=None):
            window = opened(options, settings)

            def close():
                window.close()
                wake_hung_providers()  # abandoned threads run on while the app shuts down

            window.controller.run_finished.connect(lambda _: QTimer.singleShot(0, close))
            return window

        application.open_main_window = open_and_close_when_done
        sys.argv = ["sendreceive", "--profile", {str(ROOT / "resources" / "faulty-profile.toml")!r},
                    "--run", "--store-dir", {str(tmp_path)!r}, "--stall-timeout", "0.5",
                    "--cancel-grace", "0.5", "--task-timeout", "1.5"]
        from app.cli import main
        sys.exit(main())
        """
    )
    env = dict(os.environ, SENDRECEIVE_DEMO_SPEED="20", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "abandoned task 'Hangs silently - Receiving'" in done.stderr
