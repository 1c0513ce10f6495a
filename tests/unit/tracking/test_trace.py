"""The call trace: every call in order with thread, arguments and answer, the host's own
steps, bounded with an exact count of what was dropped, read from a cursor."""

import threading

from helpers.registry import account
from helpers.runs import run
from helpers.scripted import Background, InCall

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import E_FAIL, MAPI_E_USER_CANCEL, S_OK
from sendreceive.tracking.error_log import ErrorLog
from sendreceive.tracking.trace import ARG_LIMIT, HEAD, SYNC_CALLED, SYNC_RETURNED, Opaque
from sendreceive.tracking.tracker import TaskTracker

TASK = TaskId("Trace", Activity.RECEIVING)


def started(limit=100_000):
    tracker = TaskTracker(TASK, ErrorLog(), trace_limit=limit)
    tracker.start()
    return tracker


def test_calls_in_order_with_arguments_answers_and_violations():
    tracker = started()
    tracker.Progress("Step", 1, 3)
    tracker.Error(E_FAIL, "x" * (ARG_LIMIT + 10))
    tracker.Progress(b"raw", 1, 3)
    tracker.request_cancel()
    tracker.Progress(None, 2, 3)
    tracker.Done(None, MAPI_E_USER_CANCEL)
    tracker.Done(None, S_OK)
    calls = tracker.trace_since(0).calls
    assert [c.name for c in calls] == [
        "Progress", "Error", "Progress", "cancel requested", "Progress", "Done", "Done",
    ]  # fmt: skip
    assert [c.seq for c in calls] == list(range(7))
    assert calls[0].args == ("Step", 1, 3) and calls[0].result == S_OK
    assert len(calls[1].args[1]) == ARG_LIMIT  # shortened, never the provider's megabytes
    assert calls[2].args[0] == Opaque("bytes", "b'raw'", b"raw") and calls[2].violation
    assert calls[3].host and not calls[4].host
    assert calls[4].result == MAPI_E_USER_CANCEL
    assert [c.violation for c in calls] == [False, False, True, False, False, False, True]
    assert all(c.thread == threading.current_thread().name for c in calls)
    assert calls == sorted(calls, key=lambda c: c.time)


def test_a_flood_keeps_the_first_and_last_calls_and_counts_the_dropped_exactly():
    tracker = started(limit=1_000)
    for i in range(5_000):
        tracker.Progress("Flood", i, 5_000)
    whole = tracker.trace_since(0)
    assert len(whole.calls) == 1_000 and whole.dropped == 4_000 and whole.cursor == 5_000
    seqs = [c.seq for c in whole.calls]
    assert seqs == [*range(HEAD), *range(5_000 - 1_000 + HEAD, 5_000)]
    assert whole.calls[-1].args == ("Flood", 4_999, 5_000)
    assert tracker.trace_since(300).dropped == 5_000 - 1_000 + HEAD - 300
    tracker.Progress("More", 1, 2)
    later = tracker.trace_since(whole.cursor)
    assert [c.seq for c in later.calls] == [5_000] and later.dropped == 0


def test_tracing_off_records_nothing():
    tracker = started(limit=0)
    tracker.Progress("Step", 1, 3)
    assert tracker.trace_since(0).calls == [] and tracker.traced == 0


def test_the_run_traces_each_thread_and_the_host_steps(tmp_path):
    def script(cb):
        cb.Progress("In the background", 1, 1)

    the_run, _ = run(
        [
            account(InCall(lambda cb: cb.Progress("Here", 1, 1))),
            account(Background(script)),
        ],
        tmp_path,
    )
    in_call, background = (t.tracker.trace_since(0).calls for t in the_run.tasks)
    assert [c.name for c in in_call] == [
        SYNC_CALLED, "QueryInterface", "Progress", "Done", SYNC_RETURNED,
    ]  # fmt: skip
    assert in_call[-1].args[-1] == "in-call"
    assert len({c.thread for c in in_call}) == 1
    names = [c.name for c in background]
    assert names[0] == SYNC_CALLED and "done event set" in names
    returned = next(c for c in background if c.name == SYNC_RETURNED)
    assert returned.args[-1] == "background"
    progress = next(c for c in background if c.name == "Progress")
    assert progress.thread == "provider:test-background" != returned.thread
