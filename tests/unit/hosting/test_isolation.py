"""Choosing where each provider runs, and what the app accepts from a provider's process."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

from sendreceive.cli import build_parser, options_from_args
from sendreceive.config.profile import Account
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import SyncFlags
from sendreceive.hosting.host import LAST_MESSAGES_LIMIT, TaskSetup
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.process import messages
from sendreceive.hosting.process.host import STOP_GRACE, ProcessHost, _mirrored, run_delays
from sendreceive.hosting.thread.host import ThreadHost
from sendreceive.tracking.error_log import ErrorKind, ErrorLog
from sendreceive.tracking.findings import Finding
from sendreceive.tracking.trace import HEAD, RemoteTrace, call_line
from sendreceive.tracking.tracker import TaskTracker

PROFILE = """
[profile]
isolation = "thread"

[[accounts]]
name = "Own"
provider = "demo-fast"
isolation = "process"

[[accounts]]
name = "Default"
provider = "demo-fast"
"""


def options(tmp_path: Path, *args: str):
    path = tmp_path / "p.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return options_from_args(build_parser().parse_args(["--profile", str(path), *args]))


def setup(account: Account, tmp_path: Path) -> TaskSetup:
    tracker = TaskTracker(account.task, ErrorLog())
    return TaskSetup(account, SyncFlags(0), tmp_path, tracker, logging.getLogger("test"))


def hosts_of(tmp_path: Path, *args: str) -> dict[str, type]:
    """The host each account gets (built, not started)."""
    chosen = options(tmp_path, *args)
    assert chosen.profile is not None
    make = host_factory(chosen.isolation, chosen.profile.accounts)
    return {a.name: type(make(setup(a, tmp_path))) for a in chosen.profile.accounts}


def test_the_apps_default_is_process(tmp_path):
    parsed = build_parser().parse_args(["--provider", "demo-fast"])
    assert options_from_args(parsed).isolation == "process"


def test_profile_default_then_command_line_then_the_accounts_own(tmp_path):
    assert hosts_of(tmp_path) == {"Own": ProcessHost, "Default": ThreadHost}
    assert hosts_of(tmp_path, "--isolation", "process") == {
        "Own": ProcessHost,
        "Default": ProcessHost,
    }
    own = Account("X", "demo-fast", isolation="thread")
    make = host_factory("process", [own])
    setup = TaskSetup(
        own, SyncFlags(0), tmp_path, TaskTracker("X", ErrorLog()), logging.getLogger()
    )
    assert isinstance(make(setup), ThreadHost)


def test_a_finding_from_a_providers_process_crosses_as_its_id_and_arguments():
    late = Finding.DONE_TWICE("Done", "None, 0")
    entries = [
        messages.Entry(7, "contract violation", None, late.english, 2, late),
        messages.Entry(8, "error", 0x80004005, "the provider's own text", 1, None),
    ]
    state = messages.State(3, "s", 1, 2, None, None, (None, None), entries)
    found = _mirrored(messages.decode_from_child(messages.encode(state)))
    assert found.entries == [
        (7, ErrorKind.VIOLATION, None, late.english, 2, late),
        (8, ErrorKind.ERROR, 0x80004005, "the provider's own text", 1, None),
    ]


@pytest.mark.parametrize(
    ("found", "said"),
    [
        (["NOT_AN_ID", []], "unknown finding id 'NOT_AN_ID'"),
        (["EXIT_CODE", [3, 4]], "EXIT_CODE takes a list of 1 arguments"),
        (["EXIT_CODE", [[]]], "a finding must be [id, [args]]"),
        ([None, ["an argument"]], "unknown finding id"),
    ],
)
def test_a_malformed_finding_from_a_providers_process_is_named(found, said):
    state = messages.State(3, "s", 1, 2, None, None, (None, None), [])
    raw = json.loads(messages.encode(state))
    raw["entries"] = [
        {"key": 1, "kind": "error", "hresult": None, "text": "t", "count": 1, "found": found}
    ]
    with pytest.raises(messages.ProtocolError, match=r"state\.entries\[0\]\.found: "):
        messages.decode_from_child(json.dumps(raw).encode())
    with pytest.raises(messages.ProtocolError, match=re.escape(said)):
        messages.decode_from_child(json.dumps(raw).encode())


def test_text_from_a_providers_process_is_made_printable_and_bounded():
    state = messages.State(3, "a\x1b[31m" + "x" * 10_000, 1, 2, None, None, (None, None), [])
    found = _mirrored(messages.decode_from_child(messages.encode(state)))
    assert "\x1b" not in found.step
    assert len(found.step) <= 300


TASK = TaskId("X", Activity.RECEIVING)


def traced_calls(count: int) -> list[dict[str, object]]:
    """The trace lines a provider's process sends for ``count`` Progress calls."""
    child = TaskTracker(TASK, ErrorLog())
    for index in range(count):
        child.Progress("Step", index, count)
    return [call_line(call) for call in child.trace_since(0).calls]


