"""The state's compact per-UID columns behave as the dicts they replace, across the
folding of their changes and round trips through the state file."""

from __future__ import annotations

import json
import random

import pytest

from sendreceive.providers.imap.uid_map import Listing, UidMap


def test_a_column_behaves_as_a_dict_through_folds_and_round_trips() -> None:
    rng = random.Random(7)  # fixed: the same operations every run
    model: dict[int, str] = {}
    column = UidMap(str)
    for step in range(40_000):
        uid = rng.randrange(1, 12_000)
        if uid in model and rng.random() < 0.3:
            del model[uid], column[uid]
        else:
            model[uid] = column[uid] = rng.choice(["", "S", "FS", "RS"])
        if step % 7_000 == 0:  # read back mid-way: arrays plus changes, then unpacked
            column = UidMap.from_json(str, json.loads(json.dumps(column.to_json())))
            assert len(column) == len(model)  # from the stored count
    assert dict(column) == model and len(column) == len(model)
    assert [uid for uid in range(12_001) if uid in column] == sorted(model)


def test_bad_uids_and_values_are_refused() -> None:
    sizes = UidMap(int)
    for uid, value in [(0, 1), (2**32, 1), (5, -1), (5, "1"), (5, True)]:
        with pytest.raises(ValueError, match="is not a int"):
            sizes[uid] = value  # type: ignore[assignment]
    assert len(sizes) == 0


def test_a_listing_appended_out_of_order_still_answers_every_uid() -> None:
    listing = Listing()
    for uid in [3, 9, 12, 5, 40]:
        listing.add(uid, "S" if uid % 2 else "", uid * 100)
    assert dict(listing) == {
        3: ("S", 300),
        9: ("S", 900),
        12: ("", 1200),
        5: ("S", 500),
        40: ("", 4000),
    }
    assert 7 not in listing and len(listing) == 5


def test_a_column_mixing_appended_and_changed_uids_round_trips() -> None:
    model: dict[int, int] = {}
    column = UidMap(int)
    for uid in range(1, 20_001):
        model[uid] = column[uid] = uid
        if uid % 997 == 0:  # now and then an earlier message changes or goes
            model[uid // 2] = column[uid // 2] = 7
            del model[uid - 1], column[uid - 1]
        if uid % 3_001 == 0:
            column = UidMap.from_json(int, json.loads(json.dumps(column.to_json())))
    column = UidMap.from_json(int, json.loads(json.dumps(column.to_json())))
    assert dict(column) == model and len(column) == len(model)
