"""Start the GUI: a QApplication driven by qasync, so the engine's asyncio code runs on
the Qt event loop."""

from __future__ import annotations

import asyncio
import os
import sys

import qasync
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sendreceive.bundled import resource
from sendreceive.options import Options
from sendreceive.process_guard import count_atexit_handlers_as_the_hosts
from sendreceive.ui.cycle_collector import GuiThreadCollector
from sendreceive.ui.language import Language, choose
from sendreceive.ui.main_window import MainWindow
from sendreceive.ui.settings import APPLICATION, ORGANIZATION, AppSettings


def create_application() -> QApplication:
    # Qt's raster painting hands each tall fill to helper threads and waits for them.
    # With providers keeping every CPU busy, each hand-over costs the GUI thread a wait
    # for a CPU, twice (bench B2: ~2,500 wake-ups a second, half the GUI's lateness);
    # a dialog this size paints faster on one thread. Read when Qt first paints.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(resource("icon.svg"))))
    return app


def open_main_window(options: Options, settings: AppSettings | None = None) -> MainWindow:
    """The window as the user sees it at launch (also what the GUI tests start)."""
    window = MainWindow(options, settings)
    window.show()
    if options.profile_error is not None:
        window.show_profile_error()
    elif options.run_at_start:
        QTimer.singleShot(0, window.send_receive_all)
    return window


async def _until_closed(options: Options) -> int:
    window = open_main_window(options)
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_closed() -> None:
        if not closed.done():
            closed.set_result(None)

    window.closed.connect(on_closed)
    await closed
    return 2 if options.profile_error is not None else 0  # as headless: nothing was run


def show_startup_error(text: str) -> None:
    """Bad command-line input, shown as a message rather than only on a terminal the
    user may not see (in the remembered or the system's language: ``--lang`` may be the
    bad input)."""
    app = create_application()
    Language(app, choose(None, AppSettings().language))
    title = QCoreApplication.translate("Application", "Send/Receive Workbench cannot start")
    QMessageBox.critical(None, title, text)


def run_gui(options: Options) -> int:
    app = create_application()
    count_atexit_handlers_as_the_hosts()  # Qt's own, registered by now
    Language(app, choose(options.language, AppSettings().language))
    collector = GuiThreadCollector(app)
    collector.start()
    try:
        return int(qasync.run(_until_closed(options)))
    finally:
        collector.stop()
