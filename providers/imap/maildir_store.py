"""The local side: a Maildir++ tree under ``store_dir/Maildir`` and per-folder sync state.

Layout, readable with the standard library's ``mailbox.Maildir(store_dir / "Maildir")``:

* INBOX is the root Maildir; any other server folder ``A<sep>B`` (whatever the server's
  hierarchy separator) is the Maildir++ folder ``.A.B``. Inside a name component ``%``,
  ``.``, ``/``, control characters and lone surrogates are written as ``%XX`` escapes of
  their UTF-8 bytes and an empty component as ``%-``, so no name is empty, ``.``, ``..``
  or outside the Maildir. A name too long for the file system keeps a readable prefix
  and ends in ``~`` and a digest of the server name. Each folder's state names the server
  folder that owns it; a second server folder that maps onto a taken name gets the
  digest form instead, so two server folders never share a local one.
* Each message file is named ``<unique>,U=<uid>,V=<uidvalidity>[,H]`` plus the usual
  ``:2,<flags>`` info; ``,H`` marks a headers-only copy (``SYNC_HEADERS``). The files
  themselves say which server messages are on disk, so a run that died between writing
  a message and saving the state never fetches it twice.
* Messages are stored byte for byte as the server sent them (CRLF line ends).
* ``imap-sync-state.json`` beside each folder's ``cur``/``new``/``tmp`` holds the server
  name (decoded and as sent), UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, the flags both sides
  last agreed on per UID (the base of the flag merge) and the size of each file written,
  so a file whose name claims a UID it does not hold is noticed, not trusted, and where
  each file was last seen (``name_index``: a resync finds a changed message's file
  without listing the folder; only a hint, checked before it is used). The
  per-UID columns are packed (compressed binary in base64: a million messages in a few
  megabytes, read in a fraction of a second, made into dicts only when used); states
  written as JSON objects by older versions are still read. Since version 6 the columns'
  arrays are in a base file beside it, read in place, and a save after a few changes
  rewrites only the JSON state (see ``state_base``).
* ``imap-account.json`` in the store directory names the server and user the store
  belongs to; a store of another account is refused, never synchronized.
* Only files this provider knows it wrote (their UIDs are in the state) are ever deleted;
  several files claiming one UID, files of an unknown UIDVALIDITY, entries that are not
  files and an unreadable state are reported, kept, and left out of the upload.

Writes are atomic: a batch is written into ``tmp/``, made durable with one ``sync()``
(Linux waits for it; elsewhere each file is fsynced), then renamed into ``new/`` or
``cur/``; the directories are fsynced before the state file is replaced (tmp, fsync,
``os.replace``). An interrupted run leaves only whole messages and ``tmp/`` leftovers,
which the next run deletes.
"""

from __future__ import annotations

import array
import contextlib
import errno
import fcntl
import hashlib
import itertools
import json
import logging
import mailbox
import os
import re
import socket
import stat
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

from sendreceive.contract import MAPI_E_BUSY, MAPI_E_CORRUPT_DATA, MAPI_E_NO_ACCESS
from sendreceive.durable import fsync_path, replace_atomically

from . import state_base
from .errors import StoreError, SyncError
from .flags import NO_FILE, synced
from .folders import ServerFolder
from .name_index import NameIndex
from .state_base import BaseWriter
from .uid_map import UidMap

MAILDIR = "Maildir"
STATE_FILE = "imap-sync-state.json"
OWNER_FILE = "imap-account.json"
LOCK_FILE = ".imap-sync.lock"
STATE_VERSION = 6  # 1 and 2 (JSON objects), 3 (packed, without changes), 4 (no names),
# 5 (the columns packed in the JSON state, no base file) still read
_HEAD_BYTES = 64 * 1024  # enough to read a Message-ID from any sane header
_NAME_BYTES = 200  # a Maildir++ name's budget: NAME_MAX is 255, and tools add suffixes
_KEPT_BYTES = 120  # the readable prefix of a name that was too long
_LISTED_FILES = 10  # files named in one report; the rest are counted

_MARK = re.compile(r",U=(?P<uid>\d+),V=(?P<validity>\d+)(?P<headers>,H)?$")
_HOSTNAME = socket.gethostname().replace("/", r"\057").replace(":", r"\072")
_sequence = itertools.count()

Report = Callable[[int, str], None]  # an Error for the dialog: (HRESULT, text)


