"""One sending run: every queued message of the account, one SMTP transaction each.

Each message goes through the Outbox's states so that a run killed at any point loses
nothing: ``begin_sending`` just before DATA, ``mark_sent`` right after the server's
final reply (the only window where a kill can make the next run send it twice), and
``mark_not_sent`` when the server refuses it for now (4xx) or the sending stopped before
the end of its data reached the server (it stays queued with the reason), and
``mark_refused`` when the server refuses it for good or it cannot be sent as it is (it
stays, marked refused, until the user retries it). The account's Outbox is locked for
the run, so a second run at once sends nothing twice: it ends with ``MAPI_E_BUSY``.
"""

from __future__ import annotations

import logging
import smtplib
from typing import BinaryIO

from sendreceive.contract import (
    FAILED,
    IXP_E_SMTP_REJECTED_RECIPIENTS,
    IXP_E_SMTP_REJECTED_SENDER,
    MAPI_E_BUSY,
    MAPI_E_CALL_FAILED,
    MAPI_E_CORRUPT_DATA,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NO_SUPPORT,
    MAPI_E_UNCONFIGURED,
    MAPI_E_USER_CANCEL,
    MAPI_W_PARTIAL_COMPLETION,
    S_FALSE,
    S_OK,
    IMAPISyncProgressCallback,
    MessageState,
    Outbox,
    OutgoingMessage,
    SyncSession,
)

from ..common import ProviderError
from ..wire import WireCancelledError
from .client import BoundedSMTP
from .connection import connect, disconnect
from .errors import describe, reply, temporary
from .message import OutgoingData, UnsendableError
from .settings import SmtpSettings

