"""The sync state's base file (version 6): a save after a few changes leaves the base
alone, a kill between a new base and the state that names it loses nothing, a base
that is not what the state says is refused, and a version 5 state is still read."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest

from sendreceive.providers.imap import maildir_store, state_base
from sendreceive.providers.imap.folders import ServerFolder
from sendreceive.providers.imap.maildir_store import STATE_FILE, FolderState, MaildirStore
from sendreceive.providers.imap.uid_map import UidMap

COUNT = 50_000
INBOX = ServerFolder("INBOX", "INBOX", "/")


def _state() -> FolderState:
    return FolderState(
        "INBOX",
        "INBOX",
        uidvalidity=7,
        uidnext=COUNT + 1,
        highestmodseq=42,
        flags=UidMap(str, ((uid, "S" if uid % 3 else "FS") for uid in range(1, COUNT + 1))),
        sizes=UidMap(int, ((uid, 1000 + uid % 700) for uid in range(1, COUNT + 1))),
    )


def _store(tmp_path: Path) -> tuple[MaildirStore, list[str]]:
    reported: list[str] = []
    store = MaildirStore(tmp_path, logging.getLogger("test"), lambda _, text: reported.append(text))
    return store, reported


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    return root


def _bases(root: Path) -> list[str]:
    return sorted(path.name for path in root.glob("imap-sync-state.*.bin"))


def _read(tmp_path: Path) -> FolderState:
    """The state as the next run reads it (which also removes the bases it does not name)."""
    store, reported = _store(tmp_path)
    state = store.folder(INBOX).state
    assert reported == []
    state.check()
    return state


def test_a_version_5_state_is_read_and_saved_with_a_base(tmp_path: Path) -> None:
    root = _root(tmp_path)
    old = _state().to_json() | {"version": 5}  # the columns packed in the JSON state
    (root / STATE_FILE).write_text(json.dumps(old))

    state = _read(tmp_path)
    assert state == _state() and _bases(root) == []
    maildir_store.LocalFolder(root, state).save_state()
    saved = json.loads((root / STATE_FILE).read_text())
    assert saved["version"] == 6 and _bases(root) == [saved["base"]["file"]]
    assert "uids" not in saved["flags"] and len((root / STATE_FILE).read_bytes()) < 4096
    assert _read(tmp_path) == _state()


def test_a_few_changes_rewrite_only_the_json_state(tmp_path: Path) -> None:
    root = _root(tmp_path)
    maildir_store.LocalFolder(root, _state()).save_state()
    base = root / _bases(root)[0]
    written = base.stat().st_mtime_ns, base.stat().st_ino

    local = maildir_store.LocalFolder(root, _read(tmp_path))
    local.state.flags[10] = "RS"
    local.state.forget(11)
    local.save_state()
    assert _bases(root) == [base.name]
    assert (base.stat().st_mtime_ns, base.stat().st_ino) == written
    read = _read(tmp_path)
    assert read.flags[10] == "RS" and 11 not in read.flags and 11 not in read.sizes
    assert len(read.flags) == COUNT - 1 and read.sizes[COUNT] == 1000 + COUNT % 700


def _fold_many(state: FolderState) -> None:
    """Changes enough to be folded into the arrays: the next save writes a new base."""
    for uid in range(1, 6000):
        state.flags[uid] = "T"
    state.compact()


def test_a_kill_before_the_state_names_its_new_base_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root(tmp_path)
    maildir_store.LocalFolder(root, _state()).save_state()
    old_base = _bases(root)
    local = maildir_store.LocalFolder(root, _read(tmp_path))
    _fold_many(local.state)

    def killed(path: Path, data: bytes, mode: int = 0) -> None:
        raise KeyboardInterrupt("killed between the base and the state")

    monkeypatch.setattr(maildir_store, "replace_atomically", killed)
    with pytest.raises(KeyboardInterrupt):
        local.save_state()
    monkeypatch.undo()
    assert len(_bases(root)) == 2  # the new base, named by no state

    assert _read(tmp_path) == _state()  # the state as it was, whole
    assert _bases(root) == old_base


def test_a_kill_before_the_old_base_is_removed_loses_nothing(tmp_path: Path) -> None:
    root = _root(tmp_path)
    maildir_store.LocalFolder(root, _state()).save_state()
    old_base = root / _bases(root)[0]
    kept = tmp_path / "old-base"
    shutil.copyfile(old_base, kept)
    local = maildir_store.LocalFolder(root, _read(tmp_path))
    _fold_many(local.state)
    local.save_state()
    shutil.copyfile(kept, old_base)  # as if the kill came before its removal
    assert len(_bases(root)) == 2

    read = _read(tmp_path)
    assert read == local.state and read.flags[5] == "T"
    assert _bases(root) == [json.loads((root / STATE_FILE).read_text())["base"]["file"]]


@pytest.mark.parametrize("damage", ["flip", "truncate", "remove", "symlink", "fifo"])
def test_a_base_that_is_not_what_the_state_says_is_reported_and_rebuilt(
    tmp_path: Path, damage: str
) -> None:
    root = _root(tmp_path)
    maildir_store.LocalFolder(root, _state()).save_state()
    base = root / _bases(root)[0]
    data = bytearray(base.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 1
        base.write_bytes(bytes(data))
    elif damage == "truncate":
        base.write_bytes(bytes(data[:-8]))
    else:
        base.unlink()
        if damage == "symlink":
            (tmp_path / "elsewhere").write_bytes(bytes(data))
            base.symlink_to(tmp_path / "elsewhere")
        elif damage == "fifo":  # opening it to read would wait for a writer: never
            os.mkfifo(base)

    store, reported = _store(tmp_path)
    state = store.folder(INBOX).state
    assert len(state.flags) == 0  # rebuilt: a full comparison follows
    assert len(reported) == 1 and base.name in reported[0] and STATE_FILE in reported[0]


@pytest.mark.parametrize("place", [[4, 2, 8], [0, 10**9, 0], [0, 2], "0"])
def test_a_column_placed_outside_its_base_is_refused(place: object) -> None:
    writer = state_base.BaseWriter()
    column = UidMap(str, [(1, "S"), (2, "")])
    column.rebase(writer)
    data = column.to_json(based=True) | {"base": place}
    with pytest.raises(ValueError, match="base"):
        UidMap.from_json(str, data, base=bytes(64)).check()


def test_letters_codes_outside_the_table_are_refused(tmp_path: Path) -> None:
    writer = state_base.BaseWriter()
    column = UidMap(str, [(1, "S"), (2, "")])
    column.rebase(writer)
    base = state_base.read(tmp_path, writer.write(tmp_path))
    data = column.to_json(based=True)
    assert dict(UidMap.from_json(str, data, base=base)) == {1: "S", 2: ""}
    with pytest.raises(ValueError, match="malformed"):
        UidMap.from_json(str, data | {"table": ["S"]}, base=base).check()
