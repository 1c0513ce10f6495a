"""One IMAP connection's bytes, bounded in time and in size, and interruptible.

imaplib reads through ``readline()`` and ``read(size)`` and writes through ``send()``;
its own versions block on a buffered socket file whose timeout restarts at every byte,
so a server sending a byte a second holds a sync forever, Cancel waits with it, and a
literal announced as ``{10000000000}`` is allocated and read. ``BoundedIMAP4`` replaces
them with a reader of its own over ``self.sock`` that waits in short slices and checks
between them:

* the operation's deadline: ``timeout`` for the greeting (connection and TLS handshake
  included) and for each command's whole answer, plus one second per ``MIN_RATE`` bytes
  received so that a big honest answer on a slow link is not cut off
  (→ ``TimeoutError``);
* the user's Cancel (→ ``UserCancelledError``);
* the command's byte budget: ``response_limit`` for the next commands (a FETCH batch),
  else ``UNTAGGED_LIMIT``, and ``literal_limit`` for each literal (a message). A literal
  announced bigger than what is left is refused before a byte of it is read
  (→ ``ResponseTooLargeError``, an abort: the connection is then unusable).

After any of these the connection is dead (``broken``): it is closed, never logged out.
Untagged responses left over from earlier commands are dropped at each new command, so
they cannot pile up either.
"""

from __future__ import annotations

import contextlib
import errno
import imaplib
import os
import selectors
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, ParamSpec, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError
from imapclient.imapclient import seq_to_parenstr_upper
from imapclient.response_parser import parse_fetch_response

from .progress import UserCancelledError

MIB = 1024 * 1024
SLICE = 0.25  # longest wait between two checks of Cancel and the deadline
MAX_LINE = 1_000_000  # imaplib's limit for one response line
UNTAGGED_LIMIT = 16 * MIB  # what any command's answer may hold, unless told otherwise
LINE_COST = 64  # bytes charged per line beyond its length: Python's per-object overhead
MIN_RATE = 64 * 1024  # bytes per second that earn a long answer more time
RECV_SIZE = 256 * 1024
SEND_SIZE = 64 * 1024
_IN_PROGRESS = frozenset({errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY})

_P = ParamSpec("_P")
_T = TypeVar("_T")


class ResponseTooLargeError(IMAPClientAbortError):  # type: ignore[misc]
    """An answer exceeded a bound; the connection was abandoned mid-answer.

    ``operation`` says which answer (``"its answer to SELECT"``), ``what`` what was too
    much, and ``literal`` the size of a literal refused (a message too big, perhaps).
    """

    def __init__(self, operation: str, limit: int, what: str, literal: int | None) -> None:
        super().__init__(f"{what} in {operation}, over the limit of {limit:,} bytes")
        self.operation = operation
        self.limit = limit
        self.what = what
        self.literal = literal


@dataclass(frozen=True)
class WireOptions:
    """``tls``: a context to secure the connection from the start (IMAPS), or ``None``."""

    tls: ssl.SSLContext | None
    timeout: float
    cancelled: Callable[[], bool]


