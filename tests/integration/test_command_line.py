"""The real entry point, as a user or CI runs it: ``python main.py --headless ...``."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELLO = ROOT / "tests" / "data" / "hello_provider.py"


def main_py(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SENDRECEIVE_DEMO_SPEED="50")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--store-dir", str(tmp_path / "stores")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("language", [(), ("--lang", "zh_CN")], ids=["default", "zh_CN"])
def test_headless_demo_shows_every_task_and_fails_because_of_tailspin(tmp_path, language):
    """The headless words are English and stable for scripts, whatever --lang says."""
    done = main_py("--headless", *language, tmp_path=tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert "3 of 5 tasks have completed successfully (1 with errors, 1 failed)" in out
    table = out[out.index("Task  ") :]
    for row in (
        "Contoso - Receiving        Completed",
        "Fabrikam - Synchronizing   Completed",
        "Northwind - Receiving      Completed with 1 error",
        "Tailspin Toys - Receiving  Failed: 0x80040111 (MAPI_E_LOGON_FAILED)",
        "Litware - Receiving        Completed",
    ):
        assert row in table
    assert (
        "Task 'Tailspin Toys - Receiving' reported error (0x80040111) : "
        "'mail.tailspintoys.example rejected" in out
    )
    assert "Task 'Northwind - Receiving' reported warning (0x00040680)" in out


def test_headless_json_events(tmp_path):
    done = main_py("--headless", "--json", "--group", "Work", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    finals = {e["task"]: e["status"] for e in events if e["event"] == "final"}
    assert finals == {
        "Contoso - Receiving": "completed",
        "Fabrikam - Synchronizing": "completed",
        "Northwind - Receiving": "warnings",
    }
    summary = events[-1]
    assert summary["event"] == "summary"
    assert summary["headline"] == "2 of 3 tasks have completed successfully (1 with errors)"
    assert summary["outcome"] == "completed with errors"


def test_readme_provider_runs_headless_from_a_file(tmp_path):
    done = main_py(
        "--headless", "--provider", f"{HELLO}:Hello", "--set", "count=3", tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "[Hello - Receiving]" in done.stdout
    assert "Hello step 3 of 3" in done.stdout
    assert "1 of 1 tasks have completed successfully" in done.stdout


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "nope",
            "--provider nope: no provider named 'nope'; installed: demo-* (6), imap, replay, smtp",
        ),
        ("imapp", "--provider imapp: no provider named 'imapp'; did you mean 'imap'?"),
        ("missing.py:Hello", "--provider missing.py:Hello: cannot read provider file"),
        (f"{HELLO}:Goodbye", "has no attribute 'Goodbye' (it has: Hello,"),
    ],
)
def test_bad_provider_spec_exits_2_with_a_clear_message(tmp_path, spec, message):
    done = main_py("--headless", "--provider", spec, tmp_path=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_provider_in_a_profile_fails_only_that_task(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[[accounts]]\nname = "Bad"\nprovider = "nope"\n'
        '[[accounts]]\nname = "Good"\nprovider = "demo-fast"\n'
    )
    done = main_py("--headless", "--profile", str(profile), tmp_path=tmp_path)
    assert done.returncode == 1
    assert (
        "Cannot load provider 'nope': no provider named 'nope'; installed: demo-* (6)"
        in done.stdout
    )
    assert "1 of 2 tasks have completed successfully" in done.stdout


@pytest.mark.parametrize(
    ("profile_text", "expected"),
    [
        ('[[accounts]]\nname = "A"\nprovider = \n', "bad.toml:3:"),
        (
            '[[accounts]]\nname = "A"\nprovder = "x"\n',
            "bad.toml:3: account 'A': key 'provder': unknown key (did you mean 'provider'?)",
        ),
    ],
)
def test_broken_profile_exits_2_with_file_and_line(tmp_path, profile_text, expected):
    profile = tmp_path / "bad.toml"
    profile.write_text(profile_text)
    done = main_py("--headless", "--profile", str(profile), tmp_path=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert profile.read_text() == profile_text  # nothing is rewritten


def test_bad_arguments_exit_2(tmp_path):
    done = main_py("--headless", "--group", "Nope", tmp_path=tmp_path)
    assert done.returncode == 2
    assert "no group named 'Nope'" in done.stderr


@pytest.mark.parametrize("isolation", ["thread", "process"])
def test_log_lines_on_stderr_carry_no_terminal_controls(tmp_path, isolation):
    """A provider's log line and a traceback with a server's ESC and BEL reach stderr
    folded; the traceback keeps its lines. In process mode its log records cross as
    records, level and all: the same lines as in thread mode."""
    noisy = ROOT / "tests" / "data" / "noisy_provider.py"
    done = main_py(
        "--headless", "--isolation", isolation, "--provider", f"{noisy}:Noisy", tmp_path=tmp_path
    )
    assert done.returncode == 1
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "WARNING sendreceive.provider.Noisy: folder  [31mred  is gone\n" in done.stderr
    assert "SynchronizeInBackground raised\n" in done.stderr
    assert "Traceback (most recent call last):\n" in done.stderr
    assert "RuntimeError: server said  [31mred \n" in done.stderr


def test_a_failing_password_command_never_repeats_its_output(tmp_path):
    """The command prints the secret on stdout and stderr, then fails: the Errors text,
    the JSON and the log say it failed and how, and nothing of what it printed."""
    secret = "hunter2-S3cr3t"
    command = f"echo {secret}; echo 'gpg: decrypted {secret}' >&2; exit 1"
    spec = f"{ROOT / 'tests' / 'data' / 'password_provider.py'}:NeedsPassword"
    profile = tmp_path / "p.toml"
    profile.write_text(
        "".join(
            f'[[accounts]]\nname = "{name}"\nprovider = "{spec}"\n[accounts.settings]\n'
            f"report = {report}\npassword_command = {json.dumps(command)}\n"
            for name, report in (("Reports", "true"), ("Raises", "false"))
        )
    )
    done = main_py("--headless", "--json", "-vv", "--profile", str(profile), tmp_path=tmp_path)
    assert done.returncode == 1
    assert secret not in done.stdout and secret not in done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    failed = "password_command failed (exit status 1); its output is not shown"
    errors = [e for e in events if e["event"] == "error"]
    assert len(errors) == 2 and all(failed in e["text"] for e in errors), errors
    assert {e["task"]: e["status"] for e in events if e["event"] == "final"} == {
        "Reports - Receiving": "failed",
        "Raises - Receiving": "failed",
    }
    assert f"cannot log in to Reports: {failed}" in done.stderr
    assert f"CredentialError: {failed}" in done.stderr  # the host's traceback of Raises


def test_headless_schedule_runs_each_scheduled_group_until_ctrl_c(tmp_path):
    profile = tmp_path / "scheduled.toml"
    profile.write_text(
        '[[accounts]]\nname = "Quick"\nprovider = "demo-fast"\n'
        "[accounts.settings]\nmessages = 2\n"
        '[[groups]]\nname = "Often"\naccounts = ["Quick"]\nevery_minutes = 0.005\n'
    )
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--headless", "--schedule", "--json",
         "--profile", str(profile), "--store-dir", str(tmp_path / "stores")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, SENDRECEIVE_DEMO_SPEED="50"),
    )  # fmt: skip
    try:
        assert process.stdout is not None
        summaries = 0
        while summaries < 2:  # the run at start, then one on the group's clock
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else ""
            summaries += json.loads(line)["event"] == "summary"
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Stopping" in err


def test_headless_schedule_needs_a_scheduled_group(tmp_path):
    profile = tmp_path / "plain.toml"
    profile.write_text('[[accounts]]\nname = "Quick"\nprovider = "demo-fast"\n')
    done = main_py("--headless", "--schedule", "--profile", str(profile), tmp_path=tmp_path)
    assert done.returncode == 2
    assert "no group has every_minutes" in done.stderr
    assert main_py("--schedule", tmp_path=tmp_path).returncode == 2  # the window schedules
