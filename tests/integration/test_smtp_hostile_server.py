"""Hostile SMTP servers (the scriptable ``helpers.hostile_smtp``): a slow server cannot
hold the sending past its timeout or keep Cancel waiting, a reply that never ends
cannot take memory, every refusal is worded as what it is, and a refused message does
not stop the queue."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.dovecot import poll
from helpers.hostile_smtp import Connection, HostileSmtp, Script, drip, flood, serving, stall
from helpers.sending import outgoing, run_send, store
from helpers.sync_child import sync_in_child

from sendreceive.contract import (
    MAPI_E_BUSY,
    MAPI_E_CALL_FAILED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_NO_SUPPORT,
    MAPI_E_TIMEOUT,
    MAPI_E_USER_CANCEL,
    MAPI_W_PARTIAL_COMPLETION,
    S_FALSE,
    S_OK,
    MessageState,
)

MIB = 1024 * 1024
TIMEOUT = 2.0
LATE = 3.0  # how late an end may be on a loaded two-core machine
PROMPT = 2.0  # Cancel to Done; the host's grace is 10 s
PEAK_RSS = 150 * MIB
WATCH_TIMEOUT = 30.0
SLOW_PLACES = ["greeting", "EHLO", "AUTH", "MESSAGE", "tls handshake", "STARTTLS handshake"]


class CancelWhen:
    """``is_cancelled``: the user presses Cancel once ``condition()`` holds (watched
    from a thread of its own, so the moment does not depend on when the transport
    looks)."""

    def __init__(self, condition: Callable[[], bool]) -> None:
        self.at: float | None = None
        threading.Thread(target=self._watch, args=(condition,), daemon=True).start()

    def _watch(self, condition: Callable[[], bool]) -> None:
        with contextlib.suppress(TimeoutError):
            poll(condition, WATCH_TIMEOUT, "the transport to be stuck")
            self.at = time.monotonic()

    def __call__(self) -> bool:
        return self.at is not None


def _queue(tmp_path: Path, count: int = 3, **headers: str) -> list[str]:
    outbox = store(tmp_path)
    return [outbox.queue("Mail", outgoing(n, **headers)).id for n in range(1, count + 1)]


def _slow(place: str) -> tuple[Script, str]:
    if place == "tls handshake":
        return Script(stall_handshake=True), "ssl"
    if place == "STARTTLS handshake":
        return Script(starttls=True, replies={"STARTTLS": stall(b"220 2.0.0 Go ahead\r\n")}), ""
    usual = {
        "greeting": b"220 hostile.test ESMTP\r\n",
        "EHLO": b"250-hostile.test\r\n250 AUTH PLAIN\r\n",
        "AUTH": b"235 2.7.0 Ok\r\n",
        "MESSAGE": b"250 2.0.0 Ok: queued\r\n",
    }[place]
    return Script(replies={place: drip(usual, rate=1)}), "none"


def _settings(server: HostileSmtp, tls: str, **extra: Any) -> dict[str, Any]:
    """``tls == ""``: STARTTLS on the plain listener."""
    return server.settings(**extra, **({} if tls else {"security": "starttls"}))


def _stuck(server: HostileSmtp, place: str) -> Callable[[], bool]:
    """True once the transport waits at ``place``."""
    if place in ("greeting", "tls handshake"):
        return lambda: bool(server.sockets)
    command = {"MESSAGE": "DATA", "STARTTLS handshake": "STARTTLS"}.get(place, place)
    return lambda: command in server.commands


@pytest.mark.parametrize("place", SLOW_PLACES)
def test_a_server_dripping_a_reply_ends_the_task_within_its_timeout(
    place: str, tmp_path: Path
) -> None:
    ids = _queue(tmp_path)
    script, tls = _slow(place)
    with serving(script, tls or "none") as server:
        started = time.monotonic()
        result = run_send(_settings(server, tls, timeout=TIMEOUT), tmp_path)
        elapsed = time.monotonic() - started
    assert result.hresult == MAPI_E_TIMEOUT, result.error_texts
    assert f"did not answer within {TIMEOUT:g} s" in result.error_texts
    assert elapsed < TIMEOUT + LATE
    states = {m.id: m.state for m in store(tmp_path).messages()}
    assert set(states) == set(ids)  # nothing lost
    # Only a message whose end reached the server may have been taken: it says so.
    expected = MessageState.SENDING if place == "MESSAGE" else MessageState.QUEUED
    assert states[ids[0]] is expected
    assert {states[i] for i in ids[1:]} == {MessageState.QUEUED}


@pytest.mark.parametrize("place", SLOW_PLACES)
def test_cancel_interrupts_a_wait_on_the_server_promptly(place: str, tmp_path: Path) -> None:
    _queue(tmp_path)
    script, tls = _slow(place)
    with serving(script, tls or "none") as server:
        cancel = CancelWhen(_stuck(server, place))
        result = run_send(_settings(server, tls, timeout=60), tmp_path, is_cancelled=cancel)
        ended = time.monotonic()
    assert result.hresult == MAPI_E_USER_CANCEL, result.error_texts
    assert cancel.at is not None
    assert ended - cancel.at < PROMPT


@pytest.mark.parametrize("place", ["greeting", "EHLO", "MESSAGE"])
def test_an_endless_reply_is_cut_off_in_bounded_memory(place: str, tmp_path: Path) -> None:
    _queue(tmp_path)
    sent = [0]
    with serving(Script(replies={place: flood(sent)})) as server:
        started = time.monotonic()
        result = sync_in_child(server.settings(timeout=TIMEOUT), tmp_path, send=True)
        elapsed = time.monotonic() - started
    assert result.peak_rss <= PEAK_RSS
    assert result.hresult == MAPI_E_CALL_FAILED, result.error_texts
    operation = {"greeting": "its greeting", "EHLO": "its reply to EHLO"}
    words = operation.get(place, "its reply to the message")
    assert f"sent more than 1,048,576 bytes in {words}" in result.error_texts
    assert sent[0] < 64 * MIB
    assert elapsed < TIMEOUT + LATE + 5  # the child's own start included


def _refuse_for(address: str, reply: bytes) -> Callable[[Connection], bytes | None]:
    """A reply that refuses the transaction of one recipient; others get the usual."""
    return lambda conn: reply if address in conn.rcpt_tos else None


@pytest.mark.parametrize(
    ("place", "reply"),
    [
        ("DATA", b"554 5.7.1 Transaction refused\r\n"),
        ("DATA", b"451 4.3.0 Try again later\r\n"),
        ("MESSAGE", b"552 5.3.4 Message too big\r\n"),
    ],
)
def test_a_refused_message_stays_queued_with_the_reply_and_the_others_are_sent(
    place: str, reply: bytes, tmp_path: Path
) -> None:
    outbox = store(tmp_path)
    outbox.queue("Mail", outgoing(1))
    refused = outbox.queue("Mail", outgoing(2, to="refuse-me@example.org"))
    outbox.queue("Mail", outgoing(3))
    script = Script(replies={place: _refuse_for("refuse-me@example.org", reply)})
    with serving(script) as server:
        result = run_send(server.settings(), tmp_path)
        temporary = reply.startswith(b"4")
        # for now: the task failed; for good: the others went out, completed with errors
        expected = MAPI_E_CALL_FAILED if temporary else MAPI_W_PARTIAL_COMPLETION
        assert result.hresult == expected, result.error_texts
        assert [m.content.count(b"Outgoing") for m in server.messages()] == [1, 1]
        (left,) = outbox.messages()
        state = MessageState.QUEUED if temporary else MessageState.REFUSED
        assert left.id == refused.id and left.state is state
        words = reply[:3].decode()
        assert left.last_error is not None and words in left.last_error
        (line,) = [text for _hr, text in result.callback.errors if words in text]
        assert ("tried again at the next Send/Receive" in line) is temporary
        assert ("marked Refused" in line) is not temporary
        again = run_send(server.settings(), tmp_path)
    assert "may receive it twice" not in again.error_texts


def test_a_server_offering_no_auth_is_named_and_gets_no_password(tmp_path: Path) -> None:
    _queue(tmp_path)
    with serving(Script(auth=False)) as server:
        result = run_send(server.settings(), tmp_path)
    assert result.hresult == MAPI_E_NO_SUPPORT, result.error_texts
    assert f"127.0.0.1:{server.port} offers no login (no AUTH" in result.error_texts
    assert "Could not connect" not in result.error_texts
    assert "AUTH" not in server.commands and server.received == []


@pytest.mark.parametrize(
    ("place", "reply"),
    [
        ("greeting", b"421 4.3.2 Service not available, closing channel\r\n"),
        ("AUTH", b"454 4.7.0 Temporary authentication failure\r\n"),
        ("MAIL", b"421 4.4.5 Too many connections\r\n"),
    ],
)
def test_a_temporary_refusal_is_worded_as_temporary(
    place: str, reply: bytes, tmp_path: Path
) -> None:
    _queue(tmp_path)
    with serving(Script(replies={place: reply})) as server:
        result = run_send(server.settings(), tmp_path)
    assert result.hresult == MAPI_E_NETWORK_ERROR, result.error_texts
    assert reply[:9].decode() in result.error_texts
    assert "temporary refusal" in result.error_texts
    assert "Check the user name and the password" not in result.error_texts
    assert {m.state for m in store(tmp_path).messages()} == {MessageState.QUEUED}


def test_a_permanent_login_refusal_still_says_to_check_the_password(tmp_path: Path) -> None:
    _queue(tmp_path)
    with serving() as server:
        result = run_send(server.settings(password="wrong"), tmp_path)
    assert result.hresult == MAPI_E_LOGON_FAILED
    assert "(535 5.7.8 Bad). Check the user name and the password." in result.error_texts


def test_a_password_in_clear_text_is_sent_only_with_a_warning(tmp_path: Path) -> None:
    _queue(tmp_path, count=1)
    with serving() as server:
        result = run_send(server.settings(), tmp_path)
    assert result.hresult == S_OK
    (warning,) = result.callback.errors
    assert warning[0] == S_FALSE
    assert 'is not encrypted (security = "none"): the password' in warning[1]


def test_two_runs_at_once_never_send_a_message_twice(tmp_path: Path) -> None:
    """The second run finds the account's Outbox held by the first, mid-DATA."""
    _queue(tmp_path)
    gate = threading.Event()

    def held(_conn: Connection) -> None:  # then the usual reply
        gate.wait(WATCH_TIMEOUT)

    script = Script(replies={"DATA": held})
    first: list[object] = []
    with serving(script) as server:
        thread = threading.Thread(
            target=lambda: first.append(run_send(server.settings(), tmp_path)), daemon=True
        )
        thread.start()
        poll(lambda: "DATA" in server.commands, WATCH_TIMEOUT, "the first run's DATA")
        second = run_send(server.settings(), tmp_path)
        gate.set()
        thread.join(WATCH_TIMEOUT)
        received = [m.content for m in server.messages()]
    assert second.hresult == MAPI_E_BUSY, second.error_texts
    assert "Another Send/Receive is sending the Outbox of account 'Mail'" in second.error_texts
    assert len(received) == len(set(received)) == 3
    assert store(tmp_path).messages() == [] and len(store(tmp_path).sent()) == 3


def test_a_password_outside_ascii_goes_in_utf8_with_auth_plain(tmp_path: Path) -> None:
    """As the IMAP provider does; smtplib alone failed with UnicodeEncodeError."""
    _queue(tmp_path, count=1)
    password = "pässwörd-日本"
    with serving(Script(password=password)) as server:
        result = run_send(server.settings(security="none", password=password), tmp_path)
        assert len(server.messages()) == 1
    assert result.hresult == S_OK, result.error_texts
