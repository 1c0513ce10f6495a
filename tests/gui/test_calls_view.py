"""The Calls tab: a task's calls in order, appended as they come, filtered, violations one
key away, copied and saved; and "Save Run…"."""

import json
from types import SimpleNamespace

import pytest
from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QMessageBox

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import MAPI_E_USER_CANCEL, S_OK
from sendreceive.hosting.process import messages
from sendreceive.records import recording
from sendreceive.tracking.error_log import ErrorLog
from sendreceive.tracking.trace import DONE, PROGRESS, SYNC_CALLED, TRACE_LIMIT
from sendreceive.tracking.trace import call_line as json_line
from sendreceive.tracking.tracker import TaskTracker
from sendreceive.ui.calls_model import HOST, CallColumn, CallTableModel, call_line
from sendreceive.ui.calls_view import CallsPage

TASK = TaskId("Trace", Activity.RECEIVING)
CALLS_TAB = 2


@pytest.fixture(autouse=True)
def english(install_language):
    install_language("en")


def fake_task(tracker):
    """What the page reads of a task: its tracker, its identity, whether all arrived."""
    return SimpleNamespace(
        tracker=tracker,
        account=SimpleNamespace(task=TASK, name="Trace"),
        host=SimpleNamespace(wait_finished=lambda timeout: True),
    )


def traced():
    tracker = TaskTracker(TASK, ErrorLog())
    tracker.start()
    return tracker


def page_for(qtbot, tracker):
    page = CallsPage()
    qtbot.addWidget(page)
    page.show_task(SimpleNamespace(), fake_task(tracker))  # a run: only recordings read it
    return page


def shown(page, column=CallColumn.CALL):
    proxy = page.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_calls_are_appended_as_they_come_and_pass_the_model_tester(qtbot, qtmodeltester):
    tracker = traced()
    tracker.Progress("Step", 1, 3)
    page = page_for(qtbot, tracker)
    assert shown(page) == [PROGRESS]
    inserted = []
    page.model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    tracker.Progress("Step", 2, 3)
    tracker.Done(None, S_OK)
    page.refresh()
    assert inserted == [(1, 2)]  # only the new calls, never a reset
    assert shown(page) == [PROGRESS, PROGRESS, DONE]
    assert shown(page, CallColumn.ARGUMENTS)[0] == "'Step', 1, 3"
    assert shown(page, CallColumn.RESULT)[2] == "0x00000000 (S_OK)"
    assert page.model.index(0, CallColumn.TIME).data().replace(",", ".").count(".") == 1
    assert "3 calls" in page.note.text()
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_violations_are_marked_and_f8_goes_from_one_to_the_next(qtbot):
    tracker = traced()
    tracker.Progress("Step", 1, 2)
    tracker.Done(None, S_OK)
    tracker.Progress("late", 2, 2)  # after Done: a violation
    tracker.Done(None, MAPI_E_USER_CANCEL)  # Done twice: another
    page = page_for(qtbot, tracker)
    marked = [
        row
        for row in range(page.model.rowCount())
        if page.model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    ]
    assert marked == page.model.violation_rows() and len(marked) >= 2
    assert "contract violation" in page.note.text()
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    qtbot.keyClick(page.view, Qt.Key.Key_F8)
    assert page.view.currentIndex().row() == marked[0]
    qtbot.keyClick(page.view, Qt.Key.Key_F8)
    assert page.view.currentIndex().row() == marked[1]
    qtbot.keyClick(page.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert page.view.currentIndex().row() == marked[0]
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().split("\t")
    assert copied[2] == page.model.call(marked[0]).name and len(copied) == len(CallColumn)


def test_the_filter_shows_one_kind_of_call(qtbot):
    tracker = traced()
    tracker.Progress("Step", 1, 2)
    tracker.request_cancel()
    tracker.Done(None, MAPI_E_USER_CANCEL)
    page = page_for(qtbot, tracker)
    page.kinds.setCurrentIndex(page.kinds.findData(DONE))
    assert shown(page) == [DONE]
    page.kinds.setCurrentIndex(page.kinds.findData(HOST))
    assert shown(page) == ["cancel requested"]
    page.kinds.setCurrentIndex(page.kinds.findData(""))
    assert len(shown(page)) == 3


def test_a_hundred_thousand_calls_stay_scrollable(qtbot):
    tracker = traced()
    for i in range(TRACE_LIMIT):
        tracker.Progress("Flood", i, TRACE_LIMIT)
    page = page_for(qtbot, tracker)
    page.resize(900, 400)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == TRACE_LIMIT
    header = page.view.horizontalHeader()
    assert all(
        header.sectionResizeMode(c) != QHeaderView.ResizeMode.ResizeToContents for c in CallColumn
    )
    assert page.view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.view.rowAt(page.view.viewport().height() - 1) == TRACE_LIMIT - 1)


