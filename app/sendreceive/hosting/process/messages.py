"""The conversation between the app and a provider's process, declared once.

Each task has one socket pair between the app (``process.host``) and the provider's
process (``process.child``). A frame is a 4-byte big-endian length and at most
``MAX_FRAME`` bytes of payload: one message as a UTF-8 JSON object ``{"t": kind, ...}``,
or, from the child only, a trace frame (``T`` and zlib-compressed JSON). Data only, both
ways: nothing either side sends can make the other run code. Every message is one of
the dataclasses below — its kind, its fields, their types and ranges — and ``decode``
checks each field against that declaration (exact JSON types: ``true`` is no int), so
the app reads whatever provider code made of its process as hostile input, in this one
place. A wrong message names its field: ``state.entries[3].count: 0 is below 1``.

The whole conversation, in order::

    app                                provider's process
    start(version, account, …)    →                      the first frame
                                  ←    hello(version)     before any provider code runs
                                  ←    state(…)           at most 50 a second, and at the end
                                  ←    loaded             the provider was imported and built
                                  ←    log(…)             a record of its logging, bounded
                                  ←    ask_password       psesSync.password() was called
    password(value | error)       →
    cancel                        →                       Progress answers MAPI_E_USER_CANCEL
    trace                         →                       somebody watches the calls
                                  ←    T frame            the trace since the last one
                                  ←    outcome(…)         SynchronizeInBackground returned
                                  ←    event              phSyncDoneEvent was set
    stop                          →                       supervision is over: flush, exit

``PROTOCOL_VERSION`` is sent both ways at the start; either side refuses another.
"""

from __future__ import annotations

import datetime
import json
import socket
import tomllib
import types
import typing
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import Annotated, Any, ClassVar

import tomlkit

from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.findings import Found
from sendreceive.tracking.trace import Call, call_from_line

PROTOCOL_VERSION = 1
MAX_FRAME = 8 << 20  # bytes; a state message carries at most ENTRIES_PER_MESSAGE entries
# A message is one piece of the hub's work, between which it rests (``hub.SLICE``):
# 200 entries take it about 1 ms.
ENTRIES_PER_MESSAGE = 200
TRACE = b"T"  # the first byte of a trace frame (a message's is "{")
_HEADER = 4
_U32 = 0xFFFFFFFF


class ProtocolError(ValueError):
    """The other side sent something that is not a message of this protocol."""


@dataclass(frozen=True)
class Range:
    """What a field's value may be beyond its type: a number's bounds, a text's or a
    list's length, or one of some names."""

    low: int | None = None
    high: int | None = None
    longest: int | None = None
    names: tuple[str, ...] = ()

    def problem(self, value: Any) -> str | None:
        if self.names and value not in self.names:
            return f"{value!r} is none of {', '.join(self.names)}"
        if self.low is not None and value < self.low:
            return f"{value} is below {self.low}"
        if self.high is not None and value > self.high:
            return f"{value} is above {self.high}"
        if self.longest is not None and len(value) > self.longest:
            return f"{len(value):,} long, at most {self.longest:,}"
        return None


HResult = Annotated[int, Range(0, _U32)]  # unsigned on the wire
ULong = Annotated[int, Range(0, _U32)]
Count = Annotated[int, Range(0, 2**63 - 1)]
Kind = Annotated[str, Range(names=tuple(kind.value for kind in ErrorKind))]
# A text from a provider's process. Its own tracker cuts what it keeps far shorter (a
# step at 300 characters, an error at 2,000); this bounds what a forged message may hold.
TEXT_LIMIT = 16_384
Text = Annotated[str, Range(longest=TEXT_LIMIT)]
LOGGER_NAME_LIMIT = 200


@dataclass(frozen=True)
class Message:
    """A message of the protocol: ``KIND`` names it on the wire. Every field is
    required on the wire; none has a default, so none is forgotten in code either."""

    KIND: ClassVar[str]


# ------------------------------------------------------------ app -> provider's process


