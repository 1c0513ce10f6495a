"""The local side: a Maildir++ tree under ``store_dir/Maildir`` and per-folder sync state.

Layout, readable with the standard library's ``mailbox.Maildir(store_dir / "Maildir")``:

* INBOX is the root Maildir; any other server folder ``A<sep>B`` (whatever the server's
  hierarchy separator) is the Maildir++ folder ``.A.B``. Inside a name component ``%``,
  ``.`` and ``/`` are written ``%25``, ``%2E`` and ``%2F``, so every name maps back.
* Each message file is named ``<unique>,U=<uid>,V=<uidvalidity>[,H]`` plus the usual
  ``:2,<flags>`` info; ``,H`` marks a headers-only copy (``SYNC_HEADERS``). The files
  themselves say which server messages are on disk, so a run that died between writing
  a message and saving the state never fetches it twice.
* Messages are stored byte for byte as the server sent them (CRLF line ends).
* ``imap-sync-state.json`` beside each folder's ``cur``/``new``/``tmp`` holds the server
  name, UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ and the flags both sides last agreed on per UID
  (the base of the flag merge).

Writes are atomic: a batch is written into ``tmp/``, made durable with one ``sync()``
(Linux waits for it; elsewhere each file is fsynced), then renamed into ``new/`` or
``cur/``; the directories are fsynced before the state file is replaced (tmp, fsync,
``os.replace``). An interrupted run leaves only whole messages and ``tmp/`` leftovers,
which the next run deletes.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import logging
import mailbox
import os
import re
import socket
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from email.parser import BytesHeaderParser
from pathlib import Path

from app.contract import MAPI_E_BUSY

from .errors import StoreError, SyncError

MAILDIR = "Maildir"
STATE_FILE = "imap-sync-state.json"
LOCK_FILE = ".imap-sync.lock"
STATE_VERSION = 1
_HEAD_BYTES = 64 * 1024  # enough to read a Message-ID from any sane header

_MARK = re.compile(r",U=(?P<uid>\d+),V=(?P<validity>\d+)(?P<headers>,H)?$")
_ESCAPES = str.maketrans({"%": "%25", ".": "%2E", "/": "%2F"})
_HOSTNAME = socket.gethostname().replace("/", r"\057").replace(":", r"\072")
_sequence = itertools.count()


def folder_dir_name(server_name: str, delimiter: str | None) -> str:
    """The Maildir++ folder name (no leading dot) for a server folder; ``""`` for INBOX."""
    if server_name.upper() == "INBOX":
        return ""
    parts = server_name.split(delimiter) if delimiter else [server_name]
    return ".".join(part.translate(_ESCAPES) for part in parts)


def message_id_of(header: bytes) -> str | None:
    """The Message-ID from raw header bytes, or ``None`` (the parser never raises)."""
    value = BytesHeaderParser().parsebytes(header).get("Message-ID")
    return str(value).strip() or None if value else None


@contextlib.contextmanager
def _disk(path: Path) -> Iterator[None]:
    """Report local ``OSError``s as ``StoreError`` so they are never taken for network ones."""
    try:
        yield
    except OSError as exc:
        raise StoreError(path, exc) from exc


def _write_file(path: Path, data: bytes, *, exclusive: bool, fsync: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if fsync:
            os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dirs(*paths: Path) -> None:
    for path in paths:
        _fsync(path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_durable(paths: Iterable[Path]) -> None:
    """Put the files' bytes on disk: one ``sync()`` per batch instead of one fsync each."""
    if sys.platform == "linux":  # Linux's sync() waits until the data is written
        os.sync()
        return
    for path in paths:
        _fsync(path)


@dataclass(frozen=True)
class LocalMessage:
    """One message file, as its name describes it."""

    uid: int
    uidvalidity: int
    headers_only: bool
    path: Path

    @classmethod
    def parse(cls, path: Path) -> LocalMessage | None:
        """``None`` for files this provider did not write (another program's mail)."""
        match = _MARK.search(path.name.partition(":")[0])
        if match is None:
            return None
        return cls(int(match["uid"]), int(match["validity"]), bool(match["headers"]), path)

    @property
    def key(self) -> str:
        return self.path.name.partition(":")[0]

    @property
    def flags(self) -> str:
        """The Maildir info letters (``""`` for a message still in ``new/``)."""
        info = self.path.name.partition(":")[2]
        return info[2:] if info.startswith("2,") else ""

    def size(self) -> int:
        return self.path.stat().st_size

    def message_id(self) -> str | None:
        with self.path.open("rb") as file:
            return message_id_of(file.read(_HEAD_BYTES))


