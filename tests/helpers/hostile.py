"""What the host must do with each account of resources/faulty-profile.toml: the
documented reaction (README, "Hostile providers"), shared by the headless and GUI tests."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sendreceive.contract import (
    E_FAIL,
    E_OUTOFMEMORY,
    E_UNEXPECTED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_TIMEOUT,
    MAPI_E_USER_CANCEL,
    S_OK,
)
from sendreceive.hosting.process import containment
from sendreceive.run.send_receive import RunLimits
from sendreceive.tracking.tracker import TaskStatus

PROFILE = Path(__file__).resolve().parents[2] / "resources" / "faulty-profile.toml"
MAIN = Path(__file__).resolve().parents[2] / "main.py"
# Shorter than the profile's own limits: the same paths, sooner.
LIMITS = RunLimits(
    max_parallel=48,
    stall_timeout=1.0,  # above a provider process's start-up on two loaded cores
    cancel_grace=0.5,
    done_event_grace=0.5,
    # Above the busiest task (the 100,000 errors) and the tree limits (a fork bomb's or
    # eight children's files, seen and killed by the keeper) on two loaded cores.
    task_timeout=5.0,
    watchdog_interval=0.05,
)

# The same limits on the command line, for the real program.
LIMIT_ARGS = ("--stall-timeout", "1", "--cancel-grace", "0.5", "--task-timeout", "5")  # LIMITS

DEMO = ("Contoso", "Fabrikam", "Northwind")
# Whether a keeper may count its tree's open files here (root may).
_FILES_COUNTED = containment.counts_open_files(containment.describe())


@dataclass(frozen=True)
class Expected:
    status: TaskStatus
    result: int | None
    fragments: tuple[str, ...] = ()  # each must appear in one of the task's error lines
    violations: int = 0


_C, _W, _F, _A = TaskStatus.COMPLETED, TaskStatus.WARNINGS, TaskStatus.FAILED, TaskStatus.ABANDONED
_ABANDONED = (
    "No result after 5 s (the task time limit); the host cancelled the task.",
    "did not stop within 0.5 s of Cancel; it was abandoned",
)
_LOADING = (
    "No result after 5 s (the task time limit): the provider was still loading (its module's "
    "import or its factory had not returned); the host cancelled the task."
)

EXPECTED: dict[str, Expected] = {
    "Raises": Expected(
        _F, E_FAIL, ("SynchronizeInBackground raised RuntimeError: the provider fell over",)
    ),
    "Replaces threading.excepthook": Expected(_C, S_OK),
    "Raises in its thread": Expected(
        _F,
        E_FAIL,
        ("The provider's thread 'faulty-provider' raised KeyError: 'message 2 has no UID'",),
    ),
    "Fails without Done": Expected(
        _F,
        MAPI_E_NETWORK_ERROR,
        ("SynchronizeInBackground returned 0x80040115 (MAPI_E_NETWORK_ERROR)",),
    ),
    "Never calls Done": Expected(
        _F, E_UNEXPECTED, ("Rule 2 (in-call or background style): Done missing",), violations=1
    ),
    "Returns None": Expected(_W, S_OK, ("Rule 3", "got None; taken as S_OK"), violations=1),
    "Returns a string": Expected(_W, S_OK, ("got 'S_OK'; taken as S_OK",), violations=1),
    "Returns a float": Expected(_W, S_OK, ("got 0.0; taken as S_OK",), violations=1),
    "Returns 2**40": Expected(_W, S_OK, ("got 1099511627776; taken as S_OK",), violations=1),
    "Thread ends silently": Expected(
        _F, E_UNEXPECTED, ("thread ended without Done", "no Done"), violations=1
    ),
    "Event never set": Expected(
        _W,
        S_OK,
        ("done event never signalled: phSyncDoneEvent was not set 0.5 s after Done",),
        violations=1,
    ),
    "Not an event": Expected(
        _F,
        E_UNEXPECTED,
        ("phSyncDoneEvent must hold a threading.Event, got 'done-event'",),
        violations=1,
    ),
    "Done twice": Expected(_W, S_OK, ("Rule 6", "Done called twice"), violations=1),
    "Calls after Done": Expected(
        _W, S_OK, ("Progress after Done", "Error after Done"), violations=2
    ),
    "Done without HRESULT": Expected(
        _F,
        E_UNEXPECTED,
        ("Done's hResult must be a 32-bit int HRESULT, got 'finished'",),
        violations=1,
    ),
    "Index beyond max": Expected(
        _W, S_OK, ("Progress(…, 12, 10): ulIndex > ulIndexMax; clamped",), violations=1
    ),
    "Index backwards": Expected(_C, S_OK),
    "Max changes": Expected(_C, S_OK),
    "Negative index": Expected(
        _W, S_OK, ("Progress(…, -1, 10): ulIndex must be a ULONG",), violations=1
    ),
    "Index over ULONG": Expected(
        _W, S_OK, ("ulIndex must be a ULONG (0 … 4294967295)",), violations=1
    ),
    "Index not an int": Expected(
        _W, S_OK, ("Progress(…, '5', 10): ulIndex must be an int, got str",), violations=3
    ),
    "Text as bytes": Expected(
        _W, S_OK, ("pwcszProgress must be a str or None, got bytes",), violations=2
    ),
    "Text not a string": Expected(
        _W, S_OK, ("pwcszErrorStr must be a str, got int 42",), violations=2
    ),
    "Text of 1 MB": Expected(_W, S_OK, ("'Receiving xxxx",)),
    "Text with controls": Expected(_W, S_OK, ("'Receiving message [31m1  of 2'",)),
    "Right-to-left text": Expected(
        _W, S_OK, ("' Receiving message 1 of 2 \u05d4\u05d5\u05d3\u05e2\u05d4'",)
    ),
    "Unpaired surrogate": Expected(_W, S_OK, ("'Receiving message \ufffd 1 of 2'",)),
    "Hangs silently": Expected(
        _A, MAPI_E_USER_CANCEL, ("Not responding: no progress for 1 s", *_ABANDONED)
    ),
    "Busy, ignoring Cancel": Expected(_A, MAPI_E_USER_CANCEL, _ABANDONED),
    "Ignores Cancel": Expected(_A, MAPI_E_USER_CANCEL, _ABANDONED),
    "Error flood": Expected(_W, S_OK, ("Message could not be parsed",)),
    "Many threads": Expected(_W, S_OK, ("thread 0 lost its connection once",)),
    "Import error": Expected(
        _F,
        E_FAIL,
        (
            "cannot import 'sendreceive.providers.faulty_missing_module': No module named "
            "'sendreceive.providers.faulty_missing_module'",
        ),
    ),
    "No SynchronizeInBackground": Expected(
        _F, E_FAIL, ("made a NoSyncMethod that has no SynchronizeInBackground",)
    ),
    "Constructor raises": Expected(
        _F,
        E_FAIL,
        ("raised while being created: OSError: the provider's configuration file is missing",),
    ),
    "Exits at import": Expected(
        _F,
        E_FAIL,
        ("importing 'sendreceive.providers.faulty_exits_at_import' raised it called sys.exit(0)",),
    ),
    "Reassigns phSyncDoneEvent": Expected(
        _W, S_OK, ("psibpb.phSyncDoneEvent was replaced by <Event object>",), violations=1
    ),
    "Text calls back from repr": Expected(
        _W,
        S_OK,
        (
            "pwcszProgress must be a str or None, got _ReentrantText <_ReentrantText object>",
            "reported error (0x80004005) : '<_ReentrantText object>'",
        ),
        violations=2,
    ),
    "Exception text raises": Expected(
        _F,
        E_FAIL,
        ("SynchronizeInBackground raised _UnprintableError (its str() raised RuntimeError)",),
    ),
    "Finalizer calls back": Expected(_W, S_OK, ("'Skipped a message deleted on the server'",)),
    "Still importing": Expected(_A, MAPI_E_USER_CANCEL, (_LOADING, _ABANDONED[1])),
    "Done after the done event": Expected(
        _F,
        E_UNEXPECTED,
        (
            "Done missing: the provider signalled phSyncDoneEvent and had not called Done 0.5 s "
            "later",
            "s after phSyncDoneEvent was set, when the task had already ended for want of it",
        ),
        violations=2,
    ),
    "QueryInterface by text": Expected(
        _F,
        E_FAIL,
        (
            "QueryInterface riid type: QueryInterface's riid must be a uuid.UUID, got str "
            "'5024a386-2d44-486a-81a8-8f0ecb6071dd'; it answered E_INVALIDARG",
        ),
        violations=1,
    ),
    "Exception attributes raise": Expected(
        _F, E_FAIL, ("SynchronizeInBackground raised _PoisonedError (its str() raised",)
    ),
    "Leaves work behind": Expected(_C, S_OK),
    "Grabs stdout": Expected(_C, S_OK),
    "Raises SystemExit": Expected(_F, E_FAIL, ("SynchronizeInBackground raised SystemExit: 3",)),
    "Raises KeyboardInterrupt": Expected(
        _F, E_FAIL, ("SynchronizeInBackground raised KeyboardInterrupt: the provider's own Ctrl-C",)
    ),
    # Always in a process of their own (isolation = "process" in the profile):
    "Calls os._exit": Expected(
        _F,
        E_FAIL,
        (
            "The provider's process died: exit code 3 in SynchronizeInBackground. Its last "
            "output: faulty: giving up on everything",
        ),
    ),
    "Segfaults": Expected(
        _F,
        E_FAIL,
        (
            "died: signal 11 (SIGSEGV) in SynchronizeInBackground. Its last output: Fatal "
            "Python error: Segmentation fault",
        ),
    ),
    "Aborts": Expected(
        _F,
        E_FAIL,
        ("died: signal 6 (SIGABRT) in SynchronizeInBackground. Its last output: Fatal Python",),
    ),
    "Aborts with a reason": Expected(
        _F,
        E_FAIL,
        (
            "died: signal 6 (SIGABRT) in SynchronizeInBackground. Its last output: qt.qpa.plugin: "
            'Could not load the Qt platform plugin "xcb" in "" even though it was found. | Fatal '
            "Python error: Aborted |",
            "in SynchronizeInBackground",  # the crashing thread's frames, not the waiting one's
        ),
    ),
    "Reconfigures stdout": Expected(_C, S_OK),
    "Prints log-like lines": Expected(_C, S_OK),
    "Closes its socket": Expected(
        _F,
        E_FAIL,
        (
            "The provider's process died: exit code 71 (the provider closed its process's socket "
            "to the app) in SynchronizeInBackground.",
        ),
    ),
    "Memory bomb": Expected(
        _F, E_OUTOFMEMORY, ("killed: memory limit", "limit of 256 MB (memory_limit_mb)")
    ),
    "Catastrophic regex": Expected(
        _F, MAPI_E_TIMEOUT, (_ABANDONED[0], "did not stop within 0.5 s of Cancel; its process")
    ),
    "Prints 50 MB": Expected(_C, S_OK),
    "Leaves a child process": Expected(
        _C, S_OK, ("left 1 process(es) behind, killed with it: sleep (",)
    ),
    "Daemonizes": Expected(_C, S_OK, ("left 2 process(es) behind, killed with it: ",)),
    "Signals the fork server": Expected(_C, S_OK),
    "Ignores SIGTERM": Expected(
        _F,
        MAPI_E_TIMEOUT,
        (
            _ABANDONED[0],
            "its process was stopped.",
            "The provider's process ignored SIGTERM; it was killed (SIGKILL).",
        ),
    ),
    "Stops itself": Expected(
        _F,
        MAPI_E_TIMEOUT,
        (_ABANDONED[0], "its process was stopped.", "had been stopped (SIGSTOP or the like)"),
    ),
    "Execs another program": Expected(
        _F, E_FAIL, ("The provider's process replaced itself with another program (exec of ",)
    ),
    "Thread bomb": Expected(_F, E_FAIL, ("killed: thread limit (64 threads, threads)",)),
    "Fork bomb": Expected(_F, E_FAIL, ("killed: thread limit (64 threads, threads)",)),
    "Open files across processes": (
        Expected(_F, E_FAIL, ("killed: open files limit (64 files, open_files)",))
        if _FILES_COUNTED
        else Expected(_C, S_OK)  # per process only: the run's containment line says so
    ),
}

# In a process, a provider that ignores Cancel is stopped, not abandoned: the task ends
# Failed MAPI_E_TIMEOUT (the time limit cancelled it), saying that its process was stopped.
_STOPPED = Expected(
    _F,
    MAPI_E_TIMEOUT,
    (_ABANDONED[0], "did not stop within 0.5 s of Cancel; its process was stopped."),
)
IN_PROCESS = {
    **EXPECTED,
    "Hangs silently": replace(_STOPPED, fragments=(*_STOPPED.fragments, "Not responding")),
    "Busy, ignoring Cancel": _STOPPED,
    "Ignores Cancel": _STOPPED,
    "Still importing": replace(_STOPPED, fragments=(_LOADING, _STOPPED.fragments[1])),
}
MODES = ("thread", "process")


def expected(mode: str) -> dict[str, Expected]:
    return IN_PROCESS if mode == "process" else EXPECTED


def main_py(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        capture_output=True,
        stdin=stdin,
        text=True,
        timeout=60,
        env=dict(os.environ, SENDRECEIVE_DEMO_SPEED="50"),
        check=False,
    )


@contextlib.contextmanager
def keep_stdio() -> Iterator[None]:
    """Run the catalogue in a test's own process: put back what "Grabs stdout" takes
    (fd 1 and ``sys.stdout``), as the program itself never needs to."""
    saved_fd, saved_stdout = os.dup(1), sys.stdout
    try:
        yield
    finally:
        os.dup2(saved_fd, 1)
        os.close(saved_fd)
        sys.stdout = saved_stdout
