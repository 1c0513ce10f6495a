"""Checking an e-mail message before it is queued, as a stream: an ``.eml`` file the user
names (``sendreceive queue``, Add Message, a drop) or the bytes New Message built.

A message may be tens of MiB, so it is never parsed whole: its header section is parsed
(bounded), the rest is read in chunks and only its MIME structure followed — each
part's boundary and content type — to a bounded depth (the standard library's parser
recurses once per nested part, and 2,000 of them crashed it). What is read can be
copied to the Outbox as it is checked, so a file is read once and queued exactly as
it was checked.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator, Sequence
from email import policy
from email.errors import InvalidHeaderDefect, MissingHeaderBodySeparatorDefect
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser
from pathlib import Path
from typing import BinaryIO

from sendreceive.input_files import FileKind, InputFileError, open_checked, too_large

MAX_MESSAGE_BYTES = 64 * 1024 * 1024  # what a queued .eml may be: larger is no mail
MAX_HEADER_BYTES = 8 * 1024 * 1024  # a header section (the message's, or a part's)
MAX_MIME_DEPTH = 32  # parts within parts (mail rarely nests more than five)
MESSAGE_FILE = FileKind("an e-mail message", "an .eml file", MAX_MESSAGE_BYTES)
ATTACHMENT_FILE = FileKind("an attachment", "a regular file", MAX_MESSAGE_BYTES)
ADDRESS_HEADERS = ("from", "to", "cc", "bcc")
RECIPIENT_HEADERS = ("to", "cc", "bcc")
_CHUNK = 64 * 1024
_LINE_BREAK = re.compile(r"\n|\r")  # what the email policy removes to unfold a header
_BLANK = (b"\n", b"\r\n")


class UnreadableAddressError(ValueError):
    """An address the standard parser fails on, rather than reporting its defects."""

    def __init__(self, header: str, piece: str) -> None:
        super().__init__(f"{header.title()}: {piece.strip()}")
        self.header = header
        self.piece = piece.strip()


class MessageError(Exception):
    """Why a message cannot be queued, and the line it concerns (None: the whole of it)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def check_file(path: Path, copy_to: BinaryIO | None = None) -> tuple[EmailMessage, int]:
    """``path``'s message headers and size, read by the rule every input file follows;
    what was read is written to ``copy_to``. ``InputFileError`` names file and line."""
    try:
        with open_checked(path, MESSAGE_FILE) as source:
            return check_stream(source, copy_to)
    except MessageError as exc:
        raise InputFileError(path, exc.message, exc.line) from None


def check_stream(source: BinaryIO, copy_to: BinaryIO | None = None) -> tuple[EmailMessage, int]:
    """The message's headers (as an ``EmailMessage`` without body) and size;
    ``MessageError`` for what cannot be sent as it is."""
    scan = _Scan(source, copy_to)
    chunks = scan.chunks()
    head, lines_of = _header_section(chunks)
    message = BytesParser(policy=policy.default).parsebytes(head, headersonly=True)
    assert isinstance(message, EmailMessage)  # policy.default builds EmailMessage
    if not head.strip() or any(
        isinstance(d, MissingHeaderBodySeparatorDefect) for d in message.defects
    ):
        raise MessageError("is not an e-mail message (no header lines at its start)", 1)
    for name in ADDRESS_HEADERS:
        try:
            collections.deque(address_headers(message, name), maxlen=0)  # each one checked
        except UnreadableAddressError as exc:
            raise MessageError(
                f"has an address it cannot use in {exc.header.title()}: {exc.piece}",
                lines_of.get(name),
            ) from None
    if not recipients_of(message):
        raise MessageError("has no recipient (no address in To, Cc or Bcc)")
    _follow_parts(chunks, _opens(message))
    return message, scan.size


def header_section(source: BinaryIO) -> bytes:
    """The header section of a message file, read no further (bounded)."""
    return _header_section(_Scan(source, None).chunks())[0]


def recipients_of(message: Message) -> tuple[str, ...]:
    """The To, Cc and Bcc addresses, each once, in time linear in their number."""
    found: dict[str, None] = {}  # ordered
    for name in RECIPIENT_HEADERS:
        for header in address_headers(message, name):
            found.update(dict.fromkeys(address_text(a.addr_spec) for a in addresses(header)))
    return tuple(found)


def address_headers(message: Message, name: str) -> Iterator[object]:
    """The address header ``name``, parsed an address (or a group) at a time: the
    standard parser, given a whole header of 40,000 addresses, slices what is left of
    it at every token. ``UnreadableAddressError`` names a piece, as the message wrote it,
    that is no usable address: Pythons differ on a broken one (3.11's parser raises on
    "<broken@", 3.13's reads it as "<>" with a defect), and this says so on every one."""
    for key, value in message.raw_items():
        if key.lower() == name:
            for piece in _address_pieces("".join(_LINE_BREAK.split(str(value)))):
                try:
                    header = message.policy.header_factory(name, piece)  # type: ignore[attr-defined]
                except Exception as exc:  # the parser breaks on some: IndexError for "<a@"
                    raise UnreadableAddressError(name, piece) from exc
                defects = getattr(header, "defects", ())
                if any(isinstance(d, InvalidHeaderDefect) for d in defects) or any(
                    "@" not in a.addr_spec for a in addresses(header)
                ):
                    raise UnreadableAddressError(name, piece)
                yield header


