"""The run's error list: every error, warning and contract violation, folded by repeat."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum

from sendreceive.config.task_id import TaskId
from sendreceive.contract import format_hresult
from sendreceive.secrets_guard import redact
from sendreceive.tracking.findings import Finding, Found
from sendreceive.tracking.reentry import HostLock

#: Distinct lines one task may add to a run's list; a provider making more (a million
#: different texts) has the rest counted, exactly, on one line per kind that says so.
LINES_PER_TASK = 100_000
_FOLDED = object()  # the fold key of that line


class ErrorKind(Enum):
    """The values are stable tokens (``--json``); front-ends have their own words."""

    ERROR = "error"
    WARNING = "warning"
    VIOLATION = "contract violation"


_WORST_FIRST = (ErrorKind.ERROR, ErrorKind.VIOLATION, ErrorKind.WARNING)


@dataclass(slots=True)
class ErrorEntry:
    """One line of the Errors tab, as data: each front-end words it (the headless one
    as Outlook does). Identical repeats bump ``count`` and ``last_time``. ``found``: the
    host's finding, of which ``text`` is the English; ``None`` when ``text`` is the
    provider's own (``Error``)."""

    task: TaskId
    kind: ErrorKind
    hresult: int | None
    text: str
    first_time: float
    last_time: float
    count: int = 1
    found: Found | None = None

    def hresult_text(self) -> str:
        return format_hresult(self.hresult) if self.hresult is not None else ""


class ErrorLog:
    """Thread-safe, append-only (but for repeat counts) list shared by a run's tasks.

    Readers (the GUI's model, the headless printer) poll ``version`` and read
    ``entries``; entries are never removed, so an index stays valid.
    """

    def __init__(self) -> None:
        self._lock = HostLock()  # a provider's finalizer may run at an allocation under it
        self._entries: list[ErrorEntry] = []
        self._by_key: dict[tuple[object, ...], ErrorEntry] = {}
        self._totals = dict.fromkeys(ErrorKind, 0)  # occurrences, repeats included
        self._lines: dict[TaskId, int] = {}  # distinct lines per task
        self._firsts: dict[tuple[TaskId, ErrorKind], ErrorEntry] = {}
        self.version = 0

    def add(
        self,
        task: TaskId,
        kind: ErrorKind,
        hresult: int | None,
        text: str,
        fold_key: object = None,
        count: int = 1,
        found: Found | None = None,
    ) -> ErrorEntry:
        """Record an entry; a repeat of the same key is folded into the first one.

        ``fold_key`` defaults to the text; contract checks pass the rule, so a provider
        that breaks one rule a million times with different arguments makes one line.
        ``count``: occurrences at once (a provider's process sends them folded).
        ``found``: the host's finding that ``text`` words in English.
        """
        now = time.time()
        text = redact(text)  # a provider may say its password: the list never does
        if found is not None:
            found = found.redacted()
        key = (task, kind, hresult, text if fold_key is None else fold_key)
        with self._lock:
            entry = self._by_key.get(key)
            if entry is None and self._lines.get(task, 0) >= LINES_PER_TASK:
                key = (task, kind, None, _FOLDED)
                entry = self._by_key.get(key)
                found = Finding.LINES_FOLDED(LINES_PER_TASK)
                hresult, text = None, found.english
            if entry is None:
                self._lines[task] = self._lines.get(task, 0) + 1
                entry = ErrorEntry(task, kind, hresult, text, now, now, count, found)
                self._by_key[key] = entry
                self._entries.append(entry)
                self._firsts.setdefault((task, kind), entry)
            else:
                entry.count += count
                entry.last_time = now
            self._totals[kind] += count
            self.version += 1
            return entry

    def count(self, *kinds: ErrorKind) -> int:
        """Occurrences of ``kinds`` (all kinds when none is given), repeats included;
        kept as entries arrive, so front-ends can ask every tick."""
        return sum(self._totals[kind] for kind in kinds or ErrorKind)

    def worst_first(self, task: TaskId) -> ErrorEntry | None:
        """``task``'s first line of its worst kind (an error before a contract violation
        before a warning): what says why it went wrong, found without reading the list."""
        for kind in _WORST_FIRST:
            entry = self._firsts.get((task, kind))
            if entry is not None:
                return entry
        return None

    @property
    def entries(self) -> list[ErrorEntry]:
        """The live list (append-only); slice it rather than iterate it from another thread."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)
