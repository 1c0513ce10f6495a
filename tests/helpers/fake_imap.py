"""A small scriptable IMAP4rev1 server on 127.0.0.1, for what a real server never does.

Dovecot (``helpers.dovecot``) is the well-behaved server of the suite; this one sends
whatever a test writes: odd folder names, negative UIDs, ``FLAGS NIL``, sizes that lie,
literals that never end, junk, or a byte a second. It serves a ``Mailbox`` (plain data
the test builds) with a thread per connection, and records every command it receives.

Everything in the mailbox is sent as written, so a test can send what the protocol
forbids: a folder name is the mailbox name's text before quoting (modified UTF-7 is not
applied: ``"&AAA-"``, ``"&2AA-"``, ``"/"``, ``"."`` and ``""`` go out as ``"&AAA-"`` …
``""``), each folder has its own LIST delimiter (``None`` sends ``NIL``), LIST flags,
``uidvalidity`` text (``"-1"``), and each message its UID text (``"-5"``), FLAGS text
(``"NIL"``, ``"42"``, ``r"(\\Seen)"``), body bytes and announced RFC822.SIZE. A
``Script`` adds hostile behaviour: a drip (bytes per second) in the greeting or inside
FETCH body literals, junk lines streamed before a command's tagged reply, a stalled TLS
handshake, or a handler that replaces a command altogether. ::

    from helpers.fake_imap import Folder, Mailbox, Message, Script, serving
    from helpers.imap import make_message, run_sync

    mailbox = Mailbox(
        [
            Folder("INBOX", [Message(make_message(1)), Message(make_message(2), flags="NIL")]),
            Folder("A.B", delimiter="."),
            Folder("&AAA-", [Message(make_message(3), uid="-1")], uidvalidity="-1"),
        ]
    )
    with serving(mailbox) as server:  # or serving(mailbox, tls="ssl"), Script(...)
        result = run_sync(server.settings(), tmp_path / "store")
        assert not server.received("UID STORE")  # the arguments of each UID STORE sent

``Message(body, literal_size=10_000_000_000, stream=lambda: itertools.repeat(b"x" * 65536))``
announces a literal of 10 GB and never stops sending; ``Script(junk={"SELECT": lines})``
with ``lines`` a callable returning an iterator streams them (never held in memory).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import re
import select
import socket
import socketserver
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from helpers.dovecot import HOST, make_certificate
from helpers.waiting import wait_until

STOP_TIMEOUT = 10.0
_CHUNK = 64 * 1024
_FETCH_ITEM = re.compile(r"BODY(?:\.PEEK)?\[[^\]]*\](?:<\d+\.\d+>)?|[A-Z0-9.]+", re.IGNORECASE)
_PARTIAL = re.compile(r"<(\d+)\.(\d+)>$")
_LITERAL_END = re.compile(rb"\{(\d+)(\+?)\}\r\n$")
_HEADER_END = b"\r\n\r\n"


@dataclass
class Message:
    """One message: ``uid`` (text; ``None`` numbers it from 1 in its folder), ``flags``
    (the FLAGS text as sent), ``size`` (the RFC822.SIZE announced; default: the body's
    length), ``literal_size`` (the ``{n}`` announced for ``BODY[]``; default: the length
    of what is sent), ``stream`` (called to produce the ``BODY[]`` bytes instead of
    ``body``: for endless or huge literals) and ``partial`` (whether ``BODY[]<o.n>``
    sends only those bytes, as RFC 3501 says, or the whole literal anyway; a ``stream``
    is cut in pieces only when ``literal_size`` says how long it is)."""

    body: bytes = b""
    uid: str | int | None = None
    flags: str = "()"
    size: str | int | None = None
    literal_size: int | None = None
    stream: Callable[[], Iterable[bytes]] | None = None
    partial: bool = True
    modseq: int = 0  # when its flags last changed (CONDSTORE): see ``Folder.change``


@dataclass
class Folder:
    name: str
    messages: list[Message] = field(default_factory=list)
    delimiter: str | None = "/"
    flags: str = r"\HasNoChildren"
    uidvalidity: str | int = 1
    uidnext: str | int | None = None  # default: one more than the highest numeric UID
    read_only: bool = False  # SELECT answers [READ-ONLY], STORE is refused
    highestmodseq: int | None = None  # sent by SELECT and STATUS (CONDSTORE) when set
    vanished: dict[int, int] = field(default_factory=dict)  # expunged UID -> its MODSEQ

    def change(self, message: Message, flags: str) -> None:
        """Set a message's flags as a CONDSTORE server does: a new mod-sequence."""
        assert self.highestmodseq is not None
        self.highestmodseq += 1
        message.flags, message.modseq = flags, self.highestmodseq

    def expunge(self, message: Message) -> None:
        """Expunge a message, remembered for ``VANISHED (EARLIER)`` (QRESYNC)."""
        assert self.highestmodseq is not None
        self.highestmodseq += 1
        self.messages.remove(message)
        self.vanished[int(str(message.uid))] = self.highestmodseq

    def add(self, message: Message) -> None:
        """A new message, with the next UID and a new mod-sequence."""
        assert self.highestmodseq is not None
        self.highestmodseq += 1
        message.uid, message.modseq = int(_uidnext(self)), self.highestmodseq
        self.messages.append(message)


