"""psesSync.password(): a failing password_command never repeats what it printed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sendreceive.hosting import session
from sendreceive.hosting.session import CredentialError, Session

SECRET = "hunter2-S3cr3t"


def password(command: str) -> str | None:
    settings = {"password_command": command}
    return Session("A", settings, Path("/nonexistent"), logging.getLogger("t"), bool).password()


def failure(command: str) -> str:
    with pytest.raises(CredentialError) as caught:
        password(command)
    exc = caught.value  # nothing chained: a TimeoutExpired holds what the command printed
    assert exc.__cause__ is None and (exc.__context__ is None or exc.__suppress_context__)
    return str(caught.value)


def test_the_first_line_is_the_password():
    assert password(f"printf '{SECRET}\\r\\nsecond line\\n'") == SECRET


def test_a_failing_command_is_told_by_its_exit_status_not_its_output():
    text = failure(f"echo {SECRET}; echo 'gpg: {SECRET}' >&2; exit 3")
    assert text == (
        "password_command failed (exit status 3); its output is not shown, as it may hold "
        "the password: run the command in a terminal to see why"
    )


def test_a_command_killed_by_a_signal_is_told_by_the_signal():
    text = failure(f"echo {SECRET} >&2; kill -TERM $$")
    assert text.startswith("password_command failed (killed by signal SIGTERM);")


def test_a_command_that_prints_nothing():
    assert failure("true") == "password_command printed nothing"


def test_output_that_is_not_utf8_is_not_described():
    text = failure(r"printf 'hunter\344\n'")
    assert text == "password_command printed text that is not UTF-8"


def test_a_command_that_hangs_is_told_by_the_time_limit(monkeypatch):
    monkeypatch.setattr(session, "PASSWORD_COMMAND_TIMEOUT", 0.2)
    assert failure(f"echo {SECRET}; exec sleep 30") == (
        "password_command did not finish within 0.2 s"
    )
