"""An IMAP + SMTP account as the accounts dialog's form holds it, and the profile
account it is written as: the bundled ``imap`` provider receives, the bundled ``smtp``
transport sends, both log in with one user name and the password the system keyring
keeps for the account (``config.passwords``), never the profile.

The form's decisions live here, not in the widgets: which ports go with which security,
and what is risky about a connection (the dialog words it as a warning).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from sendreceive.config.passwords import KEYRING, PASSWORD_SOURCE
from sendreceive.config.profile import DEFAULT_FLAGS, Account

IMAP_PROVIDER = "imap"
SMTP_TRANSPORT = "smtp"
SECURITY_MODES = ("ssl", "starttls", "none")
IMAP_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
SMTP_PORTS = {"ssl": 465, "starttls": 587, "none": 25}


class Risk(Enum):
    """What is unsafe about a server connection."""

    PLAIN = "plain"  # no TLS: the password and the mail cross the network readable
    UNVERIFIED = "unverified"  # TLS without checking the certificate: anyone can pose


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: str = "ssl"  # one of SECURITY_MODES
    verify_certificate: bool = True

    @property
    def risks(self) -> tuple[Risk, ...]:
        if self.security == "none":
            return (Risk.PLAIN,)
        return () if self.verify_certificate else (Risk.UNVERIFIED,)

    def settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = {"host": self.host, "port": self.port}
        settings["security"] = self.security
        if not self.verify_certificate:
            settings["verify_certificate"] = False
        return settings


@dataclass(frozen=True)
class MailAccount:
    name: str
    address: str  # the e-mail address: the envelope sender of a message without From
    username: str
    incoming: MailServer
    outgoing: MailServer

    @classmethod
    def new(cls, name: str = "") -> MailAccount:
        """An empty form: TLS on both servers, certificates checked."""
        return cls(
            name, "", "", MailServer("", IMAP_PORTS["ssl"]), MailServer("", SMTP_PORTS["ssl"])
        )

    def account(self, kept: Account | None = None) -> Account:
        """The profile account; ``kept``: the account being edited, whose other keys
        (flags, enabled, isolation, limits, other settings) stay as they were."""
        base = kept or Account(self.name, IMAP_PROVIDER, DEFAULT_FLAGS)
        store = {**_other(base.settings), **self.incoming.settings(), "username": self.username}
        sending = {**_other(base.transport_settings), **self.outgoing.settings()}
        sending["username"] = self.username
        if self.address:
            sending["sender"] = self.address
        return replace(
            base,
            name=self.name,
            provider=IMAP_PROVIDER,
            settings={**store, PASSWORD_SOURCE: KEYRING},
            transport=SMTP_TRANSPORT,
            transport_settings={**sending, PASSWORD_SOURCE: KEYRING},
        )

    @classmethod
    def of(cls, account: Account) -> MailAccount | None:
        """The form for an account written by ``account``; ``None`` for any other."""
        if account.provider != IMAP_PROVIDER or account.transport != SMTP_TRANSPORT:
            return None
        store, sending = account.settings, account.transport_settings
        try:
            return cls(
                account.name,
                str(sending.get("sender", "")),
                str(store["username"]),
                _server(store, IMAP_PORTS),
                _server(sending, SMTP_PORTS),
            )
        except (KeyError, TypeError, ValueError):  # hand-written in a form the dialog lacks
            return None


_FORM_KEYS = frozenset(
    {"host", "port", "security", "verify_certificate", "username", "sender", PASSWORD_SOURCE}
)
_OTHER_PASSWORDS = frozenset({"password", "password_env", "password_command"})


def _other(settings: Any) -> dict[str, Any]:
    """Settings the form does not show (batch size, timeout…): kept as they were; another
    password source goes, the keyring replaces it."""
    return {k: v for k, v in settings.items() if k not in _FORM_KEYS | _OTHER_PASSWORDS}


def _server(settings: Any, ports: dict[str, int]) -> MailServer:
    security = settings.get("security", "ssl")
    if security not in SECURITY_MODES:
        raise ValueError(security)
    port = settings.get("port", ports[security])
    verify = settings.get("verify_certificate", True)
    if not isinstance(port, int) or not isinstance(verify, bool):
        raise TypeError(port)
    return MailServer(str(settings["host"]), port, security, verify)
