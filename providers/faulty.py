"""A catalogue of misbehaving providers: each breaks the contract (or bends it) in one
way, so the host's reaction can be seen, tested and documented (README, "Hostile
providers"). None is registered as an entry point, so that no user sees them offered: a
profile names one as ``sendreceive.providers.faulty:Name``; ``resources/faulty-
profile.toml`` runs every one of them beside the demo accounts.

Providers that "hang forever" wait on a module-level event that nothing sets, except
``wake_hung_providers()``, which tests and benchmarks call to let the abandoned threads
end; the host itself never relies on it.

Some cannot show in thread mode, and run in a process of their own whatever the mode
(``isolation = "process"`` in the profile): what they do would reach the app's own
process, or what they show only exists in a provider's process. A crash (``os._exit``,
a segfault, an abort, Qt's reason before one) would end the app; ``ReconfiguresStdout``
and ``PrintsLogLikeLines`` would change or write the app's own stdout, where no log is
made of them; ``ClosesItsSocket`` would close the app's own files, and a thread has no
socket to the app to close.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import ctypes
import gc
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from sendreceive.contract import (
    E_FAIL,
    MAPI_E_NETWORK_ERROR,
    MAPI_W_PARTIAL_COMPLETION,
    MAPISIB,
    S_OK,
    IID_IMAPISyncProgressCallback,
)

_forever = threading.Event()


def wake_hung_providers() -> None:
    """Release every provider blocked "forever" (tests and benchmarks clean up with it)."""
    global _forever
    released, _forever = _forever, threading.Event()
    released.set()


def _callback(psibpb: MAPISIB) -> Any:
    return psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)


def _in_background(psibpb: MAPISIB, body: Callable[[threading.Event], None]) -> int:
    """Start ``body(done_event)`` on a thread of the provider's own, background style."""
    done = threading.Event()
    psibpb.phSyncDoneEvent.value = done
    threading.Thread(target=body, args=(done,), name="faulty-provider", daemon=True).start()
    return S_OK


# --------------------------------------------------------------------------- rule 3


class RaisesInCall:
    """Raises from SynchronizeInBackground itself."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Connecting…", 0, 0)
        raise RuntimeError("the provider fell over while connecting")


class RaisesInThread:
    """Returns S_OK, then its own thread raises before calling Done."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)

        def body(done: threading.Event) -> None:
            cb.Progress("Receiving message 1 of 10", 1, 10)
            raise KeyError("message 2 has no UID")

        return _in_background(psibpb, body)


class FailsWithoutDone:
    """Returns a failure HRESULT and never calls Done."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Connecting…", 0, 0)
        return MAPI_E_NETWORK_ERROR


class NeverCallsDone:
    """In-call style: reports progress, returns S_OK, never calls Done."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Receiving message 3 of 3", 3, 3)
        return S_OK


_RETURNS: dict[str, object] = {"none": None, "string": "S_OK", "float": 0.0, "huge": 2**40}


class BadReturn:
    """Calls Done properly but returns something that is not an HRESULT."""

    def __init__(self, returns: str = "none") -> None:
        self.value = _RETURNS[returns]

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> Any:
        _callback(psibpb).Done(None, S_OK)
        return self.value


# --------------------------------------------------------------------------- rule 2


class SilentThreadEnd:
    """Background style whose thread ends quietly: no Done, event never set."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)

        def body(done: threading.Event) -> None:
            cb.Progress("Half way", 1, 2)

        return _in_background(psibpb, body)


class EventNeverSet:
    """Calls Done but never signals the phSyncDoneEvent it handed out."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)

        def body(done: threading.Event) -> None:
            cb.Done(done, S_OK)

        return _in_background(psibpb, body)


class NotAnEvent:
    """Puts a string where the done event belongs."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        psibpb.phSyncDoneEvent.value = "done-event"
        return S_OK


# --------------------------------------------------------------------------- rule 6


class DoneTwice:
    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Done(None, S_OK)
        cb.Done(None, S_OK)
        return S_OK


class CallsAfterDone:
    """Progress and Error after Done."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Done(None, S_OK)
        cb.Progress("one more thing", 1, 1)
        cb.Error(E_FAIL, "an error after the end")
        return S_OK


class DoneWithoutHresult:
    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Done(None, "finished")
        return S_OK


