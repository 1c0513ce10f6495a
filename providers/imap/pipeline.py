"""A part's batches in order, each next one chosen early enough to be asked for ahead.

A connection pipelines its FETCH batches (``Receiver``): once a batch's answer is read,
it sends the next batch's UID FETCH, then writes and commits the batch it holds, so the
server prepares the next answer (and the kernel's socket buffers take it, as far as TCP
flow control lets them) while we write. The next batch is therefore taken, its size
chosen, when the answer before it has been read, not when that batch is committed.

The adaptive size (``AdaptiveBatch``) times each batch from the moment the next one is
taken to the moment the one after is: intervals that follow one another, so each is one
batch's share of the connection's time (the wait for its answer that writing the one
before did not hide, then its writing and commit), counted once. A batch whose next one
is not asked for ahead is timed from its start to its commit, as without pipelining.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from .batching import AdaptiveBatch, Part

Batch = list[tuple[int, int]]  # (UID, announced size)


class Batches:
    """``part``'s batches, sized by ``sizer`` (one connection's)."""

    def __init__(self, part: Part, sizer: AdaptiveBatch) -> None:
        self._part = part
        self._sizer = sizer
        self._position = 0
        self._next: Batch | None = None  # taken, not yet handed out
        self._current = 0  # messages in the batch handed out last
        self._since = time.monotonic()

    def __iter__(self) -> Iterator[Batch]:
        while batch := self.following():
            self._next, self._current = None, len(batch)
            yield batch

    def following(self) -> Batch:
        """The batch after the one handed out last (empty at the end of the part); taking
        it ends that one's time."""
        if self._next is None:
            now = time.monotonic()
            if self._current:
                self._sizer.took(now - self._since, self._current)
            self._since = now
            self._next = self._sizer.take(self._part, self._position)
            self._position += len(self._next)
        return self._next