@dataclass
class Mailbox:
    folders: list[Folder]
    user: str = "user"
    password: str = "secret"
    capabilities: tuple[str, ...] = ("IMAP4rev1", "AUTH=PLAIN")


@dataclass(frozen=True)
class Command:
    """A command as received: ``name`` is upper case (``"UID FETCH"``), ``args`` the rest
    of the line with any literal inlined."""

    tag: str
    name: str
    args: str


Handler = Callable[["Connection", Command], None]


@dataclass
class Script:
    """Hostile behaviour. ``greeting_rate`` and ``literal_rate`` (bytes per second) drip
    the greeting or every FETCH ``BODY[]`` literal; ``junk[command]()`` yields lines
    (CRLF included) streamed before that command's tagged reply; ``handlers[command]``
    replaces the server's handling of a command (it may call ``conn.handle_normally``);
    ``stall_handshake`` accepts TCP connections but never answers the TLS handshake."""

    greeting_rate: float | None = None
    literal_rate: float | None = None
    junk: dict[str, Callable[[], Iterable[bytes]]] = field(default_factory=dict)
    handlers: dict[str, Handler] = field(default_factory=dict)
    stall_handshake: bool = False


class _ClosedError(Exception):
    """The client went away (or the server is stopping): end this connection quietly."""


def quoted(text: str | bytes) -> bytes:
    """An IMAP string: quoted when it can be, a literal when it holds CR, LF or 8-bit."""
    data = text.encode() if isinstance(text, str) else text
    if b"\r" in data or b"\n" in data or not data.isascii():
        return b"{%d}\r\n" % len(data) + data
    return b'"' + data.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def _flag_set(text: str) -> list[str]:
    return text[1:-1].split() if text.startswith("(") and text.endswith(")") else []


class _SequenceSet:
    """An IMAP sequence set such as ``1,4:7,9:*``, read once for all the messages of a
    folder (a FETCH of 2,000 UIDs against 10,000 messages stays quick)."""

    def __init__(self, sequence: str, highest: int) -> None:
        self._highest = highest
        self._ranges: list[tuple[int, int]] = []
        self._items: set[str] = set()
        for item in sequence.split(","):
            if ":" in item:
                low, high = (highest if end == "*" else int(end) for end in item.split(":", 1))
                self._ranges.append((min(low, high), max(low, high)))
            else:
                self._items.add(item)

    def __contains__(self, uid: str) -> bool:
        """Whether a UID (as text) is in the set."""
        number = int(uid) if uid.lstrip("-").isdigit() else None
        if uid in self._items or ("*" in self._items and number == self._highest):
            return True
        return number is not None and any(low <= number <= high for low, high in self._ranges)


