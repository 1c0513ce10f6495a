"""Read-only look into a local store: a Maildir++ tree as providers write it.

Every file here was written by a provider, or by anyone with access to the folder, so
each is hostile input: no read follows a symlink (a link out of the store is never
opened), a file is read only so far (headers: ``HEADER_BYTES``; a preview:
``PREVIEW_BYTES``), any encoding is decoded with replacement, and what cannot be read
comes back as a ``Problem`` the view shows in the message's row — reading never raises.

Folders and message names come from ``os.scandir`` (names and link types without a
``stat`` per file, and without ``mailbox.Maildir``'s habit of following links and reading
whole messages); the flags are the ``mailbox`` module's Maildir info, the headers and
text the ``email`` package's.
"""

from __future__ import annotations

import contextlib
import email.utils
import itertools
import mailbox
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import Message, MIMEPart
from email.parser import BytesHeaderParser, BytesParser
from enum import Enum
from pathlib import Path
from urllib.parse import unquote

from sendreceive.mail.outbox import DEFAULT_STORE_NAME

MAILDIR = "Maildir"  # where a provider's Maildir lives in its store (the IMAP one's)
HEADER_BYTES = 64 * 1024  # read for a row: any sane header section fits
PREVIEW_BYTES = 2 * 1024 * 1024  # read for a preview: the text part of most mail
PREVIEW_CHARS = 200_000  # shown of a text part at most
FIELD_CHARS = 500  # kept of one header (a Subject of a megabyte is not laid out)
MAX_FOLDERS = 10_000
MAX_LISTED = 1_000_000  # files listed of one folder: their paths take ~150 MB already
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


class Problem(Enum):
    """Why a folder or a message could not be shown (the view words it)."""

    LINK = "link"  # a symlink: never followed
    NOT_A_FILE = "not-a-file"
    GONE = "gone"  # moved or deleted since it was listed
    UNREADABLE = "unreadable"  # an OS error; ``detail`` says which
    HEADER_TOO_BIG = "header-too-big"
    NO_TEXT = "no-text"  # no plain-text part
    TRUNCATED = "truncated"  # the preview shows only the start


@dataclass(frozen=True)
class StoreFolder:
    """One Maildir folder: its path in the store (``("Sent Items",)``; ``()`` is the root,
    the Inbox) and how many messages it holds (``MAX_LISTED`` + 1: more than that)."""

    path: Path
    names: tuple[str, ...]
    count: int
    problem: Problem | None = None


@dataclass(frozen=True)
class MessageRow:
    """What a message list shows of one message, from its header section only."""

    file: Path
    sender: str
    subject: str
    date: datetime | None
    size: int
    flags: str  # Maildir letters: D F P R S T
    problem: Problem | None = None
    detail: str = ""


@dataclass(frozen=True)
class MessageText:
    """A message's plain text for a preview, and why it may be partial."""

    text: str
    problem: Problem | None = None
    detail: str = ""


def account_maildir(store_dir: Path) -> Path:
    """The Maildir in an account's store: ``Maildir`` inside it (the IMAP provider's
    layout) when that exists, the store itself otherwise."""
    inner = store_dir / MAILDIR
    return inner if _is_dir(inner) else store_dir


def default_store_dir(store_root: Path) -> Path:
    """The default store (Outbox, Sent Items) under the stores' root."""
    return Path(os.path.abspath(store_root)) / DEFAULT_STORE_NAME


def folders(root: Path) -> list[StoreFolder]:
    """The root (when it holds mail) and each ``.A.B`` Maildir++ folder, named ``A/B``
    as a person reads it (the IMAP provider's ``%XX`` escapes undone); none for a missing
    or linked root."""
    if not _is_dir(root):
        return []
    found = []
    if _is_maildir(root):
        found.append(_folder(root, ()))
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if len(found) >= MAX_FOLDERS:
                break
            if not entry.name.startswith(".") or entry.name in (".", ".."):
                continue
            names = tuple(unquote(part, errors="replace") for part in entry.name[1:].split("."))
            path = root / entry.name
            if entry.is_symlink():
                found.append(StoreFolder(path, names, 0, Problem.LINK))
            elif entry.is_dir(follow_symlinks=False) and _is_maildir(path):
                found.append(_folder(path, names))
    return sorted(found, key=lambda f: [n.casefold() for n in f.names])


def message_files(folder: Path) -> list[Path]:
    """The folder's message files (``new`` and ``cur``), newest name first: Maildir names
    begin with the delivery time, so no file is opened to order them. At most
    ``MAX_LISTED`` + 1 (one more says that there are more than can be shown)."""
    listed = itertools.islice(_files(folder), MAX_LISTED + 1)
    return sorted(listed, key=lambda p: p.name, reverse=True)


def rows(files: Sequence[Path]) -> list[MessageRow]:
    """The rows of ``files``, a page at a time: only each header section is read."""
    return [row(path) for path in files]