@dataclass(frozen=True)
class AccountData:
    """What the provider's process needs of its account. ``settings`` travel as a TOML
    table, the profile's own language, so dates and times keep their types."""

    name: str
    provider: str  # the spec: an entry point, module:attr or file.py:attr
    flags: ULong
    settings: str
    process_limits: dict[str, int]
    confine_files: bool  # Landlock, where the kernel has it
    command: list[str] | None  # a program provider's argv (``config.program_command``)
    command_folder: str | None


@dataclass(frozen=True)
class Start(Message):
    KIND = "start"
    version: int
    account: AccountData
    store_dir: str
    default_store: str | None
    logger: str
    trace_limit: Annotated[int, Range(1, 2**31)]
    log_level: Annotated[int, Range(0, 100)]


@dataclass(frozen=True)
class Cancel(Message):
    KIND = "cancel"


@dataclass(frozen=True)
class Password(Message):
    """The app's answer to ``ask_password``: the secret, or why there is none."""

    KIND = "password"
    value: str | None
    error: str | None


@dataclass(frozen=True)
class SendTrace(Message):
    KIND = "trace"


@dataclass(frozen=True)
class Stop(Message):
    KIND = "stop"


# ------------------------------------------------------------ provider's process -> app


@dataclass(frozen=True)
class Hello(Message):
    KIND = "hello"
    version: int


@dataclass(frozen=True)
class Entry:
    """An error entry's new occurrences since the last state (``count`` of them)."""

    key: int  # which entry of that process's log: the same key adds to the same line
    kind: Kind
    hresult: HResult | None
    text: Text  # its English, as headless output shows it
    count: Annotated[int, Range(1, _U32)]  # a provider's calls in one send interval
    found: Found | None  # a host's finding as [id, [args]]; null: the provider's own text


@dataclass(frozen=True)
class State(Message):
    """The task's latest state, sent when it changed, at a bounded rate."""

    KIND = "state"
    calls: Count  # its tracker's version
    step: Text
    index: ULong
    max: ULong
    done: HResult | None  # Done's verdict, once the provider called it
    failed: HResult | None  # the task failed there without Done
    ended: tuple[Found | None, Found | None]  # why its own work ended: (at once, if silent)
    entries: Annotated[list[Entry], Range(longest=ENTRIES_PER_MESSAGE)]


@dataclass(frozen=True)
class Loaded(Message):
    KIND = "loaded"


@dataclass(frozen=True)
class Log(Message):
    """A record of the process's ``logging`` (``psesSync.logger``, a library's): its level
    travels as data, so nothing the provider prints is ever read for one."""

    KIND = "log"
    level: Annotated[int, Range(0, 50)]
    name: Annotated[str, Range(longest=LOGGER_NAME_LIMIT)]
    text: Text
    traceback: Text | None  # its formatted exception (or stack), as logging appends it


@dataclass(frozen=True)
class AskPassword(Message):
    KIND = "ask_password"


@dataclass(frozen=True)
class Outcome(Message):
    """What ``SynchronizeInBackground`` did (``hosting.host.Outcome``, on the wire)."""

    KIND = "outcome"
    hresult: HResult | None
    raised: Text | None
    failure: Found | None  # the host's own finding there (a load error, no event…)
    background: bool


@dataclass(frozen=True)
class DoneEvent(Message):
    KIND = "event"


@dataclass(frozen=True)
class TraceChunk:
    """A trace frame's content: call lines (``trace.call_line``; each is read, and
    checked, by ``trace.call_from_line``) and how many were dropped before them."""

    calls: list[dict[str, Any]]
    dropped: Count


ToChild = Start | Cancel | Password | SendTrace | Stop
ToApp = Hello | State | Loaded | Log | AskPassword | Outcome | DoneEvent
TO_CHILD: dict[str, type[Any]] = {m.KIND: m for m in typing.get_args(ToChild)}
TO_APP: dict[str, type[Any]] = {m.KIND: m for m in typing.get_args(ToApp)}


# ------------------------------------------------------------ encoding and checking


def encode(message: Message) -> bytes:
    return json.dumps({"t": message.KIND, **_plain(message)}, separators=(",", ":")).encode()


