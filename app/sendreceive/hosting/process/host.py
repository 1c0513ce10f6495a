"""Process mode: a task's provider runs in a process of its own (``process.child``).

A crash, ``os._exit``, a hang in C, a GIL hog, a memory bomb or a process-wide change in one
provider then touches nothing but its own task. The process is forked by the fork server
(``sendreceive.hosting.process.fork_server``; the app itself never forks: it has Qt threads), under
a keeper of its own (``sendreceive.hosting.process.containment``), so everything the provider
starts ends with it. One host thread of the app's serves every child
(``sendreceive.hosting.process.hub``): it reads their messages (each task's state, at a bounded
rate), drains their stdout and stderr into the app's log, bounded
(``sendreceive.hosting.process.output_pump``), and watches their deadlines and ends. Cancel is one
message; a provider that ignores it past the cancel grace is terminated, then killed, with its whole
tree (the keeper passes the app's signals on).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import sys
import threading
import time

from sendreceive.contract import E_FAIL
from sendreceive.hosting.calling import make_session
from sendreceive.hosting.host import LAST_MESSAGES_LIMIT, Outcome, TaskSetup, Waker
from sendreceive.hosting.process import containment, messages
from sendreceive.hosting.process.child import EXIT_HOST_ERROR, EXIT_SOCKET_CLOSED
from sendreceive.hosting.process.fork_server import (
    LOST,
    Exit,
    ForkServer,
    Spawned,
    TreeLimits,
    fork_server,
)
from sendreceive.hosting.process.hub import hub, rest_if_due
from sendreceive.hosting.process.output_pump import OutputPump
from sendreceive.printable import ERROR_TEXT_LIMIT, STEP_TEXT_LIMIT, printable
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.findings import Finding, Found
from sendreceive.tracking.tracker import Mirrored

STOP_GRACE = 1.0  # seconds a child told to exit may stay silent, before SIGTERM
TERM_GRACE = 1.0  # seconds between SIGTERM and SIGKILL
TRACE_PULL_EVERY = 0.25  # seconds between asks for the trace while somebody reads it
STARVED_SHARE = 0.5  # of a silence spent waiting for a CPU: starved, not stuck
PIPE_SIZE = 1 << 20  # bytes of a provider's stdout or stderr buffered in the kernel
_INTERPRETER = os.path.realpath(sys.executable)  # what a provider's process runs, unless it execs


_live: set[ProcessHost] = set()  # hosts whose process may still run


def stop_all() -> None:
    """Kill every provider process still running, with its tree: the app is exiting.
    (A process frozen in C code would not even notice that the app is gone.)"""
    for host in list(_live):
        host._signal_tree(signal.SIGKILL)


class ProcessHost:
    """``ProviderHost`` in a child process: one process per task and run, so every
    run loads the provider's code fresh."""

    isolation = "process"

    def __init__(self, setup: TaskSetup, secret_env: frozenset[str] = frozenset()) -> None:
        self._setup = setup
        self._secret_env = secret_env  # every account's password_env: kept from children
        self._outcome: Outcome | None = None
        self._event_set = False
        self._loaded = False
        self._ended: tuple[Found | None, Found | None] = (None, None)
        self._wake: Waker = lambda: None
        self._server: ForkServer | None = None
        self._spawned: Spawned | None = None
        self._pid: int | None = None
        self._exit: Exit | None = None
        self._end_reported = False  # its death named (at a limit hit: before its end)
        self._exited_at = 0.0
        self._finished = False
        self._ended_event = threading.Event()  # set with _finished: for wait_finished
        self._sock: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._cancel_sent = False
        self._stop_asked = False  # supervision ended: the child's end is no death
        self._stop_at: float | None = None  # since when the child should be exiting
        self._heard_at = 0.0  # when its socket last brought data
        self._trace_asked_at = -TRACE_PULL_EVERY
        self._run_delay: tuple[float, float] | None = None  # (when, seconds) last looked at
        self._cpu_wait = 0.0  # its most delayed thread's run delay, as last read
        self._term_at: float | None = None  # SIGTERM sent to its tree
        self._killed_after_term = False  # it outlived the SIGTERM: SIGKILL follows
        self._notes: list[Found] = []  # how its process behaved at its end, for its line
        self._exec: str | None = None  # the program it replaced itself with
        self._terminated = False  # stopped by the host: its end is no death
        self._frames = messages.FrameReader()
        self._pumps = {1: OutputPump(setup.logger, "stdout"), 2: OutputPump(setup.logger, "stderr")}
        self._open = 3  # streams not yet at their end: socket, stdout, stderr
        self._closed_at: float | None = None  # when the socket closed or broke
        self._broken: str | None = None  # why the host gave up on its messages
        self._greeted = False  # its hello came, with our protocol's version
        self._password: messages.Password | None = None  # the answer, once resolved
        self._password_asked = False  # a request is in flight

    def __repr__(self) -> str:
        return f"<ProcessHost {self._setup.account.name!r} pid={self._pid}>"

    @property
    def pid(self) -> int | None:
        """The provider's process id (as the app's ``/proc`` numbers it), once started."""
        return self._pid

    # ------------------------------------------------------------ ProviderHost

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def done_event_set(self) -> bool:
        return self._event_set

    def start(self, wake: Waker) -> None:
        self._wake = wake
        self._setup.tracker.add_listener(self._send_cancel)
        self._setup.tracker.pull_trace_from(self._ask_for_trace)
        _live.add(self)
        hub().spawn(self._start_process)

    def waited_for_cpu(self) -> float:
        self._read_run_delays()
        return self._cpu_wait  # once the process is gone, what was last read

    def starved(self) -> bool | None:
        delays = self._read_run_delays()
        if delays is None:  # gone, or no schedstat here: judge by silence alone
            return False
        waited = sum(delays)
        now, last = time.monotonic(), self._run_delay
        self._run_delay = (now, waited)
        if last is None:
            return None
        return waited - last[1] >= STARVED_SHARE * (now - last[0])

    def _read_run_delays(self) -> list[float] | None:
        """Its threads' ``run_delays`` now; the most delayed is kept for ``waited_for_cpu``
        (four threads waiting together waited one second, not four)."""
        delays = None if self._pid is None else run_delays(self._pid)
        if delays:
            self._cpu_wait = max(delays)
        return delays

    def work_ended(self, silent: bool) -> Found | None:
        return self._ended[1 if silent else 0]

    def stop(self) -> None:
        if not self._stop_asked:
            self._stop_asked = True
            self._stop_at = time.monotonic()
            self._send(messages.Stop())

    def terminate(self) -> bool:
        self._terminated = True
        self._signal_tree(signal.SIGTERM)
        return True

    @property
    def finished(self) -> bool:
        """The process has ended and the hub has let go of it."""
        return self._finished

    def wait_finished(self, timeout: float) -> bool:
        """Wait until the process has ended and everything it sent has been read (its
        trace comes last); whether it has."""
        return self._ended_event.wait(timeout)

    def left_behind(self) -> str:
        return f"process {self._pid} ended={self._exit is not None}"

    # ------------------------------------------------------------ on the hub's threads

    def _start_process(self) -> None:
        try:
            sock, out_r, err_r = self._spawn(self._start_message())
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self._outcome = Outcome(E_FAIL, failure=Finding.PROCESS_UNSTARTED(str(why)))
            self._wake()
            _live.discard(self)
            return
        hub().serve(self, sock, out_r, err_r)

    def _start_message(self) -> messages.Start:
        """What the process is told first. ``ValueError``: settings TOML cannot hold."""
        setup = self._setup
        account = setup.account
        return messages.Start(
            version=messages.PROTOCOL_VERSION,
            account=messages.AccountData(
                account.name,
                account.provider,
                int(setup.flags),
                messages.settings_text(account.settings),
                dict(account.process_limits),
                account.confine_files,
                None if account.command is None else list(account.command.argv),
                None if account.command is None else account.command.folder,
            ),
            store_dir=str(setup.store_dir),
            default_store=None if setup.default_store is None else str(setup.default_store),
            logger=setup.logger.name,
            trace_limit=setup.tracker.trace_limit,  # the run's budget holds in the child
            log_level=setup.logger.getEffectiveLevel(),
        )

    def _spawn(self, start: messages.Start) -> tuple[socket.socket, int, int]:
        env = {
            k: v
            for k, v in containment.provider_environment(os.environ).items()
            if k not in self._secret_env
        }
        server = fork_server(env)
        ours, theirs = socket.socketpair()
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        for fd in (out_r, err_r):  # fewer wake-ups of the hub for a provider printing a lot
            with contextlib.suppress(OSError):
                fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        try:
            limits = self._setup.account.process_limits
            self._spawned = server.spawn(
                theirs.fileno(),
                out_w,
                err_w,
                TreeLimits(
                    limits.get("cpu_seconds", 0),
                    limits.get("memory_limit_mb", 0),
                    limits.get("threads", 0),
                    limits.get("open_files", 0),
                ),
            )
        except OSError:
            for fd in (out_r, err_r):
                os.close(fd)
            ours.close()
            raise
        finally:
            theirs.close()
            os.close(out_w)
            os.close(err_w)
        self._server = server
        self._pid = self._spawned.pid
        self._sock = ours
        self._send(start)
        if self._terminated:
            self._signal_tree(signal.SIGTERM)
        if self._stop_asked:
            self._send(messages.Stop())
        self._send_cancel()
        return ours, out_r, err_r

    def received(self, data: bytes) -> None:
        if self._broken is not None:
            return
        self._heard_at = time.monotonic()
        paced = self._setup.tracker.paced  # headless, nobody waits for the hub's rests
        try:
            for payload in self._frames.feed(data) if data else ():
                if messages.is_trace(payload):  # kept as it came: read when somebody looks
                    self._setup.tracker.absorb_trace(payload, messages.decode_trace_frame)
                else:
                    self._handle(messages.decode_from_child(payload))
                if paced:
                    rest_if_due()
        except messages.ProtocolError as exc:
            self._broken = str(exc)
            self._signal_tree(signal.SIGKILL)
        if not data or self._broken is not None:
            self._exec = self._exec or self._replaced_by()
            self._stream_ended()
            self._closed_at = time.monotonic()
            if self._stop_at is None and not self._terminated:
                self._stop_at = self._closed_at  # it closed its socket: it should be ending

    def output(self, stream: int, data: bytes) -> None:
        self._pumps[stream].feed(data)
        if not data:
            self._stream_ended()

    def _stream_ended(self) -> None:
        self._open -= 1

    def tick(self, now: float) -> bool:
        """Escalate past the graces; once the child has ended (and its output with it,
        or a grace later), name its end. True when done."""
        self._escalate(now)
        if self._server is None or self._spawned is None:
            return False
        if not self._end_reported and self._broken is None:
            limit = self._server.limit_hit(self._spawned.request)
            if limit is not None:  # its tree is being killed for it: named now
                self._report_end(Exit(os.CLD_KILLED, signal.SIGKILL, limit=limit), None)
        if self._closed_at is None:
            return False
        if self._exit is None:
            self._exit = self._server.exit_of(self._spawned.request)
            if self._exit is None:
                if now - self._closed_at >= STOP_GRACE:
                    self._server.check()  # a stopped fork server would never tell
                return False
            self._exited_at = now
            _live.discard(self)
            if self._exit.left:
                self._notes.append(
                    Finding.PROCESS_LEFT_BEHIND(
                        len(self._exit.left),
                        printable(", ".join(self._exit.left), ERROR_TEXT_LIMIT),
                    )
                )
        if self._open > 0 and now - self._exited_at < TERM_GRACE:
            return False  # the last of its output is on its way
        for pump in self._pumps.values():
            pump.feed(b"")
        self._report_end(self._exit, self._broken)
        for note in self._notes:  # the task may have ended already: its verdict stands
            self._setup.logger.warning("%s", note.english)
            self._setup.tracker.remark(note)
        self._finished = True
        self._ended_event.set()
        return True

    def _handle(self, message: messages.ToApp) -> None:
        if not self._greeted:
            if not isinstance(message, messages.Hello):
                raise messages.ProtocolError(f"{message.KIND} before hello")
            if message.version != messages.PROTOCOL_VERSION:
                raise messages.ProtocolError(
                    f"hello.version: {message.version}; the app speaks {messages.PROTOCOL_VERSION}"
                )
            self._greeted = True
            self._setup.tracker.start()  # the provider's side is up
            self._wake()  # its time limit runs from now
        elif isinstance(message, messages.State):
            self._setup.tracker.mirror(_mirrored(message))
            self._ended = message.ended
        elif isinstance(message, messages.Loaded):
            self._loaded = True
        elif isinstance(message, messages.Log):
            self._pumps[2].record(message.level, message.name, message.text, message.traceback)
        elif isinstance(message, messages.Outcome):
            self._outcome = _outcome(message)
            self._wake()
        elif isinstance(message, messages.DoneEvent):
            self._event_set = True
            self._wake()
        elif isinstance(message, messages.AskPassword):
            if self._password_asked:  # an honest child waits for the answer it asked for
                raise messages.ProtocolError("ask_password: one is already in flight")
            self._password_asked = True
            if self._password is not None:  # resolved once per run: asked again, sent again
                self._send(self._password)
                self._password_asked = False
            else:
                threading.Thread(
                    target=self._answer_password, name="provider-password", daemon=True
                ).start()
        else:  # a second hello
            raise messages.ProtocolError(f"{message.KIND} twice")

    def _answer_password(self) -> None:
        """Resolved here, in the app, and sent to this account's process alone: the
        other accounts' secrets (and the environment holding them) never reach it."""
        try:
            answer = messages.Password(make_session(self._setup).password(), None)
        except Exception as exc:  # CredentialError, or a broken password source
            answer = messages.Password(None, str(exc))
        self._password = answer
        self._password_asked = False
        self._send(answer)

    # ------------------------------------------------------------ the child's end

    def _escalate(self, now: float) -> None:
        """Past the stop grace, SIGTERM the tree; past the term grace, SIGKILL it. A
        child still sending its last messages (its trace, slowly on a busy machine) is
        silent only once it stops sending, within ``LAST_MESSAGES_LIMIT``."""
        if self._term_at is not None:
            if now - self._term_at >= TERM_GRACE:
                if not self._killed_after_term and self._exit is None:
                    self._killed_after_term = True
                    if self._pid is not None and _ignores(self._pid, signal.SIGTERM):
                        # Not one merely slow to end (a busy machine, the GIL held in C):
                        # that is the host's timing, not the provider's doing.
                        self._notes.append(Finding.PROCESS_IGNORED_SIGTERM())
                self._signal_tree(signal.SIGKILL)
        elif self._stop_at is not None and (
            now - max(self._stop_at, self._heard_at) >= STOP_GRACE
            or now - self._stop_at >= LAST_MESSAGES_LIMIT
        ):
            self._signal_tree(signal.SIGTERM)

    def _replaced_by(self) -> str | None:
        """The program its process runs now, if it replaced itself by another (exec)."""
        if self._pid is None:
            return None
        try:
            program = os.readlink(f"/proc/{self._pid}/exe")
        except OSError:
            return None
        return None if program == _INTERPRETER else program

    def _report_end(self, how: Exit, broken: str | None) -> None:
        """A child that ended unasked is a death: named, with the last of its stderr."""
        if self._end_reported:
            return
        self._end_reported = True
        if self._terminated or (self._stop_asked and broken is None and self._exec is None):
            return  # the host ended it
        if self._exec is not None:
            found = Finding.PROCESS_EXECED(printable(self._exec, ERROR_TEXT_LIMIT), self._phase())
        elif broken:
            found = Finding.PROCESS_BROKE_PROTOCOL(
                printable(broken, ERROR_TEXT_LIMIT), self._phase()
            )
        else:
            found = Finding.PROCESS_DIED(self._cause(how), self._phase())
        tail = self._pumps[2].tail()
        if tail:
            found = Finding.LAST_OUTPUT(found, printable(" | ".join(tail), ERROR_TEXT_LIMIT))
        self._setup.logger.error("%s", found.english)
        if self._outcome is None:
            self._outcome = Outcome(E_FAIL, failure=found)
        else:
            self._setup.tracker.fail(E_FAIL, found)
        self._event_set = True  # nothing more will come from it
        self._wake()

    def _phase(self) -> Found:
        if not self._loaded and self._outcome is None:
            return Finding.WHILE_LOADING()
        if self._outcome is None:
            return Finding.IN_SYNC()
        if self._setup.tracker.done_called:
            return Finding.AFTER_DONE()
        return Finding.AFTER_RETURN()

    def _cause(self, how: Exit) -> Found:
        if how is LOST:
            return Finding.END_UNKNOWN()
        limits = self._setup.account.process_limits
        if how.code == os.CLD_EXITED:
            if how.status == EXIT_HOST_ERROR:
                return Finding.EXIT_HOST_ERROR(how.status)
            if how.status == EXIT_SOCKET_CLOSED:
                return Finding.EXIT_SOCKET_CLOSED(how.status)
            return Finding.EXIT_CODE(how.status)
        number = how.status
        if how.limit == "memory":  # the keeper's, for the whole tree: it says which
            return Finding.MEMORY_LIMIT(limits["memory_limit_mb"])
        if how.limit == "threads":
            return Finding.THREADS_LIMIT(limits["threads"])
        if how.limit == "files":
            return Finding.OPEN_FILES_LIMIT(limits["open_files"])
        if how.limit == "cpu" or (
            number in (signal.SIGXCPU, signal.SIGKILL) and "cpu_seconds" in limits
        ):
            return Finding.CPU_LIMIT(limits["cpu_seconds"])
        if "memory_limit_mb" in limits and number in (signal.SIGKILL, signal.SIGABRT):
            return Finding.MEMORY_LIMIT(limits["memory_limit_mb"])
        try:
            return Finding.SIGNAL(number, signal.Signals(number).name)
        except ValueError:
            return Finding.UNKNOWN_SIGNAL(number)

    # ------------------------------------------------------------ to the child

    def _send_cancel(self) -> None:
        if self._setup.tracker.cancel_requested and not self._cancel_sent:
            self._cancel_sent = self._send(messages.Cancel())

    def _ask_for_trace(self) -> None:
        """Somebody reads the trace (the Calls tab) while the provider runs: ask its
        process for what it traced since it last sent, at a bounded rate."""
        now = time.monotonic()
        if self._stop_asked or self._terminated or now - self._trace_asked_at < TRACE_PULL_EVERY:
            return
        self._trace_asked_at = now
        self._send(messages.SendTrace())

    def _send(self, message: messages.Message) -> bool:
        """A few small messages per task: the socket's buffer takes them at once."""
        with self._send_lock:
            sock = self._sock
            if sock is None:
                return False
            try:
                messages.send(sock, message)
            except OSError:
                return False
            return True

    def _signal_tree(self, signum: int) -> None:
        """Signal its keeper: SIGKILL ends the whole tree, SIGTERM is passed on to every
        process of it (a stopped one continued to take it)."""
        spawned = self._spawned
        if spawned is None or self._exit is not None:
            return
        if signum == signal.SIGTERM and self._term_at is None:
            self._term_at = time.monotonic()
            if self._pid is not None and containment.state(self._pid) == "T":
                self._notes.append(Finding.PROCESS_WAS_STOPPED())
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(spawned.keeper, signum)


