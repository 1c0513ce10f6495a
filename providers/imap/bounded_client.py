"""One IMAP connection's bytes, bounded in time and in size, and interruptible.

imaplib reads through ``readline()`` and ``read(size)`` and writes through ``send()``;
its own versions block on a buffered socket file whose timeout restarts at every byte,
so a server sending a byte a second holds a sync forever, Cancel waits with it, and a
literal announced as ``{10000000000}`` is allocated and read. ``BoundedIMAP4`` replaces
them with the providers' shared ``Wire`` (``providers/wire.py``), which waits in short
slices and checks between them:

* the operation's deadline: ``timeout`` for the greeting (connection and TLS handshake
  included) and for each command's whole answer, plus one second per ``MIN_RATE`` bytes
  received so that a big honest answer on a slow link is not cut off
  (→ ``TimeoutError``);
* the user's Cancel (→ ``UserCancelledError``);
* the command's byte budget: ``response_limit`` for the next commands (a FETCH batch),
  else ``UNTAGGED_LIMIT``, and ``literal_limit`` for each literal (a message). A literal
  announced bigger than what is left is refused before a byte of it is read
  (→ ``ResponseTooLargeError``, an abort: the connection is then unusable).

After any of these the connection is dead (``broken``): it is closed, never logged out.
Untagged responses left over from earlier commands are dropped at each new command, so
they cannot pile up either.

One UID FETCH may be sent ahead (``fetch_ahead``), its answer read later (``fetched``):
pipelining. No other command may be sent until it is read (``usable`` is false), so the
budget that began when it was sent is its answer's alone; its deadline counts again from
when its answer is awaited.
"""

from __future__ import annotations

import contextlib
import imaplib
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError
from imapclient.imapclient import join_message_ids, seq_to_parenstr_upper
from imapclient.response_parser import parse_fetch_response

from ..wire import ReplyTooLargeError, Wire

MIB = 1024 * 1024
MAX_LINE = 1_000_000  # imaplib's limit for one response line
UNTAGGED_LIMIT = 16 * MIB  # what any command's answer may hold, unless told otherwise
SPILL_BYTES = MIB  # what a spilled literal holds in memory at a time


class ResponseTooLargeError(IMAPClientAbortError):  # type: ignore[misc]
    """An answer exceeded a bound; the connection was abandoned mid-answer.

    ``operation`` says which answer (``"its answer to SELECT"``), ``what`` what was too
    much, and ``literal`` the size of a literal refused (a message too big, perhaps).
    """

    def __init__(self, operation: str, limit: int, what: str, literal: int | None) -> None:
        super().__init__(f"{what} in {operation}, over the limit of {limit:,} bytes")
        self.operation = operation
        self.limit = limit
        self.what = what
        self.literal = literal


@dataclass(frozen=True)
class Ahead:
    """A UID FETCH sent ahead, its answer unread: its tag, the UIDs it asked for, and the
    bounds its answer is read within (see ``BoundedClient.limited``)."""

    tag: bytes
    uids: tuple[int, ...]
    response: int
    literal: int


@dataclass(frozen=True)
class WireOptions:
    """``tls``: a context to secure the connection from the start (IMAPS), or ``None``."""

    tls: ssl.SSLContext | None
    timeout: float
    cancelled: Callable[[], bool]


@dataclass
class Spill:
    """Where a literal bigger than ``literal_limit`` but at most ``limit`` bytes goes,
    ``SPILL_BYTES`` at a time, instead of being refused: ``write`` (a message's file).
    ``size`` counts what went there; the literal reads as empty."""

    write: Callable[[bytes], None]
    limit: int
    size: int = 0