# --------------------------------------------------------------------------- rules 4 and 9

_POSITIONS: dict[str, list[tuple[Any, Any]]] = {
    "beyond-max": [(5, 10), (12, 10), (10, 10)],
    "backwards": [(5, 10), (3, 10), (10, 10)],
    "max-changes": [(5, 10), (5, 20), (20, 20)],
    "negative": [(5, 10), (-1, 10), (10, 10)],
    "huge": [(5, 10), (2**32, 2**33), (10, 10)],
    "not-int": [(5, 10), ("5", 10), (5.5, 10), (None, 10), (10, 10)],
}


class OddPositions:
    """Progress with the positions of one named pattern."""

    def __init__(self, pattern: str = "beyond-max") -> None:
        self.positions = _POSITIONS[pattern]

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        for index, index_max in self.positions:
            cb.Progress("Receiving", index, index_max)
        cb.Done(None, S_OK)
        return S_OK


_TEXTS: dict[str, object] = {
    "bytes": b"Receiving message 1",
    "not-a-string": 42,
    "huge": "Receiving " + "x" * 1_000_000,
    "control": "Receiving\x00message\r\n\x1b[31m1\x07 of 2",
    "right-to-left": "\u202eReceiving message 1 of 2 \u05d4\u05d5\u05d3\u05e2\u05d4",
    "surrogate": "Receiving message \ud800 1 of 2",
}


class OddText:
    """Step and error texts of one named odd kind."""

    def __init__(self, kind: str = "bytes") -> None:
        self.text = _TEXTS[kind]

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Progress(self.text, 1, 2)
        cb.Error(E_FAIL, self.text)
        cb.Done(None, S_OK)
        return S_OK


# --------------------------------------------------------------------------- rules 4, 7, 8


class HangsSilently:
    """Never calls back and never returns (until the process ends)."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _forever.wait()
        return S_OK


class BusyIgnoringCancel:
    """Reports once, then loops without callbacks, never checking for cancel."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Compacting the local store", 0, 0)
        forever = _forever
        while not forever.wait(0.05):
            pass  # a long computation that never looks up
        return S_OK


class IgnoresCancel:
    """Keeps calling Progress after being told MAPI_E_USER_CANCEL."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        forever, i = _forever, 0
        while not forever.wait(0.01):
            i += 1
            cb.Progress(f"Receiving message {i}", i % 100, 100)  # the answer is ignored
        return S_OK


class ErrorFlood:
    """Reports the same error a hundred thousand times, then completes."""

    def __init__(self, count: int = 100_000) -> None:
        self.count = count

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        for i in range(self.count):
            cb.Error(E_FAIL, "Message could not be parsed")
            if i % 1000 == 0:
                cb.Progress("Parsing messages", i, self.count)
        cb.Done(None, S_OK)
        return S_OK


class ManyThreads:
    """Calls Progress and Error from many threads at once."""

    def __init__(self, threads: int = 16, calls: int = 2_000) -> None:
        self.threads = threads
        self.calls = calls

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)

        def hammer(n: int) -> None:
            for i in range(self.calls):
                cb.Progress(f"Thread {n}: item {i}", i, self.calls)
            cb.Error(MAPI_E_NETWORK_ERROR, f"thread {n} lost its connection once")

        workers = [threading.Thread(target=hammer, args=(n,)) for n in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        cb.Done(None, S_OK)
        return S_OK


# --------------------------------------------------------------------------- provider objects


class ReassignsDoneEvent:
    """Background style, but puts its event in place of ``phSyncDoneEvent`` itself."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        done = threading.Event()
        psibpb.phSyncDoneEvent = done  # type: ignore[assignment]  # the bug on show

        def body() -> None:
            cb.Progress("Receiving message 1 of 1", 1, 1)
            cb.Done(done, S_OK)
            done.set()

        threading.Thread(target=body, name="faulty-provider", daemon=True).start()
        return S_OK


class _ReentrantText:
    """A "text" whose repr and str call back into the callback that is describing it."""

    def __init__(self, cb: Any) -> None:
        self.cb = cb

    def __repr__(self) -> str:
        self.cb.Progress("called from __repr__", 1, 2)
        return "reentrant"

    __str__ = __repr__


