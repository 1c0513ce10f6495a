"""What the host keeps for itself in the process it shares with thread-mode providers:
its report stream, the user's Ctrl-C, and its exit.

A provider may close, re-encode or ``dup2`` over stdout, print, send SIGINT to its own
process, leave non-daemon threads, executor jobs or ``atexit`` handlers behind, or sit
in a read on stdin. None of that may cost the user the report, cancel other accounts,
or keep the app from exiting. Used by the program's own entry point (``sendreceive.cli.run``);
tests that call ``main()`` in their own process keep their stdout and signals.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import NoReturn, TextIO

log = logging.getLogger("sendreceive.host")

_HOST_THREADS = (
    "host-sigint",
    "provider-launcher",
    "done-event:",
    "provider-hub",
    "provider-spawner",
    "provider-fork-server",
    "provider-password",
)
_atexit_count = getattr(atexit, "_ncallbacks", lambda: 0)
_atexit_at_start = _atexit_count()


def take_stdout() -> TextIO:
    """The report stream: a duplicate of fd 1 taken now, in a file object of the host's
    own. fd 1 itself (``sys.stdout``, ``print``) then writes to stderr, so whatever a
    provider does to stdout, or prints, stays out of the report and the JSON stream."""
    sys.stdout.flush()
    encoding = sys.stdout.encoding or "utf-8"
    report = os.fdopen(os.dup(1), "w", encoding=encoding, errors="backslashreplace")
    os.dup2(2, 1)
    return report


def guard_sigint() -> bool:
    """Block SIGINT in this thread and every thread started after it (call it before any
    provider code runs), so that ``on_user_interrupt`` can tell who sent it. A SIGINT
    that still reaches Python (a provider unblocked it, or ``_thread.interrupt_main``)
    is logged and ignored. False where the OS cannot tell senders apart."""
    if not hasattr(signal, "sigwaitinfo"):
        return False
    signal.signal(signal.SIGINT, _stray_interrupt)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return True


def sigint_guarded() -> bool:
    return hasattr(signal, "sigwaitinfo") and signal.SIGINT in signal.pthread_sigmask(
        signal.SIG_BLOCK, ()
    )


def on_user_interrupt(interrupt: Callable[[], None]) -> None:
    """Call ``interrupt`` (from a host thread) for each SIGINT another process sent — a
    terminal's Ctrl-C, a ``kill`` — and ignore those this process sent itself: in thread
    mode only a provider does that, and one provider must not cancel every account."""
    me = os.getpid()

    def wait() -> None:
        while True:
            info = signal.sigwaitinfo({signal.SIGINT})
            if info.si_pid == me:
                log.warning("ignored a SIGINT this process sent itself (a provider's)")
            else:
                interrupt()

    threading.Thread(target=wait, name="host-sigint", daemon=True).start()


def _stray_interrupt(signum: int, frame: object) -> None:
    log.warning("ignored a SIGINT delivered to a provider's thread")


def exit_process(code: int, *streams: TextIO) -> NoReturn:
    """End the process with ``code`` once the host's own work is done, whatever providers
    left running: the interpreter's shutdown would wait for their non-daemon threads and
    executor jobs, run their ``atexit`` handlers, and abort on a stdin read it cannot
    interrupt. The host's outputs are flushed and what is left behind is logged first."""
    for line in left_behind():
        log.warning("left behind at exit: %s", line)
    for stream in (*streams, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    for handler in logging.getLogger().handlers:
        with contextlib.suppress(Exception):
            handler.flush()
    os._exit(code)


def count_atexit_handlers_as_the_hosts() -> None:
    """The atexit handlers registered so far are the host's own (PySide6 registers one
    when the window's Qt starts): only those registered later are reported as left
    behind, so that a provider author hunts only for leftovers of theirs."""
    global _atexit_at_start
    _atexit_at_start = _atexit_count()


def left_behind() -> list[str]:
    """Threads other than the host's, and atexit handlers registered since start-up."""
    found = []
    for thread in threading.enumerate():
        if thread is threading.main_thread():
            continue
        try:  # the base class's properties: a provider's Thread subclass runs nothing
            name = str(threading.Thread.name.fget(thread))  # type: ignore[attr-defined]
            daemon = bool(threading.Thread.daemon.fget(thread))  # type: ignore[attr-defined]
        except (AttributeError, AssertionError):  # a subclass that skipped Thread.__init__
            name, daemon = "?", True
        if not name.startswith(_HOST_THREADS):
            found.append(f"thread {name!r}" + ("" if daemon else " (non-daemon)"))
    added = _atexit_count() - _atexit_at_start
    if added > 0:
        found.append(f"{added} atexit handler(s) registered after start-up, not run")
    return found
