"""Reading a file the user named: one rule for profiles, messages and recordings.

A path may name anything: a FIFO (a reader waits for a writer that never comes), a
device (``/dev/zero`` never ends), a directory, a file of gigabytes. Each file is opened
without blocking and checked on the open descriptor (no race between a check and the
open): only a regular file no larger than its kind allows is read, and its lines are
read with a bound on their length, so no file can make the app wait or fill its memory.
Every problem is an ``InputFileError`` that names the file and, where there is one, the
line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sendreceive.printable import ERROR_TEXT_LIMIT, printable


@dataclass(frozen=True)
class FileKind:
    """What a file is meant to be, in words, and how large it may be."""

    name: str  # "a profile"
    expected: str  # what to give instead of a wrong file: "a TOML file"
    max_bytes: int
    max_line: int = 0  # bytes per line for ``lines``; 0: ``max_bytes``


class InputFileError(Exception):
    """A file that cannot be read as its kind; ``str()`` is ``file:line: message`` (or
    ``file: message`` for what concerns the whole file), folded to printable text."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        where = printable(str(path), ERROR_TEXT_LIMIT) + (f":{line}" if line else "")
        super().__init__(f"{where}: {printable(message, ERROR_TEXT_LIMIT)}")


def open_checked(path: Path, kind: FileKind) -> BinaryIO:
    """``path`` opened for reading, once it is known to be a regular file no larger than
    ``kind`` allows; the caller closes it (``with``)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc)) from None
    except ValueError as exc:  # a NUL or a lone surrogate: no file can have this name
        # Said in our words for a NUL: Python's differ by version ("embedded null byte"
        # up to 3.12, "open: embedded null character in path" in 3.13).
        reason = "it contains a NUL character" if "\0" in os.fspath(path) else str(exc)
        raise InputFileError(path, f"is not a usable path ({reason})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = f"{file_kind(info.st_mode)}, not {kind.name}"
            raise InputFileError(path, f"{what}: give the path of {kind.expected}")
        if info.st_size > kind.max_bytes:
            raise InputFileError(path, too_large(kind))
    except OSError as exc:
        os.close(fd)
        raise InputFileError(path, exc.strerror or str(exc)) from None
    except InputFileError:
        os.close(fd)
        raise
    return open(fd, "rb")


def read_checked(path: Path, kind: FileKind) -> bytes:
    """The whole of a small file (a profile), checked as ``open_checked`` does."""
    with open_checked(path, kind) as file:
        try:
            data = file.read(kind.max_bytes + 1)
        except OSError as exc:
            raise InputFileError(path, exc.strerror or str(exc)) from None
    if len(data) > kind.max_bytes:  # it grew since it was checked
        raise InputFileError(path, too_large(kind))
    return data


def lines(file: BinaryIO, path: Path, kind: FileKind) -> Iterator[tuple[int, bytes]]:
    """``(number, line)`` for each line of ``file``, its end of line kept. A line longer
    than ``kind.max_line`` bytes (its end of line counted) is refused before more of it
    is read, and so is a file that grew past ``kind.max_bytes`` since it was opened."""
    limit = kind.max_line or kind.max_bytes
    total = 0
    number = 0
    while True:
        try:
            line = file.readline(limit + 1)
        except OSError as exc:
            raise InputFileError(path, exc.strerror or str(exc), number + 1) from None
        if not line:
            return
        number += 1
        total += len(line)
        if len(line) > limit:
            message = f"a line longer than {_size(limit)}, the most a line of {kind.name} may be"
            raise InputFileError(path, message, number)
        if total > kind.max_bytes:
            raise InputFileError(path, too_large(kind), number)
        yield number, line


def too_large(kind: FileKind) -> str:
    return (
        f"is larger than {_size(kind.max_bytes)}, the most {kind.name} may be: "
        "is this the right file?"
    )


def file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "is a directory"),
        (stat.S_ISFIFO, "is a FIFO (named pipe)"),
        (stat.S_ISCHR, "is a character device"),
        (stat.S_ISBLK, "is a block device"),
        (stat.S_ISSOCK, "is a socket"),
    )
    return next((text for test, text in kinds if test(mode)), "is not a regular file")


def _size(count: int) -> str:
    if count % 2**30 == 0:
        return f"{count // 2**30} GiB"
    if count % 2**20 == 0:
        return f"{count // 2**20} MiB"
    return f"{count:,} bytes"
