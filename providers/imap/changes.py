"""What the server says changed since the recorded mod-sequence (RFC 7162).

With QRESYNC, ``SELECT … (QRESYNC …)`` is answered with ``VANISHED (EARLIER) <uid-set>``
for messages expunged since then and an untagged ``FETCH`` (UID, FLAGS, MODSEQ) for
every message whose flags changed or that arrived since then (§3.2.5); with CONDSTORE
alone, ``UID FETCH 1:* (FLAGS) (CHANGEDSINCE …)`` gives the latter. Both are read here,
checked as any server data is (``server_data``), so the sync can apply just those
changes instead of listing the whole folder.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from imapclient.exceptions import ProtocolError
from imapclient.response_parser import parse_fetch_response

from . import server_data

FLAGS, VANISHED, FETCH = b"FLAGS", b"VANISHED", b"FETCH"
EARLIER = b"(EARLIER)"


class ChangesError(ValueError):
    """The answer's changes make no sense; the folder is compared in full instead."""


@dataclass
class Changes:
    """``vanished``: UID ranges expunged; ``flags``: UID -> Maildir letters, changed or new."""

    vanished: list[tuple[int, int]] = field(default_factory=list)
    flags: dict[int, str] = field(default_factory=dict)

    def vanished_of(self, known: Collection[int]) -> set[int]:
        """The ``known`` UIDs that vanished."""
        return within(self.vanished, known)


def within(ranges: list[tuple[int, int]], known: Collection[int]) -> set[int]:
    """The ``known`` UIDs in ``ranges``, each range walked or ``known`` filtered,
    whichever is shorter: a range the server makes huge costs no more than the folder."""
    found: set[int] = set()
    for low, high in ranges:
        if high - low < len(known):
            found.update(uid for uid in range(low, high + 1) if uid in known)
        else:
            found.update(uid for uid in known if low <= uid <= high)
    return found


def uid_ranges(text: bytes) -> list[tuple[int, int]]:
    """An IMAP UID set (``1:3,7,9:*`` without ``*``) as ranges; ``ChangesError`` if bad."""
    ranges = []
    for part in text.split(b","):
        low, _, high = part.partition(b":")
        first, last = _uid(low), _uid(high or low)
        ranges.append((min(first, last), max(first, last)))
    return ranges


def _uid(text: bytes) -> int:
    value = server_data.number(int(text)) if text.isdigit() and len(text) <= 10 else None
    if value is None:
        raise ChangesError(f"a UID set holds {text[:20]!r}")
    return value


def searched(answer: bytes, *, esearch: bool) -> list[tuple[int, int]]:
    """The UID ranges of a ``UID SEARCH`` answer (``uids_in``): ESEARCH's ``ALL``
    set, or plain SEARCH's numbers; ``ChangesError`` if it is neither."""
    if not esearch:
        return [(uid, uid) for uid in map(_uid, answer.split())]
    words = answer.split()
    if not words:
        return []
    if len(words) < 3 or words[-2].upper() != b"ALL":  # (TAG "A5") UID ALL 1:5,7
        if words[-1].upper() == b"UID" or words[-1].endswith(b")"):
            return []  # nothing matched: no ALL
        raise ChangesError(f"an ESEARCH answer reads {answer[:40]!r}")
    return uid_ranges(words[-1])


def read(selected: dict[bytes, Any]) -> Changes:
    """The changes in a QRESYNC SELECT answer (as ``select_changes`` returns it)."""
    changes = Changes()
    for line in selected.get(VANISHED, []):
        if not isinstance(line, bytes):
            raise ChangesError("a VANISHED answer is not text")
        words = line.split()
        if len(words) != 2 or words[0].upper() != EARLIER:
            raise ChangesError(f"a VANISHED answer reads {line[:40]!r}")
        changes.vanished.extend(uid_ranges(words[1]))
    fetched = selected.get(FETCH, [])
    if fetched:
        try:
            parsed = parse_fetch_response(fetched, True, True)
        except (ProtocolError, ValueError, TypeError) as exc:
            raise ChangesError(f"a FETCH answer cannot be read ({exc})") from exc
        changes.flags = flags_of(parsed)
    return changes


def flags_of(fetched: dict[Any, dict[bytes, Any]]) -> dict[int, str]:
    """UID -> letters of a parsed FETCH answer (``CHANGEDSINCE``'s, say)."""
    flags = {}
    for uid, data in fetched.items():
        letters = server_data.letters(data.get(FLAGS))
        if server_data.number(uid) is None or letters is None:
            raise ChangesError(f"a FETCH answer gives UID {uid!r} FLAGS {data.get(FLAGS)!r}")
        flags[uid] = letters
    return flags
