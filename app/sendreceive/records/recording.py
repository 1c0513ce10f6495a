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
from sendreceive.config.profile import Account
from sendreceive.contract import SyncFlags
from sendreceive.paths import store_name
from sendreceive.tracking.error_log import ErrorEntry
from sendreceive.tracking.trace import TraceSlice, call_line
from sendreceive.tracking.tracker import TaskState

if TYPE_CHECKING:
    from sendreceive.run.send_receive import Run
    from sendreceive.run.task import Task

log = logging.getLogger("sendreceive.recording")

FORMAT = "sendreceive-recording"
VERSION = 1
SUFFIX = ".jsonl"
SECRET = "«secret»"
SECRET_SETTINGS = frozenset({"password", "password_command"})  # values never written


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
        "provider": account.provider,
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

    def lines() -> Iterator[dict[str, Any]]:
        yield head
        if trace.dropped:
            yield {"line": "dropped", "count": trace.dropped}
        for call in trace.calls:
            yield call_line(call)
        yield foot

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for line in lines():
            text = json.dumps(line)
            for escaped, secret in hidden:
                text = text.replace(escaped, SECRET).replace(secret, SECRET)
            out.write(text + "\n")


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
    """Read a recording; ``RecordingError`` names the file and line of any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordingError(f"{path}: cannot read it: {exc}") from None
    recording: Recording | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        where = f"{path}:{number}"
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RecordingError(f"{where}: not JSON ({exc.msg})") from None
        kind = line.get("line") if isinstance(line, dict) else None
        if recording is None:
            if kind != "header" or line.get("format") != FORMAT:
                raise RecordingError(f"{where}: not a {FORMAT} file (no header line)")
            if line.get("version") != VERSION:
                raise RecordingError(
                    f"{where}: format version {line.get('version')!r}; this host reads {VERSION}"
                )
            recording = Recording(path, line)
        elif kind in ("call", "step"):
            recording.calls.append(line)
        elif kind == "dropped":
            recording.dropped = int(line["count"])
        elif kind == "footer":
            recording.footer = line
        else:
            raise RecordingError(f"{where}: unknown line kind {kind!r}")
    if recording is None:
        raise RecordingError(f"{path}: empty, not a recording")
    if not recording.footer:
        raise RecordingError(f"{path}: no footer line (the recording was cut short)")
    return recording


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
