"""Receiving one message straight into its file, a bounded piece at a time.

A FETCH of a whole message reads it into memory however big it is, and the size the
server announced (RFC822.SIZE) may be a lie. Here a message goes in partial FETCHes of
``PIECE_BYTES`` (``BODY.PEEK[]<offset.length>``, RFC 3501 6.4.5), each piece written to
the message's file in ``tmp/`` as it arrives, until a piece comes back short; each
answer is read within ``PIECE_BYTES`` plus ``FETCH_SLACK`` whatever it claims, and a
message that grows past ``max_message_size`` is refused while it arrives. A server that
ignores the partial FETCH and sends a bigger message whole has it written to the file as
it arrives (``Spill``) if it is within ``max_message_size``, else refused unread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .bounded_client import MIB, BoundedClient, Spill
from .maildir_store import Incoming

PIECE_BYTES = 4 * MIB  # a message bigger than this is never whole in memory
FETCH_SLACK = MIB  # what a FETCH answer holds besides the messages themselves
FLAGS = b"FLAGS"


class MessageTooBigError(Exception):
    """The message grew past the limit while it arrived (its announced size lied)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit:,} bytes")
        self.limit = limit


def receive_in_pieces(
    client: BoundedClient, incoming: Incoming, section: str, limit: int, check: Callable[[], None]
) -> Any | None:
    """Write message ``incoming.uid`` of the selected folder (its ``section``: ``""``
    for all of it, ``"HEADER"``) into ``incoming``; return its FLAGS as the server sent
    them, or ``None`` if the server no longer has it. ``check`` runs before each piece
    (Cancel)."""
    uid, flags = incoming.uid, None
    while True:
        check()
        offset = incoming.size
        request = [f"BODY.PEEK[{section}]<{offset}.{PIECE_BYTES}>".encode()]
        whole = Spill(incoming.write, limit if offset == 0 else 0)
        with client.limited(PIECE_BYTES + FETCH_SLACK, PIECE_BYTES), client.spilling(whole):
            answer = client.fetch([uid], request + ([FLAGS] if offset == 0 else []))
        data = answer.get(uid)
        if data is None:  # expunged meanwhile
            return None
        if offset == 0:
            flags = data.get(FLAGS)
        if whole.size:  # the partial FETCH ignored: all of it came, into the file
            return flags
        piece = next((v for k, v in data.items() if k.startswith(b"BODY[")), None)
        if not isinstance(piece, bytes):
            return flags if offset else None  # NIL past the end; none at all: not sent
        if offset + len(piece) > limit:
            raise MessageTooBigError(limit)
        incoming.write(piece)
        if len(piece) < PIECE_BYTES:
            return flags
