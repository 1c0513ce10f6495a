"""What assistive technology gets (offscreen, through QAccessible, as a screen reader
would ask), and the keyboard."""

from __future__ import annotations

from pathlib import Path

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QWidget,
)

from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui import accessibility
from sendreceive.ui.task_model import TaskColumn

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
        f"Tailspin Toys - Receiving, Failed: 0x80040111 (MAPI_E_LOGON_FAILED), {state.step}, 0%"
    )


def test_a_failed_task_and_the_end_of_the_run_are_announced(qtbot, make_window, monkeypatch):
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
    monkeypatch.setattr(accessibility, "post", lambda e: said.append((e.message(), e.politeness())))
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    polite = QAccessible.AnnouncementPoliteness.Polite
    assertive = QAccessible.AnnouncementPoliteness.Assertive
    assert said == [
        ("Task Tailspin Toys - Receiving: Failed: 0x80040111 (MAPI_E_LOGON_FAILED)", assertive),
        ("Send/Receive failed: 1 task failed, 2 errors, 1 warning", polite),
    ]


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
    window._announce_failed_tasks(together)  # both failed since the last tick
    assert [text.count("Task ") for text, _ in said] == [2]
