"""The messages between the host and a provider's process, over one socket pair.

Frames are length-prefixed. The host sends pickles (its own data: the account's settings
may hold TOML dates); the provider's process sends JSON only, which the host decodes
with exact type checks: whatever runs in that process can at worst end its own task,
never run code in the host or make it hold an unbounded message.
"""

from __future__ import annotations

import json
import pickle
import socket
from typing import Any

MAX_FRAME = 8 << 20  # bytes; a state message carries at most ENTRIES_PER_MESSAGE entries
ENTRIES_PER_MESSAGE = 2_000
_HEADER = 4


class ProtocolError(Exception):
    """The other side sent something that is not a message of this protocol."""


def send_frame(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(_HEADER, "big") + payload)


def receive_frame(sock: socket.socket) -> bytes | None:
    """One frame's payload; ``None`` at end of stream. ``socket.timeout`` passes through
    before a frame has begun, so a reader can look at the clock between frames."""
    header = _receive_exactly(sock, _HEADER, first=True)
    if header is None:
        return None
    size = int.from_bytes(header, "big")
    if size > MAX_FRAME:
        raise ProtocolError(f"a frame of {size:,} bytes (at most {MAX_FRAME:,})")
    payload = _receive_exactly(sock, size, first=False)
    if payload is None:
        raise ProtocolError("the stream ended inside a frame")
    return payload


def _receive_exactly(sock: socket.socket, size: int, first: bool) -> bytes | None:
    chunks: list[bytes] = []
    missing = size
    while missing:
        try:
            chunk = sock.recv(min(missing, 1 << 20))
        except TimeoutError:
            if first and missing == size:
                raise
            continue  # inside a frame: the rest is on its way
        if not chunk:
            return None
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


# ------------------------------------------------------------ host -> provider's process


def to_child(message: dict[str, Any]) -> bytes:
    return pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def from_host(payload: bytes) -> dict[str, Any]:
    message = pickle.loads(payload)  # the host's own data
    assert type(message) is dict
    return message


# ------------------------------------------------------------ provider's process -> host


def to_host(message: dict[str, Any]) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode()


def from_child(payload: bytes) -> dict[str, Any]:
    try:
        message = json.loads(payload)
    except ValueError as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if type(message) is not dict or type(message.get("t")) is not str:
        raise ProtocolError("a message must be an object with a type")
    return message


def field(message: dict[str, Any], name: str, *kinds: type) -> Any:
    """``message[name]``, checked to be of one of ``kinds`` exactly (``None`` allowed
    when ``type(None)`` is among them)."""
    value = message.get(name)
    if type(value) not in kinds:
        raise ProtocolError(f"{message['t']}.{name}: {type(value).__name__}")
    return value