def _ignores(pid: int, signum: int) -> bool:
    """Whether process ``pid`` ignores or blocks ``signum`` (``/proc/<pid>/status``)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            masks = {
                key: int(value, 16)
                for key, _, value in (line.partition(":") for line in status)
                if key in ("SigIgn", "SigBlk")
            }
    except (OSError, ValueError):
        return False
    return any(mask >> (signum - 1) & 1 for mask in masks.values())


def run_delays(pid: int) -> list[float] | None:
    """Seconds each thread of process ``pid`` has spent runnable but waiting for a CPU
    (Linux ``/proc/<pid>/task/*/schedstat``); ``None`` where that cannot be read."""
    delays = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as stat:
                delays.append(int(stat.read().split()[1]) / 1e9)
    except (OSError, ValueError, IndexError):
        return None
    return delays


def _mirrored(state: messages.State) -> Mirrored:
    """A checked state message as the tracker takes it; its texts made printable and
    bounded (they come from provider code)."""
    return Mirrored(
        step=printable(state.step, STEP_TEXT_LIMIT),
        index=state.index,
        index_max=state.max,
        calls=state.calls,
        entries=[
            (
                e.key,
                ErrorKind(e.kind),
                e.hresult,
                printable(e.text, ERROR_TEXT_LIMIT),
                e.count,
                e.found,
            )
            for e in state.entries
        ],
        done=state.done,
        failed=state.failed,
    )


def _outcome(message: messages.Outcome) -> Outcome:
    return Outcome(
        hresult=E_FAIL if message.hresult is None else message.hresult,
        raised=None if message.raised is None else printable(message.raised, ERROR_TEXT_LIMIT),
        failure=message.failure,
        background=message.background,
    )
