"""Receiving over several connections at once (the ``connections`` setting): folders
shared out, one folder's failure leaving the others whole, a cut-off connection
reconnecting on its own, Cancel closing every connection, and ``connections = 1`` doing
what it always did."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import Account, assert_mirrors, local_files, make_message, run_sync, seed
from helpers.waiting import wait_until

from sendreceive.contract import (
    FAILED,
    MAPI_E_CALL_FAILED,
    MAPI_E_USER_CANCEL,
    MAPI_W_ERRORS_RETURNED,
    S_OK,
)
from sendreceive.providers.imap import ImapProvider

BODIES = "BODY.PEEK[]"  # in a FETCH of the receiving pass
WAIT = 60.0  # seconds: generous for a loaded machine; the waits end as soon as they hold


def _folder(name: str, count: int, first_uid: int = 1) -> Folder:
    return Folder(name, [Message(make_message(n, name), uid=first_uid + n) for n in range(count)])


def _local(store: Path, name: str) -> dict[int, bytes]:
    return {uid: file.read_bytes() for uid, file in local_files(store, name).items()}


def _expected(folder: Folder) -> dict[int, bytes]:
    return {int(str(message.uid)): message.body for message in folder.messages}


def test_folders_arrive_at_once_over_several_connections_and_one_failing_spares_the_rest(
    tmp_path: Path,
) -> None:
    folders = [_folder("INBOX", 30), _folder("Work", 20), _folder("Broken", 10)]
    folders.append(_folder("Lists", 25))
    fetching: set[int] = set()
    together = threading.Event()  # two connections were inside a FETCH at the same time
    lock = threading.Lock()

    def examine(conn: Connection, command: Command) -> None:
        if command.args == '"Broken"':  # the receiving pass opens it: the server fails
            conn.reply(command, "NO [SERVERBUG] cannot open the mail folder")
        else:
            conn.handle_normally(command)

    def fetch(conn: Connection, command: Command) -> None:
        if BODIES not in command.args:  # the check pass's flags and sizes
            conn.handle_normally(command)
            return
        with lock:
            fetching.add(id(conn))
            if len(fetching) >= 2:
                together.set()
        together.wait(WAIT)  # the first one waits for another connection to join it
        conn.handle_normally(command)

    script = Script(handlers={"UID FETCH": fetch, "EXAMINE": examine})
    with serving(Mailbox(folders), script) as server:
        result = run_sync(server.settings(connections=3), tmp_path)
        logins = len(server.received("LOGIN"))
    assert result.hresult == MAPI_W_ERRORS_RETURNED, result.error_texts
    assert together.is_set()
    assert logins == 3
    assert [hr for hr, _text in result.callback.errors if FAILED(hr)] == [MAPI_E_CALL_FAILED]
    assert "Folder 'Broken' was skipped" in result.error_texts
    for folder, local in ((folders[0], ""), (folders[1], "Work"), (folders[3], "Lists")):
        assert _local(tmp_path, local) == _expected(folder)
    assert _local(tmp_path, "Broken") == {}
    received = result.callback.received_texts()  # one count over all connections, in order
    assert received == [f"Receiving message {i} of 85" for i in range(1, 76)]


def test_cancel_stops_every_connection_and_closes_it(tmp_path: Path) -> None:
    """One connection waits for a FETCH answer that never comes while another receives;
    Cancel there must still end the run, and every connection is closed."""
    busy, stuck = _folder("INBOX", 40), _folder("Stuck", 5, 900)
    closed: list[bool] = []
    stuck_waiting = threading.Event()

    def fetch(conn: Connection, command: Command) -> None:
        if BODIES in command.args and command.args.startswith("900"):
            stuck_waiting.set()
            closed.append(conn.wait_closed(WAIT))  # answers nothing: Cancel must end the wait
            return
        if BODIES in command.args:  # INBOX arrives while the other connection waits
            stuck_waiting.wait(WAIT)
        conn.handle_normally(command)

    def cancel(index: int, total: int) -> bool:
        return total > 0 and index >= 10

    with serving(Mailbox([busy, stuck]), Script(handlers={"UID FETCH": fetch})) as server:
        result = run_sync(
            server.settings(connections=2, batch_size=10), tmp_path, on_progress=cancel
        )
        assert wait_until(lambda: closed == [True], WAIT), closed
        assert wait_until(lambda: not server.sockets, WAIT), "a connection was left open"
        logins = len(server.received("LOGIN"))
    assert result.hresult == MAPI_E_USER_CANCEL
    assert logins == 2
    kept = _local(tmp_path, "")
    assert kept and all(busy.messages[uid - 1].body == data for uid, data in kept.items())


def test_a_connection_cut_off_is_that_connections_reconnect(tmp_path: Path) -> None:
    folders = [_folder("INBOX", 40), _folder("Work", 30, 700)]
    cut: list[str] = []

    def fetch(conn: Connection, command: Command) -> None:
        if BODIES in command.args and command.args.startswith("700") and not cut:
            cut.append(command.args)
            conn.hang_up()  # mid-answer, for Work's connection only
            return
        conn.handle_normally(command)

    with serving(Mailbox(folders), Script(handlers={"UID FETCH": fetch})) as server:
        result = run_sync(server.settings(connections=2), tmp_path)
        logins = len(server.received("LOGIN"))
    assert result.hresult == S_OK, result.error_texts
    assert cut and logins == 3  # two connections, and Work's once more
    assert _local(tmp_path, "") == _expected(folders[0])
    assert _local(tmp_path, "Work") == _expected(folders[1])


def test_one_connection_receives_folder_after_folder_as_before(tmp_path: Path) -> None:
    folders = [_folder("INBOX", 30), _folder("Work", 20), _folder("Lists", 25)]
    with serving(Mailbox(folders)) as server:
        result = run_sync(server.settings(connections=1), tmp_path)
        logins = len(server.received("LOGIN"))
        examined = server.received("EXAMINE")  # the receiving pass's (SELECT checks)
    assert result.hresult == S_OK, result.error_texts
    assert logins == 1
    assert examined == ['"INBOX"', '"Lists"', '"Work"']  # INBOX first, then by name
    for folder, local in zip(folders, ("", "Work", "Lists"), strict=True):
        assert _local(tmp_path, local) == _expected(folder)


@pytest.mark.parametrize("connections", [0, 9, True, "2"])
def test_connections_is_checked_when_the_account_loads(connections: object) -> None:
    with pytest.raises(ValueError, match="connections must be a whole number from 1 to 8"):
        ImapProvider(host="mail.example.org", username="u", connections=connections)


def test_a_multi_folder_sync_over_three_connections_is_byte_identical(
    any_account: Account,
) -> None:
    account = any_account
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=300 + 97 * (i % 11)) for i in range(1200)])
        for name, count in (("Work", 300), ("Lists", 40)):
            seed(client, name, [make_message(i, name, size=500) for i in range(count)])
    first = account.sync(settings={"connections": 3})
    assert first.hresult == S_OK, first.error_texts
    assert first.received == 1540
    with account.client() as client:
        for name in ("INBOX", "Work", "Lists"):
            assert_mirrors(client, account.store_dir, name, "" if name == "INBOX" else name)
    again = account.sync(settings={"connections": 3})
    assert again.hresult == S_OK, again.error_texts
    assert again.received == 0  # every folder was recorded complete
