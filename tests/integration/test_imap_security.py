"""Logging in, TLS, settings, and errors a user can act on; the password never leaks.

What involves the server runs on Dovecot and on Cyrus; what fails before any server
speaks (settings, an unreachable or silent port) on Dovecot's account alone."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.dovecot import HOST, free_port
from helpers.imap import (
    FULL_SYNC,
    Account,
    RecordingCallback,
    RecordingUnknown,
    assert_mirrors,
    make_message,
    run_sync,
    seed,
)

from sendreceive.contract import (
    MAPI_E_INVALID_PARAMETER,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_NO_SUPPORT,
    MAPI_E_TIMEOUT,
    MAPI_E_UNCONFIGURED,
    MAPI_E_UNKNOWN_FLAGS,
    MAPISIB,
    S_FALSE,
    S_OK,
    SyncFlags,
)
from sendreceive.hosting.session import Session
from sendreceive.providers.imap import ImapProvider


@pytest.fixture
def account(any_account: Account) -> Account:
    """What involves the server runs on Dovecot and on Cyrus."""
    return any_account


def test_wrong_password_is_logon_failed_naming_the_user(account: Account) -> None:
    result = account.sync(settings={"password": "not-the-password"})
    assert result.hresult == MAPI_E_LOGON_FAILED
    [(hr, text)] = result.callback.errors
    assert hr == MAPI_E_LOGON_FAILED
    assert f"refused the login of user '{account.user}'" in text
    assert "not-the-password" not in text


def test_untrusted_certificate_is_refused_naming_host_and_reason(account: Account) -> None:
    for security in ("ssl", "starttls"):
        port = account.server.ssl_port if security == "ssl" else account.server.plain_port
        result = account.sync(settings={"ca_file": None, "security": security, "port": port})
        assert result.hresult == MAPI_E_NETWORK_ERROR
        assert "The TLS certificate of 127.0.0.1 is not trusted" in result.error_texts
        assert "self-signed certificate" in result.error_texts
        assert "ca_file" in result.error_texts


@pytest.mark.parametrize(
    ("security", "verify", "warning"),
    [
        ("starttls", True, None),
        ("ssl", False, "verify_certificate = false"),
        ("none", True, 'security = "none"'),
    ],
)
def test_connection_modes(
    account: Account,
    caplog: pytest.LogCaptureFixture,
    security: str,
    verify: bool,
    warning: str | None,
) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(1)])
    port = account.server.ssl_port if security == "ssl" else account.server.plain_port
    settings = {"security": security, "port": port, "verify_certificate": verify}
    if not verify:
        settings["ca_file"] = None
    result = account.sync(settings=settings)
    if security == "none" and account.server.name == "cyrus":  # LOGINDISABLED in clear
        assert result.hresult == MAPI_E_NO_SUPPORT
        assert "requires an encrypted connection" in result.error_texts
        return
    assert result.hresult == S_OK
    warnings = [text for hr, text in result.callback.errors if hr == S_FALSE]
    assert len(warnings) == (warning is not None)
    if warning:
        assert warning in warnings[0]
        assert any(r.levelno == logging.WARNING and warning in r.message for r in caplog.records)
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")


def test_unreachable_server_is_a_network_error(dovecot_account: Account) -> None:
    port = free_port()
    result = dovecot_account.sync(settings={"port": port})
    assert result.hresult == MAPI_E_NETWORK_ERROR
    assert f"Could not connect to 127.0.0.1:{port} (connection refused)" in result.error_texts


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    with socket.create_server((HOST, 0)) as listener:
        accepted: list[socket.socket] = []
        thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]))
        thread.start()
        yield listener.getsockname()[1]
        thread.join(5)
        for connection in accepted:
            connection.close()


def test_a_server_that_does_not_answer_times_out(
    dovecot_account: Account, silent_server: int
) -> None:
    result = dovecot_account.sync(settings={"port": silent_server, "timeout": 0.3})
    assert result.hresult == MAPI_E_TIMEOUT
    assert "did not answer within 0.3 s" in result.error_texts


def test_password_from_environment_and_command(
    account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    variable = f"IMAP_TEST_PASSWORD_{account.server.name.upper()}"  # read once per process
    monkeypatch.setenv(variable, account.password)
    from_env = {"password": None, "password_env": variable}
    settings = {k: v for k, v in account.settings(**from_env).items() if v is not None}
    assert run_sync(settings, account.store_dir).hresult == S_OK

    settings.pop("password_env")
    # Read once, a password_env variable has left the app's environment (secrets_guard):
    # the command, a process the app starts, finds it under a name of its own.
    assert variable not in os.environ
    monkeypatch.setenv("IMAP_COMMAND_PASSWORD", account.password)
    settings["password_command"] = "printenv IMAP_COMMAND_PASSWORD"
    assert run_sync(settings, account.store_dir).hresult == S_OK

    settings.pop("password_command")
    missing = run_sync(settings, account.store_dir)
    assert missing.hresult == MAPI_E_UNCONFIGURED
    assert "has no password" in missing.error_texts


def test_the_password_never_reaches_logs_messages_or_files(
    account: Account, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # IMAPClient's protocol trace included
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(5)])
        seed(client, "Sub/Folder", [make_message(1, "Sub/Folder")])
    results = [
        account.sync(),
        account.sync(settings={"security": "starttls", "port": account.server.plain_port}),
        account.sync(settings={"ca_file": None}),  # certificate refused
        account.sync(settings={"password": account.password + "-wrong"}),
    ]
    assert [r.hresult for r in results][:2] == [S_OK, S_OK]
    assert "LOGIN" in caplog.text  # the trace was captured...
    for secret in (account.password, account.password + "-wrong"):
        assert secret not in caplog.text  # ...with the password redacted, tracebacks too
        for result in results:
            assert secret not in repr(result.callback.progress)
            assert secret not in result.error_texts
        for path in account.store_dir.rglob("*"):
            assert path.is_dir() or secret.encode() not in path.read_bytes(), path
    assert account.password not in repr(ImapProvider(**account.settings()))


def test_settings_are_checked_when_the_account_loads(dovecot_account: Account) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'hots'"):
        ImapProvider(**dovecot_account.settings(), hots="typo")
    with pytest.raises(ValueError, match="security must be one of"):
        ImapProvider(**dovecot_account.settings(security="tls"))
    with pytest.raises(ValueError, match="batch_size"):
        ImapProvider(**dovecot_account.settings(batch_size=0))
    assert ImapProvider(host="mail.example.org", username="u")._settings.port == 993
    assert ImapProvider(host="m", username="u", security="starttls")._settings.port == 143


def test_missing_ca_file_is_a_configuration_error(dovecot_account: Account, tmp_path: Path) -> None:
    result = dovecot_account.sync(settings={"ca_file": str(tmp_path / "missing.pem")})
    assert result.hresult == MAPI_E_UNCONFIGURED
    assert "missing.pem cannot be used" in result.error_texts


def test_unknown_flags_are_refused_without_starting(dovecot_account: Account) -> None:
    callback = RecordingCallback()
    session = Session("x", {}, dovecot_account.store_dir, logging.getLogger("x"), lambda: False)
    sib = MAPISIB(
        ulFlags=FULL_SYNC | 0x4, psesSync=session, punkCallBack=RecordingUnknown(callback)
    )
    assert (
        ImapProvider(**dovecot_account.settings()).SynchronizeInBackground(sib)
        == MAPI_E_UNKNOWN_FLAGS
    )
    assert sib.phSyncDoneEvent.value is None
    assert callback.done == []
    assert callback.errors == [(MAPI_E_UNKNOWN_FLAGS, "Unknown sync flags 0x00000004")]


def test_these_folders_without_a_folder_list_is_an_invalid_parameter(
    dovecot_account: Account,
) -> None:
    result = dovecot_account.sync(FULL_SYNC | SyncFlags.SYNC_THESE_FOLDERS)
    assert result.hresult == MAPI_E_INVALID_PARAMETER
    assert "needs the folders setting" in result.error_texts
