"""A queued message's bytes as they go out, or the reason they cannot.

What the server receives must mean to it what it meant here: line ends are CRLF (a bare
LF becomes CRLF), a NUL or a bare CR (a CR not followed by LF, as in the
``<CR>.<CR><LF>`` pattern of SMTP smuggling, which servers read in different ways) is
refused, every header line is a header, and the headers that name hidden recipients
(``Bcc``, ``Resent-Bcc``) do not travel.

A message may be tens of MiB, so it is never held whole: a first pass over the file
checks it before anything is sent (a refusal must come before MAIL), a second reads it
out a piece at a time, normalised on the way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from sendreceive.contract import MAPI_E_CORRUPT_DATA
from sendreceive.mail.message_file import MessageError, header_section

PIECE = 1024 * 1024  # read at a time: a piece and its CRLF copy are the memory it takes
_BARE_CR = re.compile(rb"\r(?!\n)")
_BARE_LF = re.compile(rb"(?<!\r)\n")
_FIELD_NAME = re.compile(rb"([!-9;-~]+)[ \t]*:")  # printable ASCII but ":" (RFC 5322, 3.6.8)
_HIDDEN = frozenset({b"bcc", b"resent-bcc"})


class UnsendableError(Exception):
    """The message cannot be sent as it is; the text says why, for the Outbox view."""

    def __init__(self, hresult: int, message: str) -> None:
        super().__init__(message)
        self.hresult = hresult


class OutgoingData:
    """A queued message's file, checked on creation (``UnsendableError``), then read out
    by ``pieces``: CRLF line ends, no Bcc-like header, the rest byte for byte."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.eight_bit = False  # a byte outside ASCII: BODY=8BITMIME
        for piece in self._raw_pieces(0):
            if b"\0" in piece:
                raise UnsendableError(
                    MAPI_E_CORRUPT_DATA, "it contains a NUL byte, which mail cannot carry"
                )
            if _BARE_CR.search(piece):
                raise UnsendableError(
                    MAPI_E_CORRUPT_DATA,
                    "it contains a carriage return not followed by a line feed (a bare CR), "
                    "which mail servers read in different ways; save it again from an e-mail "
                    "program",
                )
            self.eight_bit = self.eight_bit or not piece.isascii()
        file.seek(0)
        try:
            head = header_section(file)  # bounded; the file stops after its blank line
        except MessageError as exc:
            raise UnsendableError(MAPI_E_CORRUPT_DATA, f"it {exc.message}") from None
        self._body_start = file.tell()
        separated = self._body_start > len(head)  # the blank line was read too
        self._head = b"".join(line + b"\r\n" for line in _kept_headers(head))
        if separated:
            self._head += b"\r\n"

    def pieces(self) -> Iterator[bytes]:
        """The message as it goes out, in pieces of about ``PIECE`` bytes."""
        yield self._head
        for piece in self._raw_pieces(self._body_start):
            yield _BARE_LF.sub(b"\r\n", piece)

    def _raw_pieces(self, start: int) -> Iterator[bytes]:
        """The file from ``start`` in pieces, none ending in a CR: a CR goes with the next
        piece, so that a CRLF is never cut in two."""
        self._file.seek(start)
        carried = b""
        while piece := self._file.read(PIECE):
            if carried:
                piece = carried + piece
            carried = b"\r" if piece.endswith(b"\r") else b""
            yield piece[:-1] if carried else piece
        if carried:
            yield carried


def _kept_headers(head: bytes) -> Iterator[bytes]:
    """The header lines (without line end) but those of a Bcc-like header."""
    lines = head.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # after the last line end
    if not lines:  # a blank line first: no header at all
        lines = [b""]
    hiding = False
    for number, line in enumerate(lines, 1):
        line = line.removesuffix(b"\r")  # the only CR there is: a bare one was refused
        if line[:1] in (b" ", b"\t") and number > 1:
            if not hiding:
                yield line
            continue
        name = _FIELD_NAME.match(line)
        if name is None:
            raise UnsendableError(
                MAPI_E_CORRUPT_DATA,
                f"its header line {number} is not a header ({_shown(line)}), so where its "
                "headers end is unclear",
            )
        hiding = name[1].lower() in _HIDDEN
        if not hiding:
            yield line


def _shown(line: bytes) -> str:
    text = line[:60].decode("utf-8", "replace")
    return repr(text + "…" if len(line) > 60 else text)
