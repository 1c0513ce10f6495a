import asyncio
import threading
import time
from pathlib import Path

import pytest
from helpers.registry import account
from helpers.runs import run, wait_for
from helpers.scripted import Background, InCall, until_cancelled

from sendreceive.config.profile import load_demo_profile
from sendreceive.contract import (
    E_FAIL,
    E_UNEXPECTED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_TIMEOUT,
    MAPI_E_USER_CANCEL,
    S_OK,
    IID_IMAPISyncProgressCallback,
    SyncFlags,
)
from sendreceive.hosting.thread.host import ThreadHost
from sendreceive.paths import store_dir
from sendreceive.run.english import error_line, status_text, task_name
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.trace import RUN_TRACE_BUDGET, TRACE_LIMIT, run_trace_limit
from sendreceive.tracking.tracker import TaskStatus


def statuses(the_run):
    return [t.tracker.status for t in the_run.tasks]


def lines(the_run):
    return [error_line(e) for e in the_run.error_log.entries]


def test_demo_profile_runs_to_its_documented_end(tmp_path, monkeypatch):
    monkeypatch.setenv("SENDRECEIVE_DEMO_SPEED", "50")
    the_run, summary = run(load_demo_profile().accounts, tmp_path)
    assert statuses(the_run) == [
        TaskStatus.COMPLETED,
        TaskStatus.COMPLETED,
        TaskStatus.WARNINGS,
        TaskStatus.FAILED,
        TaskStatus.COMPLETED,
    ]
    assert (summary.succeeded, summary.with_errors, summary.failed) == (3, 1, 1)
    assert the_run.tasks[3].tracker.snapshot().result == MAPI_E_LOGON_FAILED
    assert (summary.errors, summary.warnings) == (2, 1)
    for task in the_run.tasks:
        assert task.store_dir.is_dir()
        assert task.flags & SyncFlags.SYNC_ON_DEMAND


def test_in_call_and_background_styles(tmp_path):
    def script(cb):
        cb.Progress("Receiving message 1 of 1", 1, 1)

    the_run, summary = run([account(InCall(script)), account(Background(script))], tmp_path)
    assert statuses(the_run) == [TaskStatus.COMPLETED, TaskStatus.COMPLETED]
    assert summary.all_completed
    assert summary.succeeded == summary.total == 2


def test_exception_fails_with_e_fail_and_its_text(tmp_path):
    def script(cb):
        raise ValueError("the server said no")

    the_run, _ = run([account(InCall(script))], tmp_path)
    state = the_run.tasks[0].tracker.snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, E_FAIL)
    assert lines(the_run) == [
        f"Task '{task_name(the_run.tasks[0].tracker.task)}' reported error (0x80004005) : "
        "'SynchronizeInBackground raised ValueError: the server said no'"
    ]


def test_failure_return_without_done(tmp_path):
    the_run, _ = run(
        [account(InCall(lambda cb: None, returns=MAPI_E_NETWORK_ERROR, call_done=False))], tmp_path
    )
    state = the_run.tasks[0].tracker.snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, MAPI_E_NETWORK_ERROR)


def test_success_return_without_done_is_a_violation(tmp_path):
    the_run, _ = run([account(InCall(lambda cb: None, call_done=False))], tmp_path)
    state = the_run.tasks[0].tracker.snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, E_UNEXPECTED)
    assert [e.kind for e in the_run.error_log.entries] == [ErrorKind.VIOLATION, ErrorKind.ERROR]


def test_done_event_without_done_is_a_violation(tmp_path):
    the_run, _ = run([account(Background(lambda cb: None, call_done=False))], tmp_path)
    assert statuses(the_run) == [TaskStatus.FAILED]
    assert "signalled phSyncDoneEvent and had not called Done 0.2 s later" in lines(the_run)[0]


