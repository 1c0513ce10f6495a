"""``smtplib.SMTP`` over a ``Wire``: every reply bounded in time and size, Cancel heard.

smtplib reads replies through a socket file whose timeout restarts at every byte and
keeps every line of a multi-line reply, so a server dripping a byte a second holds the
sending forever and one answering ``250-`` without end fills memory. Here ``timeout``
bounds the greeting (connection and TLS handshake included), each command's whole
reply, the STARTTLS handshake, and the message's data with the reply after it (plus a
second per 64 KiB moved); a reply may hold ``REPLY_LIMIT`` bytes, a line ``MAX_LINE``.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable, Iterable

from ..wire import Wire

REPLY_LIMIT = 1024 * 1024
MAX_LINE = 8192  # smtplib's own limit for a reply line
#: Commands named in a timeout's words; anything else sent (an AUTH exchange's
#: continuation lines hold the password, encoded) is never named.
_NAMED = frozenset({"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "QUIT"})


class BoundedSMTP(smtplib.SMTP):
    """smtplib's client with bounded, interruptible I/O. ``tls``: secure from the start
    (``security = "ssl"``); ``start_tls`` secures a plain connection."""

    def __init__(
        self, timeout: float, cancelled: Callable[[], bool], tls: ssl.SSLContext | None
    ) -> None:
        self.wire = Wire(timeout, cancelled)
        self._tls = tls
        #: True once the end of a message's data may have reached the server: from
        #: then on, whether the server took the message is unknown until it replies.
        self.data_ended = False
        super().__init__(timeout=timeout)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        self._host = host  # the name STARTTLS checks the certificate against
        self.wire.begin("its greeting", REPLY_LIMIT)
        self.wire.connect(host, port, self._tls)
        assert self.wire.sock is not None
        return self.wire.sock

    def start_tls(self, context: ssl.SSLContext) -> None:
        """STARTTLS with a bounded handshake; ``SMTPResponseException`` if refused.
        Whatever the server sent after its 220 in clear text is dropped."""
        code, text = self.docmd("STARTTLS")
        if code != 220:
            raise smtplib.SMTPResponseException(code, text)
        self.wire.begin("the TLS handshake", REPLY_LIMIT)
        self.wire.handshake(context, self._host)
        self.sock = self.wire.sock
        self.helo_resp = self.ehlo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False

    def putcmd(self, cmd: str, args: str = "") -> None:
        """Every command starts here: a fresh deadline and byte budget for its reply."""
        name = cmd.split(" ", 1)[0].upper()
        named = f"its reply to {name}" if name in _NAMED else "its reply during the login"
        self.wire.begin(named, REPLY_LIMIT)
        super().putcmd(cmd, args)

    def send(self, s: object) -> None:
        data = s.encode(self.command_encoding) if isinstance(s, str) else s
        if not isinstance(data, bytes):
            raise TypeError(f"cannot send {type(s).__name__}")
        self.wire.send(data)

    def getreply(self) -> tuple[int, bytes]:
        """A reply's code and its lines' texts; a code that is not a number is -1."""
        lines = []
        code = -1
        while True:
            line = self.wire.readline(MAX_LINE)
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                code = -1
                break
            if line[3:4] != b"-":
                break
        return code, b"\n".join(lines)

    def send_data(self, pieces: Iterable[bytes]) -> tuple[int, bytes]:
        """DATA and the message, given in pieces with CRLF line ends and dot-stuffed here
        a piece at a time (never whole in memory); the final reply. ``SMTPDataError``
        when DATA itself is refused: nothing of the message went."""
        self.data_ended = False
        code, text = self.docmd("DATA")
        if code != 354:
            raise smtplib.SMTPDataError(code, text)
        self.wire.begin("its reply to the message", REPLY_LIMIT)
        line_start = True  # the next byte starts a line
        for piece in pieces:
            if not piece:
                continue
            if line_start and piece.startswith(b"."):
                self.wire.send(b".")
            self.wire.send(piece.replace(b"\n.", b"\n.."))
            line_start = piece.endswith(b"\n")
        if not line_start:
            self.wire.send(b"\r\n")
        self.data_ended = True
        self.wire.send(b".\r\n")
        return self.getreply()

    def close(self) -> None:
        self.wire.close()
        self.sock = None
        self.file = None
