"""Fixtures for the IMAP provider's integration tests: a real Dovecot, fresh accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import cyrus as cyrus_server
from helpers.cyrus import Cyrus
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


def _serve_cyrus(users: int = 64) -> Iterator[Cyrus]:
    try:
        cyrus_server.ensure_installed()
    except SetupError as exc:
        pytest.skip(f"Cyrus IMAPd cannot be installed on this machine: {exc}")
    with cyrus_server.running(users) as server:
        yield server


@pytest.fixture(scope="session")
def cyrus() -> Iterator[Cyrus]:
    """One Cyrus IMAPd for the whole session, beside Dovecot (its binaries unpacked)."""
    yield from _serve_cyrus()


@pytest.fixture
def private_cyrus() -> Iterator[Cyrus]:
    """A Cyrus of the test's own (one user: quick to set up), for tests that kill it."""
    yield from _serve_cyrus(users=1)


@pytest.fixture
def account(dovecot: Dovecot, tmp_path: Path) -> Account:
    return new_account(dovecot, tmp_path)


@pytest.fixture
def dovecot_account(dovecot: Dovecot, tmp_path: Path) -> Account:
    """For a module whose ``account`` is ``any_account``: a scenario Dovecot alone can
    serve (a folder named ``v1.2`` is two levels on Cyrus)."""
    return new_account(dovecot, tmp_path)


@pytest.fixture(params=["dovecot", "cyrus"])
def any_account(request: pytest.FixtureRequest, tmp_path: Path) -> Account:
    """A fresh account on Dovecot, then on Cyrus: the same scenario on both servers."""
    server: Dovecot | Cyrus = request.getfixturevalue(request.param)
    return new_account(server, tmp_path)


@pytest.fixture
def private_account(private_dovecot: Dovecot, tmp_path: Path) -> Account:
    return new_account(private_dovecot, tmp_path)


@pytest.fixture(params=["private_dovecot", "private_cyrus"])
def any_private_account(request: pytest.FixtureRequest, tmp_path: Path) -> Account:
    """An account on a server of the test's own, Dovecot then Cyrus: it may be killed."""
    server: Dovecot | Cyrus = request.getfixturevalue(request.param)
    return new_account(server, tmp_path)


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) of the test's own: plain + STARTTLS and TLS, AUTH."""
    with running_smtp_server() as server:
        yield server