class _Arguments:
    """Reads IMAP arguments (atoms, quoted strings, literals) from a received command."""

    def __init__(self, lines: list[bytes], literals: list[bytes]) -> None:
        self._lines, self._literals = lines, literals
        self._line, self._pos = 0, 0

    @property
    def _text(self) -> bytes:
        return self._lines[self._line]

    def string(self) -> bytes:
        text = self._text
        while self._pos < len(text) and text[self._pos : self._pos + 1] == b" ":
            self._pos += 1
        if text[self._pos : self._pos + 1] == b'"':
            out, pos = bytearray(), self._pos + 1
            while pos < len(text) and text[pos : pos + 1] != b'"':
                if text[pos : pos + 1] == b"\\":
                    pos += 1
                out += text[pos : pos + 1]
                pos += 1
            self._pos = pos + 1
            return bytes(out)
        if self._line < len(self._literals) and text[self._pos :].startswith(b"{"):
            self._line, self._pos = self._line + 1, 0
            return self._literals[self._line - 1]
        end = text.find(b" ", self._pos)
        end = len(text) if end < 0 else end
        word, self._pos = text[self._pos : end], end
        return word

    def rest(self) -> str:
        return self._text[self._pos :].decode(errors="replace").strip()


class Connection:
    """One client connection: the command loop, the default handlers, and write helpers
    for ``Script.handlers``."""

    def __init__(self, server: FakeImap, sock: socket.socket) -> None:
        self.server = server
        self.mailbox = server.mailbox
        self.script = server.script
        self._sock = sock
        self._file: BinaryIO | None = None
        self._arguments = _Arguments([b""], [])
        self._selected: Folder | None = None
        self._authenticated = False

    # ------------------------------------------------------------------ writing

    def write(self, data: bytes) -> None:
        if self.server.stopping.is_set():
            raise _ClosedError
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise _ClosedError from exc

    def drip(self, data: bytes, rate: float) -> None:
        """Send ``data`` at ``rate`` bytes per second, a byte at a time."""
        for offset in range(len(data)):
            self.write(data[offset : offset + 1])
            if self.server.stopping.wait(1 / rate):
                raise _ClosedError

    def stream(self, chunks: Iterable[bytes]) -> None:
        """Send chunks as they come, coalesced into writes of about 64 KiB."""
        pending = bytearray()
        for chunk in chunks:
            pending += chunk
            if len(pending) >= _CHUNK:
                self.write(bytes(pending))
                pending.clear()
        self.write(bytes(pending))

    def reply(self, command: Command, text: str = "OK completed") -> None:
        """The tagged reply, after the junk the script streams before it."""
        junk = self.script.junk.get(command.name)
        if junk is not None:
            self.stream(junk())
        self.write(f"{command.tag} {text}\r\n".encode())

    def hang_up(self) -> None:
        """Cut the connection, as a server restarting does (the loop then ends)."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def wait_closed(self, timeout: float) -> bool:
        """For a handler that never answers: wait until the client closes the
        connection (True) or ``timeout`` seconds pass (False)."""
        stopping = self.server.stopping
        return wait_until(lambda: stopping.is_set() or self._peer_closed(), timeout) and (
            not stopping.is_set()
        )

    def _peer_closed(self) -> bool:
        readable, _, _ = select.select([self._sock], [], [], 0)
        if not readable:
            return False
        try:
            return self._sock.recv(1, socket.MSG_PEEK) == b""
        except OSError:  # reset: closed too
            return True

    # ------------------------------------------------------------------ the loop

    def serve(self) -> None:
        try:
            if self.server.tls == "ssl":
                self._secure()
            self._file = self._sock.makefile("rb")
            greeting = b"* OK Fake IMAP4rev1 server ready\r\n"
            if self.script.greeting_rate:
                self.drip(greeting, self.script.greeting_rate)
            else:
                self.write(greeting)
            while (command := self._read_command()) is not None:
                self.server.record(command)
                handler = self.script.handlers.get(command.name)
                if handler is not None:
                    handler(self, command)
                elif not self.handle_normally(command):
                    break
        except (_ClosedError, OSError, ssl.SSLError):
            pass
        finally:
            if self._file is not None:
                with contextlib.suppress(OSError):
                    self._file.close()

    def _secure(self) -> None:
        if self.script.stall_handshake:
            self.server.stopping.wait()
            raise _ClosedError
        self._sock = self.server.tls_context().wrap_socket(self._sock, server_side=True)

    def _read_line(self) -> bytes:
        assert self._file is not None
        line = self._file.readline(1_000_000)
        if not line:
            raise _ClosedError
        return line

    def _read_command(self) -> Command | None:
        lines, literals = [self._read_line()], []
        while match := _LITERAL_END.search(lines[-1]):
            if not match[2]:
                self.write(b"+ go ahead\r\n")
            literals.append(self._read_exactly(int(match[1])))
            lines.append(self._read_line())
        lines = [line.rstrip(b"\r\n") for line in lines]
        self._arguments = _Arguments(lines, literals)
        tag = self._arguments.string().decode(errors="replace")
        name = self._arguments.string().decode(errors="replace").upper()
        if name == "UID":
            name += " " + self._arguments.string().decode(errors="replace").upper()
        text = b"".join(itertools.chain.from_iterable(zip(lines, [*literals, b""], strict=True)))
        words = 2 + name.count(" ")
        parts = text.decode(errors="replace").split(" ", words)
        return Command(tag, name, parts[words] if len(parts) > words else "")

    def _read_exactly(self, size: int) -> bytes:
        assert self._file is not None
        data = self._file.read(size)
        if len(data) < size:
            raise _ClosedError
        return data

    # ------------------------------------------------------------------ commands

    def handle_normally(self, command: Command) -> bool:
        """The server's own handling of ``command``; False ends the connection."""
        name = command.name
        if name == "LOGOUT":
            self.write(b"* BYE logging out\r\n")
            self.reply(command)
            return False
        simple: dict[str, Callable[[Command], None]] = {
            "CAPABILITY": self._capability,
            "NOOP": self.reply,
            "STARTTLS": self._starttls,
            "LOGIN": self._login,
            "AUTHENTICATE": self._authenticate,
        }
        selected: dict[str, Callable[[Command], None]] = {
            "ENABLE": self._enable,
            "LIST": self._list,
            "STATUS": self._status,
            "SELECT": self._select,
            "EXAMINE": self._select,
            "UID SEARCH": self._search,
            "UID FETCH": self._fetch,
            "FETCH": self._fetch,
            "UID STORE": self._store,
        }
        if name in simple:
            simple[name](command)
        elif name in selected and self._authenticated:
            selected[name](command)
        else:
            self.reply(command, f"BAD {name} not supported here")
        return True

    def _capabilities(self) -> list[str]:
        extra = ["STARTTLS"] if self.server.tls == "starttls" else []
        return [*self.mailbox.capabilities, *extra]

    def _capability(self, command: Command) -> None:
        self.write(f"* CAPABILITY {' '.join(self._capabilities())}\r\n".encode())
        self.reply(command)

    def _starttls(self, command: Command) -> None:
        self.reply(command, "OK begin TLS now")
        self._secure()
        self._file = self._sock.makefile("rb")

    def _login(self, command: Command) -> None:
        user, password = self._arguments.string(), self._arguments.string()
        self._check_login(command, user, password)

    def _authenticate(self, command: Command) -> None:
        if self._arguments.string().upper() != b"PLAIN":
            self.reply(command, "NO unsupported mechanism")
            return
        self.write(b"+ \r\n")
        answer = self._read_line().strip()
        try:
            _authzid, user, password = base64.b64decode(answer, validate=True).split(b"\0")
        except ValueError:
            self.reply(command, "BAD invalid response")
            return
        self._check_login(command, user, password)

    def _check_login(self, command: Command, user: bytes, password: bytes) -> None:
        if (user, password) == (self.mailbox.user.encode(), self.mailbox.password.encode()):
            self._authenticated = True
            self.reply(command, "OK logged in")
        else:
            self.reply(command, "NO [AUTHENTICATIONFAILED] Authentication failed.")

    def _find(self, name: bytes) -> Folder | None:
        for folder in self.mailbox.folders:
            wire = folder.name.encode()
            if wire == name or (wire.upper() == b"INBOX" and name.upper() == b"INBOX"):
                return folder
        return None

    def _list(self, command: Command) -> None:
        for folder in self.mailbox.folders:
            delimiter = quoted(folder.delimiter) if folder.delimiter is not None else b"NIL"
            self.write(
                b"* LIST (%s) %s %s\r\n" % (folder.flags.encode(), delimiter, quoted(folder.name))
            )
        self.reply(command)

    def _status(self, command: Command) -> None:
        folder = self._find(self._arguments.string())
        if folder is None:
            self.reply(command, "NO no such folder")
            return
        items = (
            f"MESSAGES {len(folder.messages)} UIDNEXT {_uidnext(folder)} "
            f"UIDVALIDITY {folder.uidvalidity}"
        )
        if folder.highestmodseq is not None:
            items += f" HIGHESTMODSEQ {folder.highestmodseq}"
        self.write(b"* STATUS %s (%s)\r\n" % (quoted(folder.name), items.encode()))
        self.reply(command)

    def _enable(self, command: Command) -> None:
        self.write(f"* ENABLED {self._arguments.rest()}\r\n".encode())
        self.reply(command)

    def _select(self, command: Command) -> None:
        folder = self._find(self._arguments.string())
        if folder is None:
            self.reply(command, "NO no such folder")
            return
        self._selected = folder
        self.write(
            (
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                f"* {len(folder.messages)} EXISTS\r\n* 0 RECENT\r\n"
                f"* OK [UIDVALIDITY {folder.uidvalidity}] UIDs valid\r\n"
                f"* OK [UIDNEXT {_uidnext(folder)}] Predicted next UID\r\n"
            ).encode()
        )
        if folder.highestmodseq is not None:
            self.write(b"* OK [HIGHESTMODSEQ %d] Highest\r\n" % folder.highestmodseq)
            self._qresync_changes(folder, self._arguments.rest())
        mode = "READ-ONLY" if command.name == "EXAMINE" or folder.read_only else "READ-WRITE"
        self.reply(command, f"OK [{mode}] {command.name} completed")

    def _qresync_changes(self, folder: Folder, arguments: str) -> None:
        """RFC 7162's answer to ``(QRESYNC (uidvalidity modseq))``: what changed since."""
        match = re.fullmatch(r"\(QRESYNC \((\d+) (\d+)\)\)", arguments, re.IGNORECASE)
        if match is None or match[1] != str(folder.uidvalidity):
            return
        since = int(match[2])
        gone = sorted(uid for uid, modseq in folder.vanished.items() if modseq > since)
        if gone:
            self.write(f"* VANISHED (EARLIER) {','.join(map(str, gone))}\r\n".encode())
        for number, message in enumerate(folder.messages, 1):
            if message.modseq > since:
                self.write(
                    f"* {number} FETCH (UID {message.uid} FLAGS {message.flags} "
                    f"MODSEQ ({message.modseq}))\r\n".encode()
                )

    def _search(self, command: Command) -> None:
        if self._selected is None:
            self.reply(command, "BAD no folder selected")
            return
        criteria = re.fullmatch(r"(RETURN \(ALL\) )?(?:UID (\S+)|ALL)?", command.args, re.I)
        if criteria is None:
            self.reply(command, "BAD only [RETURN (ALL)] [UID <set>] here")
            return
        every = [str(message.uid) for message in self._selected.messages]
        highest = _highest_uid(self._selected)
        wanted = None if criteria[2] is None else _SequenceSet(criteria[2], highest)
        uids = [uid for uid in every if wanted is None or uid in wanted]
        if criteria[1]:  # ESEARCH (RFC 4731): a compact set, each run of UIDs as low:high
            runs: list[list[int]] = []
            for uid in map(int, uids):
                if runs and runs[-1][1] == uid - 1:
                    runs[-1][1] = uid
                else:
                    runs.append([uid, uid])
            found = ",".join(f"{low}:{high}" if high > low else str(low) for low, high in runs)
            found = f" ALL {found}" if found else ""
            self.write(f'* ESEARCH (TAG "{command.tag}") UID{found}\r\n'.encode())
        else:
            self.write(f"* SEARCH {' '.join(uids)}\r\n".rstrip(" \r\n").encode() + b"\r\n")
        self.reply(command)

    def _matching(self, sequence: str, *, by_uid: bool = True) -> Iterator[tuple[int, Message]]:
        """The messages in ``sequence``: a set of UIDs, or of sequence numbers."""
        assert self._selected is not None
        messages = self._selected.messages
        wanted = _SequenceSet(sequence, _highest_uid(self._selected) if by_uid else len(messages))
        for number, message in enumerate(messages, 1):
            if (str(message.uid) if by_uid else str(number)) in wanted:
                yield number, message

    def _fetch(self, command: Command) -> None:
        if self._selected is None:
            self.reply(command, "BAD no folder selected")
            return
        sequence = self._arguments.string().decode()
        rest = self._arguments.rest()
        since = re.search(r" \(CHANGEDSINCE (\d+)\)$", rest, re.IGNORECASE)  # CONDSTORE
        items = _FETCH_ITEM.findall(rest if since is None else rest[: since.start()])
        by_uid = command.name == "UID FETCH"
        for number, message in self._matching(sequence, by_uid=by_uid):
            if since is not None and message.modseq <= int(since[1]):
                continue
            self.write(b"* %d FETCH (UID %s" % (number, str(message.uid).encode()))
            for item in items:
                self._fetch_item(message, item)
            if since is not None:
                self.write(b" MODSEQ (%d)" % message.modseq)
            self.write(b")\r\n")
        self.reply(command)

    def _fetch_item(self, message: Message, item: str) -> None:
        upper = item.upper()
        if upper == "FLAGS":
            self.write(b" FLAGS " + message.flags.encode())
        elif upper == "RFC822.SIZE":
            size = len(message.body) if message.size is None else message.size
            self.write(b" RFC822.SIZE " + str(size).encode())
        elif upper.startswith("BODY"):
            section = upper[upper.index("[") + 1 : upper.index("]")]
            partial = _PARTIAL.search(upper)
            origin = b"" if partial is None else b"<%s>" % partial.group(1).encode()
            self.write(b" BODY[" + section.encode() + b"]" + origin + b" ")
            if section:
                self.write(quoted_literal(_section(message.body, section)))
            elif partial is not None and message.partial and message.literal_size is not None:
                offset, length = int(partial.group(1)), int(partial.group(2))
                size = max(0, min(length, message.literal_size - offset))
                self._literal(_piece(_chunks(message), offset, size), size)
            elif partial is not None and message.partial and message.stream is None:
                offset, length = int(partial.group(1)), int(partial.group(2))
                piece = message.body[offset : offset + length]
                self._literal([piece], len(piece))
            else:
                size = len(message.body) if message.literal_size is None else message.literal_size
                self._literal(_chunks(message), size)

    def _literal(self, chunks: Iterable[bytes], size: int) -> None:
        self.write(b"{%d}\r\n" % size)
        rate = self.script.literal_rate
        if rate is None:
            self.stream(chunks)
            return
        for chunk in chunks:
            self.drip(chunk, rate)

    def _store(self, command: Command) -> None:
        if self._selected is None:
            self.reply(command, "BAD no folder selected")
            return
        if self._selected.read_only:
            self.reply(command, "NO [READ-ONLY] Mailbox is read-only")
            return
        sequence = self._arguments.string().decode()
        action = self._arguments.string().decode().upper()
        flags = _flag_set(self._arguments.rest())
        with self.server.lock:
            for number, message in self._matching(sequence):
                current = _flag_set(message.flags)
                if action.startswith("+"):
                    current += [flag for flag in flags if flag not in current]
                elif action.startswith("-"):
                    current = [flag for flag in current if flag not in flags]
                else:
                    current = flags
                if self._selected.highestmodseq is None:
                    message.flags = f"({' '.join(current)})"
                else:
                    self._selected.change(message, f"({' '.join(current)})")
                if not action.endswith(".SILENT"):
                    self.write(
                        b"* %d FETCH (UID %s FLAGS %s)\r\n"
                        % (number, str(message.uid).encode(), message.flags.encode())
                    )
        self.reply(command)


