"""Hostile servers (the scriptable fake server): a slow server cannot hold the sync past
its timeout or keep Cancel waiting, and what a server sends cannot take memory beyond
fixed bounds, whatever it announces."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers.dovecot import HOST, poll
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import local_files, make_message, run_sync
from helpers.sync_child import sync_in_child

from sendreceive.contract import (
    MAPI_E_CALL_FAILED,
    MAPI_E_TIMEOUT,
    MAPI_E_TOO_BIG,
    MAPI_E_USER_CANCEL,
    MAPI_W_ERRORS_RETURNED,
    S_OK,
)
from sendreceive.providers.imap import ImapProvider

MIB = 1024 * 1024
TIMEOUT = 2.0
LATE = 3.0  # how late an end may be on a loaded two-core machine
PROMPT = 2.0  # Cancel to Done; the host's grace is 10 s
PEAK_RSS = 150 * MIB
SLOW_PLACES = ["greeting", "fetch body", "tls handshake", "connect", "name resolution"]
UNRESOLVABLE = "mail.hangs.example"  # a name whose lookup never ends (a DNS server gone)
WATCH_TIMEOUT = 30.0


class CancelWhen:
    """``is_cancelled`` for ``run_sync``: the user presses Cancel once ``condition()``
    holds (watched from a thread of its own, so the moment does not depend on when the
    provider looks)."""

    def __init__(self, condition: Callable[[], bool]) -> None:
        self.at: float | None = None
        threading.Thread(target=self._watch, args=(condition,), daemon=True).start()

    def _watch(self, condition: Callable[[], bool]) -> None:
        with contextlib.suppress(TimeoutError):
            poll(condition, WATCH_TIMEOUT, "the provider to be stuck")
            self.at = time.monotonic()

    def __call__(self) -> bool:
        return self.at is not None


def _inbox(*messages: Message, count: int = 3) -> Mailbox:
    normal = [Message(make_message(n)) for n in range(1, count + 1)]
    return Mailbox([Folder("INBOX", [*normal, *messages])])


def _stream_after(first: bytes, reached: threading.Event) -> Iterator[bytes]:
    """A literal's bytes: ``first``, then ``reached`` is set, then bytes forever."""
    yield first
    reached.set()
    yield from itertools.repeat(b"x")


@contextlib.contextmanager
def _black_hole() -> Iterator[int]:
    """A port whose connections hang in the TCP handshake: its accept queue is full."""
    with socket.create_server((HOST, 0), backlog=0) as listener:
        port = listener.getsockname()[1]
        with socket.create_connection((HOST, port)):
            yield port


@dataclass
class Stall:
    """A server that stalls somewhere: the settings to reach it, and ``stuck()``, true
    once the provider is waiting there (``on_progress`` goes to ``run_sync``)."""

    settings: dict[str, Any]
    stuck: Callable[[], bool]
    started: threading.Event = field(default_factory=threading.Event)

    def on_progress(self, _index: int, _total: int) -> bool:
        self.started.set()
        return False


