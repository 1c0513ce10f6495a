"""The per-folder sync state at real sizes: a compact format (version 3) for a million
messages, and the JSON objects of versions 1 and 2 still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sendreceive.providers.imap.maildir_store import FolderState, LocalMark
from sendreceive.providers.imap.uid_map import UidMap, _pack

MILLION = 1_000_000


def _big() -> FolderState:
    return FolderState(
        "INBOX",
        "INBOX",
        uidvalidity=7,
        uidnext=MILLION + 1,
        highestmodseq=42,
        flags=UidMap(str, ((uid, "S" if uid % 3 else "FS") for uid in range(1, MILLION + 1))),
        sizes=UidMap(int, ((uid, 2000 + uid % 5000) for uid in range(1, MILLION + 1))),
        refused={5: "F"},
        read_only=True,
        local_mark=LocalMark(1, 2, 3, False),
        mailbox_id="abc",
    )


def test_a_million_messages_round_trip_in_a_few_megabytes() -> None:
    state = _big()
    text = json.dumps(state.to_json())
    assert len(text) < 8 * 1024 * 1024  # version 2 wrote about 30 MB
    assert FolderState.from_json(json.loads(text)) == state


@pytest.mark.parametrize("version", [1, 2])
def test_older_states_are_still_read(version: int) -> None:
    old = {
        "version": version,
        "server_name": "Work",
        "uidvalidity": 3,
        "uidnext": 12,
        "highestmodseq": None,
        "flags": {"10": "S", "11": ""},
        **({"sizes": {"10": 900, "11": 1200}, "server_wire": "Work"} if version == 2 else {}),
    }
    state = FolderState.from_json(old)
    assert state.flags == {10: "S", 11: ""}
    assert state.sizes == ({10: 900, 11: 1200} if version == 2 else {})
    assert state.local_mark is None and not state.read_only


@pytest.mark.parametrize(
    "column",
    [
        "not base64!",
        "eJwDAAAAAAE=",  # zlib of nothing: a column of no UIDs but an index of one
        "eJxLTEoGAAJNASc=",  # zlib of 3 bytes: not whole 32-bit numbers
        42,
    ],
)
def test_a_malformed_packed_column_is_refused(column: object) -> None:
    data = json.loads(json.dumps(_small().to_json()))
    data["flags"]["uids"] = column
    state = FolderState.from_json(data)
    assert len(state.flags) == 1  # its count: a quiet resync unpacks nothing
    with pytest.raises(ValueError, match=r"packed column|malformed"):
        state.check()


def _small() -> FolderState:
    return FolderState("A", "A", 1, 2, None, UidMap(str, [(1, "S")]), UidMap(int, [(1, 10)]))


def test_a_state_read_back_after_a_few_changes_writes_them_beside_its_arrays() -> None:
    state = FolderState.from_json(json.loads(json.dumps(_big().to_json())))
    state.flags[7] = "FRS"
    del state.flags[8], state.sizes[8]
    state.sizes[MILLION + 1] = 123
    again = FolderState.from_json(json.loads(json.dumps(state.to_json())))
    assert again == state and len(again.flags) == MILLION - 1
    assert again.flags[7] == "FRS" and 8 not in again.flags and again.sizes[MILLION + 1] == 123


def test_a_version_3_state_is_still_read() -> None:
    flags = {"uids": _pack([3, 5], "I"), "letters": ["", "S"], "index": _pack([1, 0], "I")}
    sizes = {"uids": _pack([3, 5], "I"), "sizes": _pack([900, 1200], "Q")}
    state = FolderState.from_json(
        {"version": 3, "server_name": "A", "uidvalidity": 1, "uidnext": 6}
        | {"highestmodseq": 9, "flags": flags, "sizes": sizes}
    )
    assert dict(state.flags) == {3: "S", 5: ""} and dict(state.sizes) == {3: 900, 5: 1200}
    assert FolderState.from_json(json.loads(json.dumps(state.to_json()))) == state


@pytest.mark.parametrize(
    "change",
    [
        {"changed": {"uids": _pack([0], "I"), "codes": _pack([0], "Q")}},  # no such UID
        {"changed": {"uids": _pack([2], "I"), "codes": _pack([7], "Q")}},  # no such letters
        {"changed": {"uids": _pack([2, 2], "I"), "codes": _pack([0, 0], "Q")}},
        {"changed": {"uids": _pack([2], "I"), "codes": _pack([], "Q")}},
        {"removed": _pack([9], "I")},  # not in the column
        {"removed": [1]},
        {"count": 3},
    ],
)
def test_malformed_changes_beside_the_arrays_are_refused(change: dict[str, object]) -> None:
    data = json.loads(json.dumps(_small().to_json()))
    data["flags"].update(change)
    with pytest.raises(ValueError, match=r"malformed|not a|not text|holds|removes"):
        FolderState.from_json(data).check()


def test_a_version_4_state_is_read_without_a_name_index_and_saved_with_one() -> None:
    state = FolderState("INBOX", uidvalidity=9, uidnext=8)
    state.flags[7], state.sizes[7] = "S", 900
    name = f"1700000000.M5P42Q3.{state.names._host},U=7,V=9:2,S"
    state.names.record(7, f"cur/{name}")
    saved = state.to_json()
    old = {key: value for key, value in saved.items() if key != "names"} | {"version": 4}

    read = FolderState.from_json(json.loads(json.dumps(old)))
    assert read == state and read.names.place(Path("/m"), 7) is None
    read.names.record(7, f"cur/{name}")
    again = FolderState.from_json(json.loads(json.dumps(read.to_json())))
    assert again.names.place(Path("/m"), 7) == Path("/m/cur") / name
