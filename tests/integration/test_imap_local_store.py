"""Local mishaps: a store that cannot be trusted is reported and kept, never acted on.

Each test damages the local Maildir the way a user, another program or a crash could,
then checks that the next sync loses nothing, deletes or flags nothing on the server
from the damaged state, and says what it found in an Error naming the files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers.dovecot import Dovecot
from helpers.imap import (
    Account,
    assert_mirrors,
    local_files,
    local_flags,
    make_message,
    new_account,
    seed,
    set_local_flags,
)

from sendreceive.contract import MAPI_E_NO_ACCESS, MAPI_W_ERRORS_RETURNED, S_OK

STATE = "imap-sync-state.json"


def _server_flags(account: Account, folder: str = "INBOX") -> dict[int, set[bytes]]:
    with account.client() as client:
        client.select_folder(folder, readonly=True)
        flags = client.get_flags(client.search("ALL"))
    return {uid: set(value) - {b"\\Recent"} for uid, value in flags.items()}


def _message_files(folder: Path) -> list[Path]:
    return sorted(path for sub in ("new", "cur") for path in (folder / sub).iterdir())


def _with_uid(file: Path, uid: int, suffix: str = "") -> str:
    """The file name of a copy of ``file`` claiming ``uid`` (another unique part)."""
    key, _, info = file.name.partition(":")
    unique, _, mark = key.partition(",U=")
    validity = mark.partition(",V=")[2]
    return f"{unique}{suffix},U={uid},V={validity}" + (f":{info}" if info else "")


def _seeded(account: Account, count: int = 10) -> dict[int, Path]:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(count)])
    assert account.sync().hresult == S_OK
    return local_files(account.store_dir)


def test_a_store_of_another_account_is_refused(
    account: Account, dovecot: Dovecot, tmp_path: Path
) -> None:
    files = _seeded(account, 3)
    other = new_account(dovecot, tmp_path / "other")
    other.store_dir = account.store_dir  # two accounts pointed at one store
    with other.client() as client:
        seed(client, "INBOX", [make_message(i, tag="other") for i in range(5)])

    result = other.sync()

    assert result.hresult == MAPI_E_NO_ACCESS
    assert f"belongs to {account.user}@" in result.error_texts
    assert local_files(account.store_dir) == files  # the first account's mail untouched
    assert account.sync().hresult == S_OK  # and still its own


def test_several_files_for_one_uid_are_kept_reported_and_never_uploaded(
    account: Account,
) -> None:
    files = _seeded(account)
    original = files[4]
    twin = original.parent.parent / "cur" / (_with_uid(original, 4, "x").split(":")[0] + ":2,T")
    shutil.copyfile(original, twin)  # a second copy of UID 4, marked trashed

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert "2 files in folder 'INBOX' claim message UID 4" in result.error_texts
    assert original.name in result.error_texts and twin.name in result.error_texts
    assert original.exists() and twin.exists()
    assert _server_flags(account)[4] == set()  # no \Deleted from an ambiguous state


def test_pending_local_marks_survive_a_corrupt_state_file(account: Account) -> None:
    files = _seeded(account)
    for file in files.values():
        set_local_flags(file, "S")  # read locally, not yet synchronized
    state = account.store_dir / "Maildir" / STATE
    state.write_text('{"version": 2, "flags": ')

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert "could not be read" in result.error_texts and str(state) in result.error_texts
    assert all(flags == {b"\\Seen"} for flags in _server_flags(account).values())
    assert set(local_flags(account.store_dir).values()) == {"S"}
    assert list(state.parent.glob(f"{STATE}.unreadable-*"))  # kept for a post-mortem
    assert account.sync().hresult == S_OK  # rebuilt: nothing more to say


def test_pending_local_marks_survive_a_stray_file_of_an_old_uidvalidity(
    account: Account,
) -> None:
    files = _seeded(account)
    stray = files[1].parent / _with_uid(files[1], 99, "old").replace(",V=", ",V=1")
    shutil.copyfile(files[1], stray)
    for file in files.values():
        set_local_flags(file, "S")

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert stray.name in result.error_texts and "not synchronized" in result.error_texts
    assert stray.exists()
    assert all(flags == {b"\\Seen"} for flags in _server_flags(account).values())
    assert {flags for uid, flags in local_flags(account.store_dir).items() if uid != 99} == {"S"}


def test_a_trash_mark_is_held_when_the_state_is_lost(account: Account) -> None:
    files = _seeded(account, 2)
    set_local_flags(files[1], "T")
    set_local_flags(files[2], "F")
    (account.store_dir / "Maildir" / STATE).unlink()

    result = account.sync()

    assert "marked as deleted on this computer only" in result.error_texts
    assert _server_flags(account) == {1: set(), 2: {b"\\Flagged"}}
    assert local_flags(account.store_dir) == {1: "T", 2: "F"}


def test_a_renamed_file_is_not_taken_for_the_message_it_names(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=700 + 100 * i) for i in range(10)])
    assert account.sync().hresult == S_OK
    files = local_files(account.store_dir)
    real_seven = files[7].read_bytes()
    renamed = files[5].with_name(_with_uid(files[5], 7))
    files[5].rename(renamed)  # message 5's bytes now claim UID 7

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert renamed.name in result.error_texts and "size differs" in result.error_texts
    assert files[7].read_bytes() == real_seven  # the real UID 7 is untouched
    assert renamed.exists()
    renamed.unlink()  # what the user does once told; then the mirror is whole again
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")


def test_a_directory_named_like_a_message_is_skipped_and_named(account: Account) -> None:
    files = _seeded(account, 3)
    inbox = files[1].parent.parent
    in_cur = inbox / "cur" / _with_uid(files[1], 50, "dir")
    in_tmp = inbox / "tmp" / _with_uid(files[1], 51, "dir")
    in_cur.mkdir()
    in_tmp.mkdir()
    with account.client() as client:
        seed(client, "INBOX", [make_message(9, tag="new")])

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert in_cur.name in result.error_texts and in_tmp.name in result.error_texts
    assert in_cur.is_dir() and in_tmp.is_dir()
    assert len(local_files_except(inbox, in_cur)) == 4  # the new message arrived


def local_files_except(folder: Path, *skip: Path) -> list[Path]:
    return [path for path in _message_files(folder) if path not in skip]


def test_a_message_moved_between_local_folders_is_reported_and_kept(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=900) for i in range(3)])
        seed(client, "Work", [make_message(i, "Work", size=2000) for i in range(3)])
    assert account.sync().hresult == S_OK
    moved_from = local_files(account.store_dir, "Work")[2]
    moved = account.store_dir / "Maildir" / "cur" / moved_from.name
    moved_from.rename(moved)  # dragged from Work to INBOX in a local mail reader

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert moved.name in result.error_texts
    assert "moving messages between local folders is not synchronized" in result.error_texts
    assert moved.exists()  # never deleted
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "Work", "Work")  # received again


def test_one_folder_that_cannot_be_written_does_not_stop_the_others(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(4)])
        seed(client, "Work", [make_message(i, "Work") for i in range(2)])
    (account.store_dir / "Maildir").mkdir(parents=True)
    (account.store_dir / "Maildir" / ".Work").write_text("not a folder")

    result = account.sync()

    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert "Folder 'Work' was skipped" in result.error_texts
    assert len(local_files(account.store_dir)) == 4


def test_deeply_nested_long_folder_names_get_a_short_unique_local_name(
    account: Account,
) -> None:
    levels = [f"Level{n}-" + "x" * 54 for n in range(5)]
    deep = "/".join(levels)
    sibling = "/".join([*levels[:4], levels[4][:-1] + "y"])  # differs only at the end
    with account.client() as client:
        seed(client, "INBOX", [make_message(i) for i in range(10)])
        seed(client, deep, [make_message(i, deep) for i in range(3)])
        seed(client, sibling, [make_message(i, sibling) for i in range(2)])

    result = account.sync()

    assert result.hresult == S_OK, result.error_texts
    assert len(local_files(account.store_dir)) == 10
    local = {
        json.loads((path / STATE).read_text())["server_name"]: path
        for path in (account.store_dir / "Maildir").glob(".*")
    }
    assert {deep, sibling} <= local.keys()
    assert local[deep] != local[sibling]
    assert all(len(path.name.encode()) <= 255 for path in local.values())
    with account.client() as client:
        assert_mirrors(client, account.store_dir, deep, local[deep].name[1:])
        assert_mirrors(client, account.store_dir, sibling, local[sibling].name[1:])
    assert account.sync().hresult == S_OK  # stable: found again, nothing received twice
    assert len(_message_files(local[deep])) == 3
