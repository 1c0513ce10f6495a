"""Every secret the app knows is redacted from what it writes; a password_env variable
leaves the app's environment once read; the app's processes are not dumpable."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from sendreceive import secrets_guard
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.logs import LOG_FORMAT, FoldingFormatter
from sendreceive.tracking.error_log import ErrorKind, ErrorLog
from sendreceive.tracking.findings import Finding


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setattr(secrets_guard, "_known", ())
    monkeypatch.setattr(secrets_guard, "_environment", {})


def test_a_remembered_secret_is_redacted_longest_first():
    secrets_guard.remember("hunter2-long")
    secrets_guard.remember("hunter2")
    secrets_guard.remember("abc")  # too short to look for
    assert secrets_guard.redact("pw=hunter2-long, again hunter2, abc") == (
        "pw=«secret», again «secret», abc"
    )


def test_a_password_env_variable_leaves_the_environment_once_read(monkeypatch):
    monkeypatch.setenv("SR_TEST_PASSWORD", "from-the-environment")
    assert secrets_guard.environment("SR_TEST_PASSWORD") == "from-the-environment"
    assert "SR_TEST_PASSWORD" not in os.environ
    assert secrets_guard.environment("SR_TEST_PASSWORD") == "from-the-environment"  # kept
    assert secrets_guard.redact("from-the-environment") == "«secret»"
    assert secrets_guard.environment("SR_TEST_UNSET") is None


def test_the_log_and_the_error_list_never_hold_a_known_secret():
    secrets_guard.remember("s3cret-value")
    record = logging.LogRecord(
        "sendreceive.provider.A",
        logging.ERROR,
        __file__,
        1,
        "[stderr] pw %s",
        ("s3cret-value",),
        None,
    )
    assert "s3cret-value" not in FoldingFormatter(LOG_FORMAT).format(record)
    log = ErrorLog()
    task = TaskId("A", Activity.RECEIVING)
    said = Finding.EXIT_CODE(3)
    died = Finding.LAST_OUTPUT(said, "printed s3cret-value")
    entry = log.add(task, ErrorKind.ERROR, None, died.english, found=died)
    assert "s3cret-value" not in entry.text
    assert entry.found is not None and "s3cret-value" not in entry.found.english
    own = log.add(task, ErrorKind.ERROR, None, "the provider's own s3cret-value")
    assert own.text == "the provider's own «secret»"


def test_a_password_env_value_is_wiped_where_proc_shows_the_environment():
    code = (
        "from pathlib import Path; from sendreceive import secrets_guard as s;"
        "print(s.environment('SR_TEST_PASSWORD'));"
        "print(b'wiped-s3cret' in Path('/proc/self/environ').read_bytes())"
    )
    env = dict(os.environ, SR_TEST_PASSWORD="wiped-s3cret")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.split() == ["wiped-s3cret", "False"], done.stderr


def test_the_apps_processes_are_not_dumpable():
    """Another process of the user can then read neither memory nor environment."""
    code = (
        "from sendreceive import secrets_guard as s;"
        "print(s.dumpable(), s.not_dumpable(), s.dumpable())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "False"]
