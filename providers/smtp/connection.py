"""Opening an authenticated SMTP connection (TLS verified by default) and closing it."""

from __future__ import annotations

import contextlib
import smtplib

from sendreceive.contract import MAPI_E_NO_SUPPORT

from ..common import ProviderError, tls_context
from .settings import SmtpSettings


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """Connect, secure (never falling back to plain text) and log in."""
    context = None
    if settings.security != "none":
        context = tls_context(settings.ca_file, settings.verify_certificate)
    client: smtplib.SMTP
    if settings.security == "ssl":
        client = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        client.ehlo()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise ProviderError(
                    MAPI_E_NO_SUPPORT,
                    f"{settings.server} does not offer STARTTLS, so nothing was sent and "
                    'the password was not sent. Use security = "ssl" (port 465) if the '
                    "server supports it.",
                )
            client.starttls(context=context)
            client.ehlo()
        if settings.username is not None and password is not None:
            client.login(settings.username, password)
    except BaseException:
        with contextlib.suppress(Exception):
            client.close()
        raise
    return client


def disconnect(client: smtplib.SMTP) -> None:
    """QUIT politely; a connection that is already dead is just closed."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()
