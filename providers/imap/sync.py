"""One synchronization run, from connecting to the HRESULT that goes to ``Done``.

A run has two passes so that progress tells the truth:

1. *Check* each folder (``ulIndexMax == 0``): with QRESYNC, one SELECT with the recorded
   UIDVALIDITY and HIGHESTMODSEQ (with CONDSTORE alone, a SELECT and its HIGHESTMODSEQ),
   and the local directories' change times, tell that nothing changed on either side; if
   only the server changed, what it tells changed since (QRESYNC's VANISHED and FETCH, or
   CONDSTORE's ``CHANGEDSINCE`` and, for expunges it does not name, ``UID SEARCH`` in
   pieces) is applied, and only the messages from the recorded UIDNEXT on are listed; a
   list of changes too long to read means a full comparison. Otherwise STATUS, and when
   anything may have changed (always without CONDSTORE), SELECT, list the server's UIDs,
   flags and sizes (in UID ranges of ``PIECE`` messages), merge flags both ways, remove
   local copies of messages expunged on the server, and note the messages to receive. Then
   the messages whose file a mail reader deleted are marked ``\\Deleted`` on the server
   (once every folder was checked, so that a file moved to another local folder is not
   taken for one).
2. *Receive* them all, ``ulIndex``/``ulIndexMax`` counting over the whole run, over up
   to ``connections`` connections at once (``schedule``), in UID FETCH batches sized to
   the server's latency within bounds on count and bytes (``batching``, ``receive``).
   Each batch is committed to disk before its connection requests the next.

A UIDVALIDITY change is handled without duplicates: local copies from the old
UIDVALIDITY are matched to the server's messages by Message-ID and size and renamed to
their new UIDs (keeping their local flags); copies that match nothing are deleted, and
whatever is still missing is received.

Folders are named relative to the personal namespace; a read-only folder is synced
down only, a flag change the server refuses is kept as a conflict, and a folder gone
from the server is reported once and kept (moved along when its MAILBOXID shows a
rename). Nothing is deleted or flagged on the server, and no local file deleted, from
a local state that cannot be trusted (see ``maildir_store``): such files are reported
and left alone.
Bad server data (a negative UID, ``FLAGS NIL``, an odd UIDVALIDITY) skips the folder or
message it concerns, with an Error; it never fails the account.
"""

from __future__ import annotations

import contextlib
import functools
import imaplib
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from sendreceive.contract import (
    E_FAIL,
    MAPI_E_CALL_FAILED,
    MAPI_E_CORRUPT_DATA,
    MAPI_E_DISK_ERROR,
    MAPI_E_INVALID_PARAMETER,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NO_ACCESS,
    MAPI_E_NOT_FOUND,
    MAPI_E_UNCONFIGURED,
    MAPI_E_USER_CANCEL,
    MAPI_W_ERRORS_RETURNED,
    S_OK,
    IMAPISyncProgressCallback,
    SyncFlags,
    SyncSession,
)

from . import batching, changes, server_data
from .batching import Part
from .bounded_client import BoundedClient, ResponseTooLargeError
from .connection import connect, disconnect
from .errors import StoreError, SyncError, describe, is_disk_full, server_text
from .flags import LETTER_TO_IMAP, NO_FILE, TRASHED, merge, synced
from .folders import ServerFolder, list_folders, namespaces
from .maildir_store import (
    FolderState,
    LocalFolder,
    LocalMessage,
    MaildirStore,
    Scan,
    listing,
    message_id_of,
)
from .progress import Reporter, UserCancelledError
from .receive import FolderJob, ReceiveContext, Tally
from .schedule import receive_all
from .settings import ImapSettings
from .uid_map import Listing, UidMap

BATCH_BYTES = 8 * 1024 * 1024  # the FETCH answers of all connections together
UID_CHUNK = 1000  # UIDs per command: keeps command lines far below servers' limits
PIECE = 5000  # messages per FETCH of flags and sizes: an answer of a few hundred KiB
MAX_CHANGES = PIECE  # more changes than this, and the folder is compared in full

FLAGS, SIZE, UID = b"FLAGS", b"RFC822.SIZE", b"UID"
MESSAGES, UIDNEXT = b"MESSAGES", b"UIDNEXT"
UIDVALIDITY, HIGHESTMODSEQ, MAILBOXID = b"UIDVALIDITY", b"HIGHESTMODSEQ", b"MAILBOXID"
MESSAGE_ID_HEADER = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"


class FolderSkippedError(Exception):
    """This folder cannot be synchronized now (the text says why); the others go on."""


@dataclass
class FolderPlan:
    """What the check pass decided for one folder."""

    folder: ServerFolder
    local: LocalFolder
    status: dict[bytes, int]  # recorded once every message has been received
    to_fetch: UidMap[int] = field(default_factory=lambda: UidMap(int))  # UID -> size
    replaces: dict[int, LocalMessage] = field(default_factory=dict)  # headers-only copies
    gone: dict[int, tuple[str, int]] = field(default_factory=dict)  # files a reader deleted


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _uidvalidity(value: Any) -> int:
    checked = server_data.number(value)
    if checked is None:
        raise FolderSkippedError(
            f"the server sent an invalid UIDVALIDITY ({value!r}; IMAP allows 1 to "
            f"{server_data.UINT32_MAX})"
        )
    return checked


def _mailbox_id(value: Any) -> str:
    """A MAILBOXID as SELECT (``[b"(id)"]``) or STATUS (``(b"id",)``) gives it; ``""``."""
    while isinstance(value, list | tuple) and len(value) == 1:
        value = value[0]
    if not isinstance(value, bytes):
        return ""
    return value.strip(b"()").decode("ascii", "replace")


