"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the transport's integration tests.

One ``SmtpServer`` runs three listeners on free ports: plain with STARTTLS offered,
implicit TLS, and plain without STARTTLS, all with AUTH for one test user and a
certificate made like Dovecot's (``make_certificate``). It records every message it
accepts, refuses the recipients in ``refused`` with a 550 reply and a message holding any
of the bytes in ``refused_data`` with a 554 reply after its data, and calls ``on_event``
at each step of a transaction (``mail``, ``rcpt``, ``data`` before its reply, ``data-
replied`` after it) so a test can act — kill the client — at a chosen point of the
protocol. ``connections`` counts the clients connected now: a killed program's
provider may still finish a step after the program itself has gone, until its process
ends too and the kernel closes the connection.
"""

from __future__ import annotations

import asyncio
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from helpers.dovecot import HOST, free_port, make_certificate

USER = "sender@example.test"
PASSWORD = "s3nd-Pa55word-xyz"
DATA_SIZE_LIMIT = 128 * 1024 * 1024  # aiosmtpd's default, 32 MiB, is less than a message may be


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes

    @property
    def message_id(self) -> str:
        return str(message_from_bytes(self.content)["Message-ID"])


@dataclass
class _Handler:
    server: SmtpServer

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        self.server.event("rcpt")
        if address in self.server.refused and self.server.temporary:
            return f"450 4.2.1 <{address}>: Mailbox busy, try again later"
        if address in self.server.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        self.server.event("mail")
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.server.event("data")
        if any(marker in content for marker in self.server.refused_data):
            asyncio.get_running_loop().call_soon(self.server.event, "data-replied")
            return "554 5.7.1 Message refused by policy"
        with self.server.lock:
            self.server.received.append(
                Received(str(envelope.mail_from), tuple(envelope.rcpt_tos), content)
            )
        hold, self.server.hold_next_data = self.server.hold_next_data, 0.0
        await asyncio.sleep(hold)
        asyncio.get_running_loop().call_soon(self.server.event, "data-replied")
        return "250 2.0.0 Ok: queued"


@dataclass
class SmtpServer:
    root: Path
    plain_port: int = 0
    ssl_port: int = 0
    bare_port: int = 0  # plain, no STARTTLS offered
    refused: set[str] = field(default_factory=set)
    temporary: bool = False  # the recipients in ``refused`` get a 450 (try later), not a 550
    refused_data: set[bytes] = field(default_factory=set)  # a message holding one: 554
    hold_next_data: float = 0.0  # seconds the next accepted message's reply waits
    received: list[Received] = field(default_factory=list)
    on_event: Callable[[str], None] | None = None
    clients: set[SMTP] = field(default_factory=set)  # connected now, on any listener
    logins: dict[str, str] = field(default_factory=lambda: {USER: PASSWORD})  # AUTH accepts
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ca_file(self) -> Path:
        return self.root / "cert.pem"

    def event(self, name: str) -> None:
        if self.on_event is not None:
            self.on_event(name)

    @property
    def connections(self) -> int:
        with self.lock:
            return len(self.clients)

    def messages(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def settings(self, security: str = "starttls", **extra: Any) -> dict[str, Any]:
        """An smtp transport's settings for this server and the test user."""
        port = self.ssl_port if security == "ssl" else self.plain_port
        return {
            "host": HOST,
            "port": port,
            "security": security,
            "username": USER,
            "password": PASSWORD,
            "ca_file": str(self.ca_file),
            "timeout": 10,
            **extra,
        }


class _CountingSMTP(SMTP):
    """aiosmtpd's protocol, keeping ``server.clients`` (STARTTLS makes a connection twice:
    a set counts it once)."""

    def __init__(self, server: SmtpServer, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._server = server

    @property
    def logins(self) -> dict[str, str]:
        with self._server.lock:
            return dict(self._server.logins)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        with self._server.lock:
            self._server.clients.add(self)
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        with self._server.lock:
            self._server.clients.discard(self)
        super().connection_lost(error)


class _Controller(Controller):
    def __init__(self, server: SmtpServer, **kwargs: Any) -> None:
        super().__init__(_Handler(server), **kwargs)
        self._server = server

    def factory(self) -> SMTP:
        return _CountingSMTP(self._server, self.handler, **self.SMTP_kwargs)


def _authenticate(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    assert isinstance(server, _CountingSMTP)
    logins = {user.encode(): password.encode() for user, password in server.logins.items()}
    ok = isinstance(data, LoginPassword) and logins.get(data.login) == data.password
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies 535


@contextmanager
def running_smtp_server() -> Iterator[SmtpServer]:
    with tempfile.TemporaryDirectory(prefix="smtpd-") as root:
        server = SmtpServer(Path(root))
        make_certificate(server.ca_file, server.root / "key.pem")
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(server.ca_file, server.root / "key.pem")
        common = {
            "authenticator": _authenticate,
            "auth_require_tls": False,
            "data_size_limit": DATA_SIZE_LIMIT,
        }
        plain = _Controller(
            server,
            hostname=HOST,
            port=free_port(),
            tls_context=context,
            **common,
        )
        implicit = _Controller(
            server, hostname=HOST, port=free_port(), ssl_context=context, **common
        )
        bare = _Controller(server, hostname=HOST, port=free_port(), **common)
        controllers = (plain, implicit, bare)
        for controller in controllers:
            controller.start()
        server.plain_port, server.ssl_port, server.bare_port = (c.port for c in controllers)
        try:
            yield server
        finally:
            for controller in controllers:
                controller.stop()
