"""``UID SEARCH`` answers read as UID ranges: ESEARCH's compact set, plain SEARCH's
numbers, and nonsense refused (the folder is then compared in full)."""

from __future__ import annotations

import pytest

from sendreceive.providers.imap.changes import ChangesError, searched


def test_an_esearch_answer_is_its_all_set() -> None:
    answer = b'(TAG "A5") UID ALL 1:3,7,9:8'
    assert searched(answer, esearch=True) == [(1, 3), (7, 7), (8, 9)]
    assert searched(b'(TAG "A5") UID', esearch=True) == []  # nothing matched
    assert searched(b"", esearch=True) == []


def test_a_plain_search_answer_is_its_numbers() -> None:
    assert searched(b"2 5 9", esearch=False) == [(2, 2), (5, 5), (9, 9)]


@pytest.mark.parametrize(
    ("answer", "esearch"),
    [(b"2 -5", False), (b"2 99999999999", False), (b'(TAG "A5") UID MAX 7', True)],
)
def test_nonsense_is_refused(answer: bytes, esearch: bool) -> None:
    with pytest.raises(ChangesError):
        searched(answer, esearch=esearch)
