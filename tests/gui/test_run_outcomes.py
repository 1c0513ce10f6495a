"""What the dialog and the main window say about a run: truthful counts everywhere, an
error line readable in full, runs nobody watched, and each account's last result."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QGuiApplication

from sendreceive.paths import default_log_file
from sendreceive.run.summary import Outcome, summarize
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui.account_model import AccountColumn
from sendreceive.ui.error_model import ErrorColumn
from sendreceive.ui.progress_delegate import bar_label
from sendreceive.ui.settings import ShowDialog

DATA = Path(__file__).resolve().parents[1] / "data"
FAILS_AND_CANCELS = str(DATA / "fails-and-cancels.toml")
UNKNOWN_CODE_PROVIDER = """\
from sendreceive.contract import S_OK, IID_IMAPISyncProgressCallback

TEXT = "The server closed the connection. " + "details " * 246


class Reporter:
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Error(0x800CCC0E, TEXT[:2000])
        cb.Done(None, S_OK)
        return S_OK
"""


def states(window):
    return window.controller.task_model.states()


def test_a_failed_and_a_cancelled_run_never_reads_as_success(qtbot, make_window):
    window = make_window("--profile", FAILS_AND_CANCELS, "--run")
    qtbot.waitUntil(lambda: bool(states(window)) and states(window)[2].index > 0)
    assert window.status_label.text().startswith("Send/Receive: ")
    qtbot.waitUntil(lambda: " — " in window.status_label.text())  # the current step
    window.controller.cancel_task(2)
    wait_for_run_end(qtbot, window)

    summary = window.controller.last_summary
    assert summary == summarize(states(window))
    assert summary.outcome is Outcome.FAILED
    dialog = window.dialog
    assert dialog.header.text() == (
        "1 of 4 tasks have completed successfully — 1 with errors, 1 failed, 1 cancelled"
    )
    assert window.status_label.text() == (
        f"Send/Receive failed: 1 task failed, 1 cancelled, {summary.errors} errors, "
        f"{summary.warnings} warning"
    )
    assert dialog.tabs.tabText(1) == (
        f"Errors ({summary.errors}) and warnings ({summary.warnings})"
    )
    errors = window.controller.error_model
    entries = [errors.entry(row) for row in range(errors.rowCount())]
    assert sum(e.count for e in entries if e.kind is not ErrorKind.WARNING) == summary.errors

    accounts = window.accounts_model
    by_name = {accounts.account(row).name: row for row in range(accounts.rowCount())}
    tailspin = accounts.index(by_name["Tailspin Toys"], AccountColumn.LAST_RESULT)
    assert tailspin.data().startswith("Failed: 0x80040111 (MAPI_E_LOGON_FAILED) · ")
    first_error = accounts.index(by_name["Tailspin Toys"], AccountColumn.FIRST_ERROR).data()
    assert "rejected the user name or password" in first_error
    endless = accounts.index(by_name["Endless"], AccountColumn.LAST_RESULT)
    assert endless.data().startswith("Cancelled · ")
    northwind = accounts.index(by_name["Northwind"], AccountColumn.PROBLEMS)
    assert northwind.data() == "1 error, 1 warning"


def test_the_detail_pane_shows_a_2000_character_error_whole(qtbot, make_window, tmp_path):
    provider = tmp_path / "reporter.py"
    provider.write_text(UNKNOWN_CODE_PROVIDER)
    window = make_window("--provider", f"{provider}:Reporter", "--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    dialog.tabs.setCurrentIndex(1)
    model = window.controller.error_model
    entry = model.entry(0)
    assert len(entry.text) == 2000
    assert model.index(0, ErrorColumn.CODE).data() == "0x800CCC0E"
    dialog.errors_view.setCurrentIndex(model.index(0, ErrorColumn.MESSAGE))
    detail = dialog.error_detail.toPlainText()
    assert entry.text in detail  # all of it, no "…"
    assert "Error in task 'Reporter - Receiving'" in detail
    assert "HRESULT: 0x800CCC0E: failure, facility 12 (Internet), code 0xCC0E" in detail
    assert "Reported at " in detail
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == detail


def test_details_collapse_and_expand_restore_the_users_size(qtbot, make_window):
    window = make_window()
    window.show_progress()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    dialog.resize(1100, 520)
    qtbot.waitUntil(lambda: dialog.size() == QSize(1100, 520))
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.height() < 300)
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.size() == QSize(1100, 520))


def test_a_long_step_text_stays_on_one_line_inside_its_bar():
    metrics = QFontMetrics(QFont())
    label = bar_label("Receiving " + "x" * 1_000_000, metrics, 300)
    assert label.endswith("…")
    assert "\n" not in label
    assert metrics.horizontalAdvance(label) <= 300


def test_scheduled_runs_keep_their_own_history_and_a_failure_is_announced(qtbot, make_window):
    window = make_window()
    assert window.settings.show_dialog is ShowDialog.MANUAL
    window.send_receive_all_action.trigger()  # manual: the dialog shows
    qtbot.waitUntil(lambda: window.dialog.isVisible())
    wait_for_run_end(qtbot, window)
    first = window.controller.run
    window.dialog.hide()

    window.scheduler.fire("Work")  # a scheduled run: no dialog
    qtbot.waitUntil(lambda: window.controller.run is not first)
    assert not window.dialog.isVisible()
    wait_for_run_end(qtbot, window)
    assert not window.dialog.isVisible()
    assert [r.run for r in window.controller.history] == [first, window.controller.run]
    assert window.controller.history[-1].scheduled

    # Northwind completed with an error while nobody watched: the indicator says so.
    assert window.failure_indicator.isVisible()
    assert window.failure_indicator.text() == "1 error, 1 warning"
    qtbot.mouseClick(window.failure_indicator, Qt.MouseButton.LeftButton)
    assert window.dialog.isVisible() and window.dialog.tabs.currentIndex() == 1
    assert not window.failure_indicator.isVisible()

    # The manual run is still there, with its errors.
    assert window.dialog.runs.count() == 2
    assert "(scheduled)" in window.dialog.runs.itemText(0)
    window.dialog.runs.activated.emit(1)
    assert window.controller.task_model.task(0).tracker is first.tasks[0].tracker
    assert [s.status for s in states(window)][3] is TaskStatus.FAILED


def test_clicking_the_status_bar_opens_the_dialog(qtbot, make_window):
    window = make_window()
    qtbot.waitExposed(window)
    assert not window.dialog.isVisible()
    qtbot.mouseClick(window.status_label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: window.dialog.isVisible())


def test_accounts_show_their_next_scheduled_run_and_flags_in_a_tooltip(qtbot, make_window):
    window = make_window()
    model = window.accounts_model
    names = [model.account(row).name for row in range(model.rowCount())]
    for row, name in enumerate(names):
        due = model.index(row, AccountColumn.NEXT).data()
        assert bool(due) == (name in window.profile.group("Work").accounts), name
        assert model.index(row, AccountColumn.LAST_RESULT).data() == "Not run yet"
    tooltip = model.index(0, AccountColumn.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Provider: demo-fast" in tooltip
    assert "SYNC_DOWNLOAD_CONTENTS" in tooltip


def test_view_log_opens_the_log_file_where_headless_writes_it_too(qtbot, make_window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window()
    window.view_log_action.trigger()
    assert [url.toLocalFile() for url in opened] == [str(default_log_file())]
    assert str(default_log_file()).startswith(os.environ["XDG_STATE_HOME"])
