"""The shared wire's name resolution: a resolver that hangs (a DNS server gone) is left
behind when the user cancels or the deadline passes, like every other wait."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from sendreceive.providers.wire import Wire, WireCancelledError


@pytest.fixture
def hanging_resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """``getaddrinfo`` blocks until the test ends; the event says it was entered."""
    entered, release = threading.Event(), threading.Event()

    def hang(*_args: Any, **_kwargs: Any) -> list[Any]:
        entered.set()
        release.wait(60)
        raise socket.gaierror(socket.EAI_AGAIN, "gave up")

    monkeypatch.setattr(socket, "getaddrinfo", hang)
    yield entered
    release.set()


def test_cancel_interrupts_a_hanging_name_resolution(hanging_resolver: threading.Event) -> None:
    cancelled = threading.Event()
    wire = Wire(timeout=600, cancelled=cancelled.is_set)
    threading.Thread(target=lambda: hanging_resolver.wait(60) and cancelled.set()).start()
    with pytest.raises(WireCancelledError):
        wire.connect("mail.example.org", 993, None)
    assert hanging_resolver.is_set()
    assert wire.broken and wire.sock is None


def test_the_deadline_ends_a_hanging_name_resolution(hanging_resolver: threading.Event) -> None:
    wire = Wire(timeout=0.5, cancelled=lambda: False)
    with pytest.raises(TimeoutError, match=r"took more than 0\.5 s"):
        wire.connect("mail.example.org", 993, None)
    assert hanging_resolver.is_set() and wire.broken


def test_a_resolution_failure_is_the_resolver_s_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: Any, **_kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(socket.gaierror, match="not known"):
        Wire(timeout=10, cancelled=lambda: False).connect("nowhere.invalid", 993, None)


def test_commands_go_out_at_once_not_held_by_nagle_s_algorithm() -> None:
    """A request and its answer: a write held until the peer ACKs the one before waits
    for its delayed ACK (40 ms a command against Cyrus). The socket says it does not."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        wire = Wire(10.0, lambda: False)
        wire.connect("127.0.0.1", listener.getsockname()[1], None)
        try:
            sock = wire.connected_socket()
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            wire.close()