def _escape(part: str) -> str:
    if not part:
        return "%-"
    return "".join(
        "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        if char in "%./" or not char.isprintable() or "\ud800" <= char <= "\udfff"
        else char
        for char in part
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def folder_dir_name(server_name: str, delimiter: str | None) -> str:
    """The Maildir++ folder name (no leading dot) for a server folder; ``""`` for INBOX."""
    if server_name.upper() == "INBOX":
        return ""
    parts = server_name.split(delimiter) if delimiter else [server_name]
    name = ".".join(_escape(part) for part in parts)
    if len(name.encode()) <= _NAME_BYTES:
        return name
    return _digest_name(name, server_name)


def _digest_name(name: str, server_name: str) -> str:
    """A readable prefix of ``name`` and a digest of the server name: unique, short."""
    prefix = name.encode()[:_KEPT_BYTES].decode(errors="ignore")
    cut = prefix.rfind("%", len(prefix) - 2)  # never end in half an escape
    return f"{prefix[:cut] if cut != -1 else prefix}~{_digest(server_name)}"


def message_id_of(header: bytes) -> str | None:
    """The Message-ID from raw header bytes, or ``None`` (the parser never raises)."""
    value = BytesHeaderParser().parsebytes(header).get("Message-ID")
    return str(value).strip() or None if value else None


def listing(paths: Iterable[Path]) -> str:
    """File names for a report: the first few, then how many more."""
    names = sorted(str(path) for path in paths)
    shown = ", ".join(names[:_LISTED_FILES])
    more = len(names) - _LISTED_FILES
    return shown + (f" and {more:,} more" if more > 0 else "")


@contextlib.contextmanager
def _disk(path: Path) -> Iterator[None]:
    """Report local ``OSError``s as ``StoreError`` so they are never taken for network ones."""
    try:
        yield
    except OSError as exc:
        raise StoreError(path, exc) from exc


def _append(fd: int, data: bytes) -> None:
    """Write all of ``data`` (``os.write`` may take only part of it)."""
    with memoryview(data) as view:
        while view:
            view = view[os.write(fd, view) :]


class Incoming:
    """A message being written into ``tmp/`` as it arrives, piece by piece, so that no
    message is ever whole in memory; ``LocalFolder.stage`` then makes it part of the
    batch, ``discard`` drops it."""

    def __init__(self, uid: int, path: Path, *, headers_only: bool) -> None:
        self.uid = uid
        self.path = path
        self.headers_only = headers_only
        self.size = 0
        with _disk(path):
            self._fd: int | None = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)

    def write(self, data: bytes) -> None:
        if self._fd is None:
            raise ValueError(f"{self.path} is closed")
        with _disk(self.path):
            _append(self._fd, data)
        self.size += len(data)

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with _disk(self.path):
                os.close(fd)

    def discard(self) -> None:
        self.close()
        with _disk(self.path):
            self.path.unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"Incoming(uid={self.uid}, size={self.size}, path={str(self.path)!r})"


def _fsync_dirs(*paths: Path) -> None:
    for path in paths:
        fsync_path(path)


def _make_durable(paths: Iterable[Path]) -> None:
    """Put the files' bytes on disk: one ``sync()`` per batch instead of one fsync each."""
    if sys.platform == "linux":  # Linux's sync() waits until the data is written
        os.sync()
        return
    for path in paths:
        fsync_path(path)


def _make_maildir(path: Path, *, subfolder: bool) -> bool:
    """Create what is missing of a Maildir (a Maildir++ subfolder also gets its
    ``maildirfolder`` marker); whether anything was missing."""
    missing = [sub for sub in ("cur", "new", "tmp") if not (path / sub).is_dir()]
    for sub in missing:
        (path / sub).mkdir(parents=True, exist_ok=True)
    if subfolder and missing:
        (path / "maildirfolder").touch()
    return bool(missing)


@dataclass(frozen=True, slots=True)
class LocalMessage:
    """One message file, as its name describes it (its directory shared with the other
    files': a folder scanned holds 200,000 of these, a ``Path`` each would cost ~500 B)."""

    uid: int
    uidvalidity: int
    headers_only: bool
    directory: Path
    name: str

    @classmethod
    def parse(cls, directory: Path, name: str) -> LocalMessage | None:
        """``None`` for files this provider did not write (another program's mail)."""
        match = _MARK.search(name.partition(":")[0])
        if match is None:
            return None
        return cls(
            int(match["uid"]), int(match["validity"]), bool(match["headers"]), directory, name
        )

    @property
    def path(self) -> Path:
        return self.directory / self.name

    @property
    def key(self) -> str:
        return self.name.partition(":")[0]

    @property
    def flags(self) -> str:
        """The Maildir info letters (``""`` for a message still in ``new/``)."""
        info = self.name.partition(":")[2]
        return info[2:] if info.startswith("2,") else ""

    def size(self) -> int:
        return self.path.stat().st_size

    def message_id(self) -> str | None:
        with self.path.open("rb") as file:
            return message_id_of(file.read(_HEAD_BYTES))


