"""A recording is read as hostile input: every line checked against the format, every
value against its range, each problem named with file and line (before: tracebacks,
``"version": true`` read as 1, ``max_parallel: 0`` replayed as a run that never
starts, 20,000 thread names replayed as 20,000 threads)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sendreceive.cli import main
from sendreceive.records.recording import MAX_THREADS, RecordingError, read


def header(**changes: Any) -> dict[str, Any]:
    line = {
        "line": "header", "format": "sendreceive-recording", "version": 1,
        "host": "sendreceive-workbench 1.0", "account": "A", "activity": "receiving",
        "provider": "demo-fast", "flags": 3, "flag_names": [], "settings": {},
        "isolation": "thread", "started": "2026-01-01T00:00:00+00:00", "order": 0,
        "limits": {"max_parallel": 8, "stall_timeout": 30.0, "cancel_grace": 10.0,
                   "task_timeout": None},
    }  # fmt: skip
    return {**line, **changes}


def call(thread: str = "MainThread", **changes: Any) -> dict[str, Any]:
    line = {"line": "call", "seq": 0, "t": 0.5, "thread": thread, "name": "Progress",
            "args": ["step", 1, 2], "result": 0, "violation": False}  # fmt: skip
    return {**line, **changes}


FOOTER = {
    "line": "footer", "status": "completed", "result": 0, "index": 2, "index_max": 2,
    "errors": 0, "warnings": 0, "violations": 0, "calls": 1, "dropped": 0,
    "error_lines": [{"kind": "error", "hresult": -2147467259, "text": "x", "count": 1}],
}  # fmt: skip


NAN_LIMIT = json.dumps(header()).replace('"cancel_grace": 10.0', '"cancel_grace": NaN')


def write(tmp_path, *lines: Any) -> Any:
    path = tmp_path / "r.jsonl"
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    return path


def test_a_well_formed_recording_reads(tmp_path):
    recording = read(write(tmp_path, header(), call(), FOOTER))
    assert recording.account == "A" and len(recording.calls) == 1


@pytest.mark.parametrize(
    ("lines", "line", "why"),
    [
        ([header(version=True), FOOTER], 1, "format version True"),
        ([header(version=1.0), FOOTER], 1, "format version 1.0"),
        ([header(limits={"max_parallel": 0}), FOOTER], 1, "max_parallel must be a whole"),
        ([header(limits={"stall_timeout": -1}), FOOTER], 1, "stall_timeout must be"),
        (NAN_LIMIT, 1, "cancel_grace must be"),
        ([header(flags=0), FOOTER], 1, "flags must be SYNC_ flag bits, got 0"),
        ([header(flags=True), FOOTER], 1, "flags must be SYNC_ flag bits"),
        ([header(flags=2**40), FOOTER], 1, "flags must be SYNC_ flag bits"),
        ([header(flags=0x202), FOOTER], 1, "both send and receive"),
        ([header(account=None), FOOTER], 1, "account must be a non-empty string"),
        ([header(isolation="fork"), FOOTER], 1, "isolation must be one of"),
        ([header(order=-1), FOOTER], 1, "order must be a count"),
        ([header(), call(args=None), FOOTER], 2, "args is not a list"),
        ([header(), call(thread=7), FOOTER], 2, "thread is not a str"),
        ([header(), call(t=float("nan")), FOOTER], 2, "out of range"),
        ([header(), {"line": "dropped"}, FOOTER], 2, "count must be a count"),
        ([header(), [1, 2], FOOTER], 2, "unknown line kind"),
        ([header(), "[" * 100_000, FOOTER], 2, "nested too deeply"),
        ([header(), "{not json", FOOTER], 2, "not JSON"),
        ([header(), {**FOOTER, "status": "great"}], 2, "no task status"),
        ([header(), {**FOOTER, "error_lines": [{"kind": "error"}]}], 2, "error line is malformed"),
        ([header(), FOOTER, call()], 3, "a line after the footer"),
        ([{"line": "call"}], 1, "no header line"),
    ],
)
def test_a_malformed_recording_is_refused_at_its_line(tmp_path, lines, line, why):
    path = write(tmp_path, *(lines if isinstance(lines, list) else [lines]))
    with pytest.raises(RecordingError) as refused:
        read(path)
    assert str(refused.value).startswith(f"{path}:{line}: ")
    assert why in str(refused.value)


def test_more_thread_names_than_a_replay_starts_are_refused(tmp_path):
    calls = [call(thread=f"t{n}", seq=n) for n in range(MAX_THREADS + 1)]
    path = write(tmp_path, header(), *calls, FOOTER)
    with pytest.raises(RecordingError, match=f"more than {MAX_THREADS} threads"):
        read(path)
    assert read(write(tmp_path, header(), *calls[:MAX_THREADS], FOOTER))


def test_a_recording_it_cannot_use_exits_2_naming_it(tmp_path, capsys):
    path = write(tmp_path, header(limits={"max_parallel": 0}), FOOTER)
    args = ["--headless", "--replay", str(path), "--log-file", str(tmp_path / "log")]
    assert main(args) == 2
    assert f"{path}:1: header: limits: max_parallel must be" in capsys.readouterr().err
    assert main(["diff", str(path), str(path)]) == 2
