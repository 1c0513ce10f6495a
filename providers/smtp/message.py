"""A queued message's bytes as they go out, or the reason they cannot.

What the server receives must mean to it what it meant here: line ends are CRLF (a bare
LF becomes CRLF), a NUL or a bare CR (a CR not followed by LF, as in the
``<CR>.<CR><LF>`` pattern of SMTP smuggling, which servers read in different ways) is
refused, every header line is a header, and the headers that name hidden recipients
(``Bcc``, ``Resent-Bcc``) do not travel.
"""

from __future__ import annotations

import re

from sendreceive.contract import MAPI_E_CORRUPT_DATA

_BARE_CR = re.compile(rb"\r(?!\n)")
_BARE_LF = re.compile(rb"(?<!\r)\n")
_FIELD_NAME = re.compile(rb"([!-9;-~]+)[ \t]*:")  # printable ASCII but ":" (RFC 5322, 3.6.8)
_HIDDEN = frozenset({b"bcc", b"resent-bcc"})


class UnsendableError(Exception):
    """The message cannot be sent as it is; the text says why, for the Outbox view."""

    def __init__(self, hresult: int, message: str) -> None:
        super().__init__(message)
        self.hresult = hresult


def outgoing_bytes(data: bytes) -> bytes:
    """``data`` with CRLF line ends and no Bcc-like header, the rest byte for byte."""
    if b"\0" in data:
        raise UnsendableError(
            MAPI_E_CORRUPT_DATA, "it contains a NUL byte, which mail cannot carry"
        )
    if _BARE_CR.search(data):
        raise UnsendableError(
            MAPI_E_CORRUPT_DATA,
            "it contains a carriage return not followed by a line feed (a bare CR), which "
            "mail servers read in different ways; save it again from an e-mail program",
        )
    if _BARE_LF.search(data):
        data = _BARE_LF.sub(b"\r\n", data)
    end = data.find(b"\r\n\r\n")  # the body, from its separator on, is kept as it is
    if end < 0:  # headers only, no body
        end = len(data) - 2 if data.endswith(b"\r\n") else len(data)
    head = data[:end]
    kept: list[bytes] = []
    hiding = False
    for number, line in enumerate(head.split(b"\r\n"), 1):
        if line[:1] in (b" ", b"\t") and number > 1:
            if not hiding:
                kept.append(line)
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
            kept.append(line)
    with memoryview(data) as view:  # no copy of a big body but the one returned
        return b"".join((b"\r\n".join(kept), view[end:]))


def _shown(line: bytes) -> str:
    text = line[:60].decode("utf-8", "replace")
    return repr(text + "…" if len(line) > 60 else text)
