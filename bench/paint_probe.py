"""B5's child process: start the app exactly as ``python main.py ARGS`` does, print one
line as soon as its first window has painted, and exit at once.

``python -m bench.paint_probe window [ARGS]`` watches the main window,
``dialog [ARGS]`` the Send/Receive dialog (give ``--run``), ``bare`` a bare QMainWindow
(the floor: Python + Qt + one painted window, no app code).
"""

from __future__ import annotations

import os
import sys
from typing import Any


def watch_first_paint(widget: Any) -> None:
    """Print ``painted`` and exit once ``widget``'s first paint pass has completed."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, done)  # after the whole paint pass
            return False

    def done() -> None:
        print("painted", flush=True)
        os._exit(0)

    widget.installEventFilter(FirstPaint(widget))


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    qt = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(720, 420)
    watch_first_paint(window)
    window.show()
    qt.exec()


def app_main(target: str, args: list[str]) -> int:
    import sendreceive.ui.application as application
    from sendreceive.cli import main

    opened = application.open_main_window

    def open_and_watch(options: Any, settings: Any = None) -> Any:
        window = opened(options, settings)
        watch_first_paint(window.dialog if target == "dialog" else window)
        return window

    application.open_main_window = open_and_watch
    return main(args)


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "bare":
        bare()
    else:
        sys.exit(app_main(mode, rest))
