"""Turn what went wrong while sending into an HRESULT and a sentence the user can act on.

Texts name the server and the setting to check, and never contain the password
(nothing here ever sees it).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass

from app.contract import (
    E_FAIL,
    MAPI_E_CALL_FAILED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_TIMEOUT,
)

from .settings import SmtpSettings


class SendError(Exception):
    """A fatal condition already phrased for the user, with its HRESULT."""

    def __init__(self, hresult: int, message: str) -> None:
        super().__init__(message)
        self.hresult = hresult


@dataclass(frozen=True)
class Failure:
    hresult: int
    message: str


def reply(code: int, text: bytes | str) -> str:
    """The server's reply as it said it: ``550 5.1.1 <x@y>: user unknown``."""
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


def describe(exc: BaseException, settings: SmtpSettings, *, connected: bool) -> Failure:
    """The HRESULT and message for an exception that ends the sending."""
    server = settings.server
    if isinstance(exc, SendError):
        return Failure(exc.hresult, str(exc))
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return Failure(
            MAPI_E_LOGON_FAILED,
            f"{server} refused the login of user '{settings.username}' "
            f"({reply(exc.smtp_code, exc.smtp_error)}). Check the user name and the password.",
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return Failure(
            MAPI_E_NETWORK_ERROR,
            f"The TLS certificate of {settings.host} is not trusted ({exc.verify_message}), "
            "so the connection was refused. If the server uses a private or self-signed "
            "certificate, set ca_file to its CA certificate.",
        )
    if isinstance(exc, TimeoutError):
        return Failure(
            MAPI_E_TIMEOUT,
            f"{server} did not answer within {settings.timeout:g} s. Check the network "
            "connection, or raise the timeout setting.",
        )
    if isinstance(exc, socket.gaierror):
        return Failure(
            MAPI_E_NETWORK_ERROR,
            f"The server name '{settings.host}' could not be resolved ({exc.strerror}). "
            "Check the host setting and the network connection.",
        )
    if isinstance(exc, ssl.SSLError) and not connected:
        return Failure(
            MAPI_E_NETWORK_ERROR,
            f"No secure connection could be made to {server} ({_reason(exc)}). Check the "
            'port and the security setting ("ssl" for 465, "starttls" for 587).',
        )
    if isinstance(exc, (smtplib.SMTPServerDisconnected, OSError)):
        if connected:
            message = (
                f"The connection to {server} was lost ({_reason(exc)}). Send/Receive again "
                "once the server is reachable: unsent messages stay in the Outbox."
            )
        else:
            message = (
                f"Could not connect to {server} ({_reason(exc)}). Check the host and port "
                "settings and that the server is running."
            )
        return Failure(MAPI_E_NETWORK_ERROR, message)
    if isinstance(exc, smtplib.SMTPResponseException):
        return Failure(
            MAPI_E_CALL_FAILED,
            f"{server} refused a command: {reply(exc.smtp_code, exc.smtp_error)}",
        )
    if isinstance(exc, smtplib.SMTPException):
        return Failure(MAPI_E_CALL_FAILED, f"{server}: {exc}")
    return Failure(E_FAIL, f"Unexpected error: {type(exc).__name__}: {exc}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason).replace("_", " ").lower()
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
