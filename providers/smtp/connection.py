"""Opening an authenticated SMTP connection (TLS verified by default) and closing it."""

from __future__ import annotations

import contextlib
import smtplib
import ssl

from app.contract import MAPI_E_NO_SUPPORT, MAPI_E_UNCONFIGURED

from .errors import SendError
from .settings import SmtpSettings


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    """The system's trust store (or ``ca_file``), hostname checked, unless turned off."""
    try:
        context = ssl.create_default_context(
            cafile=str(settings.ca_file) if settings.ca_file else None
        )
    except (OSError, ssl.SSLError) as exc:
        raise SendError(
            MAPI_E_UNCONFIGURED,
            f"The ca_file {settings.ca_file} cannot be used ({exc}). Point it at the PEM "
            "file of the certificate authority that signed the server's certificate.",
        ) from exc
    if not settings.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """Connect, secure (never falling back to plain text) and log in."""
    context = tls_context(settings) if settings.security != "none" else None
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
                raise SendError(
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
