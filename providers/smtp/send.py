"""One sending run: every queued message of the account, one SMTP transaction each.

Each message goes through the Outbox's states so that a run killed at any point loses
nothing: ``begin_sending`` just before DATA, ``mark_sent`` right after the server's
final reply (the only window where a kill can make the next run send it twice), and
``mark_not_sent`` when the server refuses it (it stays queued with the server's reply).
"""

from __future__ import annotations

import logging
import smtplib

from sendreceive.contract import (
    FAILED,
    IXP_E_SMTP_REJECTED_RECIPIENTS,
    IXP_E_SMTP_REJECTED_SENDER,
    MAPI_E_CALL_FAILED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_UNCONFIGURED,
    MAPI_E_USER_CANCEL,
    S_FALSE,
    S_OK,
    IMAPISyncProgressCallback,
    MessageState,
    Outbox,
    OutgoingMessage,
    SyncSession,
)

from ..common import ProviderError
from .connection import connect, disconnect
from .errors import describe, reply
from .settings import SmtpSettings

_ACCEPTED = (250, 251)


class _CancelledError(Exception):
    pass


class SendRun:
    def __init__(
        self, settings: SmtpSettings, session: SyncSession, callback: IMAPISyncProgressCallback
    ) -> None:
        self._settings = settings
        self._session = session
        self._callback = callback
        self._log: logging.Logger = session.logger
        self._client: smtplib.SMTP | None = None
        self._result = S_OK  # the first refusal's HRESULT: the task fails if any was refused

    def run(self) -> int:
        """Send; the HRESULT for ``Done``."""
        outbox = self._session.outbox
        if outbox is None:
            return self._fatal(
                MAPI_E_UNCONFIGURED, "The host gave this task no Outbox: nothing can be sent."
            )
        try:
            pending = outbox.pending()
            if not pending:
                self._callback.Progress("No messages to send", 1, 1)
                return S_OK
            self._warn_cut_off(pending)
            self._progress(f"Connecting to {self._settings.server}", 0, 0)
            self._client = connect(self._settings, self._password())
            for index, message in enumerate(pending, 1):
                self._progress(
                    f"Sending message {index:,} of {len(pending):,}", index - 1, len(pending)
                )
                self._send(outbox, message)
            self._progress(None, len(pending), len(pending))
        except _CancelledError:
            return MAPI_E_USER_CANCEL
        except Exception as exc:  # every exception becomes an HRESULT and a sentence
            failure = describe(exc, self._settings, connected=self._client is not None)
            self._log.info("sending failed: %s", str(failure), exc_info=exc)
            return self._fatal(failure.hresult, str(failure))
        finally:
            if self._client is not None:
                disconnect(self._client)
        return self._result

    def _send(self, outbox: Outbox, message: OutgoingMessage) -> None:
        client = self._client
        assert client is not None
        data = without_bcc(outbox.content(message.id))
        sender = message.sender or self._settings.sender or self._settings.username or ""
        code, text = client.mail(sender, self._mail_options(data, message))
        if code not in _ACCEPTED:
            client.rset()
            self._refused(
                outbox,
                message,
                IXP_E_SMTP_REJECTED_SENDER,
                f"the server refused the sender <{sender}>: {reply(code, text)}",
            )
            return
        refusals = []
        for recipient in message.recipients:
            code, text = client.rcpt(recipient)
            if code not in _ACCEPTED:
                refusals.append(
                    f"the server refused the recipient <{recipient}>: {reply(code, text)}"
                )
        if refusals:
            client.rset()
            for refusal in refusals:
                self._refused(outbox, message, IXP_E_SMTP_REJECTED_RECIPIENTS, refusal)
            return
        outbox.begin_sending(message.id)
        code, text = client.data(data)
        if code == 250:
            outbox.mark_sent(message.id)
            self._log.info("sent %s to %d recipients", message.id, len(message.recipients))
            return
        self._refused(
            outbox,
            message,
            MAPI_E_CALL_FAILED,
            f"the server refused the message: {reply(code, text)}",
        )

    def _refused(self, outbox: Outbox, message: OutgoingMessage, hresult: int, why: str) -> None:
        """The message stays queued, the server's words beside it; a 4xx reply is
        temporary, so the next Send/Receive simply tries again."""
        outbox.mark_not_sent(message.id, why)
        self._callback.Error(
            hresult,
            f"Message '{message.subject}' was not sent: {why}. It stays in the Outbox.",
        )
        if not FAILED(self._result):
            self._result = hresult

    def _mail_options(self, data: bytes, message: OutgoingMessage) -> list[str]:
        client = self._client
        assert client is not None
        options = []
        if not data.isascii() and client.has_extn("8bitmime"):
            options.append("BODY=8BITMIME")
        addresses = [message.sender or "", *message.recipients]
        if not all(a.isascii() for a in addresses) and client.has_extn("smtputf8"):
            options.append("SMTPUTF8")
        return options

    def _warn_cut_off(self, pending: list[OutgoingMessage]) -> None:
        for message in pending:
            if message.state is MessageState.SENDING:
                self._callback.Error(
                    S_FALSE,
                    f"Message '{message.subject}' was being sent when an earlier Send/Receive "
                    "stopped; it is sent again, and its recipients may receive it twice.",
                )

    def _password(self) -> str | None:
        if self._settings.username is None:
            return None
        try:
            password = self._session.password()
        except Exception as exc:
            raise ProviderError(
                MAPI_E_LOGON_FAILED,
                f"The password of account '{self._session.account_name}' could not be "
                f"obtained: {exc}",
            ) from exc
        if password is None:
            raise ProviderError(
                MAPI_E_UNCONFIGURED,
                f"Account '{self._session.account_name}' has a username but no password: set "
                "password, password_env or password_command in its transport settings.",
            )
        return password

    def _progress(self, text: str | None, index: int, total: int) -> None:
        if (
            self._callback.Progress(text, index, total) == MAPI_E_USER_CANCEL
            or self._session.cancelled
        ):
            raise _CancelledError

    def _fatal(self, hresult: int, message: str) -> int:
        self._callback.Error(hresult, message)
        return hresult


def without_bcc(data: bytes) -> bytes:
    """The message as it goes out: its Bcc lines (and their continuations) removed, the
    rest byte for byte."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = data.partition(b"\n\n")
    kept: list[bytes] = []
    dropping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                kept.append(line)
            continue
        dropping = line.lower().startswith(b"bcc:")
        if not dropping:
            kept.append(line)
    return b"".join(kept) + sep + body
