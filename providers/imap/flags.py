"""Message flags: IMAP system flags <-> Maildir info letters, and the two-way merge.

A flag is synchronized by comparing three values: the local one (the Maildir file
name), the server's, and the *base* both sides last agreed on (kept in the folder's
state). A side that differs from the base has changed; flags are booleans, so both
sides can only have changed to the same value and there is never a conflict.

Without a base (the state was lost or is unreadable) nobody can tell which side
changed. Then a flag either side has is kept on both — except a trash mark only this
computer has: it could delete the message on the server, so it is held (neither sent nor
dropped) and the base stays unknown until both sides agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

IMAP_TO_LETTER = {
    b"\\Draft": "D",
    b"\\Flagged": "F",
    b"\\Answered": "R",
    b"\\Seen": "S",
    b"\\Deleted": "T",  # Maildir's "trashed"
}
LETTER_TO_IMAP = {letter: flag for flag, letter in IMAP_TO_LETTER.items()}
SYNCED_LETTERS = frozenset(LETTER_TO_IMAP)


def from_imap(flags: Iterable[bytes | str]) -> str:
    """Maildir letters (sorted, as the Maildir spec wants) for IMAP flags; keywords dropped."""
    letters = {
        IMAP_TO_LETTER.get(flag.encode() if isinstance(flag, str) else flag) for flag in flags
    }
    return "".join(sorted(letter for letter in letters if letter))


def synced(letters: str) -> str:
    """Only the letters this provider synchronizes (``P``, keywords... stay local)."""
    return "".join(sorted(set(letters) & SYNCED_LETTERS))


def keep_local_only(server: str, local: str) -> str:
    """The server's letters plus the local-only ones of ``local`` (for a replaced copy)."""
    return "".join(sorted(set(server) | (set(local) - SYNCED_LETTERS)))


TRASHED = "T"
#: In ``FolderState.refused``, for a message whose file a mail reader deleted and whose
#: ``\Deleted`` the server refused: no file's letters can be "/" (a path separator).
NO_FILE = "/"


@dataclass(frozen=True)
class Merge:
    """The outcome for one message: its new local, server and base flags (``None``: the
    base is still unknown)."""

    local: str
    server: str
    base: str | None


def merge(base: str | None, local: str, server: str, *, upload: bool, download: bool) -> Merge:
    """Three-way merge of synchronized letters (``base=None``: see the module docstring).

    A local change goes to the server only when ``upload``; a server change comes down
    only when ``download``; a change not carried stays pending (the base is kept).
    Letters outside ``SYNCED_LETTERS`` in ``local`` are preserved.
    """
    if base is None:
        return _merge_without_base(local, server, upload=upload, download=download)
    new_local, new_server, new_base = set(local), set(server), set(base)
    for letter in SYNCED_LETTERS:
        in_local, in_server = letter in local, letter in server
        if in_local == in_server:
            agreed = in_local
        elif in_local != (letter in base):  # only the local side changed
            if not upload:
                continue
            agreed = in_local
        else:  # only the server side changed
            if not download:
                continue
            agreed = in_server
        for letters in (new_local, new_server, new_base):
            if agreed:
                letters.add(letter)
            else:
                letters.discard(letter)
    return Merge(
        local="".join(sorted(new_local)),
        server=synced("".join(new_server)),
        base=synced("".join(new_base)),
    )


def _merge_without_base(local: str, server: str, *, upload: bool, download: bool) -> Merge:
    mine, theirs = set(synced(local)), set(server)
    if mine == theirs:
        return Merge(local, synced(server), synced(server))
    if not (upload and download) or (TRASHED in mine and TRASHED not in theirs):
        return Merge(local, synced(server), None)  # held: nothing is changed either way
    agreed = mine | theirs
    return Merge(
        local="".join(sorted(set(local) | agreed)),
        server="".join(sorted(agreed)),
        base="".join(sorted(agreed)),
    )
