"""Pipelined FETCH batches (the ``pipelining`` setting), against the fake server's command
record: the next batch is asked for before the last one is committed, Cancel with a
FETCH outstanding ends the run at once with what arrived kept, and a batch failing while
another is outstanding loses and duplicates nothing."""

from __future__ import annotations

import errno
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.fake_imap import (
    Command,
    Connection,
    FakeImap,
    Folder,
    Mailbox,
    Message,
    Script,
    serving,
)
from helpers.imap import local_files, make_message, run_sync
from helpers.waiting import wait_until

from sendreceive.contract import MAPI_E_USER_CANCEL, MAPI_W_ERRORS_RETURNED, S_OK
from sendreceive.providers.imap import ImapProvider
from sendreceive.providers.imap.errors import StoreError
from sendreceive.providers.imap.maildir_store import Incoming, LocalFolder

BODIES = "BODY.PEEK[]"  # in a FETCH of the receiving pass; "BODY.PEEK[]<" is a piece
WAIT = 60.0  # seconds: generous for a loaded machine; the waits end as soon as they hold
FIRST_BATCH = 20  # the fake server's settings start at batch_size = 20


def _folder(name: str, count: int, first_uid: int = 1) -> Folder:
    return Folder(name, [Message(make_message(n, name), uid=first_uid + n) for n in range(count)])


def _expected(folder: Folder) -> dict[int, bytes]:
    return {int(str(message.uid)): message.body for message in folder.messages}


def _local(store: Path, name: str = "") -> dict[int, bytes]:
    return {uid: file.read_bytes() for uid, file in local_files(store, name).items()}


def _batches(server: FakeImap) -> list[list[int]]:
    """The UIDs of each whole-batch FETCH of bodies the server received, in order."""
    fetches = server.received("UID FETCH")
    return [_uids(args.split()[0]) for args in fetches if BODIES in args and "[]<" not in args]


def _pieces(server: FakeImap) -> list[int]:
    """The UIDs whose first piece was fetched alone (``BODY.PEEK[]<0.…>``)."""
    return [int(args.split()[0]) for args in server.received("UID FETCH") if "[]<0." in args]


def _uids(text: str) -> list[int]:
    uids: list[int] = []
    for item in text.split(","):
        low, _, high = item.partition(":")
        uids.extend(range(int(low), int(high or low) + 1))
    return uids