class BoundedIMAP4(imaplib.IMAP4):
    """imaplib's IMAP4 over a ``Wire`` (plain, or TLS from the start)."""

    _tls_established: bool

    def __init__(self, host: str, port: int, options: WireOptions) -> None:
        self._tls = options.tls
        self._wire = Wire(options.timeout, options.cancelled)
        self._naming = False
        self.response_limit = UNTAGGED_LIMIT
        self.literal_limit = UNTAGGED_LIMIT
        self.spill: Spill | None = None
        self.ahead: Ahead | None = None
        self._spilled = False  # the literal just read went to the spill
        self._wire.begin("its greeting", UNTAGGED_LIMIT)
        super().__init__(host, port, options.timeout)

    # ------------------------------------------------------------------ operations

    def _new_tag(self) -> bytes:
        """Every command, imaplib's and IMAPClient's alike, starts here: a fresh deadline
        and byte budget, named by ``send`` from the command line. Refused while the answer
        to a FETCH sent ahead is unread: it would be read as this command's, in its budget."""
        if self.ahead is not None:
            raise RuntimeError("a command was sent before the answer to the one before it")
        self._wire.begin("a command", self.response_limit)
        self._naming = True
        self.untagged_responses = {  # only IMAPClient reads the capabilities later
            key: value[-1:] for key, value in self.untagged_responses.items() if key == "CAPABILITY"
        }
        tag: bytes = super()._new_tag()  # type: ignore[misc]
        return tag

    def _command_complete(self, name: str, tag: bytes) -> Any:
        """imaplib re-raises every abort as a plain one: keep ours, it says what happened."""
        try:
            return super()._command_complete(name, tag)  # type: ignore[misc]
        except imaplib.IMAP4.abort as exc:
            if isinstance(exc.__context__, ResponseTooLargeError):
                raise exc.__context__ from None
            raise

    def _append_untagged(self, typ: str, dat: Any) -> None:
        """A spilled literal is kept as an empty one, announced so (``{0}``): the
        parser checks the two agree."""
        if self._spilled and isinstance(dat, tuple):
            self._spilled = False
            line, data = dat
            dat = (line[: line.rindex(b"{")] + b"{0}", data)
        super()._append_untagged(typ, dat)  # type: ignore[misc]

    def awaiting(self) -> None:
        """The answer to a command sent ahead is awaited from now: its deadline starts
        again (the time since it was sent was ours), its budget is left as it is."""
        self._wire.restart_clock()

    @property
    def broken(self) -> bool:
        return self._wire.broken

    @property
    def interrupted(self) -> bool:
        return self._wire.interrupted

    # ------------------------------------------------------------------ connecting

    def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
        self.host = host
        self.port = port
        try:
            self._wire.connect(host, port, self._tls)
        except BaseException:
            self._wire.close()
            raise
        self.sock = self._wire.connected_socket()

    def starttls(self, ssl_context: Any | None = None) -> tuple[Literal["OK"], list[None]]:
        """imaplib's STARTTLS with a bounded handshake. Whatever the server sent after
        its OK in clear text is dropped, never read as if it had come encrypted."""
        if self._tls_established:
            raise self.abort("TLS session already established")
        typ, data = self._simple_command("STARTTLS")
        if typ != "OK":
            raise self.error("Couldn't establish TLS session")
        self._wire.begin("the TLS handshake", UNTAGGED_LIMIT)
        self._wire.handshake(ssl_context or ssl.create_default_context(), self.host)
        self.sock = self._wire.connected_socket()
        self._tls_established = True
        self._get_capabilities()
        result: tuple[Literal["OK"], list[None]] = self._untagged_response(typ, data, "STARTTLS")
        return result

    def shutdown(self) -> None:
        self._wire.close()

    # ------------------------------------------------------------------ reading and writing

    def readline(self) -> bytes:
        try:
            return self._wire.readline(MAX_LINE)
        except ReplyTooLargeError as exc:
            raise ResponseTooLargeError(exc.operation, exc.limit, exc.what, None) from None

    def read(self, size: int) -> bytes:
        """A literal of ``size`` bytes, refused before it is read if it is over budget
        (or written to the ``spill`` as it arrives, if that takes it)."""
        spill = self.spill
        if spill is not None and self.literal_limit < size <= spill.limit - spill.size:
            self._wire.allow(size)
            for offset in range(0, size, SPILL_BYTES):
                data = self._wire.read(min(SPILL_BYTES, size - offset))
                spill.write(data)
                spill.size += len(data)
            self._spilled = True
            return b""
        if size > min(self._wire.left, self.literal_limit):
            self._wire.close()
            limit = self.literal_limit if size > self.literal_limit else self.response_limit
            raise ResponseTooLargeError(
                self._wire.operation, limit, f"a literal of {size:,} bytes", size
            )
        return self._wire.read(size)

    def send(self, data: Any) -> None:
        data = bytes(data)
        if self._naming:  # the command's name, never its arguments
            self._naming = False
            words = data[:40].split()[1:3]
            name = words if words[:1] == [b"UID"] else words[:1]
            self._wire.operation = f"its answer to {b' '.join(name).decode('ascii', 'replace')}"
        self._wire.send(data)


