"""A part's batches, the next one taken early for pipelining: each message once, in
order, and each batch timed once, by its own size, before the next size is chosen."""

from __future__ import annotations

import array

from sendreceive.providers.imap.batching import AdaptiveBatch, Part, parts
from sendreceive.providers.imap.pipeline import Batches

KIB = 1024


class _Recording(AdaptiveBatch):
    """An adaptive batch that doubles after every batch and remembers what it was told."""

    def __init__(self) -> None:
        super().__init__(10, 1024 * KIB)
        self.told: list[int] = []

    def took(self, seconds: float, messages: int) -> None:
        assert seconds >= 0
        self.told.append(messages)
        self.count *= 2


def _part(count: int) -> Part:
    (part,) = parts(((uid, KIB) for uid in range(1, count + 1)), count)
    return part


def test_batches_taken_ahead_or_not_hold_each_message_once_and_are_each_timed_once() -> None:
    sizer = _Recording()
    batches = Batches(_part(100), sizer)
    seen: list[list[int]] = []
    for number, batch in enumerate(batches):
        seen.append([uid for uid, _size in batch])
        if number % 2 == 0:  # asked for ahead: the next is taken (twice is once)
            assert batches.following() is batches.following()
    assert [len(batch) for batch in seen] == [10, 20, 40, 30]  # each size after the timing
    assert [uid for batch in seen for uid in batch] == list(range(1, 101))
    assert sizer.told == [10, 20, 40, 30]
    assert batches.following() == []


def test_an_empty_part_has_no_batch_and_times_nothing() -> None:
    sizer = _Recording()
    assert list(Batches(Part(array.array("I"), array.array("Q")), sizer)) == []
    assert sizer.told == []
