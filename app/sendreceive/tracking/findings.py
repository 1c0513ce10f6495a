"""The host's own findings as data: one catalogue of message ids, each with its stable
English template, so that an error entry carries an id and its arguments beside its
English text.

Headless output, ``--json``, JUnit, recordings and the pytest plugin read the English
(``Found.english``), which scripts rely on; the GUI translates the template instead
(``QCoreApplication.translate("Finding", template)``: ``lupdate`` reads this file) and
fills in the same arguments. Arguments are what the host measured (seconds, codes) or
what a provider supplied (described values, its exception), shown as they are; an
argument may itself be a finding (a process's death names its cause and its phase).
A contract violation's finding names its rule and what it concerns; its line reads
``Rule 6 (Done exactly once, nothing after it): Done called twice: <the sentence>``.

Templates use Qt's ``%1``…``%9``, filled in one pass (``arg``), so a provider's text
holding ``%2`` is never substituted again.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum, unique
from typing import TypeAlias

from sendreceive.languages import QT_TRANSLATE_NOOP
from sendreceive.printable import ERROR_TEXT_LIMIT, printable
from sendreceive.secrets_guard import known, redact
from sendreceive.tracking.rules import Rule

Arg: TypeAlias = "str | int | float | Found"

MAX_DEPTH = 3  # a finding in an argument of a finding in an argument of a finding
_INT_LIMIT = 1 << 64
_PLACEHOLDER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """Qt's ``QString::arg`` in one pass: ``%1``… replaced by ``values``."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]), text)