def address_text(address: str) -> str:
    """An address as text: the parser keeps a header's raw 8-bit bytes as surrogate
    escapes, which no transport can send (UTF-8 read as UTF-8, anything else replaced)."""
    try:
        raw = address.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that escapes no byte
        raw = address.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _address_pieces(value: str) -> Iterator[str]:
    """``value`` cut at each comma between addresses (not in a quoted string, a comment,
    an angle address or a group), blank pieces left out; a group is one piece."""
    start = depth = 0
    quoted = escaped = angle = group = False
    for index, char in enumerate(value):
        if escaped:
            escaped = False
        elif char == "\\" and (quoted or depth):
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif char == '"':
            quoted = True
        elif char == "(":
            depth += 1
        elif depth:
            depth -= char == ")"
        elif char in "<>":
            angle = char == "<"
        elif angle:
            continue
        elif char == ":":
            group = True
        elif (char == ";" and group) or (char == "," and not group):
            piece = value[start : index + group]  # a group keeps its ";", not a comma
            if piece.strip():
                yield piece
            group = False
            start = index + 1
    if value[start:].strip():
        yield value[start:]


def addresses(header: object) -> Sequence[Address]:
    """The addresses of a parsed address header (email's header classes are untyped)."""
    found: Sequence[Address] = getattr(header, "addresses", ())
    return found


class _Scan:
    """The source in chunks of at most one line, each with its line number and whether
    it starts that line; counted, size-checked and copied as it is read."""

    def __init__(self, source: BinaryIO, copy_to: BinaryIO | None) -> None:
        self.source = source
        self.copy_to = copy_to
        self.size = 0

    def _read(self, number: int) -> bytes:
        """The next chunk; a read error is the source's (a write error is the copy's)."""
        try:
            return self.source.readline(_CHUNK)
        except OSError as exc:
            raise MessageError(f"cannot be read ({exc.strerror or exc})", number + 1) from None

    def chunks(self) -> Iterator[tuple[int, bytes, bool]]:
        number = 0
        at_start = True
        while chunk := self._read(number):
            starts = at_start
            number += starts
            at_start = chunk.endswith(b"\n")
            self.size += len(chunk)
            if self.size > MAX_MESSAGE_BYTES:
                raise MessageError(too_large(MESSAGE_FILE), number)
            if self.copy_to is not None:
                self.copy_to.write(chunk)
            yield number, chunk, starts


def _header_section(
    chunks: Iterator[tuple[int, bytes, bool]],
) -> tuple[bytes, dict[str, int]]:
    """The header section up to its blank line, and the line each header starts on."""
    parts: list[bytes] = []
    size = 0
    lines_of: dict[str, int] = {}
    for number, chunk, starts in chunks:
        if starts and chunk in _BLANK:
            break
        size += len(chunk)
        if size > MAX_HEADER_BYTES:
            raise MessageError(
                f"has a header section larger than {MAX_HEADER_BYTES // 2**20} MiB", number
            )
        if starts and chunk[:1] not in (b" ", b"\t"):
            name = chunk.partition(b":")[0].strip().lower().decode("ascii", "replace")
            lines_of.setdefault(name, number)
        parts.append(chunk)
    return b"".join(parts), lines_of


def _opens(headers: Message) -> bytes | None:
    """What a part's headers open: the boundary of a multipart, ``b""`` for an enclosed
    message (its own headers follow), ``None`` for a leaf."""
    kind = headers.get_content_maintype()
    if kind == "multipart":
        boundary = headers.get_boundary()
        return boundary.encode("utf-8", "surrogateescape") if boundary else None
    return b"" if kind == "message" else None


def _follow_parts(chunks: Iterator[tuple[int, bytes, bool]], top: bytes | None) -> None:
    """Read the body to its end, following nested parts; ``MessageError`` beyond
    ``MAX_MIME_DEPTH``. ``stack`` holds the open multiparts' boundaries, and ``b""`` for
    an enclosed message (ended with the part that holds it)."""
    stack: list[bytes] = []
    part: list[bytes] = []
    part_size = 0

    def enter(opened: bytes | None, number: int) -> bool:
        """Enter what a part opens; True when an enclosed message's headers follow."""
        if opened is None:
            return False
        if len(stack) == MAX_MIME_DEPTH:
            raise MessageError(f"has MIME parts nested more than {MAX_MIME_DEPTH} deep", number)
        stack.append(opened)
        return opened == b""

    in_headers = enter(top, 1)
    for number, chunk, starts in chunks:
        if in_headers:
            if starts and chunk in _BLANK:
                headers = BytesParser(policy=policy.compat32).parsebytes(
                    b"".join(part), headersonly=True
                )
                part, part_size = [], 0
                in_headers = enter(_opens(headers), number)
                continue
            part_size += len(chunk)
            if part_size > MAX_HEADER_BYTES:
                raise MessageError(
                    f"has a part's header section larger than {MAX_HEADER_BYTES // 2**20} MiB",
                    number,
                )
            part.append(chunk)
            continue
        if not (starts and chunk.startswith(b"--") and stack):
            continue
        mark = chunk.rstrip()
        for depth in range(len(stack) - 1, -1, -1):
            boundary = stack[depth]
            if not boundary:
                continue
            if mark == b"--" + boundary:
                del stack[depth + 1 :]
                in_headers = True
                break
            if mark == b"--" + boundary + b"--":
                del stack[depth:]
                break