def _columns(data: dict[str, Any], base: bytes | None) -> tuple[UidMap[str], UidMap[int]]:
    """A state's merge bases and sizes, in whichever version wrote them."""
    if data["version"] in (4, 5, STATE_VERSION):
        return (
            UidMap.from_json(str, data["flags"], base=base),
            UidMap.from_json(int, data["sizes"], base=base),
        )
    if data["version"] == 3:  # packed, the letters' indexes 32-bit, no changes beside
        flags, sizes = data["flags"], data["sizes"]
        if not isinstance(flags, dict) or not isinstance(sizes, dict):
            raise ValueError("malformed flags or sizes")
        return (
            UidMap.from_json(
                str,
                {"uids": flags["uids"], "codes": flags["index"], "table": flags["letters"]},
                codes="I",
            ),
            UidMap.from_json(int, {"uids": sizes["uids"], "codes": sizes["sizes"]}),
        )
    old_flags, old_sizes = _old_flags_and_sizes(data["flags"], data.get("sizes", {}))
    return UidMap(str, old_flags.items()), UidMap(int, old_sizes.items())


def _old_flags_and_sizes(flags: Any, sizes: Any) -> tuple[dict[int, str], dict[int, int]]:
    """Versions 1 and 2: JSON objects keyed by the UID's text."""
    if (
        not isinstance(flags, dict)
        or not isinstance(sizes, dict)
        or not all(isinstance(letters, str) for letters in flags.values())
        or not all(type(size) is int and size >= 0 for size in sizes.values())
    ):
        raise ValueError("malformed state")
    return (
        {int(uid): letters for uid, letters in flags.items()},
        {int(uid): size for uid, size in sizes.items()},
    )


RACY_NS = 2_000_000_000  # a directory changed this close to a mark may change unseen


@dataclass(frozen=True)
class LocalMark:
    """The change times of a folder's ``new/`` and ``cur/`` (any file added, removed or
    renamed, a flag change included, changes them), when they were read, and whether the
    messages may be headers-only copies. Unchanged times then mean unchanged files,
    unless a directory changed within ``RACY_NS`` of the reading (the times' own
    granularity): such a mark proves nothing, as git's racy index entries."""

    new_ns: int
    cur_ns: int
    taken_ns: int
    headers_only: bool

    def to_json(self) -> list[int | bool]:
        return [self.new_ns, self.cur_ns, self.taken_ns, self.headers_only]

    @classmethod
    def from_json(cls, data: Any) -> LocalMark | None:
        if data is None:
            return None
        if not (
            isinstance(data, list)
            and len(data) == 4
            and all(type(value) is int for value in data[:3])
            and type(data[3]) is bool
        ):
            raise ValueError("malformed local mark")
        return cls(*data)


