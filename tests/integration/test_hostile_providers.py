"""Every provider of the hostile catalogue in one run with the demo accounts, in both
isolation modes: each ends in its documented state with its documented lines, and the
demo accounts complete."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.hostile import (
    DEMO,
    EXPECTED,
    LIMIT_ARGS,
    LIMITS,
    MODES,
    PROFILE,
    expected,
    keep_stdio,
    main_py,
)
from helpers.runs import task_of

from sendreceive.config.profile import Account, load_profile
from sendreceive.contract import SyncFlags
from sendreceive.hosting.isolation import host_factory
from sendreceive.providers.faulty import wake_hung_providers
from sendreceive.run.english import STATUS_WORDS, error_line, status_text
from sendreceive.run.send_receive import Run
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.tracker import TaskStatus

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=MODES)
def finished_run(request, tmp_path_factory):
    """The catalogue, run once per isolation mode (accounts marked isolation = "process"
    in the profile run in a process in both)."""
    os.environ["SENDRECEIVE_DEMO_SPEED"] = "20"
    try:
        accounts = load_profile(PROFILE).accounts
        hosts = host_factory(request.param, accounts)
        run = Run(accounts, tmp_path_factory.mktemp("stores"), LIMITS, host_factory=hosts)
        with keep_stdio():
            summary = asyncio.run(run.execute())
        yield run, summary, request.param
    finally:
        del os.environ["SENDRECEIVE_DEMO_SPEED"]
        wake_hung_providers()  # let the abandoned threads end before the next module


def test_the_profile_covers_the_whole_catalogue():
    names = [a.name for a in load_profile(PROFILE).accounts]
    assert names == [*DEMO, *EXPECTED]


@pytest.mark.parametrize("account", DEMO)
def test_demo_accounts_are_unaffected(finished_run, account):
    run, _, _ = finished_run
    assert task_of(run, account).tracker.status.is_success


@pytest.mark.parametrize("account", list(EXPECTED))
def test_each_hostile_provider_ends_as_documented(finished_run, account):
    run, _, mode = finished_run
    documented = expected(mode)[account]
    the_task = task_of(run, account)
    state = the_task.snapshot()
    lines = [error_line(e) for e in run.error_log.entries if e.task == the_task.tracker.task]
    assert (state.status, state.result) == (documented.status, documented.result), (
        status_text(state),
        lines,
    )
    assert state.violations == documented.violations
    for fragment in documented.fragments:
        assert any(fragment in line for line in lines), (fragment, lines)


def test_error_flood_is_one_folded_line_with_an_exact_count(finished_run):
    run, _, _ = finished_run
    flood = task_of(run, "Error flood")
    entries = [e for e in run.error_log.entries if e.task == flood.tracker.task]
    assert [(e.kind, e.count) for e in entries] == [(ErrorKind.ERROR, 100_000)]
    assert flood.snapshot().errors == 100_000
    assert entries[0].first_time <= entries[0].last_time


def test_many_threads_keep_exact_counts(finished_run):
    run, _, _ = finished_run
    state = task_of(run, "Many threads").snapshot()
    assert state.errors == 16
    assert (state.index, state.index_max) == (2000, 2000)


def test_summary_is_truthful(finished_run):
    run, summary, _ = finished_run
    statuses = [t.tracker.status for t in run.tasks]
    assert summary.total == len(EXPECTED) + len(DEMO)
    states = [t.tracker.snapshot() for t in run.tasks]
    clean = [s for s in states if s.status.is_success and not s.errors + s.violations]
    assert summary.succeeded == len(clean)
    assert summary.with_errors == sum(s.is_success for s in statuses) - len(clean)
    assert summary.failed == statuses.count(TaskStatus.FAILED)
    assert summary.abandoned == statuses.count(TaskStatus.ABANDONED)
    assert summary.cancelled == statuses.count(TaskStatus.CANCELLED)
    assert summary.errors == run.error_log.count(ErrorKind.ERROR, ErrorKind.VIOLATION)
    assert summary.warnings == run.error_log.count(ErrorKind.WARNING)
    assert all(s.is_final for s in statuses)


@pytest.mark.parametrize("mode", MODES)
def test_headless_run_of_the_catalogue_exits_cleanly(tmp_path, mode):
    """The real program, hung providers and all, ends by itself with exit 1."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--headless",
            "--profile",
            str(PROFILE),
            "--store-dir",
            str(tmp_path),
            *LIMIT_ARGS,
            "--isolation",
            mode,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, SENDRECEIVE_DEMO_SPEED="20"),
        check=False,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    # The headline counts exactly the table's rows that completed without an error.
    lines = done.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Task  "))) + 2
    rows = [re.split(r"\s{2,}", line) for line in lines[start : lines.index("", start)]]
    documented = expected(mode)
    assert len(rows) == len(documented) + len(DEMO)
    clean = sum(row[1].startswith("Completed") and row[3] == "0" for row in rows)
    assert f"{clean} of {len(rows)} tasks have completed successfully (" in done.stdout
    for account, outcome in documented.items():
        row = next(
            line for line in done.stdout.splitlines() if line.startswith(f"{account} - Receiving  ")
        )
        assert STATUS_WORDS[outcome.status].split(" ")[0] in row
    if mode == "thread":
        # What "Leaves work behind" left did not keep the process from exiting, and is named.
        assert "left behind at exit: thread 'faulty-lingering' (non-daemon)" in done.stderr
        assert "atexit handler(s) registered after start-up, not run" in done.stderr
    else:  # it was left in the provider's process, which ended with its task
        assert "left behind at exit" not in done.stderr


