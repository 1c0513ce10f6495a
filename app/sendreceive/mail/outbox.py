"""The default store: the Outbox and Sent Items every account sends through.

MAPI keeps the Outbox in the default store, apart from any account's own store, and a
transport provider sends what is queued there. Here the default store is a Maildir++
folder tree (``<store root>/default-store``, readable by any Maildir reader) with the
folders ``.Outbox`` and ``.Sent Items``.

A message's state is where its file is and its name, so that every change of state is
one ``rename`` (atomic, and kept by a process killed at any point):

* ``.Outbox/cur/<id>:2,`` — queued;
* ``.Outbox/cur/<id>:2,a`` — being sent: the transport is about to hand the message to
  the server (``begin_sending``). A message found in this state was cut off; it is
  queued again, and may reach the server twice only if the cut fell between the
  server's final reply and ``mark_sent``;
* ``.Sent Items/cur/<id>:2,S`` — sent (``mark_sent``, right after the server's reply).

A message refused for good (``mark_refused``) stays queued with ``refused`` in its JSON
file: the Outbox shows it with the server's reply, and the transport is not offered it
again (``AccountOutbox.pending``) until the user retries it (``retry``) or removes it.

What a Maildir file name cannot hold (the account that sends it, when it was queued,
the last attempt's error) is in a small JSON file per message under ``.Outbox/workbench``,
written before the message appears in the Outbox and replaced atomically.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import os
import secrets
import socket
import time
from collections.abc import Iterator, Sequence
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import BinaryIO

from sendreceive.contract import MessageState, OutgoingMessage
from sendreceive.durable import (
    create_private,
    fsync_path,
    make_private_dirs,
    open_private,
    replace_atomically,
    write_synced,
)
from sendreceive.input_files import InputFileError, open_checked
from sendreceive.mail.message_file import (
    MESSAGE_FILE,
    MessageError,
    UnreadableAddressError,
    address_headers,
    address_text,
    addresses,
    check_file,
    check_stream,
    header_section,
    recipients_of,
)

DEFAULT_STORE_NAME = "default-store"
OUTBOX = "Outbox"
SENT_ITEMS = "Sent Items"
_SENDING_FLAG = "a"  # a Maildir keyword letter: "the transport has begun sending this"


class OutboxError(Exception):
    """A message that cannot be queued, or a store that cannot be used; says why."""


def parse_message(data: bytes) -> EmailMessage:
    """``data``'s headers; ``OutboxError`` for what cannot be sent as it is."""
    try:
        message, _size = check_stream(io.BytesIO(data))
    except MessageError as exc:
        raise OutboxError(exc.message) from None
    return message


