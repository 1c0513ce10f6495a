"""Big messages go straight to their file in pieces (``BODY.PEEK[]<offset.length>``),
never whole in memory: the bytes arrive intact on real servers, and a server whose
announced sizes lie is bounded by ``max_message_size`` while the message arrives."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from helpers.fake_imap import Folder, Mailbox, Message, serving
from helpers.imap import Account, local_files, make_message, run_sync, seed, server_messages
from helpers.sync_child import sync_in_child

from sendreceive.contract import MAPI_E_TOO_BIG, MAPI_W_ERRORS_RETURNED, S_OK
from sendreceive.providers.imap.receiving import PIECE_BYTES

MIB = 1024 * 1024
PEAK_RSS = 100 * MIB  # the provider's process receiving a message of 64 MiB


@pytest.fixture
def account(any_account: Account) -> Account:
    """Every scenario with a real server runs on Dovecot and on Cyrus."""
    return any_account


def _big(number: int, size: int) -> bytes:
    """A message of exactly ``size`` bytes whose every line differs (a misplaced piece
    would show)."""
    head = f"Message-ID: <big{number}@example.org>\r\nSubject: big {number}\r\n\r\n".encode()
    lines = b"".join(b"%09d line of a big message\r\n" % n for n in range(size // 32 + 1))
    return head + lines[: size - len(head)]


def test_an_eight_mib_message_arrives_byte_identical(account: Account) -> None:
    big = _big(1, 8 * MIB + 12_345)
    with account.client() as client:
        seed(client, "INBOX", [make_message(1), big, make_message(3)])
    result = account.sync()
    assert result.hresult == S_OK, result.error_texts
    files = local_files(account.store_dir)
    with account.client() as client:
        server = server_messages(client, "INBOX")
    assert {uid: file.read_bytes() for uid, file in files.items()} == server
    assert big in server.values()
    assert not os.listdir(account.store_dir / "Maildir" / "tmp")


def test_a_message_of_whole_pieces_ends_with_an_empty_piece(tmp_path: Path) -> None:
    body = _big(2, 2 * PIECE_BYTES)
    with serving(Mailbox([Folder("INBOX", [Message(body)])])) as server:
        result = run_sync(server.settings(), tmp_path)
        pieces = [args for args in server.received("UID FETCH") if "BODY.PEEK[]<" in args]
    assert result.hresult == S_OK, result.error_texts
    assert [file.read_bytes() for file in local_files(tmp_path).values()] == [body]
    offsets = [args.split("BODY.PEEK[]<")[1].split(".")[0] for args in pieces]
    assert offsets == ["0", str(PIECE_BYTES), str(2 * PIECE_BYTES)]


def test_messages_bigger_than_announced_are_refused_by_max_message_size(tmp_path: Path) -> None:
    liars = [Message(_big(n, 6 * MIB), size=100) for n in range(3)]
    honest = [Message(make_message(n)) for n in range(3)]
    with serving(Mailbox([Folder("INBOX", [*honest, *liars])])) as server:
        result = run_sync(server.settings(max_message_size=5 * MIB), tmp_path)
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    errors = result.callback.errors[1:]  # after the "not encrypted" warning
    assert [hresult for hresult, _text in errors] == [MAPI_E_TOO_BIG] * 3
    for uid, (_hresult, text) in zip((4, 5, 6), errors, strict=True):
        assert f"Message UID {uid} in folder 'INBOX' is bigger than the server announced" in text
        assert "max_message_size (5 MiB)" in text
    assert sorted(local_files(tmp_path)) == [1, 2, 3]
    assert not os.listdir(tmp_path / "Maildir" / "tmp")


def test_a_message_of_64_mib_is_never_whole_in_memory(tmp_path: Path) -> None:
    line = b"z" * 1022 + b"\r\n"
    head = b"Message-ID: <huge@example.org>\r\n\r\n"
    count = (64 * MIB - len(head)) // len(line)
    huge = Message(
        literal_size=len(head) + count * len(line),
        stream=lambda: itertools.chain([head], itertools.repeat(line, count)),
    )
    with serving(Mailbox([Folder("INBOX", [huge])])) as server:
        result = sync_in_child(server.settings(max_message_size=100 * MIB), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    assert result.peak_rss <= PEAK_RSS, result.peak_rss / MIB
    [file] = local_files(tmp_path).values()
    with file.open("rb") as received:
        assert received.read(len(head)) == head
        assert all(received.read(len(line)) == line for _ in range(count))
        assert received.read() == b""


def test_a_message_sent_whole_despite_the_partial_fetch_goes_straight_to_its_file(
    tmp_path: Path,
) -> None:
    line = b"w" * 1022 + b"\r\n"
    head = b"Message-ID: <whole@example.org>\r\n\r\n"
    count = (64 * MIB - len(head)) // len(line)
    whole = Message(
        literal_size=len(head) + count * len(line),
        stream=lambda: itertools.chain([head], itertools.repeat(line, count)),
        partial=False,  # BODY.PEEK[]<0.4194304> answered with all of it
    )
    with serving(Mailbox([Folder("INBOX", [Message(make_message(1)), whole])])) as server:
        result = sync_in_child(server.settings(max_message_size=100 * MIB), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    assert result.peak_rss <= PEAK_RSS, result.peak_rss / MIB
    files = local_files(tmp_path)
    assert sorted(files) == [1, 2]
    with files[2].open("rb") as received:
        assert received.read(len(head)) == head
        assert all(received.read(len(line)) == line for _ in range(count))
        assert received.read() == b""


def test_a_message_sent_whole_over_max_message_size_is_refused_by_uid(tmp_path: Path) -> None:
    messages = [Message(make_message(1)), Message(_big(2, 9 * MIB), partial=False)]
    with serving(Mailbox([Folder("INBOX", [*messages, Message(make_message(3))])])) as server:
        result = run_sync(server.settings(max_message_size=8 * MIB), tmp_path)
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    [(hresult, text)] = result.callback.errors[1:]  # after the "not encrypted" warning
    assert hresult == MAPI_E_TOO_BIG
    assert "Message UID 2 in folder 'INBOX'" in text and "max_message_size (8 MiB)" in text
    assert sorted(local_files(tmp_path)) == [1, 3]
    assert not os.listdir(tmp_path / "Maildir" / "tmp")