@pytest.fixture
def commits(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """Hooks run at each commit of a batch, before it is made durable."""
    hooks: list[Callable[[], None]] = []
    commit = LocalFolder.commit

    def hooked(self: LocalFolder) -> None:
        for hook in hooks:
            hook()
        commit(self)

    monkeypatch.setattr(LocalFolder, "commit", hooked)
    return hooks


@pytest.mark.parametrize("pipelining", [True, False])
def test_the_next_batch_is_asked_for_before_the_last_is_committed(
    tmp_path: Path, commits: list[Callable[[], None]], pipelining: bool
) -> None:
    inbox = _folder("INBOX", 90)
    asked_at_first_commit: list[int] = []

    with serving(Mailbox([inbox])) as server:

        def first_commit() -> None:
            if not asked_at_first_commit:  # the server reads commands as they come
                if pipelining:
                    wait_until(lambda: len(_batches(server)) >= 2, WAIT / 2)
                asked_at_first_commit.append(len(_batches(server)))

        commits.append(first_commit)
        result = run_sync(server.settings(connections=1, pipelining=pipelining), tmp_path)
        batches = _batches(server)
    assert result.hresult == S_OK, result.error_texts
    assert asked_at_first_commit == [2 if pipelining else 1]
    assert batches[0] == list(range(1, FIRST_BATCH + 1))
    assert sorted(uid for batch in batches for uid in batch) == list(range(1, 91))  # once each
    assert _local(tmp_path) == _expected(inbox)


def test_cancel_with_a_fetch_outstanding_ends_at_once_and_keeps_what_arrived(
    tmp_path: Path, commits: list[Callable[[], None]]
) -> None:
    """The second batch's FETCH is sent ahead and never answered; Cancel while its answer
    is awaited ends the run (the timeout is far away), the first batch kept."""
    inbox = _folder("INBOX", 60)
    committed, cancelled = threading.Event(), threading.Event()
    closed: list[bool] = []
    commits.append(committed.set)

    def fetch(conn: Connection, command: Command) -> None:
        if BODIES in command.args and len(_batches(conn.server)) == 2:
            assert committed.wait(WAIT)  # the first batch is on disk: the client waits now
            cancelled.set()
            closed.append(conn.wait_closed(WAIT))  # answers nothing: Cancel must end the wait
            return
        conn.handle_normally(command)

    with serving(Mailbox([inbox]), Script(handlers={"UID FETCH": fetch})) as server:
        settings = server.settings(connections=1, timeout=600)
        result = run_sync(settings, tmp_path, is_cancelled=cancelled.is_set)
        assert wait_until(lambda: closed == [True], WAIT), closed
        assert wait_until(lambda: not server.sockets, WAIT), "a connection was left open"
    assert result.hresult == MAPI_E_USER_CANCEL
    kept = _local(tmp_path)
    assert sorted(kept) == list(range(1, FIRST_BATCH + 1))
    assert all(inbox.messages[uid - 1].body == data for uid, data in kept.items())

    with serving(Mailbox([inbox])) as server:  # the next run fetches the rest, once
        result = run_sync(server.settings(connections=1), tmp_path)
        again = sorted(uid for batch in _batches(server) for uid in batch)
    assert result.hresult == S_OK, result.error_texts
    assert again == list(range(FIRST_BATCH + 1, 61))
    assert _local(tmp_path) == _expected(inbox)


def test_a_batch_failing_to_be_written_with_the_next_outstanding_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing message 5 fails (the local folder cannot be written) while the second
    batch's FETCH is outstanding: the folder is skipped, its answer abandoned with the
    connection, the next folder received on a new one; the next run completes."""
    inbox, work = _folder("INBOX", 60), _folder("Work", 30, 100)
    write = Incoming.write

    def failing(self: Incoming, data: bytes) -> None:
        if self.uid == 5 and "Work" not in str(self.path):
            raise StoreError(self.path, OSError(errno.EIO, "Input/output error"))
        write(self, data)

    monkeypatch.setattr(Incoming, "write", failing)
    with serving(Mailbox([inbox, work])) as server:
        result = run_sync(server.settings(connections=1), tmp_path)
        logins = len(server.received("LOGIN"))
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert re.search(r"Folder 'INBOX' was skipped: .*Input/output error", result.error_texts)
    assert sorted(_local(tmp_path)) == [1, 2, 3, 4]  # committed before the failure
    assert _local(tmp_path, "Work") == _expected(work)
    assert logins == 2  # the outstanding answer was abandoned with its connection

    monkeypatch.setattr(Incoming, "write", write)
    with serving(Mailbox([inbox, work])) as server:
        result = run_sync(server.settings(connections=1), tmp_path)
        again = sorted(uid for batch in _batches(server) for uid in batch)
    assert result.hresult == S_OK, result.error_texts
    assert again == list(range(5, 61))
    assert _local(tmp_path) == _expected(inbox)
    assert _local(tmp_path, "Work") == _expected(work)


def test_an_outstanding_batch_cut_off_is_fetched_one_by_one_on_a_new_connection(
    tmp_path: Path,
) -> None:
    """The server hangs up in the middle of the answer to the FETCH sent ahead: the
    client reconnects and fetches that batch's messages in pieces, in the same run."""
    inbox = _folder("INBOX", 60)
    cut: list[str] = []

    def fetch(conn: Connection, command: Command) -> None:
        if BODIES in command.args and len(_batches(conn.server)) == 2 and not cut:
            cut.append(command.args)
            conn.write(b"* 21 FETCH (UID 21 FLAGS () BODY[] {800}\r\nhalf")
            conn.hang_up()
            return
        conn.handle_normally(command)

    with serving(Mailbox([inbox]), Script(handlers={"UID FETCH": fetch})) as server:
        result = run_sync(server.settings(connections=1), tmp_path)
        batches, pieces = _batches(server), _pieces(server)
        logins = len(server.received("LOGIN"))
    assert result.hresult == S_OK, result.error_texts
    assert cut and logins == 2
    assert pieces == batches[1]  # each message of the cut-off batch, alone
    assert _local(tmp_path) == _expected(inbox)


def test_pipelining_must_be_true_or_false() -> None:
    with pytest.raises(TypeError, match="pipelining must be true or false"):
        ImapProvider(host="imap.example.org", username="user", pipelining="yes")
