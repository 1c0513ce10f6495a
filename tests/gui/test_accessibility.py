"""What assistive technology gets (offscreen, through QAccessible, as a screen reader
would ask), and the keyboard."""

from __future__ import annotations

from pathlib import Path

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QWidget,
)

from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui import accessibility
from sendreceive.ui.settings import ShowDialog
from sendreceive.ui.sync_dialog import ERRORS_TAB
from sendreceive.ui.task_model import TaskColumn
from sendreceive.ui.wording import words

DATA = Path(__file__).resolve().parents[1] / "data"

Text = QAccessible.Text
Role = QAccessible.Role


def interface(widget: QWidget) -> QAccessible:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None and found.isValid(), widget
    return found


def read_bar(bar: QProgressBar) -> tuple[str, int, int, str]:
    """A bar as a screen reader reads it: name, value of maximum, description."""
    face = interface(bar)
    assert face.role() == Role.ProgressBar
    value = face.valueInterface()
    return (
        face.text(Text.Name),
        int(value.currentValue()),
        int(value.maximumValue()),
        face.text(Text.Description),
    )


def cells(view: QTableView) -> dict[tuple[int, int], tuple[str, str]]:
    """The table's cells as an accessibility bridge sees them: (row, column) -> (role
    name, accessible name)."""
    table = interface(view)
    found = {}
    columns = view.model().columnCount()
    for i in range(table.childCount()):
        child = table.child(i)
        if child.role() == Role.Cell:
            n = len(found)
            found[(n // columns, n % columns)] = (child.role().name, child.text(Text.Name))
    return found


def test_every_bar_reads_as_a_named_percentage(qtbot, make_window):
    window = make_window("--profile", "tests/data/long-running.toml", "--run")
    dialog = window.dialog
    qtbot.waitUntil(lambda: 0 < dialog.overall.value() < dialog.overall.maximum())
    name, value, maximum, description = read_bar(dialog.overall)
    assert (name, maximum) == ("Send/Receive progress", 100)
    assert description == f"{value} percent done"
    name, value, maximum, description = read_bar(window.status_progress)
    assert (name, maximum, description) == ("Send/Receive progress", 100, f"{value} percent done")

    rows = window.controller.task_model.states()
    row_cells = cells(dialog.tasks_view)
    for row, state in enumerate(rows):
        role, name = row_cells[(row, TaskColumn.NAME)]
        assert role == "Cell"
        assert name.startswith(f"{state.task.account} - Receiving, ")
        _, bar = row_cells[(row, TaskColumn.PROGRESS)]
        fraction = state.fraction
        assert bar.endswith("progress unknown" if fraction is None else "%"), bar
    window.controller.cancel_all()
    wait_for_run_end(qtbot, window)
    name, value, maximum, description = read_bar(dialog.overall)
    assert (value, description) == (100, "100 percent done")


def test_every_control_has_a_name_and_the_buttons_say_what_they_do(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    controls = (QAbstractButton, QProgressBar, QTableView, QComboBox, QPlainTextEdit)
    for top in (window, dialog):
        for kind in controls:
            for widget in top.findChildren(kind):
                if widget.isVisible():
                    assert interface(widget).text(Text.Name).strip(), widget.objectName()
    described = {
        dialog.cancel_all_button: "Stops every task of this Send/Receive",
        dialog.cancel_task_button: "Stops the selected task",
        dialog.details_button: "Shows or hides the list of tasks and the errors",
    }
    for button, text in described.items():
        assert interface(button).text(Text.Description) == text
    assert interface(dialog.details_button).text(Text.Name) == "Details"

    state = window.controller.task_model.state(3)
    assert state.status is TaskStatus.FAILED
    name = cells(dialog.tasks_view)[(3, TaskColumn.NAME)][1]
    assert name == (
        "Tailspin Toys - Receiving, Failed: 0x80040111 (MAPI_E_LOGON_FAILED), "
        "Error: mail.tailspintoys.example rejected the user name or password. Check the "
        f"account's password and try again., {state.step}, 0%"
    )


def test_an_error_line_says_its_kind_and_reason(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    model = window.controller.error_model
    said = {}
    for row in range(model.rowCount()):
        entry = model.entry(row)
        text = model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        said[entry.kind.name] = text
        assert words.message(entry) in text and text.endswith(entry.hresult_text()), text
    assert set(said) == {"ERROR", "WARNING"}
    assert ", Error: " in said["ERROR"] and ", Warning: " in said["WARNING"]


def test_a_failed_task_and_the_end_of_the_run_are_announced(qtbot, make_window, monkeypatch):
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
    monkeypatch.setattr(accessibility, "post", lambda e: said.append((e.message(), e.politeness())))
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    assertive = QAccessible.AnnouncementPoliteness.Assertive
    failure = "Task Tailspin Toys - Receiving: Failed: 0x80040111 (MAPI_E_LOGON_FAILED)"
    end = "Send/Receive failed: 1 task failed, 2 errors, 1 warning"
    # Said in its tick, or with the end when it failed in the last one: once, interrupting.
    assert said in (
        [(failure, assertive), (end, QAccessible.AnnouncementPoliteness.Polite)],
        [(f"{failure}; {end}", assertive)],
    )
    notice = interface(window.notice.last)
    assert (notice.role(), notice.text(Text.Name)) == (Role.Notification, said[-1][0])


def test_the_bars_and_announcements_speak_the_language(qtbot, make_window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(accessibility, "post", lambda e: said.append(e.message()))
    window = make_window("--lang", "de", "--run")
    wait_for_run_end(qtbot, window)
    name, _, _, description = read_bar(window.dialog.overall)
    assert (name, description) == ("Übermitteln/Empfangen-Fortschritt", "100 Prozent erledigt")
    assert said[-1] == (
        "Übermitteln/Empfangen fehlgeschlagen: 1 Aufgabe fehlgeschlagen, 2 Fehler, 1 Warnung"
    )


def focus_dialog(qtbot, window) -> None:
    window.show_progress()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.dialog)


def test_f9_works_while_the_dialog_has_the_focus(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    focus_dialog(qtbot, window)
    first = window.controller.run
    qtbot.keyClick(window.dialog.tasks_view, Qt.Key.Key_F9)
    assert window.controller.run is not first and window.controller.running
    wait_for_run_end(qtbot, window)


def test_ctrl_q_quits_from_the_dialog(qtbot, make_window):
    window = make_window()
    focus_dialog(qtbot, window)
    with qtbot.waitSignal(window.closed):
        qtbot.keyClick(window.dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_escape_hides_the_dialog_and_the_run_goes_on(qtbot, make_window):
    window = make_window("--profile", "tests/data/long-running.toml", "--run")
    qtbot.waitUntil(lambda: window.dialog.isVisible() and window.controller.running)
    focus_dialog(qtbot, window)
    qtbot.keyClick(window.dialog, Qt.Key.Key_Escape)
    assert not window.dialog.isVisible()
    assert window.controller.running and window.status_progress.isVisible()
    window.controller.cancel_all()
    wait_for_run_end(qtbot, window)


def test_tasks_failing_in_one_tick_make_one_announcement(qtbot, make_window, monkeypatch):
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
    monkeypatch.setattr(accessibility, "post", lambda e: said.append((e.message(), e.politeness())))
    profile = DATA / "two-failures.toml"
    window = make_window("--profile", str(profile), "--run")
    wait_for_run_end(qtbot, window)
    assertive = [text for text, p in said if p is QAccessible.AnnouncementPoliteness.Assertive]
    named = " ".join(assertive)
    assert named.count("Task First - Receiving: Failed") == 1
    assert named.count("Task Second - Receiving: Failed") == 1
    assert len(assertive) <= 2  # one a tick: two only if they failed in two ticks
    together = window.controller.task_model.states()
    said.clear()
    window._announced.clear()
    said_once = window._newly_failed(together)  # both failed since the last tick
    assert said_once.count("Task ") == 2 and window._newly_failed(together) == ""


def focus_chain(start: QWidget, steps: int) -> list[QWidget]:
    """The widgets Tab reaches from ``start``, pressing it ``steps`` times."""
    start.setFocus()
    reached = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def test_tab_leaves_the_tables_and_reaches_every_control(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    focus_dialog(qtbot, window)
    first = dialog.focusWidget()
    assert first is not dialog.dont_show and first.isEnabled(), first.objectName()
    dialog.tabs.setCurrentIndex(ERRORS_TAB)
    dialog.tasks_view.selectRow(3)  # a failed task: Retry is on
    reached = [first, *focus_chain(first, 12)]  # Cancel All is off: the run is over
    for wanted in (
        dialog.details_button,
        dialog.tabs.tabBar(),
        dialog.errors_view,
        dialog.error_detail,
        dialog.copy_button,
        dialog.dont_show,
    ):
        assert wanted in reached, wanted.objectName()
    assert reached.index(dialog.errors_view) + 1 == reached.index(dialog.error_detail)
    dialog.tabs.setCurrentIndex(0)
    reached = focus_chain(dialog.tasks_view, 2)
    assert reached == [dialog.retry_task_button, dialog.dont_show]  # Cancel Task: disabled
    assert not window.accounts_view.tabKeyNavigation()


def test_entering_a_table_puts_its_first_cell_in_focus(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    focus_dialog(qtbot, window)
    view = dialog.tasks_view
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(  # a failed task (Retry is on), its status cell
        view.model().index(3, TaskColumn.STATUS), flags.ClearAndSelect | flags.Rows
    )
    dialog.retry_task_button.setFocus()
    QTest.keyClick(dialog.retry_task_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view
    assert (view.currentIndex().row(), view.currentIndex().column()) == (3, TaskColumn.NAME)
    focused = interface(view).focusChild().text(Text.Name)
    assert focused.startswith("Tailspin Toys - Receiving, Failed: "), focused


def test_the_combo_boxes_are_labelled_by_their_buddies(qtbot, make_window):
    window = make_window()
    dialog = window.dialog
    for box, label in ((dialog.runs, "Run:"), (dialog.calls.kinds, "Show:")):
        buddies = [w for w in dialog.findChildren(QLabel) if w.buddy() is box]
        assert [b.text().replace("&", "") for b in buddies] == [label]
        relations = interface(box).relations(QAccessible.RelationFlag.Label)
        assert [r[0].text(Text.Name) for r in relations] == [label], relations


def test_cancel_task_is_confirmed(qtbot, make_window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(accessibility, "post", lambda e: said.append(e.message()))
    window = make_window("--profile", "tests/data/long-running.toml", "--run")
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.cancel_task_button.isEnabled() or _select_running(dialog))
    name = words.task_name(window.controller.task_model.state(0).task)
    dialog.cancel_task_button.click()
    assert said[-1] == f"Cancelling {name}"
    assert interface(dialog.notice.last).text(Text.Name) == said[-1]
    window.controller.cancel_all()
    wait_for_run_end(qtbot, window)


def _select_running(dialog) -> bool:
    dialog.select_task(0)
    return False


def test_the_main_windows_failure_button_is_reached_by_tab(qtbot, make_window):
    window = make_window()
    window.set_show_dialog(ShowDialog.NEVER)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.send_receive_all()
    wait_for_run_end(qtbot, window)
    assert window.failure_indicator.isVisible() and not window.dialog.isVisible()
    reached = focus_chain(window.accounts_view, 20)
    assert window.failure_indicator in reached
    assert interface(window.failure_indicator).text(Text.Name) == window.failure_indicator.text()
