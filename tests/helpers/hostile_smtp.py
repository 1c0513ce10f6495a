"""A small scriptable SMTP server on 127.0.0.1, for what a real server never does.

aiosmtpd (``helpers.smtp_server``) is the well-behaved server of the suite; this one
answers what a test writes: a reply dripped a byte a second, a multi-line reply that
never ends, a TLS handshake never answered, a refusal of DATA or of one message, no
AUTH offered, 421 or 454. It serves a thread per connection, speaks plain text, TLS
from the start or STARTTLS, records the commands it receives and keeps the messages it
accepted. ::

    from helpers.hostile_smtp import Script, drip, flood, serving

    script = Script(replies={"EHLO": drip(b"250 hostile\\r\\n", rate=1)})
    with serving(script) as server:
        settings = server.settings(timeout=2)
        ...
        assert server.received == []

``Script.replies`` maps a place — ``"greeting"``, a command (``"EHLO"``, ``"AUTH"``,
``"MAIL"``, ``"RCPT"``, ``"DATA"``: the reply to the command itself) or ``"MESSAGE"``
(the reply after the message's final dot) — to the bytes to answer there, or to a
callable that gets the ``Connection`` and either writes hostile bytes itself or returns
the bytes to answer (``None``: the usual answer). A message is kept when the reply
after its dot is a 250.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import socket
import socketserver
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers.dovecot import HOST, make_certificate

USER = "sender@example.test"
PASSWORD = "h0stile-Pa55word"
STOP_TIMEOUT = 10.0
_CHUNK = 64 * 1024


class _ClosedError(Exception):
    pass


Reply = bytes | Callable[["Connection"], bytes | None]


@dataclass
class Script:
    replies: dict[str, Reply] = field(default_factory=dict)
    auth: bool = True  # offer AUTH PLAIN in the reply to EHLO
    starttls: bool = False  # offer STARTTLS in the reply to EHLO
    password: str = PASSWORD  # the one the user has (compared in UTF-8)
    stall_handshake: bool = False  # with tls="ssl": accept TCP, never answer TLS


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes  # as received, dot-stuffing undone


def drip(data: bytes, rate: float) -> Callable[[Connection], None]:
    """A reply written ``rate`` bytes a second."""

    def dripping(conn: Connection) -> None:
        conn.drip(data, rate)

    return dripping


def stall(data: bytes) -> Callable[[Connection], None]:
    """A reply, then nothing more: the client waits until the server stops."""

    def stalling(conn: Connection) -> None:
        conn.write(data)
        conn.server.stopping.wait()
        raise _ClosedError

    return stalling


def flood(sent: list[int]) -> Callable[[Connection], None]:
    """A multi-line reply that never ends (``250-…`` lines); ``sent[0]`` counts its
    bytes."""

    def flooding(conn: Connection) -> None:
        line = b"250-" + b"f" * 1020 + b"\r\n"
        for chunk in itertools.repeat(line):
            sent[0] += len(chunk)
            conn.stream_one(chunk)

    return flooding


class Connection:
    def __init__(self, server: HostileSmtp, sock: socket.socket) -> None:
        self.server = server
        self.script = server.script
        self._sock = sock
        self._pending = bytearray()
        self.mail_from = ""
        self.rcpt_tos: list[str] = []
        self.content = b""  # the current message, once its data is in

    # ------------------------------------------------------------------ writing

    def write(self, data: bytes) -> None:
        if self.server.stopping.is_set():
            raise _ClosedError
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise _ClosedError from exc

    def drip(self, data: bytes, rate: float) -> None:
        for offset in range(len(data)):
            self.write(data[offset : offset + 1])
            if self.server.stopping.wait(1 / rate):
                raise _ClosedError

    def stream_one(self, chunk: bytes) -> None:
        """Coalesce small writes into about 64 KiB."""
        self._pending += chunk
        if len(self._pending) >= _CHUNK:
            self.write(bytes(self._pending))
            self._pending.clear()

    def answer(self, place: str, usual: bytes) -> bytes:
        """Write the script's reply for ``place``, or ``usual``; what was written."""
        reply = self.script.replies.get(place)
        if callable(reply):
            reply = reply(self)
        reply = usual if reply is None else reply
        self.write(reply)
        return reply

    # ------------------------------------------------------------------ the loop

    def serve(self) -> None:
        try:
            if self.server.tls == "ssl":
                if self.script.stall_handshake:
                    self.server.stopping.wait()
                    raise _ClosedError
                self._sock = self.server.tls_context().wrap_socket(self._sock, server_side=True)
            self._file = self._sock.makefile("rb")
            self.answer("greeting", b"220 hostile.test ESMTP ready\r\n")
            while line := self._file.readline(1_000_000):
                if not self._command(line):
                    break
        except (_ClosedError, OSError, ssl.SSLError):
            pass

    def _command(self, line: bytes) -> bool:
        verb, _, rest = line.rstrip(b"\r\n").partition(b" ")
        name = verb.decode("ascii", "replace").upper()
        self.server.record(name)
        if name in ("EHLO", "HELO"):
            features = [b"250-hostile.test", b"250-8BITMIME", b"250-PIPELINING"]
            if self.script.auth:
                features.append(b"250-AUTH PLAIN")
            if self.script.starttls:
                features.append(b"250-STARTTLS")
            self.answer(name, b"\r\n".join([*features, b"250 SIZE 100000000"]) + b"\r\n")
        elif name == "STARTTLS":
            if self.answer(name, b"220 2.0.0 Ready to start TLS\r\n").startswith(b"220"):
                self._sock = self.server.tls_context().wrap_socket(self._sock, server_side=True)
                self._file = self._sock.makefile("rb")
        elif name == "AUTH":
            self._auth(rest)
        elif name == "MAIL":
            self.mail_from, self.rcpt_tos = _address(rest), []
            self.answer(name, b"250 2.1.0 Ok\r\n")
        elif name == "RCPT":
            if self.answer(name, b"250 2.1.5 Ok\r\n").startswith(b"250"):
                self.rcpt_tos.append(_address(rest))
        elif name == "DATA":
            if self.answer(name, b"354 End data with <CR><LF>.<CR><LF>\r\n").startswith(b"354"):
                self._data()
        elif name == "RSET":
            self.answer(name, b"250 2.0.0 Ok\r\n")
        elif name == "QUIT":
            self.answer(name, b"221 2.0.0 Bye\r\n")
            return False
        else:
            self.answer(name, b"502 5.5.2 Error: command not recognized\r\n")
        return True

    def _auth(self, rest: bytes) -> None:
        mechanism, _, initial = rest.partition(b" ")
        try:
            _zid, user, password = base64.b64decode(initial).split(b"\0")
        except ValueError:
            user = password = b""
        good = mechanism.upper() == b"PLAIN" and (user, password) == (
            USER.encode(),
            self.script.password.encode(),
        )
        usual = b"235 2.7.0 Authentication successful\r\n" if good else b"535 5.7.8 Bad\r\n"
        self.answer("AUTH", usual)

    def _data(self) -> None:
        lines = []
        while (line := self._file.readline(1_000_000)) != b".\r\n":
            if not line:
                raise _ClosedError
            lines.append(line[1:] if line.startswith(b".") else line)
        self.content = b"".join(lines)
        if self.answer("MESSAGE", b"250 2.0.0 Ok: queued\r\n").startswith(b"250"):
            self.server.keep(Received(self.mail_from, tuple(self.rcpt_tos), self.content))


