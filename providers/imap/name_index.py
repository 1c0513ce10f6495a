"""Where each message file is, per UID, so a resync touches only the files that changed.

Finding the file of one UID by listing ``new/`` and ``cur/`` costs ~90 ms in a folder of
200,000 messages. The names this provider gives (``<seconds>.M<micros>P<pid>Q<n>.<host>``
then ``,U=<uid>,V=<uidvalidity>[,H]`` and the Maildir info) are rebuilt from three packed
columns: the time stamp, pid and counter as two numbers, and the rest of the name without
the UID (``cur/,V=7:2,S``), one of few distinct texts. A name of any other form is not
indexed: its UID is found by a listing, as are those whose file is not where the index says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .uid_map import UidMap

_UNIQUE = re.compile(r"(?P<s>\d+)\.M(?P<us>\d+)P(?P<pid>\d+)Q(?P<n>\d+)\.(?P<host>[^,]+)")
_SERIAL_BITS = 32  # the counter's; the pid above it


class NameIndex:
    """UID -> the file's place in its folder (``cur/<name>``); never trusted blindly: the
    caller checks the file is there (one ``lstat``) and lists the folder if not."""

    def __init__(self, host: str, columns: Any = None) -> None:
        self._host = host
        self._stamps, self._serials, self._places = UidMap(int), UidMap(int), UidMap(str)
        self._checked = False
        if isinstance(columns, dict):
            try:
                self._stamps = UidMap.from_json(int, columns.get("stamps"))
                self._serials = UidMap.from_json(int, columns.get("serials"))
                self._places = UidMap.from_json(str, columns.get("places"))
            except ValueError:  # checked again when used: dropped then
                pass

    def _unpack(self) -> None:
        """Unpack the columns once; an index that cannot be read, or whose columns
        disagree, is dropped (it only saves time)."""
        if not self._checked:
            self._checked = True
            try:
                for column in (self._stamps, self._serials, self._places):
                    column.check()
                if not len(self._stamps) == len(self._serials) == len(self._places):
                    raise ValueError("the name columns disagree")
            except ValueError:
                self._stamps, self._serials, self._places = UidMap(int), UidMap(int), UidMap(str)

    def __contains__(self, uid: object) -> bool:
        self._unpack()
        return uid in self._places

    def record(self, uid: int, relative: str) -> None:
        """Remember ``relative`` (``cur/<name>``) as the file of ``uid``; a name of another
        form is forgotten instead."""
        sub, _, name = relative.partition("/")
        unique, mark, rest = name.partition(f",U={uid},")
        found = _UNIQUE.fullmatch(unique)
        if not mark or found is None or found["host"] != self._host:
            self.forget(uid)
            return
        stamp = int(found["s"]) * 1_000_000 + int(found["us"])
        serial = int(found["pid"]) << _SERIAL_BITS | int(found["n"])
        place = f"{sub}/,{rest}"
        if (
            int(found["n"]) >> _SERIAL_BITS
            or serial >= 2**64
            or stamp >= 2**64
            or self._unique(stamp, serial) != unique
        ):
            self.forget(uid)  # not the form rebuilt below (leading zeros, say)
            return
        self._unpack()
        self._stamps[uid], self._serials[uid], self._places[uid] = stamp, serial, place

    def forget(self, uid: int) -> None:
        self._unpack()
        for column in (self._stamps, self._serials, self._places):
            column.pop(uid, None)

    def _unique(self, stamp: int, serial: int) -> str:
        seconds, micros = divmod(stamp, 1_000_000)
        pid, number = serial >> _SERIAL_BITS, serial & (2**_SERIAL_BITS - 1)
        return f"{seconds}.M{micros}P{pid}Q{number}.{self._host}"

    def place(self, folder: Path, uid: int) -> Path | None:
        """Where the file of ``uid`` was last seen, or ``None`` if it is not indexed."""
        if uid not in self:
            return None
        sub, _, rest = self._places[uid].partition("/,")
        unique = self._unique(self._stamps[uid], self._serials[uid])
        return folder / sub / f"{unique},U={uid},{rest}"

    def compact(self) -> None:
        for column in (self._stamps, self._serials, self._places):
            column.compact()

    def to_json(self) -> dict[str, Any]:
        return {
            "stamps": self._stamps.to_json(),
            "serials": self._serials.to_json(),
            "places": self._places.to_json(),
        }