@unique
class Finding(Enum):
    """A message id: its English template and, for a contract violation, its rule and
    what it concerns (translated in context "Violation"). The names are stable tokens
    (``--json``, the provider process's messages)."""

    template: str
    rule: Rule | None
    what: str | None
    arity: int

    def __init__(self, template: str, rule: Rule | None = None, what: str | None = None) -> None:
        self.template = template
        self.rule = rule
        self.what = what
        self.arity = max((int(n) for n in _PLACEHOLDER.findall(template)), default=0)

    def __call__(self, *args: Arg) -> Found:
        return Found(self, args)

    # ------------------------------------------------------------ the task's end
    NOT_RESPONDING = (QT_TRANSLATE_NOOP("Finding", "Not responding: no progress for %1 s"),)
    TIME_LIMIT = (
        QT_TRANSLATE_NOOP(
            "Finding", "No result after %1 s (the task time limit); the host cancelled the task."
        ),
    )
    TIME_LIMIT_LOADING = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "No result after %1 s (the task time limit): the provider was still loading (its "
            "module's import or its factory had not returned); the host cancelled the task.",
        ),
    )
    TIME_LIMIT_HOST_HELD = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "No result after %1 s (the task time limit); the host cancelled the task. "
            "Meanwhile the whole host was held up for %2 s (a thread held Python's interpreter "
            "lock, the GIL, e.g. a provider in C code): this task may have been starved rather "
            "than slow.",
        ),
    )
    TIME_LIMIT_CPU_WAIT = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "No result after %1 s (the task time limit); the host cancelled the task. "
            "Its process waited %2 s for a CPU while other work ran (given back, up to the "
            "limit again).",
        ),
    )
    TIME_LIMIT_HOST_HELD_CPU_WAIT = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "No result after %1 s (the task time limit); the host cancelled the task. "
            "Meanwhile the whole host was held up for %2 s (a thread held Python's interpreter "
            "lock, the GIL, e.g. a provider in C code): this task may have been starved rather "
            "than slow. Its process waited %3 s for a CPU while other work ran (given back, up "
            "to the limit again).",
        ),
    )
    SYNC_FAILED = (QT_TRANSLATE_NOOP("Finding", "The synchronization failed."),)
    LINES_FOLDED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "More than %1 distinct lines from this task: every further one is counted here.",
        ),
    )
    NO_DESCRIPTION = (QT_TRANSLATE_NOOP("Finding", "(no description)"),)
    SYNC_RAISED = (QT_TRANSLATE_NOOP("Finding", "SynchronizeInBackground raised %1"),)
    SYNC_RETURNED = (QT_TRANSLATE_NOOP("Finding", "SynchronizeInBackground returned %1"),)
    THREAD_RAISED = (QT_TRANSLATE_NOOP("Finding", "The provider's thread %1 raised %2"),)
    THREAD_NO_RESULT = (
        QT_TRANSLATE_NOOP(
            "Finding", "The provider's thread ended without reporting a result (no Done)."
        ),
    )
    ENDED_NO_RESULT = (
        QT_TRANSLATE_NOOP("Finding", "The provider ended without reporting a result (no Done)."),
    )
    RETURNED_NO_RESULT = (
        QT_TRANSLATE_NOOP("Finding", "The provider returned without reporting a result (no Done)."),
    )
    PROCESS_STOPPED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "The provider did not stop within %1 s of Cancel; its process was stopped.",
        ),
    )
    ABANDONED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "The provider did not stop within %1 s of Cancel; it was abandoned and its thread "
            "left to end on its own.",
        ),
    )

    # ------------------------------------------------------------ calling the provider
    CALL_FAILED = (QT_TRANSLATE_NOOP("Finding", "The host could not call the provider."),)
    NO_STORE = (QT_TRANSLATE_NOOP("Finding", "Cannot create the local store %1: %2"),)
    CANNOT_LOAD = (QT_TRANSLATE_NOOP("Finding", "Cannot load provider %1: %2"),)
    DONE_EVENT_UNREADABLE = (QT_TRANSLATE_NOOP("Finding", "Reading phSyncDoneEvent raised %1"),)
    DONE_EVENT_NO_EVENT = (
        QT_TRANSLATE_NOOP("Finding", "The provider's done event is not an event."),
    )
    MEMORY_ERROR_AT_LIMIT = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "killed: memory limit: SynchronizeInBackground raised MemoryError at the "
            "account's limit of %1 MB (memory_limit_mb)",
        ),
    )

    # ------------------------------------------------------------ loading (``%2`` of CANNOT_LOAD)
    SPEC_FORM = (
        QT_TRANSLATE_NOOP("Finding", "provider spec %1 must look like module:attr or file.py:attr"),
    )
    NO_ATTRIBUTE = (QT_TRANSLATE_NOOP("Finding", "%1 has no attribute %2 (it has: %3)"),)
    NO_ATTRIBUTE_AT_ALL = (
        QT_TRANSLATE_NOOP("Finding", "%1 has no attribute %2 (it has: nothing)"),
    )
    NOT_A_PROVIDER = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "%1 is a %2, not a provider: it has no SynchronizeInBackground and cannot be called "
            "to make one",
        ),
    )
    SETTINGS_REJECTED = (QT_TRANSLATE_NOOP("Finding", "%1 rejected the account's settings: %2"),)
    RAISED_WHEN_CREATED = (QT_TRANSLATE_NOOP("Finding", "%1 raised while being created: %2"),)
    NO_SYNC_METHOD = (
        QT_TRANSLATE_NOOP("Finding", "%1 made a %2 that has no SynchronizeInBackground method"),
    )
    NO_SUCH_PROVIDER = (
        QT_TRANSLATE_NOOP(
            "Finding", "no provider named %1; %2 (or give module:attr or path/to/file.py:attr)"
        ),
    )
    DID_YOU_MEAN = (QT_TRANSLATE_NOOP("Finding", "did you mean %1?"),)
    DID_YOU_MEAN_ONE_OF = (QT_TRANSLATE_NOOP("Finding", "did you mean %1 or %2?"),)
    INSTALLED = (QT_TRANSLATE_NOOP("Finding", "installed: %1"),)
    NONE_INSTALLED = (QT_TRANSLATE_NOOP("Finding", "installed: none"),)
    FAILED_TO_LOAD = (QT_TRANSLATE_NOOP("Finding", "provider %1 (%2) failed to load: %3"),)
    CANNOT_IMPORT = (QT_TRANSLATE_NOOP("Finding", "cannot import %1: %2"),)
    IMPORT_RAISED = (QT_TRANSLATE_NOOP("Finding", "importing %1 raised %2"),)
    UNREADABLE_FILE = (QT_TRANSLATE_NOOP("Finding", "cannot read provider file %1: %2"),)
    NOT_A_MODULE = (QT_TRANSLATE_NOOP("Finding", "%1 is not a Python module"),)
    CALLED_EXIT = (QT_TRANSLATE_NOOP("Finding", "it called sys.exit(%1)"),)

    # ------------------------------------------------------------ a provider's process
    PROCESS_UNSTARTED = (QT_TRANSLATE_NOOP("Finding", "Cannot start the provider's process: %1"),)
    PROCESS_DIED = (QT_TRANSLATE_NOOP("Finding", "The provider's process died: %1 %2."),)
    PROCESS_BROKE_PROTOCOL = (
        QT_TRANSLATE_NOOP("Finding", "The provider's process broke the host's protocol (%1) %2."),
    )
    LAST_OUTPUT = (QT_TRANSLATE_NOOP("Finding", "%1 Its last output: %2"),)
    END_UNKNOWN = (QT_TRANSLATE_NOOP("Finding", "its end is unknown (the fork server ended)"),)
    PROCESS_EXECED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "The provider's process replaced itself with another program (exec of %1), so it "
            "was ended %2.",
        ),
    )
    PROCESS_LEFT_BEHIND = (
        QT_TRANSLATE_NOOP(
            "Finding", "The provider's process left %1 process(es) behind, killed with it: %2."
        ),
    )
    PROCESS_IGNORED_SIGTERM = (
        QT_TRANSLATE_NOOP(
            "Finding", "The provider's process ignored SIGTERM; it was killed (SIGKILL)."
        ),
    )
    PROCESS_WAS_STOPPED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "The provider's process had been stopped (SIGSTOP or the like): it did not run "
            "until the host ended it.",
        ),
    )
    PROGRAM_UNSTARTED = (QT_TRANSLATE_NOOP("Finding", "cannot start the program %1: %2"),)
    PROGRAM_BROKE_PROTOCOL = (
        QT_TRANSLATE_NOOP(
            "Finding", "The program broke the provider protocol at line %1 of its output: %2"
        ),
    )
    PROGRAM_ENDED = (QT_TRANSLATE_NOOP("Finding", "The program ended without Done: %1 %2."),)
    RETURNED_IN_BACKGROUND = (
        QT_TRANSLATE_NOOP("Finding", "after it returned in background style"),
    )
    PROGRAM_KEPT_RUNNING = (
        QT_TRANSLATE_NOOP(
            "Finding", "it closed its output but had not exited %1 s later, and was killed"
        ),
    )
    EXIT_HOST_ERROR = (
        QT_TRANSLATE_NOOP("Finding", "exit code %1 (the host's side of the process failed)"),
    )
    EXIT_SOCKET_CLOSED = (
        QT_TRANSLATE_NOOP(
            "Finding", "exit code %1 (the provider closed its process's socket to the app)"
        ),
    )
    EXIT_CODE = (QT_TRANSLATE_NOOP("Finding", "exit code %1"),)
    CPU_LIMIT = (QT_TRANSLATE_NOOP("Finding", "killed: CPU time limit (%1 s, cpu_seconds)"),)
    MEMORY_LIMIT = (QT_TRANSLATE_NOOP("Finding", "killed: memory limit (%1 MB, memory_limit_mb)"),)
    THREADS_LIMIT = (QT_TRANSLATE_NOOP("Finding", "killed: thread limit (%1 threads, threads)"),)
    OPEN_FILES_LIMIT = (
        QT_TRANSLATE_NOOP("Finding", "killed: open files limit (%1 files, open_files)"),
    )
    SIGNAL = (QT_TRANSLATE_NOOP("Finding", "signal %1 (%2)"),)
    UNKNOWN_SIGNAL = (QT_TRANSLATE_NOOP("Finding", "signal %1 (unknown signal)"),)
    WHILE_LOADING = (QT_TRANSLATE_NOOP("Finding", "while loading the provider"),)
    IN_SYNC = (QT_TRANSLATE_NOOP("Finding", "in SynchronizeInBackground"),)
    AFTER_DONE = (QT_TRANSLATE_NOOP("Finding", "after Done"),)
    AFTER_RETURN = (
        QT_TRANSLATE_NOOP(
            "Finding", "after SynchronizeInBackground returned (in the provider's own threads)"
        ),
    )

    # ------------------------------------------------------------ contract violations
    PROGRESS_TEXT_TYPE = (
        QT_TRANSLATE_NOOP(
            "Finding", "pwcszProgress must be a str or None, got %1 %2; the step text was kept"
        ),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Progress text type"),
    )
    PROGRESS_INDEX_TYPE = (
        QT_TRANSLATE_NOOP("Finding", "%1: %2 must be an int, got %3; position kept"),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Progress index type"),
    )
    PROGRESS_INDEX_RANGE = (
        QT_TRANSLATE_NOOP("Finding", "%1: %2 must be a ULONG (0 … 4294967295); position kept"),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Progress index range"),
    )
    PROGRESS_BEYOND_MAX = (
        QT_TRANSLATE_NOOP("Finding", "%1: ulIndex > ulIndexMax; clamped to ulIndexMax"),
        Rule.PROGRESS,
        QT_TRANSLATE_NOOP("Violation", "Progress index beyond max"),
    )
    ERROR_HRESULT_TYPE = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "Error's hResult must be a 32-bit int HRESULT, got %1; the message was: '%2'",
        ),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Error hResult type"),
    )
    ERROR_TEXT_TYPE = (
        QT_TRANSLATE_NOOP("Finding", "pwcszErrorStr must be a str, got %1 %2"),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Error text type"),
    )
    DONE_EVENT_TYPE = (
        QT_TRANSLATE_NOOP("Finding", "hThreadDoneEvent must be a threading.Event or None, got %1"),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Done event type"),
    )
    DONE_HRESULT_TYPE = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "Done's hResult must be a 32-bit int HRESULT, got %1; the task is failed with %2",
        ),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "Done hResult type"),
    )
    QUERY_INTERFACE_TYPE = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "QueryInterface's riid must be a uuid.UUID, got %1 %2; it answered E_INVALIDARG",
        ),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "QueryInterface riid type"),
    )
    PROGRESS_AFTER_DONE = (
        QT_TRANSLATE_NOOP("Finding", "%1(%2) was called after the task ended; ignored"),
        Rule.DONE_ONCE,
        QT_TRANSLATE_NOOP("Violation", "Progress after Done"),
    )
    ERROR_AFTER_DONE = (
        QT_TRANSLATE_NOOP("Finding", "%1(%2) was called after the task ended; ignored"),
        Rule.DONE_ONCE,
        QT_TRANSLATE_NOOP("Violation", "Error after Done"),
    )
    DONE_TWICE = (
        QT_TRANSLATE_NOOP("Finding", "%1(%2) was called after the task ended; ignored"),
        Rule.DONE_ONCE,
        QT_TRANSLATE_NOOP("Violation", "Done called twice"),
    )
    DONE_AFTER_END = (
        QT_TRANSLATE_NOOP("Finding", "%1(%2) was called after the task ended; ignored"),
        Rule.DONE_ONCE,
        QT_TRANSLATE_NOOP("Violation", "Done after the task ended"),
    )
    RETURN_TYPE = (
        QT_TRANSLATE_NOOP(
            "Finding", "SynchronizeInBackground must return an HRESULT int, got %1; taken as S_OK"
        ),
        Rule.RETURN,
        QT_TRANSLATE_NOOP("Violation", "return type"),
    )
    RAISED_AFTER_DONE = (
        QT_TRANSLATE_NOOP("Finding", "SynchronizeInBackground raised %1"),
        Rule.RETURN,
        QT_TRANSLATE_NOOP("Violation", "raised after Done"),
    )
    RETURNED_AFTER_DONE = (
        QT_TRANSLATE_NOOP("Finding", "returned %1 after Done reported success"),
        Rule.RETURN,
        QT_TRANSLATE_NOOP("Violation", "return after Done"),
    )
    DONE_EVENT_REPLACED = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "psibpb.phSyncDoneEvent was replaced by %1; the event belongs in "
            "psibpb.phSyncDoneEvent.value",
        ),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "phSyncDoneEvent replaced"),
    )
    DONE_EVENT_NOT_EVENT = (
        QT_TRANSLATE_NOOP("Finding", "phSyncDoneEvent must hold a threading.Event, got %1"),
        Rule.TYPES,
        QT_TRANSLATE_NOOP("Violation", "phSyncDoneEvent type"),
    )
    THREAD_ENDED_WITHOUT_DONE = (
        QT_TRANSLATE_NOOP("Finding", "the provider's thread %1 ended"),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "thread ended without Done"),
    )
    CALLBACK_LET_GO_WITHOUT_DONE = (
        QT_TRANSLATE_NOOP("Finding", "no thread of the provider holds its callback any more"),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "thread ended without Done"),
    )
    EVENT_WITHOUT_DONE = (
        QT_TRANSLATE_NOOP(
            "Finding", "the provider signalled phSyncDoneEvent and had not called Done %1 s later"
        ),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "Done missing"),
    )
    DONE_AFTER_EVENT = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "Done came %1 s after phSyncDoneEvent was set, when the task had already ended "
            "for want of it; ignored",
        ),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "Done after the done event"),
    )
    RETURNED_WITHOUT_DONE = (
        QT_TRANSLATE_NOOP(
            "Finding",
            "SynchronizeInBackground returned success without calling Done and without "
            "filling phSyncDoneEvent (background style)",
        ),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "Done missing"),
    )
    NO_RETURN_AFTER_DONE = (
        QT_TRANSLATE_NOOP(
            "Finding", "SynchronizeInBackground had not returned %1 s after the task ended"
        ),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "no return after Done"),
    )
    EVENT_NEVER_SET = (
        QT_TRANSLATE_NOOP("Finding", "phSyncDoneEvent was not set %1 s after Done"),
        Rule.STYLES,
        QT_TRANSLATE_NOOP("Violation", "done event never signalled"),
    )


