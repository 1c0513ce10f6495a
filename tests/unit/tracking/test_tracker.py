import gc
import os
import threading
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import (
    E_FAIL,
    E_INVALIDARG,
    E_NOINTERFACE,
    E_UNEXPECTED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_USER_CANCEL,
    MAPI_W_PARTIAL_COMPLETION,
    S_OK,
    COMError,
    IID_IMAPISyncProgressCallback,
    IID_IUnknown,
)
from sendreceive.run.english import error_line, status_text
from sendreceive.tracking import error_log
from sendreceive.tracking.error_log import ErrorKind, ErrorLog
from sendreceive.tracking.tracker import CallbackUnknown, TaskStatus, TaskTracker


@pytest.fixture
def log():
    return ErrorLog()


@pytest.fixture
def tracker(log):
    t = TaskTracker(TaskId("Contoso", Activity.RECEIVING), log)
    t.start()
    return t


def kinds(log):
    return [(e.kind, e.hresult) for e in log.entries]


def test_progress_updates_position_and_none_keeps_the_step(tracker):
    assert tracker.Progress("Receiving message 1 of 4", 1, 4) == S_OK
    assert tracker.Progress(None, 2, 4) == S_OK
    state = tracker.snapshot()
    assert (state.step, state.index, state.index_max) == ("Receiving message 1 of 4", 2, 4)
    assert state.fraction == 0.5


def test_unknown_total_has_no_fraction(tracker):
    tracker.Progress("Checking", 7, 0)
    assert tracker.snapshot().fraction is None


def test_index_beyond_max_is_clamped_and_reported(tracker, log):
    tracker.Progress("x", 12, 10)
    state = tracker.snapshot()
    assert (state.index, state.index_max) == (10, 10)
    assert kinds(log) == [(ErrorKind.VIOLATION, None)]
    assert "ulIndex > ulIndexMax" in log.entries[0].text


@pytest.mark.parametrize(
    ("index", "index_max", "fragment"),
    [
        (-1, 10, "ULONG"),
        (2**32, 2**32 + 1, "ULONG"),
        ("5", 10, "must be an int"),
        (5.5, 10, "must be an int"),
        (None, 10, "must be an int"),
        (True, 10, "must be an int"),
    ],
)
def test_bad_indices_are_violations_and_keep_the_position(tracker, log, index, index_max, fragment):
    tracker.Progress("ok", 3, 10)
    assert tracker.Progress("still ok", index, index_max) == S_OK
    state = tracker.snapshot()
    assert (state.index, state.index_max, state.step) == (3, 10, "still ok")
    assert log.entries[0].kind is ErrorKind.VIOLATION
    assert fragment in log.entries[0].text


def test_bytes_step_text_is_a_violation(tracker, log):
    tracker.Progress("before", 1, 2)
    tracker.Progress(b"bytes", 1, 2)
    assert tracker.snapshot().step == "before"
    assert "pwcszProgress must be a str" in log.entries[0].text


def test_error_with_failure_is_error_and_success_is_warning(tracker, log):
    tracker.Error(MAPI_E_LOGON_FAILED, "bad password")
    tracker.Error(MAPI_W_PARTIAL_COMPLETION, "partial")
    assert kinds(log) == [
        (ErrorKind.ERROR, MAPI_E_LOGON_FAILED),
        (ErrorKind.WARNING, MAPI_W_PARTIAL_COMPLETION),
    ]
    state = tracker.snapshot()
    assert (state.errors, state.warnings, state.status) == (1, 1, TaskStatus.RUNNING)
    assert error_line(log.entries[0]) == (
        "Task 'Contoso - Receiving' reported error (0x80040111) : 'bad password'"
    )


def test_error_with_a_non_hresult_is_a_violation_that_keeps_the_text(tracker, log):
    tracker.Error("oops", "the message")
    assert log.entries[0].kind is ErrorKind.VIOLATION
    assert "the message" in log.entries[0].text


def test_identical_errors_fold_with_exact_counts(tracker, log):
    for _ in range(1000):
        tracker.Error(E_FAIL, "same")
    assert len(log) == 1
    assert log.entries[0].count == 1000
    assert tracker.snapshot().errors == 1000


