"""Pass 2 of a run on one connection: receiving parts of folders, batch by batch.

Several ``Receiver``s may work at once, each on its own connection and thread, taking
parts of the same folders; what they share is made safe here: the folder's files and
state (``FolderJob.lock`` around each commit), the counts (``Tally``), and the host's
callback (``Reporter`` is locked). Each batch is committed (made durable, then recorded
in the state) before the next is requested, whichever connection received it.

A batch goes in one UID FETCH, its answer bounded by the batch's announced sizes
whatever the server sends (``wire``); if that fails, each message is asked again alone,
in pieces (``receiving``), so the one at fault is found and bounded too. A message
announced bigger than a piece always comes in pieces: never whole in memory.

FETCHes are pipelined (``pipelining`` setting): once a batch's answer is read, and the
batch needs no other command, the next batch's FETCH is sent before the batch is
written and committed (``_fetch_ahead``). A part ended early by an error or Cancel
closes the connection with that answer unread; uncommitted, its messages are simply
fetched again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from sendreceive.contract import MAPI_E_CALL_FAILED, MAPI_E_CORRUPT_DATA, MAPI_E_TOO_BIG

from . import server_data
from .batching import AdaptiveBatch, Part
from .bounded_client import BoundedClient, ResponseTooLargeError
from .connection import disconnect
from .errors import SyncError, amount, server_text
from .flags import keep_local_only
from .folders import ServerFolder
from .maildir_store import Incoming, LocalFolder, LocalMessage
from .pipeline import Batch, Batches
from .progress import Reporter
from .receiving import FETCH_SLACK, PIECE_BYTES, MessageTooBigError, receive_in_pieces
from .settings import ImapSettings

MAX_MESSAGE_FAILURES = 10  # in a run, all connections together
BODY, HEADER, FLAGS, UIDVALIDITY = b"BODY[]", b"BODY[HEADER]", b"FLAGS", b"UIDVALIDITY"

Received = tuple[int, Any, Incoming | None]  # UID, its FLAGS as sent, its file (None: not)


@dataclass
class FolderJob:
    """One folder's messages to receive, shared by the connections taking its parts.
    ``on_complete`` runs once, after the last part, if every message arrived."""

    folder: ServerFolder
    local: LocalFolder
    replaces: Mapping[int, LocalMessage]  # headers-only copies the full messages replace
    on_complete: Callable[[], None]
    parts_left: int
    complete: bool = True
    replaced: bool = False  # the server's folder was replaced during the run (told once)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def part_done(self, complete: bool) -> None:
        with self.lock:
            self.complete &= complete
            self.parts_left -= 1
            if self.parts_left == 0 and self.complete:
                self.on_complete()


@dataclass
class Tally:
    """What all connections received and failed to, counted under one lock."""

    received: int = 0
    received_bytes: int = 0
    failed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, size: int) -> None:
        with self.lock:
            self.received += 1
            self.received_bytes += size

    def failure(self) -> int:
        """Count one message that failed; how many have, so far."""
        with self.lock:
            self.failed += 1
            return self.failed


@dataclass(frozen=True)
class ReceiveContext:
    """What every connection's ``Receiver`` shares with the run."""

    settings: ImapSettings
    reporter: Reporter
    log: logging.Logger
    tally: Tally
    headers_only: bool
    connect: Callable[[], BoundedClient]  # a new logged-in connection (a reconnect)
    skipping: Callable[[ServerFolder], AbstractContextManager[None]]  # folder errors
    batch_bytes: int  # one connection's batch: its share of the memory budget (a message
    # up to a piece, bigger than that share, still comes alone in one FETCH)