class DefaultStore:
    """The Outbox and Sent Items under ``root``; safe to share between processes (every
    change is a rename); one sender per account at once (``AccountOutbox.lock``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.outbox = root / f".{OUTBOX}"
        self.sent_items = root / f".{SENT_ITEMS}"
        self._meta = self.outbox / "workbench"

    def __repr__(self) -> str:
        return f"<DefaultStore {str(self.root)!r}>"

    # ------------------------------------------------------------ putting mail in

    def queue(self, account: str, data: bytes) -> OutgoingMessage:
        """Check ``data`` and queue it for ``account`` (durably: fsynced)."""
        message = parse_message(data)
        self._create()
        msg_id = _unique_name()
        write_synced(self.outbox / "tmp" / msg_id, data)
        return self._enter(account, msg_id, message, len(data))

    def queue_files(self, account: str, paths: Sequence[Path]) -> list[OutgoingMessage]:
        """Queue every file for ``account``, or none of them: each is checked as it is
        copied (streamed, never whole in memory) to the Outbox's ``tmp``, and only once
        all are there do they enter the Outbox. ``OutboxError`` names the file and line."""
        self._create()
        staged: list[tuple[str, EmailMessage, int]] = []
        try:
            for path in paths:
                staged.append(self._stage(path))
        except BaseException:
            for msg_id, _message, _size in staged:
                (self.outbox / "tmp" / msg_id).unlink(missing_ok=True)
            raise
        return [self._enter(account, *item) for item in staged]

    def _stage(self, path: Path) -> tuple[str, EmailMessage, int]:
        """``path`` checked and copied into ``tmp``, on disk; its name there, headers, size."""
        msg_id = _unique_name()
        tmp = self.outbox / "tmp" / msg_id
        try:
            with create_private(tmp) as copy:
                message, size = check_file(path, copy)
                copy.flush()
                os.fsync(copy.fileno())
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, InputFileError):
                raise OutboxError(str(exc)) from None
            raise
        return msg_id, message, size

    def _enter(
        self, account: str, msg_id: str, message: EmailMessage, size: int
    ) -> OutgoingMessage:
        """Move a checked message from ``tmp`` into the Outbox, its metadata first."""
        meta: dict[str, object] = {"account": account, "queued_at": time.time()}
        self._write_meta(msg_id, meta)
        os.rename(self.outbox / "tmp" / msg_id, self.outbox / "cur" / f"{msg_id}:2,")
        fsync_path(self.outbox / "cur")
        return self._describe(message, msg_id, account, size, MessageState.QUEUED, meta)

    def remove(self, msg_id: str) -> None:
        """Take a message out of the Outbox unsent."""
        path = self._outbox_file(msg_id)
        path.unlink()
        with contextlib.suppress(FileNotFoundError):
            (self._meta / f"{msg_id}.json").unlink()

    # ------------------------------------------------------------ reading

    def messages(self, account: str | None = None) -> list[OutgoingMessage]:
        """The Outbox, oldest first; ``account``: only that account's."""
        found = [m for m in self._read(self.outbox) if account is None or m.account == account]
        return sorted(found, key=lambda m: (m.queued_at, m.id))

    def sent(self, account: str | None = None) -> list[OutgoingMessage]:
        found = [m for m in self._read(self.sent_items) if account is None or m.account == account]
        return sorted(found, key=lambda m: (m.queued_at, m.id))

    def content(self, msg_id: str) -> bytes:
        with self.open_content(msg_id) as file:
            return file.read()

    def open_content(self, msg_id: str) -> BinaryIO:
        """The message's file opened for reading, by the rule of every input file: it is
        the user's Outbox, anything may have been put there."""
        try:
            return open_checked(self._outbox_file(msg_id), MESSAGE_FILE)
        except InputFileError as exc:
            raise OutboxError(str(exc)) from None

    # ------------------------------------------------------------ the transport's steps

    def begin_sending(self, msg_id: str) -> None:
        """Just before the message's data goes to the server."""
        path = self._outbox_file(msg_id)
        os.rename(path, path.with_name(f"{msg_id}:2,{_SENDING_FLAG}"))

    def mark_sent(self, msg_id: str) -> None:
        """Right after the server accepted it: one rename into Sent Items."""
        make_private_dirs(self.sent_items / "cur")
        os.rename(self._outbox_file(msg_id), self.sent_items / "cur" / f"{msg_id}:2,S")
        fsync_path(self.sent_items / "cur")
        fsync_path(self.outbox / "cur")

    def mark_not_sent(self, msg_id: str, error: str) -> None:
        """Refused for now or cut off: queued again, with ``error`` for the Outbox view."""
        self._set_aside(msg_id, {"last_error": error})

    def mark_refused(self, msg_id: str, error: str) -> None:
        """Refused for good: kept, with ``error``, and not sent again until ``retry``."""
        self._set_aside(msg_id, {"last_error": error, "refused": True})

    def _set_aside(self, msg_id: str, changes: dict[str, object]) -> None:
        """Not sent: its JSON file changed in one write, then its name back to queued
        (a kill between the two leaves it "being sent": it is tried again)."""
        self._write_meta(msg_id, {**self._read_meta(msg_id), **changes})
        path = self._outbox_file(msg_id)
        if not path.name.endswith(":2,"):
            os.rename(path, path.with_name(f"{msg_id}:2,"))

    def retry(self, msg_id: str) -> None:
        """The user's Retry: a refused message is offered to the transport again."""
        self._outbox_file(msg_id)  # OutboxError when it is no longer there
        meta = self._read_meta(msg_id)
        meta.pop("refused", None)
        self._write_meta(msg_id, meta)

    def lock_file(self, account: str) -> Path:
        """The file whose ``flock`` holds ``account``'s Outbox (named by a digest: an
        account's name may hold any character)."""
        digest = hashlib.sha256(account.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self._meta / "locks" / f"{digest}.lock"

    # ------------------------------------------------------------ files

    def _create(self) -> None:
        for folder in (self.root, self.outbox, self.sent_items):
            for sub in ("cur", "new", "tmp"):
                make_private_dirs(folder / sub)
        for folder in (self.outbox, self.sent_items):
            if not (folder / "maildirfolder").exists():
                open_private(folder / "maildirfolder").close()
        make_private_dirs(self._meta)

    def _outbox_file(self, msg_id: str) -> Path:
        for path in self._files(self.outbox):
            if path.name.partition(":")[0] == msg_id:
                return path
        raise OutboxError(f"no message {msg_id} in the Outbox")

    @staticmethod
    def _files(folder: Path) -> Iterator[Path]:
        for sub in ("new", "cur"):
            with contextlib.suppress(FileNotFoundError):
                yield from (p for p in (folder / sub).iterdir() if not p.name.startswith("."))

    def _read(self, folder: Path) -> list[OutgoingMessage]:
        found = []
        for path in self._files(folder):
            msg_id, _, info = path.name.partition(":")
            try:  # the headers only: a message may be tens of MiB
                with path.open("rb") as file:
                    size = os.fstat(file.fileno()).st_size
                    head = header_section(file)
            except FileNotFoundError:  # sent or removed meanwhile
                continue
            meta = self._read_meta(msg_id)
            flags = info.partition(",")[2]
            state = MessageState.SENDING if _SENDING_FLAG in flags else MessageState.QUEUED
            if state is MessageState.QUEUED and meta.get("refused") is True:
                state = MessageState.REFUSED
            message = BytesParser(policy=policy.default).parsebytes(head, headersonly=True)
            assert isinstance(message, EmailMessage)
            found.append(
                self._describe(message, msg_id, str(meta.get("account", "")), size, state, meta)
            )
        return found

    @staticmethod
    def _describe(
        message: EmailMessage,
        msg_id: str,
        account: str,
        size: int,
        state: MessageState,
        meta: dict[str, object],
    ) -> OutgoingMessage:
        try:
            senders = [
                address_text(a.addr_spec)
                for h in address_headers(message, "from")
                for a in addresses(h)
            ]
            recipients = recipients_of(message)
        except UnreadableAddressError:  # put here by hand: a transport refuses it, saying so
            senders, recipients = [], ()
        queued_at = meta.get("queued_at")
        error = meta.get("last_error")
        return OutgoingMessage(
            id=msg_id,
            account=account,
            sender=senders[0] if senders else None,
            recipients=recipients,
            subject=str(message.get("subject", "")),
            size=size,
            state=state,
            queued_at=float(queued_at) if isinstance(queued_at, int | float) else 0.0,
            last_error=error if isinstance(error, str) else None,
        )

    def _read_meta(self, msg_id: str) -> dict[str, object]:
        try:
            value = json.loads((self._meta / f"{msg_id}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def _write_meta(self, msg_id: str, meta: dict[str, object]) -> None:
        make_private_dirs(self._meta)
        data = json.dumps(meta, ensure_ascii=False).encode("utf-8")
        replace_atomically(self._meta / f"{msg_id}.json", data)


def default_store(store_root: Path) -> DefaultStore:
    return DefaultStore(Path(os.path.abspath(store_root)) / DEFAULT_STORE_NAME)


def _unique_name() -> str:
    """A Maildir unique name: time, a random part and the host (no ':' or '/')."""
    host = socket.gethostname().replace("/", "\\057").replace(":", "\\072")
    return f"{time.time_ns() // 1000}.R{secrets.token_hex(8)}P{os.getpid()}.{host}"


class AccountOutbox:
    """One account's share of the Outbox: what ``psesSync.outbox`` gives a transport."""

    def __init__(self, store: DefaultStore, account: str) -> None:
        self._store = store
        self._account = account
        self._lock: int | None = None  # the lock file's descriptor while held

    def __repr__(self) -> str:
        return f"<AccountOutbox {self._account!r} in {self._store!r}>"

    def lock(self) -> bool:
        """Hold the account's Outbox: an ``flock`` on a file of its own, so that the
        kernel releases it when the process ends, killed or not; ``False`` when another
        run (in this process or another) holds it."""
        if self._lock is not None:
            return True
        path = self._store.lock_file(self._account)
        make_private_dirs(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._lock = fd
        return True

    def unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the only descriptor releases the flock
            self._lock = None

    def pending(self) -> list[OutgoingMessage]:
        """The account's messages to send, oldest first (cut-off sends included, those
        refused for good left out)."""
        messages = self._store.messages(self._account)
        return [m for m in messages if m.state is not MessageState.REFUSED]

    def open_content(self, msg_id: str) -> BinaryIO:
        return self._store.open_content(msg_id)

    def begin_sending(self, msg_id: str) -> None:
        self._store.begin_sending(msg_id)

    def mark_sent(self, msg_id: str) -> None:
        self._store.mark_sent(msg_id)

    def mark_not_sent(self, msg_id: str, error: str) -> None:
        self._store.mark_not_sent(msg_id, error)

    def mark_refused(self, msg_id: str, error: str) -> None:
        self._store.mark_refused(msg_id, error)
