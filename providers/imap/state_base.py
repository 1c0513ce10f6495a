"""A folder state's base file: its per-UID columns as fixed-width binary, read in place.

A state of 200,000 messages holds ~7 MB of sorted UIDs and their codes. Packed into the
JSON state (compressed, in base64), every run that touched one UID unpacked them all and
every save packed them all again: tens of milliseconds for one flag change. Beside the
JSON state (``imap-sync-state.<16 hex>.bin``) they are little-endian arrays that a run
reads with one ``read`` and one CRC-32 (a millisecond at 200,000) and looks up in place
(views, no copy), while a save after a few changes writes only the JSON state, whose
columns keep those changes beside their base (``UidMap``). A new base is written when a
column's arrays changed (a fold, a folder being received).

Crash safety: a new base gets a new name and is fsynced before the JSON state that
names it replaces the old one (``replace_atomically``); only then is the old base
removed. A kill at any moment leaves a JSON state and the base it names, plus perhaps
a base no state names, which the next run removes (``remove_unnamed``).
"""

from __future__ import annotations

import array
import os
import re
import secrets
import stat
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from sendreceive.durable import create_private

PREFIX = "imap-sync-state."
_NAME = re.compile(r"imap-sync-state\.[0-9a-f]{16}\.bin")
MAX_BASE = 512 * 1024 * 1024  # bytes: four columns of 10,000,000 UIDs
_ALIGN = 8
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_WIDTH = {"I": 4, "Q": 8}

Column = Sequence[int]  # an ``array.array`` in memory, or a ``memoryview`` of a base
Typecode = Literal["I", "Q"]


class BaseWriter:
    """Collects the columns' arrays for one new base file, each 8-byte aligned, and
    writes them as they are (no copy of the whole base in memory)."""

    def __init__(self) -> None:
        self._parts: list[Column | bytes] = []
        self._size = 0

    def add(self, numbers: Column, typecode: Typecode) -> list[int]:
        """Append one array; its place in the file (``[offset, count]``)."""
        if sys.byteorder == "little" and isinstance(numbers, (array.array, memoryview)):
            part: Column | bytes = numbers  # already the file's form
        else:
            packed = array.array(typecode, numbers)
            if sys.byteorder == "big":
                packed.byteswap()
            part = packed
        place = [self._size, len(numbers)]
        length = len(numbers) * _WIDTH[typecode]
        padding = -length % _ALIGN
        self._parts += [part, bytes(padding)]
        self._size += length + padding
        return place

    def write(self, folder: Path) -> dict[str, Any]:
        """Write the base beside the state, on disk when this returns; the reference the
        JSON state keeps (its name, size and CRC-32)."""
        name = f"{PREFIX}{secrets.token_hex(8)}.bin"
        crc = 0
        with create_private(folder / name) as file:
            for part in self._parts:
                file.write(part)  # type: ignore[arg-type]  # arrays and views are buffers
                crc = zlib.crc32(part, crc)  # type: ignore[arg-type]
            file.flush()
            os.fsync(file.fileno())
        return {"file": name, "size": self._size, "crc": crc}


def read(folder: Path, reference: Any) -> bytes:
    """The base a JSON state names, checked against its size and CRC-32; ``ValueError``
    naming the file for anything else (a missing, foreign, truncated or altered file)."""
    if not (
        isinstance(reference, dict)
        and isinstance(reference.get("file"), str)
        and _NAME.fullmatch(reference["file"])
        and type(reference.get("size")) is int
        and 0 <= reference["size"] <= MAX_BASE
        and type(reference.get("crc")) is int
    ):
        raise ValueError("the state names no valid base file")
    path = folder / reference["file"]
    try:
        fd = os.open(path, _OPEN_FLAGS)  # never waits: a FIFO would, for a writer
    except OSError as exc:
        raise ValueError(f"its base file {path} cannot be opened ({exc.strerror})") from exc
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"its base file {path} is not a regular file")
        if info.st_size != reference["size"]:
            raise ValueError(f"its base file {path} is truncated or altered (size or CRC-32)")
        data = file.read(reference["size"] + 1)
    if len(data) != reference["size"] or zlib.crc32(data) != reference["crc"]:
        raise ValueError(f"its base file {path} is truncated or altered (size or CRC-32)")
    return data


def view(base: bytes, place: Any, typecode: Typecode) -> Column:
    """The array at ``place`` (``[offset, count]``) of a base, in place where it can be
    (little-endian machines); ``ValueError`` if the place is outside it or misaligned."""
    width = _WIDTH[typecode]
    if not (
        isinstance(place, list)
        and len(place) == 2
        and all(type(number) is int and number >= 0 for number in place)
        and place[0] % _ALIGN == 0
        and place[0] + place[1] * width <= len(base)
    ):
        raise ValueError(f"a state column's place {place!r} is not in its base file")
    start, count = place
    numbers = memoryview(base)[start : start + count * width].cast(typecode)
    if sys.byteorder == "little":
        return numbers
    swapped = array.array(typecode, numbers)
    swapped.byteswap()
    return swapped


def codes_below(codes: Column, limit: int) -> bool:
    """Whether every code is below ``limit``: for a view and at most 256 letters'
    combinations, by counting bytes in C (every byte but the lowest of each code is
    zero; the lowest are all below ``limit``), else one by one."""
    if isinstance(codes, memoryview) and sys.byteorder == "little" and limit <= 256:
        raw = codes.tobytes()
        lowest = raw[0::8]
        high_zeros = raw.count(0) - lowest.count(0)
        return high_zeros == 7 * len(lowest) and not lowest.translate(None, bytes(range(limit)))
    return not codes or max(codes) < limit


def remove_unnamed(folder: Path, named: str | None) -> None:
    """Delete the base files beside the state other than ``named``: a kill left them
    (a new base never named, or an old one not yet removed)."""
    for entry in os.scandir(folder):
        unnamed = entry.name != named and _NAME.fullmatch(entry.name)
        if unnamed and entry.is_file(follow_symlinks=False):
            os.unlink(entry.path)
