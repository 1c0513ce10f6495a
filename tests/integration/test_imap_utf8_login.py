"""A password with characters outside ASCII logs in (AUTHENTICATE PLAIN, in UTF-8) where
the server allows it, is refused clearly where it does not, and never leaks, not even a
character of it in an error text."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest
from helpers.dovecot import Dovecot
from helpers.fake_imap import Folder, Mailbox, Message, serving
from helpers.imap import SyncResult, local_files, make_message, new_account, run_sync, seed

from sendreceive.contract import MAPI_E_LOGON_FAILED, S_OK


def _forms(user: str, password: str) -> list[str]:
    """How a password could leak: as is, escaped as Python shows it, or in base64."""
    plain = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
    return [password, password.encode("unicode_escape").decode(), ascii(password), plain]


def _assert_never_leaked(
    user: str, password: str, results: list[SyncResult], log: str, store_dir: Path
) -> None:
    for form in _forms(user, password):
        assert form not in log
        for result in results:
            assert form not in result.error_texts
            assert form not in repr(result.callback.progress)
    for result in results:
        assert "position" not in result.error_texts  # no "can't encode character … in position"
    for path in store_dir.rglob("*"):
        assert path.is_dir() or password.encode() not in path.read_bytes(), path


def test_a_non_ascii_password_logs_in_to_dovecot_with_authenticate_plain(
    dovecot: Dovecot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # IMAPClient's protocol trace included
    account = new_account(dovecot, tmp_path, non_ascii_password=True)
    assert not account.password.isascii()
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(3)])
    results = [
        account.sync(),
        account.sync(settings={"security": "starttls", "port": dovecot.plain_port}),
        account.sync(settings={"password": account.password + "ü"}),
    ]
    assert [result.hresult for result in results] == [S_OK, S_OK, MAPI_E_LOGON_FAILED]
    assert f"refused the login of user '{account.user}'" in results[2].error_texts
    assert len(local_files(account.store_dir)) == 3
    for password in (account.password, account.password + "ü"):
        _assert_never_leaked(account.user, password, results, caplog.text, account.store_dir)


@pytest.mark.parametrize("offers_plain", [True, False])
def test_without_authenticate_plain_a_non_ascii_password_is_never_sent(
    offers_plain: bool, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    password = "gehäim-ß-€-passwort"
    capabilities = ("IMAP4rev1", "AUTH=PLAIN") if offers_plain else ("IMAP4rev1",)
    mailbox = Mailbox(
        [Folder("INBOX", [Message(make_message(1))])],
        password=password,
        capabilities=capabilities,
    )
    with serving(mailbox) as server:
        result = run_sync(server.settings(), tmp_path)
        logins = [c.name for c in server.commands if c.name in ("LOGIN", "AUTHENTICATE")]
    if offers_plain:
        assert result.hresult == S_OK
        assert logins == ["AUTHENTICATE"]
    else:
        assert result.hresult == MAPI_E_LOGON_FAILED
        assert logins == []  # the password never left
        assert f"127.0.0.1:{server.port} does not offer AUTHENTICATE PLAIN" in result.error_texts
    _assert_never_leaked("user", password, [result], caplog.text, tmp_path)