@pytest.mark.parametrize(
    ("hr", "errors", "status"),
    [
        (S_OK, False, TaskStatus.COMPLETED),
        (S_OK, True, TaskStatus.WARNINGS),
        (MAPI_W_PARTIAL_COMPLETION, False, TaskStatus.WARNINGS),
        (MAPI_E_USER_CANCEL, False, TaskStatus.CANCELLED),
        (MAPI_E_LOGON_FAILED, False, TaskStatus.FAILED),
    ],
)
def test_done_sets_the_final_state(tracker, hr, errors, status):
    if errors:
        tracker.Error(E_FAIL, "one")
    assert tracker.Done(None, hr) == S_OK
    state = tracker.snapshot()
    assert state.status is status
    assert state.result == hr


def test_failed_done_without_error_still_shows_a_line(tracker, log):
    tracker.Done(None, MAPI_E_LOGON_FAILED)
    assert kinds(log) == [(ErrorKind.ERROR, MAPI_E_LOGON_FAILED)]


def test_second_done_and_calls_after_done_are_reported_and_ignored(tracker, log):
    tracker.Done(None, S_OK)
    assert tracker.Done(None, E_FAIL) == E_UNEXPECTED
    assert tracker.Progress("late", 1, 1) == E_UNEXPECTED
    assert tracker.Error(E_FAIL, "late") == E_UNEXPECTED
    state = tracker.snapshot()
    assert state.status is TaskStatus.WARNINGS  # completed, but not cleanly
    assert status_text(state) == "Completed with 3 contract violations"
    assert [e.text.split(":")[:2] for e in log.entries] == [
        ["Rule 6 (Done exactly once, nothing after it)", " Done called twice"],
        ["Rule 6 (Done exactly once, nothing after it)", " Progress after Done"],
        ["Rule 6 (Done exactly once, nothing after it)", " Error after Done"],
    ]


def test_a_call_after_done_changes_the_version_readers_watch(tracker):
    """Front-ends refresh a task only when its version moves: the verdict that a second
    Done turns Completed into Completed-with-warnings must move it (a GUI race)."""
    tracker.Done(None, S_OK)
    before = tracker.version
    tracker.Done(None, S_OK)
    assert tracker.version != before
    assert tracker.snapshot().status is TaskStatus.WARNINGS


def test_done_with_a_non_hresult_fails_the_task(tracker, log):
    tracker.Done(None, "S_OK")
    state = tracker.snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, E_UNEXPECTED)
    assert log.entries[0].kind is ErrorKind.VIOLATION


def test_cancel_is_told_by_progress(tracker):
    assert tracker.request_cancel()
    assert tracker.snapshot().status is TaskStatus.CANCELLING
    assert tracker.Progress("x", 1, 2) == MAPI_E_USER_CANCEL
    tracker.Done(None, MAPI_E_USER_CANCEL)
    assert tracker.snapshot().status is TaskStatus.CANCELLED


def test_a_provider_starved_of_cpu_is_not_flagged_until_it_had_the_cpu(tracker):
    """A GUI's provider processes take only the CPU the machine leaves: silence while
    its process waited for a CPU is no stall. The host is asked only once the silence
    is due; ``None`` (a baseline taken) asks again at the next look."""
    answers = iter([None, True, None, False])
    asked = []

    def starved() -> bool | None:
        asked.append(True)
        return next(answers)

    tracker.check_responsive(100.0, 5.0, starved)
    tracker.check_responsive(104.0, 5.0, starved)
    assert asked == []  # not due yet: /proc is not read
    tracker.check_responsive(105.0, 5.0, starved)  # due: a baseline
    tracker.check_responsive(105.25, 5.0, starved)  # it waited for a CPU: clock restarts
    assert tracker.status is TaskStatus.RUNNING
    tracker.check_responsive(110.0, 5.0, starved)
    assert len(asked) == 2  # 4.75 s of its own silence so far
    tracker.check_responsive(110.25, 5.0, starved)  # a baseline again
    tracker.check_responsive(110.5, 5.0, starved)  # it had the CPU and said nothing
    assert tracker.status is TaskStatus.NOT_RESPONDING


def test_the_run_delay_of_a_process_is_read_from_proc():
    from sendreceive.hosting.process.host import run_delays

    delays = run_delays(os.getpid())
    assert delays is not None and len(delays) >= 1 and min(delays) >= 0.0
    assert run_delays(2**22 + 7) is None  # no such process


def test_cancelling_a_pending_task_ends_it_at_once(log):
    pending = TaskTracker(TaskId("t", Activity.RECEIVING), log)
    assert pending.request_cancel()
    assert pending.status is TaskStatus.CANCELLED
    assert not pending.request_cancel()


