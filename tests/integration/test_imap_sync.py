"""Downloading: the local Maildir mirrors the server, incrementally, with truthful progress."""

from __future__ import annotations

import json
import logging

import pytest
from helpers.imap import (
    FULL_SYNC,
    Account,
    assert_mirrors,
    local_files,
    local_folder,
    make_message,
    seed,
    server_messages,
)

from sendreceive.contract import (
    MAPI_E_NOT_FOUND,
    MAPI_W_ERRORS_RETURNED,
    S_OK,
    SyncFlags,
)
from sendreceive.providers.imap.maildir_store import FolderState

FOLDERS = {  # server name -> local Maildir++ name
    "INBOX": "",
    "Entwürfe": "Entwürfe",
    "Projekte/2024/Q1": "Projekte.2024.Q1",
    "v1.2": "v1%2E2",
    "R&D": "R&D",
    "日本語": "日本語",
}


@pytest.fixture
def account(any_account: Account) -> Account:
    """Every scenario of this module runs on Dovecot and on Cyrus."""
    return any_account


def _seed_folders(account: Account) -> dict[str, int]:
    counts = {}
    with account.client() as client:
        for number, folder in enumerate(FOLDERS):
            messages = [
                make_message(i, folder, size=600 + 3000 * (i % 4)) for i in range(number * 3 + 2)
            ]
            seed(client, folder, messages)
            counts[folder] = len(messages)
    return counts


def test_full_sync_mirrors_every_folder_byte_for_byte(dovecot_account: Account) -> None:
    account = dovecot_account
    counts = _seed_folders(account)
    result = account.sync()
    assert result.hresult == S_OK, result.error_texts
    assert result.received == sum(counts.values())
    root = local_folder(account.store_dir)
    assert sorted(root.list_folders()) == sorted(name for name in FOLDERS.values() if name)
    with account.client() as client:
        for folder, local_name in FOLDERS.items():
            assert_mirrors(client, account.store_dir, folder, local_name)
            assert len(local_folder(account.store_dir, local_name)) == counts[folder]
    state = FolderState.from_json(
        json.loads((account.store_dir / "Maildir/.v1%2E2/imap-sync-state.json").read_text())
    )
    assert state.server_name == "v1.2"
    assert len(state.sizes) == len(state.flags) == counts["v1.2"]


def test_second_sync_fetches_only_new_mail(
    account: Account, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="imap")
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(30)])
    assert account.sync().received == 30
    assert "On-demand synchronization" in caplog.text

    scheduled = FULL_SYNC & ~SyncFlags.SYNC_ON_DEMAND  # the same work, logged as such
    unchanged = account.sync(scheduled)
    assert unchanged.hresult == S_OK
    assert unchanged.received == 0
    assert unchanged.callback.received_texts() == []
    assert "Scheduled synchronization" in caplog.text

    with account.client() as client:
        seed(client, "INBOX", [make_message(i, tag="new") for i in range(7)])
        seed(client, "Later", [make_message(i, "Later") for i in range(2)])
    incremental = account.sync()
    assert incremental.hresult == S_OK
    assert incremental.received == 9
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")
        assert_mirrors(client, account.store_dir, "Later", "Later")


def test_progress_counts_over_the_whole_run_with_separators(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=300) for i in range(700)])
        seed(client, "Archive", [make_message(i, "Archive", size=300) for i in range(350)])
    result = account.sync(settings={"batch_size": 200, "connections": 1})  # folder by folder
    assert result.hresult == S_OK
    progress = result.callback.progress
    known = next(i for i, (_text, _i, total) in enumerate(progress) if total)
    # While connecting and checking folders, the amount of work is unknown.
    assert [text for text, _i, _n in progress[:known]] == [
        "Connecting to 127.0.0.1",
        "Checking folder 'INBOX' (1 of 2)",
        "Checking folder 'Archive' (2 of 2)",
    ]
    assert all(index == total == 0 for _t, index, total in progress[:known])
    assert progress[known] == ("Synchronizing folder 'INBOX'", 0, 1050)
    receiving = [(i, n) for text, i, n in progress if text.startswith("Receiving")]
    assert receiving == [(i, 1050) for i in range(1, 1051)]
    texts = result.callback.received_texts()
    assert texts[119] == "Receiving message 120 of 1,050"
    assert texts[-1] == "Receiving message 1,050 of 1,050"
    assert ("Synchronizing folder 'Archive'", 700, 1050) in progress  # after INBOX