@dataclass(frozen=True, slots=True)
class Found:
    """A finding with its arguments: what an ``ErrorEntry`` made by the host carries."""

    finding: Finding
    args: tuple[Arg, ...] = ()

    def __post_init__(self) -> None:
        if len(self.args) != self.finding.arity:
            raise ValueError(f"{self.finding.name} takes {self.finding.arity} arguments")

    @property
    def sentence(self) -> str:
        """The template filled in, in English (a violation's line without its rule)."""
        return arg(self.finding.template, *(_english(value) for value in self.args))

    @property
    def english(self) -> str:
        """The line as headless output, JUnit and the logs show it."""
        finding = self.finding
        if finding.rule is None:
            return self.sentence
        return f"{finding.rule.label}: {finding.what}: {self.sentence}"

    def redacted(self) -> Found:
        """This finding with every secret the app knows taken out of its texts."""
        if not known():
            return self
        return Found(self.finding, tuple(_redacted(value) for value in self.args))

    def data(self) -> list[object]:
        """As JSON data (``--json``, a provider's process's messages): ``[id, [args]]``."""
        return [self.finding.name, [_arg_data(value) for value in self.args]]

    @classmethod
    def from_data(cls, raw: object, depth: int = MAX_DEPTH) -> Found:
        """``data()`` read back from a provider's process: checked exactly, every text
        made printable and bounded; ``ValueError`` names what is wrong."""
        if type(raw) is not list or len(raw) != 2:
            raise ValueError("a finding must be [id, [args]]")
        name, values = raw
        finding = Finding.__members__.get(name) if type(name) is str else None
        if finding is None:
            raise ValueError(f"unknown finding id {str(name)[:40]!r}")
        if type(values) is not list or len(values) != finding.arity:
            raise ValueError(f"{finding.name} takes a list of {finding.arity} arguments")
        return cls(finding, tuple(_arg_from_data(value, depth) for value in values))


def data_of(found: Found | None) -> list[object]:
    """An entry's finding as ``[id, [args]]``; ``[None, []]`` for a provider's own text."""
    return [None, []] if found is None else found.data()


def _english(value: Arg) -> str:
    if type(value) is float:
        return f"{value:g}"
    if type(value) is Found:
        return value.sentence
    return str(value)


def _redacted(value: Arg) -> Arg:
    if type(value) is str:
        return redact(value)
    if type(value) is Found:
        return value.redacted()
    return value


def _arg_data(value: Arg) -> object:
    return value.data() if type(value) is Found else value


def _arg_from_data(value: object, depth: int) -> Arg:
    if type(value) is str:
        if len(value) > ERROR_TEXT_LIMIT:
            raise ValueError("a finding's text argument is too long")
        return printable(value, ERROR_TEXT_LIMIT)
    if type(value) is int and -_INT_LIMIT < value < _INT_LIMIT:
        return value
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is list and depth > 1:
        return Found.from_data(value, depth - 1)
    raise ValueError(f"a finding's argument of type {type(value).__name__} (or nested too deep)")