def _chunks(message: Message) -> Iterable[bytes]:
    return [message.body] if message.stream is None else message.stream()


def _piece(chunks: Iterable[bytes], offset: int, size: int) -> Iterator[bytes]:
    """Bytes ``offset`` to ``offset + size`` of the chunks' concatenation, as they come."""
    for chunk in chunks:
        if size <= 0:
            return
        if offset >= len(chunk):
            offset -= len(chunk)
            continue
        piece = chunk[offset : offset + size]
        offset, size = 0, size - len(piece)
        yield piece


def quoted_literal(data: bytes) -> bytes:
    return b"{%d}\r\n" % len(data) + data


def _section(body: bytes, section: str) -> bytes:
    """``HEADER``, ``HEADER.FIELDS (A B)`` or ``TEXT`` of a message."""
    end = body.find(_HEADER_END)
    header, text = (body, b"") if end < 0 else (body[: end + 4], body[end + 4 :])
    if section == "TEXT":
        return text
    if section.startswith("HEADER.FIELDS"):
        wanted = {name.encode() for name in section[section.index("(") + 1 : -1].split()}
        lines = re.findall(rb"[^\r\n]+\r\n(?:[ \t][^\r\n]*\r\n)*", header)
        kept = [line for line in lines if line.split(b":", 1)[0].strip().upper() in wanted]
        return b"".join(kept) + b"\r\n"
    return header