def test_headers_only_then_full_bodies_without_duplicates(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=5000) for i in range(5)])
        client.select_folder("INBOX", readonly=True)
        headers = {
            uid: data[b"BODY[HEADER]"]
            for uid, data in client.fetch(client.search("ALL"), ["BODY.PEEK[HEADER]"]).items()
        }
    result = account.sync(FULL_SYNC | SyncFlags.SYNC_HEADERS)
    assert result.hresult == S_OK
    files = local_files(account.store_dir)
    assert {uid: file.read_bytes() for uid, file in files.items()} == headers
    assert all(",H" in file.name for file in files.values())

    assert account.sync(FULL_SYNC | SyncFlags.SYNC_HEADERS).received == 0
    assert account.sync().received == 5  # now the bodies
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")


def test_expunged_on_the_server_is_removed_locally(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(6)])
    account.sync()
    with account.client() as client:
        client.select_folder("INBOX")
        client.delete_messages([2, 5])
        client.expunge()
    result = account.sync()
    assert result.hresult == S_OK
    assert sorted(local_files(account.store_dir)) == [1, 3, 4, 6]


def test_without_hierarchy_only_known_folders_and_the_folders_setting(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(1)])
        seed(client, "Work", [make_message(1, "Work")])
        seed(client, "Private", [make_message(1, "Private")])
    contents = SyncFlags.SYNC_DOWNLOAD_CONTENTS
    assert account.sync(contents).received == 1  # INBOX only: no hierarchy yet
    assert local_folder(account.store_dir).list_folders() == []

    result = account.sync(
        contents | SyncFlags.SYNC_THESE_FOLDERS, settings={"folders": ["Work", "Nowhere"]}
    )
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert [hr for hr, _text in result.callback.errors] == [MAPI_E_NOT_FOUND]
    assert "'Nowhere'" in result.error_texts
    assert local_folder(account.store_dir).list_folders() == ["Work"]

    with account.client() as client:
        seed(client, "Work", [make_message(2, "Work")])
    assert account.sync(contents).received == 1  # Work is known now; Private is not
    assert sorted(local_folder(account.store_dir).list_folders()) == ["Work"]
    with account.client() as client:
        assert len(server_messages(client, "Work")) == len(local_files(account.store_dir, "Work"))


def test_a_folder_renamed_on_the_server_moves_its_local_copy_where_it_can(
    account: Account,
) -> None:
    """With OBJECTID (Cyrus) the local copy follows the rename, nothing is received
    again; without it (Dovecot 2.3) the old copy is reported once and kept. A folder
    deleted on the server is reported once; its local copy is kept."""
    with account.client() as client:
        seed(client, "INBOX", [make_message(1)])
        seed(client, "Old", [make_message(i, "Old") for i in range(4)])
        objectid = b"OBJECTID" in client.capabilities()
    assert account.sync().hresult == S_OK
    with account.client() as client:
        client.rename_folder("Old", "New")
        seed(client, "Gone", [make_message(1, "Gone")])

    renamed = account.sync()
    assert renamed.hresult == S_OK, renamed.error_texts
    if objectid:
        assert renamed.received == 1  # Gone's message only
        assert "Folder 'Old' was renamed to 'New' on 127.0.0.1" in renamed.error_texts
        assert sorted(local_folder(account.store_dir).list_folders()) == ["Gone", "New"]
    else:
        assert renamed.received == 5  # New received in full
        assert "Folder 'Old' is no longer on 127.0.0.1" in renamed.error_texts
        assert sorted(local_folder(account.store_dir).list_folders()) == ["Gone", "New", "Old"]
    assert len(local_files(account.store_dir, "New")) == 4

    with account.client() as client:
        client.delete_folder("Gone")
    deleted = account.sync()
    assert deleted.hresult == S_OK
    assert "Folder 'Gone' is no longer on 127.0.0.1 (deleted, renamed or no longer shared)" in (
        deleted.error_texts
    )
    assert len(local_files(account.store_dir, "Gone")) == 1  # kept
    assert "no longer on" not in account.sync().error_texts  # said once
