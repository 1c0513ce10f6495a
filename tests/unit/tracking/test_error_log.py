"""The error list's own answers, kept as lines arrive."""

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.tracking.error_log import ErrorKind, ErrorLog

MINE, OTHER = TaskId("Contoso", Activity.RECEIVING), TaskId("Fabrikam", Activity.SENDING)


def test_a_tasks_worst_first_line_is_its_first_error_else_violation_else_warning():
    log = ErrorLog()
    assert log.worst_first(MINE) is None
    warning = log.add(MINE, ErrorKind.WARNING, None, "slow")
    assert log.worst_first(MINE) is warning
    violation = log.add(MINE, ErrorKind.VIOLATION, None, "rule 3")
    assert log.worst_first(MINE) is violation
    log.add(OTHER, ErrorKind.ERROR, 1, "not mine")
    first = log.add(MINE, ErrorKind.ERROR, 2, "refused")
    log.add(MINE, ErrorKind.ERROR, 3, "later")
    log.add(MINE, ErrorKind.ERROR, 2, "refused")  # a repeat folds into the first
    assert log.worst_first(MINE) is first and first.count == 2
