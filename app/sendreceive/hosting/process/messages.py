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
import zlib
from typing import Any

from sendreceive.tracking.trace import Call, call_from_line

MAX_FRAME = 8 << 20  # bytes; a state message carries at most ENTRIES_PER_MESSAGE entries
ENTRIES_PER_MESSAGE = 2_000
TRACE = b"T"  # the first byte of a trace frame (a message's is "{")
_HEADER = 4


class ProtocolError(ValueError):
    """The other side sent something that is not a message of this protocol."""


def send_frame(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(_HEADER, "big") + payload)


def receive_frame(sock: socket.socket) -> bytes | None:
    """One frame's payload, blocking; ``None`` at end of stream."""
    header = _receive_exactly(sock, _HEADER)
    if header is None:
        return None
    size = int.from_bytes(header, "big")
    if size > MAX_FRAME:
        raise ProtocolError(f"a frame of {size:,} bytes (at most {MAX_FRAME:,})")
    payload = _receive_exactly(sock, size)
    if payload is None:
        raise ProtocolError("the stream ended inside a frame")
    return payload


class FrameReader:
    """Frames from a non-blocking stream, as its bytes arrive: a reader serving many
    streams never waits for the rest of one frame."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        buffer = self._buffer
        buffer += data
        frames = []
        while len(buffer) >= _HEADER:
            size = int.from_bytes(buffer[:_HEADER], "big")
            if size > MAX_FRAME:
                raise ProtocolError(f"a frame of {size:,} bytes (at most {MAX_FRAME:,})")
            if len(buffer) < _HEADER + size:
                break
            frames.append(bytes(buffer[_HEADER : _HEADER + size]))
            del buffer[: _HEADER + size]
        return frames


def _receive_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks: list[bytes] = []
    missing = size
    while missing:
        chunk = sock.recv(min(missing, 1 << 20))
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


def trace_frame(lines: list[dict[str, Any]], dropped: int) -> bytes:
    """Trace lines (``sendreceive.tracking.trace.call_line``) as one frame, compressed by the
    provider's process: the host keeps it as it came (a tenth of its size) and reads it
    only when somebody looks at the trace."""
    return TRACE + zlib.compress(to_host({"calls": lines, "dropped": dropped}), 1)


def is_trace(payload: bytes) -> bool:
    return payload[:1] == TRACE


def decode_trace_frame(payload: bytes) -> tuple[list[Call], int]:
    """A trace frame as the tracker keeps it (``sendreceive.tracking.trace.FrameDecoder``)."""
    lines, dropped = read_trace_frame(payload)
    return [call_from_line(line) for line in lines], dropped


def read_trace_frame(payload: bytes) -> tuple[list[Any], int]:
    """A trace frame's raw lines and its count of dropped ones, type-checked; at most
    ``MAX_FRAME`` bytes are inflated (the frame comes from provider code)."""
    inflate = zlib.decompressobj()
    try:
        text = inflate.decompress(payload[len(TRACE) :], MAX_FRAME)
    except zlib.error as exc:
        raise ProtocolError(f"trace: not compressed: {exc}") from None
    if inflate.unconsumed_tail or not inflate.eof:
        raise ProtocolError(f"trace: more than {MAX_FRAME:,} bytes, or cut short")
    try:
        message = json.loads(text)
    except ValueError as exc:
        raise ProtocolError(f"trace: not JSON: {exc}") from None
    if type(message) is not dict:
        raise ProtocolError("trace: not an object")
    message["t"] = "trace"
    dropped = field(message, "dropped", int)
    if dropped < 0:
        raise ProtocolError("trace.dropped: negative")
    return field(message, "calls", list), dropped


def field(message: dict[str, Any], name: str, *kinds: type) -> Any:
    """``message[name]``, checked to be of one of ``kinds`` exactly (``None`` allowed
    when ``type(None)`` is among them)."""
    value = message.get(name)
    if type(value) not in kinds:
        raise ProtocolError(f"{message['t']}.{name}: {type(value).__name__}")
    return value
