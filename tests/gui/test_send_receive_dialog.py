"""The Send/Receive dialog, driven as a user drives it."""

from pathlib import Path

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from sendreceive.config.limits import EVERY_MINUTES
from sendreceive.contract import MAPI_E_LOGON_FAILED, SyncFlags
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui.error_model import ErrorColumn
from sendreceive.ui.task_model import TaskColumn
from sendreceive.ui.wording import words

DATA = Path(__file__).resolve().parents[1] / "data"
LONG = str(DATA / "long-running.toml")


def states(window):
    return window.controller.task_model.states()


def test_demo_profile_fills_the_dialog_to_the_end(qtbot, make_window):
    window = make_window()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.accounts_view, Qt.Key.Key_F9)
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    wait_for_run_end(qtbot, window)

    final = {words.task_name(s.task): s for s in states(window)}
    assert [s.status for s in final.values()] == [
        TaskStatus.COMPLETED,
        TaskStatus.COMPLETED,
        TaskStatus.WARNINGS,
        TaskStatus.FAILED,
        TaskStatus.COMPLETED,
    ]
    assert final["Contoso - Receiving"].fraction == 1.0
    assert (
        final["Fabrikam - Synchronizing"].index
        == final["Fabrikam - Synchronizing"].index_max
        == 120
    )
    assert final["Tailspin Toys - Receiving"].result == MAPI_E_LOGON_FAILED
    assert (
        words.status(final["Tailspin Toys - Receiving"])
        == "Failed: 0x80040111 (MAPI_E_LOGON_FAILED)"
    )
    assert dialog.header.text() == (
        "3 of 5 tasks have completed successfully — 1 with errors, 1 failed"
    )
    assert dialog.overall.value() == dialog.overall.maximum()
    assert dialog.tabs.tabText(1) == "Errors (2) and warnings (1)"
    errors = window.controller.error_model
    lines = [
        (index.data(), index.siblingAtColumn(ErrorColumn.MESSAGE).data())
        for index in (errors.index(row, ErrorColumn.TASK) for row in range(errors.rowCount()))
    ]
    assert (
        "Tailspin Toys - Receiving",
        "mail.tailspintoys.example rejected the user name or password. Check the account's "
        "password and try again.",
    ) in lines
    assert [errors.entry(r).kind for r in range(errors.rowCount())].count(ErrorKind.WARNING) == 1
    assert window.status_label.text() == "Send/Receive failed: 1 task failed, 2 errors, 1 warning"
    assert not dialog.cancel_all_button.isEnabled()


def test_cancel_task_cancels_that_row_while_the_others_finish(qtbot, make_window):
    window = make_window("--profile", LONG)
    window.send_receive_all_action.trigger()
    qtbot.waitUntil(lambda: states(window)[1].index > 0)
    window.dialog.select_task(1)
    assert window.dialog.cancel_task_button.isEnabled()
    qtbot.mouseClick(window.dialog.cancel_task_button, Qt.MouseButton.LeftButton)
    wait_for_run_end(qtbot, window)
    assert [s.status for s in states(window)] == [
        TaskStatus.COMPLETED,
        TaskStatus.CANCELLED,
        TaskStatus.COMPLETED,
    ]
    assert window.dialog.header.text() == ("2 of 3 tasks have completed successfully — 1 cancelled")
    assert window.status_label.text().startswith("Send/Receive failed: 1 cancelled")


def test_cancel_all(qtbot, make_window):
    window = make_window("--profile", LONG)
    window.send_receive_all_action.trigger()
    qtbot.waitUntil(lambda: states(window)[1].index > 0)
    qtbot.mouseClick(window.dialog.cancel_all_button, Qt.MouseButton.LeftButton)
    wait_for_run_end(qtbot, window)
    assert states(window)[1].status is TaskStatus.CANCELLED
    assert all(s.status.is_final for s in states(window))


def test_details_toggle_hides_and_shows_the_tabs(qtbot, make_window):
    window = make_window()
    window.show_progress()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    assert dialog.tabs.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert not dialog.tabs.isVisible()
    assert dialog.details_button.text() == "&Details >>"
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.isVisible()


def test_dont_show_is_remembered_and_honoured(qtbot, make_window):
    first = make_window()
    first.show_progress()
    first.dialog.dont_show.setChecked(True)
    first.close()
    second = make_window()
    assert second.dialog.dont_show.isChecked()
    second.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, second)
    assert not second.dialog.isVisible()
    assert second.status_label.text() == "Send/Receive failed: 1 task failed, 2 errors, 1 warning"
    assert second.failure_indicator.isVisible()  # nobody saw it fail: the indicator says so