class ReentrantText:
    """Passes a text object whose ``__repr__`` calls ``Progress``: a host that called it
    under its lock would deadlock."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Progress(_ReentrantText(cb), 1, 2)
        cb.Error(E_FAIL, _ReentrantText(cb))
        cb.Done(None, S_OK)
        return S_OK


class _UnprintableError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text for you")


class RaisesUnprintable:
    """Raises an exception whose ``__str__`` raises."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        raise _UnprintableError


# --------------------------------------------------------------------------- told truly
# Contract abuse the host once told wrongly: a hang, a generic time-out, "never called
# Done", "does not implement", "The host could not call the provider".


class _CallsBackWhenCollected:
    """Garbage that only the cyclic collector frees; its finalizer calls ``Progress``
    and says so in ``collected``."""

    def __init__(self, cb: Any, index: int, count: int, collected: list[int]) -> None:
        self.cb, self.index, self.count, self.collected = cb, index, count, collected
        self.cycle = self

    def __del__(self) -> None:
        self.cb.Progress(None, self.index, self.count)
        self.collected.append(self.index)


class FinalizerCallsBack:
    """Leaves garbage whose finalizer calls back, while it reports (a warning each time,
    whose recording allocates under the host's lock) with the collector running at
    (nearly) every allocation: a finalizer then runs inside the host's locked section,
    on the thread that holds the lock."""

    def __init__(self, count: int = 100) -> None:
        self.count = count

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        thresholds = gc.get_threshold()
        collected: list[int] = []
        gc.set_threshold(1)
        try:
            for i in range(1, self.count + 1):
                _CallsBackWhenCollected(cb, i, self.count, collected)
                cb.Progress(f"Receiving message {i} of {self.count}", i, self.count)
                cb.Error(MAPI_W_PARTIAL_COMPLETION, "Skipped a message deleted on the server")
        finally:
            gc.set_threshold(*thresholds)
        # The last of its garbage, before Done: gc.collect() does nothing while another
        # thread is collecting (seen on Python 3.13 beside 70 tasks), so until all its
        # finalizers have run — or their Progress would come after Done.
        pause, waited = threading.Event(), time.monotonic()
        while len(collected) < self.count and time.monotonic() - waited < 30:
            gc.collect()
            pause.wait(0.005)
        cb.Done(None, S_OK)
        return S_OK


class DoneAfterEvent:
    """Background style: sets its done event first, and calls ``Done`` only when the
    host, tired of waiting, has asked it to stop (``psesSync.cancelled``)."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb, session, forever = _callback(psibpb), psibpb.psesSync, _forever

        def body(done: threading.Event) -> None:
            cb.Progress("Receiving message 1 of 1", 1, 1)
            done.set()
            while not session.cancelled and not forever.wait(0.01):
                pass
            cb.Done(None, S_OK)

        return _in_background(psibpb, body)


class StringIid:
    """Asks ``QueryInterface`` for the callback by the IID's text, not its UUID."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = psibpb.punkCallBack.QueryInterface(str(IID_IMAPISyncProgressCallback))  # type: ignore[arg-type]  # the bug on show
        cb.Done(None, S_OK)
        return S_OK


class _PoisonedError(Exception):
    """Every attribute look-up raises, ``__class__`` and ``__traceback__`` included."""

    def __getattribute__(self, name: str) -> Any:
        raise RuntimeError(f"no {name} for you")

    def __str__(self) -> str:
        raise RuntimeError("no text for you")

    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


