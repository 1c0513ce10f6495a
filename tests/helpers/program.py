"""The real program in a subprocess, as a user starts it, with its window closed by
itself (when the run ends, or at once) so a GUI test needs no one to click."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_program(args: list[str], env: dict[str, str] | None = None):
    """``python main.py ARGS`` from the checkout."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=dict(os.environ) if env is None else env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_window_program(args: list[str], close_when_run_ends: bool, **env: str):
    """``sendreceive ARGS`` with a window (offscreen) that closes itself once its run
    ends, or as soon as it opens."""
    close = (
        "window.controller.run_finished.connect(lambda _: QTimer.singleShot(0, window.close))"
        if close_when_run_ends
        else "QTimer.singleShot(0, window.close)"
    )
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtCore import QTimer
        from sendreceive.ui import application

        opened = application.open_main_window

        def open_and_close(options, settings=None):
            window = opened(options, settings)
            {close}
            return window

        application.open_main_window = open_and_close
        sys.argv = ["sendreceive", *{args!r}]
        from sendreceive.cli import run
        run()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
