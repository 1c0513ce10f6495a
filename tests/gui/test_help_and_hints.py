"""What a person finds without the README: a hint of what to do first, Help ▸ About
with the versions and files a bug report needs, and the keyboard shortcuts."""

from __future__ import annotations

import platform

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from sendreceive import __version__
from sendreceive.paths import default_profile_file
from sendreceive.ui.error_model import ErrorColumn


def test_the_window_says_what_to_do_until_the_first_run(qtbot, make_window):
    make_window().close()  # the first start: its note says it
    window = make_window()
    assert window.first_start_note is None
    assert window.empty_hint.isVisibleTo(window)
    assert "Press F9 to Send/Receive all accounts" in window.empty_hint.text()
    assert "Tools ▸ Account Settings" in window.empty_hint.text()
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    assert not window.empty_hint.isVisibleTo(window)


def test_about_names_the_versions_and_the_files(qtbot, make_window):
    window = make_window()
    text = window.show_about().text.text()
    assert f"Send/Receive Workbench {__version__}" in text
    assert f"Python {platform.python_version()}" in text
    assert str(window.log_file()) in text
    assert str(default_profile_file()) in text


def test_keyboard_shortcuts_lists_each_bound_action_once(qtbot, make_window):
    table = make_window().show_shortcuts().table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Send/Receive All"] == "F9"
    assert rows["Send/Receive Selected Account"] == "Shift+F9"
    assert rows["Define Send/Receive Groups"] == "Ctrl+Alt+S"
    assert table.rowCount() == len(rows)


def test_ctrl_tab_switches_the_dialogs_tabs_from_inside_a_table(qtbot, make_window):
    window = make_window()
    dialog = window.dialog
    window.show_progress()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.tasks_view.setFocus()
    assert dialog.tabs.currentIndex() == 0
    qtbot.keyClick(dialog.tasks_view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == 1
    qtbot.keyClick(
        dialog.focusWidget(),
        Qt.Key.Key_Backtab,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert dialog.tabs.currentIndex() == 0
    dialog.tabs.switch(-1)  # wraps
    assert dialog.tabs.currentIndex() == dialog.tabs.count() - 1


def test_the_new_message_controls_have_accessible_names(qtbot, make_window):
    message = make_window().new_message()
    names = [
        w.accessibleName()
        for w in (message.account, message.address, message.to, message.cc, message.subject,
                  message.body, message.attachments)
    ]  # fmt: skip
    assert all(names) and len(set(names)) == len(names)


def test_the_dialogs_size_split_and_error_columns_are_remembered(qtbot, make_window):
    window = make_window()
    dialog = window.dialog
    window.show_progress()
    qtbot.waitExposed(dialog)
    dialog.resize(700, 500)
    header = dialog.errors_view.horizontalHeader()
    header.resizeSection(ErrorColumn.CODE, 150)
    dialog.errors_split.setSizes([200, 180])
    split = dialog.errors_split.sizes()
    qtbot.waitUntil(lambda: dialog.size() == QSize(700, 500))
    window.close()

    again = make_window().dialog
    assert again.size() == QSize(700, 500)
    assert again.errors_view.horizontalHeader().sectionSize(ErrorColumn.CODE) == 150
    assert again.errors_split.sizes() == split