class BoundedClient(IMAPClient):  # type: ignore[misc]
    """IMAPClient over ``BoundedIMAP4``: ``timeout`` bounds whole operations, Cancel
    interrupts any wait, and ``limited`` bounds what the next commands may read."""

    def __init__(self, host: str, port: int, options: WireOptions) -> None:
        self._wire_options = options
        super().__init__(host, port=port, ssl=options.tls is not None, ssl_context=options.tls)

    def _create_IMAP4(self) -> BoundedIMAP4:  # noqa: N802 (IMAPClient's name)
        return BoundedIMAP4(self.host, self.port, self._wire_options)

    def _set_read_timeout(self) -> None:
        """The wire keeps its own deadlines: the socket's timeout is its slice."""

    @property
    def wire(self) -> BoundedIMAP4:
        imap: BoundedIMAP4 = self._imap
        return imap

    @property
    def usable(self) -> bool:
        """Whether a command may still be sent: not cut off mid-answer, not cancelled, no
        answer to a FETCH sent ahead left unread."""
        return not self.wire.interrupted and self.wire.ahead is None

    @property
    def ahead(self) -> tuple[int, ...] | None:
        """The UIDs of the FETCH sent ahead whose answer is unread, if there is one."""
        ahead = self.wire.ahead
        return ahead.uids if ahead is not None else None

    def fetch_ahead(self, uids: list[int], items: list[bytes], response: int, literal: int) -> None:
        """Send a UID FETCH of ``uids`` whose answer ``fetched`` reads later, within
        ``response`` bytes and each literal within ``literal``: the server prepares it,
        and the kernel's socket buffers take it as TCP lets them, while the caller works."""
        imap = self.wire
        with self.limited(response, literal):
            tag = imap._command(
                "UID", "FETCH", join_message_ids(uids), seq_to_parenstr_upper(items)
            )
        imap.ahead = Ahead(tag, tuple(uids), response, literal)

    def fetched(self) -> dict[int, dict[bytes, Any]]:
        """The answer to the FETCH sent ahead, read now within the bounds it was sent with."""
        imap = self.wire
        ahead, imap.ahead = imap.ahead, None
        if ahead is None:
            raise RuntimeError("no FETCH was sent ahead")
        with self.limited(ahead.response, ahead.literal):
            imap.awaiting()
            return self._fetch_answer(ahead.tag)

    def fetch_range(
        self, uids: str, items: list[bytes], modifiers: str = ""
    ) -> dict[int, dict[bytes, Any]]:
        """UID FETCH of a UID set such as ``1:5000`` or ``5001:*``, every answer kept
        (IMAPClient 4.1's ``fetch`` keeps only the UIDs it was given one by one);
        ``modifiers`` such as ``(CHANGEDSINCE 42)`` (RFC 7162)."""
        imap = self.wire
        extra = [modifiers] if modifiers else []
        tag = imap._command("UID", "FETCH", uids, seq_to_parenstr_upper(items), *extra)
        return self._fetch_answer(tag)

    def _fetch_answer(self, tag: bytes) -> dict[int, dict[bytes, Any]]:
        """The answer to the UID FETCH sent as ``tag``, every message it holds."""
        imap = self.wire
        typ, data = imap._command_complete("FETCH", tag)
        self._checkok("fetch", typ, data)
        typ, data = imap._untagged_response(typ, data, "FETCH")
        return dict(parse_fetch_response(data, self.normalise_times, True))

    def uids_in(self, low: int, high: int, *, esearch: bool) -> bytes:
        """The UIDs from ``low`` to ``high`` still in the selected folder, as the server
        wrote them: ``UID SEARCH RETURN (ALL)`` (ESEARCH, RFC 4731: a compact UID set
        such as ``1:5,7``) or a plain ``UID SEARCH`` (numbers separated by spaces)."""
        imap = self.wire
        criteria = ["RETURN", "(ALL)"] if esearch else []
        tag = imap._command("UID", "SEARCH", *criteria, "UID", f"{low}:{high}")
        typ, data = imap._command_complete("SEARCH", tag)
        self._checkok("search", typ, data)
        name = "ESEARCH" if esearch else "SEARCH"
        _typ, lines = imap._untagged_response(typ, data, name)
        return b" ".join(line for line in lines if isinstance(line, bytes))

    def select_changes(
        self, folder: str, since: tuple[int, int] | None, *, readonly: bool
    ) -> tuple[dict[bytes, Any], bool]:
        """SELECT (EXAMINE if ``readonly``) with QRESYNC since ``(uidvalidity, modseq)``
        (RFC 7162; ENABLEd first), or with CONDSTORE if ``since`` is ``None``: the
        SELECT answer (with its HIGHESTMODSEQ), and whether it told of any message
        changed or expunged since then (``VANISHED``, ``FETCH``)."""
        imap = self.wire
        name = "EXAMINE" if readonly else "SELECT"
        arguments = "(CONDSTORE)" if since is None else f"(QRESYNC ({since[0]} {since[1]}))"
        imap.untagged_responses = {}  # as imaplib's select: what an earlier folder left
        typ, data = imap._simple_command(name, self._normalise_folder(folder), arguments)
        self._checkok(name.lower(), typ, data)
        imap.state = "SELECTED"
        untagged = imap.untagged_responses
        # imaplib takes a READ-ONLY it was not told of for a lost connection (at the next
        # command): an EXAMINE's, or a read-only folder's answer to SELECT.
        imap.is_readonly = readonly or "READ-ONLY" in untagged
        changed = bool(untagged.get("VANISHED") or untagged.get("FETCH"))
        selected: dict[bytes, Any] = self._process_select_response(untagged)
        return selected, changed

    @contextlib.contextmanager
    def spilling(self, spill: Spill) -> Iterator[Spill]:
        """Within the block, a literal over ``literal_limit`` goes to ``spill`` if it fits."""
        self.wire.spill = spill
        try:
            yield spill
        finally:
            self.wire.spill = None

    @contextlib.contextmanager
    def limited(self, response: int, literal: int) -> Iterator[None]:
        """Within the block, each command's answer may hold ``response`` bytes, each of
        its literals ``literal`` bytes."""
        wire = self.wire
        wire.response_limit, wire.literal_limit = response, literal
        try:
            yield
        finally:
            wire.response_limit = wire.literal_limit = UNTAGGED_LIMIT