@dataclass
class FolderState:
    """What this folder's last run agreed with the server; see the module docstring."""

    server_name: str
    uidvalidity: int = 0
    uidnext: int = 0
    highestmodseq: int | None = None
    flags: dict[int, str] = field(default_factory=dict)

    @property
    def highest_uid(self) -> int:
        return max(self.flags, default=0)

    def to_json(self) -> dict[str, object]:
        return {
            "version": STATE_VERSION,
            "server_name": self.server_name,
            "uidvalidity": self.uidvalidity,
            "uidnext": self.uidnext,
            "highestmodseq": self.highestmodseq,
            "highest_uid": self.highest_uid,
            "flags": {str(uid): letters for uid, letters in sorted(self.flags.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> FolderState:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unknown state version {data.get('version')!r}")
        flags = data["flags"]
        modseq = data["highestmodseq"]
        if not isinstance(flags, dict) or not isinstance(modseq, int | None):
            raise ValueError("malformed state")
        return cls(
            server_name=str(data["server_name"]),
            uidvalidity=int(str(data["uidvalidity"])),
            uidnext=int(str(data["uidnext"])),
            highestmodseq=modseq,
            flags={int(uid): str(letters) for uid, letters in flags.items()},
        )


@dataclass
class Scan:
    """The folder's message files: current ones by UID, and those of an old UIDVALIDITY."""

    messages: dict[int, LocalMessage]
    orphans: list[LocalMessage]


@dataclass(frozen=True)
class _Staged:
    uid: int
    flags: str
    tmp: Path
    final: Path
    replaces: LocalMessage | None


class LocalFolder:
    """One local Maildir folder and its state; not thread-safe (one run at a time)."""

    def __init__(self, path: Path, state: FolderState) -> None:
        self.path = path
        self.state = state
        self._staged: list[_Staged] = []

    def scan(self, uidvalidity: int) -> Scan:
        """List the message files; delete the extra copy an interrupted upgrade left."""
        found: dict[tuple[int, int], LocalMessage] = {}
        with _disk(self.path):
            for sub in ("new", "cur"):
                for entry in os.scandir(self.path / sub):
                    message = LocalMessage.parse(Path(entry.path))
                    if message is None:
                        continue
                    ident = (message.uidvalidity, message.uid)
                    kept = found.setdefault(ident, message)
                    if kept is not message:  # keep the full copy over a headers-only one
                        keep, drop = sorted((kept, message), key=lambda m: m.headers_only)
                        drop.path.unlink()
                        found[ident] = keep
        return Scan(
            messages={uid: m for (v, uid), m in found.items() if v == uidvalidity},
            orphans=[m for (v, _uid), m in found.items() if v != uidvalidity],
        )

    def stage(
        self,
        uid: int,
        data: bytes,
        flags: str,
        *,
        headers_only: bool,
        replaces: LocalMessage | None = None,
    ) -> None:
        """Write a received message into ``tmp/``; ``commit`` makes it visible."""
        seconds, micros = divmod(time.time_ns() // 1000, 1_000_000)
        name = (
            f"{seconds}.M{micros}P{os.getpid()}Q{next(_sequence)}.{_HOSTNAME}"
            f",U={uid},V={self.state.uidvalidity}{',H' if headers_only else ''}"
        )
        tmp = self.path / "tmp" / name
        final = self.path / "cur" / f"{name}:2,{flags}" if flags else self.path / "new" / name
        with _disk(tmp):
            _write_file(tmp, data, exclusive=True, fsync=False)
        self._staged.append(_Staged(uid, flags, tmp, final, replaces))

    def commit(self) -> None:
        """Make staged messages durable and visible, then record them in the state."""
        staged, self._staged = self._staged, []
        if not staged:
            return
        with _disk(self.path):
            _make_durable(item.tmp for item in staged)
            for item in staged:
                os.rename(item.tmp, item.final)
                if item.replaces is not None:
                    item.replaces.path.unlink(missing_ok=True)
                self.state.flags[item.uid] = item.flags
            _fsync_dirs(self.path / "new", self.path / "cur")
        self.save_state()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Commit whatever was staged even when the batch is cut short (cancel, error)."""
        try:
            yield
        finally:
            self.commit()

    def set_flags(self, message: LocalMessage, letters: str) -> LocalMessage:
        """Rename the file, as a mail reader would; returns the message at its new path."""
        target = self.path / "cur" / f"{message.key}:2,{letters}"
        with _disk(target):
            os.rename(message.path, target)
        return replace(message, path=target)

    def rekey(self, message: LocalMessage, uid: int, uidvalidity: int) -> None:
        """Give a copy from an old UIDVALIDITY its new UID, keeping its flags."""
        key = _MARK.sub(
            f",U={uid},V={uidvalidity}{',H' if message.headers_only else ''}", message.key
        )
        target = message.path.with_name(key + message.path.name[len(message.key) :])
        with _disk(target):
            os.rename(message.path, target)

    def remove(self, message: LocalMessage) -> None:
        with _disk(message.path):
            message.path.unlink(missing_ok=True)

    def save_state(self) -> None:
        """Replace the state file atomically: tmp, fsync, ``os.replace``, fsync the folder."""
        target = self.path / STATE_FILE
        tmp = self.path / f"{STATE_FILE}.tmp"
        data = json.dumps(self.state.to_json(), separators=(",", ":")).encode()
        with _disk(target):
            _write_file(tmp, data, exclusive=False, fsync=True)
            os.replace(tmp, target)
            _fsync_dirs(self.path)


class MaildirStore:
    """The account's local store: folders by server name, and the one-run-at-a-time lock."""

    def __init__(self, store_dir: Path, logger: logging.Logger) -> None:
        self.store_dir = store_dir
        self.root = store_dir / MAILDIR
        self._log = logger

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Refuse a second concurrent run on the same store (the OS drops the lock if we die)."""
        lock_path = self.store_dir / LOCK_FILE
        with _disk(lock_path):
            self.store_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SyncError(
                    MAPI_E_BUSY,
                    f"Another synchronization is already using the local store {self.store_dir}.",
                ) from None
            yield
        finally:
            os.close(fd)

    def folder(self, server_name: str, delimiter: str | None) -> LocalFolder:
        """Open (creating it if needed) the local folder of a server folder."""
        name = folder_dir_name(server_name, delimiter)
        path = self.root / f".{name}" if name else self.root
        with _disk(path):
            root = mailbox.Maildir(self.root, create=True)
            if name and not (path / "cur").is_dir():
                root.add_folder(name)
                self._log.info("Created local folder '%s'", server_name)
            for leftover in (path / "tmp").iterdir():  # a run that died mid-batch
                if LocalMessage.parse(leftover) is not None:
                    leftover.unlink()
        folder = LocalFolder(path, self._load_state(path, server_name))
        if not (path / STATE_FILE).exists():
            folder.save_state()  # remembers the server name for runs without the hierarchy
        return folder

    def known_folders(self) -> list[str]:
        """Server names of the folders synchronized before, from their state files."""
        if not (self.root / "cur").is_dir():
            return []
        paths = [self.root] + [
            self.root / f".{name}" for name in mailbox.Maildir(self.root).list_folders()
        ]
        names = [
            self._load_state(path, "").server_name for path in paths if (path / STATE_FILE).exists()
        ]
        return [name for name in names if name]

    def _load_state(self, path: Path, server_name: str) -> FolderState:
        state_path = path / STATE_FILE
        try:
            return FolderState.from_json(json.loads(state_path.read_bytes()))
        except FileNotFoundError:
            return FolderState(server_name)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Safe to start over: the message files carry their UIDs, nothing is refetched.
            self._log.warning("Ignoring unreadable sync state %s (%s)", state_path, exc)
            return FolderState(server_name)
