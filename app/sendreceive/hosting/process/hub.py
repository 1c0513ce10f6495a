"""One host thread for every provider process: it reads their messages and their
output, and looks at their deadlines.

A thread per process (and two more for its stdout and stderr) made fifty CPU-bound
providers cost the GUI its interpreter lock: 150 threads waking 2,500 times a second
each took the GIL from the GUI thread (bench B2: 0.7 s late at p99). One thread, that
reads whatever is ready in one go, competes once. Spawning goes through the fork server
on a thread of its own (``spawner``), so the event loop never waits for it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import selectors
import socket
import threading
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger("sendreceive.engine")

POLL = 0.05  # seconds between looks at the hosts' deadlines
READ_EVERY = 0.02  # seconds: the hub wakes at most 50 times a second, whatever arrives
_CHUNK = 1 << 20
_BURST = 16 << 20  # bytes read from one output pipe per wake-up, at most
# Bytes read from one child's socket per wake-up, at most: about 50 MiB a second. A
# child sending more waits on its full socket (its provider does not: the tracker keeps
# the state, exact counts included), so no child's flood costs the app more than that.
_MESSAGE_BURST = 1 << 20
# With a GUI, the hub's Python work comes in slices: after ``SLICE`` seconds of it, the
# hub sleeps ``REST``, which hands the interpreter lock to a thread waiting for it. The GUI thread's
# timers run late by as long as the hub keeps the lock, and the interpreter's switch
# interval alone would let it keep it 5 ms at a time (bench B3: a flood of errors from
# one provider process, 2,000 to a message, held it 13 ms per wake-up at p90).
SLICE = 0.001
REST = 0.0001


class _Slices:
    """When the hub thread's current slice of work began."""

    began = 0.0


def rest_if_due() -> None:
    """Between two pieces of a host's work (one message each): a rest once the slice
    is used up. Called on the hub thread, whose wake-ups each begin a slice."""
    now = time.perf_counter()
    if now - _Slices.began >= SLICE:
        time.sleep(REST)
        _Slices.began = time.perf_counter()


class Served(Protocol):
    """A process host, as the hub serves it."""

    def received(self, data: bytes) -> None:
        """Bytes from the child's socket (``b""`` at its end)."""
        ...

    def output(self, stream: int, data: bytes) -> None:
        """Bytes of the child's stdout (1) or stderr (2) (``b""`` at its end)."""
        ...

    def tick(self, now: float) -> bool:
        """Deadlines; returns True once the host needs the hub no more."""
        ...


class Hub:
    def __init__(self) -> None:
        self._selector = selectors.DefaultSelector()
        self._wakeup_r, self._wakeup_w = socket.socketpair()
        self._wakeup_r.setblocking(False)
        self._selector.register(self._wakeup_r, selectors.EVENT_READ, None)
        self._lock = threading.Lock()
        self._joining: list[tuple[Served, socket.socket, int, int]] = []
        self._served: set[Served] = set()
        self._spawns: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="provider-hub", daemon=True).start()
        threading.Thread(target=self._spawn, name="provider-spawner", daemon=True).start()

    def spawn(self, start: Callable[[], None]) -> None:
        """Run ``start`` (a fork server round trip) on the spawner thread."""
        self._spawns.put(start)

    def serve(self, host: Served, sock: socket.socket, stdout: int, stderr: int) -> None:
        with self._lock:
            self._joining.append((host, sock, stdout, stderr))
        with contextlib.suppress(BlockingIOError):
            self._wakeup_w.send(b"x")

    def _spawn(self) -> None:
        while True:
            self._spawns.get()()

    def _serve(self) -> None:
        """Reads whatever is ready, then rests the rest of ``READ_EVERY``: fifty processes
        each sending 50 states a second wake it 50 times a second, not 2,500 — every
        wake-up takes the interpreter lock from the GUI thread, and on a machine whose
        CPUs the providers keep busy, the GUI waits for a CPU after each handover."""
        while True:
            ready = self._selector.select(POLL)
            _Slices.began = time.perf_counter()  # the lock was free while it waited
            for key, _ in ready:
                if key.data is None:
                    self._join()
                else:
                    self._read(key)
            now = time.monotonic()
            for host in list(self._served):
                if host.tick(now):
                    self._served.discard(host)
                    self._release(host)
            time.sleep(max(0.0, READ_EVERY - (time.monotonic() - now)))

    def _join(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._wakeup_r.recv(4096)
        with self._lock:
            joining, self._joining = self._joining, []
        for host, sock, stdout, stderr in joining:
            self._served.add(host)
            self._selector.register(sock, selectors.EVENT_READ, (host, 0))
            os.set_blocking(stdout, False)
            os.set_blocking(stderr, False)
            self._selector.register(stdout, selectors.EVENT_READ, (host, 1))
            self._selector.register(stderr, selectors.EVENT_READ, (host, 2))

    def _release(self, host: Served) -> None:
        """Close what is left of a finished host's streams (a pipe still held open by a
        process that left the provider's group)."""
        for key in list(self._selector.get_map().values()):
            if key.data is not None and key.data[0] is host:
                self._close(key)

    def _close(self, key: selectors.SelectorKey) -> None:
        self._selector.unregister(key.fileobj)
        if isinstance(key.fileobj, socket.socket):
            key.fileobj.close()
        else:
            os.close(key.fd)

    def _read(self, key: selectors.SelectorKey) -> None:
        """Everything the stream has now (up to ``_BURST``): a provider printing flat
        out is drained at pipe speed, not one chunk per wake-up."""
        host, stream = key.data
        chunks: list[bytes] = []
        ended = False
        burst = _MESSAGE_BURST if stream == 0 else _BURST
        try:
            while sum(map(len, chunks)) < burst:
                if stream == 0:
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    chunk = sock.recv(min(_CHUNK, burst), socket.MSG_DONTWAIT)
                else:
                    chunk = os.read(key.fd, _CHUNK)
                if not chunk:
                    ended = True
                    break
                chunks.append(chunk)
        except BlockingIOError:
            pass
        except OSError:
            ended = True
        data = b"".join(chunks)
        try:
            if data:
                self._deliver(host, stream, data)
            if ended:
                self._close(key)
                self._deliver(host, stream, b"")
        except Exception:  # a host's bug must not stop every other host
            log.exception("a provider process's host failed")

    @staticmethod
    def _deliver(host: Served, stream: int, data: bytes) -> None:
        if stream == 0:
            host.received(data)
        else:
            host.output(stream, data)


_hub: Hub | None = None
_hub_lock = threading.Lock()


def hub() -> Hub:
    global _hub
    with _hub_lock:
        if _hub is None:
            _hub = Hub()
        return _hub
