"""Recordings: a task's trace kept as a JSON Lines file, versioned and documented in the
README ("Recordings"), that ``replay`` re-issues and ``sendreceive diff`` compares.

A file is a ``header`` line, an optional ``dropped`` line, one ``call`` or ``step`` line
per trace entry, and a ``footer`` with the task's final state and error lines. A secret
never reaches a file: the profile's secret settings are left out of the header, and
every occurrence of a secret (those settings and whatever ``psesSync.password()``
returned) is replaced by ``SECRET`` in every line, error texts and arguments included.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sendreceive import __version__, secrets_guard
from sendreceive.config.limits import RUN_LIMITS
from sendreceive.config.profile import ISOLATION_MODES, Account
from sendreceive.contract import SyncFlags
from sendreceive.durable import make_private_dirs, open_private
from sendreceive.input_files import FileKind, InputFileError, lines, open_checked
from sendreceive.paths import store_name
from sendreceive.printable import describe
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind
from sendreceive.tracking.trace import TraceSlice, call_from_line, call_line
from sendreceive.tracking.tracker import TaskState, TaskStatus

if TYPE_CHECKING:
    from sendreceive.run.send_receive import Run
    from sendreceive.run.task import Task

log = logging.getLogger("sendreceive.recording")

FORMAT = "sendreceive-recording"
VERSION = 1
SUFFIX = ".jsonl"
SECRET = "«secret»"
SECRET_SETTINGS = frozenset({"password", "password_command"})  # values never written
#: A recording of 100,000 calls is tens of MiB; a line holds one call (or the footer's
#: error lines). Beyond these the file is refused before it is read.
RECORDING_FILE = FileKind("a recording", "a .jsonl recording", max_bytes=2**30, max_line=16 * 2**20)
MAX_THREADS = 256  # threads a replay starts, one per recorded thread name
_TEXT_LIMIT = 10_000  # characters of a header's account, provider, started
_OUTGOING = int(SyncFlags.SYNC_OUTGOING_MAIL)
_ALL_FLAGS = sum(flag.value for flag in SyncFlags)  # iteration skips aliases
_STATUSES = frozenset(status.value for status in TaskStatus)
_KINDS = frozenset(kind.value for kind in ErrorKind)


class RecordingError(Exception):
    """A file that is not a readable recording; the text names the file and line."""


@dataclass
class Recording:
    """A recording read back: its header, its calls and steps, and its footer."""

    path: Path
    header: dict[str, Any]
    calls: list[dict[str, Any]] = field(default_factory=list)
    footer: dict[str, Any] = field(default_factory=dict)
    dropped: int = 0

    @property
    def account(self) -> str:
        return str(self.header["account"])


def file_name(account_name: str) -> str:
    return store_name(account_name) + SUFFIX


def secrets_of(account: Account, revealed: Iterable[str]) -> list[str]:
    """Every text that must not be written: the profile's secret settings and what
    ``password()`` returned; longest first, so a secret inside another goes too."""
    found = {str(v) for k, v in account.settings.items() if k in SECRET_SETTINGS}
    found.update(revealed)
    found.update(secrets_guard.known())  # every account's: a provider may print another's
    return sorted((s for s in found if s), key=len, reverse=True)


def header(
    account: Account, limits: Mapping[str, Any], started: float, isolation: str, order: int = 0
) -> dict[str, Any]:
    settings = {
        key: (SECRET if key in SECRET_SETTINGS else value)
        for key, value in account.settings.items()
    }
    flags = SyncFlags(account.flags)
    return {
        "line": "header",
        "format": FORMAT,
        "version": VERSION,
        "host": f"sendreceive-workbench {__version__}",
        "account": account.name,
        "activity": account.task.activity.value,
        "provider": account.command.text[:_TEXT_LIMIT] if account.command else account.provider,
        "flags": int(flags),
        "flag_names": [f.name for f in SyncFlags if f in flags and f.name],
        "settings": settings,
        "isolation": isolation,
        "started": datetime.datetime.fromtimestamp(started, datetime.UTC).isoformat(),
        "order": order,
        "limits": dict(limits),
    }


def footer(
    state: TaskState, entries: Iterable[ErrorEntry], calls: int, dropped: int
) -> dict[str, Any]:
    return {
        "line": "footer",
        "status": state.status.value,
        "result": state.result,
        "index": state.index,
        "index_max": state.index_max,
        "errors": state.errors,
        "warnings": state.warnings,
        "violations": state.violations,
        "calls": calls,
        "dropped": dropped,
        "error_lines": [
            {"kind": e.kind.value, "hresult": e.hresult, "text": e.text, "count": e.count}
            for e in entries
            if e.task == state.task
        ],
    }


def write(
    path: Path,
    head: dict[str, Any],
    trace: TraceSlice,
    foot: dict[str, Any],
    secrets: Iterable[str],
) -> None:
    """Write one recording, every line scrubbed of ``secrets``."""
    # ASCII JSON: a provider's text may hold lone surrogates, which UTF-8 cannot carry.
    hidden = [(json.dumps(s)[1:-1], s) for s in secrets]

    def entries() -> Iterator[dict[str, Any]]:
        yield head
        if trace.dropped:
            yield {"line": "dropped", "count": trace.dropped}
        for call in trace.calls:
            yield call_line(call)
        yield foot

    make_private_dirs(path.parent)
    with open_private(path) as out:
        for line in entries():
            text = json.dumps(line)
            for escaped, secret in hidden:
                text = text.replace(escaped, SECRET).replace(secret, SECRET)
            out.write(text.encode("utf-8") + b"\n")


def record_run(run: Run, directory: Path) -> list[Path]:
    """Write each task of a finished run as ``directory/<account>.jsonl``."""
    run.settle()
    written: list[Path] = []
    for task in run.tasks:
        path = directory / file_name(task.account.name)
        try:
            record_task(run, task, path)
        except (OSError, ValueError) as exc:  # one task's recording; the others are written
            log.error("no recording of %s: %s", task.account.name, exc)
            continue
        written.append(path)
    return written


def record_task(run: Run, task: Task, path: Path) -> None:
    """Write one task of ``run`` as the recording ``path`` (the run settled first)."""
    started = run.started_wall if run.started_wall is not None else 0.0
    trace = task.tracker.trace_since(0)
    write(
        path,
        header(
            task.account,
            dataclasses.asdict(run.limits),
            started,
            task.host.isolation,
            run.tasks.index(task),
        ),
        trace,
        footer(task.snapshot(), run.error_log.entries[:], trace.cursor, trace.dropped),
        secrets_of(task.account, task.tracker.secrets),
    )


def read(path: Path) -> Recording:
    """Read a recording by the rule every input file follows (``sendreceive.input_files``),
    each line checked against the format before anything uses it; ``RecordingError``
    names the file and line of the first problem."""
    try:
        with open_checked(path, RECORDING_FILE) as file:
            return _Reader(path).read(lines(file, path, RECORDING_FILE))
    except InputFileError as exc:
        raise RecordingError(str(exc)) from None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.recording: Recording | None = None
        self.threads: set[str] = set()

    def read(self, numbered: Iterable[tuple[int, bytes]]) -> Recording:
        for number, raw in numbered:
            try:
                self._line(_json(raw))
            except ValueError as exc:
                raise InputFileError(self.path, str(exc), number) from None
        if self.recording is None:
            raise InputFileError(self.path, "empty, not a recording")
        if not self.recording.footer:
            raise InputFileError(self.path, "no footer line (the recording was cut short)")
        return self.recording

    def _line(self, line: Any) -> None:
        kind = line.get("line") if type(line) is dict else None
        recording = self.recording
        if recording is None:
            if kind != "header" or line.get("format") != FORMAT:
                raise ValueError(f"not a {FORMAT} file (no header line)")
            version = line.get("version")
            if type(version) is not int or version != VERSION:
                raise ValueError(f"format version {describe(version)}; this host reads {VERSION}")
            self.recording = Recording(self.path, _checked_header(line))
            return
        if recording.footer:
            raise ValueError("a line after the footer")
        if kind in ("call", "step"):
            call = call_from_line(line)
            if call.thread not in self.threads:
                if len(self.threads) == MAX_THREADS:
                    raise ValueError(f"calls from more than {MAX_THREADS} threads")
                self.threads.add(call.thread)
            recording.calls.append(line)
        elif kind == "dropped":
            recording.dropped = _count(line, "count")
        elif kind == "footer":
            recording.footer = _checked_footer(line)
        else:
            raise ValueError(f"unknown line kind {describe(kind)}")


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text ({exc.reason})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _checked_header(line: dict[str, Any]) -> dict[str, Any]:
    for key in ("account", "provider", "started"):
        value = line.get(key)
        if type(value) is not str or not value.strip() or len(value) > _TEXT_LIMIT:
            raise ValueError(f"header: {key} must be a non-empty string, got {describe(value)}")
    flags = line.get("flags")
    if type(flags) is not int or flags <= 0 or flags & ~_ALL_FLAGS:
        raise ValueError(f"header: flags must be SYNC_ flag bits, got {describe(flags)}")
    if flags & _OUTGOING and flags & ~_OUTGOING:
        raise ValueError("header: flags both send and receive; a recording is one task")
    if type(line.get("settings", {})) is not dict:
        raise ValueError("header: settings must be an object")
    if line.get("isolation") not in ISOLATION_MODES:
        raise ValueError(f"header: isolation must be one of {', '.join(ISOLATION_MODES)}")
    _count(line, "order")
    limits = line.get("limits", {})
    if type(limits) is not dict:
        raise ValueError("header: limits must be an object")
    for key, limit in RUN_LIMITS.items():
        value = limits.get(key)
        problem = None if value is None and key == "task_timeout" else limit.problem(value)
        if key in limits and problem is not None:
            raise ValueError(f"header: limits: {key} {problem}")
    return line


def _checked_footer(line: dict[str, Any]) -> dict[str, Any]:
    if line.get("status") not in _STATUSES:
        raise ValueError(f"footer: status {describe(line.get('status'))} is no task status")
    for key in ("result", "index", "index_max"):
        if type(line.get(key)) is not int:
            raise ValueError(f"footer: {key} must be an integer, got {describe(line.get(key))}")
    for key in ("errors", "warnings", "violations", "calls", "dropped"):
        _count(line, key)
    error_lines = line.get("error_lines")
    if type(error_lines) is not list:
        raise ValueError("footer: error_lines must be a list")
    for entry in error_lines:
        if (
            type(entry) is not dict
            or entry.get("kind") not in _KINDS
            or not (entry.get("hresult") is None or type(entry.get("hresult")) is int)
            or type(entry.get("text")) is not str
            or type(entry.get("count")) is not int
            or entry["count"] < 1
        ):
            raise ValueError(f"footer: an error line is malformed: {describe(entry)}")
    return line


def _count(line: dict[str, Any], key: str) -> int:
    value = line.get(key)
    if type(value) is not int or not 0 <= value < 2**63:
        raise ValueError(f"{line.get('line')}: {key} must be a count, got {describe(value)}")
    return value


def recordings_in(path: Path) -> list[Path]:
    """``path`` itself, or the recordings in a directory, sorted by name."""
    if path.is_dir():
        found = sorted(path.glob("*" + SUFFIX))
        if not found:
            raise RecordingError(f"{path}: no {SUFFIX} recordings in this directory")
        return found
    if not path.exists():
        raise RecordingError(f"{path}: no such file or directory")
    return [path]
