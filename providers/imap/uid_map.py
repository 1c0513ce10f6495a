"""A per-UID column of a folder's sync state, compact in memory and on disk.

A folder of 200,000 messages has 200,000 merge bases and sizes. As dicts they cost tens
of MiB and a tenth of a second to build from the state file and as much to save again,
whatever changed. A ``UidMap`` keeps them as sorted arrays (the state file's packed
columns, unpacked in C) and the changes since beside them, folded in when they grow: a
lookup is a binary search, and a state saved after a few changes writes the arrays as
they were read plus those changes.

On disk a column is ``{"uids": …, "codes": …, "table": […], "changed": {"uids": …,
"codes": …}, "removed": …, "count": n}``: sorted arrays packed by ``_pack`` (compressed
little-endian binary in base64), ``count`` answering ``len`` before the column is
unpacked; a column of text (the flags' letters) stores indexes into ``table``, its few
distinct values, and a column of sizes the sizes themselves. Written with a base file
(``state_base``), the arrays are there instead (``"base": [uids' offset, count, codes'
offset]``), read in place: a run that looks up a few UIDs costs a few binary searches,
not an unpacking. The store always writes a base; the packed form is still read (states
of versions 3 to 5) and written where no file is involved (a state's JSON alone).
"""

from __future__ import annotations

import array
import base64
import binascii
import bisect
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any, Generic, TypeVar

from . import state_base
from .state_base import BaseWriter, Column

MAX_PACKED = 64 * 1024 * 1024  # bytes one packed column may unpack to (16 M UIDs)
FOLD = 4096  # changes kept beside the arrays before they are folded in (or 1/8 of them)
UINT32_MAX = 2**32 - 1

V = TypeVar("V", str, int)


