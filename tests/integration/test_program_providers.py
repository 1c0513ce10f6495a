"""Providers that are programs: the reference providers in C, POSIX shell and Node.js
(``providers/examples``), written from ``docs/protocol.md`` alone, run by the real host
from a profile, headless, recorded and replayed, cancelled, and checked by the contract
like a Python provider."""

from __future__ import annotations

import asyncio
import json
import shlex
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.hostile import LIMITS, main_py
from helpers.program_providers import EXAMPLES

from sendreceive.config.profile import Account
from sendreceive.config.program_command import PROGRAM, ProgramCommand
from sendreceive.contract import MAPI_E_USER_CANCEL, SyncFlags
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.program import protocol
from sendreceive.mail.outbox import DEFAULT_STORE_NAME
from sendreceive.run.english import error_line, status_text
from sendreceive.run.send_receive import Run
from sendreceive.tracking.trace import CANCEL_REQUESTED, DONE, PROGRESS
from sendreceive.tracking.tracker import TaskStatus

PASSWORD = "pw-7c1e"
SETTINGS = f'password = "{PASSWORD}"\npause_ms = 5\n'
ACCOUNTS = {  # name: (its settings, the final status the table shows)
    "In call": (
        'count = 4\nmissing = 2\nwarn = true\nstyle = "in-call"\n',
        "Completed with 1 error",
    ),
    "Background": ("count = 4\nmissing = 2\nwarn = true\n", "Completed with 1 error"),
    "Unknown total": ("count = 0\n", "Completed"),
    "No password": ("count = 2\n", "Failed: 0x80040111 (MAPI_E_LOGON_FAILED)"),
    "Refused settings": (
        'count = "many"\n',
        "Failed: 0x80070057 (E_INVALIDARG / MAPI_E_INVALID_PARAMETER)",
    ),
}


def profile(folder: Path, command: list[str]) -> Path:
    lines = []
    for name, (settings, _) in ACCOUNTS.items():
        password = "" if name == "No password" else f'password = "{PASSWORD}"\n'
        lines.append(
            f'[[accounts]]\nname = "{name}"\nprovider = "{PROGRAM}"\n'
            f"command = {json.dumps(command)}\n[accounts.settings]\n{settings}{password}"
            "pause_ms = 5\n"
        )
    path = folder / "programs.toml"
    path.write_text("\n".join(lines))
    return path


def events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_each_reference_provider_runs_headless_from_a_profile(tmp_path, reference):
    done = main_py(
        "--profile",
        str(profile(tmp_path, reference)),
        "--store-dir",
        str(tmp_path / "s"),
        "--headless",
        "--json",
    )
    assert done.returncode == 1, done.stderr  # two tasks fail, as they must
    finals = {e["task"]: e for e in events(done.stdout) if e["event"] == "final"}
    for name, (_, status) in ACCOUNTS.items():
        final = finals[f"{name} - Receiving"]
        assert final["status_text"] == status, (name, final, done.stderr[-2000:])
        assert final["violations"] == 0, (name, done.stdout)
    for name in ("In call", "Background"):  # known total, a warning, an error with its HRESULT
        final = finals[f"{name} - Receiving"]
        assert (final["index"], final["index_max"], final["warnings"]) == (4, 4, 1)
    errors = [e for e in events(done.stdout) if e["event"] == "error"]
    texts = {(e["hresult"], e["text"]) for e in errors}
    assert (0x8004010F, "Message 2 is missing on the server") in texts
    assert (1, "The server does not support IDLE: polling instead") in texts
    assert PASSWORD not in done.stdout + done.stderr