def test_a_process_trace_is_kept_as_it_came_and_read_when_asked(caplog):
    """Fifty processes ending together must not make the app decode their traces while
    the GUI draws: a frame is stored as bytes; reading the trace decodes it, once."""
    tracker = TaskTracker(TASK, ErrorLog())
    lines = traced_calls(3)
    frame = messages.trace_frame(lines, dropped=7)
    assert len(frame) < len(json.dumps(lines))  # compressed by the child
    tracker.absorb_trace(frame, messages.decode_trace_frame)
    tracker.absorb_trace(messages.TRACE + b"not zlib", messages.decode_trace_frame)
    assert tracker.trace_generation == 1
    with caplog.at_level(logging.WARNING, "sendreceive.engine"):
        trace = tracker.trace_since(0)
    assert [call_line(call) for call in trace.calls] == lines
    assert trace.dropped == 7 and tracker.traced == 3 + 7
    assert "1 frame(s) of the provider's trace unreadable, the first: trace: not compressed" in (
        caplog.text
    )
    assert tracker.trace_since(trace.cursor).calls == []  # decoded once, kept


def test_a_process_trace_past_its_budget_is_left_out_and_said(caplog):
    tracker = TaskTracker(TASK, ErrorLog(), trace_limit=1)
    frame = messages.trace_frame(traced_calls(1), 0)
    for _ in range(RemoteTrace.BYTES_PER_LINE // len(frame) + 2):
        tracker.absorb_trace(frame, messages.decode_trace_frame)
    with caplog.at_level(logging.WARNING, "sendreceive.engine"):
        kept = tracker.traced
    assert 0 < kept <= RemoteTrace.BYTES_PER_LINE // len(frame)
    assert "frames of the provider's trace left out (over its budget)" in caplog.text


def test_trace_frames_that_inflate_past_the_tasks_budget_are_left_out_and_said(caplog):
    """A few kilobytes may claim megabytes: however many such frames come, reading the
    trace inflates at most the task's budget, and what is past it is said."""
    tracker = TaskTracker(TASK, ErrorLog(), trace_limit=1_000)
    bomb = messages.TRACE + zlib.compress(b" " * (messages.MAX_FRAME - 1), 9)
    assert len(bomb) < 10_000
    for _ in range(200):  # 1.6 GB, inflated
        tracker.absorb_trace(bomb, messages.decode_trace_frame)
    good = messages.trace_frame(traced_calls(2), 0)
    tracker.absorb_trace(good, messages.decode_trace_frame)
    inflated = []
    real = messages.decode_trace_frame

    def counting(frame: bytes, budget: int) -> tuple[list[Any], int, int]:
        assert budget <= 1_000 * RemoteTrace.BYTES_PER_LINE
        try:
            return real(frame, budget)
        finally:
            inflated.append(budget)

    tracker._remote._decode = counting  # type: ignore[union-attr]  # spy on the reads
    with caplog.at_level(logging.WARNING, "sendreceive.engine"):
        tracker.trace_since(0)
    assert len(inflated) <= 2, "frames past the budget must not even be inflated"
    assert "left out (over its budget)" in caplog.text


@pytest.mark.parametrize(
    "line",
    [
        {"line": "call", "seq": 0, "t": 0, "thread": "t", "name": "Progress",
         "args": [{"type": "object"}], "result": 0, "violation": False},  # no text
        {"line": "call", "seq": 0, "t": 0, "thread": "t", "name": "Progress",
         "args": [{"type": "bytes", "text": "b''", "bytes": "\u4e2d"}], "result": 0,
         "violation": False},  # bytes past latin-1
        {"line": "call", "seq": 0, "t": 0, "thread": "t", "name": "Progress", "args": [[1]],
         "result": 0, "violation": False},
        {"line": "call", "seq": -1, "t": 0, "thread": "t", "name": "x", "args": [],
         "result": None, "violation": False},
        {"line": "exec", "seq": 0, "t": 0, "thread": "t", "name": "x", "args": [],
         "result": None, "violation": False},
        {"line": "call", "seq": 0, "t": 0, "thread": "t", "name": "x", "args": [],
         "result": None},
    ],
)  # fmt: skip
def test_a_malformed_trace_line_is_a_protocol_error_not_a_crash(line):
    """One bad line in a provider process's trace is refused as such (and the reader of
    the trace logs it): never a KeyError or a UnicodeError for --record to die of."""
    frame = messages.trace_frame([*traced_calls(1), line], 0)
    with pytest.raises(messages.ProtocolError, match=r"trace\.calls: "):
        messages.decode_trace_frame(frame, messages.MAX_FRAME)


@pytest.mark.parametrize(
    "payload",
    [
        messages.TRACE + zlib.compress(b"[1, 2]"),  # not an object
        messages.TRACE + zlib.compress(b'{"calls": [], "dropped": -1}'),
        messages.TRACE + zlib.compress(b"{" * 10),
        messages.TRACE + zlib.compress(b" " * (messages.MAX_FRAME + 1)),  # inflates past a frame
        messages.TRACE + zlib.compress(b'{"calls": [], "dropped": 0}')[:-3],  # cut short
    ],
)
def test_a_broken_trace_frame_is_a_protocol_error(payload):
    with pytest.raises(messages.ProtocolError):
        messages.read_trace_frame(payload)


def test_a_trace_frame_is_never_inflated_past_the_budget_given():
    frame = messages.TRACE + zlib.compress(b'{"calls": [], "dropped": 0}' + b" " * 10_000)
    with pytest.raises(messages.ProtocolError, match="more than 1,000 bytes"):
        messages.read_trace_frame(frame, 1_000)


def test_a_child_still_sending_its_last_messages_is_not_stopped_as_silent(tmp_path):
    """Told to exit, a child has ``STOP_GRACE`` of silence before SIGTERM; one still
    delivering its trace on a busy machine keeps going, up to ``LAST_MESSAGES_LIMIT``."""
    account = Account("X", "demo-fast")
    tracker = TaskTracker(TASK, ErrorLog())
    host = ProcessHost(TaskSetup(account, SyncFlags(0), tmp_path, tracker, logging.getLogger()))
    signals: list[int] = []
    host._signal_tree = signals.append  # type: ignore[method-assign]
    host._stop_at = 100.0
    host._heard_at = 100.0 + LAST_MESSAGES_LIMIT - 0.5  # it was sending until just now
    host._escalate(100.0 + LAST_MESSAGES_LIMIT - 0.1)
    assert signals == []
    host._escalate(100.0 + LAST_MESSAGES_LIMIT)  # past the limit, however busy it is
    assert signals == [signal.SIGTERM]
    quiet = ProcessHost(TaskSetup(account, SyncFlags(0), tmp_path, tracker, logging.getLogger()))
    quiet._signal_tree = signals.append  # type: ignore[method-assign]
    quiet._stop_at = 100.0
    quiet._escalate(100.0 + STOP_GRACE)
    assert signals == [signal.SIGTERM, signal.SIGTERM]


def test_a_watched_process_trace_keeps_its_start_and_latest_calls_within_the_limit():
    """The Calls tab pulls a flooding provider's trace again and again: the app keeps,
    like the process's own ring, the first calls and the latest up to the task's limit."""
    limit = HEAD + 50
    tracker = TaskTracker(TASK, ErrorLog(), trace_limit=limit)
    lines = traced_calls(HEAD + 200)
    for start in range(0, len(lines), 100):  # pulled in pieces, as a watched run is
        tracker.absorb_trace(
            messages.trace_frame(lines[start : start + 100], 0), messages.decode_trace_frame
        )
        tracker.trace_since(0)
    calls = tracker.trace_since(0).calls
    assert len(calls) == limit and tracker.traced == len(lines)
    kept = [call_line(call) for call in calls]
    assert kept == lines[:HEAD] + lines[-(limit - HEAD) :]


BUSY_THREADS = """
import threading
def spin():
    while True:
        pass
for _ in range(3):
    threading.Thread(target=spin, daemon=True).start()
print("up", flush=True)
spin()
"""


def test_a_process_s_wait_for_a_cpu_is_its_most_delayed_thread_s_and_outlives_it(tmp_path):
    """Four busy threads on two CPUs wait together: the process waited as long as the
    most delayed of them, not their sum; once the process is gone, the host keeps what
    it last read (a time limit due after a death still has it)."""
    child = subprocess.Popen(
        [sys.executable, "-c", BUSY_THREADS], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "up\n"
        os.kill(child.pid, signal.SIGSTOP)  # its counters hold still while we read them
        waits = []
        for tid in os.listdir(f"/proc/{child.pid}/task"):
            with open(f"/proc/{child.pid}/task/{tid}/schedstat") as stat:
                waits.append(int(stat.read().split()[1]) / 1e9)
        assert sorted(run_delays(child.pid) or []) == sorted(waits)
        host = ProcessHost(setup(Account("X", "demo-fast"), tmp_path))
        host._pid = child.pid
        read = host.waited_for_cpu()
        assert read == max(waits)
    finally:
        child.kill()
        child.wait()
    assert run_delays(child.pid) is None
    assert host.waited_for_cpu() == read
