"""Waiting on the GUI the pytest-qt way: for a condition, never for a fixed time."""

from __future__ import annotations

from typing import Any

from sendreceive.ui.main_window import MainWindow


def wait_for_run_end(qtbot: Any, window: MainWindow, timeout: int = 20_000) -> None:
    def finished() -> None:
        assert window.controller.last_summary is not None  # shown, not only ended

    qtbot.waitUntil(finished, timeout=timeout)
