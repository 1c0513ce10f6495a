"""A provider's own process (process isolation), forked by the fork server.

``main`` serves one task on a socket to ``sendreceive.hosting.process.host``: one start message,
applies the account's resource limits, and runs the provider exactly as thread mode
does (``ThreadHost``, with the real contract checks of ``sendreceive.tracking.tracker``) against a
tracker of its own. What crosses back is the task's *state*, not its calls: a sender
thread ships the latest position and the error entries' new occurrences at most
``SEND_HZ`` times a second (and once more at the end), so a provider calling
``Progress`` a million times a second costs the app nothing more. Cancel arrives as one
message, read on the main thread, which sets the local tracker's flag: ``Progress``
answers ``MAPI_E_USER_CANCEL`` here with no round trip. The password is asked of the
app when the provider asks for it, and crosses the socket; it is never in this
process's argv or environment. Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import os
import queue
import resource
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from sendreceive.config.profile import Account
from sendreceive.config.program_command import ProgramCommand
from sendreceive.config.task_id import TaskId
from sendreceive.contract import E_OUTOFMEMORY, SyncFlags
from sendreceive.hosting.host import Outcome, TaskSetup
from sendreceive.hosting.process import landlock, messages
from sendreceive.hosting.session import CredentialError, Session
from sendreceive.hosting.thread.host import ThreadHost
from sendreceive.printable import describe, type_name
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind, ErrorLog
from sendreceive.tracking.findings import Finding, Found
from sendreceive.tracking.reentry import HostLock
from sendreceive.tracking.trace import call_line
from sendreceive.tracking.tracker import TaskTracker

SEND_HZ = 50
TRACE_LINES_PER_MESSAGE = 500  # a text argument is at most 2,500 characters: < 8 MiB
MAX_MESSAGES_PER_FLUSH = 640  # entries of a flood beyond these wait for the next flush
WORK_ENDED_EVERY = 0.25  # seconds between looks at a background provider's threads
PASSWORD_WAIT = 120.0  # the app runs password_command with a timeout of its own
EXIT_HOST_ERROR = 70  # this module's own failure (EX_SOFTWARE), named as such by the app
EXIT_SOCKET_CLOSED = 71  # the provider closed the socket to the app: nothing can cross


class ShippingLog(ErrorLog):
    """The process's error log, remembering which entries changed since the last send."""

    def __init__(self) -> None:
        super().__init__()
        self._touch_lock = HostLock()  # as ErrorLog's: a finalizer may call back under it
        self._touched: dict[int, ErrorEntry] = {}
        self._sent: dict[int, int] = {}  # id(entry) -> count already sent

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
        with self._touch_lock:
            entry = super().add(task, kind, hresult, text, fold_key, count, found)
            self._touched[id(entry)] = entry
        return entry

    def take(self, limit: int) -> list[messages.Entry]:
        """Up to ``limit`` entries' new occurrences."""
        with self._touch_lock:
            keys = list(self._touched)[:limit]
            entries = [self._touched.pop(key) for key in keys]
        taken = []
        for entry in entries:
            count = entry.count  # exact: a later add touches the entry again
            new = count - self._sent.get(id(entry), 0)
            if new:
                self._sent[id(entry)] = count
                taken.append(
                    messages.Entry(
                        id(entry), entry.kind.value, entry.hresult, entry.text, new, entry.found
                    )
                )
        return taken

    @property
    def pending(self) -> bool:
        return bool(self._touched)

    @property
    def waiting(self) -> int:
        """Entries with new occurrences not yet taken."""
        with self._touch_lock:
            return len(self._touched)