class Receiver:
    """One connection's receiving, part after part; owns (and closes) its connection."""

    def __init__(self, context: ReceiveContext, client: BoundedClient | None) -> None:
        self._context = context
        self._settings = context.settings
        self._reporter = context.reporter
        self._client = client
        self._selected: str | None = None
        self._batch = AdaptiveBatch(context.settings.batch_size, context.batch_bytes)

    @property
    def _imap(self) -> BoundedClient:
        return self._client if self._client is not None else self.connect()

    def connect(self) -> BoundedClient:
        """Log in on a new connection of this receiver's own."""
        self._client = self._context.connect()
        self._client.folder_encode = False  # folders are named as the server lists them
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        self._selected = None
        if client is not None:
            disconnect(client)

    def receive(self, job: FolderJob, part: Part) -> None:
        """Receive ``part`` of ``job``'s folder; a folder error skips the part (reported)."""
        complete = False
        try:
            with self._context.skipping(job.folder):
                complete = self._receive(job, part)
        finally:
            if self._client is not None and self._client.ahead is not None:
                self.close()  # cut short with a FETCH sent ahead: its answer is abandoned
            job.part_done(complete)

    def _receive(self, job: FolderJob, part: Part) -> bool:
        if not self._select(job):
            return False
        complete = True
        batches = Batches(part, self._batch)
        for batch in batches:
            self._reporter.check()
            complete &= self._receive_batch(job, batch, batches)
        return complete

    def _select(self, job: FolderJob) -> bool:
        """Open the job's folder unless this connection has it open; whether it is still
        the folder the check pass saw (the same UIDVALIDITY)."""
        folder = job.folder
        if self._selected == folder.wire:
            return not job.replaced
        self._reporter.folder(folder.name)
        self._selected = None
        selected = self._imap.select_folder(folder.wire, readonly=True)
        self._selected = folder.wire
        if server_data.number(selected.get(UIDVALIDITY)) == job.local.state.uidvalidity:
            return True
        with job.lock:
            told, job.replaced = job.replaced, True
        if not told:
            self._reporter.warn(
                f"Folder '{folder.name}' was replaced on the server during the sync; it "
                "will be synchronized next time."
            )
        return False

    def _receive_batch(self, job: FolderJob, batch: Batch, batches: Batches) -> bool:
        """Receive one batch and commit what arrived, even if cut short (Cancel, error)."""
        complete = True
        arrived: list[tuple[Incoming, str, LocalMessage | None]] = []
        try:
            for uid, flags, incoming in self._fetch_batch(job, batch, batches):
                if incoming is None:  # expunged meanwhile, or reported
                    complete = False
                else:
                    replaces = job.replaces.get(uid)
                    letters = server_data.letters(flags) or ""
                    local_only = replaces.flags if replaces else ""
                    arrived.append((incoming, keep_local_only(letters, local_only), replaces))
                    self._context.tally.add(incoming.size)
                self._reporter.received()
        finally:
            with job.lock, job.local.batch():
                for incoming, letters, replaces in arrived:
                    job.local.stage(incoming, letters, replaces=replaces)
        return complete

    def _fetch_batch(self, job: FolderJob, batch: Batch, batches: Batches) -> Iterator[Received]:
        """Each message of the batch, written to its file in ``tmp/`` (``None``: not
        received). One announced as bigger than ``max_message_size`` is reported and not
        requested; one announced bigger than a piece comes in pieces. Once the small
        ones' answer is read, if the batch needs no other command, the next batch's FETCH
        is sent ahead (``pipelining``)."""
        small, big = self._sort(batch)
        for uid, size in batch:
            if size > self._settings.max_message_size:
                self._message_too_big(job.folder, uid, f"is {size:,} bytes")
                yield uid, None, None
        response = self._fetch_small(job, small) if small else {}
        if response is not None and not big and self._settings.pipelining:
            self._fetch_ahead(batches.following())
        if response is None:
            big[:0] = small  # the FETCH failed: each message again, in pieces
        else:
            yield from self._write_small(job, small, response)
        for uid in big:
            yield self._fetch_in_pieces(job, uid)

    def _sort(self, batch: Batch) -> tuple[list[int], list[int]]:
        """The UIDs of a batch's small messages, and of those that come in pieces; those
        announced bigger than ``max_message_size`` in neither."""
        small: list[int] = []
        big: list[int] = []
        for uid, size in batch:
            if size <= self._settings.max_message_size:
                (big if size > PIECE_BYTES else small).append(uid)
        return small, big

    def _fetch_ahead(self, batch: Batch) -> None:
        """Send the next batch's UID FETCH of small messages before this batch is written
        and committed, so the server works while we do.

        At most one command is outstanding beyond the batch being written: that is
        enough to hide the server's latency behind our writing, and it keeps what waits
        bounded (one answer, in the kernel's socket buffers, which TCP flow control caps,
        never in ours) and what an error or Cancel abandons small (one answer, fetched
        again). A connection lost here shows, and is handled, when the batch is read."""
        small, _big = self._sort(batch)
        if not small:
            return
        try:
            self._imap.fetch_ahead(small, self._small_items(), *self._small_limits())
        except (IMAPClientError, OSError) as exc:
            self._context.log.info("Sending a FETCH ahead failed (%s)", server_text(exc))

    def _small_items(self) -> list[bytes]:
        section = "HEADER" if self._context.headers_only else ""
        return [FLAGS, f"BODY.PEEK[{section}]".encode()]

    def _small_limits(self) -> tuple[int, int]:
        """What the answer to a batch's FETCH may hold, and each of its messages."""
        largest = min(PIECE_BYTES, self._settings.max_message_size)
        return max(self._context.batch_bytes, largest) + FETCH_SLACK, largest

    def _fetch_small(self, job: FolderJob, uids: list[int]) -> dict[int, dict[bytes, Any]] | None:
        """The answer to one UID FETCH of small messages (sent ahead, or now), bounded
        whatever the server announced; ``None`` if it failed (a message bigger than
        announced, say): each is then fetched in pieces, so the one at fault is found and
        bounded too."""
        try:
            client = self._imap
            if client.ahead == tuple(uids):
                return client.fetched()
            with client.limited(*self._small_limits()):
                response: dict[int, dict[bytes, Any]] = client.fetch(uids, self._small_items())
                return response
        except TimeoutError:
            raise  # not the fault of one message: retrying each would only wait longer
        except (IMAPClientError, OSError) as exc:
            self._fetch_failed(job.folder, exc)
            self._context.log.warning(
                "Fetching %d messages from '%s' failed (%s); fetching them one by one",
                len(uids),
                job.folder.name,
                server_text(exc),
            )
        return None

    def _write_small(
        self, job: FolderJob, uids: list[int], response: dict[int, dict[bytes, Any]]
    ) -> Iterator[Received]:
        """Each small message of a FETCH answer, written to its file."""
        headers_only = self._context.headers_only
        item = HEADER if headers_only else BODY
        for uid in uids:
            data = response.pop(uid, {})  # each message freed once written
            body = data.pop(item, None)
            if not isinstance(body, bytes):
                yield uid, None, None
                continue
            incoming = job.local.incoming(uid, headers_only=headers_only)
            try:
                incoming.write(body)
            except BaseException:
                incoming.discard()
                raise
            del body
            yield uid, data.get(FLAGS), incoming

    def _fetch_in_pieces(self, job: FolderJob, uid: int) -> Received:
        """One message, straight into its file a piece at a time (see ``receiving``)."""
        headers_only = self._context.headers_only
        incoming = job.local.incoming(uid, headers_only=headers_only)
        try:
            flags = receive_in_pieces(
                self._imap,
                incoming,
                "HEADER" if headers_only else "",
                self._settings.max_message_size,
                self._reporter.check,
            )
        except BaseException as exc:
            incoming.discard()
            failed = (MessageTooBigError, IMAPClientError, OSError)
            if isinstance(exc, TimeoutError) or not isinstance(exc, failed):
                raise  # a timeout, Cancel: not the fault of this message
            self._piece_failed(job.folder, uid, exc)
            return uid, None, None
        if flags is None:
            incoming.discard()
            return uid, None, None
        return uid, flags, incoming

    def _piece_failed(self, folder: ServerFolder, uid: int, exc: Exception) -> None:
        """Report a message that could not be received in pieces (reconnecting first
        if the connection is gone): too big, or the server's failure."""
        if isinstance(exc, MessageTooBigError):
            self._message_too_big(folder, uid, "is bigger than the server announced")
            return
        self._fetch_failed(folder, exc)
        literal = exc.literal if isinstance(exc, ResponseTooLargeError) else None
        if literal is not None and literal > self._settings.max_message_size:
            self._message_too_big(folder, uid, f"was sent as {literal:,} bytes")
        else:
            self._message_failed(folder, uid, exc)

    def _fetch_failed(self, folder: ServerFolder, exc: Exception) -> None:
        """Reconnect this connection if it is gone. Too much data that is not a message's
        (junk lines) fails the run."""
        if isinstance(exc, ResponseTooLargeError) and exc.literal is None:
            raise exc
        if isinstance(exc, (IMAPClientAbortError, OSError)):
            self._context.log.warning("Fetching was cut off (%s); reconnecting", server_text(exc))
            self.close()
            self._imap.select_folder(folder.wire, readonly=True)
            self._selected = folder.wire

    def _message_too_big(self, folder: ServerFolder, uid: int, size: str) -> None:
        """A refusal of ours, not the server's failure: it never gives up the run."""
        self._reporter.error(
            MAPI_E_TOO_BIG,
            f"Message UID {uid} in folder '{folder.name}' {size}, more than max_message_size "
            f"({amount(self._settings.max_message_size)}): it was not received. Raise "
            "max_message_size to receive it.",
        )

    def _message_failed(self, folder: ServerFolder, uid: int, exc: Exception) -> None:
        failed = self._context.tally.failure()
        self._reporter.error(
            MAPI_E_CORRUPT_DATA,
            f"Message UID {uid} in folder '{folder.name}' could not be received "
            f"({server_text(exc)}); it will be tried again at the next synchronization.",
        )
        if failed >= MAX_MESSAGE_FAILURES:
            raise SyncError(
                MAPI_E_CALL_FAILED,
                f"{failed} messages could not be received from "
                f"{self._settings.host}; giving up for now. The server's log should say why.",
            )