def _highest_uid(folder: Folder) -> int:
    numbers = [int(str(m.uid)) for m in folder.messages if str(m.uid).lstrip("-").isdigit()]
    return max(numbers, default=0)


def _uidnext(folder: Folder) -> str:
    return str(folder.uidnext if folder.uidnext is not None else _highest_uid(folder) + 1)


class _Handler(socketserver.BaseRequestHandler):
    server: _TCPServer

    def handle(self) -> None:
        fake = self.server.fake
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # many small writes
        with fake.lock:
            fake.sockets.add(self.request)
        try:
            Connection(fake, self.request).serve()
        finally:
            with fake.lock:
                fake.sockets.discard(self.request)


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, fake: FakeImap) -> None:
        super().__init__((HOST, 0), _Handler)
        self.fake = fake


class FakeImap:
    """The server: ``start`` and ``stop`` (or ``serving``), ``port``, ``commands``."""

    def __init__(self, mailbox: Mailbox, script: Script | None = None, tls: str = "none") -> None:
        if tls not in ("none", "ssl", "starttls"):
            raise ValueError(f"tls must be none, ssl or starttls, not {tls!r}")
        self.mailbox = mailbox
        self.script = script or Script()
        self.tls = tls
        self.commands: list[Command] = []
        self.lock = threading.RLock()
        self.stopping = threading.Event()
        self.sockets: set[socket.socket] = set()
        self._root = Path(tempfile.mkdtemp(prefix="fake-imap-"))
        self.ca_file = self._root / "cert.pem"
        self._context: ssl.SSLContext | None = None
        for folder in mailbox.folders:
            for number, message in enumerate(folder.messages, 1):
                if message.uid is None:
                    message.uid = number
        self._server = _TCPServer(self)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="fake-imap", daemon=True
        )

    def tls_context(self) -> ssl.SSLContext:
        with self.lock:
            if self._context is None:
                make_certificate(self.ca_file, self._root / "key.pem")
                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(self.ca_file, self._root / "key.pem")
                self._context = context
            return self._context

    def start(self) -> None:
        if self.tls != "none":
            self.tls_context()  # before any client needs the CA file
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, end every connection (drips included) and clean up."""
        self.stopping.set()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(STOP_TIMEOUT)
        for path in self._root.iterdir():
            path.unlink()
        self._root.rmdir()

    def record(self, command: Command) -> None:
        with self.lock:
            self.commands.append(command)

    def received(self, name: str) -> list[str]:
        """The arguments of every command ``name`` (e.g. ``"UID STORE"``) received so far."""
        with self.lock:
            return [command.args for command in self.commands if command.name == name]

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """Provider settings for this server and its mailbox's user."""
        settings: dict[str, Any] = {
            "host": HOST,
            "port": self.port,
            "username": self.mailbox.user,
            "password": self.mailbox.password,
            "security": self.tls,
            "batch_size": 20,
            "timeout": 10,
        }
        if self.tls != "none":
            settings["ca_file"] = str(self.ca_file)
        settings.update(overrides)
        return settings


@contextlib.contextmanager
def serving(
    mailbox: Mailbox, script: Script | None = None, tls: str = "none"
) -> Iterator[FakeImap]:
    """A started ``FakeImap``, always stopped afterwards."""
    server = FakeImap(mailbox, script, tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()