def test_stall_is_flagged_and_recovers(tracker, log):
    tracker.check_responsive(100.0, 5.0)  # first look: remembers the version
    tracker.check_responsive(104.0, 5.0)
    assert tracker.status is TaskStatus.RUNNING
    tracker.check_responsive(105.0, 5.0)
    assert tracker.status is TaskStatus.NOT_RESPONDING
    assert status_text(tracker.snapshot(106.0)) == "Not responding (no progress for 6 s)"
    assert log.entries[-1].kind is ErrorKind.WARNING
    tracker.Progress("back", 1, 2)
    tracker.check_responsive(107.0, 5.0)
    assert tracker.status is TaskStatus.RUNNING


def test_rate_and_remaining_time_from_snapshots(tracker):
    tracker.Progress("x", 10, 110)
    tracker.snapshot(10.0)
    tracker.Progress("x", 60, 110)
    state = tracker.snapshot(15.0)
    assert state.rate == pytest.approx(10.0)
    assert state.remaining == pytest.approx(5.0)


def test_query_interface_answers_like_com(tracker):
    unknown = CallbackUnknown(tracker)
    assert unknown.QueryInterface(IID_IMAPISyncProgressCallback) is tracker
    assert unknown.QueryInterface(IID_IUnknown) is unknown
    with pytest.raises(COMError) as caught:
        unknown.QueryInterface(uuid.uuid4())
    assert caught.value.hresult == E_NOINTERFACE


@pytest.mark.parametrize("riid", [str(IID_IMAPISyncProgressCallback), None, b"\x50\x24"])
def test_query_interface_given_no_uuid_is_a_wrong_argument_type(tracker, log, riid):
    """Rule 9, not "does not implement": the IID's type is wrong, whatever it says."""
    with pytest.raises(COMError) as caught:
        CallbackUnknown(tracker).QueryInterface(riid)
    assert caught.value.hresult == E_INVALIDARG
    (entry,) = log.entries
    assert entry.kind is ErrorKind.VIOLATION
    assert entry.text.startswith(
        "Rule 9 (argument types and ranges): QueryInterface riid type: QueryInterface's "
        f"riid must be a uuid.UUID, got {type(riid).__name__} "
    )
    (call,) = tracker.trace_since().calls
    assert (call.name, call.result, call.violation) == ("QueryInterface", E_INVALIDARG, True)


class _CallsBackWhenCollected:
    """Provider garbage: a cycle (only the collector frees it) whose finalizer calls back."""

    def __init__(self, tracker):
        self.tracker = tracker
        self.cycle = self

    def __del__(self):
        self.tracker.Progress("from a finalizer", 1, 2)
        self.tracker.Error(E_FAIL, "from a finalizer")
        CallbackUnknown(self.tracker).QueryInterface(IID_IMAPISyncProgressCallback)


@pytest.mark.parametrize("section", ["Error", "snapshot"])
def test_a_finalizer_calling_back_inside_a_host_section_is_recorded_not_deadlocked(
    tracker, log, monkeypatch, section
):
    """The collector runs a provider's ``__del__`` at whatever allocation it likes: here
    inside the error log's section under the tracker's lock (a provider's ``Error``), or
    inside the GUI's snapshot. Its calls are made once the thread has left the host's
    sections, in order; none waits for a lock its own thread holds."""
    add, estimate = log.add, tracker._estimate_locked

    def collect_then(real):
        def collecting(*args, **kwargs):
            gc.collect()  # as an allocation here could
            return real(*args, **kwargs)

        return collecting

    monkeypatch.setattr(log, "add", collect_then(add))
    monkeypatch.setattr(tracker, "_estimate_locked", collect_then(estimate))
    gc.disable()
    try:
        _CallsBackWhenCollected(tracker)  # garbage at once, freed by the next collection
        caller = threading.Thread(
            target=(lambda: tracker.Error(E_FAIL, "first"))
            if section == "Error"
            else tracker.snapshot,
            daemon=True,
        )
        caller.start()
        caller.join(timeout=30)
    finally:
        gc.enable()
    assert not caller.is_alive(), "deadlocked: a finalizer waited for its own thread's lock"
    state = tracker.snapshot()
    assert (state.step, state.index, state.index_max) == ("from a finalizer", 1, 2)
    names = [call.name for call in tracker.trace_since().calls]
    assert names[-3:] == ["Progress", "Error", "QueryInterface"]
    assert [e.text for e in log.entries][-1] == "from a finalizer"


def test_callbacks_from_many_threads_keep_exact_counts(tracker):
    def hammer():
        for i in range(2000):
            tracker.Progress(None, i, 2000)
            tracker.Error(E_FAIL, "same")

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert tracker.snapshot().errors == 16000


