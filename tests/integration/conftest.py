"""Fixtures for the IMAP provider's integration tests: a real Dovecot, fresh accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.dovecot import Dovecot, SetupError, ensure_installed, running
from helpers.imap import Account, new_account
from helpers.smtp_server import SmtpServer, running_smtp_server


def _serve() -> Iterator[Dovecot]:
    try:
        ensure_installed()
    except SetupError as exc:
        pytest.fail(f"cannot run the IMAP integration tests: {exc}", pytrace=False)
    with running() as server:
        yield server


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One Dovecot for the whole session; each test gets its own user (fresh mailbox)."""
    yield from _serve()


@pytest.fixture
def private_dovecot() -> Iterator[Dovecot]:
    """A Dovecot of the test's own, for tests that kill or restart the server."""
    yield from _serve()


@pytest.fixture
def account(dovecot: Dovecot, tmp_path: Path) -> Account:
    return new_account(dovecot, tmp_path)


@pytest.fixture
def private_account(private_dovecot: Dovecot, tmp_path: Path) -> Account:
    return new_account(private_dovecot, tmp_path)


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) of the test's own: plain + STARTTLS and TLS, AUTH."""
    with running_smtp_server() as server:
        yield server
