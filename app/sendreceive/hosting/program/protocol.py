"""The provider protocol, version 1 (``docs/protocol.md``), as the host reads and writes it.

One JSON object per line, UTF-8, both ways. What a program writes is hostile input,
checked here and nowhere else: a line is at most ``LINE_LIMIT`` bytes, valid UTF-8 JSON,
an object whose ``type`` is one of ``PROGRAM_MESSAGES`` with exactly that message's
fields; anything else is a ``ProtocolError`` naming the line and what is wrong. The
*values* of a contract call's fields (a ``Progress`` index, an ``Error`` HRESULT) are
not judged here: they go to the tracker as they came, which checks them by the
contract's rules, as it checks a Python provider's arguments.

The host writes compact JSON, keys in the document's order, non-ASCII escaped: a shell
provider can match a line with a ``case`` pattern.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from sendreceive.contract import SyncFlags

VERSIONS = (1,)  # the versions this host speaks, oldest first
LINE_LIMIT = 1 << 20  # bytes of one line from a program, its newline excluded
LOG_TEXT_LIMIT = 16_384  # characters of a log line kept

# What a program may send: each message's fields, all required ("type" included).
PROGRAM_MESSAGES: dict[str, frozenset[str]] = {
    kind: frozenset({"type", *fields})
    for kind, fields in {
        "hello": ("version",),
        "Progress": ("text", "index", "max"),
        "Error": ("hresult", "text"),
        "Done": ("hresult",),
        "returned": ("hresult", "style"),
        "password": (),
        "log": ("level", "text"),
    }.items()
}
STYLES = ("in-call", "background")
LOG_LEVELS = {"debug": 10, "info": 20, "warning": 30, "error": 40}


class ProtocolError(ValueError):
    """A line that is no message of the protocol; the text says why."""


# A Progress line as a program's JSON library writes it (compact, in the document's
# order, a text without escapes): read without the JSON parser, four times faster, to
# exactly what the parser would make of it. Any other line takes ``read_line``.
_PROGRESS = re.compile(
    rb'\{"type":"Progress","text":(?:null|"([^"\\\x00-\x1f]*)"),'
    rb'"index":(0|[1-9][0-9]{0,19}),"max":(0|[1-9][0-9]{0,19})\}'
).fullmatch


def quick_progress(line: bytes) -> tuple[str | None, int, int] | None:
    """A plain ``Progress`` line's (text, index, max); ``None`` for any other line."""
    found = _PROGRESS(line)
    if found is None:
        return None
    text, index, index_max = found.groups()
    try:
        return None if text is None else text.decode(), int(index), int(index_max)
    except UnicodeDecodeError:  # read_line names it
        return None


def read_line(line: bytes) -> dict[str, Any]:
    """One line from the program (without its newline) as a checked message."""
    if len(line) > LINE_LIMIT:
        raise ProtocolError(f"a line of {len(line):,} bytes (at most {LINE_LIMIT:,})")
    try:
        message = json.loads(line)
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"not UTF-8: byte {exc.start + 1} is {line[exc.start]:#04x}") from None
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"not JSON: {_short(str(exc))}") from None
    if type(message) is not dict:
        raise ProtocolError("a message must be a JSON object")
    kind = message.get("type")
    fields = PROGRAM_MESSAGES.get(kind) if type(kind) is str else None
    if fields is None:
        raise ProtocolError(f"unknown message type {_short(json.dumps(kind))}")
    if message.keys() != fields:
        missing = sorted(fields - message.keys())
        if missing:
            raise ProtocolError(f"{kind}: field {missing[0]!r} missing")
        extra = sorted(message.keys() - fields)
        raise ProtocolError(f"{kind}: unknown field {_short(extra[0])!r}")
    return message


def expect(message: dict[str, Any], field: str, allowed: tuple[Any, ...]) -> Any:
    """A protocol field (not a contract value) that must be one of ``allowed``."""
    value = message[field]
    if type(value) not in (str, int) or value not in allowed:
        shown = ", ".join(json.dumps(a) for a in allowed)
        raise ProtocolError(
            f"{message['type']}.{field}: {_short(json.dumps(value))} is none of {shown}"
        )
    return value


def text_field(message: dict[str, Any], field: str) -> str:
    value = message[field]
    if type(value) is not str:
        raise ProtocolError(f"{message['type']}.{field}: must be a string")
    return value[:LOG_TEXT_LIMIT]


# ------------------------------------------------------------ what the host writes


def encode(kind: str, **fields: Any) -> bytes:
    return json.dumps({"type": kind, **fields}, separators=(",", ":"), default=str).encode() + b"\n"


def hello() -> bytes:
    return encode("hello", versions=list(VERSIONS))


def synchronize(
    flags: int,
    account: str,
    settings: Mapping[str, Any],
    store_dir: str,
    locale: str,
) -> bytes:
    """``SynchronizeInBackground``: TOML's dates and times travel as ISO 8601 text."""
    names = [flag.name for flag in SyncFlags if flag & flags and flag.name]
    return encode(
        "SynchronizeInBackground",
        flags=flags,
        flag_names=names,
        account=account,
        settings=dict(settings),
        store_dir=store_dir,
        locale=locale,
    )


def cancel() -> bytes:
    return encode("cancel")


def password(value: str | None, error: str | None) -> bytes:
    return encode("password", value=value, error=error)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"
