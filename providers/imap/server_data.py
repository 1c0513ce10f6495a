"""What the server sent, checked before it is trusted.

A hostile or broken server may send a negative UID, a UIDVALIDITY outside 32 bits,
``FLAGS NIL`` or a size that is no number. Each check returns ``None`` for a value the
provider cannot use, so the caller can report that one folder or message and go on.
"""

from __future__ import annotations

from typing import Any

from .flags import from_imap

UINT32_MAX = 2**32 - 1


def number(value: Any, *, low: int = 1, high: int = UINT32_MAX) -> int | None:
    """A UID, UIDVALIDITY or UIDNEXT (RFC 3501 ``nz-number``: 1 to 2**32-1), or a size."""
    if type(value) is not int or not low <= value <= high:
        return None
    return value


def size(value: Any) -> int | None:
    return number(value, low=0, high=2**63 - 1)


def letters(value: Any) -> str | None:
    """The Maildir letters for a FLAGS value, or ``None`` if it is not a list of flags."""
    if not isinstance(value, tuple | list) or not all(
        isinstance(flag, bytes | str) for flag in value
    ):
        return None
    return from_imap(value)
