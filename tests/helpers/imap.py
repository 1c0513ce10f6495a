"""The IMAP provider's test kit: a recording host, mail helpers and test accounts on a
real Dovecot (the fixtures live in tests/integration/conftest.py).

``run_sync`` drives a provider the way the host does: ``MAPISIB`` with a ``Session``
and an ``IUnknown`` whose ``QueryInterface`` hands out a thread-safe recording
``IMAPISyncProgressCallback``; it then waits for the done event and checks the
background-style rules (``S_OK`` at once, the event in ``phSyncDoneEvent``, exactly one
``Done`` handing that event back).
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import mailbox
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from imapclient import IMAPClient

from helpers.cyrus import Cyrus
from helpers.dovecot import HOST, Dovecot
from sendreceive.contract import (
    E_NOINTERFACE,
    MAPI_E_USER_CANCEL,
    MAPISIB,
    S_OK,
    COMError,
    IID_IMAPISyncProgressCallback,
    SyncFlags,
)
from sendreceive.hosting.session import Session
from sendreceive.providers.imap import ImapProvider

REPO_ROOT = Path(__file__).resolve().parents[2]

FULL_SYNC = (
    SyncFlags.SYNC_DOWNLOAD_HIERARCHY
    | SyncFlags.SYNC_DOWNLOAD_CONTENTS
    | SyncFlags.SYNC_UPLOAD_CONTENTS
    | SyncFlags.SYNC_ON_DEMAND
)
SYNC_TIMEOUT = 60.0
_MARK = re.compile(r",U=(\d+),V=(\d+)")

# --------------------------------------------------------------------------- the host side


@dataclass
class RecordingCallback:
    """IMAPISyncProgressCallback that records every call; safe to call from any thread.

    ``on_progress(index, total)`` may return True to answer ``MAPI_E_USER_CANCEL`` from
    then on, as the host does once the user pressed Cancel.
    """

    on_progress: Callable[[int, int], bool] | None = None
    progress: list[tuple[str | None, int, int]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    done: list[tuple[Any, int]] = field(default_factory=list)
    cancelled: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def Progress(self, pwcszProgress: str | None, ulIndex: int, ulIndexMax: int) -> int:
        with self._lock:
            self.progress.append((pwcszProgress, ulIndex, ulIndexMax))
        if self.on_progress is not None and self.on_progress(ulIndex, ulIndexMax):
            self.cancelled = True
        return MAPI_E_USER_CANCEL if self.cancelled else S_OK

    def Error(self, hResult: int, pwcszErrorStr: str) -> int:
        with self._lock:
            self.errors.append((hResult, pwcszErrorStr))
        return S_OK

    def Done(self, hThreadDoneEvent: Any, hResult: int) -> int:
        with self._lock:
            self.done.append((hThreadDoneEvent, hResult))
        return S_OK

    def received_texts(self) -> list[str]:
        return [text for text, _i, _n in self.progress if text and text.startswith("Receiving")]


@dataclass
class RecordingUnknown:
    """``punkCallBack``: answers ``QueryInterface`` for the callback only, like COM."""

    callback: RecordingCallback

    def QueryInterface(self, riid: uuid.UUID) -> RecordingCallback:
        if riid == IID_IMAPISyncProgressCallback:
            return self.callback
        raise COMError(E_NOINTERFACE)


@dataclass
class SyncResult:
    hresult: int
    callback: RecordingCallback

    @property
    def received(self) -> int:
        """How many messages the run said it would receive (its ``ulIndexMax``)."""
        return max((total for _text, _index, total in self.callback.progress), default=0)

    @property
    def error_texts(self) -> str:
        return "\n".join(text for _hr, text in self.callback.errors)


def run_sync(
    settings: dict[str, Any],
    store_dir: Path,
    flags: int = FULL_SYNC,
    *,
    on_progress: Callable[[int, int], bool] | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    account_name: str = "test",
) -> SyncResult:
    """Run one background-style sync to its end and check the contract's rules."""
    callback = RecordingCallback(on_progress)
    session = Session(
        account_name, settings, store_dir, logging.getLogger(f"imap.{account_name}"), is_cancelled
    )
    sib = MAPISIB(ulFlags=flags, psesSync=session, punkCallBack=RecordingUnknown(callback))
    assert ImapProvider(**settings).SynchronizeInBackground(sib) == S_OK
    event = sib.phSyncDoneEvent.value
    assert isinstance(event, threading.Event)
    assert event.wait(SYNC_TIMEOUT), "the provider's thread did not finish"
    assert len(callback.done) == 1, callback.done
    assert callback.done[0][0] is event
    return SyncResult(callback.done[0][1], callback)


