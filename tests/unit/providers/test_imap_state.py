"""The per-folder sync state at real sizes: a compact format (version 3) for a million
messages, and the JSON objects of versions 1 and 2 still read."""

from __future__ import annotations

import json

import pytest

from sendreceive.providers.imap.maildir_store import FolderState, LocalMark

MILLION = 1_000_000


def _big() -> FolderState:
    return FolderState(
        "INBOX",
        "INBOX",
        uidvalidity=7,
        uidnext=MILLION + 1,
        highestmodseq=42,
        flags={uid: "S" if uid % 3 else "FS" for uid in range(1, MILLION + 1)},
        sizes={uid: 2000 + uid % 5000 for uid in range(1, MILLION + 1)},
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
    data = FolderState("A", "A", 1, 2, None, {1: "S"}, {1: 10}).to_json()
    flags = data["flags"]
    assert isinstance(flags, dict)
    flags["uids"] = column
    with pytest.raises(ValueError, match=r"packed column|malformed"):
        FolderState.from_json(data)


def test_a_state_read_makes_its_per_uid_dicts_only_when_they_are_used() -> None:
    state = FolderState.from_json(json.loads(json.dumps(_big().to_json())))
    assert state.base_count() == MILLION
    assert "flags" not in vars(state) and "sizes" not in vars(state)  # a quiet resync's cost
    assert state.flags[3] == "FS" and state.sizes[MILLION] == 2000 + MILLION % 5000
    assert state == _big()
