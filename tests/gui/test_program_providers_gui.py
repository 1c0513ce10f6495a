"""The reference providers in C, shell and Node.js in the real Send/Receive dialog: their
end as the dialog shows it, and their calls in the Calls tab while they run."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import Qt

from sendreceive.config.profile import Account
from sendreceive.config.program_command import PROGRAM, ProgramCommand
from sendreceive.hosting.isolation import host_factory
from sendreceive.pytest_plugin import TEST_LIMITS
from sendreceive.tracking.trace import PROGRESS
from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui.account_model import AccountColumn
from sendreceive.ui.calls_model import CallColumn
from sendreceive.ui.controller import SendReceiveController
from sendreceive.ui.dialog_harness import qasync_loop
from sendreceive.ui.sync_dialog import SendReceiveDialog
from sendreceive.ui.task_model import TaskColumn

CALLS_TAB = 2
PASSWORD = "pw-1b9d"


@pytest.fixture(autouse=True)
def english(install_language):
    install_language("en")


def call_names(dialog: SendReceiveDialog) -> list[str]:
    model = dialog.calls.model
    return [model.index(row, CallColumn.CALL).data() for row in range(model.rowCount())]


def test_each_reference_provider_ends_in_the_dialog(sendreceive, reference):
    settings = {"password": PASSWORD, "count": 3, "missing": 2, "pause_ms": 5}
    dialog, result = sendreceive.show(reference, settings=settings, name="Program")
    assert result.status == "Completed with 1 error"
    assert dialog.tasks_view.model().index(0, TaskColumn.STATUS).data() == result.status
    assert dialog.tabs.tabText(1) == "Errors (1)"
    dialog.tabs.setCurrentIndex(CALLS_TAB)
    names = call_names(dialog)
    assert names.count(PROGRESS) == 5 and "Error" in names and "Done" in names
    assert len(result.calls) == dialog.calls.model.rowCount()


def test_the_calls_tab_shows_a_programs_calls_while_it_runs(qtbot, tmp_path: Path, reference):
    account = Account(
        "Watched",
        PROGRAM,
        settings={"password": PASSWORD, "count": 10_000, "pause_ms": 20},
        command=ProgramCommand(tuple(reference), str(tmp_path)),
    )
    with qasync_loop():
        controller = SendReceiveController(
            tmp_path / "stores", TEST_LIMITS, hosts=host_factory("process", [account])
        )
        dialog = SendReceiveDialog(controller)
        controller.setParent(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        run = controller.start([account])
        assert run is not None
        dialog.select_task(0)
        dialog.tabs.setCurrentIndex(CALLS_TAB)
        tracker = run.tasks[0].tracker

        def progress_shown_while_running() -> None:
            assert tracker.status is TaskStatus.RUNNING
            assert call_names(dialog).count(PROGRESS) >= 3

        qtbot.waitUntil(progress_shown_while_running, timeout=30_000)
        controller.cancel_all()

        def cancelled() -> None:
            assert controller.last_summary is not None

        qtbot.waitUntil(cancelled, timeout=30_000)
        run.settle()
        assert tracker.status is TaskStatus.CANCELLED


def test_the_window_runs_a_program_given_on_the_command_line(qtbot, make_window, monkeypatch):
    """``--provider`` with a command, in the main window: its tooltip names the command,
    and F9 runs it to the end."""
    examples = Path(__file__).resolve().parents[2] / "providers" / "examples"
    monkeypatch.chdir(examples)
    window = make_window("--provider", "sh provider.sh --quiet", "--set", "password='pw'")
    model = window.accounts_model
    assert model.account(0).name == "provider.sh"
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Provider: sh provider.sh --quiet" in tooltip
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    assert model.index(0, AccountColumn.LAST_RESULT).data().startswith("Completed ·")