def _address(rest: bytes) -> str:
    text = rest.decode("utf-8", "replace")
    return text[text.find("<") + 1 : text.find(">")]


class _Handler(socketserver.BaseRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        hostile = self.server.hostile
        with hostile.lock:
            hostile.sockets.add(self.request)
        try:
            Connection(hostile, self.request).serve()
        finally:
            with hostile.lock:
                hostile.sockets.discard(self.request)


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, hostile: HostileSmtp) -> None:
        super().__init__((HOST, 0), _Handler)
        self.hostile = hostile


class HostileSmtp:
    """The server: ``start`` and ``stop`` (or ``serving``), ``port``, ``commands``,
    ``received``."""

    def __init__(self, script: Script, tls: str = "none") -> None:
        self.script = script
        self.tls = tls
        self.commands: list[str] = []
        self.received: list[Received] = []
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.sockets: set[socket.socket] = set()
        self._root = Path(tempfile.mkdtemp(prefix="hostile-smtp-"))
        self.ca_file = self._root / "cert.pem"
        self._context: ssl.SSLContext | None = None
        self._server = _TCPServer(self)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="hostile-smtp", daemon=True
        )

    def tls_context(self) -> ssl.SSLContext:
        with self.lock:
            if self._context is None:
                make_certificate(self.ca_file, self._root / "key.pem")
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(self.ca_file, self._root / "key.pem")
                self._context = context
            return self._context

    def start(self) -> None:
        if self.tls != "none":
            self.tls_context()
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(STOP_TIMEOUT)
        for path in self._root.iterdir():
            path.unlink()
        self._root.rmdir()

    def record(self, name: str) -> None:
        with self.lock:
            self.commands.append(name)

    def keep(self, message: Received) -> None:
        with self.lock:
            self.received.append(message)

    def messages(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """smtp transport settings for this server and its user."""
        settings: dict[str, Any] = {
            "host": HOST,
            "port": self.port,
            "security": self.tls,
            "username": USER,
            "password": PASSWORD,
            "timeout": 10,
        }
        if self.tls != "none":
            settings["ca_file"] = str(self.ca_file)
        settings.update(overrides)
        return settings


@contextlib.contextmanager
def serving(script: Script | None = None, tls: str = "none") -> Iterator[HostileSmtp]:
    """A started ``HostileSmtp``, always stopped afterwards."""
    server = HostileSmtp(script or Script(), tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()
