"""Opening an authenticated SMTP connection (TLS verified by default) and closing it."""

from __future__ import annotations

import base64
import contextlib
import smtplib
from collections.abc import Callable

from sendreceive.contract import MAPI_E_LOGON_FAILED, MAPI_E_NO_SUPPORT

from ..common import ProviderError, tls_context
from .client import BoundedSMTP
from .settings import SmtpSettings

#: What smtplib's ``login`` can speak, in its order of preference.
_MECHANISMS = ("CRAM-MD5", "PLAIN", "LOGIN")


def connect(
    settings: SmtpSettings, password: str | None, cancelled: Callable[[], bool]
) -> BoundedSMTP:
    """Connect, secure (never falling back to plain text) and log in; ``timeout`` bounds
    each step and ``cancelled()`` interrupts any of them."""
    context = None
    if settings.security != "none":
        context = tls_context(settings.ca_file, settings.verify_certificate)
    client = BoundedSMTP(
        settings.timeout, cancelled, context if settings.security == "ssl" else None
    )
    try:
        code, text = client.connect(settings.host, settings.port)
        if code != 220:
            raise smtplib.SMTPConnectError(code, text)
        _hello(client)
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise ProviderError(
                    MAPI_E_NO_SUPPORT,
                    f"{settings.server} does not offer STARTTLS, so nothing was sent and "
                    'the password was not sent. Use security = "ssl" (port 465) if the '
                    "server supports it.",
                )
            assert context is not None
            client.start_tls(context)
            _hello(client)
        if settings.username is not None and password is not None:
            _log_in(client, settings, password)
    except BaseException:
        client.close()
        raise
    return client


def _hello(client: BoundedSMTP) -> None:
    """EHLO, or HELO for a server that does not know EHLO; a temporary refusal (421:
    the server is closing the connection) is not followed by HELO."""
    code, text = client.ehlo()
    if 400 <= code < 500:
        raise smtplib.SMTPHeloError(code, text)
    client.ehlo_or_helo_if_needed()


def _log_in(client: BoundedSMTP, settings: SmtpSettings, password: str) -> None:
    """AUTH, only with a mechanism the server offers: a server offering none is named
    as such, and gets no password."""
    if not client.has_extn("auth"):
        over_tls = (
            'If it offers a login only over TLS, use security = "starttls" or "ssl"; if '
            if settings.security == "none"
            else "If "
        )
        raise ProviderError(
            MAPI_E_NO_SUPPORT,
            f"{settings.server} offers no login (no AUTH in its reply to EHLO), so the "
            f"password was not sent and nothing was sent. {over_tls}it needs no login (a "
            "relay that trusts this computer), leave username and the password out of the "
            "transport settings.",
        )
    offered = client.esmtp_features["auth"].upper().split()
    if not any(mechanism in offered for mechanism in _MECHANISMS):
        raise ProviderError(
            MAPI_E_NO_SUPPORT,
            f"{settings.server} offers no login this transport can use (it offers "
            f"{', '.join(offered) or 'none'}; known are {', '.join(_MECHANISMS)}), so the "
            "password was not sent and nothing was sent.",
        )
    username = settings.username or ""
    if username.isascii() and password.isascii():
        client.login(username, password)
    elif "PLAIN" in offered:
        _plain_login_utf8(client, username, password)
    else:
        raise ProviderError(
            MAPI_E_LOGON_FAILED,
            f"The user name or password of '{username}' has characters outside ASCII, and "
            f"{settings.server} does not offer AUTH PLAIN, the only way to send them: the "
            "password was not sent. Use an ASCII password for this server.",
        )


def _plain_login_utf8(client: BoundedSMTP, username: str, password: str) -> None:
    """AUTH PLAIN in UTF-8 (RFC 4616): smtplib encodes every login in ASCII."""
    secret = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, text = client.docmd("AUTH", f"PLAIN {secret}")
    if code not in (235, 503):  # 503: already logged in
        raise smtplib.SMTPAuthenticationError(code, text)


def disconnect(client: BoundedSMTP) -> None:
    """QUIT politely; a connection cut off mid-reply (timeout, Cancel, too much data)
    or already dead is just closed: a QUIT there would only wait again."""
    if not client.wire.interrupted:
        with contextlib.suppress(Exception):  # whatever went wrong, the socket is closed
            client.quit()
    client.close()
