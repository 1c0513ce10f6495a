"""``SmtpTransport``: the IMAPISync object the host creates from an account's settings."""

from __future__ import annotations

import functools
import operator
from pathlib import Path

from sendreceive.config.provider_settings import Setting
from sendreceive.contract import (
    MAPI_E_NO_SUPPORT,
    MAPI_E_UNKNOWN_FLAGS,
    MAPISIB,
    S_OK,
    IID_IMAPISyncProgressCallback,
    IMAPISyncProgressCallback,
    SyncFlags,
)

from ..common import start_in_background
from .send import SendRun
from .settings import DEFAULT_TIMEOUT, SECURITY_MODES, SmtpSettings

KNOWN_FLAGS = functools.reduce(operator.or_, SyncFlags)
#: What may come with SYNC_OUTGOING_MAIL: the host's triggers, which change nothing here.
_TRIGGERS = SyncFlags.SYNC_ON_DEMAND | SyncFlags.SYNC_BACKGROUND


class SmtpTransport:
    """Sends the account's queued Outbox messages; receives nothing.

    Background style, like the IMAP provider: a thread of its own, the event in
    ``phSyncDoneEvent``, ``S_OK`` at once, one ``Done`` before the event is set. The
    password is read through ``psesSync.password()`` when the connection is made.
    """

    SETTINGS = (
        Setting("host", str, help="The SMTP server's name"),
        Setting("port", int, optional=True, help="Default: 465 with ssl, 587 with starttls"),
        Setting("security", str, "ssl", "How the connection is protected", choices=SECURITY_MODES),
        Setting("verify_certificate", bool, True, "Check the server's certificate (keep on)"),
        Setting("username", str, optional=True, help="Empty: the server needs no login"),
        Setting("sender", str, optional=True, help="Envelope sender of a message without From"),
        Setting("ca_file", str, optional=True, help="A CA bundle for a private certificate"),
        Setting("timeout", float, DEFAULT_TIMEOUT, "Seconds to wait for the server"),
    )

    def __init__(
        self,
        *,
        host: str,
        port: int | None = None,
        security: str = "ssl",
        username: str | None = None,
        sender: str | None = None,
        ca_file: str | Path | None = None,
        verify_certificate: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        password: str | None = None,
        password_env: str | None = None,
        password_command: str | None = None,
        password_source: str | None = None,
    ) -> None:
        # read through psesSync.password()
        del password, password_env, password_command, password_source
        self._settings = SmtpSettings.build(
            host=host,
            port=port,
            security=security,
            username=username,
            sender=sender,
            ca_file=ca_file,
            verify_certificate=verify_certificate,
            timeout=timeout,
        )

    def __repr__(self) -> str:
        return f"<SmtpTransport {self._settings.username or ''}@{self._settings.server}>"

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        callback: IMAPISyncProgressCallback = psibpb.punkCallBack.QueryInterface(
            IID_IMAPISyncProgressCallback
        )
        unknown = psibpb.ulFlags & ~KNOWN_FLAGS
        if unknown:
            callback.Error(MAPI_E_UNKNOWN_FLAGS, f"Unknown sync flags 0x{unknown:08X}")
            return MAPI_E_UNKNOWN_FLAGS
        other = psibpb.ulFlags & ~(SyncFlags.SYNC_OUTGOING_MAIL | _TRIGGERS)
        if other or not psibpb.ulFlags & SyncFlags.SYNC_OUTGOING_MAIL:
            text = (
                f"The smtp transport only sends mail, but was asked for {SyncFlags(other)!s}: "
                'give its account flags = ["SYNC_OUTGOING_MAIL"], or name it as another '
                'account\'s transport (transport = "smtp").'
            )
            callback.Error(MAPI_E_NO_SUPPORT, text)
            callback.Done(None, MAPI_E_NO_SUPPORT)
            return S_OK
        run = SendRun(self._settings, psibpb.psesSync, callback)
        return start_in_background(
            psibpb, callback, run.run, f"smtp-send {psibpb.psesSync.account_name}"
        )