def _plain(value: Any) -> Any:
    """A message's values as JSON data: a finding as ``[id, [args]]``."""
    if type(value) is Found:
        return value.data()
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def decode_from_child(payload: bytes) -> ToApp:
    """A message from a provider's process, checked field by field."""
    return _decode(payload, TO_APP)  # type: ignore[no-any-return]  # one of TO_APP


def decode_from_app(payload: bytes) -> ToChild:
    return _decode(payload, TO_CHILD)  # type: ignore[no-any-return]  # one of TO_CHILD


def _decode(payload: bytes, kinds: dict[str, type[Any]]) -> Any:
    try:
        raw = json.loads(payload)
    except ValueError as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if type(raw) is not dict or type(raw.get("t")) is not str:
        raise ProtocolError("a message must be an object with a kind (t)")
    kind = kinds.get(raw["t"])
    if kind is None:
        raise ProtocolError(f"unknown message {raw['t'][:40]!r}")
    return _reader(kind)(raw, raw["t"])


Reader = Callable[[Any, str], Any]


_READERS: dict[type[Any], Reader] = {}


def _reader(cls: type[Any]) -> Reader:
    """A checker for ``cls``, built once from its declaration: a JSON object with
    exactly its fields (and ``t``), each checked, into an instance."""
    if cls not in _READERS:
        _READERS[cls] = _object_reader(cls)
    return _READERS[cls]


def _object_reader(cls: type[Any]) -> Reader:
    hints = typing.get_type_hints(cls, include_extras=True)
    parts = [(f.name, _value_reader(hints[f.name])) for f in fields(cls)]
    known = {name for name, _ in parts} | {"t"}

    def read(raw: Any, path: str) -> Any:
        if type(raw) is not dict:
            raise ProtocolError(f"{path}: expected an object, got {_json_name(raw)}")
        unknown = raw.keys() - known
        if unknown:
            raise ProtocolError(f"{path}: unknown field {sorted(unknown)[0][:40]!r}")
        values = {}
        for name, reader in parts:
            if name not in raw:
                raise ProtocolError(f"{path}.{name}: missing")
            try:  # the field's path is formatted for an error only: 200 entries a message
                values[name] = reader(raw[name], path)
            except ProtocolError:
                reader(raw[name], f"{path}.{name}")  # raises again, naming the field
                raise
        return cls(**values)

    return read


def _value_reader(hint: Any, bounds: Range | None = None) -> Reader:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        (found,) = [extra for extra in args[1:] if isinstance(extra, Range)]
        return _value_reader(args[0], found)
    if origin in (types.UnionType, typing.Union):  # X | None
        (inner,) = [a for a in args if a is not type(None)]
        present = _value_reader(inner)
        return lambda value, path: None if value is None else present(value, path)
    if origin is list:
        item = _value_reader(args[0])

        def read_list(value: Any, path: str) -> list[Any]:
            _expect(value, list, path, bounds)
            try:  # an item's path is formatted for an error only, as a field's
                return [item(v, path) for v in value]
            except ProtocolError:
                for i, v in enumerate(value):
                    item(v, f"{path}[{i}]")  # raises again at the item, naming it
                raise

        return read_list
    if origin is tuple:
        items = [_value_reader(a) for a in args]

        def read_tuple(value: Any, path: str) -> tuple[Any, ...]:
            _expect(value, list, path, None)
            if len(value) != len(items):
                raise ProtocolError(f"{path}: {len(value)} items, not {len(items)}")
            pairs = enumerate(zip(items, value, strict=True))
            return tuple(read(v, f"{path}[{i}]") for i, (read, v) in pairs)

        return read_tuple
    if origin is dict:
        key, val = _value_reader(args[0]), _value_reader(args[1])

        def read_dict(value: Any, path: str) -> dict[Any, Any]:
            _expect(value, dict, path, None)
            return {key(k, path): val(v, f"{path}.{k}") for k, v in value.items()}

        return read_dict
    if hint is Any:
        return lambda value, path: value
    if hint is Found:
        return _read_found
    if is_dataclass(hint):
        return _reader(hint)  # type: ignore[arg-type]  # a dataclass type

    def read_plain(value: Any, path: str) -> Any:
        _expect(value, hint, path, bounds)
        return value

    return read_plain


