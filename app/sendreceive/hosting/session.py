"""The host's ``psesSync`` object: what a provider may know about the account it syncs."""

from __future__ import annotations

import logging
import signal
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sendreceive import secrets_guard
from sendreceive.config.passwords import (
    KEYRING,
    PASSWORD_SOURCE,
    PasswordStoreError,
    stored_password,
)
from sendreceive.mail.outbox import AccountOutbox, DefaultStore

PASSWORD_COMMAND_TIMEOUT = 30.0
#: The settings ``password()`` reads: the host's to resolve, never a provider's to see
#: (a program provider gets the settings without them, and asks for the password).
PASSWORD_SOURCES = frozenset({"password", "password_env", "password_command"})


class CredentialError(Exception):
    """The account's password could not be obtained; the text never contains it."""


class Session:
    """One account's session for one task (implements ``sendreceive.contract.SyncSession``).

    ``is_cancelled`` is the tracker's view of the Cancel button, so a provider that
    never calls ``Progress`` between long steps can still poll ``cancelled``.
    """

    def __init__(
        self,
        account_name: str,
        settings: Mapping[str, Any],
        store_dir: Path,
        logger: logging.Logger,
        is_cancelled: Callable[[], bool],
        default_store: Path | None = None,
        on_reveal: Callable[[str], None] | None = None,
    ) -> None:
        """``on_reveal`` learns each password handed out, so that no recording or
        trace written later holds it."""
        self._account_name = account_name
        self._default_store = default_store
        self._settings = MappingProxyType(dict(settings))
        self._store_dir = store_dir
        self._logger = logger
        self._is_cancelled = is_cancelled
        self._on_reveal = on_reveal

    def __repr__(self) -> str:
        return f"<Session account={self._account_name!r} store_dir={str(self._store_dir)!r}>"

    @property
    def account_name(self) -> str:
        return self._account_name

    @property
    def settings(self) -> Mapping[str, Any]:
        return self._settings

    @property
    def store_dir(self) -> Path:
        return self._store_dir

    @property
    def logger(self) -> logging.Logger:
        return self._logger

    @property
    def cancelled(self) -> bool:
        return self._is_cancelled()

    @property
    def outbox(self) -> AccountOutbox | None:
        """The account's queued mail in the default store, for a transport
        (``SYNC_OUTGOING_MAIL``); ``None`` when the host gave the task no default store."""
        if self._default_store is None:
            return None
        return AccountOutbox(DefaultStore(self._default_store), self._account_name)

    def password(self) -> str | None:
        """Resolve ``password``, ``password_env``, ``password_command`` (like mbsync's
        PassCmd: the first line of the command's output) or ``password_source =
        "keyring"`` (the system keyring's entry for the account), in that order."""
        secret = self._password()
        if secret is not None:
            secrets_guard.remember(secret)
            if self._on_reveal is not None:
                self._on_reveal(secret)
        return secret

    def _password(self) -> str | None:
        settings = self._settings
        if "password" in settings:
            return str(settings["password"])
        if "password_env" in settings:
            name = str(settings["password_env"])
            value = secrets_guard.environment(name)
            if value is None:
                raise CredentialError(f"environment variable {name} (password_env) is not set")
            return value
        if "password_command" in settings:
            return _run_password_command(str(settings["password_command"]))
        if PASSWORD_SOURCE in settings:
            return _from_keyring(self._account_name, settings[PASSWORD_SOURCE])
        return None


def _from_keyring(account: str, source: object) -> str:
    if source != KEYRING:
        raise CredentialError(f'{PASSWORD_SOURCE} must be "{KEYRING}" (the system keyring)')
    try:
        secret = stored_password(account)
    except PasswordStoreError as exc:
        raise CredentialError(str(exc)) from None
    if secret is None:
        raise CredentialError(
            f"the system keyring holds no password for {account!r}: enter it in "
            "Tools > Account Settings"
        )
    return secret


def _run_password_command(command: str) -> str:
    """The first line the command prints. Its output is the secret, or near it (a failing
    ``pass``/``gpg`` may print what it decrypted), so no error repeats any of it: stderr
    is discarded, and a failure is told by its exit status or signal alone."""
    try:
        done = subprocess.run(
            command,
            shell=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=PASSWORD_COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        # "from None": the exception holds what the command printed so far.
        raise CredentialError(
            f"password_command did not finish within {PASSWORD_COMMAND_TIMEOUT:g} s"
        ) from None
    except OSError as exc:
        raise CredentialError(f"password_command could not be started: {exc.strerror}") from None
    if done.returncode != 0:
        raise CredentialError(
            f"password_command failed ({_how_it_ended(done.returncode)}); its output is not "
            "shown, as it may hold the password: run the command in a terminal to see why"
        )
    try:
        text = done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise CredentialError("password_command printed text that is not UTF-8") from None
    first = text.split("\n", 1)[0].removesuffix("\r")
    if not first:
        raise CredentialError("password_command printed nothing")
    return first


def _how_it_ended(returncode: int) -> str:
    if returncode > 0:
        return f"exit status {returncode}"
    try:
        return f"killed by signal {signal.Signals(-returncode).name}"
    except ValueError:
        return f"killed by signal {-returncode}"