def row(path: Path) -> MessageRow:
    """One message's row; a ``Problem`` instead of what could not be read."""
    flags = _flags(path.name)
    try:
        with _open(path) as file:
            size = os.fstat(file.fileno()).st_size
            head = file.read(HEADER_BYTES)
    except _UnreadableError as exc:
        return MessageRow(path, "", "", None, 0, flags, exc.problem, exc.detail)
    cut = _header_end(head)
    if cut is None and len(head) >= HEADER_BYTES:
        return MessageRow(path, "", "", None, size, flags, Problem.HEADER_TOO_BIG)
    message = BytesHeaderParser(policy=policy.compat32).parsebytes(head[:cut])
    return MessageRow(
        path,
        _field(message, "from"),
        _field(message, "subject"),
        _date(_field(message, "date")),
        size,
        flags,
    )


def text(path: Path) -> MessageText:
    """The message's plain text, from its first ``PREVIEW_BYTES``."""
    try:
        with _open(path) as file:
            data = file.read(PREVIEW_BYTES + 1)
    except _UnreadableError as exc:
        return MessageText("", exc.problem, exc.detail)
    cut = len(data) > PREVIEW_BYTES
    try:
        message = BytesParser(policy=policy.default).parsebytes(data[:PREVIEW_BYTES])
        part = message.get_body(preferencelist=("plain",))
        if part is None:
            return MessageText("", Problem.NO_TEXT)
        body = _content(part)
    except Exception as exc:  # the email package breaks on some malformed mail
        return MessageText("", Problem.UNREADABLE, type(exc).__name__)
    if cut or len(body) > PREVIEW_CHARS:
        return MessageText(body[:PREVIEW_CHARS], Problem.TRUNCATED)
    return MessageText(body)


class _UnreadableError(Exception):
    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.detail = detail


def _open(path: Path) -> contextlib.closing[_Reader]:
    """``path`` opened without following a link, known to be a regular file."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise _UnreadableError(Problem.GONE) from None
    except OSError as exc:
        # O_NOFOLLOW on a link: ELOOP (Linux) or EMLINK (BSD)
        if os.path.islink(path):
            raise _UnreadableError(Problem.LINK) from None
        raise _UnreadableError(Problem.UNREADABLE, exc.strerror or str(exc)) from None
    reader = _Reader(fd)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _UnreadableError(Problem.NOT_A_FILE)
    except BaseException:
        reader.close()
        raise
    return contextlib.closing(reader)


class _Reader:
    """A file descriptor read a bounded amount at a time."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def read(self, limit: int) -> bytes:
        chunks = []
        left = limit
        try:
            while left > 0:
                chunk = os.read(self._fd, min(left, 1024 * 1024))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        except OSError as exc:
            raise _UnreadableError(Problem.UNREADABLE, exc.strerror or str(exc)) from None
        return b"".join(chunks)

    def close(self) -> None:
        os.close(self._fd)


def _files(folder: Path) -> Iterator[Path]:
    for sub in ("new", "cur"):
        if not _is_dir(folder / sub):  # a linked ``cur`` may lead anywhere: not listed
            continue
        with contextlib.suppress(OSError), os.scandir(folder / sub) as entries:
            yield from (folder / sub / e.name for e in entries if not e.name.startswith("."))


def _folder(path: Path, names: tuple[str, ...]) -> StoreFolder:
    return StoreFolder(path, names, sum(1 for _ in itertools.islice(_files(path), MAX_LISTED + 1)))


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _is_maildir(path: Path) -> bool:
    return _is_dir(path / "cur") or _is_dir(path / "new")


def _flags(name: str) -> str:
    """The Maildir info's flags, as ``mailbox`` reads them (``cur`` names only carry any)."""
    _, colon, info = name.partition(":")
    message = mailbox.MaildirMessage()
    if colon:
        message.set_info(info)
    return "".join(sorted(message.get_flags()))


def _header_end(head: bytes) -> int | None:
    """Where the header section ends (after its blank line), if within ``head``."""
    ends = [i + len(mark) for mark in (b"\r\n\r\n", b"\n\n") if (i := head.find(mark)) >= 0]
    if head.startswith((b"\n", b"\r\n")):
        return 0
    return min(ends) if ends else None


def _field(message: Message, name: str) -> str:
    """A header as one line of text, bounded, its encoded words decoded and broken bytes
    replaced. Read as unstructured text (an address too, as it was written): a fifth of
    the cost of the default policy's address parser, paid for every row."""
    raw = next((v for k, v in message.raw_items() if k.lower() == name), None)
    if raw is None:
        return ""
    try:
        text = str(policy.default.header_factory("subject", raw[: 4 * FIELD_CHARS]))
    except Exception:  # the parser breaks on some malformed headers: shown as written
        text = raw.encode("utf-8", "replace").decode("utf-8", "replace")
    return " ".join(text.split())[:FIELD_CHARS]


def _date(value: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _content(part: MIMEPart) -> str:
    """A text part decoded by its charset, or with replacement when that fails."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
