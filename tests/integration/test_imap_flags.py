"""Flags both ways: seen, flagged, answered, deleted (Maildir "trashed"), draft."""

from __future__ import annotations

import pytest
from helpers.imap import Account, local_files, local_flags, make_message, seed, set_local_flags

from sendreceive.contract import S_OK, SyncFlags


@pytest.fixture
def account(any_account: Account) -> Account:
    """Every scenario of this module runs on Dovecot and on Cyrus."""
    return any_account


def _server_flags(account: Account) -> dict[int, set[bytes]]:
    with account.client() as client:
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search("ALL"))
    return {uid: set(value) - {b"\\Recent"} for uid, value in flags.items()}


def test_flags_travel_both_ways(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(6)])
        client.select_folder("INBOX")
        client.add_flags([6], [b"\\Answered"])
    assert account.sync().hresult == S_OK
    assert local_flags(account.store_dir) == {1: "", 2: "", 3: "", 4: "", 5: "", 6: "R"}

    with account.client() as client:  # changes on the server...
        client.select_folder("INBOX")
        client.add_flags([1], [b"\\Flagged"])
        client.add_flags([2], [b"\\Seen"])
        client.remove_flags([6], [b"\\Answered"])
    files = local_files(account.store_dir)  # ...and, meanwhile, in the local mail reader
    set_local_flags(files[3], "S")
    set_local_flags(files[4], "T")
    set_local_flags(files[5], "DP")  # P (passed) is local-only and must survive

    assert account.sync().hresult == S_OK
    assert local_flags(account.store_dir) == {1: "F", 2: "S", 3: "S", 4: "T", 5: "DP", 6: ""}
    assert _server_flags(account) == {
        1: {b"\\Flagged"},
        2: {b"\\Seen"},
        3: {b"\\Seen"},
        4: {b"\\Deleted"},
        5: {b"\\Draft"},
        6: set(),
    }

    set_local_flags(local_files(account.store_dir)[3], "")  # mark unread locally
    with account.client() as client:
        client.select_folder("INBOX")
        client.remove_flags([1], [b"\\Flagged"])
    account.sync()
    assert local_flags(account.store_dir)[1] == ""
    assert _server_flags(account)[3] == set()


def test_a_direction_not_asked_for_stays_pending(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(2)])
    account.sync()
    set_local_flags(local_files(account.store_dir)[1], "F")

    download_only = SyncFlags.SYNC_DOWNLOAD_CONTENTS
    assert account.sync(download_only).hresult == S_OK
    assert _server_flags(account)[1] == set()  # not uploaded...
    assert local_flags(account.store_dir)[1] == "F"  # ...and not undone either

    assert account.sync(SyncFlags.SYNC_UPLOAD_CONTENTS).hresult == S_OK
    assert _server_flags(account)[1] == {b"\\Flagged"}


def test_a_file_deleted_in_a_mail_reader_is_deleted_on_the_server(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(5)])
    assert account.sync().hresult == S_OK
    files = local_files(account.store_dir)
    files[2].unlink()  # deleted in a mail reader
    download_only = account.sync(SyncFlags.SYNC_DOWNLOAD_CONTENTS)
    assert download_only.received == 1  # without SYNC_UPLOAD_CONTENTS: received again
    local_files(account.store_dir)[2].unlink()

    deleted = account.sync()
    assert deleted.hresult == S_OK, deleted.error_texts
    assert deleted.received == 0
    assert account.sync().received == 0  # never received again
    assert sorted(local_files(account.store_dir)) == [1, 3, 4, 5]
    assert _server_flags(account)[2] == {b"\\Deleted"}

    files[4].unlink()
    expunged = account.sync(settings={"expunge": True})
    assert expunged.hresult == S_OK, expunged.error_texts
    assert sorted(_server_flags(account)) == [1, 3, 5]  # 4, and 2 marked before: expunged
    assert account.sync().received == 0
    assert sorted(local_files(account.store_dir)) == [1, 3, 5]