@dataclass
class FolderState:
    """What this folder's last run agreed with the server; see the module docstring.

    ``flags`` holds the merge base of the UIDs whose base is known; ``sizes`` the UIDs
    whose files this provider wrote, with their sizes (the only files it may delete).
    ``local_mark``: the ``new/`` and ``cur/`` directories as a run that left the folder
    in agreement with the server saw them. ``refused``: the local letters of messages
    whose flag change the server refused, a conflict kept as it is (not sent again)
    until they change; ``read_only``: the server last opened the folder read-only (said
    once, when it becomes so); ``mailbox_id``: the server's MAILBOXID (RFC 8474), which
    survives a rename; ``missing``: gone from the server's list (said once).
    """

    server_name: str
    server_wire: str = ""
    uidvalidity: int = 0
    uidnext: int = 0
    highestmodseq: int | None = None
    flags: UidMap[str] = field(default_factory=lambda: UidMap(str))
    sizes: UidMap[int] = field(default_factory=lambda: UidMap(int))
    refused: dict[int, str] = field(default_factory=dict)
    read_only: bool = False
    local_mark: LocalMark | None = None
    mailbox_id: str = ""
    missing: bool = False
    names: NameIndex = field(  # only a hint: not part of what was agreed
        default_factory=lambda: NameIndex(_HOSTNAME), compare=False, repr=False
    )
    base: dict[str, Any] | None = field(  # the base file last written or read
        default=None, compare=False, repr=False
    )

    def check(self) -> None:
        """Unpack the per-UID columns, left packed until used (a quiet resync needs
        none); ``ValueError`` if they are malformed."""
        self.flags.check()
        self.sizes.check()

    def compact(self) -> None:
        """Fold many changes into the columns: a folder just received in full."""
        self.flags.compact()
        self.sizes.compact()
        self.names.compact()

    def owns(self, server: ServerFolder) -> bool:
        """Whether this state belongs to ``server`` (older states know only the name)."""
        if self.server_wire:
            return self.server_wire == server.wire
        return self.server_name == server.name

    def knows(self, uid: int) -> bool:
        """Whether the file of ``uid`` was written by this provider."""
        return uid in self.sizes or uid in self.flags

    def forget(self, uid: int) -> None:
        self.flags.pop(uid, None)
        self.sizes.pop(uid, None)
        self.refused.pop(uid, None)
        self.names.forget(uid)

    def save(self, folder: Path) -> None:
        """Write the state file into ``folder``, and a new base file first if a column's
        arrays changed (see ``state_base`` for the order that survives a kill)."""
        old = self.base
        columns = (self.flags, self.sizes, self.names)
        if old is None or not all(column.based for column in columns):
            writer = BaseWriter()
            for column in columns:
                column.rebase(writer)
            self.base = writer.write(folder)
        replace_atomically(folder / STATE_FILE, json.dumps(self.to_json(based=True)).encode())
        if old is not None and old is not self.base:
            (folder / old["file"]).unlink(missing_ok=True)

    def to_json(self, *, based: bool = False) -> dict[str, object]:
        """The state file's contents; ``based``: the columns' arrays in ``base``."""
        return {
            "version": STATE_VERSION,
            **({"base": self.base} if based else {}),
            "server_name": self.server_name,
            "server_wire": self.server_wire,
            "uidvalidity": self.uidvalidity,
            "uidnext": self.uidnext,
            "highestmodseq": self.highestmodseq,
            "flags": self.flags.to_json(based=based),
            "sizes": self.sizes.to_json(based=based),
            "refused": {str(uid): letters for uid, letters in sorted(self.refused.items())},
            "read_only": self.read_only,
            "local_mark": None if self.local_mark is None else self.local_mark.to_json(),
            "mailbox_id": self.mailbox_id,
            "missing": self.missing,
            "names": self.names.to_json(based=based),
        }

    @classmethod
    def from_json(cls, data: Any, base: bytes | None = None) -> FolderState:
        """Raises ``ValueError`` (or ``KeyError``/``TypeError``) for anything malformed;
        ``base``: the base file ``data["base"]`` names, read (``state_base.read``)."""
        if not isinstance(data, dict) or data.get("version") not in (1, 2, 3, 4, 5, STATE_VERSION):
            raise ValueError("not a sync state of a known version")
        refused = data.get("refused", {})
        flags, sizes = _columns(data, base)
        modseq = data["highestmodseq"]
        numbers = (data["uidvalidity"], data["uidnext"])
        if (
            not isinstance(refused, dict)
            or type(data.get("read_only", False)) is not bool
            or not all(type(number) is int and number >= 0 for number in numbers)
            or not (modseq is None or type(modseq) is int)
            or not all(isinstance(letters, str) for letters in refused.values())
        ):
            raise ValueError("malformed state")
        return cls(
            server_name=str(data["server_name"]),
            server_wire=str(data.get("server_wire", "")),
            uidvalidity=numbers[0],
            uidnext=numbers[1],
            highestmodseq=modseq,
            flags=flags,
            sizes=sizes,
            refused={int(uid): letters for uid, letters in refused.items()},
            read_only=data.get("read_only", False),
            local_mark=LocalMark.from_json(data.get("local_mark")),
            mailbox_id=str(data.get("mailbox_id", "")),
            missing=data.get("missing", False) is True,
            names=NameIndex(_HOSTNAME, data.get("names"), base),
            base=data.get("base") if base is not None else None,
        )


def _named(directory: Path, uids: Collection[int]) -> Iterator[os.DirEntry[str]]:
    """The entries of ``directory`` whose name claims one of ``uids``, picked by one
    regular expression (in C) instead of a parse per file (a big folder has 200,000)."""
    if not uids:
        return
    alternatives = "|".join(str(uid) for uid in sorted(uids))
    wanted = re.compile(f",U=(?:{alternatives}),V=")
    with os.scandir(directory) as entries:
        yield from (entry for entry in entries if wanted.search(entry.name))


@dataclass
class Scan:
    """The folder's message files, sorted by how far they can be trusted.

    ``messages``: one trusted file per UID of the current UIDVALIDITY. ``orphans``: files
    of another UIDVALIDITY. ``ambiguous``: UIDs claimed by several files. ``suspects``:
    files whose size is not the size written for their UID. ``strays``: entries named
    like messages that are not regular files.
    """

    messages: dict[int, LocalMessage] = field(default_factory=dict)
    orphans: list[LocalMessage] = field(default_factory=list)
    ambiguous: dict[int, list[LocalMessage]] = field(default_factory=dict)
    suspects: list[LocalMessage] = field(default_factory=list)
    strays: list[Path] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.orphans or self.ambiguous or self.suspects or self.strays)


@dataclass(frozen=True)
class _Staged:
    uid: int
    flags: str
    size: int
    tmp: Path
    final: Path
    replaces: LocalMessage | None


