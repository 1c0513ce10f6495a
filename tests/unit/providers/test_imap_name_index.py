"""The per-UID name index: names of the provider's form round-trip through the state,
others are not indexed, and an unreadable index is dropped, never trusted."""

from __future__ import annotations

import json
from pathlib import Path

from sendreceive.providers.imap.name_index import NameIndex

HOST = "box"


def _saved(index: NameIndex) -> NameIndex:
    return NameIndex(HOST, json.loads(json.dumps(index.to_json())))


def test_names_round_trip_through_the_state() -> None:
    index = NameIndex(HOST)
    index.record(7, "cur/1700000000.M5P42Q3.box,U=7,V=9:2,FS")
    index.record(8, "new/1700000001.M123456P42Q4.box,U=8,V=9,H")
    loaded = _saved(index)
    assert loaded.place(Path("/m"), 7) == Path("/m/cur/1700000000.M5P42Q3.box,U=7,V=9:2,FS")
    assert loaded.place(Path("/m"), 8) == Path("/m/new/1700000001.M123456P42Q4.box,U=8,V=9,H")
    loaded.forget(7)
    assert 7 not in _saved(loaded) and 8 in _saved(loaded)


def test_names_of_another_form_or_host_are_not_indexed() -> None:
    index = NameIndex(HOST)
    index.record(1, "cur/1700000000.M5P42Q3.box,U=7,V=9:2,S")  # another UID's name
    index.record(2, "cur/1700000000.M05P42Q3.box,U=2,V=9:2,S")  # not rebuilt as written
    index.record(3, "cur/1700000000.M5P42Q3.other,U=3,V=9:2,S")
    index.record(4, "cur/mutt-written,U=4,V=9:2,S")
    assert [uid for uid in range(1, 5) if uid in index] == []


def test_an_unreadable_index_is_dropped() -> None:
    index = NameIndex(HOST)
    index.record(7, "cur/1700000000.M5P42Q3.box,U=7,V=9:2,S")
    columns = index.to_json()
    columns["stamps"]["uids"] = "not base64!"
    broken = NameIndex(HOST, columns)
    assert 7 not in broken and broken.place(Path("/m"), 7) is None
    assert 7 not in NameIndex(HOST, "nonsense")
    assert 7 not in NameIndex(HOST, {**index.to_json(), "serials": None})


def test_a_place_outside_the_folder_is_never_rebuilt() -> None:
    index = NameIndex(HOST)
    index.record(7, "cur/1700000000.M5P42Q3.box,U=7,V=9:2,S")
    columns = index.to_json()
    assert columns["places"] == ["cur/,V=9:2,S"]
    columns["places"] = ["../../etc/,passwd"]
    assert NameIndex(HOST, columns).place(Path("/m"), 7) is None
    index.record(8, "../1700000000.M5P42Q4.box,U=8,V=9")
    assert 8 not in index


def test_an_index_never_unpacked_is_saved_as_read() -> None:
    index = NameIndex(HOST)
    index.record(7, "cur/1700000000.M5P42Q3.box,U=7,V=9:2,S")
    untouched = _saved(index)
    assert _saved(untouched).place(Path("/m"), 7) == index.place(Path("/m"), 7)