@contextlib.contextmanager
def _hanging_resolver() -> Iterator[threading.Event]:
    """``getaddrinfo`` hangs for ``UNRESOLVABLE`` until the block ends; the event is set
    once the provider asked."""
    asked, release = threading.Event(), threading.Event()
    resolve = socket.getaddrinfo

    def hang(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != UNRESOLVABLE:
            return resolve(host, *args, **kwargs)
        asked.set()
        release.wait(WATCH_TIMEOUT)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", hang)
        try:
            yield asked
        finally:
            release.set()


@contextlib.contextmanager
def _stalling(place: str) -> Iterator[Stall]:
    if place == "name resolution":
        with _hanging_resolver() as asked:
            settings = {"host": UNRESOLVABLE, "port": 143, "username": "u", "password": "p"}
            yield Stall(settings, asked.is_set)
        return
    if place == "connect":
        with _black_hole() as port:
            settings = {"host": HOST, "port": port, "username": "u", "password": "p"}
            stall = Stall(settings, lambda: False)
            stall.stuck = stall.started.is_set  # "Connecting to …" is the first step
            yield stall
        return
    reached = threading.Event()
    script, tls, mailbox = Script(), "none", _inbox()
    if place == "greeting":
        script.greeting_rate = 1
    elif place == "fetch body":
        script.literal_rate = 1
        mailbox = _inbox(Message(b"", stream=lambda: _stream_after(b"F", reached)), count=0)
    else:
        script.stall_handshake, tls = True, "ssl"
    with serving(mailbox, script, tls) as server:
        connected = lambda: bool(server.sockets)  # noqa: E731
        yield Stall(server.settings(), reached.is_set if place == "fetch body" else connected)


@pytest.mark.parametrize("place", SLOW_PLACES)
def test_a_slow_server_ends_with_a_timeout_after_the_whole_answer_took_too_long(
    place: str, tmp_path: Path
) -> None:
    with _stalling(place) as stall:
        started = time.monotonic()
        result = run_sync({**stall.settings, "timeout": TIMEOUT}, tmp_path)
        elapsed = time.monotonic() - started
    assert result.hresult == MAPI_E_TIMEOUT, result.error_texts
    assert f"did not answer within {TIMEOUT:g} s" in result.error_texts
    assert elapsed < TIMEOUT + LATE


@pytest.mark.parametrize("place", SLOW_PLACES)
def test_cancel_interrupts_a_blocked_read_and_the_provider_ends_promptly(
    place: str, tmp_path: Path
) -> None:
    with _stalling(place) as stall:
        cancel = CancelWhen(stall.stuck)
        settings = {**stall.settings, "timeout": 60}
        result = run_sync(settings, tmp_path, on_progress=stall.on_progress, is_cancelled=cancel)
        ended = time.monotonic()
    assert result.hresult == MAPI_E_USER_CANCEL, result.error_texts
    assert cancel.at is not None
    assert ended - cancel.at < PROMPT


# --------------------------------------------------------------------------- memory


def test_a_literal_announced_as_ten_gigabytes_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    endless = Message(
        make_message(9),
        size=100,
        literal_size=10_000_000_000,
        stream=lambda: itertools.repeat(b"x" * 65536),
        partial=False,  # not even a piece of it is sent as asked
    )
    with serving(_inbox(endless, count=3)) as server:
        result = sync_in_child(server.settings(), tmp_path)
    assert result.peak_rss <= PEAK_RSS
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    [(hresult, text)] = result.errors[1:]  # after the "not encrypted" warning
    assert hresult == MAPI_E_TOO_BIG
    for part in ("UID 4", "'INBOX'", "10,000,000,000 bytes", "max_message_size"):
        assert part in text
    assert sorted(local_files(tmp_path)) == [1, 2, 3]


def _junk(sent: list[int]) -> Iterator[bytes]:
    """1 GiB of untagged junk lines, counting what the server managed to send."""
    line = b"* JUNK " + b"j" * 1017 + b"\r\n"
    for _ in range(1 << 20):
        sent[0] += len(line)
        yield line


@pytest.mark.parametrize("command", ["LIST", "SELECT", "UID FETCH"])
def test_a_gigabyte_of_junk_lines_fails_the_command_without_being_read(
    command: str, tmp_path: Path
) -> None:
    sent = [0]
    script = Script(junk={command: lambda: _junk(sent)})
    with serving(_inbox(), script) as server:
        result = sync_in_child(server.settings(), tmp_path)
    assert result.peak_rss <= PEAK_RSS
    assert result.hresult == MAPI_E_CALL_FAILED
    assert f"127.0.0.1:{server.port} sent more than 16 MiB" in result.error_texts
    assert f"answer to {command}" in result.error_texts
    assert sent[0] < 64 * MIB


def test_a_line_over_a_million_bytes_fails_the_command_naming_the_line(tmp_path: Path) -> None:
    def endless_flags(conn: Connection, command: Command) -> None:
        endless = itertools.repeat(b" \\Seen", 1 << 18)
        conn.stream(itertools.chain([b"* 1 FETCH (UID 1 FLAGS ("], endless, [b"))\r\n"]))
        conn.reply(command)

    with serving(_inbox(), Script(handlers={"UID FETCH": endless_flags})) as server:
        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == MAPI_E_CALL_FAILED
    assert (
        f"127.0.0.1:{server.port} sent more than 1,000,000 bytes in its answer to UID FETCH "
        "(a single line)"
    ) in result.error_texts


def _big_message(number: int, size: int) -> Callable[[], Iterable[bytes]]:
    head = f"Message-ID: <big{number}@example.org>\r\nSubject: big {number}\r\n\r\n".encode()
    line = b"y" * 998 + b"\r\n"
    return lambda: itertools.chain([head], itertools.repeat(line, (size - len(head)) // len(line)))


def _digest(chunks: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def test_big_messages_announced_as_small_ones_are_received_one_at_a_time(
    tmp_path: Path,
) -> None:
    size = 25_000_000
    streams = [_big_message(n, size) for n in range(40)]
    lengths = [sum(len(chunk) for chunk in stream()) for stream in streams]
    messages = [
        Message(size=100, literal_size=length, stream=stream)
        for stream, length in zip(streams, lengths, strict=True)
    ]
    with serving(Mailbox([Folder("INBOX", messages)])) as server:
        result = sync_in_child(server.settings(batch_size=250), tmp_path)
    assert result.peak_rss <= PEAK_RSS
    assert result.hresult == S_OK, result.error_texts
    files = local_files(tmp_path)
    assert sorted(files) == list(range(1, 41))
    for uid, file in files.items():
        assert file.stat().st_size == lengths[uid - 1]
    assert _digest([files[40].read_bytes()]) == _digest(streams[39]())


# --------------------------------------------------------------------------- size limits


def test_a_message_over_max_message_size_is_one_error_and_is_not_fetched(tmp_path: Path) -> None:
    big = Message(make_message(7, size=3000))
    with serving(_inbox(big, count=5)) as server:
        result = run_sync(server.settings(max_message_size=2000), tmp_path)
        fetched = " ".join(server.received("UID FETCH"))
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    [(hresult, text)] = result.callback.errors[1:]
    assert hresult == MAPI_E_TOO_BIG
    assert f"UID 6 in folder 'INBOX' is {len(big.body):,} bytes" in text
    assert "max_message_size (2,000 bytes)" in text
    assert sorted(local_files(tmp_path)) == [1, 2, 3, 4, 5]
    assert "BODY.PEEK[]" in fetched
    assert not any(
        "6" in args.split()[0].split(",") and "BODY" in args
        for args in server.received("UID FETCH")
    )


def test_size_refusals_do_not_count_toward_giving_up_the_run(tmp_path: Path) -> None:
    liars = [Message(make_message(n, size=5000), size=100) for n in range(10, 22)]
    with serving(_inbox(*liars, count=3)) as server:
        result = run_sync(server.settings(max_message_size=4000), tmp_path)
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    errors = result.callback.errors[1:]
    assert [hresult for hresult, _text in errors] == [MAPI_E_TOO_BIG] * 12
    assert "giving up" not in result.error_texts
    assert sorted(local_files(tmp_path)) == [1, 2, 3]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("timeout", float("nan")),
        ("timeout", float("inf")),
        ("timeout", 0),
        ("max_message_size", 0),
        ("max_message_size", -1),
        ("max_message_size", 1.5),
        ("max_message_size", True),
        ("max_message_size", "50 MiB"),
    ],
)
def test_timeout_and_max_message_size_must_be_finite_and_positive(key: str, value: Any) -> None:
    with pytest.raises(ValueError, match=key):
        ImapProvider(host="mail.example.org", username="u", **{key: value})