def _read_found(value: Any, path: str) -> Found:
    """A host's finding made in the provider's process: a known id with the arguments
    its template takes, each bounded (``Found.from_data`` checks it)."""
    try:
        return Found.from_data(value)
    except ValueError as exc:
        raise ProtocolError(f"{path}: {exc}") from None


def _expect(value: Any, kind: type, path: str, bounds: Range | None) -> None:
    if type(value) is not kind:
        raise ProtocolError(f"{path}: expected {_json_name(kind())}, got {_json_name(value)}")
    problem = bounds.problem(value) if bounds is not None else None
    if problem is not None:
        raise ProtocolError(f"{path}: {problem}")


def _json_name(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    names.update({list: "an array", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


# ------------------------------------------------------------ settings


def settings_text(settings: typing.Mapping[str, Any]) -> str:
    """An account's settings as TOML, to cross to its provider's process. A value TOML
    cannot hold (``None``, an object a test made) is a ``ValueError`` naming it."""
    for key, value in settings.items():
        _check_toml(value, key)
    return tomlkit.dumps(dict(settings))


def read_settings(text: str) -> dict[str, Any]:
    return tomllib.loads(text)


_TOML_SCALARS = (str, int, float, bool, datetime.date, datetime.time)  # datetime is a date


def _check_toml(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if type(key) is not str:
                raise ValueError(f"setting {where!r}: key {key!r} is not a string")
            _check_toml(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_toml(item, f"{where}[{i}]")
    elif not isinstance(value, _TOML_SCALARS):
        raise ValueError(
            f"setting {where!r} is {type(value).__name__}, which TOML cannot hold, so it "
            f"cannot cross to a provider's process"
        )


# ------------------------------------------------------------ frames


def send_frame(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(_HEADER, "big") + payload)


def send(sock: socket.socket, message: Message) -> None:
    send_frame(sock, encode(message))


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


# ------------------------------------------------------------ the trace


def trace_frame(lines: list[dict[str, Any]], dropped: int) -> bytes:
    """Trace lines (``trace.call_line``) as one frame, compressed by the provider's
    process: the app keeps it as it came (a tenth of its size) and reads it only when
    somebody looks at the trace."""
    chunk = TraceChunk(lines, dropped)
    return TRACE + zlib.compress(json.dumps(asdict(chunk), separators=(",", ":")).encode(), 1)


def is_trace(payload: bytes) -> bool:
    return payload[:1] == TRACE


def decode_trace_frame(payload: bytes, budget: int) -> tuple[list[Call], int, int]:
    """A trace frame as the tracker keeps it (``trace.FrameDecoder``): inflating at most
    ``budget`` bytes."""
    chunk, inflated = read_trace_frame(payload, budget)
    try:
        calls = [call_from_line(line) for line in chunk.calls]
    except ValueError as exc:
        raise ProtocolError(f"trace.calls: {exc}") from None
    return calls, chunk.dropped, inflated


def read_trace_frame(payload: bytes, budget: int = MAX_FRAME) -> tuple[TraceChunk, int]:
    """A trace frame, checked, and the bytes it inflated to; at most ``budget`` bytes
    (and never past ``MAX_FRAME``) are inflated: the frame comes from provider code, and
    a few kilobytes may claim megabytes."""
    inflate = zlib.decompressobj()
    limit = min(budget, MAX_FRAME)
    try:
        text = inflate.decompress(payload[len(TRACE) :], limit)
    except zlib.error as exc:
        raise ProtocolError(f"trace: not compressed: {exc}") from None
    if inflate.unconsumed_tail or not inflate.eof:
        raise ProtocolError(f"trace: more than {limit:,} bytes, or cut short")
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise ProtocolError(f"trace: not JSON: {exc}") from None
    return _reader(TraceChunk)(raw, "trace"), len(text)
