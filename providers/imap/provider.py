"""``ImapProvider``: the IMAPISync object the host creates from an account's settings."""

from __future__ import annotations

import functools
import operator
from collections.abc import Sequence
from pathlib import Path

from sendreceive.config.provider_settings import Setting
from sendreceive.contract import (
    MAPI_E_UNKNOWN_FLAGS,
    MAPISIB,
    IID_IMAPISyncProgressCallback,
    IMAPISyncProgressCallback,
    SyncFlags,
)
from sendreceive.providers.common import start_in_background

from .settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CONNECTIONS,
    DEFAULT_MAX_MESSAGE_SIZE,
    DEFAULT_TIMEOUT,
    SECURITY_MODES,
    ImapSettings,
)
from .sync import SyncRun

KNOWN_FLAGS = functools.reduce(operator.or_, SyncFlags)


class ImapProvider:
    """Mirrors an IMAP account into a Maildir under ``psesSync.store_dir``.

    Background style: ``SynchronizeInBackground`` starts a thread, stores the event that
    thread sets when it ends in ``psibpb.phSyncDoneEvent`` and returns ``S_OK`` at once;
    the thread calls ``Done`` exactly once. The password is not a constructor argument
    worth keeping: ``psesSync.password()`` resolves ``password``, ``password_env`` or
    ``password_command`` when the sync connects, so it is accepted here and dropped.
    """

    SETTINGS = (
        Setting("host", str, help="The IMAP server's name"),
        Setting("username", str, help="The user name the server knows you by"),
        Setting("port", int, optional=True, help="Default: 993 with ssl, 143 otherwise"),
        Setting("security", str, "ssl", "How the connection is protected", choices=SECURITY_MODES),
        Setting("verify_certificate", bool, True, "Check the server's certificate (keep on)"),
        Setting("ca_file", str, optional=True, help="A CA bundle for a private certificate"),
        Setting("batch_size", int, DEFAULT_BATCH_SIZE, "Messages fetched at once, to start with"),
        Setting("connections", int, DEFAULT_CONNECTIONS, "Connections receiving at once (1 to 8)"),
        Setting("pipelining", bool, True, "Ask for the next messages while writing (keep on)"),
        Setting("timeout", float, DEFAULT_TIMEOUT, "Seconds to wait for the server"),
        Setting("max_message_size", int, DEFAULT_MAX_MESSAGE_SIZE, "Larger messages are skipped"),
    )

    def __init__(
        self,
        *,
        host: str,
        username: str,
        port: int | None = None,
        security: str = "ssl",
        ca_file: str | Path | None = None,
        verify_certificate: bool = True,
        batch_size: int = DEFAULT_BATCH_SIZE,
        timeout: float = DEFAULT_TIMEOUT,
        max_message_size: int = DEFAULT_MAX_MESSAGE_SIZE,
        folders: Sequence[str] | None = None,
        shared_folders: bool = False,
        expunge: bool = False,
        connections: int = DEFAULT_CONNECTIONS,
        pipelining: bool = True,
        password: str | None = None,
        password_env: str | None = None,
        password_command: str | None = None,
        password_source: str | None = None,
    ) -> None:
        # read through psesSync.password()
        del password, password_env, password_command, password_source
        self._settings = ImapSettings.build(
            host=host,
            username=username,
            port=port,
            security=security,
            ca_file=ca_file,
            verify_certificate=verify_certificate,
            batch_size=batch_size,
            timeout=timeout,
            max_message_size=max_message_size,
            folders=folders,
            shared_folders=shared_folders,
            expunge=expunge,
            connections=connections,
            pipelining=pipelining,
        )

    def __repr__(self) -> str:
        settings = self._settings
        return f"<ImapProvider {settings.username}@{settings.host}:{settings.port}>"

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        callback: IMAPISyncProgressCallback = psibpb.punkCallBack.QueryInterface(
            IID_IMAPISyncProgressCallback
        )
        unknown = psibpb.ulFlags & ~KNOWN_FLAGS
        if unknown:  # the host's mistake: refuse before starting anything
            callback.Error(MAPI_E_UNKNOWN_FLAGS, f"Unknown sync flags 0x{unknown:08X}")
            return MAPI_E_UNKNOWN_FLAGS
        run = SyncRun(self._settings, psibpb.ulFlags, psibpb.psesSync, callback)
        name = f"imap-sync {psibpb.psesSync.account_name}"
        return start_in_background(psibpb, callback, run.run, name)
