"""Opening an authenticated IMAP connection (TLS verified by default) and closing it."""

from __future__ import annotations

import contextlib
import imaplib
import logging
import ssl

from imapclient import IMAPClient

from app.contract import MAPI_E_NO_SUPPORT, MAPI_E_UNCONFIGURED

from .errors import SyncError
from .settings import ImapSettings


def tls_context(settings: ImapSettings) -> ssl.SSLContext:
    """The system's trust store (or ``ca_file``), hostname checked, unless turned off."""
    try:
        context = ssl.create_default_context(
            cafile=str(settings.ca_file) if settings.ca_file else None
        )
    except (OSError, ssl.SSLError) as exc:
        raise SyncError(
            MAPI_E_UNCONFIGURED,
            f"The ca_file {settings.ca_file} cannot be used ({exc}). Point it at the PEM "
            "file of the certificate authority that signed the server's certificate.",
        ) from exc
    if not settings.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect(settings: ImapSettings, password: str) -> IMAPClient:
    """Connect, secure (never falling back to plain text) and log in."""
    context = tls_context(settings) if settings.security != "none" else None
    client = IMAPClient(
        settings.host,
        port=settings.port,
        ssl=settings.security == "ssl",
        ssl_context=context,
        timeout=settings.timeout,
    )
    _quiet_protocol_trace(client)
    try:
        if settings.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise SyncError(
                    MAPI_E_NO_SUPPORT,
                    f"{settings.host}:{settings.port} does not offer STARTTLS, so the "
                    'password was not sent. Use security = "ssl" (port 993) if the server '
                    "supports it.",
                )
            client.starttls(context)
        client.login(settings.username, password)
    except BaseException:
        with contextlib.suppress(Exception):
            client.shutdown()
        raise
    return client


def _quiet_protocol_trace(client: IMAPClient) -> None:
    """Stop imaplib formatting a trace nobody will read.

    IMAPClient sets imaplib's debug level to 5 to route its trace to the
    ``imapclient.imaplib`` logger; at that level imaplib ``repr()``s every response,
    whole message bodies included, whether or not the logger prints: a third of a
    full sync's time. Keep the trace only when that logger would show it.
    """
    if not logging.getLogger("imapclient.imaplib").isEnabledFor(logging.DEBUG):
        client._imap.debug = 0


def disconnect(client: IMAPClient) -> None:
    """Log out politely; a connection that is already dead is just closed."""
    try:
        client.logout()
    except (imaplib.IMAP4.error, OSError):  # the server or the socket is already gone
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.shutdown()