class RaisesPoisoned:
    """Raises an exception whose every attribute look-up raises."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        raise _PoisonedError


# --------------------------------------------------------------------------- process-wide


class ReplacesExcepthook:
    """Replaces ``threading.excepthook`` with one that swallows every thread's death."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        threading.excepthook = lambda args: None
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class LeavesWorkBehind:
    """Completes, leaving a non-daemon thread, a stuck executor job and an ``atexit``
    handler that all wait "forever": an interpreter's own shutdown would wait for them."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        forever = _forever
        threading.Thread(target=forever.wait, name="faulty-lingering", daemon=False).start()
        pool = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="faulty-pool")
        pool.submit(forever.wait)
        pool.shutdown(wait=False)
        atexit.register(forever.wait)
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class GrabsStdout:
    """Points fd 1 at /dev/null, makes ``sys.stdout`` ASCII, prints, and closes it."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        sys.stdout.flush()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
        sys.stdout = open(1, "w", encoding="ascii", closefd=False)  # noqa: SIM115
        print("a provider's own line")
        sys.stdout.close()
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class ReadsStdin:
    """Leaves a thread blocked in a read on stdin."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        threading.Thread(target=sys.stdin.readline, name="faulty-stdin", daemon=True).start()
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class SendsSigint:
    """Sends SIGINT to its own process (the host's, in thread mode), then completes."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        os.kill(os.getpid(), signal.SIGINT)
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class HoldsTheGil:
    """Holds the interpreter lock in C for ``seconds`` (usleep through ``ctypes.PyDLL``,
    which keeps the GIL): every other thread of the process stands still meanwhile."""

    def __init__(self, seconds: float = 2.0) -> None:
        self.seconds = seconds

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Progress("Compacting in C", 0, 0)
        ctypes.PyDLL(None).usleep(int(self.seconds * 1_000_000))
        cb.Done(None, S_OK)
        return S_OK


# --------------------------------------------------------------------------- process-wide
# What no thread of the app's own process can survive: these run with isolation =
# "process" in the catalogue (README, "What thread mode cannot prevent").


class ExitsProcess:
    """Reports once, then ends its process with ``os._exit``."""

    def __init__(self, code: int = 3) -> None:
        self.code = code

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Receiving message 1 of 10", 1, 10)
        sys.stderr.write("faulty: giving up on everything\n")
        sys.stderr.flush()
        os._exit(self.code)


class Segfaults:
    """Reads address 0 in C, as a broken C extension would."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Decoding in C", 0, 0)
        ctypes.string_at(0)
        return S_OK


class Aborts:
    """Calls ``os.abort()``, as a failed assertion in C would."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        os.abort()


class AbortsWithReason:
    """Prints why, as Qt does before it aborts (no display, no platform plugin), then
    aborts; a thread of its own waits meanwhile, so the fault handler dumps two stacks."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Starting the viewer", 0, 0)
        threading.Thread(target=_forever.wait, name="faulty-waiting", daemon=True).start()
        sys.stderr.write(
            "qt.qpa.xcb: could not connect to display :99\n"
            'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it '
            "was found.\n"
        )
        sys.stderr.flush()
        os.abort()


class ReconfiguresStdout:
    """Makes its ``sys.stdout`` UTF-8 and line-buffered, as a CLI library does, and
    prints. In thread mode that would be the app's own stdout."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        sys.stdout.reconfigure(encoding="utf-8", errors="replace", line_buffering=True)  # type: ignore[union-attr]  # a TextIOWrapper
        print("Receiving \u2709 1 of 1")
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class PrintsLogLikeLines:
    """Prints lines that start with a logging level's name: they are output, no log
    records. In thread mode they would go to the app's own stdout."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        print("ERROR is the word the server used for folder 'Junk'")
        print("DEBUG mode: on")
        sys.stdout.flush()
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class ClosesItsSocket:
    """Closes every file descriptor it did not open itself (as a daemonizing library
    does): in its process, that is the socket to the app."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Detaching", 0, 0)
        os.closerange(3, 65536)
        _forever.wait()
        return S_OK


class RaisesBaseException:
    """Raises ``SystemExit`` or ``KeyboardInterrupt`` out of SynchronizeInBackground."""

    def __init__(self, raises: str = "SystemExit") -> None:
        self.raises = raises

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        if self.raises == "SystemExit":
            raise SystemExit(3)
        raise KeyboardInterrupt("the provider's own Ctrl-C")


class MemoryBomb:
    """Allocates 16 MiB after 16 MiB (at most ``cap_mb``, so that it never takes a
    machine down even unbounded) and keeps it all."""

    def __init__(self, cap_mb: int = 4096) -> None:
        self.cap_mb = cap_mb

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        hoard = []
        for mb in range(0, self.cap_mb, 16):
            hoard.append(bytearray(16 << 20))
            cb.Progress(f"Caching {mb + 16} MiB", mb + 16, self.cap_mb)
        cb.Done(None, S_OK)
        return S_OK


class CatastrophicRegex:
    """Matches a catastrophic pattern: the regex engine runs for minutes in C without
    releasing the interpreter lock, so no other thread of its process moves."""

    def __init__(self, length: int = 40) -> None:
        self.length = length

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        cb.Progress("Parsing a message header", 0, 0)
        re.match(r"(a+)+$", "a" * self.length + "!")
        cb.Done(None, S_OK)
        return S_OK