class LocalFolder:
    """One local Maildir folder and its state; not thread-safe (one run at a time)."""

    def __init__(self, path: Path, state: FolderState) -> None:
        self.path = path
        self.state = state
        self._looked_ns: int | None = None  # when the files were last found as the state says
        self._staged: list[_Staged] = []

    def scan(self, uidvalidity: int, only: Collection[int] | None = None) -> Scan:
        """Sort the message files (see ``Scan``), or only those of the UIDs ``only`` (found
        in the directory listing without parsing every name); deletes only the
        headers-only copy that an interrupted upgrade to the full message left behind."""
        looked = time.time_ns()
        found: dict[tuple[int, int], list[LocalMessage]] = defaultdict(list)
        sizes: dict[LocalMessage, int] = {}  # from the directory entries: no second stat
        scan = Scan()
        with _disk(self.path):
            for sub in ("new", "cur"):
                directory = self.path / sub
                entries = os.scandir(directory) if only is None else _named(directory, only)
                for entry in entries:
                    message = LocalMessage.parse(directory, entry.name)
                    if message is None:
                        continue
                    if not entry.is_file(follow_symlinks=False):
                        scan.strays.append(message.path)
                        continue
                    found[message.uidvalidity, message.uid].append(message)
                    if message.uid in self.state.sizes:
                        sizes[message] = entry.stat(follow_symlinks=False).st_size
            for (validity, uid), copies in found.items():
                if validity != uidvalidity:
                    scan.orphans.extend(copies)
                    continue
                copies = self._without_interrupted_upgrade(copies)
                recorded = self.state.sizes.get(uid)
                if recorded is not None:  # a file must hold what its name claims
                    scan.suspects.extend(m for m in copies if sizes[m] != recorded)
                    copies = [m for m in copies if sizes[m] == recorded]
                if len(copies) == 1:
                    scan.messages[uid] = copies[0]
                elif copies:
                    scan.ambiguous[uid] = copies
        self._index(scan.messages.values(), every=only is not None)
        if only is None:  # every file looked at: what differs, the caller reconciles
            self._looked_ns = looked
        return scan

    def _index(self, messages: Iterable[LocalMessage], *, every: bool) -> None:
        """Record where the files are: ``every`` one (a few, looked for because the index
        was wrong), else those not indexed yet (a state from before the index)."""
        names = self.state.names
        for message in messages:
            if every or (message.uid in self.state.sizes and message.uid not in names):
                names.record(message.uid, f"{message.directory.name}/{message.name}")

    def find(self, uidvalidity: int, uids: Collection[int]) -> Scan | None:
        """``scan(uidvalidity, only=uids)`` from the name index, one ``lstat`` per file, for a
        folder whose directories are unchanged since the mark (so a UID never written has
        no file, and no file was added beside the known ones); ``None`` if any file is not
        where the index says, or not what the state recorded (then ``scan`` tells)."""
        scan = Scan()
        for uid in uids:
            if not self.state.knows(uid):
                continue
            path = self.state.names.place(self.path, uid)
            try:
                st = path.lstat() if path is not None else None
            except OSError:
                return None
            message = LocalMessage.parse(path.parent, path.name) if path and st else None
            if (
                st is None
                or message is None
                or message.uid != uid
                or message.uidvalidity != uidvalidity
                or not stat.S_ISREG(st.st_mode)
                or self.state.sizes.get(uid, st.st_size) != st.st_size
            ):
                return None
            scan.messages[uid] = message
        return scan

    @staticmethod
    def _without_interrupted_upgrade(copies: list[LocalMessage]) -> list[LocalMessage]:
        """A full copy renamed in beside the headers-only one it replaces, with the same
        flags, is a replacement cut short: finish it."""
        if len(copies) != 2:
            return copies
        full, partial = sorted(copies, key=lambda m: m.headers_only)
        if full.headers_only or not partial.headers_only or full.flags != partial.flags:
            return copies
        partial.path.unlink()
        return [full]

    def incoming(self, uid: int, *, headers_only: bool) -> Incoming:
        """A new file in ``tmp/`` for message ``uid``, written as its pieces arrive."""
        seconds, micros = divmod(time.time_ns() // 1000, 1_000_000)
        name = (
            f"{seconds}.M{micros}P{os.getpid()}Q{next(_sequence)}.{_HOSTNAME}"
            f",U={uid},V={self.state.uidvalidity}{',H' if headers_only else ''}"
        )
        return Incoming(uid, self.path / "tmp" / name, headers_only=headers_only)

    def stage(
        self, incoming: Incoming, flags: str, *, replaces: LocalMessage | None = None
    ) -> None:
        """Close a received message in ``tmp/``; ``commit`` makes it visible."""
        incoming.close()
        name = incoming.path.name
        final = self.path / "cur" / f"{name}:2,{flags}" if flags else self.path / "new" / name
        self._staged.append(
            _Staged(incoming.uid, flags, incoming.size, incoming.path, final, replaces)
        )

    def commit(self) -> None:
        """Make staged messages durable and visible, then record them in the state."""
        staged, self._staged = self._staged, []
        if not staged:
            return
        with _disk(self.path):
            _make_durable(item.tmp for item in staged)
            for item in sorted(staged, key=lambda item: item.uid):  # the columns' order
                os.rename(item.tmp, item.final)
                self.state.names.record(item.uid, f"{item.final.parent.name}/{item.final.name}")
                if item.replaces is not None:
                    item.replaces.path.unlink(missing_ok=True)
                self.state.flags[item.uid] = item.flags
                self.state.sizes[item.uid] = item.size
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
        self.state.names.record(message.uid, f"cur/{target.name}")
        return replace(message, directory=target.parent, name=target.name)

    def rekey(self, message: LocalMessage, uid: int, uidvalidity: int) -> None:
        """Give a copy from an old UIDVALIDITY its new UID, keeping its flags."""
        key = _MARK.sub(
            f",U={uid},V={uidvalidity}{',H' if message.headers_only else ''}", message.key
        )
        target = message.path.with_name(key + message.path.name[len(message.key) :])
        with _disk(target):
            os.rename(message.path, target)
            self.state.sizes[uid] = target.stat().st_size
        self.state.names.record(uid, f"{target.parent.name}/{target.name}")

    def _times(self) -> tuple[int, int]:
        with _disk(self.path):
            return (self.path / "new").stat().st_mtime_ns, (self.path / "cur").stat().st_mtime_ns

    def mark(self, *, headers_only: bool) -> None:
        """Remember the directories as they are now, in agreement with the server.

        Only what this run wrote may have changed them since the files were last
        compared with the state (``_looked_ns``): within ``RACY_NS / 2`` of that, any
        other change leaves a time close enough to this mark to make it racy, so the
        next run looks (``racy``). Later than that (a long download, say), a mail
        reader's change meanwhile would hide behind this run's own: the files are
        listed and compared again first, and a folder that does not agree gets no
        mark (the next run compares it in full)."""
        if self._looked_ns is None or time.time_ns() - self._looked_ns >= RACY_NS // 2:
            self.look_and_mark(headers_only=headers_only)
            return
        new_ns, cur_ns = self._times()
        self.state.local_mark = LocalMark(new_ns, cur_ns, time.time_ns(), headers_only)

    def look_and_mark(self, *, headers_only: bool) -> bool:
        """List the files and compare them with the state (``agrees``): if they agree,
        mark the directories as they were before the listing (a change during it then
        shows next time), else drop the mark. Whether they agreed."""
        looked = time.time_ns()
        new_ns, cur_ns = self._times()
        if not self._files_agree(headers_only):
            self.state.local_mark = None
            return False
        self._looked_ns = looked
        self.state.local_mark = LocalMark(new_ns, cur_ns, looked, headers_only)
        return True

    def _files_agree(self, headers_only: bool) -> bool:
        """``agrees`` for the files on disk, read entry by entry with no object per
        message: a folder of 200,000 costs its UIDs in an array (800 KB), not a ``Scan``
        (~120 MB). Any doubt (a file another run must sort out, a duplicate) is a no."""
        state = self.state
        seen = array.array("I")
        with _disk(self.path):
            for sub in ("new", "cur"):
                with os.scandir(self.path / sub) as entries:
                    for entry in entries:
                        key, _, info = entry.name.partition(":")
                        match = _MARK.search(key)
                        if match is None:
                            continue  # another program's file: not synchronized
                        uid = int(match["uid"])
                        size = state.sizes.get(uid)
                        if (
                            int(match["validity"]) != state.uidvalidity
                            or (match["headers"] and not headers_only)
                            or not entry.is_file(follow_symlinks=False)
                            or not self._letters_agree(uid, info[2:] if info[:2] == "2," else "")
                            or (size is not None and entry.stat().st_size != size)
                        ):
                            return False
                        seen.append(uid)
        return len(seen) == self._files_expected() and _distinct(seen)

    def _files_expected(self) -> int:
        """How many message files the state says the folder holds."""
        state = self.state
        return len(state.flags) - sum(letters == NO_FILE for letters in state.refused.values())

    def _letters_agree(self, uid: int, letters: str) -> bool:
        """Whether a file of ``uid`` with these Maildir letters is what the state says:
        its merge base's letters, or those of its change the server refused."""
        refused = self.state.refused.get(uid)
        if refused == NO_FILE or (refused is None and uid not in self.state.flags):
            return False
        expected = self.state.flags[uid] if refused is None else synced(refused)
        return synced(letters) == expected

    def unchanged(self, *, headers_only: bool) -> bool:
        """Whether no message file was added, removed or renamed since the mark (without
        listing them). A headers-only run's mark says nothing to a full run."""
        looked = time.time_ns()
        mark = self._usable_mark(headers_only)
        if mark is None or max(mark.new_ns, mark.cur_ns) > mark.taken_ns - RACY_NS:
            return False
        if self._times() != (mark.new_ns, mark.cur_ns):
            return False
        self._looked_ns = looked
        return True

    def racy(self, *, headers_only: bool) -> bool:
        """Whether the directories' times are the mark's, but the mark was taken too soon
        after a change to prove anything (a run's own writes, usually): listing the files
        and comparing them with the state (``agrees``) tells."""
        mark = self._usable_mark(headers_only)
        return (
            mark is not None
            and max(mark.new_ns, mark.cur_ns) > mark.taken_ns - RACY_NS
            and self._times() == (mark.new_ns, mark.cur_ns)
        )

    def _usable_mark(self, headers_only: bool) -> LocalMark | None:
        mark = self.state.local_mark
        return None if mark is None or (mark.headers_only and not headers_only) else mark

    def agrees(self, scan: Scan, *, headers_only: bool) -> bool:
        """Whether a full ``scan``'s files are what the state says: one trusted file per
        UID with its merge base's letters (a refused change's own letters, or no file),
        full messages unless this run is headers-only, no other message file."""
        if not scan.clean or len(scan.messages) != self._files_expected():
            return False
        return all(
            self._letters_agree(uid, message.flags) and (headers_only or not message.headers_only)
            for uid, message in scan.messages.items()
        )

    def remove(self, message: LocalMessage) -> None:
        with _disk(message.path):
            message.path.unlink(missing_ok=True)

    def save_state(self) -> None:
        with _disk(self.path / STATE_FILE):
            self.state.save(self.path)


def _distinct(uids: array.array[int]) -> bool:
    """Whether no UID is there twice: a bitmap over their range where that is at most
    8 MiB (a folder's UIDs are dense enough), else a set."""
    if not uids:
        return True
    low, high = min(uids), max(uids)
    if high - low >= 1 << 26:
        return len(set(uids)) == len(uids)
    bits = bytearray(((high - low) >> 3) + 1)
    for uid in uids:
        place, bit = (uid - low) >> 3, 1 << ((uid - low) & 7)
        if bits[place] & bit:
            return False
        bits[place] |= bit
    return True


class MaildirStore:
    """The account's local store: its owner, its folders, the one-run-at-a-time lock.

    ``report`` receives the problems of the local store that the run goes on despite
    (an unreadable state file, an entry that is not a message file), as Errors.
    """

    def __init__(self, store_dir: Path, logger: logging.Logger, report: Report) -> None:
        self.store_dir = store_dir
        self.root = store_dir / MAILDIR
        self._log = logger
        self._report = report
        self._read: dict[Path, FolderState] = {}  # by ``states``, for ``folder`` to take

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

    def claim(self, host: str, username: str) -> None:
        """Record whose store this is, or refuse it if it is another account's."""
        path = self.store_dir / OWNER_FILE
        owner = {"host": host.lower(), "username": username}
        try:
            recorded = json.loads(path.read_bytes())
        except FileNotFoundError:
            recorded = None
        except (OSError, ValueError) as exc:
            raise SyncError(
                MAPI_E_CORRUPT_DATA,
                f"The owner record {path} of the local store cannot be read ({exc}); "
                "nothing was synchronized. Delete it if this store is this account's.",
            ) from exc
        if recorded == owner:
            return
        if recorded is not None:
            holder = recorded if isinstance(recorded, dict) else {}
            raise SyncError(
                MAPI_E_NO_ACCESS,
                f"The local store {self.store_dir} belongs to "
                f"{holder.get('username', '?')}@{holder.get('host', '?')}, not to "
                f"{username}@{host}; nothing was synchronized. Give this account a store "
                "of its own (store_dir).",
            )
        with _disk(path):
            replace_atomically(path, json.dumps(owner).encode())

    def folder(self, server: ServerFolder) -> LocalFolder:
        """Open (creating it if needed) the local folder of a server folder."""
        name = folder_dir_name(server.name, server.delimiter)
        path = self._path(name)
        state = self._state(path, server)
        if not state.owns(server):  # another server folder has this name: use the digest
            path = self._path(_digest_name(name, server.wire))
            state = self._state(path, server)
            if not state.owns(server):
                raise StoreError(path, OSError(errno.EEXIST, "taken by another server folder"))
        with _disk(path):
            if _make_maildir(path, subfolder=path != self.root):
                self._log.info("Created local folder '%s'", server.name)
            self._remove_leftovers(path / "tmp")
            for cut_short in path.glob(f".{STATE_FILE}.*.tmp"):  # a state write a kill ended
                if cut_short.is_file() and not cut_short.is_symlink():
                    cut_short.unlink()
            state_base.remove_unnamed(path, state.base["file"] if state.base else None)
        folder = LocalFolder(path, state)
        if state.server_wire != server.wire or not (path / STATE_FILE).is_file():
            state.server_name, state.server_wire = server.name, server.wire
            folder.save_state()  # remembers the folder for runs without the hierarchy
        return folder

    def _state(self, path: Path, server: ServerFolder) -> FolderState:
        """The state ``states`` read already in this run, else read now."""
        read: FolderState | None = self._read.pop(path, None)
        return read if read is not None else self._load_state(path, server)

    def known_folders(self) -> set[str]:
        """Wire names of the folders synchronized before, from their state files."""
        return {state.server_wire or state.server_name for _path, state in self.states()} - {""}

    def states(self) -> list[tuple[Path, FolderState]]:
        """Every local folder with a state file, and that state."""
        if not (self.root / "cur").is_dir():
            return []
        paths = [self.root] + [
            self.root / f".{name}" for name in mailbox.Maildir(self.root).list_folders()
        ]
        found = []
        for path in paths:
            if (path / STATE_FILE).exists():
                state = self._load_state(path, None)
                if state.server_name or state.server_wire:  # read, not a fresh one
                    self._read[path] = state  # a big folder's state is read once a run
                found.append((path, state))
        return found

    def move(self, path: Path, state: FolderState, server: ServerFolder) -> bool:
        """Give the local folder at ``path`` to ``server`` (the same folder, renamed on
        the server); False if the new name's local folder exists already."""
        target = self._path(folder_dir_name(server.name, server.delimiter))
        if target.exists() or path == self.root:
            return False
        with _disk(target):
            os.rename(path, target)
            _fsync_dirs(self.root)
        with contextlib.suppress(KeyError):  # no longer the state of that path
            del self._read[path]
        state.server_name, state.server_wire = server.name, server.wire
        LocalFolder(target, state).save_state()
        return True

    def _path(self, name: str) -> Path:
        return self.root / f".{name}" if name else self.root

    def _remove_leftovers(self, tmp: Path) -> None:
        """Delete the message files a run that died mid-batch left in ``tmp/``."""
        strays = []
        for entry in os.scandir(tmp):
            if LocalMessage.parse(tmp, entry.name) is None:
                continue
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
            else:
                strays.append(Path(entry.path))
        if strays:
            self._report(
                MAPI_E_CORRUPT_DATA,
                f"Skipped {listing(strays)}: named like a message file but not a file. "
                "Move it out of the Maildir.",
            )

    def _load_state(self, path: Path, server: ServerFolder | None) -> FolderState:
        """The folder's state; a fresh one if there is none or it is unreadable (reported,
        and the unreadable file kept beside it)."""
        fresh = FolderState(server.name if server else "", server.wire if server else "")
        state_path = path / STATE_FILE
        try:
            st = state_path.lstat()
            if not stat.S_ISREG(st.st_mode):
                raise ValueError("not a regular file")
            data = json.loads(state_path.read_bytes())
            named = data.get("base") if isinstance(data, dict) else None
            base = None if named is None else state_base.read(path, named)
            return FolderState.from_json(data, base)
        except (FileNotFoundError, NotADirectoryError):
            return fresh
        except (OSError, ValueError, KeyError, TypeError) as exc:
            if server is None:  # only looking: the run that syncs the folder reports it
                return fresh
            return self._unreadable(path, server, exc)

    def check(self, local: LocalFolder, server: ServerFolder) -> None:
        """Unpack the folder state's per-UID columns (see ``FolderState.check``); a state
        whose columns cannot be read is reported and rebuilt, as an unreadable file is."""
        try:
            local.state.check()
        except ValueError as exc:
            local.state = self._unreadable(local.path, server, exc)

    def _unreadable(self, path: Path, server: ServerFolder, exc: Exception) -> FolderState:
        """Keep the unreadable state file beside a fresh state, and say so."""
        state_path = path / STATE_FILE
        kept = state_path.with_name(f"{STATE_FILE}.unreadable-{int(time.time())}")
        with _disk(kept):
            os.rename(state_path, kept)
        self._report(
            MAPI_E_CORRUPT_DATA,
            f"The sync state of folder '{server.name}' ({state_path}) could not be read "
            f"({exc}); it was kept as {kept.name} and rebuilt. Flags that differ "
            "between this computer and the server were combined, and no message was "
            "deleted on either side because of it.",
        )
        return FolderState(server.name, server.wire)
