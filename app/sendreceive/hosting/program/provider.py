"""A program as a provider: the host's side of the provider protocol.

``ProgramProvider`` is the ``IMAPISync`` the host calls for an account whose provider
is a program (``provider = "exec"``). It runs where a Python provider runs — in the
task's own process under its keeper (process isolation), so the program is a process
of that contained tree: its limits, its stop on cancel grace, its end — and turns each
protocol message into the call it names on the task's tracker. Everything a Python
provider gets follows: the contract checks, the call trace, recordings and replays,
and the state sent to the app at a bounded rate, however fast the program writes.

Why here, and not the app's host speaking to the program directly: a program may send
a million lines a second, and each is a contract call to check and trace; done in the
app, that is Python work per message competing with the GUI thread for the interpreter
lock. Done in the task's process, the app gets the task's state at a bounded rate
whatever the program's pace, and every feature of process isolation holds unchanged.

One thread serves the program (the call's, then, in background style, a thread of
its own): it reads its stdout in large chunks, tees its stderr to the process's own
(the app logs it, tagged) keeping the last lines for a failure, and writes to its stdin
without ever blocking, so a program that never reads cannot hold the host.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import threading
import time
from typing import IO, Any

from sendreceive.contract import (
    E_FAIL,
    MAPISIB,
    S_OK,
    IID_IMAPISyncProgressCallback,
    IMAPISyncProgressCallback,
    SyncSession,
)
from sendreceive.hosting.host import TaskSetup
from sendreceive.hosting.loading import ProviderLoadError
from sendreceive.hosting.program import protocol
from sendreceive.hosting.session import PASSWORD_SOURCES, CredentialError
from sendreceive.printable import ERROR_TEXT_LIMIT, printable
from sendreceive.tracking.findings import Finding, Found

READ_CHUNK = 1 << 20
LOOK_EVERY = 0.1  # seconds between looks at Cancel while the program is silent
END_GRACE = 5.0  # seconds a program may take to exit once it returned, or closed stdout
TAIL_LINES = 5
_TAIL_BYTES = 4096
UNREAD_LIMIT = 1 << 20  # bytes written to a program that it has not read yet
_LEFT_READS = 64  # chunks read after its exit (a process it started may write on)


class ProgramProvider:
    """One task's program, started when the provider is loaded (fresh for every task)."""

    def __init__(self, setup: TaskSetup) -> None:
        command = setup.account.command
        assert command is not None, "a program provider needs a command"
        self._setup = setup
        self._tracker = setup.tracker
        try:
            self._process = subprocess.Popen(
                command.argv,
                cwd=command.folder,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                bufsize=0,
            )
        except OSError as exc:
            why = exc.strerror or str(exc)
            found = Finding.PROGRAM_UNSTARTED(printable(command.text, ERROR_TEXT_LIMIT), why)
            raise ProviderLoadError(found) from None
        self._stdin, self._stdout, self._stderr = (
            _fd(self._process.stdin),
            _fd(self._process.stdout),
            _fd(self._process.stderr),
        )
        os.set_blocking(self._stdin, False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._stdout, selectors.EVENT_READ)
        self._selector.register(self._stderr, selectors.EVENT_READ)
        self._pending = bytearray()  # to the program's stdin, written as it takes it
        self._partial = b""  # the start of a line still to come
        self._line = 0  # lines read so far
        self._tail = b""
        self._greeted = False
        self._returned: tuple[Any, bool] | None = None  # (hresult, background)
        self._cancel_sent = False
        self._ended = False  # the conversation is over: the program's end, or a break
        self._end_found: Found | None = None  # why the program ended, if unasked
        self._broken = False
        self._closed_at: float | None = None  # when it closed its stdout
        self._session: SyncSession | None = None
        self._password_answer: bytes | None = None
        self._callback: IMAPISyncProgressCallback = self._tracker

    # ------------------------------------------------------------ IMAPISync

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> Any:
        # A write to a program that has ended fails (EPIPE) instead of killing this
        # process: its SIGPIPE is the default in a provider's process. Per thread: the
        # background one inherits it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
        session = psibpb.psesSync
        self._session = session
        # The callback, asked for as a provider asks: a recording replays it so.
        self._callback = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        settings = {k: v for k, v in session.settings.items() if k not in PASSWORD_SOURCES}
        self._write(protocol.hello())
        self._write(
            protocol.synchronize(
                psibpb.ulFlags,
                session.account_name,
                settings,
                str(session.store_dir),
                _locale(),
            )
        )
        self._serve(until_returned=True)
        if self._returned is None:  # it ended, or broke the protocol, without returning
            self._fail(Finding.IN_SYNC())
            return E_FAIL if not self._tracker.done_called else S_OK
        hresult, background = self._returned
        if not background:
            self._finish()
            return hresult
        event = threading.Event()
        psibpb.phSyncDoneEvent.value = event
        threading.Thread(
            target=self._in_background, args=(event,), name="program", daemon=True
        ).start()
        return hresult

    def _in_background(self, event: threading.Event) -> None:
        self._serve(until_returned=False)
        self._fail(Finding.RETURNED_IN_BACKGROUND())
        event.set()

    def _finish(self) -> None:
        """In-call style: the program returned; it ends within ``END_GRACE``, or is ended."""
        self._close_stdin()
        self._serve(until_returned=False, deadline=time.monotonic() + END_GRACE)
        if not self._ended:
            self._kill()
            self._setup.logger.warning(
                "the program had not exited %g s after it returned; killed", END_GRACE
            )

    def _fail(self, phase: Found) -> None:
        """The task fails where the program ended (or broke the protocol) owing Done."""
        if self._broken or self._tracker.done_called:
            return
        found = Finding.PROGRAM_ENDED(self._end_found or Finding.END_UNKNOWN(), phase)
        tail = self._tail_lines()
        if tail:
            found = Finding.LAST_OUTPUT(found, printable(" | ".join(tail), ERROR_TEXT_LIMIT))
        self._setup.logger.error("%s", found.english)
        self._tracker.fail(E_FAIL, found)

    # ------------------------------------------------------------ the conversation

    def _serve(self, until_returned: bool, deadline: float | None = None) -> None:
        """Read, write and watch Cancel until the program returned (``until_returned``)
        or the conversation is over, or ``deadline``."""
        selector = self._selector
        while not self._ended and not (until_returned and self._returned is not None):
            if deadline is not None and time.monotonic() >= deadline:
                return
            if self._tracker.cancel_requested and not self._cancel_sent:
                self._cancel_sent = True
                self._write(protocol.cancel())
            for key, _ in selector.select(LOOK_EVERY):
                if key.fd == self._stdin:
                    self._flush()
                    continue
                data = _read(key.fd)
                if key.fd == self._stderr:
                    self._tee(data)
                elif data:
                    self._feed(data)
                else:
                    self._stdout_closed()
                if self._ended:
                    break
            if self._ended:
                break
            if self._process.poll() is not None:
                self._exited()
            elif self._closed_at is not None and time.monotonic() - self._closed_at > END_GRACE:
                self._kill()
                self._end_found = Finding.PROGRAM_KEPT_RUNNING(f"{END_GRACE:g}")
                self._end()

    def _feed(self, data: bytes) -> None:
        lines = (self._partial + data).split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > protocol.LINE_LIMIT:
            lines.append(self._partial)  # read, and refused, as the line it is
            self._partial = b""
        handle, quick, progress = self._handle, protocol.quick_progress, self._callback.Progress
        greeted, first = self._greeted, self._line + 1
        self._line += len(lines)
        for number, line in enumerate(lines, first):
            fast = quick(line) if greeted else None
            if fast is not None:
                progress(*fast)
                continue
            try:
                handle(protocol.read_line(line))
            except protocol.ProtocolError as exc:
                self._line = number
                self._break(str(exc))
                return
            greeted = self._greeted

    def _handle(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        callback = self._callback
        if kind == "Progress" and self._greeted:  # first: a program may send millions
            callback.Progress(message["text"], message["index"], message["max"])
        elif not self._greeted:
            if kind != "hello":
                raise protocol.ProtocolError(f"{kind} before hello")
            protocol.expect(message, "version", protocol.VERSIONS)
            self._greeted = True
        elif kind == "Error":
            callback.Error(message["hresult"], message["text"])
        elif kind == "Done":
            callback.Done(None, message["hresult"])
            self._close_stdin()  # the task is over: nothing more to tell it
        elif kind == "returned":
            if self._returned is not None:
                raise protocol.ProtocolError("returned twice")
            style = protocol.expect(message, "style", protocol.STYLES)
            self._returned = (message["hresult"], style == "background")
        elif kind == "password":
            self._answer_password()
        elif kind == "log":
            level = protocol.expect(message, "level", tuple(protocol.LOG_LEVELS))
            self._setup.logger.log(
                protocol.LOG_LEVELS[level], "%s", protocol.text_field(message, "text")
            )
        else:  # hello
            raise protocol.ProtocolError("hello twice")

    def _answer_password(self) -> None:
        """``psesSync.password()``, asked of the app once (a round trip): every later ask
        gets the same answer. The answer crosses stdin alone. A program that asks on and
        on without reading its answers breaks the protocol once ``UNREAD_LIMIT`` bytes
        wait for it: the host neither blocks on its stdin nor holds all it never reads."""
        if len(self._pending) > UNREAD_LIMIT:
            raise protocol.ProtocolError(
                f"it does not read its input: {len(self._pending):,} bytes written to it are unread"
            )
        if self._password_answer is None:
            assert self._session is not None, "asked during SynchronizeInBackground"
            try:
                self._password_answer = protocol.password(self._session.password(), None)
            except CredentialError as exc:
                self._password_answer = protocol.password(None, str(exc))
        self._write(self._password_answer)

    def _break(self, why: str) -> None:
        self._broken = True
        self._kill()
        found = Finding.PROGRAM_BROKE_PROTOCOL(self._line, printable(why, ERROR_TEXT_LIMIT))
        self._setup.logger.error("%s", found.english)
        self._tracker.fail(E_FAIL, found)
        self._end()

    # ------------------------------------------------------------ its end

    def _stdout_closed(self) -> None:
        """Its output ended: it should exit now; it is ended after ``END_GRACE``."""
        self._selector.unregister(self._stdout)
        self._closed_at = time.monotonic()

    def _exited(self) -> None:
        """It exited (its output may still be held open by a process it started): what
        is left in the pipes is read, and its end named."""
        for fd in (self._stdout, self._stderr):
            with contextlib.suppress(KeyError):
                self._selector.get_key(fd)
                os.set_blocking(fd, False)
                for _ in range(_LEFT_READS):
                    data = _read(fd)
                    if not data or self._ended:
                        break
                    (self._tee if fd == self._stderr else self._feed)(data)
        if self._ended:
            return
        self._end_found = _cause(self._process.wait())
        self._end()

    def _end(self) -> None:
        if self._partial and not self._broken:
            self._line += 1
            self._break(f"output ended inside a line ({len(self._partial):,} bytes, no newline)")
            return
        self._ended = True
        self._close_stdin()
        self._selector.close()
        for fd in (self._stdout, self._stderr):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _close_stdin(self) -> None:
        """EOF on its stdin: the host has nothing more to say."""
        if self._stdin < 0:
            return
        with contextlib.suppress(KeyError, ValueError, RuntimeError):
            self._selector.unregister(self._stdin)
        with contextlib.suppress(OSError):
            os.close(self._stdin)
        self._stdin = -1
        self._pending.clear()

    def _kill(self) -> None:
        with contextlib.suppress(OSError):
            self._process.send_signal(signal.SIGKILL)
        self._process.wait()

    # ------------------------------------------------------------ its stdin and stderr

    def _write(self, data: bytes) -> None:
        if self._stdin < 0:
            return
        self._pending += data
        self._flush()

    def _flush(self) -> None:
        """Write what the pipe takes now; the rest waits for it to be writable."""
        try:
            written = os.write(self._stdin, self._pending) if self._pending else 0
        except BlockingIOError:
            written = 0
        except OSError:  # it closed its stdin, or ended: nothing more reaches it
            self._pending.clear()
            written = 0
        del self._pending[:written]
        if self._ended:
            return
        with contextlib.suppress(KeyError, ValueError):
            if self._pending:
                self._selector.register(self._stdin, selectors.EVENT_WRITE)
            else:
                self._selector.unregister(self._stdin)

    def _tee(self, data: bytes) -> None:
        """Its stderr, to this process's (the app logs it, tagged with the account)."""
        if not data:
            with contextlib.suppress(KeyError):
                self._selector.unregister(self._stderr)
            return
        self._tail = (self._tail + data)[-_TAIL_BYTES:]
        with contextlib.suppress(OSError):
            while data:
                data = data[os.write(2, data) :]

    def _tail_lines(self) -> list[str]:
        lines = self._tail.decode("utf-8", "replace").splitlines()
        if len(self._tail) == _TAIL_BYTES:
            lines = lines[1:]  # the first one is cut
        return [line for line in lines if line.strip()][-TAIL_LINES:]


def _fd(pipe: IO[bytes] | None) -> int:
    assert pipe is not None, "Popen made it"
    return pipe.fileno()


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, READ_CHUNK)
    except BlockingIOError:
        return b""
    except OSError:
        return b""


def _cause(returncode: int) -> Found:
    if returncode >= 0:
        return Finding.EXIT_CODE(returncode)
    try:
        return Finding.SIGNAL(-returncode, signal.Signals(-returncode).name)
    except ValueError:
        return Finding.UNKNOWN_SIGNAL(-returncode)


def _locale() -> str:
    """The host's POSIX locale name (``de_DE``), from its environment; ``C`` if none."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").partition(".")[0].partition("@")[0]
        if value:
            return value
    return "C"