# --------------------------------------------------------------------------- mail


def make_message(number: int, folder: str = "INBOX", size: int = 800, tag: str = "") -> bytes:
    """A plausible RFC 5322 message of about ``size`` bytes with a unique Message-ID."""
    ident = hashlib.sha1(f"{folder}/{number}/{tag}".encode()).hexdigest()[:16]
    head = (
        f"From: Sender {number} <sender{number}@example.org>\r\n"
        "To: Test User <user@example.org>\r\n"
        f"Subject: Message {number} {ident}\r\n"
        "Date: Tue, 3 Jun 2025 10:00:00 +0000\r\n"
        f"Message-ID: <{ident}@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    ).encode()
    line = f"Line of message {number} ({ident}) with some text in it.\r\n".encode()
    return head + line * max(1, (size - len(head)) // len(line))


def seed(client: IMAPClient, folder: str, messages: list[bytes]) -> None:
    """APPEND (MULTIAPPEND: one round trip) to a folder, creating it if needed."""
    if not client.folder_exists(folder):
        client.create_folder(folder)
    if messages:
        client.multiappend(folder, messages)


def server_messages(client: IMAPClient, folder: str) -> dict[int, bytes]:
    client.select_folder(folder, readonly=True)
    uids = client.search("ALL")
    return {uid: data[b"BODY[]"] for uid, data in client.fetch(uids, ["BODY.PEEK[]"]).items()}


def local_folder(store_dir: Path, name: str = "") -> mailbox.Maildir:
    """A local folder by its Maildir++ name (``""`` for INBOX), via the standard library."""
    root = mailbox.Maildir(store_dir / "Maildir", create=False)
    return root.get_folder(name) if name else root


def local_files(store_dir: Path, name: str = "") -> dict[int, Path]:
    """The provider's message files of a folder by UID; fails on a duplicate UID."""
    path = store_dir / "Maildir" / (f".{name}" if name else "")
    found: dict[int, Path] = {}
    for file in itertools.chain((path / "new").iterdir(), (path / "cur").iterdir()):
        match = _MARK.search(file.name)
        assert match, f"unexpected file {file}"
        uid = int(match[1])
        assert uid not in found, f"two copies of UID {uid}: {found[uid].name}, {file.name}"
        found[uid] = file
    return found


def local_flags(store_dir: Path, name: str = "") -> dict[int, str]:
    return {
        uid: file.name.partition(":2,")[2] for uid, file in local_files(store_dir, name).items()
    }


def set_local_flags(file: Path, letters: str) -> Path:
    """What a mail reader does to a Maildir message: rename it into cur/ with new info."""
    target = file.parent.parent / "cur" / f"{file.name.partition(':')[0]}:2,{letters}"
    file.rename(target)
    return target


def assert_mirrors(client: IMAPClient, store_dir: Path, folder: str, local_name: str) -> None:
    """Same messages (count and bytes, by UID) on the server and on disk: no loss, no dup."""
    server = server_messages(client, folder)
    local = {uid: file.read_bytes() for uid, file in local_files(store_dir, local_name).items()}
    assert sorted(local) == sorted(server), f"UIDs differ in {folder}"
    for uid, data in server.items():
        assert local[uid] == data, f"message UID {uid} in {folder} differs"


@dataclass
class Account:
    """A fresh mail user on a Dovecot (or a Cyrus), and a local store for the provider."""

    server: Dovecot | Cyrus
    user: str
    password: str
    store_dir: Path

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """The account's provider settings: IMAPS with the test CA, small batches."""
        settings: dict[str, Any] = {
            "host": HOST,
            "port": self.server.ssl_port,
            "username": self.user,
            "password": self.password,
            "security": "ssl",
            "ca_file": str(self.server.ca_file),
            "batch_size": 20,
            "timeout": 10,
        }
        settings.update(overrides)
        return settings

    def sync(self, flags: int = FULL_SYNC, **kwargs: Any) -> SyncResult:
        settings = self.settings(**kwargs.pop("settings", {}))
        return run_sync(settings, self.store_dir, flags, account_name=self.user, **kwargs)

    def client(self) -> IMAPClient:
        return self.server.client(self.user)


def new_account(
    server: Dovecot | Cyrus, tmp_path: Path, *, non_ascii_password: bool = False
) -> Account:
    # Passwords are unique: a leak is easy to grep for.
    user, password = server.take_user(non_ascii_password)
    return Account(server, user, password, tmp_path / "store")