class BoundedIMAP4(imaplib.IMAP4):
    """imaplib's IMAP4 with bounded, interruptible I/O (plain, or TLS from the start)."""

    _tls_established: bool

    def __init__(self, host: str, port: int, options: WireOptions) -> None:
        self._tls = options.tls
        self._timeout = options.timeout
        self._cancelled = options.cancelled
        self._buffer = bytearray()
        self._scratch = memoryview(bytearray(RECV_SIZE))
        self.broken = False
        self.response_limit = UNTAGGED_LIMIT
        self.literal_limit = UNTAGGED_LIMIT
        self._begin("its greeting")
        super().__init__(host, port, options.timeout)

    # ------------------------------------------------------------------ operations

    def _begin(self, operation: str | None) -> None:
        """A new operation (``"its greeting"``, ``"its answer to SELECT"``): a fresh
        deadline and byte budget. ``None``: ``send`` names it from the command line."""
        self._operation = operation
        self._started = time.monotonic()
        self._received = 0
        self._left = self.response_limit

    def _new_tag(self) -> bytes:
        """Every command, imaplib's and IMAPClient's alike, starts here."""
        self._begin(None)
        self.untagged_responses = {  # only IMAPClient reads the capabilities later
            key: value[-1:] for key, value in self.untagged_responses.items() if key == "CAPABILITY"
        }
        tag: bytes = super()._new_tag()  # type: ignore[misc]
        return tag

    def _command_complete(self, name: str, tag: bytes) -> Any:
        """imaplib re-raises every abort as a plain one: keep ours, it says what happened."""
        try:
            return super()._command_complete(name, tag)  # type: ignore[misc]
        except imaplib.IMAP4.abort as exc:
            if isinstance(exc.__context__, ResponseTooLargeError):
                raise exc.__context__ from None
            raise

    def _check(self) -> None:
        if self._cancelled():
            raise UserCancelledError
        allowed = self._timeout + self._received / MIN_RATE
        if time.monotonic() - self._started > allowed:
            raise TimeoutError(f"{self._operation} took more than {allowed:.1f} s")

    def _sliced(self, operation: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Run a socket operation, retrying each slice that times out until it succeeds,
        the deadline passes or the user cancels; any failure leaves the connection dead."""
        try:
            while True:
                self._check()
                try:
                    return operation(*args, **kwargs)
                except TimeoutError:
                    continue
        except BaseException:
            self.broken = True
            raise

    @property
    def interrupted(self) -> bool:
        return self.broken or self._cancelled()

    def _too_large(
        self, *, literal: int | None = None, line: bool = False
    ) -> ResponseTooLargeError:
        self.broken = True
        operation = self._operation or "a command"
        if line:
            return ResponseTooLargeError(operation, MAX_LINE, "a single line", None)
        if literal is not None:
            limit = self.literal_limit if literal > self.literal_limit else self.response_limit
            return ResponseTooLargeError(
                operation, limit, f"a literal of {literal:,} bytes", literal
            )
        return ResponseTooLargeError(operation, self.response_limit, "untagged data", None)

    # ------------------------------------------------------------------ connecting

    def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
        self.host = host
        self.port = port
        sock = self._open_socket()
        if self._tls is not None:
            sock = self._handshake(sock, self._tls)
        self.sock = sock

    def _open_socket(self) -> socket.socket:
        """``socket.create_connection``, with each attempt's wait cut into slices."""
        error: OSError | None = None
        for family, kind, proto, _name, address in socket.getaddrinfo(
            self.host, self.port, type=socket.SOCK_STREAM
        ):
            sock = socket.socket(family, kind, proto)
            try:
                sock.setblocking(False)
                code = sock.connect_ex(address)
                with selectors.DefaultSelector() as selector:
                    selector.register(sock, selectors.EVENT_WRITE)
                    while code in _IN_PROGRESS:
                        self._check()
                        if selector.select(SLICE):
                            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code:
                    raise OSError(code, os.strerror(code))
            except BaseException as exc:
                sock.close()
                if not isinstance(exc, OSError) or isinstance(exc, TimeoutError):
                    raise
                error = exc
                continue
            sock.settimeout(min(SLICE, self._timeout))
            return sock
        raise error or OSError(f"no address for {self.host}")

    def _handshake(self, sock: socket.socket, context: ssl.SSLContext) -> ssl.SSLSocket:
        """Wrap ``sock`` (which it then owns) and shake hands in slices; closed on failure."""
        try:
            secure = context.wrap_socket(
                sock, server_hostname=self.host, do_handshake_on_connect=False
            )
        except BaseException:
            sock.close()
            raise
        try:
            self._sliced(secure.do_handshake)
        except BaseException:
            secure.close()
            raise
        return secure

    def starttls(self, ssl_context: Any | None = None) -> tuple[Literal["OK"], list[None]]:
        """imaplib's STARTTLS with a bounded handshake. Whatever the server sent after
        its OK in clear text is dropped, never read as if it had come encrypted."""
        if self._tls_established:
            raise self.abort("TLS session already established")
        typ, data = self._simple_command("STARTTLS")
        if typ != "OK":
            raise self.error("Couldn't establish TLS session")
        self._buffer.clear()
        self._begin("the TLS handshake")
        self.sock = self._handshake(self.sock, ssl_context or ssl.create_default_context())
        self._tls_established = True
        self._get_capabilities()
        result: tuple[Literal["OK"], list[None]] = self._untagged_response(typ, data, "STARTTLS")
        return result

    def shutdown(self) -> None:
        self.broken = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()

    # ------------------------------------------------------------------ reading and writing

    def _fill(self) -> int:
        """Receive what the server has sent (at least a byte); 0 at the end of the stream."""
        count: int = self._sliced(self.sock.recv_into, self._scratch)
        if not count:
            self.broken = True
        self._received += count
        self._buffer += self._scratch[:count]
        return count

    def _take(self, count: int) -> bytes:
        data = bytes(self._buffer[:count])
        del self._buffer[:count]
        return data

    def readline(self) -> bytes:
        end = self._buffer.find(b"\n")
        if end < 0 and (end := self._await_line()) < 0:
            return self._take(len(self._buffer))  # the end of the stream: imaplib says so
        if end >= MAX_LINE:
            raise self._too_large(line=True)
        self._left -= end + 1 + LINE_COST
        if self._left < 0:
            raise self._too_large()
        return self._take(end + 1)

    def _await_line(self) -> int:
        """Receive until the buffer holds a whole line; where it ends, or -1 at EOF."""
        while True:
            scanned = len(self._buffer)
            if scanned > MAX_LINE:
                raise self._too_large(line=True)
            if scanned > self._left:
                raise self._too_large()
            if not self._fill():
                return -1
            end = self._buffer.find(b"\n", scanned)
            if end >= 0:
                return end

    def read(self, size: int) -> bytes:
        """A literal of ``size`` bytes, refused before it is read if it is over budget."""
        if size > min(self._left, self.literal_limit):
            raise self._too_large(literal=size)
        self._left -= size
        if len(self._buffer) >= size:
            return self._take(size)
        literal = bytearray(size)  # read straight into place: no growing buffer to copy
        have = len(self._buffer)
        literal[:have] = self._buffer
        self._buffer.clear()
        with memoryview(literal) as view:
            while have < size:
                count: int = self._sliced(self.sock.recv_into, view[have:])
                if not count:
                    self.broken = True
                    return bytes(view[:have])
                have += count
                self._received += count
        return bytes(literal)

    def send(self, data: Any) -> None:
        with memoryview(data) as view:
            if self._operation is None:  # the command's name, never its arguments
                words = bytes(view[:40]).split()[1:3]
                name = words if words[:1] == [b"UID"] else words[:1]
                self._operation = f"its answer to {b' '.join(name).decode('ascii', 'replace')}"
            sent = 0
            while sent < len(view):
                sent += self._sliced(self.sock.send, view[sent : sent + SEND_SIZE])


class BoundedClient(IMAPClient):  # type: ignore[misc]
    """IMAPClient over ``BoundedIMAP4``: ``timeout`` bounds whole operations, Cancel
    interrupts any wait, and ``limited`` bounds what the next commands may read."""

    def __init__(self, host: str, port: int, options: WireOptions) -> None:
        self._wire_options = options
        super().__init__(host, port=port, ssl=options.tls is not None, ssl_context=options.tls)

    def _create_IMAP4(self) -> BoundedIMAP4:  # noqa: N802 (IMAPClient's name)
        return BoundedIMAP4(self.host, self.port, self._wire_options)

    def _set_read_timeout(self) -> None:
        """The wire keeps its own deadlines: the socket's timeout is its slice."""

    @property
    def wire(self) -> BoundedIMAP4:
        imap: BoundedIMAP4 = self._imap
        return imap

    @property
    def usable(self) -> bool:
        """Whether a command may still be sent: not cut off mid-answer, not cancelled."""
        return not self.wire.interrupted

    def fetch_range(self, uids: str, items: list[bytes]) -> dict[int, dict[bytes, Any]]:
        """UID FETCH of a UID set such as ``1:5000`` or ``5001:*``, every answer kept
        (IMAPClient 4.1's ``fetch`` keeps only the UIDs it was given one by one)."""
        imap = self.wire
        tag = imap._command("UID", "FETCH", uids, seq_to_parenstr_upper(items))
        typ, data = imap._command_complete("FETCH", tag)
        self._checkok("fetch", typ, data)
        typ, data = imap._untagged_response(typ, data, "FETCH")
        return dict(parse_fetch_response(data, self.normalise_times, True))

    @contextlib.contextmanager
    def limited(self, response: int, literal: int) -> Iterator[None]:
        """Within the block, each command's answer may hold ``response`` bytes, each of
        its literals ``literal`` bytes."""
        wire = self.wire
        wire.response_limit, wire.literal_limit = response, literal
        try:
            yield
        finally:
            wire.response_limit = wire.literal_limit = UNTAGGED_LIMIT