_values = st.one_of(
    st.integers(min_value=-(2**33), max_value=2**33),
    st.none(),
    st.text(max_size=5),
    st.binary(max_size=3),
    st.floats(allow_nan=True),
    st.booleans(),
)
_calls = st.lists(
    st.one_of(
        st.tuples(
            st.just("Progress"),
            st.one_of(st.none(), st.text(max_size=8), st.binary(max_size=3)),
            _values,
            _values,
        ),
        st.tuples(st.just("Error"), _values, st.one_of(st.text(max_size=8), _values)),
        st.tuples(
            st.just("Done"), st.one_of(st.none(), st.just(threading.Event()), _values), _values
        ),
        st.tuples(st.just("cancel")),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(calls=_calls)
def test_any_call_sequence_ends_in_one_well_defined_state(calls):
    log = ErrorLog()
    tracker = TaskTracker(TaskId("fuzz", Activity.RECEIVING), log)
    tracker.start()
    for name, *args in calls:
        if name == "cancel":
            tracker.request_cancel()
        else:
            getattr(tracker, name)(*args)
    tracker.Done(None, S_OK)  # whatever happened, the task can be ended
    state = tracker.snapshot()
    assert state.status.is_final
    assert 0 <= state.index <= 2**32 - 1
    assert state.index_max == 0 or state.index <= state.index_max
    entries = log.entries
    assert state.errors == sum(e.count for e in entries if e.kind is ErrorKind.ERROR)
    assert state.warnings == sum(e.count for e in entries if e.kind is ErrorKind.WARNING)
    assert state.violations == sum(e.count for e in entries if e.kind is ErrorKind.VIOLATION)


@settings(max_examples=60, deadline=None)
@given(calls=_calls, threads=st.integers(min_value=2, max_value=6), seed=st.randoms())
def test_random_calls_from_random_threads_never_escape_the_tracker(calls, threads, seed):
    log = ErrorLog()
    tracker = TaskTracker(TaskId("fuzz", Activity.RECEIVING), log)
    tracker.start()
    shares: list[list[tuple]] = [[] for _ in range(threads)]
    for call in calls:
        shares[seed.randrange(threads)].append(call)
    escaped: list[BaseException] = []
    start = threading.Barrier(threads)

    def play(share):
        start.wait()
        for name, *args in share:
            try:
                if name == "cancel":
                    tracker.request_cancel()
                else:
                    getattr(tracker, name)(*args)
            except BaseException as exc:  # the property: nothing escapes
                escaped.append(exc)

    workers = [threading.Thread(target=play, args=(share,)) for share in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    tracker.Done(None, S_OK)
    state = tracker.snapshot()
    assert escaped == []
    assert state.status.is_final
    entries = log.entries
    assert state.errors == sum(e.count for e in entries if e.kind is ErrorKind.ERROR)
    assert state.warnings == sum(e.count for e in entries if e.kind is ErrorKind.WARNING)
    assert state.violations == sum(e.count for e in entries if e.kind is ErrorKind.VIOLATION)


def test_distinct_lines_past_the_tasks_budget_are_counted_on_one_line(monkeypatch, tracker, log):
    """A provider making ever new texts (here past a budget of 3) cannot grow the run's
    list without bound: the rest are counted, exactly, on one line per kind that says so,
    and the other tasks keep their own budget."""
    monkeypatch.setattr(error_log, "LINES_PER_TASK", 3)
    for n in range(10):
        tracker.Error(E_FAIL, f"distinct error {n}")
    tracker.Error(S_OK, "a warning past the budget")
    other = TaskTracker(TaskId("Other", Activity.RECEIVING), log)
    other.Error(E_FAIL, "the other task's own line")
    lines = [(e.task.account, e.kind, e.text, e.count) for e in log.entries]
    folded = "More than 3 distinct lines from this task: every further one is counted here."
    account = tracker.task.account
    assert lines == [
        (account, ErrorKind.ERROR, "distinct error 0", 1),
        (account, ErrorKind.ERROR, "distinct error 1", 1),
        (account, ErrorKind.ERROR, "distinct error 2", 1),
        (account, ErrorKind.ERROR, folded, 7),
        (account, ErrorKind.WARNING, folded, 1),
        ("Other", ErrorKind.ERROR, "the other task's own line", 1),
    ]
    assert log.count(ErrorKind.ERROR) == 11
    assert tracker.snapshot().errors == 10