def test_a_relative_command_is_taken_from_the_profiles_folder(tmp_path, monkeypatch):
    folder = tmp_path / "profile"
    folder.mkdir()
    shutil.copy(EXAMPLES / "provider.sh", folder / "provider.sh")
    (folder / "p.toml").write_text(
        '[[accounts]]\nname = "Here"\nprovider = "exec"\ncommand = ["./provider.sh"]\n'
        f"[accounts.settings]\n{SETTINGS}count = 2\n"
    )
    monkeypatch.chdir(tmp_path)
    done = main_py("--profile", "profile/p.toml", "--store-dir", "s", "--headless", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    (final,) = [e for e in events(done.stdout) if e["event"] == "final"]
    assert final["status_text"] == "Completed"


def test_record_then_replay_gives_the_same_final_states(tmp_path, reference):
    path = profile(tmp_path, reference)
    first = main_py(
        "--profile",
        str(path),
        "--store-dir",
        str(tmp_path / "s"),
        "--headless",
        "--record",
        str(tmp_path / "first"),
    )
    assert first.returncode == 1, first.stderr
    again = main_py(
        "--replay",
        str(tmp_path / "first"),
        "--store-dir",
        str(tmp_path / "s2"),
        "--headless",
        "--record",
        str(tmp_path / "again"),
    )
    assert again.returncode == 1, again.stderr
    diff = main_py("diff", str(tmp_path / "first"), str(tmp_path / "again"))
    assert diff.returncode == 0, diff.stdout
    assert diff.stdout.strip().endswith("the runs match")
    recorded = "\n".join(p.read_text() for p in (tmp_path / "first").iterdir())
    assert PASSWORD not in recorded
    assert f'"provider": {json.dumps(shlex.join(reference))}' in recorded


def test_the_program_hears_cancel_and_ends_cancelled(tmp_path, reference):
    account = Account(
        "Cancelled",
        PROGRAM,
        settings={"count": 100_000, "password": PASSWORD, "pause_ms": 5},
        command=ProgramCommand(tuple(reference), str(tmp_path)),
    )
    limits = replace(LIMITS, cancel_grace=20.0, stall_timeout=20.0, task_timeout=None)
    run = Run([account], tmp_path / "s", limits, host_factory=host_factory("process", [account]))

    async def cancel_at_the_first_message() -> None:
        execution = asyncio.ensure_future(run.execute())
        tracker = run.tasks[0].tracker
        deadline = time.monotonic() + 30
        while tracker.snapshot().index == 0:  # watched through the trace, as the Calls tab
            assert time.monotonic() < deadline, status_text(tracker.snapshot())
            await asyncio.sleep(0.02)
        run.cancel_all()
        await execution

    asyncio.run(cancel_at_the_first_message())
    run.settle()
    task = run.tasks[0]
    state = task.snapshot()
    assert state.status is TaskStatus.CANCELLED, status_text(state)
    lines = [error_line(e) for e in run.error_log.entries]
    assert not any("stopped" in line for line in lines), lines  # it ended on its own
    calls = task.tracker.trace_since(0).calls
    names = [call.name for call in calls]
    assert CANCEL_REQUESTED in names and PROGRESS in names
    (done,) = [call for call in calls if call.name == DONE]
    assert done.args[1] == MAPI_E_USER_CANCEL


def test_the_fixture_runs_a_command(sendreceive, reference):
    result = sendreceive.run(reference, settings={"password": PASSWORD, "count": 3})
    result.assert_clean()
    assert [c.name for c in result.calls].count(PROGRESS) == 5  # 2 with no total, 3 with


DONE_TWICE = """\
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
echo '{"type":"Progress","text":"One","index":1,"max":1}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
"""


def test_strict_fails_a_program_that_calls_done_twice(tmp_path, monkeypatch):
    (tmp_path / "twice.sh").write_text(DONE_TWICE)
    monkeypatch.chdir(tmp_path)
    done = main_py(
        "--provider",
        "sh twice.sh",
        "--headless",
        "--strict",
        "--junit",
        "r.xml",
        "--store-dir",
        "s",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    junit = (tmp_path / "r.xml").read_text()
    assert '<failure message="Completed with 1 contract violation (--strict: ' in junit
    assert "Rule 6 (Done exactly once, nothing after it): Done called twice" in done.stdout
    assert "Completed with 1 contract violation" in done.stdout
    lenient = main_py("--provider", "sh twice.sh", "--headless", "--store-dir", "s")
    assert lenient.returncode == 0, lenient.stdout


@pytest.mark.parametrize(
    ("script", "line"),
    [
        (
            'echo \'{"type":"hello","version":1}\'; echo \'{bad\'; sleep 60',
            "The program broke the provider protocol at line 2 of its output: not JSON",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; echo \'{"type":"Sync"}\'',
            'line 2 of its output: unknown message type "Sync"',
        ),
        (
            'echo \'{"type":"hello","version":2}\'',
            "line 1 of its output: hello.version: 2 is none of 1",
        ),
        ('echo \'{"type":"Done","hresult":0}\'', "line 1 of its output: Done before hello"),
        (
            'echo \'{"type":"hello","version":1}\'; echo gone >&2; exit 3',
            "The program ended without Done: exit code 3 in SynchronizeInBackground. "
            "Its last output: gone",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; '
            'echo \'{"type":"returned","hresult":0,"style":"background"}\'',
            "The program ended without Done: exit code 0 after it returned in background style.",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; head -c 5000000 /dev/zero | tr \'\\0\' a',
            "line 2 of its output: a line of ",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; printf \'{"type":"Done"\'',
            "line 2 of its output: output ended inside a line (14 bytes, no newline)",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; exec >&-; sleep 30',
            "The program ended without Done: it closed its output but had not exited 5 s later, "
            "and was killed in SynchronizeInBackground.",
        ),
        (
            'echo \'{"type":"hello","version":1}\'; kill -9 $$',
            "The program ended without Done: signal 9 (SIGKILL) in SynchronizeInBackground.",
        ),
    ],
    ids=[
        "not-json",
        "unknown-type",
        "wrong-version",
        "before-hello",
        "exit-3",
        "background-exit",
        "endless-line",
        "no-newline",
        "closes-stdout",
        "killed",
    ],
)
def test_a_broken_program_is_named_and_fails_its_task_alone(tmp_path, monkeypatch, script, line):
    (tmp_path / "broken.sh").write_text(script + "\n")
    monkeypatch.chdir(tmp_path)
    done = main_py(
        "--provider", "sh broken.sh", "--provider", "demo-fast", "--headless", "--store-dir", "s"
    )
    assert done.returncode == 1
    assert line in done.stdout, done.stdout
    assert "demo-fast - Receiving  Completed" in done.stdout


def test_a_program_that_cannot_start_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = main_py("--provider", "./nowhere --fast", "--headless", "--store-dir", "s")
    assert done.returncode == 1
    assert (
        f"Cannot load provider 'exec': cannot start the program {tmp_path}/nowhere --fast: "
        "No such file or directory"
    ) in done.stdout


ROOT = EXAMPLES.parents[1]


def shortest(document: Path, heading: str) -> str:
    """The first ``sh`` block after ``heading`` in a document."""
    text = document.read_text()
    return text.split(heading, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize(
    ("document", "heading"),
    [("README.md", "## Write a provider in any language"), ("docs/protocol.md", "## The shortest")],
)
def test_the_shortest_provider_shown_runs_clean(tmp_path, monkeypatch, document, heading):
    (tmp_path / "hello.sh").write_text(shortest(ROOT / document, heading))
    monkeypatch.chdir(tmp_path)
    done = main_py("--provider", "sh hello.sh", "--headless", "--strict", "--store-dir", "s")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "hello.sh - Receiving  Completed  3/3" in done.stdout


def test_the_document_shows_every_message_of_the_protocol():
    text = (ROOT / "docs" / "protocol.md").read_text()
    kinds = {*protocol.PROGRAM_MESSAGES, "SynchronizeInBackground", "cancel"}
    assert all(f'{{"type":"{kind}"' in text for kind in kinds)
    for fields in protocol.PROGRAM_MESSAGES.values():
        assert all(f'"{field}":' in text for field in fields)


ASKS_PASSWORD = """\
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
store=$(printf '%s\\n' "$sync" | sed -n 's/.*"store_dir":"\\([^"]*\\)".*/\\1/p')
printf '%s\\n' "$sync" >"$store/sync"
env >"$store/env"
tr '\\0' ' ' </proc/$$/cmdline >"$store/argv"
echo '{"type":"password"}'
read -r answer
printf '%s\\n' "$answer" >"$store/answer"
echo '{"type":"Done","hresult":0}'
"""


def test_the_password_crosses_stdin_when_asked_and_never_argv_or_environment(tmp_path, monkeypatch):
    (tmp_path / "asks.sh").write_text(ASKS_PASSWORD)
    monkeypatch.setenv("ASKS_SECRET", PASSWORD)
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[[accounts]]\nname = "Asks"\nprovider = "exec"\ncommand = ["sh", "asks.sh"]\n'
        '[accounts.settings]\npassword_env = "ASKS_SECRET"\nregion = "eu"\n'
    )
    done = main_py("--profile", str(profile), "--store-dir", str(tmp_path / "s"), "--headless")
    assert done.returncode == 0, done.stdout + done.stderr
    (store,) = [p for p in (tmp_path / "s").iterdir() if p.name != DEFAULT_STORE_NAME]
    answer = json.loads((store / "answer").read_text())
    assert answer == {"type": "password", "value": PASSWORD, "error": None}
    sync = json.loads((store / "sync").read_text())
    assert sync["settings"] == {"region": "eu"}  # the password's source stays the host's
    assert (sync["account"], sync["store_dir"]) == ("Asks", str(store))
    for seen in ("env", "argv"):
        assert PASSWORD not in (store / seen).read_text()
        assert "ASKS_SECRET" not in (store / seen).read_text()


def test_a_reference_provider_refuses_flags_it_does_not_know(sendreceive, reference):
    result = sendreceive.run(reference, settings={"password": PASSWORD}, flags=SyncFlags(0x4))
    assert result.status == "Failed: 0x80040106 (MAPI_E_UNKNOWN_FLAGS)"
    assert [e.text for e in result.errors] == ["Unknown sync flags: 4"]


SPEAKS = """\
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
echo 'warming up the flux' >&2
echo '{"type":"log","level":"info","text":"a record of its log"}'
echo '{"type":"Done","hresult":0}'
"""


def test_its_stderr_and_log_lines_reach_the_log_tagged_with_the_account(tmp_path, monkeypatch):
    (tmp_path / "speaks.sh").write_text(SPEAKS)
    monkeypatch.chdir(tmp_path)
    done = main_py(
        "--provider", "sh speaks.sh", "--headless", "--store-dir", "s", "--log-file", "l"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    log = (tmp_path / "l").read_text()
    assert "WARNING sendreceive.provider.speaks.sh: [stderr] warming up the flux\n" in log
    assert "INFO sendreceive.provider.speaks.sh: a record of its log\n" in log


@pytest.mark.parametrize("settings", [{"count": -1}, {"count": "many"}, {"pause_ms": -5}])
def test_a_reference_provider_refuses_settings_it_cannot_use(sendreceive, reference, settings):
    result = sendreceive.run(reference, settings={"password": PASSWORD, **settings})
    assert result.status == "Failed: 0x80070057 (E_INVALIDARG / MAPI_E_INVALID_PARAMETER)"
    assert [e.hresult for e in result.errors] == [0x80070057]


def test_a_program_runs_contained_even_where_thread_isolation_is_asked(sendreceive, tmp_path):
    (tmp_path / "twice.sh").write_text(DONE_TWICE)
    result = sendreceive.run(["sh", str(tmp_path / "twice.sh")], isolation="thread")
    assert result.isolation == "process"
    assert result.status == "Completed with 1 contract violation"


def test_a_password_that_cannot_be_had_is_answered_with_why(tmp_path, monkeypatch):
    (tmp_path / "asks.sh").write_text(ASKS_PASSWORD)
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[[accounts]]\nname = "Asks"\nprovider = "exec"\ncommand = ["sh", "asks.sh"]\n'
        '[accounts.settings]\npassword_command = "exit 3"\n'
    )
    done = main_py("--profile", str(profile), "--store-dir", str(tmp_path / "s"), "--headless")
    assert done.returncode == 0, done.stdout + done.stderr
    (store,) = [p for p in (tmp_path / "s").iterdir() if p.name != DEFAULT_STORE_NAME]
    answer = json.loads((store / "answer").read_text())
    assert answer["value"] is None
    assert answer["error"].startswith("password_command failed (exit status 3)")
