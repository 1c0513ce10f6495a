"""Retry: a failed or cancelled task runs again from the dialog (button and context
menu) or the Send/Receive menu, and a message refused for good waits in the Outbox,
marked Refused, until the user retries it."""

from __future__ import annotations

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QItemSelectionModel

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import MessageState
from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui.outbox_view import OutboxColumn

FAILING = TaskId("Tailspin Toys", Activity.RECEIVING)


def test_retry_runs_a_failed_task_again(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    states = window.controller.task_model.states()
    row = [s.task for s in states].index(FAILING)
    assert states[row].status is TaskStatus.FAILED
    assert window.retry_failed_action.isEnabled()
    dialog.select_task(0)  # completed: nothing to retry
    assert not dialog.retry_task_button.isEnabled()
    dialog.select_task(row)
    assert dialog.retry_task_button.isEnabled()

    dialog.retry_task_button.click()
    wait_for_run_end(qtbot, window)

    assert len(window.controller.history) == 2
    (state,) = window.controller.task_model.states()
    assert state.task == FAILING and state.status is TaskStatus.FAILED  # it fails again
    assert window.dialog.header.text() == "0 of 1 tasks have completed successfully — 1 failed"

    assert window.retry_failed_action.isEnabled()
    window.retry_failed_action.trigger()
    wait_for_run_end(qtbot, window)
    assert len(window.controller.history) == 3


def test_a_cancelled_task_can_be_retried_and_a_running_one_cannot(qtbot, make_window):
    window = make_window("--run")
    qtbot.waitUntil(lambda: len(window.controller.task_model.states()) == 5)
    window.dialog.select_task(1)
    assert not window.dialog.retry_task_button.isEnabled()  # a run is going
    window.controller.cancel_task(1)
    wait_for_run_end(qtbot, window)
    assert window.controller.task_model.state(1).status is TaskStatus.CANCELLED
    window.dialog.select_task(1)
    assert window.dialog.retry_task_button.isEnabled()
    assert window.dialog.retry_selected_tasks()
    wait_for_run_end(qtbot, window)
    (state,) = window.controller.task_model.states()
    assert state.task.account == "Fabrikam" and state.status.is_success


def test_a_refused_message_says_so_and_waits_for_retry(qtbot, make_window):
    window = make_window()
    view = window.outbox_view
    store = window.store
    message = store.queue("Contoso", b"From: a@example.org\r\nTo: b@example.org\r\n\r\nhi\r\n")
    store.mark_refused(message.id, "the server refused the recipient <b@example.org>: 550")
    with qtbot.waitSignal(view.model.loaded, timeout=20_000):
        view.reload()
    text = view.model.index(0, OutboxColumn.STATE).data()
    assert text.startswith("Refused: the server refused the recipient <b@example.org>: 550")
    assert view.retry_button.isEnabled()

    view.table.selectionModel().select(
        view.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(view.model.loaded, timeout=20_000):
        assert view.retry_selected() == 1
    (again,) = store.messages()
    assert again.state is MessageState.QUEUED
    assert not view.retry_button.isEnabled()


def test_the_chosen_task_stays_chosen_across_f9(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    dialog.select_task(1)
    first = window.controller.task_model.task(1)
    window.send_receive_all_action.trigger()
    assert window.controller.task_model.task(1) is not first  # a new run is shown
    assert dialog.tasks_view.selectionModel().currentIndex().row() == 1
    assert dialog.calls.model.task is window.controller.task_model.task(1)
    wait_for_run_end(qtbot, window)