_ACCEPTED = (250, 251)
_CLOSING = 421  # the server is closing the connection: nothing more can be sent


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
        self._client: BoundedSMTP | None = None
        self._cancelled = False  # told by Progress, heard by the wire too
        # S_OK; MAPI_W_PARTIAL_COMPLETION once a message was refused for good; the first
        # temporary refusal's HRESULT: the task fails, the message is tried again later
        self._result = S_OK

    def run(self) -> int:
        """Send; the HRESULT for ``Done``."""
        outbox = self._session.outbox
        if outbox is None:
            return self._fatal(
                MAPI_E_UNCONFIGURED, "The host gave this task no Outbox: nothing can be sent."
            )
        if not outbox.lock():
            return self._fatal(
                MAPI_E_BUSY,
                f"Another Send/Receive is sending the Outbox of account "
                f"'{self._session.account_name}' right now; this one leaves it to that one, "
                "so that no message is sent twice.",
            )
        try:
            return self._send_all(outbox)
        finally:
            outbox.unlock()

    def _send_all(self, outbox: Outbox) -> int:
        try:
            pending = outbox.pending()
            if not pending:
                self._callback.Progress("No messages to send", 1, 1)
                return S_OK
            self._warn_cut_off(pending)
            self._warn_about_security()
            self._progress(f"Connecting to {self._settings.server}", 0, 0)
            self._client = connect(self._settings, self._password(), self._is_cancelled)
            for index, message in enumerate(pending, 1):
                self._progress(
                    f"Sending message {index:,} of {len(pending):,}", index - 1, len(pending)
                )
                self._send(outbox, message)
            self._progress(None, len(pending), len(pending))
        except (_CancelledError, WireCancelledError):
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
        with outbox.open_content(message.id) as file:
            self._send_file(outbox, message, file)

    def _send_file(self, outbox: Outbox, message: OutgoingMessage, file: BinaryIO) -> None:
        client = self._client
        assert client is not None
        sender = message.sender or self._settings.sender or self._settings.username or ""
        try:
            data = OutgoingData(file)
            options = self._mail_options(data.eight_bit, sender, message)
        except UnsendableError as exc:  # for good, unless only this server lacks a feature
            for_good = exc.hresult != MAPI_E_NO_SUPPORT
            why = f"it cannot be sent as it is: {exc}"
            self._refused(outbox, message, exc.hresult, why, for_good=for_good)
            return
        code, text = _unless_closing(client.mail(sender, options))
        if code not in _ACCEPTED:
            why = f"the server refused the sender <{sender}>: {reply(code, text)}"
            self._refused(outbox, message, IXP_E_SMTP_REJECTED_SENDER, why, code)
            client.rset()
            return
        refusals = []
        for recipient in message.recipients:
            code, text = _unless_closing(client.rcpt(recipient))
            if code not in _ACCEPTED:
                refusals.append(
                    (code, f"the server refused the recipient <{recipient}>: {reply(code, text)}")
                )
        if refusals:
            for code, why in refusals:
                self._refused(outbox, message, IXP_E_SMTP_REJECTED_RECIPIENTS, why, code)
            client.rset()
            return
        outbox.begin_sending(message.id)
        try:
            code, text = client.send_data(data.pieces())
        except smtplib.SMTPDataError as exc:  # DATA itself refused: nothing of it went out
            error = exc.smtp_error
            code, text = exc.smtp_code, error if isinstance(error, bytes) else error.encode()
        except BaseException:
            if not client.data_ended:  # cut off before its end: the server cannot take it
                outbox.mark_not_sent(message.id, "the sending stopped before the message's end")
            raise
        if code == 250:
            outbox.mark_sent(message.id)
            self._log.info("sent %s to %d recipients", message.id, len(message.recipients))
            return
        why = f"the server refused the message: {reply(code, text)}"
        self._refused(outbox, message, MAPI_E_CALL_FAILED, why, code)
        _unless_closing((code, text))
        client.rset()

    def _refused(
        self,
        outbox: Outbox,
        message: OutgoingMessage,
        hresult: int,
        why: str,
        code: int | None = None,
        for_good: bool = True,
    ) -> None:
        """The message stays in the Outbox, the reason beside it. A 4xx reply (or what
        another server may take) is temporary: the next Send/Receive tries again, and
        this one failed. Any other
        refusal is for good: the message is marked refused and is not sent again until
        the user retries it, and the run completes with errors (the others went out)."""
        if not for_good or (code is not None and temporary(code)):
            outbox.mark_not_sent(message.id, why)
            text = (
                f"Message '{message.subject}' was not sent for now: {why}. The refusal is "
                "temporary: it stays in the Outbox and is tried again at the next Send/Receive."
            )
            if not FAILED(self._result):
                self._result = hresult
        else:
            outbox.mark_refused(message.id, why)
            text = (
                f"Message '{message.subject}' was refused: {why}. It stays in the Outbox, "
                "marked Refused, and is not sent again until you retry or remove it."
            )
            if self._result == S_OK:
                self._result = MAPI_W_PARTIAL_COMPLETION
        self._callback.Error(hresult, text)

    def _mail_options(self, eight_bit: bool, sender: str, message: OutgoingMessage) -> list[str]:
        """MAIL's options; ``UnsendableError`` for what this server cannot take."""
        client = self._client
        assert client is not None
        if not message.recipients:
            raise UnsendableError(
                MAPI_E_CORRUPT_DATA, "it has no recipient whose address can be read"
            )
        options = []
        if eight_bit and client.has_extn("8bitmime"):
            options.append("BODY=8BITMIME")
        wide = [a for a in (sender, *message.recipients) if not a.isascii()]
        if wide:
            if not client.has_extn("smtputf8"):
                raise UnsendableError(
                    MAPI_E_NO_SUPPORT,
                    f"the address <{wide[0]}> has characters outside ASCII, and "
                    f"{self._settings.server} does not take such addresses (no SMTPUTF8)",
                )
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

    def _warn_about_security(self) -> None:
        """The words the IMAP provider uses, for settings that weaken the connection."""
        settings = self._settings
        if settings.security == "none" and settings.username is not None:
            self._callback.Error(
                S_FALSE,
                f'The connection to {settings.host} is not encrypted (security = "none"): '
                "the password and the mail cross the network in clear text.",
            )
        elif settings.security != "none" and not settings.verify_certificate:
            self._callback.Error(
                S_FALSE,
                f"Certificate verification is turned off for {settings.host} "
                "(verify_certificate = false): the connection is encrypted, but anyone able "
                "to intercept it can pose as the server. Prefer ca_file.",
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

    def _is_cancelled(self) -> bool:
        return self._cancelled or self._session.cancelled

    def _progress(self, text: str | None, index: int, total: int) -> None:
        if self._callback.Progress(text, index, total) == MAPI_E_USER_CANCEL:
            self._cancelled = True
        if self._is_cancelled():
            raise _CancelledError

    def _fatal(self, hresult: int, message: str) -> int:
        self._callback.Error(hresult, message)
        return hresult


def _unless_closing(answer: tuple[int, bytes]) -> tuple[int, bytes]:
    """A reply, unless it is 421: the server is closing the connection, so the run ends
    (a temporary condition: what is unsent stays queued)."""
    code, text = answer
    if code == _CLOSING:
        raise smtplib.SMTPResponseException(code, text)
    return answer