def test_the_demo_run_shows_each_tasks_calls_and_saves_them(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    dialog.tabs.setCurrentIndex(CALLS_TAB)
    dialog.select_task(0)
    task = window.controller.task_model.task(0)
    page = dialog.calls
    # Process mode: the trace comes once the provider's process has ended.
    qtbot.waitUntil(lambda: page.model.rowCount() == task.tracker.traced > 0)
    assert page.model.call(0).name == SYNC_CALLED
    assert DONE in shown(page)

    target = tmp_path / "contoso.jsonl"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Recording (*.jsonl)")
    )
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = recording.read(target)
    assert len(saved.calls) == page.model.rowCount()

    runs = tmp_path / "runs"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(runs))
    qtbot.mouseClick(dialog.save_run_button, Qt.MouseButton.LeftButton)
    files = recording.recordings_in(runs)
    assert len(files) == len(window.controller.shown.run.tasks)
    accounts = {json.loads(f.read_text().splitlines()[0])["account"] for f in files}
    assert accounts == {t.account.name for t in window.controller.shown.run.tasks}


def test_the_model_keeps_the_latest_calls_within_its_limit(qtbot, qtmodeltester):
    tracker = traced()
    model = CallTableModel(limit=100)
    model.set_task(fake_task(tracker))
    for i in range(300):
        tracker.Progress("Step", i, 300)
        if i % 7 == 0:
            tracker.Done(None, S_OK)  # the first ends the task; the others are violations
        model.refresh()
    assert 100 <= model.rowCount() <= 110
    assert model.call(model.rowCount() - 1).args == ("Step", 299, 300)
    rows = model.violation_rows()
    assert rows and all(model.call(row).violation for row in rows)
    assert len(rows) == model.violation_count
    assert sum(model.call(row).violation for row in range(model.rowCount())) == len(rows)
    qtmodeltester.check(model)


def test_save_writes_the_selected_calls_as_text_or_says_why_it_cannot(qtbot, tmp_path, monkeypatch):
    tracker = traced()
    tracker.Progress("Step", 1, 2)
    tracker.Done(None, S_OK)
    page = page_for(qtbot, tracker)
    page.view.selectRow(1)
    target = tmp_path / "calls.txt"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(target), "Selected calls as text (*.txt)"),
    )
    page.save()
    assert target.read_text().splitlines() == [call_line(page.model.call(1))]

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    target = tmp_path / "missing" / "calls.txt"
    page.save()
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert "Choose another place" in warnings[0] and "Traceback" not in warnings[0]


def test_a_process_trace_replaces_what_the_app_traced_while_it_ran(qtbot):
    """Process mode: the app traces its own steps (a cancel) while the provider's process
    runs; the process's whole trace, sent at its end, then replaces them."""
    tracker = traced()
    tracker.request_cancel()
    page = page_for(qtbot, tracker)
    assert shown(page) == ["cancel requested"]
    child = traced()
    child.Progress("Step", 1, 2)
    child.request_cancel()
    child.Done(None, MAPI_E_USER_CANCEL)
    remote = child.trace_since(0).calls
    tracker.absorb_trace(
        messages.trace_frame([json_line(call) for call in remote], 0), messages.decode_trace_frame
    )
    page.refresh()
    assert shown(page) == [PROGRESS, "cancel requested", DONE]
    assert page.model.rowCount() == tracker.traced