def _exists(selected: dict[bytes, Any]) -> int:
    """The message count SELECT announced (0 if it made no sense: one FETCH asks all)."""
    return server_data.size(selected.get(b"EXISTS")) or 0


def _checked_status(status: dict[bytes, Any]) -> dict[bytes, int]:
    """STATUS with its UIDVALIDITY checked (without one the folder is skipped); a bad
    counter only turns off the unchanged-folder shortcut."""
    checked = {
        UIDVALIDITY: _uidvalidity(status.get(UIDVALIDITY)),
        MESSAGES: server_data.size(status.get(MESSAGES)) or -1,
        UIDNEXT: server_data.number(status.get(UIDNEXT)) or 0,
    }
    modseq = server_data.size(status.get(HIGHESTMODSEQ))
    if modseq is not None:
        checked[HIGHESTMODSEQ] = modseq
    return checked


def _count(number: int, noun: str) -> str:
    """``1 message``, ``2 messages``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _mib(count: int) -> str:
    return f"{count / (1024 * 1024):,.1f} MiB"


class SyncRun:
    """Everything one ``SynchronizeInBackground`` call does, on the provider's thread."""

    def __init__(
        self,
        settings: ImapSettings,
        flags: int,
        session: SyncSession,
        callback: IMAPISyncProgressCallback,
    ) -> None:
        self._settings = settings
        self._flags = SyncFlags(flags)
        self._session = session
        self._log = session.logger
        self._reporter = Reporter(callback, session, self._log)
        self._store = MaildirStore(session.store_dir, self._log, self._reporter.error)
        self._client: BoundedClient | None = None
        self._new_connection: Callable[[], BoundedClient] | None = None  # more of them
        self._logged_in = False
        self._condstore = False
        self._qresync = False
        self._tally = Tally()
        self._stop = threading.Event()  # a connection's failure ends the others' waits
        self._elsewhere: set[tuple[int, int]] = set()  # (UIDVALIDITY, UID) of orphan files

    @property
    def _download(self) -> bool:
        return SyncFlags.SYNC_DOWNLOAD_CONTENTS in self._flags

    @property
    def _upload(self) -> bool:
        return SyncFlags.SYNC_UPLOAD_CONTENTS in self._flags

    @property
    def _headers_only(self) -> bool:
        return SyncFlags.SYNC_HEADERS in self._flags

    @property
    def _imap(self) -> BoundedClient:
        if self._client is None:
            raise RuntimeError("not connected")
        return self._client

    # ------------------------------------------------------------------ the run

    def run(self) -> int:
        """Do the sync and return the HRESULT for ``Done``; never raises."""
        started = time.monotonic()
        try:
            with self._store.locked():
                self._sync()
        except UserCancelledError:
            self._log.info(
                "Cancelled by the user; the %d messages received are kept", self._tally.received
            )
            return MAPI_E_USER_CANCEL
        except Exception as exc:
            failure = describe(exc, self._settings, logged_in=self._logged_in)
            if failure.hresult == E_FAIL:
                self._log.error("Synchronization failed", exc_info=exc)
            self._reporter.error(failure.hresult, failure.message)
            return failure.hresult
        finally:
            self._disconnect()
        self._log.info(
            "Received %d messages (%s) in %.2f s",
            self._tally.received,
            _mib(self._tally.received_bytes),
            time.monotonic() - started,
        )
        return MAPI_W_ERRORS_RETURNED if self._reporter.failures else S_OK

    def _sync(self) -> None:
        flags = self._flags
        self._log.info(
            "%s synchronization of %s@%s:%d (%s)",
            "On-demand" if SyncFlags.SYNC_ON_DEMAND in flags else "Scheduled",
            self._settings.username,
            self._settings.host,
            self._settings.port,
            flags.name or "no flags",
        )
        if SyncFlags.SYNC_THESE_FOLDERS in flags and self._settings.folders is None:
            raise SyncError(
                MAPI_E_INVALID_PARAMETER,
                "SYNC_THESE_FOLDERS needs the folders setting: list the folders to synchronize.",
            )
        if SyncFlags.SYNC_UPLOAD_HIERARCHY in flags:
            self._reporter.warn(
                "SYNC_UPLOAD_HIERARCHY is not supported by the IMAP provider: local folders "
                "are not created on the server."
            )
        self._warn_about_security()
        hierarchy = SyncFlags.SYNC_DOWNLOAD_HIERARCHY in flags
        if not (hierarchy or self._download or self._upload):
            self._reporter.step("Nothing to synchronize")
            return
        self._store.claim(self._settings.host, self._settings.username)
        self._reporter.step(f"Connecting to {self._settings.host}")
        self._connect()
        folders = self._folders(hierarchy)
        plans = []
        for number, folder in enumerate(folders, 1):
            self._reporter.step(f"Checking folder '{folder.name}' ({number:,} of {len(folders):,})")
            with self._skipping_on_refusal(folder):
                plan = self._check(folder)
                if plan is not None:
                    plans.append(plan)
        for plan in plans:
            if plan.gone:
                with self._skipping_on_refusal(plan.folder):
                    self._delete_on_server(plan)
        self._reporter.expect(sum(len(plan.to_fetch) for plan in plans))
        self._receive(plans)
        self._reporter.finish(self._tally.received)

    @contextlib.contextmanager
    def _skipping_on_refusal(self, folder: ServerFolder) -> Iterator[None]:
        """A folder the server refuses to open (a NO, the connection alive), whose data
        makes no sense, or whose local folder cannot be written (the disk not full) is
        reported and skipped; the other folders are still synchronized."""
        try:
            yield
        except (IMAPClientAbortError, LoginError):
            raise
        except IMAPClientError as exc:
            self._reporter.error(
                MAPI_E_CALL_FAILED,
                f"Folder '{folder.name}' was skipped: {self._settings.host} answered "
                f'"{server_text(exc)}". It will be tried again at the next synchronization.',
            )
        except FolderSkippedError as exc:
            self._reporter.error(MAPI_E_CORRUPT_DATA, f"Folder '{folder.name}' was skipped: {exc}.")
        except StoreError as exc:
            if is_disk_full(exc):
                raise
            self._reporter.error(
                MAPI_E_DISK_ERROR,
                f"Folder '{folder.name}' was skipped: its local folder cannot be written ({exc}).",
            )

    def _warn_about_security(self) -> None:
        settings = self._settings
        if settings.security == "none":
            self._reporter.warn(
                f'The connection to {settings.host} is not encrypted (security = "none"): '
                "the password and the mail cross the network in clear text."
            )
        elif not settings.verify_certificate:
            self._reporter.warn(
                f"Certificate verification is turned off for {settings.host} "
                "(verify_certificate = false): the connection is encrypted, but anyone able "
                "to intercept it can pose as the server. Prefer ca_file."
            )

    # ------------------------------------------------------------------ connection

    def _password(self) -> str:
        try:
            password = self._session.password()
        except Exception as exc:
            raise SyncError(
                MAPI_E_LOGON_FAILED,
                f"The password of account '{self._session.account_name}' could not be "
                f"obtained: {exc}",
            ) from exc
        if password is None:
            raise SyncError(
                MAPI_E_UNCONFIGURED,
                f"Account '{self._session.account_name}' has no password: set password, "
                "password_env or password_command in its settings.",
            )
        return password

    def _cancelled(self) -> bool:
        return self._session.cancelled or self._stop.is_set()

    def _connect(self) -> None:
        password = self._password()  # asked once (it may run password_command)
        self._new_connection = lambda: connect(self._settings, password, self._cancelled)
        self._open_connection()

    def _reconnect(self, folder: ServerFolder) -> None:
        """After a dropped connection (of the check pass: each receiving connection
        reconnects on its own); raises (a network error) if the server is gone."""
        self._disconnect()
        self._open_connection()
        self._imap.select_folder(folder.wire, readonly=True)

    def _open_connection(self) -> None:
        assert self._new_connection is not None
        self._client = self._new_connection()
        self._imap.folder_encode = False  # folders are named as the server lists them
        self._logged_in = True
        self._condstore = bool(self._imap.has_capability("CONDSTORE"))
        self._qresync = bool(self._imap.has_capability("QRESYNC"))
        if self._qresync:
            self._imap.enable("QRESYNC")
        self._log.info(
            "Logged in to %s:%d as %s (%s)",
            self._settings.host,
            self._settings.port,
            self._settings.username,
            self._settings.security,
        )

    def _disconnect(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            disconnect(client)

    # ------------------------------------------------------------------ folders

    def _folders(self, hierarchy: bool) -> list[ServerFolder]:
        """The server folders whose contents this run synchronizes."""
        listed, unusable = list_folders(self._imap, namespaces(self._imap))
        self._follow_renames(listed)
        for odd in unusable:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"Folder '{odd.name}' was skipped: the server listed its name in 8-bit "
                "text, which IMAP does not allow, so it cannot be opened.",
            )
        shared = self._settings.shared_folders
        listing = sorted(  # INBOX first, then by name: a stable, familiar order
            (f for f in listed if f.selectable and (shared or not f.shared)),
            key=lambda folder: (folder.wire != "INBOX", folder.name, folder.wire),
        )
        if hierarchy:  # create every local folder, even those without mail to receive
            usable = []
            for folder in listing:
                with self._skipping_on_refusal(folder):
                    self._store.folder(folder)
                    usable.append(folder)
            listing = usable
        if self._settings.folders is not None:
            wanted = []
            for name in self._settings.folders:
                name = "INBOX" if name.upper() == "INBOX" else name
                found = [folder for folder in listing if folder.name == name]
                if not found:
                    self._reporter.error(
                        MAPI_E_NOT_FOUND,
                        f"Folder '{name}' does not exist on {self._settings.host}: check "
                        "the folders setting.",
                    )
                wanted.extend(found)
            return wanted
        if hierarchy:
            return listing
        known = {"INBOX", *self._store.known_folders()}
        return [folder for folder in listing if folder.wire in known]

    def _follow_renames(self, listed: list[ServerFolder]) -> None:
        """Local folders whose server folder is no longer listed: moved to the folder's
        new name when its MAILBOXID (RFC 8474) shows it was renamed, instead of being
        received again in full; else reported once, kept, and no longer synchronized."""
        wires = {folder.wire for folder in listed}
        missing = [
            (path, state)
            for path, state in self._store.states()
            if state.server_wire and state.server_wire not in wires
        ]
        by_id = {state.mailbox_id: (path, state) for path, state in missing if state.mailbox_id}
        if by_id and self._imap.has_capability("OBJECTID"):
            known = self._store.known_folders()
            for folder in listed:
                if folder.wire in known or not folder.selectable or not by_id:
                    continue
                status = self._imap.folder_status(folder.wire, [MAILBOXID])
                found = by_id.pop(_mailbox_id(status.get(MAILBOXID)), None)
                old_name = found[1].server_name if found is not None else ""
                if found is not None and self._store.move(*found, folder):
                    missing.remove(found)
                    self._reporter.warn(
                        f"Folder '{old_name}' was renamed to '{folder.name}' on "
                        f"{self._settings.host}: its local copy was renamed with it."
                    )
        for path, state in missing:
            if not state.missing:
                state.missing = True
                LocalFolder(path, state).save_state()
                self._reporter.warn(
                    f"Folder '{state.server_name}' is no longer on {self._settings.host} "
                    "(deleted, renamed or no longer shared): its local copy is kept in "
                    f"{path} and no longer synchronized."
                )

    # ------------------------------------------------------------------ pass 1: check

    def _check(self, folder: ServerFolder) -> FolderPlan | None:
        """Bring flags and expunges up to date; return what to receive (``None``: nothing)."""
        if not (self._download or self._upload):
            return None
        local = self._store.folder(folder)
        done, quick = self._resynchronized(folder, local)
        if done:
            return quick
        self._store.check(local, folder)
        items = [MESSAGES, UIDNEXT, UIDVALIDITY] + ([HIGHESTMODSEQ] if self._condstore else [])
        status = _checked_status(self._imap.folder_status(folder.wire, items))
        scan = local.scan(status[UIDVALIDITY])
        if self._unchanged(local, status, scan):
            self._log.debug("'%s' has not changed", folder.name)
            local.mark(headers_only=self._headers_only)
            local.save_state()
            return None
        selected = self._select_to_check(folder, local.state)
        uidvalidity = _uidvalidity(selected.get(UIDVALIDITY))
        if uidvalidity != status[UIDVALIDITY]:  # replaced since the STATUS
            status[UIDVALIDITY] = uidvalidity
            scan = local.scan(uidvalidity)
        if local.state.uidvalidity != uidvalidity or scan.orphans:
            scan = self._adopt_uidvalidity(folder, local, scan, uidvalidity, _exists(selected))
        self._report_untrusted(folder, scan)
        server, untrusted = self._server_messages(folder, _exists(selected))
        plan = FolderPlan(folder, local, status)
        removed = self._merge(plan, scan, server, untrusted)
        plan.gone = self._deleted_locally(plan.local.state, scan, server, untrusted)
        if self._download:
            for uid in server:  # ascending as listed (UID ranges): appended as they come
                if uid in scan.ambiguous or uid in plan.gone:
                    continue  # on disk already, several times over: reported, not fetched
                if local.state.refused.get(uid) == NO_FILE:
                    continue  # deleted here, its deletion refused there: a conflict, kept
                have = scan.messages.get(uid)
                if have is None or (have.headers_only and not self._headers_only):
                    size = 0 if self._headers_only else server[uid][1]  # batch by count
                    plan.to_fetch[uid] = size
                    if have is not None:
                        plan.replaces[uid] = have
            if not plan.to_fetch and not untrusted and not plan.gone:
                self._record_complete(plan)
        local.state.mailbox_id = _mailbox_id(selected.get(MAILBOXID)) or local.state.mailbox_id
        local.state.missing = False
        local.save_state()
        self._log.info(
            "'%s': %d messages on the server, %d to receive, %d removed locally",
            folder.name,
            len(server),
            len(plan.to_fetch),
            removed,
        )
        return plan

    def _resynchronized(
        self, folder: ServerFolder, local: LocalFolder
    ) -> tuple[bool, FolderPlan | None]:
        """With QRESYNC (or CONDSTORE), one SELECT since the last run that left the folder
        complete, the local directories unchanged since (see ``LocalMark``): whether that
        was enough, and the plan if anything changed on the server (``_apply_changes``).
        A HIGHESTMODSEQ lower than the one recorded means the server lost track: said,
        and the folder compared in full."""
        state = local.state
        if not ((self._qresync or self._condstore) and state.highestmodseq and state.uidvalidity):
            return False, None
        if not local.unchanged(headers_only=self._headers_only):
            # A mark taken just after this provider's own writes proves nothing by the
            # times alone; the files listed and found as the state says do.
            if not (
                local.racy(headers_only=self._headers_only)
                and local.look_and_mark(headers_only=self._headers_only)
            ):
                return False, None
            local.save_state()
        since = (state.uidvalidity, state.highestmodseq) if self._qresync else None
        try:
            selected, changed = self._imap.select_changes(
                folder.wire, since, readonly=not self._upload
            )
        except ResponseTooLargeError as exc:
            self._too_many_changes(folder, exc)
            return False, None
        modseq = server_data.size(selected.get(HIGHESTMODSEQ))
        if modseq is not None and modseq < state.highestmodseq:
            self._reporter.warn(
                f"The server's change counter for folder '{folder.name}' went backwards "
                f"(HIGHESTMODSEQ {modseq:,} after {state.highestmodseq:,}): the folder is "
                "compared in full."
            )
            state.highestmodseq = None
            return False, None
        if modseq is None or server_data.number(selected.get(UIDVALIDITY)) != state.uidvalidity:
            return False, None
        if not changed and (
            modseq == state.highestmodseq
            and server_data.number(selected.get(UIDNEXT)) == state.uidnext
            and server_data.size(selected.get(b"EXISTS")) == len(state.flags)
        ):
            self._log.debug("'%s' has not changed (HIGHESTMODSEQ)", folder.name)
            return True, None
        plan = self._apply_changes(folder, local, selected, modseq)
        return plan is not None, plan

    def _apply_changes(
        self, folder: ServerFolder, local: LocalFolder, selected: dict[bytes, Any], modseq: int
    ) -> FolderPlan | None:
        """Apply what changed on the server since the recorded HIGHESTMODSEQ (flags, and
        expunges as QRESYNC tells them or ``UID SEARCH`` finds them) and list only the
        messages that arrived since: the folder is never listed in full. ``None`` when the
        changes do not add up (counts that disagree even after CONDSTORE's expunges were
        searched, too many, a local file missing): then the folder is compared in full."""
        self._store.check(local, folder)
        state = local.state
        uidnext = server_data.number(selected.get(UIDNEXT))
        if uidnext is None or uidnext < state.uidnext or not state.uidvalidity:
            return None  # not the state it was (rebuilt), or a server that lost track
        try:
            told = self._told(selected, state.highestmodseq or 0)
            if not self._qresync and _exists(selected) < len(state.flags) + uidnext - state.uidnext:
                told.vanished = self._expunged(state.flags)  # CONDSTORE does not say which
        except changes.ChangesError as exc:
            self._log.warning("'%s': %s; comparing it in full", folder.name, exc)
            return None
        except ResponseTooLargeError as exc:
            self._too_many_changes(folder, exc)
            return None
        vanished = told.vanished_of(state.sizes) | told.vanished_of(state.flags)
        remaining = len(state.flags) - sum(uid in state.flags for uid in vanished)
        if len(told.flags) + len(vanished) + _exists(selected) - remaining > MAX_CHANGES:
            return None
        arrived = self._arrived(state.uidnext) if uidnext > state.uidnext else {}
        if arrived is None:
            return None
        server = {uid: (letters, state.sizes.get(uid, 0)) for uid, letters in told.flags.items()}
        server.update(arrived)
        for uid in vanished:
            server.pop(uid, None)
        if remaining + sum(uid not in state.flags for uid in arrived) != _exists(selected):
            return None  # an expunge or an arrival the server did not tell
        wanted = server.keys() | vanished
        scan = local.find(state.uidvalidity, wanted) or local.scan(state.uidvalidity, wanted)
        if not scan.clean or any(uid not in scan.messages for uid in server if uid not in arrived):
            return None
        plan = FolderPlan(
            folder,
            local,
            {
                UIDVALIDITY: state.uidvalidity,
                MESSAGES: _exists(selected),
                UIDNEXT: uidnext,
                HIGHESTMODSEQ: modseq,
            },
        )
        removed = self._merge(plan, scan, server, set(), complete=False)
        if self._download:  # as ``_merge`` does for a complete listing
            for uid in vanished:
                state.forget(uid)
            for uid in sorted(arrived):
                if uid not in scan.messages:
                    plan.to_fetch[uid] = 0 if self._headers_only else arrived[uid][1]
        if not plan.to_fetch:
            self._record_complete(plan)
        local.save_state()
        self._log.info(
            "'%s' (since HIGHESTMODSEQ): %d messages changed, %d expunged, %d to receive",
            folder.name,
            len(server) - len(arrived),
            removed,
            len(plan.to_fetch),
        )
        return plan

    def _told(self, selected: dict[bytes, Any], since: int) -> changes.Changes:
        """What changed since the mod-sequence ``since``: in the QRESYNC SELECT's answer,
        or asked with ``CHANGEDSINCE`` (CONDSTORE alone)."""
        if self._qresync:
            return changes.read(selected)
        answer = self._imap.fetch_range("1:*", [FLAGS], f"(CHANGEDSINCE {since})")
        return changes.Changes(flags=changes.flags_of(answer))

    def _expunged(self, known: UidMap[str]) -> list[tuple[int, int]]:
        """The ``known`` UIDs no longer in the selected folder, asked with ``UID SEARCH``
        a ``PIECE`` of them at a time (each answer a few KiB, far below the line limit;
        with ESEARCH a compact set), instead of listing every message's flags."""
        esearch = bool(self._imap.has_capability("ESEARCH"))
        uids = sorted(known)
        gone: list[tuple[int, int]] = []
        for piece in _chunks(uids, PIECE):
            answer = self._imap.uids_in(piece[0], piece[-1], esearch=esearch)
            present = changes.within(changes.searched(answer, esearch=esearch), set(piece))
            gone.extend((uid, uid) for uid in piece if uid not in present)
            if len(gone) > MAX_CHANGES:
                break  # too many to apply one by one: compared in full
        return gone

    def _too_many_changes(self, folder: ServerFolder, exc: ResponseTooLargeError) -> None:
        """The server's list of changes was over a bound (a ``VANISHED`` line over a
        million bytes, a ``CHANGEDSINCE`` answer over 16 MiB) and the connection was cut
        mid-answer: say so, reconnect, and let the folder be compared in full, which
        lists it in bounded pieces. Never a failure of the account."""
        self._reporter.warn(
            f"{self._settings.host} listed too many changes in folder '{folder.name}' to "
            f"read at once ({exc}): the folder is compared in full instead."
        )
        self._reconnect(folder)

    def _arrived(self, uidnext: int) -> dict[int, tuple[str, int]] | None:
        """The flags and sizes of the messages from UID ``uidnext`` on, in one FETCH;
        ``None`` if any made no sense (the full comparison reports it)."""
        arrived: dict[int, tuple[str, int]] = {}
        for uid, data in self._imap.fetch_range(f"{uidnext}:*", [FLAGS, SIZE]).items():
            if type(uid) is int and 0 < uid < uidnext:
                continue  # ``n:*`` names the last message even when it is older
            letters = server_data.letters(data.get(FLAGS))
            size = server_data.size(data.get(SIZE))
            if server_data.number(uid) is None or letters is None or size is None:
                return None
            arrived[uid] = (letters, size)
        return arrived

    def _select_to_check(self, folder: ServerFolder, state: FolderState) -> dict[bytes, Any]:
        """SELECT for the check pass, read-write when flags go up. A folder the server
        opens read-only (``[READ-ONLY]``: shared without write rights) is synced down
        only, and said so once, when it becomes read-only."""
        if not self._upload:
            selected: dict[bytes, Any] = self._imap.select_folder(folder.wire, readonly=True)
            return selected
        try:
            selected = self._imap.select_folder(folder.wire)
            read_only = False
        except imaplib.IMAP4.readonly:  # still selected: see it again, read-only
            selected = self._imap.select_folder(folder.wire, readonly=True)
            read_only = True
        if read_only and not state.read_only:
            self._reporter.warn(
                f"Folder '{folder.name}' is read-only on {self._settings.host}: its mail is "
                "received, and flag changes made on this computer stay on this computer."
            )
        state.read_only = read_only
        return selected

    def _unchanged(self, local: LocalFolder, status: dict[bytes, int], scan: Scan) -> bool:
        """With CONDSTORE, an unchanged STATUS and unchanged files mean nothing to do."""
        state = local.state
        if not self._condstore or state.highestmodseq is None:
            return False
        return (
            status[UIDVALIDITY] == state.uidvalidity
            and status[UIDNEXT] == state.uidnext
            and status.get(HIGHESTMODSEQ) == state.highestmodseq
            and status[MESSAGES] == len(state.flags)
            and local.agrees(scan, headers_only=self._headers_only)
        )

    def _server_messages(self, folder: ServerFolder, exists: int) -> tuple[Listing, set[int]]:
        """UID -> (flags as Maildir letters, size) for the selected folder of ``exists``
        messages, and the UIDs whose data made no sense (reported, left alone)."""
        bad: list[str] = []
        server = Listing()
        untrusted: set[int] = set()
        for uid, data in self._fetch_every(exists, [FLAGS, SIZE]):
            letters = server_data.letters(data.get(FLAGS))
            size = server_data.size(data.get(SIZE))
            if server_data.number(uid) is None:
                bad.append(f"UID {uid!r}")
            elif letters is None or size is None:
                untrusted.add(uid)
                bad.append(f"UID {uid} (FLAGS {data.get(FLAGS)!r}, size {data.get(SIZE)!r})")
            else:
                server.add(uid, letters, size)
        if bad:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"{len(bad):,} messages of folder '{folder.name}' were skipped: "
                f"{self._settings.host} sent data that makes no sense for them "
                f"({', '.join(bad[:5])}{', …' if len(bad) > 5 else ''}).",
            )
        return server, untrusted

    def _uid_ranges(self, exists: int) -> list[tuple[int, int | None]]:
        """UID ranges of at most ``PIECE`` messages each that cover the selected folder of
        ``exists`` messages (``None``: up to ``*``).

        Their first UIDs are read by sequence number in one small FETCH, so no answer
        lists the whole folder (one SEARCH line of a 130,000-message folder is over the
        reader's line limit), and a message expunged or added meanwhile still falls in
        exactly one range."""
        starts = [1]
        if exists > PIECE:
            self._imap.use_uid = False
            try:
                answer = self._imap.fetch(list(range(PIECE + 1, exists + 1, PIECE)), [UID])
            finally:
                self._imap.use_uid = True
            firsts = (server_data.number(data.get(UID)) for data in answer.values())
            starts += sorted({uid for uid in firsts if uid is not None and uid > 1})
        return list(zip(starts, [start - 1 for start in starts[1:]] + [None], strict=True))

    def _fetch_every(
        self, exists: int, items: list[bytes]
    ) -> Iterator[tuple[int, dict[bytes, Any]]]:
        """FETCH ``items`` for every message of the selected folder, a UID range at a time."""
        for low, high in self._uid_ranges(exists):
            answer = self._imap.fetch_range(f"{low}:{'*' if high is None else high}", items)
            for uid, data in answer.items():
                if not (type(uid) is int and 0 < uid < low):  # ``n:*`` names the last one
                    yield uid, data

    def _merge(
        self,
        plan: FolderPlan,
        scan: Scan,
        server: Mapping[int, tuple[str, int]],
        untrusted: set[int],
        *,
        complete: bool = True,
    ) -> int:
        """Merge flags both ways and drop copies expunged on the server; return the drops.

        Only trusted files take part; a file this provider did not write is never
        deleted, and a trash mark that cannot be reconciled is held (reported). If
        ``complete``, the state of every message not on the server is dropped; else
        ``server`` and ``scan`` hold only the messages that changed."""
        local, removed = plan.local, 0
        upload = self._upload and not local.state.read_only
        stores: dict[tuple[str, bool], list[int]] = defaultdict(list)
        bases: dict[int, str | None] = {}  # before this merge, of the messages with stores
        unknown: list[LocalMessage] = []
        held = 0
        for uid, message in scan.messages.items():
            if uid in untrusted:
                continue
            if uid not in server:
                if not self._download:
                    continue
                if local.state.knows(uid):  # expunged on the server
                    local.remove(message)
                    local.state.forget(uid)
                    removed += 1
                else:
                    unknown.append(message)
                continue
            refused = local.state.refused.pop(uid, None)
            if refused == message.flags:  # a refused change, kept until it changes
                local.state.refused[uid] = refused
                continue
            server_letters = server[uid][0]
            outcome = merge(
                local.state.flags.get(uid),
                message.flags,
                server_letters,
                upload=upload,
                download=self._download,
            )
            if set(outcome.server) != set(server_letters):
                bases[uid] = local.state.flags.get(uid)
            if outcome.local != message.flags:
                scan.messages[uid] = local.set_flags(message, outcome.local)
            for letter in set(outcome.server) ^ set(server_letters):
                stores[letter, letter in outcome.server].append(uid)
            if outcome.base is None:
                held += 1
                local.state.flags.pop(uid, None)
            else:
                local.state.flags[uid] = outcome.base
            if uid not in local.state.sizes:  # on the server too: from now on it is ours
                local.state.sizes[uid] = scan.messages[uid].size()
        if self._download and complete:  # what is gone from the server needs no state
            for uid in set(local.state.flags) | set(local.state.sizes):
                if uid not in server and uid not in untrusted:
                    local.state.forget(uid)
        for (letter, add), uids in stores.items():
            store = self._imap.add_flags if add else self._imap.remove_flags
            for chunk in _chunks(sorted(uids), UID_CHUNK):
                try:
                    store(chunk, [LETTER_TO_IMAP[letter]], silent=True)
                except IMAPClientAbortError:
                    raise
                except IMAPClientError as exc:
                    self._store_refused(plan, scan, chunk, (letter, add), bases, exc)
        if stores:
            self._log.info(
                "'%s': sent %d flag changes to the server",
                plan.folder.name,
                sum(len(uids) for uids in stores.values()),
            )
        if unknown:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"{len(unknown):,} files in folder '{plan.folder.name}' name messages that "
                "are not on the server and were not received by this provider; they are "
                "kept and not synchronized (moving messages between local folders is not "
                f"synchronized to the server): {listing(m.path for m in unknown)}.",
            )
        if held:
            self._reporter.warn(
                f"{held:,} messages in folder '{plan.folder.name}' are marked as deleted on "
                "this computer only and the sync state that would tell who changed them is "
                "gone: they were not deleted on the server. Mark them again to delete them."
            )
        return removed

    def _deleted_locally(
        self,
        state: FolderState,
        scan: Scan,
        server: Mapping[int, tuple[str, int]],
        untrusted: set[int],
    ) -> dict[int, tuple[str, int]]:
        """Messages whose file a mail reader removed, to delete on the server (see
        ``_delete_on_server``): only under SYNC_UPLOAD_CONTENTS, only files this provider
        wrote (the state knows their size), and never from a folder whose local state
        cannot be trusted (ambiguous or suspect files, entries that are not files)."""
        if not self._upload or state.read_only or not scan.clean:
            return {}
        return {
            uid: data
            for uid, data in server.items()
            if uid in state.sizes
            and uid not in scan.messages
            and uid not in untrusted
            and state.refused.get(uid) != NO_FILE  # refused before: a conflict, kept
        }

    def _delete_on_server(self, plan: FolderPlan) -> None:
        """Mark the messages a mail reader deleted ``\\Deleted`` on the server, as mbsync
        does (and expunge them there if ``expunge`` says so): never received again. One
        whose file is in another local folder (an orphan there: moved, not deleted) is
        received again instead."""
        state = plan.local.state
        moved = sorted(uid for uid in plan.gone if (state.uidvalidity, uid) in self._elsewhere)
        for uid in moved:
            plan.to_fetch[uid] = plan.gone.pop(uid)[1]
        if not plan.gone:
            return
        self._imap.select_folder(plan.folder.wire)
        to_mark = sorted(uid for uid, (letters, _) in plan.gone.items() if TRASHED not in letters)
        for chunk in _chunks(to_mark, UID_CHUNK):
            try:
                self._imap.add_flags(chunk, [LETTER_TO_IMAP[TRASHED]], silent=True)
            except IMAPClientAbortError:
                raise
            except IMAPClientError as exc:
                for uid in chunk:
                    del plan.gone[uid]
                    state.refused[uid] = NO_FILE
                self._report_refusal(
                    plan.folder,
                    chunk,
                    (TRASHED, True),
                    exc,
                    "The message stays on the server and is not received again; the "
                    "deletion is kept on this computer as a conflict and not sent again.",
                )
        if not plan.gone:
            plan.local.save_state()
            return
        for uid, (letters, _size) in plan.gone.items():
            state.flags[uid] = synced(letters + TRASHED)
        expunge = self._settings.expunge and self._imap.has_capability("UIDPLUS")
        if expunge:  # UID EXPUNGE: only these, never another client's \Deleted messages
            for chunk in _chunks(sorted(plan.gone), UID_CHUNK):
                self._imap.expunge(chunk)
            for uid in plan.gone:
                state.forget(uid)
        plan.local.save_state()
        self._log.info(
            "'%s': %d messages deleted on this computer marked deleted on the server%s",
            plan.folder.name,
            len(plan.gone),
            " and expunged" if expunge else "",
        )

    def _store_refused(
        self,
        plan: FolderPlan,
        scan: Scan,
        uids: list[int],
        change: tuple[str, bool],
        bases: dict[int, str | None],
        exc: IMAPClientError,
    ) -> None:
        """The server refused a flag change (no right to it, say): each message keeps its
        local flags and its old base, as a conflict not sent again until it changes; the
        folder's new mail still comes."""
        state = plan.local.state
        for uid in uids:
            base = bases[uid]
            if base is None:
                state.flags.pop(uid, None)
            else:
                state.flags[uid] = base
            state.refused[uid] = scan.messages[uid].flags
        self._report_refusal(
            plan.folder,
            uids,
            change,
            exc,
            "The change is kept on this computer and not sent again until the message's "
            "flags change.",
        )

    def _report_refusal(
        self,
        folder: ServerFolder,
        uids: list[int],
        change: tuple[str, bool],
        exc: IMAPClientError,
        outcome: str,
    ) -> None:
        """One error naming the refused flag change, its messages and the server's words."""
        letter, add = change
        shown = ", ".join(str(uid) for uid in uids[:5]) + (", …" if len(uids) > 5 else "")
        self._reporter.error(
            MAPI_E_NO_ACCESS,
            f"{self._settings.host} refused to {'set' if add else 'clear'} the flag "
            f"{LETTER_TO_IMAP[letter].decode()} on {_count(len(uids), 'message')} of folder "
            f"'{folder.name}' (UID {shown}): \"{server_text(exc)}\". {outcome}",
        )

    def _report_untrusted(self, folder: ServerFolder, scan: Scan) -> None:
        """Local files the run leaves alone because their state is ambiguous."""
        where = f"in folder '{folder.name}'"
        for uid, copies in sorted(scan.ambiguous.items()):
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"{len(copies)} files {where} claim message UID {uid}: "
                f"{listing(m.path for m in copies)}. They are kept; the message's flags are "
                "not synchronized until only one of them is left.",
            )
        if scan.suspects:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"{len(scan.suspects):,} files {where} do not hold the message their name "
                f"claims (their size differs from the one received): "
                f"{listing(m.path for m in scan.suspects)}. They are kept and not "
                "synchronized; the messages they name are received again.",
            )
        if scan.strays:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"Skipped {listing(scan.strays)} {where}: named like a message file but "
                "not a file. Move it out of the Maildir.",
            )

    def _adopt_uidvalidity(
        self, folder: ServerFolder, local: LocalFolder, scan: Scan, uidvalidity: int, exists: int
    ) -> Scan:
        """Re-key copies from the old UIDVALIDITY by Message-ID and size; drop the rest.

        Only when the server's UIDVALIDITY really changed, and only the copies of the
        last UIDVALIDITY this provider wrote; other files are reported and kept."""
        old = local.state
        if old.uidvalidity == uidvalidity:  # the state agrees with the server
            self._report_orphans(folder, scan.orphans)
            return scan
        if old.uidvalidity:
            self._log.warning(
                "UIDVALIDITY of '%s' changed from %d to %d: matching local copies to the "
                "server's messages",
                folder.name,
                old.uidvalidity,
                uidvalidity,
            )
        new = FolderState(folder.name, folder.wire, uidvalidity, read_only=old.read_only)
        kept: list[LocalMessage] = []
        if scan.orphans:
            index: dict[tuple[str, int], list[int]] = defaultdict(list)
            for uid, data in self._fetch_every(exists, [SIZE, MESSAGE_ID_HEADER]):
                header = next((v for k, v in data.items() if k.startswith(b"BODY[")), b"")
                message_id = message_id_of(header if isinstance(header, bytes) else b"")
                if message_id and server_data.number(uid) and uid not in scan.messages:
                    index[message_id, server_data.size(data.get(SIZE)) or 0].append(uid)
            adopted = removed = 0
            for orphan in scan.orphans:
                ours = orphan.uidvalidity == old.uidvalidity and old.knows(orphan.uid)
                matches = (
                    []
                    if orphan.headers_only
                    else index.get((orphan.message_id() or "", orphan.size()), [])
                )
                if matches:
                    uid = matches.pop(0)
                    local.state = new  # rekey records the size in the new state
                    local.rekey(orphan, uid, uidvalidity)
                    base = old.flags.get(orphan.uid) if ours else None
                    if base is not None:
                        new.flags[uid] = base
                    adopted += 1
                elif ours:
                    local.remove(orphan)
                    removed += 1
                else:
                    kept.append(orphan)
            self._log.info(
                "'%s': kept %d local copies under their new UIDs, removed %d",
                folder.name,
                adopted,
                removed,
            )
        local.state = new
        local.save_state()
        self._report_orphans(folder, kept)
        return local.scan(uidvalidity)

    def _report_orphans(self, folder: ServerFolder, orphans: list[LocalMessage]) -> None:
        self._elsewhere.update((orphan.uidvalidity, orphan.uid) for orphan in orphans)
        if orphans:
            self._reporter.error(
                MAPI_E_CORRUPT_DATA,
                f"{len(orphans):,} files in folder '{folder.name}' belong to another folder "
                "or to an older copy of this one (their UIDVALIDITY is not the folder's); "
                "they are kept and not synchronized (moving messages between local folders "
                f"is not synchronized to the server): {listing(m.path for m in orphans)}.",
            )

    def _record_complete(self, plan: FolderPlan) -> None:
        """Everything is down: remember the STATUS and the local directories, so an
        unchanged folder is skipped."""
        plan.local.state.uidnext = plan.status[UIDNEXT]
        plan.local.state.highestmodseq = plan.status.get(HIGHESTMODSEQ)
        plan.local.state.compact()
        plan.local.mark(headers_only=self._headers_only)

    # ------------------------------------------------------------------ pass 2: receive

    def _receive(self, plans: list[FolderPlan]) -> None:
        """Share the folders out over the connections, a whole folder to each.

        Not a big folder by UID range over several: its state then records UIDs out of
        order, and each batch's save re-sorts the whole per-UID state (``UidMap``): at
        100,000 messages 18 s instead of 27 s, but a peak RSS of 68 MiB instead of 50
        (91 MiB at 200,000). ``FolderJob`` and the schedule take parts already."""
        connections = self._settings.connections
        work: list[tuple[FolderJob, Part]] = []
        for plan in plans:
            if not plan.to_fetch:
                continue
            parts = list(batching.parts(plan.to_fetch.items(), len(plan.to_fetch)))
            plan.to_fetch = UidMap(int)  # the parts hold them now: not twice in memory
            done = functools.partial(self._received_all, plan)
            job = FolderJob(plan.folder, plan.local, plan.replaces, done, len(parts))
            work.extend((job, part) for part in parts)
        if not work or self._new_connection is None:
            return
        client, self._client = self._imap, None  # handed over: the receivers close it
        context = ReceiveContext(
            settings=self._settings,
            reporter=self._reporter,
            log=self._log,
            tally=self._tally,
            headers_only=self._headers_only,
            connect=self._new_connection,
            skipping=self._skipping_on_refusal,
            batch_bytes=BATCH_BYTES // connections,
        )
        receive_all(context, work, client, connections, self._stop)

    def _received_all(self, plan: FolderPlan) -> None:
        self._record_complete(plan)
        plan.local.save_state()