class _EventThenDone:
    """Sets its done event, and calls Done only once the host has ended the task."""

    def __init__(self):
        self.done_called = threading.Event()

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        done = threading.Event()
        psibpb.phSyncDoneEvent.value = done

        def body():
            done.set()
            while not cb.status.is_final:  # the test's provider may look: cb is the tracker
                self.done_called.wait(0.01)
            cb.Done(None, S_OK)
            self.done_called.set()

        threading.Thread(target=body, daemon=True).start()
        return S_OK


def test_done_after_the_done_event_is_named_as_late_not_as_never_called(tmp_path):
    """The event, the host's grace, then Done: the lines say so in that order."""
    provider = _EventThenDone()
    the_run, _ = run([account(provider)], tmp_path)
    assert provider.done_called.wait(10)
    assert statuses(the_run) == [TaskStatus.FAILED]
    event, failed, late = lines(the_run)
    assert "Done missing: the provider signalled phSyncDoneEvent and had not called Done" in event
    assert "ended without reporting a result (no Done)" in failed
    assert "Rule 2 (in-call or background style): Done after the done event: Done came " in late
    assert "s after phSyncDoneEvent was set, when the task had already ended" in late
    assert "never" not in " ".join(lines(the_run))


def test_load_failure_fails_one_task_and_the_others_run(tmp_path):
    the_run, summary = run(
        [account("no-such-provider"), account(InCall(lambda cb: None))], tmp_path
    )
    assert statuses(the_run) == [TaskStatus.FAILED, TaskStatus.COMPLETED]
    assert "Cannot load provider 'no-such-provider': no provider named" in lines(the_run)[0]
    assert (summary.succeeded, summary.failed, summary.total) == (1, 1, 2)


@pytest.mark.parametrize("style", [InCall, Background])
def test_cancel_task_reaches_the_provider(tmp_path, style):
    release = threading.Event()

    async def cancel_first(the_run):
        await wait_for(lambda: the_run.tasks[0].tracker.snapshot().index > 0)
        the_run.tasks[0].cancel()

    the_run, summary = run(
        [account(style(until_cancelled(release))), account(InCall(lambda cb: S_OK))],
        tmp_path,
        during=cancel_first,
    )
    release.set()
    assert statuses(the_run) == [TaskStatus.CANCELLED, TaskStatus.COMPLETED]
    assert the_run.tasks[0].tracker.snapshot().result == MAPI_E_USER_CANCEL
    assert summary.cancelled == 1


def test_cancel_all_also_ends_tasks_waiting_for_a_slot(tmp_path):
    release = threading.Event()
    limits = RunLimits(max_parallel=1, cancel_grace=2.0, watchdog_interval=0.02)

    async def cancel_all(the_run):
        await wait_for(lambda: the_run.tasks[0].tracker.snapshot().index > 0)
        the_run.cancel_all()

    the_run, _ = run(
        [account(InCall(until_cancelled(release))), account(InCall(lambda cb: S_OK))],
        tmp_path,
        limits,
        during=cancel_all,
    )
    release.set()
    assert statuses(the_run) == [TaskStatus.CANCELLED, TaskStatus.CANCELLED]


def test_provider_ignoring_cancel_is_abandoned_after_the_grace(tmp_path):
    release = threading.Event()
    limits = RunLimits(cancel_grace=0.2, watchdog_interval=0.02)

    def deaf(cb):
        cb.Progress("busy", 1, 2)
        release.wait(30)

    async def cancel(the_run):
        await wait_for(lambda: the_run.tasks[0].tracker.snapshot().index == 1)
        the_run.cancel_all()

    the_run, _ = run([account(InCall(deaf))], tmp_path, limits, during=cancel)
    try:
        assert statuses(the_run) == [TaskStatus.ABANDONED]
        assert "did not stop within 0.2 s of Cancel" in lines(the_run)[0]
    finally:
        release.set()


