"""``sendreceive.show``: a provider run in the real dialog, for a test to assert what the
dialog shows; the same ``Result`` as ``sendreceive.run``."""

import pytest
from helpers.scripted import InCall

from sendreceive.contract import S_OK
from sendreceive.ui.calls_model import CallColumn
from sendreceive.ui.task_model import TaskColumn

CALLS_TAB = 2


@pytest.fixture(autouse=True)
def english(install_language):
    install_language("en")


def done_twice(cb):
    cb.Progress("Only step", 1, 1)
    cb.Done(None, S_OK)  # InCall calls Done again: a contract violation


def test_the_dialog_shows_the_run_and_its_violation(sendreceive):
    dialog, result = sendreceive.show(InCall(done_twice), name="Twice")
    assert result.status == "Completed with 1 contract violation"
    assert dialog.tabs.tabText(1) == "Errors (1)"  # the violation's line
    status = dialog.tasks_view.model().index(0, TaskColumn.STATUS).data()
    assert status == result.status
    dialog.tabs.setCurrentIndex(CALLS_TAB)
    calls = dialog.calls
    names = [calls.model.index(r, CallColumn.CALL).data() for r in range(calls.model.rowCount())]
    assert names.count("Done") == 2
    assert calls.model.violation_rows()  # the second Done, marked
    assert len(result.calls) == calls.model.rowCount()


def test_a_clean_run_as_the_readme_shows_it(sendreceive):
    dialog, result = sendreceive.show(InCall(lambda cb: cb.Progress("Hello", 1, 1)))
    result.assert_clean()
    assert dialog.header.text() == "1 of 1 tasks have completed successfully"
