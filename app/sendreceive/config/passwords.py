"""Account passwords in the system keyring (Secret Service, macOS Keychain, Windows
Credential Locker) through the ``keyring`` package.

A profile says ``password_source = "keyring"`` in an account's settings (or its
``transport_settings``); the password itself is kept under the service name
``sendreceive-workbench`` and the account's name, one entry an account (its store and
its transport share it, as one login does). Nothing here ever puts a password in an
error text: a keyring's own errors are told by their class and message, which name the
backend, not the secret.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

SERVICE = "sendreceive-workbench"
PASSWORD_SOURCE = "password_source"  # the settings key
KEYRING = "keyring"  # its one value


class PasswordStoreError(Exception):
    """The keyring could not be read or written; says which keyring and why."""


def stored_password(account: str) -> str | None:
    """The account's password in the keyring; ``None`` if it holds none."""
    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError as exc:
        raise PasswordStoreError(_why("read", exc)) from None


def store_password(account: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError as exc:
        raise PasswordStoreError(_why("write", exc)) from None


def forget_password(account: str) -> None:
    """Take the account's password out of the keyring (nothing to do if it is not there)."""
    try:
        if keyring.get_password(SERVICE, account) is not None:
            keyring.delete_password(SERVICE, account)
    except KeyringError as exc:
        raise PasswordStoreError(_why("change", exc)) from None


def _why(action: str, exc: KeyringError) -> str:
    backend = type(keyring.get_keyring()).__name__
    return f"the system keyring ({backend}) could not {action} the password: {exc}"