def test_silent_task_is_not_responding_then_recovers(tmp_path):
    limits = RunLimits(stall_timeout=0.1, watchdog_interval=0.01)
    resume = threading.Event()
    seen = []

    def quiet(cb):
        cb.Progress("start", 1, 3)
        resume.wait(30)
        cb.Progress("again", 2, 3)

    async def watch(the_run):
        tracker = the_run.tasks[0].tracker
        await wait_for(lambda: tracker.status is TaskStatus.NOT_RESPONDING)
        seen.append(status_text(tracker.snapshot()))
        resume.set()

    the_run, _ = run([account(InCall(quiet))], tmp_path, limits, during=watch)
    assert seen and seen[0].startswith("Not responding (no progress for")
    # The stall stays on record: the task completed, with a warning about it.
    assert statuses(the_run) == [TaskStatus.WARNINGS]
    assert "Not responding: no progress for 0.1 s" in lines(the_run)[0]


def test_parallelism_is_bounded(tmp_path):
    limits = RunLimits(max_parallel=2, watchdog_interval=0.02)
    lock = threading.Lock()
    running = [0]
    peak = [0]
    gate = threading.Barrier(2, timeout=10)

    def script(cb):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        gate.wait()  # both slots busy at the same moment: proves 2 ran together
        with lock:
            running[0] -= 1

    the_run, _ = run([account(InCall(script)) for _ in range(6)], tmp_path, limits)
    assert peak[0] == 2
    assert all(s is TaskStatus.COMPLETED for s in statuses(the_run))


def test_session_gives_the_provider_its_account(tmp_path):
    seen = {}

    class Peek:
        def SynchronizeInBackground(self, psibpb):
            session = psibpb.psesSync
            seen.update(
                name=session.account_name,
                settings=dict(session.settings),
                store=session.store_dir,
                cancelled=session.cancelled,
                flags=psibpb.ulFlags,
            )
            psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback).Done(None, S_OK)
            return S_OK

    run([account(Peek(), name="Mine", colour="blue")], tmp_path)
    assert seen["name"] == "Mine" and seen["settings"] == {"colour": "blue"}
    assert seen["store"] == store_dir(tmp_path, "Mine") and seen["cancelled"] is False


def test_a_replaced_excepthook_does_not_change_how_another_task_fails(tmp_path):
    """One provider swallows every thread's death with its own threading.excepthook;
    the next account's dying thread is still tied to its task, and the process's hook
    is the provider's again once the run is over (as it asked)."""
    before = threading.excepthook
    limits = RunLimits(max_parallel=1, watchdog_interval=0.02)
    try:
        the_run, _ = run(
            [
                account("sendreceive.providers.faulty:ReplacesExcepthook"),
                account("sendreceive.providers.faulty:RaisesInThread"),
            ],
            tmp_path,
            limits,
        )
        assert statuses(the_run) == [TaskStatus.COMPLETED, TaskStatus.FAILED]
        assert "raised KeyError: 'message 2 has no UID'" in lines(the_run)[0]
        assert threading.excepthook is not before  # the provider's, restored after the run
    finally:
        threading.excepthook = before


def test_a_task_timed_out_while_the_host_was_starved_says_so(tmp_path):
    """A provider holding the GIL in C stops the whole host: the other task's time limit
    expires meanwhile, and its line names the starvation, not only MAPI_E_TIMEOUT."""
    release = threading.Event()
    limits = RunLimits(task_timeout=0.5, cancel_grace=2.0, watchdog_interval=0.02)
    hog = account("sendreceive.providers.faulty:HoldsTheGil", seconds=1.5)
    waiting = account(InCall(until_cancelled(release)))
    try:
        the_run, _ = run([waiting, hog], tmp_path, limits)
    finally:
        release.set()
    state = the_run.tasks[0].snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, MAPI_E_TIMEOUT)
    assert "the whole host was held up for" in lines(the_run)[0]


