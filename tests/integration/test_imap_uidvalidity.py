"""A folder replaced on the server (new UIDVALIDITY) is resynchronized without duplicates,
on Dovecot and on Cyrus."""

from __future__ import annotations

import json

import pytest
from helpers.imap import (
    Account,
    assert_mirrors,
    local_files,
    local_flags,
    make_message,
    seed,
    set_local_flags,
)

from sendreceive.contract import S_OK


@pytest.fixture
def account(any_account: Account) -> Account:
    """Every scenario of this module runs on Dovecot and on Cyrus."""
    return any_account


def _uidvalidity(account: Account) -> int:
    state = account.store_dir / "Maildir" / ".Work" / "imap-sync-state.json"
    return int(json.loads(state.read_text())["uidvalidity"])


def test_recreated_folder_keeps_local_copies_and_adds_no_duplicates(account: Account) -> None:
    old = [make_message(i, "Work") for i in range(6)]
    with account.client() as client:
        seed(client, "Work", old)
    account.sync()
    before = _uidvalidity(account)
    set_local_flags(local_files(account.store_dir, "Work")[2], "F")  # not uploaded yet

    with account.client() as client:  # delete and recreate: same name, new UIDs
        client.delete_folder("Work")
        seed(client, "Work", [*old[1:5], make_message(99, "Work")])  # old[0], old[5] gone

    result = account.sync()
    assert result.hresult == S_OK, result.error_texts
    assert _uidvalidity(account) != before
    assert result.received == 1  # only the new message: the other four were kept
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "Work", "Work")
        client.select_folder("Work", readonly=True)
        flagged = client.search(["FLAGGED"])
    assert len(local_files(account.store_dir, "Work")) == 5
    # old[1] (UID 2 before) is UID 1 now; its local flag went to the server.
    assert local_flags(account.store_dir, "Work")[1] == "F"
    assert flagged == [1]

    assert account.sync().received == 0


def test_uidvalidity_change_with_different_messages_replaces_them(account: Account) -> None:
    with account.client() as client:
        seed(client, "Work", [make_message(i, "Work") for i in range(3)])
    account.sync()
    with account.client() as client:
        client.delete_folder("Work")
        seed(client, "Work", [make_message(i, "Work", tag="other") for i in range(2)])
    result = account.sync()
    assert result.hresult == S_OK
    assert result.received == 2
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "Work", "Work")
