"""One connection's bytes, bounded in time and in size, and interruptible: the network
rule every bundled provider follows, and the one wire under both IMAP and SMTP.

The standard library's clients read through a buffered socket file whose timeout
restarts at every byte, so a server sending a byte a second holds them forever, Cancel
waits with them, and a reply that never ends is read into memory. ``Wire`` waits in
short slices and checks between them:

* the operation's deadline: ``timeout`` for each operation (connecting with the TLS
  handshake, each reply), plus one second per ``MIN_RATE`` bytes moved so that a big
  honest transfer on a slow link is not cut off (→ ``TimeoutError``);
* the user's Cancel (→ ``WireCancelledError``);
* the operation's byte budget, and the length of a line (→ ``ReplyTooLargeError``).

After any of these the connection is dead (``broken``): it is to be closed, never
spoken to again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, ParamSpec, TypeVar

SLICE = 0.25  # longest wait between two checks of Cancel and the deadline
MIN_RATE = 64 * 1024  # bytes per second that earn a long transfer more time
LINE_COST = 64  # bytes charged per line beyond its length: Python's per-object overhead
RECV_SIZE = 64 * 1024
SEND_SIZE = 64 * 1024
_IN_PROGRESS = frozenset({errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY})
_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)  # Linux only

_P = ParamSpec("_P")
_T = TypeVar("_T")


class WireCancelledError(Exception):
    """The user cancelled while the connection was waiting."""


class ReplyTooLargeError(Exception):
    """A reply exceeded a bound; the connection was abandoned mid-reply."""

    def __init__(self, operation: str, limit: int, what: str) -> None:
        super().__init__(f"{what} in {operation}, over the limit of {limit:,} bytes")
        self.operation = operation
        self.limit = limit
        self.what = what


class Wire:
    """A connected socket (plain or TLS) whose every wait is sliced and checked."""

    def __init__(self, timeout: float, cancelled: Callable[[], bool]) -> None:
        self.timeout = timeout
        self._cancelled = cancelled
        self.sock: socket.socket | None = None
        self.broken = False
        self._buffer = bytearray()
        self._scratch = memoryview(bytearray(RECV_SIZE))
        self.begin("the connection", 0)

    @property
    def interrupted(self) -> bool:
        return self.broken or self._cancelled()

    def begin(self, operation: str, budget: int) -> None:
        """A new operation (``"its reply to EHLO"``): a fresh deadline, and ``budget``
        bytes that its reply may hold."""
        self.operation = operation
        self._started = time.monotonic()
        self._moved = 0
        self._limit = self._left = budget

    def restart_clock(self) -> None:
        """Count the operation's deadline from now, its budget as it is: for a reply
        awaited only now, its request sent earlier (IMAP pipelining), so that the time the
        caller spent on other work is not charged to the peer."""
        self._started = time.monotonic()

    def _check(self) -> None:
        if self._cancelled():
            raise WireCancelledError
        allowed = self.timeout + self._moved / MIN_RATE
        if time.monotonic() - self._started > allowed:
            raise TimeoutError(f"{self.operation} took more than {allowed:.1f} s")

    def _sliced(self, operation: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """Run a socket operation, retrying each slice that times out until it succeeds,
        the deadline passes or the user cancels; any failure leaves the connection dead."""
        try:
            while True:
                self._check()
                self._ack_at_once()
                try:
                    return operation(*args, **kwargs)
                except TimeoutError:
                    continue
        except BaseException:
            self.broken = True
            raise

    def _ack_at_once(self) -> None:
        """Have the kernel ACK what arrives at once (Linux's quick-ACK mode, which it
        leaves again on its own). A server whose Nagle's algorithm holds the second
        part of an answer until the first is ACKed otherwise waits for our delayed ACK:
        Cyrus's TLS greeting took 45 ms instead of 8."""
        if _QUICKACK is not None and self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)

    # ------------------------------------------------------------------ connecting

    def connect(self, host: str, port: int, tls: ssl.SSLContext | None) -> None:
        """``socket.create_connection`` in slices, then the TLS handshake if ``tls``."""
        error: OSError | None = None
        for family, kind, proto, _name, address in self._resolve(host, port):
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
                    self.broken = True
                    raise
                error = exc
                continue
            # Every write is a whole command or chunk of one: Nagle's algorithm would only
            # hold a write back until the peer ACKs the one before, which a peer that
            # delays its ACKs does 40 ms later (Cyrus's ENABLE took 43 ms, not 0.3).
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.settimeout(min(SLICE, self.timeout))
            self.sock = sock
            if tls is not None:
                self.handshake(tls, host)
            return
        raise error or OSError(f"no address for {host}")

    def _resolve(self, host: str, port: int) -> Sequence[tuple[Any, ...]]:
        """``getaddrinfo`` in a thread of its own, waited for in slices: a resolver that
        hangs (a DNS server gone) is left behind when the deadline passes or the user
        cancels, instead of holding the sync until the system gives up."""
        answers: queue.SimpleQueue[Sequence[tuple[Any, ...]] | BaseException] = queue.SimpleQueue()

        def resolve() -> None:
            try:
                answers.put(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
            except BaseException as exc:  # handed to the waiting thread
                answers.put(exc)

        threading.Thread(target=resolve, name=f"resolve {host}", daemon=True).start()
        while True:
            try:
                self._check()
                answer = answers.get(timeout=SLICE)
            except queue.Empty:
                continue
            except BaseException:
                self.broken = True
                raise
            if isinstance(answer, BaseException):
                raise answer
            return answer

    def handshake(self, context: ssl.SSLContext, host: str) -> None:
        """Secure the connection, shaking hands in slices. Whatever the server sent
        before in clear text is dropped, never read as if it had come encrypted."""
        sock = self.connected_socket()
        self._buffer.clear()
        try:
            secure = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
        except BaseException:
            self.close()
            raise
        self.sock = secure
        self._sliced(secure.do_handshake)

    def close(self) -> None:
        self.broken = True
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()
            self.sock = None

    def connected_socket(self) -> socket.socket:
        """The socket (TLS-wrapped once secured); ``ConnectionError`` before ``connect``."""
        if self.sock is None:
            raise ConnectionError("not connected")
        return self.sock

    # ------------------------------------------------------------------ reading and writing

    def readline(self, max_line: int) -> bytes:
        """The next line (its ``\\n`` included), charged to the operation's budget;
        ``b""`` at the end of the stream."""
        end = self._buffer.find(b"\n")
        while end < 0:
            scanned = len(self._buffer)
            if scanned > max_line:
                raise self._too_large(max_line, "a single line")
            if scanned > self._left:
                raise self._too_large(self._limit, "the reply")
            count: int = self._sliced(self.connected_socket().recv_into, self._scratch)
            if not count:
                self.broken = True
                return b""
            self._moved += count
            self._buffer += self._scratch[:count]
            end = self._buffer.find(b"\n", scanned)
        if end >= max_line:
            raise self._too_large(max_line, "a single line")
        self._left -= end + 1 + LINE_COST
        if self._left < 0:
            raise self._too_large(self._limit, "the reply")
        line = bytes(self._buffer[: end + 1])
        del self._buffer[: end + 1]
        return line

    def send(self, data: bytes) -> None:
        sock = self.connected_socket()
        with memoryview(data) as view:
            sent = 0
            while sent < len(view):
                count: int = self._sliced(sock.send, view[sent : sent + SEND_SIZE])
                sent += count
                self._moved += count

    @property
    def left(self) -> int:
        """What the operation's budget still allows."""
        return self._left

    def allow(self, size: int) -> None:
        """Let the operation's reply hold ``size`` bytes more: bytes its caller takes
        away as they arrive (to a file), never held in memory."""
        self._limit += size
        self._left += size

    def read(self, size: int) -> bytes:
        """The next ``size`` bytes (fewer only at the end of the stream), charged to the
        operation's budget and refused before a byte is read if they exceed it."""
        if size > self._left:
            raise self._too_large(self._limit, f"a block of {size:,} bytes")
        self._left -= size
        if len(self._buffer) >= size:
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
            return data
        block = bytearray(size)  # read straight into place: no growing buffer to copy
        have = len(self._buffer)
        block[:have] = self._buffer
        self._buffer.clear()
        sock = self.connected_socket()
        with memoryview(block) as view:
            while have < size:
                count: int = self._sliced(sock.recv_into, view[have:])
                if not count:
                    self.broken = True
                    return bytes(view[:have])
                have += count
                self._moved += count
        return bytes(block)

    def _too_large(self, limit: int, what: str) -> ReplyTooLargeError:
        self.broken = True
        return ReplyTooLargeError(self.operation, limit, what)