class PrintsFlood:
    """Prints ``megabytes`` MiB to stdout, then completes."""

    def __init__(self, megabytes: int = 50) -> None:
        self.megabytes = megabytes

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = _callback(psibpb)
        line = "x" * 1023
        for mb in range(1, self.megabytes + 1):
            for _ in range(1024):
                print(line)
            cb.Progress(f"Printed {mb} MiB", mb, self.megabytes)
        sys.stdout.flush()
        cb.Done(None, S_OK)
        return S_OK


class LeavesChildProcess:
    """Starts a process that would run for ten minutes, writes its pid to
    ``child.pid`` in its store, and completes."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        child = subprocess.Popen(["sleep", "600"])
        (psibpb.psesSync.store_dir / "child.pid").write_text(str(child.pid))
        _callback(psibpb).Done(None, S_OK)
        return S_OK


# --------------------------------------------------------------------------- the process tree
# What reaches past a provider's own process. In thread isolation each would act on the
# app's own process (or on whatever started it), so they too run with isolation = "process".

# A stubborn process: ignores SIGTERM and sleeps; its argv names the store it came from.
_STUBBORN = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)"


class Daemonizes:
    """Double-forks a daemon (a session of its own, SIGTERM ignored), starts a second such
    process in a process group of its own, and completes. Both are killed with its
    process and named. Not in thread isolation: nothing holds a thread's children, so
    they would outlive the app."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        start_daemons(f"faulty-daemon:{psibpb.psesSync.store_dir}")
        _callback(psibpb).Done(None, S_OK)
        return S_OK


def start_daemons(marker: str) -> None:
    """Two processes that ignore SIGTERM, ``marker`` in their argv: a daemon (fork,
    setsid, fork again, the middle one ends) and a child in a process group of its own."""
    middle = os.fork()
    if middle == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                os.execv(sys.executable, [sys.executable, "-c", _STUBBORN, marker])
        finally:
            os._exit(0)
    os.waitpid(middle, 0)
    subprocess.Popen([sys.executable, "-c", _STUBBORN, marker], process_group=0)


class SignalsForkServer:
    """Sends SIGUSR1, SIGTERM and SIGSTOP to the fork server above its process (found by
    walking up ``/proc``), says what each did, and completes. In a PID namespace with a
    ``/proc`` of its own it cannot even find it; in the fallback the server ignores the
    first two and is replaced after the third. Not in thread isolation: there the process
    above is whatever started the app."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        server = _fork_server_above()
        if server is None:
            _callback(psibpb).Progress("the fork server is out of sight", 1, 1)
            _callback(psibpb).Done(None, S_OK)
            return S_OK
        said = []
        for sig in (signal.SIGUSR1, signal.SIGTERM, signal.SIGSTOP):
            try:
                os.kill(server, sig)
                said.append(f"{sig.name} sent")
            except OSError as exc:
                said.append(f"{sig.name}: {type(exc).__name__}")
        cb = _callback(psibpb)
        cb.Progress("; ".join(said), 1, 1)
        cb.Done(None, S_OK)
        return S_OK


def _fork_server_above() -> int | None:
    """The topmost of the processes above this one that run the fork server's module (its
    keeper and the provider's process are forks of it), as its ``/proc`` numbers it;
    ``None`` where that ``/proc`` does not show it (a PID namespace's own)."""
    pid = int(os.readlink("/proc/self"))
    while True:
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{parent}/cmdline", "rb") as cmdline:
                if b"process.fork_server" not in cmdline.read():
                    return pid
        except OSError:  # the process above is not in this /proc
            return None
        pid = parent


class IgnoresSigterm:
    """Ignores SIGTERM (for the whole process, in C), then sleeps in C holding the
    interpreter lock, so that its process's host side cannot end it either: the host's
    SIGTERM does nothing, its SIGKILL a second later ends it, named. Not in thread
    isolation: SIGTERM's disposition is the app's own there."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        ctypes.CDLL(None).signal(signal.SIGTERM, 1)  # SIG_IGN, from any thread
        _callback(psibpb).Progress("Ignoring SIGTERM", 0, 0)
        ctypes.PyDLL(None).usleep(600_000_000)
        return S_OK


class StopsItself:
    """Reports once, then stops its own process (SIGSTOP): not responding, then at the
    time limit named as stopped and ended. Not in thread isolation: it would stop the app."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Stopping myself", 1, 2)
        os.kill(os.getpid(), signal.SIGSTOP)
        threading.Event().wait()  # continued only to be ended
        return S_OK


