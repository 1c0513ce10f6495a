"""The log file: where a desktop user's tracebacks and provider logging go, rotated,
tagged by account, and never holding a password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROVIDER = f"{ROOT / 'tests' / 'data' / 'password_provider.py'}:NeedsPassword"
SECRET = "s3cret-hunter2"


def main_py(*args: str, tmp_path: Path, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--store-dir", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "settings",
    [
        # The command prints the password and fails: the provider logs and reports it.
        ['password_command="echo ' + SECRET + '; exit 3"', "report=true"],
        # The same failure escapes as an exception: its traceback is logged.
        ['password_command="echo ' + SECRET + '; exit 3"', "report=false"],
        # The password is given and used: nothing of it is logged, even at -vv.
        [f"password={SECRET}"],
    ],
    ids=["reported", "raised", "used"],
)
def test_the_password_never_reaches_the_log_file(tmp_path, settings):
    log = tmp_path / "logs" / "run.log"
    sets = [arg for setting in settings for arg in ("--set", setting)]
    done = main_py(
        "--headless", "-vv", "--log-file", str(log), "--provider", PROVIDER, *sets,
        tmp_path=tmp_path,
    )  # fmt: skip
    text = log.read_text()
    assert "run finished" in text  # the host's own info lines are there
    assert SECRET not in text
    assert SECRET not in done.stdout + done.stderr
    if "report=true" in settings:
        assert "sendreceive.provider.NeedsPassword: cannot log in to NeedsPassword" in text
    if "report=false" in settings:
        assert "Traceback (most recent call last):" in text
        assert "sendreceive.provider.NeedsPassword: SynchronizeInBackground raised" in text


def test_the_log_goes_to_the_state_directory_by_default(tmp_path):
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), SENDRECEIVE_DEMO_SPEED="50")
    done = main_py("--headless", "--group", "Work", tmp_path=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    log = tmp_path / "state" / "sendreceive-workbench" / "sendreceive.log"
    assert "INFO sendreceive.engine: run finished" in log.read_text()


def test_a_log_file_that_cannot_be_written_is_said_once_and_the_run_goes_on(tmp_path):
    env = dict(os.environ, SENDRECEIVE_DEMO_SPEED="50")
    done = main_py(
        "--headless", "--group", "Work", "--log-file", str(tmp_path), tmp_path=tmp_path, env=env
    )
    assert done.returncode == 0
    assert done.stderr.count(f"sendreceive: cannot write the log file {tmp_path}: ") == 1