class ProviderProcess:
    """The process's side of one task: the provider's host, the sender, the reader."""

    def __init__(self, sock: socket.socket, start: messages.Start) -> None:
        self._sock = sock
        self._sock_fd = sock.fileno()
        made = os.fstat(self._sock_fd)
        self._sock_id = (made.st_dev, made.st_ino)  # the socket's: see _socket_taken
        self._send_lock = threading.RLock()  # _flush sends several messages in a row
        account = Account(
            start.account.name,
            start.account.provider,
            SyncFlags(start.account.flags),
            messages.read_settings(start.account.settings),
            process_limits=start.account.process_limits,
            command=_command(start.account),
        )
        self._memory_limit = account.process_limits.get("memory_limit_mb")
        self.log = ShippingLog()
        self.tracker = TaskTracker(account.task, self.log, trace_limit=start.trace_limit)
        setup = TaskSetup(
            account,
            account.flags,
            Path(start.store_dir),
            self.tracker,
            logging.getLogger(start.logger),
            None if start.default_store is None else Path(start.default_store),
        )
        session = AppPasswordSession(self, setup)
        self._log_records = ShippingHandler(self._send)
        self._sender = threading.Thread(
            target=self._guarded(self._send_loop), name="host-sender", daemon=True
        )
        self.host = ThreadHost(setup, self._loaded, session, companions=(self._sender,))
        self._wake = threading.Event()
        self._passwords: queue.SimpleQueue[messages.Password] = queue.SimpleQueue()
        self._password_lock = threading.Lock()
        self._sent: messages.State | None = None  # what the last state said, but entries
        self._trace_cursor = 0  # the trace up to here has been sent
        self._outcome_sent = False
        self._event_sent = False
        self._ended: tuple[Found | None, Found | None] = (None, None)  # work_ended's
        self._ended_at = 0.0
        self._stopping = False  # SIGTERM came: ship what is left and end

    def run(self) -> NoReturn:
        signal.signal(signal.SIGTERM, self._stopped)
        logging.getLogger().addHandler(self._log_records)
        self.tracker.add_listener(self._wake.set)
        self.tracker.start()
        self._send(messages.Hello(messages.PROTOCOL_VERSION))
        self._flush()  # "up", before any provider code can hold the interpreter lock
        self._sender.start()
        self.host.start(self._wake.set)
        self._read_loop()

    # ------------------------------------------------------------ from the app

    def _read_loop(self) -> NoReturn:
        while True:
            try:
                payload = messages.receive_frame(self._sock)
            except (OSError, messages.ProtocolError):
                payload = None
            if payload is None:
                if self._socket_taken():
                    _exit(EXIT_SOCKET_CLOSED)
                os.killpg(0, signal.SIGKILL)  # the app is gone: so are we, and what we started
            message = messages.decode_from_app(payload)  # type: ignore[arg-type]  # not None
            if isinstance(message, messages.Cancel):
                self.tracker.request_cancel()
            elif isinstance(message, messages.Password):
                self._passwords.put(message)
            elif isinstance(message, messages.SendTrace):  # somebody watches: what is new
                self._send_trace()
            elif isinstance(message, messages.Stop):
                self._log_records.say_dropped(final=True)
                self._flush()
                self._send_trace()  # the host's verdict may have ended the task, not Done
                _exit(0)

    def ask_password(self) -> str | None:
        with self._password_lock:
            self._send(messages.AskPassword())
            try:
                answer = self._passwords.get(timeout=PASSWORD_WAIT)
            except queue.Empty:
                raise CredentialError(
                    "the app did not answer the request for the password"
                ) from None
        if answer.error is not None:
            raise CredentialError(answer.error)
        return answer.value

    # ------------------------------------------------------------ to the app

    def _loaded(self) -> None:
        self._send(messages.Loaded())

    def _stopped(self, signum: int, frame: object) -> None:
        """SIGTERM: the app stops this provider (it ignored Cancel). The sender ships
        what is left — state, trace — and ends the process, so the Calls tab and a
        recording show what the provider was doing; a provider holding the interpreter
        lock in C code keeps the sender from it, and the app's SIGKILL follows."""
        self._stopping = True
        self._wake.set()

    def _send_loop(self) -> None:
        interval = 1.0 / SEND_HZ
        while True:
            self._wake.wait(interval)
            self._wake.clear()
            self._log_records.say_dropped(final=self._stopping)
            self._flush()
            if self._stopping:
                self._send_trace()
                _exit(0)
            time.sleep(interval)  # the rate bound: at most SEND_HZ messages a second

    def _flush(self) -> None:
        """The state, if it changed, then the outcome and the done event once known:
        the app must see ``Done`` before it sees the call return."""
        with self._send_lock:
            # Read before the state: what the provider did before returning (Done) is
            # then in the state sent first.
            outcome = self.host.outcome
            event_set = self.host.done_event_set
            # What waited when the flush began, in as many messages as it needs: entries
            # touched meanwhile wait for the next flush, so that the app's tracker
            # changes at most a few times per flush however fast a provider reports.
            backlog = -(-self.log.waiting // messages.ENTRIES_PER_MESSAGE)
            for _ in range(min(MAX_MESSAGES_PER_FLUSH, max(1, backlog))):
                self._send_state()
                if not self.log.pending:
                    break
            if outcome is not None and not self._outcome_sent:
                self._outcome_sent = True
                outcome = self._named_memory_error(outcome)
                self._send(
                    messages.Outcome(
                        outcome.hresult, outcome.raised, outcome.failure, outcome.background
                    )
                )
            if event_set and not self._event_sent:
                self._event_sent = True
                self._send(messages.DoneEvent())
            if self.tracker.status.is_final:
                self._send_trace()

    def _send_trace(self) -> None:
        """The call trace since it was last sent: when the app asks (somebody watches the
        task's calls), once the task has ended, and at each flush after that; never on
        its own during the run, so it does not compete with the state. Under the send
        lock: the reader (asked, or at "stop") and the sender may both get here."""
        with self._send_lock:
            trace = self.tracker.trace_since(self._trace_cursor)
            if not trace.calls and not trace.dropped:
                return
            lines = [call_line(call) for call in trace.calls]
            for start in range(0, max(1, len(lines)), TRACE_LINES_PER_MESSAGE):
                chunk = lines[start : start + TRACE_LINES_PER_MESSAGE]
                self._send_bytes(messages.trace_frame(chunk, trace.dropped if not start else 0))
            self._trace_cursor = trace.cursor

    def _send_state(self) -> None:
        state = self.tracker.snapshot()
        entries = self.log.take(messages.ENTRIES_PER_MESSAGE)
        done = self.tracker.done_called
        final = state.status.is_final and not self.log.pending  # the end after its entries
        message = messages.State(
            calls=state.version,
            step=state.step,
            index=state.index,
            max=state.index_max,
            done=state.result if final and done else None,
            failed=state.result if final and not done else None,
            ended=self._work_ended(),
            entries=[],
        )
        if not entries and message == self._sent:
            return
        self._sent = message
        self._send(replace(message, entries=entries))

    def _work_ended(self) -> tuple[Found | None, Found | None]:
        """For a background task owing Done: ``ThreadHost.work_ended`` without and with
        silence, looked at every ``WORK_ENDED_EVERY`` s (it reads every thread's stack)."""
        outcome = self.host.outcome
        if outcome is None or not outcome.background or self.tracker.done_called:
            return (None, None)
        now = time.monotonic()
        if now - self._ended_at >= WORK_ENDED_EVERY:
            self._ended_at = now
            self._ended = (self.host.work_ended(silent=False), self.host.work_ended(silent=True))
        return self._ended

    def _named_memory_error(self, outcome: Outcome) -> Outcome:
        if self._memory_limit is None or not (outcome.raised or "").startswith("MemoryError"):
            return outcome
        return Outcome(E_OUTOFMEMORY, failure=Finding.MEMORY_ERROR_AT_LIMIT(self._memory_limit))

    def _send(self, message: messages.Message) -> None:
        self._send_bytes(messages.encode(message))

    def _send_bytes(self, payload: bytes) -> None:
        with self._send_lock:
            messages.send_frame(self._sock, payload)

    def _guarded(self, work: Any) -> Any:
        def run() -> None:
            try:
                work()
            except BaseException:
                if self._socket_taken():
                    _exit(EXIT_SOCKET_CLOSED)
                logging.getLogger(_HOST_LOGGER).exception("the host side failed")
                _exit(EXIT_HOST_ERROR)

        return run

    def _socket_taken(self) -> bool:
        """Whether the provider closed the socket to the app (``os.closerange``…): its
        fd is gone, or is another file now. No failure of the host's side, and named so."""
        try:
            now = os.fstat(self._sock_fd)
        except OSError:
            return True
        return (now.st_dev, now.st_ino) != self._sock_id


class ShippingHandler(logging.Handler):
    """The process's log records, to the app as ``log`` messages: their level is data,
    so the app never reads one from what the provider prints. At most
    ``LOG_RECORDS_PER_SECOND`` a second cross (the app bounds them again); the rest are
    counted and said. A record that cannot cross (the socket is gone) goes to stderr,
    where it is output."""

    def __init__(self, send: Callable[[messages.Message], None]) -> None:
        super().__init__()
        self._send = send
        self._counts = threading.Lock()  # for the counts alone: exact, whatever thread logs
        self._window = 0.0
        self._sent = 0
        self._dropped = 0

    def handle(self, record: logging.LogRecord) -> bool:
        """Not under the handler's lock: its message's arguments are provider objects
        whose ``__str__`` may call back or log again."""
        if not self.filter(record):
            return False
        self.emit(record)
        return True

    def emit(self, record: logging.LogRecord) -> None:
        now = time.monotonic()
        with self._counts:
            dropped = 0
            if now - self._window >= 1.0:
                self._window, self._sent, dropped, self._dropped = now, 0, self._dropped, 0
            sending = self._sent < LOG_RECORDS_PER_SECOND
            if sending:
                self._sent += 1
            else:
                self._dropped += 1
        if dropped:
            self._say_dropped(dropped)
        if not sending:
            return
        try:
            text = record.getMessage()
        except Exception as exc:  # its arguments are provider code
            text = f"{describe(record.msg)} (formatting it raised {type_name(exc)})"
        extra = record.exc_text
        if extra is None and record.exc_info:
            with contextlib.suppress(Exception):
                extra = _FORMATTER.formatException(record.exc_info)
        if record.stack_info:
            extra = f"{extra}\n{record.stack_info}" if extra else record.stack_info
        self._ship(record.levelno, text, extra, record.name)

    def say_dropped(self, final: bool = False) -> None:
        """One record for those not sent, once their second is over (``final``: now, at
        the end of the task)."""
        with self._counts:
            dropped = self._dropped
            if not dropped or not (final or time.monotonic() - self._window >= 1.0):
                return
            self._dropped = 0
        self._say_dropped(dropped)

    def _say_dropped(self, dropped: int) -> None:
        text = _DROPPED_RECORDS.format(dropped, LOG_RECORDS_PER_SECOND)
        self._ship(logging.WARNING, text, None, _HOST_LOGGER)

    def _ship(self, level: int, text: str, extra: str | None, name: str) -> None:
        limit = messages.TEXT_LIMIT
        message = messages.Log(
            min(max(level, 0), 50),
            name[: messages.LOGGER_NAME_LIMIT],
            text[:limit],
            None if extra is None else extra[-limit:],  # its end says what was raised
        )
        try:
            self._send(message)
        except OSError:
            with contextlib.suppress(Exception):
                sys.stderr.write(f"{logging.getLevelName(level)} {name}: {text}\n")
                if extra:
                    sys.stderr.write(f"{extra}\n")


LOG_RECORDS_PER_SECOND = 50
_DROPPED_RECORDS = "{:,} log records not sent to the app (more than {} a second)"
_FORMATTER = logging.Formatter()
_HOST_LOGGER = "sendreceive.provider_process"


class AppPasswordSession(Session):
    """The session of thread mode, but for ``password()``: the app resolves it (from the
    profile, its environment or ``password_command``) and sends it when asked."""

    def __init__(self, process: ProviderProcess, setup: TaskSetup) -> None:
        super().__init__(
            setup.account.name,
            setup.account.settings,
            setup.store_dir,
            setup.logger,
            lambda: process.tracker.cancel_requested,
            setup.default_store,
        )
        self._process = process

    def password(self) -> str | None:
        return self._process.ask_password()


def _command(account: messages.AccountData) -> ProgramCommand | None:
    if account.command is None or account.command_folder is None:
        return None
    return ProgramCommand(tuple(account.command), account.command_folder)


def apply_limits(limits: Mapping[str, int]) -> None:
    """The account's resource limits, set here before any provider code runs (never
    from the app between fork and exec). Memory counts the data segment and private
    writable mappings (RLIMIT_DATA): what the provider allocates, not shared libraries."""
    if "memory_limit_mb" in limits:
        size = limits["memory_limit_mb"] << 20
        resource.setrlimit(resource.RLIMIT_DATA, (size, size))
    if "open_files" in limits:
        count = limits["open_files"]
        resource.setrlimit(resource.RLIMIT_NOFILE, (count, count))
    if "cpu_seconds" in limits:
        seconds = limits["cpu_seconds"]  # SIGXCPU at the limit, SIGKILL a second later
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


_temporary: list[str] = []  # the provider's private TMPDIR, removed at its end


def _private_temporary_folder() -> Path:
    """A folder of this process's own (0700) as ``TMPDIR``, for it and what it starts:
    confined, a provider may not write the shared temporary folder (nor read others'
    files there), yet ``tempfile`` and ``mktemp`` must work."""
    folder = tempfile.mkdtemp(prefix="sendreceive-provider-")
    _temporary.append(folder)
    os.environ["TMPDIR"] = folder
    tempfile.tempdir = None  # asked again: the new TMPDIR
    return Path(folder)


def _exit(code: int) -> NoReturn:
    """End now, whatever threads or atexit handlers the provider left: flush what
    Python buffered of its output first, and remove its temporary folder (left behind
    only if the process is killed)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # the provider closed or broke it
            stream.flush()
    for folder in _temporary:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(code)


def fresh_stdio() -> None:
    """``sys.stdout`` and ``sys.stderr`` made anew on fds 1 and 2. The fork server's were
    made for its own (stdout on /dev/null, which seeks): on the provider's pipes they
    claimed a seekable stream, and ``sys.stdout.reconfigure(...)`` failed with "Illegal
    seek". As Python makes them for pipes: stdout block-buffered, stderr line-buffered."""
    for fd, name, errors in ((1, "stdout", "strict"), (2, "stderr", "backslashreplace")):
        old = getattr(sys, name)
        with contextlib.suppress(Exception):
            old.flush()
        stream = io.TextIOWrapper(
            io.BufferedWriter(io.FileIO(fd, "w", closefd=False)),
            encoding=getattr(old, "encoding", None) or "utf-8",
            errors=errors,
            line_buffering=fd == 2,
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def main(fd: int) -> NoReturn:
    """Serve one task on the socket ``fd`` (forked by the fork server)."""
    fresh_stdio()
    sock = socket.socket(fileno=fd)
    os.set_inheritable(fd, False)  # the provider's own children must not hold it open
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # only the app cancels
    faulthandler.enable()  # a segfault or an abort leaves its Python stack on stderr
    payload = messages.receive_frame(sock)
    if payload is None:
        _exit(0)
    start = messages.decode_from_app(payload)
    if not isinstance(start, messages.Start) or start.version != messages.PROTOCOL_VERSION:
        print(  # the app's log shows it as this process's last output
            f"the app spoke {start.KIND!r} (protocol version "
            f"{getattr(start, 'version', '?')}); this side speaks start, version "
            f"{messages.PROTOCOL_VERSION}",
            file=sys.stderr,
        )
        _exit(EXIT_HOST_ERROR)
    logging.getLogger().setLevel(start.log_level)  # its records cross the socket (``run``)
    apply_limits(start.account.process_limits)
    if start.account.confine_files:
        try:
            temporary = _private_temporary_folder()
            landlock.confine(
                Path(start.store_dir),
                None if start.default_store is None else Path(start.default_store),
                start.account.provider,
                messages.read_settings(start.account.settings),
                start.account.command or (),
                start.account.command_folder,
                temporary,
            )
        except OSError as exc:  # asked for and available: no provider runs unconfined
            print(f"could not confine the provider's files (Landlock): {exc}", file=sys.stderr)
            _exit(EXIT_HOST_ERROR)
    ProviderProcess(sock, start).run()
