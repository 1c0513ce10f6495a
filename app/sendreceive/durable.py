"""Writing files so that a crash leaves either the old bytes or the new ones, never half,
and so that no other user can read them.

One owner for the pattern the profile editor, the Outbox and the IMAP store all need:
write beside the target, fsync, ``os.replace`` over it, fsync the folder. What the app
writes may hold mail, server replies and passwords a provider leaked, so every file it
creates is 0600 and every folder 0700.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def fsync_path(path: Path) -> None:
    """Flush a file's or a folder's entries to disk (a rename is durable once its folder
    is synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private_dirs(path: Path) -> None:
    """``path`` and its missing parents, each created 0700; existing ones are left alone."""
    missing = []
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(PRIVATE_DIR)
        except FileExistsError:  # made meanwhile by another process
            continue


def open_private(path: Path) -> BinaryIO:
    """``path`` created or truncated for writing, 0600 whatever its mode was."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
    except OSError:
        os.close(fd)
        raise
    return open(fd, "wb")


def create_private(path: Path) -> BinaryIO:
    """A new file ``path`` (never an existing one, nor through a symlink), readable and
    writable by its owner only."""
    return open(
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, PRIVATE_FILE), "wb"
    )


def write_synced(path: Path, data: bytes) -> None:
    """Create ``path`` (private) with ``data``, on disk when this returns."""
    with create_private(path) as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def replace_atomically(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """``data`` in ``path`` or, whatever happens, the file as it was: a temporary file
    beside it (removed on failure), fsynced, renamed over it, the folder fsynced."""
    replace_written(path, lambda file: file.write(data), mode)


def replace_written(
    path: Path, write: Callable[[BinaryIO], object], mode: int = PRIVATE_FILE
) -> None:
    """``replace_atomically`` with the bytes ``write`` puts into the file as it makes
    them, so that a big file is never whole in memory first."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_path(path.parent)
