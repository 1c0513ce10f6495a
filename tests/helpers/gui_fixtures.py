"""GUI fixtures (a pytest plugin, registered in tests/conftest.py so GUI tests anywhere
use them): the app's real window on qasync's loop, driven by pytest-qt."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings

from sendreceive.cli import build_parser, options_from_args
from sendreceive.run.send_receive import RunLimits
from sendreceive.ui.application import open_main_window
from sendreceive.ui.dialog_harness import qasync_loop as running_loop
from sendreceive.ui.language import Language
from sendreceive.ui.main_window import MainWindow
from sendreceive.ui.settings import AppSettings

GUI_LIMITS = RunLimits(
    stall_timeout=5.0, cancel_grace=3.0, done_event_grace=0.5, watchdog_interval=0.02
)


@pytest.fixture
def qasync_loop(qapp) -> Iterator[qasync.QEventLoop]:
    """qasync's loop on the Qt loop pytest-qt spins (see ``sendreceive.ui.dialog_harness``)."""
    with running_loop() as loop:
        yield loop


@pytest.fixture
def settings_file(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def install_language(qapp) -> Iterator[Callable[[str], Language]]:
    """Install a language's translations (and locale) for the test; English unless a
    test asks, whatever the machine's locale, and taken out again afterwards."""
    installed: list[Language] = []

    def install(code: str) -> Language:
        installed.append(Language(qapp, code))
        return installed[-1]

    yield install
    for each in reversed(installed):
        each.remove()


@pytest.fixture
def make_window(
    qtbot, qasync_loop, tmp_path, settings_file, monkeypatch, install_language
) -> Callable[..., MainWindow]:
    """Open the main window for command-line ``args`` (demo profile by default), in
    English unless ``--lang`` is among them."""
    monkeypatch.setenv("SENDRECEIVE_DEMO_SPEED", "20")

    def make(*args: str, limits: RunLimits = GUI_LIMITS) -> MainWindow:
        parsed = build_parser().parse_args([*args, "--store-dir", str(tmp_path / "stores")])
        options = options_from_args(parsed)
        install_language(options.language or "en")
        options = replace(options, limits=limits)
        settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = open_main_window(options, settings)
        qtbot.addWidget(window)
        return window

    return make
