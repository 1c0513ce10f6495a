"""Opening an authenticated IMAP connection (TLS verified by default) and closing it."""

from __future__ import annotations

import contextlib
import imaplib
import logging
from collections.abc import Callable

from imapclient import IMAPClient

from sendreceive.contract import MAPI_E_LOGON_FAILED, MAPI_E_NO_SUPPORT
from sendreceive.providers.common import tls_context

from .bounded_client import BoundedClient, WireOptions
from .errors import SyncError
from .progress import UserCancelledError
from .settings import ImapSettings


def connect(settings: ImapSettings, password: str, cancelled: Callable[[], bool]) -> BoundedClient:
    """Connect, secure (never falling back to plain text) and log in; ``timeout`` bounds
    each step and ``cancelled()`` interrupts any of them."""
    context = (
        tls_context(settings.ca_file, settings.verify_certificate)
        if settings.security != "none"
        else None
    )
    tls = context if settings.security == "ssl" else None
    client = BoundedClient(
        settings.host, settings.port, WireOptions(tls, settings.timeout, cancelled)
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
        _log_in(client, settings, password)
    except BaseException:
        with contextlib.suppress(Exception):
            client.shutdown()
        raise
    return client


def _log_in(client: IMAPClient, settings: ImapSettings, password: str) -> None:
    """LOGIN takes ASCII only; anything else goes as UTF-8 through AUTHENTICATE PLAIN.
    A server announcing LOGINDISABLED (RFC 3501: no password over this connection as it
    is) never receives the password, by either command."""
    if settings.security == "none" and client.has_capability("LOGINDISABLED"):
        raise SyncError(
            MAPI_E_NO_SUPPORT,
            f"{settings.host}:{settings.port} requires an encrypted connection before it "
            "accepts a password (it announces LOGINDISABLED), so the password was not sent. "
            'Use security = "starttls", or "ssl" (port 993).',
        )
    if settings.username.isascii() and password.isascii():
        client.login(settings.username, password)
    elif client.has_capability("AUTH=PLAIN"):
        client.plain_login(settings.username, password)
    else:
        raise SyncError(
            MAPI_E_LOGON_FAILED,
            f"The user name or password of '{settings.username}' has characters outside "
            f"ASCII, and {settings.host}:{settings.port} does not offer AUTHENTICATE PLAIN, "
            "the only way to send them: the password was not sent. Use an ASCII password "
            "for this server.",
        )


def _quiet_protocol_trace(client: IMAPClient) -> None:
    """Stop imaplib formatting a trace nobody will read.

    IMAPClient sets imaplib's debug level to 5 to route its trace to the
    ``imapclient.imaplib`` logger; at that level imaplib ``repr()``s every response,
    whole message bodies included, whether or not the logger prints: a third of a
    full sync's time. Keep the trace only when that logger would show it.
    """
    if not logging.getLogger("imapclient.imaplib").isEnabledFor(logging.DEBUG):
        client._imap.debug = 0


def disconnect(client: BoundedClient) -> None:
    """Log out politely; a connection cut off mid-answer (timeout, Cancel, too much data)
    or already dead is just closed: a LOGOUT there would only wait again."""
    if client.usable:
        try:
            client.logout()
            return
        except (imaplib.IMAP4.error, OSError, UserCancelledError):  # gone, or cancelled
            pass
    with contextlib.suppress(imaplib.IMAP4.error, OSError):
        client.shutdown()
