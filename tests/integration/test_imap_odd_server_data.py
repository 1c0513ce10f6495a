"""Odd folder names and bad server data: one Error for what is bad, the rest syncs.

Dovecot refuses to serve such names and values, so these run against the scriptable
server of ``helpers.fake_imap``, which sends exactly what a test writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import make_message, run_sync

from sendreceive.contract import MAPI_W_ERRORS_RETURNED

STATE = "imap-sync-state.json"


def _messages(folder: str, count: int, **fields: str) -> list[Message]:
    return [Message(make_message(i, folder), **fields) for i in range(count)]


def _local_folders(store: Path) -> dict[str, Path]:
    """Local folders by the server name their state records."""
    root = store / "Maildir"
    found = {}
    for path in [root, *root.glob(".*")]:
        state = json.loads((path / STATE).read_text())
        found[state["server_wire"]] = path
    return found


def _files(folder: Path) -> list[Path]:
    return sorted(p for sub in ("new", "cur") for p in (folder / sub).iterdir())


def _sync_twice(mailbox: Mailbox, store: Path, script: Script | None = None) -> tuple[str, str]:
    """Sync, then sync again (nothing may change); the two runs' Error texts."""
    with serving(mailbox, script) as server:
        first = run_sync(server.settings(), store)
        before = {path: _files(path) for path in _local_folders(store).values()}
        second = run_sync(server.settings(), store)
        after = {path: _files(path) for path in _local_folders(store).values()}
        assert not server.received("UID STORE")
    assert "Unexpected error" not in first.error_texts + second.error_texts
    assert second.received == 0, "the second sync received again what the first had"
    assert before == after
    return first.error_texts, second.error_texts


@pytest.mark.parametrize("wire", ["&AAA-", "&2AA-", "/", "&AC8-", ".", "", "..", "a/../.."])
def test_odd_folder_names_get_a_local_folder_inside_the_maildir(wire: str, tmp_path: Path) -> None:
    delimiter = "." if wire == "." else "/"
    mailbox = Mailbox(
        [Folder("INBOX", _messages("INBOX", 3)), Folder(wire, _messages(wire, 2), delimiter)]
    )
    store = tmp_path / "store"

    _sync_twice(mailbox, store)

    local = _local_folders(store)
    assert len(_files(local["INBOX"])) == 3
    assert len(_files(local[wire])) == 2
    assert local[wire].parent == store / "Maildir"  # never the Maildir itself or above it
    assert local[wire] != local["INBOX"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # nothing written beside
    assert not (store / "maildirfolder").exists()


def test_folders_that_look_alike_get_one_local_folder_each(tmp_path: Path) -> None:
    mailbox = Mailbox(
        [
            Folder("INBOX", _messages("INBOX", 1)),
            Folder("A.B", _messages("A.B", 2), delimiter="."),
            Folder("A/B", _messages("A/B", 3), delimiter="/"),
            Folder("", _messages("empty", 4)),
            Folder("&AC8-", _messages("slash-utf7", 5)),
            Folder("/", _messages("slash", 6)),
        ]
    )
    store = tmp_path / "store"

    _sync_twice(mailbox, store)

    local = _local_folders(store)
    counts = {wire: len(_files(path)) for wire, path in local.items()}
    assert counts == {"INBOX": 1, "A.B": 2, "A/B": 3, "": 4, "&AC8-": 5, "/": 6}
    assert len(set(local.values())) == 6


def test_bad_message_data_skips_only_those_messages(tmp_path: Path) -> None:
    good = _messages("INBOX", 3)
    bad = [Message(make_message(11), flags="NIL"), Message(make_message(12), flags="42")]
    mailbox = Mailbox([Folder("INBOX", good + bad), Folder("Work", _messages("Work", 2))])
    store = tmp_path / "store"

    first, second = _sync_twice(mailbox, store)

    assert "2 messages of folder 'INBOX' were skipped" in first
    assert "FLAGS None" in first and "FLAGS 42" in first
    local = _local_folders(store)
    assert len(_files(local["INBOX"])) == 3
    assert len(_files(local["Work"])) == 2
    assert "were skipped" in second  # said again while the server still sends it


def test_a_negative_uid_skips_that_message_not_the_folder(tmp_path: Path) -> None:
    mailbox = Mailbox([Folder("INBOX", _messages("INBOX", 2)), Folder("Work", _messages("W", 3))])

    def negative_uid_first(conn: Connection, command: Command) -> None:
        if command.args.endswith("(FLAGS RFC822.SIZE)"):
            conn.write(b"* 3 FETCH (UID -5 FLAGS () RFC822.SIZE 10)\r\n")
        conn.handle_normally(command)

    script = Script(handlers={"UID FETCH": negative_uid_first})
    with serving(mailbox, script) as server:
        result = run_sync(server.settings(), tmp_path / "store")

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert "1 messages of folder 'INBOX' were skipped" in result.error_texts
    assert "UID -5" in result.error_texts
    assert "Unexpected error" not in result.error_texts
    local = _local_folders(tmp_path / "store")
    assert len(_files(local["INBOX"])) == 2
    assert len(_files(local["Work"])) == 3


@pytest.mark.parametrize("uidvalidity", ["-1", "0", "4294967296", "abc"])
def test_an_invalid_uidvalidity_skips_that_folder_only(uidvalidity: str, tmp_path: Path) -> None:
    mailbox = Mailbox(
        [
            Folder("INBOX", _messages("INBOX", 2)),
            Folder("Odd", _messages("Odd", 3), uidvalidity=uidvalidity),
        ]
    )
    store = tmp_path / "store"
    with serving(mailbox) as server:
        results = [run_sync(server.settings(), store) for _ in range(3)]

    for result in results:
        assert result.hresult == MAPI_W_ERRORS_RETURNED
        assert "Folder 'Odd' was skipped" in result.error_texts
        assert "invalid UIDVALIDITY" in result.error_texts
    local = _local_folders(store)
    assert len(_files(local["INBOX"])) == 2
    assert _files(local["Odd"]) == []  # nothing received, so nothing duplicated