class Execs:
    """Replaces its process with another program (``exec`` of ``sh``, which sleeps):
    named as such, and ended. Not in thread isolation: the app would become that program."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Becoming a shell", 1, 2)
        os.execv("/bin/sh", ["sh", "-c", "sleep 600"])


# A bomb of a provider's processes: its tree's limits (``threads``, ``open_files``) name
# it; each is capped, so that it never takes a machine down even unbounded. Not in thread
# isolation: the threads, processes and files would be the app's own.


class ThreadBomb:
    """Starts threads that wait (at most ``cap``, fewer where the kernel refuses one),
    holds them ``hold`` seconds, and completes."""

    def __init__(self, cap: int = 2000, hold: float = 10.0) -> None:
        self.cap = cap
        self.hold = hold

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        release = threading.Event()
        started = 0
        with contextlib.suppress(RuntimeError):  # "can't start new thread"
            while started < self.cap:
                threading.Thread(target=release.wait, daemon=True).start()
                started += 1
        _callback(psibpb).Progress(f"{started} threads", 1, 2)
        _forever.wait(self.hold)
        release.set()
        _callback(psibpb).Done(None, S_OK)
        return S_OK


class ForkBomb:
    """Forks a binary tree of ``depth`` levels of processes (at most 2**(depth+1) - 2 of
    them, fewer where the kernel refuses a fork) that sleep ``hold`` seconds, waits for
    them, and completes."""

    def __init__(self, depth: int = 6, hold: float = 10.0) -> None:
        self.depth = depth
        self.hold = hold

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        _callback(psibpb).Progress("Forking", 1, 2)
        # A helper process forks the tree: a fork of this threaded process runs only
        # system calls and ``os._exit``.
        marker = f"faulty-fork-bomb:{psibpb.psesSync.store_dir}"  # in every process's argv
        subprocess.run([sys.executable, "-c", _FORK_TREE, str(self.depth), str(self.hold), marker])
        _callback(psibpb).Done(None, S_OK)
        return S_OK


_FORK_TREE = """
import os, sys, time
depth, hold = int(sys.argv[1]), float(sys.argv[2])
kids = []
while depth:
    try:
        kid = os.fork()
    except OSError:
        break
    if kid == 0:  # a new level: it forks its own two
        depth, kids = depth - 1, []
        continue
    kids.append(kid)
    if len(kids) == 2:
        break
time.sleep(hold)
for kid in kids:
    os.waitpid(kid, 0)
"""


class FileHog:
    """Starts ``children`` processes that hold ten files each (standard streams and seven
    more: under any per-process limit of 64) for ``hold`` seconds; waits for them,
    reporting progress, and completes."""

    def __init__(self, children: int = 8, hold: float = 2.0) -> None:
        self.children = children
        self.hold = hold

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        # A `sleep` each, its files opened by the shell that starts it: an exec costs a
        # millisecond where an interpreter's start costs a second on a loaded machine, and
        # the provider's own process, near its limit already, opens none of them.
        files = " ".join(f"{fd}</dev/null" for fd in range(3, 10))
        hog = ["sh", "-c", f"exec sleep {self.hold} {files}"]
        hogs = [subprocess.Popen(hog) for _ in range(self.children)]
        cb = _callback(psibpb)
        for each in hogs:
            while True:
                cb.Progress(f"{self.children} processes hold ten files each", 1, 2)
                try:
                    each.wait(0.25)
                    break
                except subprocess.TimeoutExpired:
                    pass
        cb.Done(None, S_OK)
        return S_OK


# --------------------------------------------------------------------------- loading


class NoSyncMethod:
    """Has everything but SynchronizeInBackground."""

    def synchronize(self, psibpb: MAPISIB) -> int:
        return S_OK


class RaisingConstructor:
    def __init__(self) -> None:
        raise OSError("the provider's configuration file is missing")

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        return S_OK