def _pack(numbers: Iterable[int], typecode: str) -> str:
    """A column of numbers as compressed little-endian binary, in base64."""
    packed = array.array(typecode, numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return base64.b64encode(zlib.compress(packed.tobytes(), 1)).decode("ascii")


def _unpack(text: Any, typecode: str) -> array.array[int]:
    """``_pack``'s column back; ``ValueError`` for anything malformed or too large."""
    if not isinstance(text, str):
        raise ValueError("a packed column is not text")
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(base64.b64decode(text, validate=True), MAX_PACKED)
    except (zlib.error, binascii.Error) as exc:
        raise ValueError(f"a packed column cannot be read ({exc})") from exc
    packed = array.array(typecode)
    if inflater.unconsumed_tail or not inflater.eof or len(data) % packed.itemsize:
        raise ValueError("a packed column is truncated or too large")
    packed.frombytes(data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


class UidMap(MutableMapping[int, V], Generic[V]):
    """UID -> value (letters or a size): sorted arrays plus the changes since. One read
    from a state file is unpacked (and checked) when first used, or by ``check``."""

    def __init__(self, kind: type[V], items: Iterable[tuple[int, V]] = ()) -> None:
        self._kind: type[V] = kind
        self._table: list[str] = []  # the distinct letters, for a column of text
        self._index: dict[str, int] = {}
        self._uids: Column = array.array("I")  # or views of a base file, as read
        self._codes: Column = array.array("Q")  # a size, or an index into ``_table``
        self._changed: dict[int, V] = dict(items)  # folded in below, or when many
        self._removed: set[int] = set()
        self._saved: dict[str, Any] | None = None  # the arrays as packed, while unchanged
        self._based: list[int] | None = None  # their place in the base file, while unchanged
        self._packed: tuple[dict[str, Any], str] | None = None  # read, not yet unpacked
        self._base: bytes | None = None  # the base file a column read names
        self._count: Any = None  # how many UIDs a column read says it holds
        self._hint = False  # read without checking the order (see ``from_json``)
        for uid, value in self._changed.items():
            self._valid(uid, value)
        self._length = len(self._changed)
        if self._changed:
            self._fold()

    # ------------------------------------------------------------------ the mapping

    def _position(self, uid: int) -> int:
        """The index of ``uid`` in the arrays, or -1."""
        at = bisect.bisect_left(self._uids, uid)
        return at if at < len(self._uids) and self._uids[at] == uid else -1

    def _value(self, code: int) -> V:
        return self._table[code] if self._kind is str else code  # type: ignore[return-value]

    def _own(self) -> tuple[array.array[int], array.array[int]]:
        """The arrays as arrays of this column's own (a base's views are read-only)."""
        if not isinstance(self._uids, array.array):
            self._uids = array.array("I", self._uids)
        if not isinstance(self._codes, array.array):
            self._codes = array.array("Q", self._codes)
        return self._uids, self._codes

    def _code(self, value: V) -> int:
        if not isinstance(value, str):
            return value
        if value not in self._index:
            self._index[value] = len(self._table)
            self._table.append(value)
        return self._index[value]

    def __getitem__(self, uid: int) -> V:
        self.check()
        if uid in self._changed:
            return self._changed[uid]
        at = -1 if uid in self._removed else self._position(uid)
        if at < 0:
            raise KeyError(uid)
        return self._value(self._codes[at])

    def __contains__(self, uid: object) -> bool:
        self.check()
        if uid in self._changed:
            return True
        return type(uid) is int and uid not in self._removed and self._position(uid) >= 0

    def _valid(self, uid: int, value: V) -> None:
        if (
            type(uid) is not int
            or not 0 < uid <= UINT32_MAX
            or type(value) is not self._kind
            or (isinstance(value, int) and not 0 <= value < 2**64)
        ):
            raise ValueError(f"UID {uid!r}: {value!r} is not a {self._kind.__name__} for it")

    def __setitem__(self, uid: int, value: V) -> None:
        self._valid(uid, value)
        self.check()
        if not (self._changed or self._removed) and (not self._uids or uid > self._uids[-1]):
            uids, codes = self._own()  # after every other UID: the arrays stay sorted
            uids.append(uid)
            codes.append(self._code(value))
            self._length += 1
            self._saved = self._based = None
            return
        if uid not in self:
            self._length += 1
        self._removed.discard(uid)
        self._changed[uid] = value
        if len(self._changed) > max(FOLD, len(self._uids) // 8):
            self._fold()

    def __delitem__(self, uid: int) -> None:
        if uid not in self:
            raise KeyError(uid)
        self._changed.pop(uid, None)
        if self._position(uid) >= 0:
            self._removed.add(uid)
        self._length -= 1

    def __iter__(self) -> Iterator[int]:
        self.check()
        hidden = self._removed | self._changed.keys()
        yield from (uid for uid in self._uids if uid not in hidden) if hidden else self._uids
        yield from list(self._changed)

    def __len__(self) -> int:
        if self._packed is not None and type(self._count) is int:
            return self._count  # checked when unpacked
        self.check()
        return self._length

    def __repr__(self) -> str:
        return f"UidMap({dict(self.items())!r})"

    def compact(self) -> None:
        """Fold in the changes if they are many, so that the next runs read them fast."""
        if len(self._changed) + len(self._removed) > FOLD:
            self._fold()

    def _fold(self) -> None:
        """Merge the changes into the arrays (keeping them sorted): appended when they all
        come after the arrays' last UID (a folder being received), else merged."""
        added = sorted((uid, self._code(value)) for uid, value in self._changed.items())
        if self._removed or (added and self._uids and added[0][0] <= self._uids[-1]):
            hidden = self._removed | self._changed.keys()
            kept = [
                pair for pair in zip(self._uids, self._codes, strict=True) if pair[0] not in hidden
            ]
            added = sorted(kept + added)
            self._uids, self._codes = array.array("I"), array.array("Q")
        uids, codes = self._own()
        uids.extend(uid for uid, _ in added)
        codes.extend(code for _, code in added)
        self._changed, self._removed, self._saved, self._based = {}, set(), None, None

    # ------------------------------------------------------------------ on disk

    @property
    def based(self) -> bool:
        """Whether the arrays are in the base file as it was last written or read."""
        self.check()
        return self._based is not None

    def rebase(self, writer: BaseWriter) -> None:
        """Put the arrays (not the changes beside them) into a new base file."""
        self.check()
        self._based = [*writer.add(self._uids, "I"), writer.add(self._codes, "Q")[0]]

    def to_json(self, *, based: bool = False) -> dict[str, Any]:
        """The column for the state file: the arrays packed once (or, ``based``, their
        place in the base file), and the changes."""
        packed = self._packed
        if packed is not None and packed[1] == "Q" and "base" not in packed[0] and not based:
            return packed[0]  # never unpacked: written back as read
        self.check()
        if based:
            if self._based is None:
                raise ValueError("the column is not in the base file: rebase it first")
            arrays: dict[str, Any] = {"base": self._based}
        else:
            if self._saved is None:  # packed anew: the changes go in too
                self._fold()
                self._saved = {"uids": _pack(self._uids, "I"), "codes": _pack(self._codes, "Q")}
            arrays = self._saved
        changed = sorted((uid, self._code(value)) for uid, value in self._changed.items())
        return {
            **arrays,
            "table": list(self._table),
            "changed": {
                "uids": _pack((uid for uid, _ in changed), "I"),
                "codes": _pack((code for _, code in changed), "Q"),
            },
            "removed": _pack(sorted(self._removed), "I"),
            "count": self._length,
        }

    @classmethod
    def from_json(
        cls,
        kind: type[V],
        data: Any,
        codes: str = "Q",
        *,
        hint: bool = False,
        base: bytes | None = None,
    ) -> UidMap[V]:
        """A column as ``to_json`` wrote it (``codes``: the codes' array type; version 3
        wrote the letters' indexes as ``I``, and no changes), unpacked when first used;
        ``base``: the base file its arrays may be in. A ``hint`` column skips checking its
        order (a tenth of a second at 1,000,000 UIDs): a lookup in a disordered one may
        miss, so its answers must be verified. So is a base's (checked by its CRC-32: we
        wrote it sorted), where a miss can only make a UID look unknown, never delete."""
        if not isinstance(data, dict):
            raise ValueError("a state column is not an object")
        column = cls(kind)
        column._packed, column._count = (data, codes), data.get("count")
        column._hint, column._base = hint, base
        return column

    def check(self) -> None:
        """Unpack a column read from disk; ``ValueError`` if it is malformed in any way."""
        if self._packed is None:
            return
        data, codes = self._packed
        self._packed = None
        try:
            self._unpack(data, codes)
        except (KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise ValueError(f"a state column is malformed ({exc!r})") from exc
        finally:
            self._base = None  # its views keep what they need of it

    def _arrays(self, data: dict[str, Any], codes: str) -> tuple[Column, Column]:
        """The column's arrays: views of the base file, or unpacked from the JSON."""
        if "base" not in data:
            return _unpack(data["uids"], "I"), _unpack(data["codes"], codes)
        place = data["base"]
        if self._base is None or not isinstance(place, list) or len(place) != 3:
            raise ValueError("a state column's base is missing or malformed")
        uids = state_base.view(self._base, place[:2], "I")
        return uids, state_base.view(self._base, [place[2], place[1]], "Q")

    def _unpack(self, data: dict[str, Any], codes: str) -> None:
        uids, values = self._arrays(data, codes)
        based = "base" in data
        table = data.get("table", []) if self._kind is str else []
        changed = data.get("changed", {"uids": "", "codes": ""})
        changed_uids = _unpack(changed["uids"], "I") if changed["uids"] else array.array("I")
        changed_codes = _unpack(changed["codes"], "Q") if changed["codes"] else array.array("Q")
        removed = _unpack(data["removed"], "I") if data.get("removed") else array.array("I")
        if (
            len(values) != len(uids)
            or len(changed_codes) != len(changed_uids)
            or not isinstance(table, list)
            or not all(isinstance(text, str) for text in table)
            or (
                self._kind is str
                and not (
                    state_base.codes_below(values, len(table))
                    and state_base.codes_below(changed_codes, len(table))
                )
            )
            or (not (self._hint or based) and list(uids) != sorted(uids))  # binary search
            or len(set(changed_uids)) != len(changed_uids)
        ):
            raise ValueError("a state column is malformed")
        self._uids, self._codes = uids, array.array("Q", values) if codes != "Q" else values
        for text in table:
            self._code(text)
        self._length = len(uids)
        if based:
            self._based = data["base"]
        elif codes == "Q":
            self._saved = {"uids": data["uids"], "codes": data["codes"]}
        for uid, code in zip(changed_uids, changed_codes, strict=True):  # none folded in yet
            value = self._value(code)
            self._valid(uid, value)
            self._length += self._position(uid) < 0
            self._changed[uid] = value
        for uid in removed:
            if uid in self._changed or self._position(uid) < 0:
                raise ValueError(f"a state column removes UID {uid}, which it does not hold")
            self._removed.add(uid)
        self._length -= len(self._removed)
        if self._count not in (None, self._length):
            raise ValueError(f"a state column holds {self._length} UIDs, not {self._count!r}")


class Listing(Mapping[int, tuple[str, int]]):
    """UID -> (flags as Maildir letters, size): a folder as the server listed it, in two
    columns (a dict of tuples costs ~200 bytes a message, 40 MiB at 200,000)."""

    def __init__(self) -> None:
        self._letters = UidMap(str)
        self._sizes = UidMap(int)

    def add(self, uid: int, letters: str, size: int) -> None:
        self._letters[uid] = letters
        self._sizes[uid] = size

    def __getitem__(self, uid: int) -> tuple[str, int]:
        return self._letters[uid], self._sizes[uid]

    def __contains__(self, uid: object) -> bool:
        return uid in self._letters

    def __iter__(self) -> Iterator[int]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)
