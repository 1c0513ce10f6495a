"""Turn what went wrong while sending into an HRESULT and a sentence the user can act on.

Texts name the server and the setting to check, and never contain the password
(nothing here ever sees it).
"""

from __future__ import annotations

import smtplib
import ssl

from sendreceive.contract import (
    E_FAIL,
    MAPI_E_CALL_FAILED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
)

from ..common import ProviderError, network_failure, reason
from ..wire import ReplyTooLargeError
from .settings import SmtpSettings


def reply(code: int, text: bytes | str) -> str:
    """The server's reply as it said it: ``550 5.1.1 <x@y>: user unknown``."""
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


def temporary(code: int) -> bool:
    """A 4xx reply: the server cannot now, and may later (RFC 5321, 4.2.1)."""
    return 400 <= code < 500


def describe(exc: BaseException, settings: SmtpSettings, *, connected: bool) -> ProviderError:
    """The HRESULT and message for an exception that ends the sending."""
    server = settings.server
    if isinstance(exc, ProviderError):
        return exc
    if isinstance(exc, smtplib.SMTPResponseException) and temporary(exc.smtp_code):
        return ProviderError(
            MAPI_E_NETWORK_ERROR,
            f"{server} cannot take mail now ({reply(exc.smtp_code, exc.smtp_error)}): a "
            "temporary refusal, not a problem with the settings. Send/Receive again later: "
            "unsent messages stay in the Outbox.",
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return ProviderError(
            MAPI_E_LOGON_FAILED,
            f"{server} refused the login of user '{settings.username}' "
            f"({reply(exc.smtp_code, exc.smtp_error)}). Check the user name and the password.",
        )
    known = network_failure(exc, settings.host, server, settings.timeout)
    if known is not None:
        return known
    if isinstance(exc, ReplyTooLargeError):
        return ProviderError(
            MAPI_E_CALL_FAILED,
            f"{server} sent more than {exc.limit:,} bytes in {exc.operation} ({exc.what}), "
            "so the connection was closed without reading the rest. The server is "
            "misbehaving: tell its administrator. Unsent messages stay in the Outbox.",
        )
    if isinstance(exc, ssl.SSLError) and not connected:
        return ProviderError(
            MAPI_E_NETWORK_ERROR,
            f"No secure connection could be made to {server} ({reason(exc)}). Check the "
            'port and the security setting ("ssl" for 465, "starttls" for 587).',
        )
    # Before OSError: smtplib's exceptions are OSErrors too.
    if isinstance(exc, smtplib.SMTPResponseException):
        return ProviderError(
            MAPI_E_CALL_FAILED,
            f"{server} refused a command: {reply(exc.smtp_code, exc.smtp_error)}",
        )
    if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError)):
        if connected:
            message = (
                f"The connection to {server} was lost ({reason(exc)}). Send/Receive again "
                "once the server is reachable: unsent messages stay in the Outbox."
            )
        else:
            message = (
                f"Could not connect to {server} ({reason(exc)}). Check the host and port "
                "settings and that the server is running."
            )
        return ProviderError(MAPI_E_NETWORK_ERROR, message)
    return ProviderError(E_FAIL, f"Unexpected error: {type(exc).__name__}: {exc}")
