"""How many messages one UID FETCH asks for: a size that follows the server's latency.

A FETCH costs a round trip plus the server's per-command work (about 3 ms on Dovecot,
40 ms on Cyrus) before the first byte arrives, and each batch is made durable with one
``sync()``. Small batches pay that fixed cost often; large ones hold more in memory and
lose more to a cut-off. So each connection starts at the ``batch_size`` setting, doubles
its count while batches come back faster than ``FAST`` seconds and halves it when one
takes longer than ``SLOW``, always within ``MIN_COUNT``..``MAX_COUNT`` messages and a
fixed byte budget: memory stays bounded whatever the server's speed. The budget counts
what a batch costs once its answer is parsed: each message's announced size plus
``PARSED_COST`` (imaplib's line and tuple, IMAPClient's dict and FLAGS: measured at
~620 bytes a message with tracemalloc, 60% more than a 1 KiB message itself).
"""

from __future__ import annotations

import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MIN_COUNT = 10
MAX_COUNT = 2000
FAST = 0.25  # seconds: a batch quicker than this is mostly round trip, so ask for more
SLOW = 2.0  # seconds: a batch slower than this delays Cancel and progress, so ask for less
PARSED_COST = 640  # bytes a message's parsed FETCH answer holds beside the message


class AdaptiveBatch:
    """The next batch's message count for one connection; not thread-safe (one each)."""

    def __init__(self, start: int, max_bytes: int) -> None:
        self.count = max(MIN_COUNT, min(start, MAX_COUNT))
        self.max_bytes = max_bytes

    def took(self, seconds: float, messages: int) -> None:
        """Adapt to how long the last batch of ``messages`` took (a short last batch of a
        folder, cut by count or bytes, says little about the round trip: it only
        shrinks)."""
        if seconds > SLOW:
            self.count = max(MIN_COUNT, self.count // 2)
        elif seconds < FAST and messages >= self.count:
            self.count = min(MAX_COUNT, self.count * 2)

    def take(self, part: Part, start: int) -> list[tuple[int, int]]:
        """The next batch of ``part`` from message ``start``, as (UID, announced size): at
        most ``count`` messages and ``max_bytes`` bytes once parsed (a single larger
        message alone)."""
        batch: list[tuple[int, int]] = []
        cost = 0
        end = start + self.count
        for uid, message_size in zip(part.uids[start:end], part.sizes[start:end], strict=True):
            if batch and cost + message_size + PARSED_COST > self.max_bytes:
                break
            batch.append((uid, message_size))
            cost += message_size + PARSED_COST
        return batch


@dataclass
class Part:
    """Consecutive messages of one folder, as compact arrays (12 bytes a message, so a
    folder of a million is a few MiB, not a list of tuples ten times that)."""

    uids: array.array[int]
    sizes: array.array[int]

    def __len__(self) -> int:
        return len(self.uids)


def parts(items: Iterable[tuple[int, int]], size: int) -> Iterator[Part]:
    """(UID, announced size) pairs in consecutive parts of ``size`` messages: the pieces
    of work the connections share."""
    part = Part(array.array("I"), array.array("Q"))
    for uid, message_size in items:
        part.uids.append(uid)
        part.sizes.append(message_size)
        if len(part) >= size:
            yield part
            part = Part(array.array("I"), array.array("Q"))
    if len(part):
        yield part
