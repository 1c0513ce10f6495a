"""Where each message file is, per UID, so a resync touches only the files that changed.

Finding the file of one UID by listing ``new/`` and ``cur/`` costs ~90 ms in a folder of
200,000 messages. The names this provider gives (``<seconds>.M<micros>P<pid>Q<n>.<host>``
then ``,U=<uid>,V=<uidvalidity>[,H]`` and the Maildir info) are rebuilt from two packed
columns: the time stamp, and the pid and counter with the index of the rest of the name
without the UID (``cur/,V=7:2,S``) in a short table. A name of any other form is not
indexed. The columns are read as hints (``UidMap.from_json(hint=True)``: not checked, so
not a cost that grows with the folder); every answer is checked against the file itself
by the caller, who lists the folder when a file is not where the index says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .state_base import BaseWriter
from .uid_map import UidMap

_UNIQUE = re.compile(r"(?P<s>\d+)\.M(?P<us>\d+)P(?P<pid>\d+)Q(?P<n>\d+)\.(?P<host>[^,]+)")
_COUNTER_BITS, _PID_BITS, _PLACE_BITS = 32, 22, 10  # a serial's fields, low to high
MAX_PLACES = 2**_PLACE_BITS  # distinct name endings (flag combinations) indexed
_PLACE = re.compile(r"(?:new|cur)/,[^/\0]{1,300}")  # never outside the folder


def _field(serial: int, low: int, bits: int) -> int:
    return serial >> low & ((1 << bits) - 1)


class NameIndex:
    """UID -> the file's place in its folder (``cur/<name>``): a hint, see the module."""

    def __init__(self, host: str, columns: Any = None, base: bytes | None = None) -> None:
        self._host = host
        self._stamps, self._serials, self._places = UidMap(int), UidMap(int), list[str]()
        self._read_places: Any = []  # as read: checked when unpacked
        self._checked = False
        if isinstance(columns, dict):
            try:
                self._stamps = UidMap.from_json(int, columns.get("stamps"), hint=True, base=base)
                self._serials = UidMap.from_json(int, columns.get("serials"), hint=True, base=base)
                self._read_places = columns.get("places")
            except ValueError:  # not columns at all: dropped
                self._stamps, self._serials, self._checked = UidMap(int), UidMap(int), True

    def _unpack(self) -> None:
        """Unpack the columns once; an index that cannot be read, or whose columns
        disagree, is dropped (it only saves time)."""
        if self._checked:
            return
        self._checked = True
        try:
            self._stamps.check()
            self._serials.check()
            places = self._read_places
            if (
                len(self._stamps) != len(self._serials)
                or not isinstance(places, list)
                or len(places) > MAX_PLACES
                or not all(isinstance(p, str) and _PLACE.fullmatch(p) for p in places)
            ):
                raise ValueError("the name columns disagree")
            self._places = list(places)
        except ValueError:
            self._stamps, self._serials, self._places = UidMap(int), UidMap(int), []

    def __contains__(self, uid: object) -> bool:
        self._unpack()
        return uid in self._serials

    def record(self, uid: int, relative: str) -> None:
        """Remember ``relative`` (``cur/<name>``) as the file of ``uid``; a name of another
        form is forgotten instead."""
        self._unpack()
        sub, _, name = relative.partition("/")
        unique, mark, rest = name.partition(f",U={uid},")
        found = _UNIQUE.fullmatch(unique)
        place = f"{sub}/,{rest}"
        if (
            not mark
            or found is None
            or found["host"] != self._host
            or not _PLACE.fullmatch(place)
            or int(found["pid"]) >> _PID_BITS
            or int(found["n"]) >> _COUNTER_BITS
            or (place not in self._places and len(self._places) == MAX_PLACES)
        ):
            self.forget(uid)
            return
        if place not in self._places:
            self._places.append(place)
        stamp = int(found["s"]) * 1_000_000 + int(found["us"])
        serial = (
            self._places.index(place) << _PID_BITS | int(found["pid"])
        ) << _COUNTER_BITS | int(found["n"])
        if stamp >= 2**64 or self._unique(stamp, serial) != unique:
            self.forget(uid)  # not the form rebuilt below (leading zeros, say)
            return
        self._stamps[uid], self._serials[uid] = stamp, serial

    def forget(self, uid: int) -> None:
        self._unpack()
        self._stamps.pop(uid, None)
        self._serials.pop(uid, None)

    def _unique(self, stamp: int, serial: int) -> str:
        seconds, micros = divmod(stamp, 1_000_000)
        pid = _field(serial, _COUNTER_BITS, _PID_BITS)
        return f"{seconds}.M{micros}P{pid}Q{_field(serial, 0, _COUNTER_BITS)}.{self._host}"

    def place(self, folder: Path, uid: int) -> Path | None:
        """Where the file of ``uid`` was last seen, or ``None`` if it is not indexed."""
        self._unpack()
        stamp, serial = self._stamps.get(uid), self._serials.get(uid)
        at = None if serial is None else _field(serial, _COUNTER_BITS + _PID_BITS, _PLACE_BITS)
        if stamp is None or serial is None or at is None or at >= len(self._places):
            return None
        sub, _, rest = self._places[at].partition("/,")
        return folder / sub / f"{self._unique(stamp, serial)},U={uid},{rest}"

    def compact(self) -> None:
        self._stamps.compact()
        self._serials.compact()

    @property
    def based(self) -> bool:
        """Whether the columns are in the base file as it was last written or read."""
        self._unpack()
        return self._stamps.based and self._serials.based

    def rebase(self, writer: BaseWriter) -> None:
        self._unpack()
        self._stamps.rebase(writer)
        self._serials.rebase(writer)

    def to_json(self, *, based: bool = False) -> dict[str, Any]:
        if based:
            self._unpack()
        return {
            "stamps": self._stamps.to_json(based=based),
            "serials": self._serials.to_json(based=based),
            "places": self._places if self._checked else self._read_places,
        }