def test_provider_from_a_file_shows_its_progress_text(qtbot, make_window):
    window = make_window(
        "--provider", f"{DATA / 'hello_provider.py'}:Hello", "--set", "count=4", "--run"
    )
    qtbot.waitUntil(
        lambda: bool(states(window)) and states(window)[0].step.startswith("Hello step")
    )
    wait_for_run_end(qtbot, window)
    (state,) = states(window)
    assert (words.task_name(state.task), state.step, state.status) == (
        "Hello - Receiving",
        "Hello step 4 of 4",
        TaskStatus.COMPLETED,
    )
    index = window.controller.task_model.index(0, TaskColumn.PROGRESS)
    assert index.data() == "Hello step 4 of 4"


def test_grab_mid_run_is_not_blank(qtbot, make_window, tmp_path):
    window = make_window("--profile", LONG, "--run")
    qtbot.waitUntil(lambda: window.dialog.isVisible() and states(window)[1].index > 0)
    path = tmp_path / "dialog.png"
    assert window.dialog.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 400 and image.height() > 200
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20  # text, bars, icons: not a flat fill
    window.controller.cancel_all()
    wait_for_run_end(qtbot, window)


def test_copy_errors_puts_the_lines_on_the_clipboard(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.count("Error in task ") == 2 and text.count("Warning in task ") == 1
    assert "HRESULT: 0x80040111 MAPI_E_LOGON_FAILED" in text
    model = window.controller.error_model
    dialog.errors_view.selectionModel().select(
        model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == words.entry_detail(model.entry(0))


def test_models_pass_the_model_tester(qtbot, qtmodeltester, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    qtmodeltester.check(window.controller.task_model)
    qtmodeltester.check(window.controller.error_model)
    qtmodeltester.check(window.accounts_model)


def test_send_receive_selected_account_runs_only_it(qtbot, make_window):
    window = make_window()
    window.accounts_view.selectRow(0)
    window.send_receive_account_action.trigger()
    wait_for_run_end(qtbot, window)
    assert [words.task_name(s.task) for s in states(window)] == ["Contoso - Receiving"]


def test_broken_profile_is_shown_not_a_traceback(qtbot, make_window, tmp_path):
    profile = tmp_path / "bad.toml"
    profile.write_text('[[accounts]]\nname = "A"\nprovder = "x"\n')
    window = make_window("--profile", str(profile))
    box = window.findChild(QMessageBox, "profileError")
    qtbot.waitUntil(lambda: box.isVisible())
    assert (
        "bad.toml:3: account 'A': key 'provder': unknown key (did you mean 'provider'?)"
        in box.informativeText()
    )
    assert not window.send_receive_all_action.isEnabled()
    box.close()


def test_the_longest_schedule_a_profile_may_have_is_armed(qtbot, make_window, tmp_path):
    """A profile's ``every_minutes`` is capped (sendreceive.config.limits) so that the
    loop's timer for it (qasync's, a Qt timer of at most 2**31 - 1 ms) can hold it: the
    window starts."""
    profile = tmp_path / "weekly.toml"
    profile.write_text(
        f'[[accounts]]\nname = "A"\nprovider = "demo-fast"\n[[groups]]\nname = "Weekly"\n'
        f'accounts = ["A"]\nevery_minutes = {EVERY_MINUTES.high:g}\n'
    )
    window = make_window("--profile", str(profile))
    assert window.scheduler.interval("Weekly") == 7 * 24 * 60 * 60
    assert window.scheduler.due_in("Weekly") > 7 * 24 * 60 * 60 - 60


def test_scheduled_groups_run_in_the_background(qtbot, make_window):
    window = make_window()
    assert window.scheduler.interval("Work") == 15 * 60
    assert window.scheduler.scheduled() == ["Work"]
    window.scheduler.fire("Work")  # what the schedule does in fifteen minutes
    wait_for_run_end(qtbot, window)
    tasks = window.controller.run.tasks
    assert [t.account.name for t in tasks] == ["Contoso", "Fabrikam", "Northwind"]
    assert all(
        t.flags & SyncFlags.SYNC_BACKGROUND and not t.flags & SyncFlags.SYNC_ON_DEMAND
        for t in tasks
    )


def test_the_gil_pacer_beats_only_for_provider_threads(qtbot, make_window):
    """The 4 ms beat lets provider threads step aside for the GUI; processes share no
    interpreter lock with it, so a run of processes alone does not wake the GUI for it."""
    beating = []
    for isolation in ("process", "thread"):
        window = make_window("--isolation", isolation)
        beat = window.controller.findChild(QTimer, "paceTimer")
        window.controller.start(window.profile.accounts[:1])
        beating.append(beat.isActive())
        wait_for_run_end(qtbot, window)
    assert beating == [False, True]
