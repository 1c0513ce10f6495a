"""The FETCH batch follows the server's latency within fixed bounds on count and bytes."""

from __future__ import annotations

from sendreceive.providers.imap.batching import (
    FAST,
    MAX_COUNT,
    MIN_COUNT,
    PARSED_COST,
    SLOW,
    AdaptiveBatch,
    Part,
    parts,
)

KIB = 1024


def _part(sizes: list[int]) -> Part:
    (part,) = parts(((uid, size) for uid, size in enumerate(sizes, 1)), len(sizes))
    return part


def test_fast_full_batches_grow_to_the_bound_and_slow_ones_shrink_to_the_floor() -> None:
    batch = AdaptiveBatch(250, 64 * 1024 * KIB)
    batch.took(FAST / 2, 250)
    assert batch.count == 500
    for _ in range(10):
        batch.took(FAST / 2, batch.count)
    assert batch.count == MAX_COUNT
    batch.took(SLOW * 2, MAX_COUNT)
    assert batch.count == MAX_COUNT // 2
    for _ in range(20):
        batch.took(SLOW * 2, batch.count)
    assert batch.count == MIN_COUNT


def test_a_short_batch_or_a_middling_time_leaves_the_count_alone() -> None:
    batch = AdaptiveBatch(100, 64 * 1024 * KIB)
    batch.took(FAST / 2, 40)  # the end of a part: says little about the round trip
    batch.took((FAST + SLOW) / 2, 100)
    assert batch.count == 100


def test_the_start_is_kept_within_the_bounds() -> None:
    assert AdaptiveBatch(1, KIB).count == MIN_COUNT
    assert AdaptiveBatch(10**9, KIB).count == MAX_COUNT


def test_a_batch_holds_at_most_count_messages_and_the_byte_budget() -> None:
    batch = AdaptiveBatch(MIN_COUNT, 10 * (KIB + PARSED_COST))
    part = _part([KIB] * 30)
    assert [uid for uid, _ in batch.take(part, 0)] == list(range(1, 11))
    assert [uid for uid, _ in batch.take(part, 25)] == list(range(26, 31))
    heavy = _part([5 * KIB, 5 * KIB, 5 * KIB, 20 * KIB, KIB])
    assert batch.take(heavy, 0) == [(1, 5 * KIB), (2, 5 * KIB)]
    assert batch.take(heavy, 3) == [(4, 20 * KIB)]  # too big for the budget: alone


def test_the_budget_counts_what_each_message_costs_once_parsed() -> None:
    """Tiny messages (or headers-only ones, announced as 0) are bounded by what their
    parsed answers hold, not only by their bytes."""
    batch = AdaptiveBatch(MAX_COUNT, 100 * PARSED_COST)
    assert len(batch.take(_part([0] * MAX_COUNT), 0)) == 100
    assert len(batch.take(_part([PARSED_COST] * MAX_COUNT), 0)) == 50


def test_parts_cut_a_folder_into_runs_of_consecutive_messages() -> None:
    cut = list(parts(((uid, uid * 10) for uid in range(1, 12)), 5))
    assert [list(part.uids) for part in cut] == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11]]
    assert list(cut[2].sizes) == [110]