def test_json_stream_survives_a_provider_that_grabs_stdout(tmp_path):
    """The report is written to the host's own copy of stdout: a provider that points
    fd 1 elsewhere, re-encodes sys.stdout, prints and closes it changes nothing."""
    done = main_py(
        "--headless", "--json", "--store-dir", str(tmp_path),
        "--provider", "demo-fast", "--provider", "sendreceive.providers.faulty:GrabsStdout",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    events = [json.loads(line) for line in done.stdout.splitlines()]
    finals = {e["task"]: e["status"] for e in events if e["event"] == "final"}
    assert finals["GrabsStdout - Receiving"] == "completed"
    assert finals["demo-fast - Receiving"] == "completed"
    assert events[-1]["headline"] == "2 of 2 tasks have completed successfully"


def test_json_error_events_carry_the_hosts_findings_as_ids_and_arguments(tmp_path):
    """Beside the English text, which stays as it was: a script tells the host's findings
    from a provider's texts, those made in a provider's process included."""
    profile = tmp_path / "two.toml"
    profile.write_text(
        "".join(
            f'[[accounts]]\nname = "{spec}"\nprovider = "{spec}"\n'
            for spec in (
                "sendreceive.providers.faulty:DoneTwice",
                "sendreceive.providers.faulty_exits_at_import:Provider",
            )
        )
    )
    done = main_py(
        "--headless", "--json", "--store-dir", str(tmp_path), "--isolation", "process",
        "--profile", str(profile),
    )  # fmt: skip
    events = [json.loads(line) for line in done.stdout.splitlines()]
    errors = {e["id"]: e for e in events if e["event"] == "error"}
    twice = errors["DONE_TWICE"]
    assert twice["text"].startswith(
        "Rule 6 (Done exactly once, nothing after it): Done called twice:"
    )
    assert twice["args"][0] == "Done"
    load = errors["CANNOT_LOAD"]
    assert load["args"] == [
        "'sendreceive.providers.faulty_exits_at_import:Provider'",
        [
            "IMPORT_RAISED",
            ["'sendreceive.providers.faulty_exits_at_import'", ["CALLED_EXIT", ["0"]]],
        ],
    ]
    assert load["text"].endswith("raised it called sys.exit(0)")


@pytest.mark.parametrize("mode", MODES)
def test_a_providers_own_sigint_cancels_nothing(tmp_path, mode):
    done = main_py(
        "--headless", "--store-dir", str(tmp_path), "--isolation", mode,
        "--provider", "sendreceive.providers.faulty:SendsSigint", "--provider", "demo-folders",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 of 2 tasks have completed successfully" in done.stdout
    if mode == "thread":  # in a process, it only reached its own (which ignores it)
        assert "ignored a SIGINT this process sent itself" in done.stderr


@pytest.mark.parametrize(("mode", "ending"), [("thread", "Abandoned"), ("process", "Cancelled")])
def test_the_users_sigint_still_cancels(tmp_path, mode, ending):
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--headless", "--store-dir", str(tmp_path),
         "--provider", "sendreceive.providers.faulty:HangsSilently", "--cancel-grace", "0.5",
         "--isolation", mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        # The first line shows the task Pending: a SIGINT then would cancel it before its
        # provider started, and nothing would be left to abandon.
        assert process.stdout is not None
        while "Running" not in (line := process.stdout.readline()):
            assert line, "the run ended before its task started"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 1, err
    # Cancelled when the SIGINT came before the provider was called; else, in thread mode,
    # Abandoned (it hangs). Either way the user's Ctrl-C ended the task.
    assert re.search(
        rf"^HangsSilently - Receiving +({ending}|Cancelled) ",
        out,
        re.MULTILINE,
    )


@pytest.mark.parametrize("mode", MODES)
def test_exit_is_not_held_by_a_read_on_stdin(tmp_path, mode):
    reader, writer = os.pipe()  # stdin stays open: the provider's read never returns
    try:
        done = main_py(
            "--headless", "--store-dir", str(tmp_path), "--isolation", mode,
            "--provider", "sendreceive.providers.faulty:ReadsStdin", stdin=reader,
        )  # fmt: skip
    finally:
        os.close(reader)
        os.close(writer)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Fatal Python error" not in done.stderr
    if mode == "thread":  # a provider's process has no stdin: its read ends at once
        assert "left behind at exit: thread 'faulty-stdin'" in done.stderr


def test_provider_that_exits_at_import_is_a_bad_spec_not_a_silent_exit(tmp_path):
    done = main_py(
        "--headless", "--store-dir", str(tmp_path),
        "--provider", "sendreceive.providers.faulty_exits_at_import:Provider",
    )  # fmt: skip
    assert done.returncode == 2
    assert (
        "importing 'sendreceive.providers.faulty_exits_at_import' raised it called sys.exit(0)"
        in (done.stderr)
    )


# Replaying the catalogue: what a recording cannot bring back. A provider that failed to
# load, or was still loading at its time limit, made no call (the host's own finding is its
# only line); the floods make more calls
# than their share of the run's trace budget keeps, so their recordings dropped some (and
# say how many); "Ignores Cancel" goes on calling after its recording was written (same
# state and lines, more calls).
NOT_REPLAYABLE = {
    "Import error": "failed to load: no call",
    "No SynchronizeInBackground": "failed to load: no call",
    "Constructor raises": "failed to load: no call",
    "Exits at import": "failed to load: no call",
    "Still importing": "still loading at its time limit: no call",
}
# A provider process that died, closed its socket to the app, or was killed while it held
# the interpreter lock in C code, sent no trace back: its recording holds no call to
# replay. One stopped by SIGTERM (it ignored Cancel) ships its trace before it ends.
DIED = {
    "Calls os._exit",
    "Segfaults",
    "Aborts",
    "Aborts with a reason",
    "Closes its socket",
    "Catastrophic regex",
    "Ignores SIGTERM",
    "Execs another program",
}
# The keeper killed these at a limit of their tree (SIGKILL), and the app named the limit
# when the keeper saw it, before the tree had ended: whether the process's trace reached
# the app first is a race (the thread bomb's did, once in a full run). Either way their
# replay could not bring the keeper's kill back: never replayed.
TREE_KILLED = {"Thread bomb", "Fork bomb", "Open files across processes"}
# The memory bomb's end is the host's finding about a limit the replaying account does not
# have ("killed: memory limit ... memory_limit_mb"): its replay raises a plain MemoryError.
# What a provider's process left behind, or how it took its SIGTERM, is the host's finding
# about processes a replay does not start.
UNFAITHFUL = {"Memory bomb", "Leaves a child process", "Daemonizes", "Stops itself"}
# Its Done answers the host's request to stop, sent once the done event had waited the
# grace; a replay makes it at the recorded time, which may come before the replay's host
# asks: then it is in time, and the task completes.
UNFAITHFUL |= {"Done after the done event"}
FLOODS = {"Error flood", "Many threads"}  # the only ones allowed to pass the trace budget
REPLAYED_ALONE = ("Many threads",)  # 16 threads hammering: in a run of its own


# What a time-limit line adds about the machine's load (a CPU the provider waited for, a
# held interpreter lock) differs between two runs of the same provider; the rest may not.
_LOAD_NOTE = re.compile(r" (Meanwhile the whole host was held up|Its process waited) .*$")


def _steady(lines: list[str]) -> set[str]:
    return {_LOAD_NOTE.sub("", line) for line in lines}


def test_replaying_the_catalogue_gives_the_same_states_lines_and_violations(finished_run, tmp_path):
    from sendreceive.records.diff import compare, load
    from sendreceive.records.recording import record_run
    from sendreceive.tracking.trace import SYNC_CALLED

    run, _, mode = finished_run  # in process mode the trace comes from each provider's process
    recorded = tmp_path / "recorded"
    record_run(run, recorded)
    recordings = load(recorded)
    dropped = {name for name, recording in recordings.items() if recording.dropped}
    assert dropped <= FLOODS, dropped
    silent = {
        name
        for name, recording in recordings.items()
        if not any(line["name"] == SYNC_CALLED for line in recording.calls)
    }
    assert silent - TREE_KILLED == {*NOT_REPLAYABLE, *DIED}
    originals = {
        name: recording
        for name, recording in recordings.items()
        if name not in silent | dropped | UNFAITHFUL | TREE_KILLED
    }
    again = tmp_path / "again"
    alone = [name for name in REPLAYED_ALONE if name in originals]
    for group in [[name for name in originals if name not in alone], *([n] for n in alone)]:
        accounts = [
            Account(
                name,
                "replay",
                SyncFlags(originals[name].header["flags"]),
                {"trace": str(originals[name].path)},
            )
            for name in group
        ]
        hosts = host_factory(mode, accounts)  # a stopped provider is stopped again
        replay = Run(accounts, tmp_path / "stores", LIMITS, host_factory=hosts)
        with keep_stdio():
            asyncio.run(replay.execute())
        record_run(replay, again)
    for diff in compare(originals, load(again)):
        assert not diff.only_in, diff.account
        assert diff.state is None, (diff.account, diff.state)
        added, removed = _steady(diff.lines_added), _steady(diff.lines_removed)
        assert (added - removed, removed - added, diff.lines_recounted) == (set(), set(), []), (
            diff.account,
            diff,
        )
        if diff.account != "Ignores Cancel":
            assert diff.parting is None and not diff.calls_per_kind, (diff.account, diff)