def test_time_other_work_kept_a_provider_from_a_cpu_is_given_back_up_to_the_limit(tmp_path):
    """A GUI's providers run at the lowest priority: the time limit gives back the time
    the host says its provider waited for a CPU, up to the limit once more (a provider
    whose own busy threads keep each other waiting cannot push its limit away)."""
    release = threading.Event()
    limits = RunLimits(task_timeout=0.3, cancel_grace=2.0, watchdog_interval=0.02)

    class WaitedHost(ThreadHost):
        def waited_for_cpu(self) -> float:
            return 3.0

    the_run = Run(
        [account(InCall(until_cancelled(release)))], tmp_path, limits, host_factory=WaitedHost
    )
    try:
        started = time.monotonic()
        asyncio.run(the_run.execute())
        took = time.monotonic() - started
    finally:
        release.set()
    state = the_run.tasks[0].snapshot()
    assert (state.status, state.result) == (TaskStatus.FAILED, MAPI_E_TIMEOUT)
    assert 0.6 <= took < 3.0, took  # 0.3 s of its own + 0.3 s given back, not 3 s
    assert "Its process waited 3.0 s for a CPU while other work ran" in lines(the_run)[0]


def test_a_tasks_time_limit_runs_from_when_its_provider_is_up(tmp_path):
    """A host slow to start its provider (a process waiting for a fork server to be
    replaced) does not eat into the task's time limit: it runs from ``tracker.start()``."""
    limits = RunLimits(task_timeout=0.3, watchdog_interval=0.02)

    class SlowToStart(ThreadHost):
        def start(self, wake):
            def up() -> None:
                ThreadHost.start(self, wake)
                wake()  # as a process host does when its provider's side says hello

            threading.Timer(1.0, up).start()  # the host's delay, not the test's wait

    the_run = Run([account(InCall(lambda cb: None))], tmp_path, limits, host_factory=SlowToStart)
    asyncio.run(the_run.execute())
    assert statuses(the_run) == [TaskStatus.COMPLETED], lines(the_run)


def test_a_time_limit_while_the_provider_still_imports_names_it_as_loading(tmp_path):
    """Its module's top level still runs at the limit: no generic time-out."""
    release = tmp_path / "release"
    module = tmp_path / "slow_import.py"
    module.write_text(
        "import pathlib, threading\n"
        f"while not pathlib.Path({str(release)!r}).exists():\n"
        "    threading.Event().wait(0.01)\n"
        "class Provider:\n"
        "    def SynchronizeInBackground(self, psibpb):\n"
        "        return 0\n"
    )
    limits = RunLimits(task_timeout=0.3, cancel_grace=0.2, watchdog_interval=0.02)
    try:
        the_run, _ = run([account(f"{module}:Provider")], tmp_path, limits)
    finally:
        release.touch()
    assert statuses(the_run) == [TaskStatus.ABANDONED]
    assert lines(the_run)[0].endswith(
        "'No result after 0.3 s (the task time limit): the provider was still loading (its "
        "module's import or its factory had not returned); the host cancelled the task.'"
    )


def test_store_dirs_are_absolute_before_any_provider_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    the_run = Run([account(InCall(lambda cb: None), name="Mine")], Path("stores"))
    assert the_run.tasks[0].store_dir == store_dir(tmp_path / "stores", "Mine")


def test_exact_types_only_no_provider_code_under_the_lock(tmp_path):
    """An int subclass whose __int__ raises, returned as the HRESULT, counts by value."""

    class Hr(int):
        def __int__(self):
            raise AssertionError("the host ran provider code")

        __index__ = __int__

    the_run, _ = run([account(InCall(lambda cb: Hr(0), returns=Hr(0)))], tmp_path)
    assert statuses(the_run) == [TaskStatus.COMPLETED]


def test_a_run_shares_one_trace_budget_among_its_tasks(tmp_path):
    """50 flooding providers must not each keep a full trace (B2 grew 420 MiB)."""
    accounts = [account(InCall(lambda cb: S_OK), name=f"A{n}") for n in range(50)]
    the_run = Run(accounts, tmp_path)
    assert {task.tracker.trace_limit for task in the_run.tasks} == {run_trace_limit(50)}
    assert run_trace_limit(50) * 50 <= RUN_TRACE_BUDGET
    assert run_trace_limit(1) == TRACE_LIMIT
