"""Starting provider processes fast: a fork server, ``python -m`` this module.

Spawning a fresh interpreter per task costs about 150 ms of CPU (the interpreter and
the host's imports); fifty providers on two cores then take seconds to start (bench
B6). The fork server is one process started once, with ``subprocess``, that imports
everything a provider's process needs *but no provider*, then forks one child per
task: a fork of that small single-threaded process costs about a millisecond, and
every child still loads its provider's code fresh (F9 after an edit runs the new
code). The app itself never forks: its GUI process has Qt threads.

Each provider's process runs under a *keeper* (``containment``): PID 1 of a PID
namespace of its own where the kernel allows, else a child subreaper. The keeper passes
the app's SIGTERM on to every process of the tree, reaps the orphans, and once the
provider's process has ended names and kills what it left, then reports how it ended
on a pipe the fork server reads when it reaps the keeper.

Providers share the fork server, so it takes nothing from them: it ignores every
signal it does not use (its SIGTERM, the parent-death signal, counts only once the app
is really gone), and each request carries a number its answer repeats, so a late
answer is never taken for the next one's. One that stops answering is retired (and
continued, should it have been stopped): its providers run on, the next task starts on
a new one.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import queue
import resource
import select
import selectors
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import NoReturn

from sendreceive import secrets_guard
from sendreceive.hosting import loading
from sendreceive.hosting.process import child, containment

log = logging.getLogger("sendreceive.engine")
# The folder that holds the sendreceive package: the server imports it from there.
_APP_ROOT = str(Path(__file__).resolve().parents[3])
REPLY_WAIT = 10.0  # seconds for a spawn's answer; past it the fork server is replaced
_REAP_EVERY = 0.05
CPU_LOOK_EVERY = 0.1  # seconds between a keeper's looks at its tree's CPU time, if limited
# Providers yield some CPU to the app and the rest of the machine when both want it.
# A CPU is shared by weight: beside 25 busy providers per CPU the GUI thread gets 27 % of
# one at 10 and 73 % at 19 (bench B2 p99: 34-87 ms against 7-18 ms). But at 19 the app's
# own work starves them: the GUI's hostile catalogue (3 s time limits) failed in 2 of 3
# runs with nothing else on the machine, and in 5 of 5 beside one busy program.
# SENDRECEIVE_PROVIDER_NICENESS sets it.
NICENESS = int(os.environ.get("SENDRECEIVE_PROVIDER_NICENESS", "10"))
# What the fork server and the keepers ignore, and a provider's process gets back.
_IGNORED = tuple(
    sig
    for sig in signal.valid_signals()
    if sig
    not in {
        signal.SIGKILL,
        signal.SIGSTOP,
        signal.SIGCHLD,
        signal.SIGCONT,
        signal.SIGSEGV,
        signal.SIGBUS,
        signal.SIGFPE,
        signal.SIGILL,
        signal.SIGTRAP,
        signal.SIGSYS,
        signal.SIGABRT,
    }
)


@dataclass(frozen=True)
class Exit:
    """How a provider's process ended, as ``waitpid`` says it."""

    code: int  # os.CLD_EXITED, os.CLD_KILLED or os.CLD_DUMPED; 0 if the server was lost
    status: int  # the exit code, or the signal's number
    left: tuple[str, ...] = ()  # "name (pid)" of what outlived it in its tree (killed)
    limit: str | None = None  # one of LIMITS_HIT: the keeper killed the tree at that limit


LIMITS_HIT = ("cpu", "memory", "threads", "files")


@dataclass(frozen=True)
class TreeLimits:
    """What a keeper holds its provider's processes to, together; 0: no limit."""

    cpu_seconds: int = 0
    memory_mb: int = 0
    threads: int = 0
    open_files: int = 0


LOST = Exit(0, 0)  # the fork server itself ended: the child's fate is unknown


@dataclass(frozen=True)
class Spawned:
    """A started provider: signals go to its keeper, which passes them on to the tree."""

    request: int  # what its end is asked by (``exit_of``)
    keeper: int
    pid: int  # the provider's own process, as the app's /proc numbers it


class ForkServer:
    """The app's side of a fork server: one per app (and per secret environment), until
    it stops answering."""

    def __init__(self, env: dict[str, str]) -> None:
        ours, theirs = socket.socketpair()
        env = dict(
            env, PYTHONPATH=os.pathsep.join(filter(None, [_APP_ROOT, env.get("PYTHONPATH")]))
        )
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "sendreceive.hosting.process.fork_server",
                    str(theirs.fileno()),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                process_group=0,  # the terminal's Ctrl-C is the app's to handle
                env=env,
            )
        finally:
            theirs.close()
        self._sock = ours
        self._lock = threading.Lock()
        self._requests = itertools.count(1)
        self._waiting: dict[int, queue.SimpleQueue[Spawned | str | None]] = {}
        self._started: set[int] = set()  # requests whose end is still to come
        self._exits: dict[int, Exit] = {}
        self._limits_hit: dict[int, str] = {}  # requests whose tree hit a limit, ending
        self.mechanism: str | None = None  # containment's, once the server said it
        self.alive = True
        self.retired = False  # it stopped answering: it keeps its providers, gets no more
        threading.Thread(target=self._read, name="provider-fork-server", daemon=True).start()

    def spawn(
        self, control: int, stdout: int, stderr: int, limits: TreeLimits = TreeLimits()
    ) -> Spawned:
        """Fork a provider's process with these fds; its keeper kills the whole tree once
        its processes together pass one of ``limits``. Raises ``OSError``, naming why."""
        request = next(self._requests)
        answer: queue.SimpleQueue[Spawned | str | None] = queue.SimpleQueue()
        with self._lock:
            if not self.alive or self.retired:
                raise OSError("the fork server has ended")
            self._waiting[request] = answer
            socket.send_fds(
                self._sock,
                [f"spawn {request} {' '.join(map(str, astuple(limits)))}".encode()],
                [control, stdout, stderr],
            )
        try:
            reply = answer.get(timeout=REPLY_WAIT)
        except queue.Empty:
            reply = None
        finally:
            with self._lock:
                self._waiting.pop(request, None)
        if isinstance(reply, Spawned):
            return reply
        if reply is not None:
            raise OSError(reply)
        if not self.alive:
            raise OSError("the fork server ended")
        self.retire()
        raise OSError(
            f"the fork server did not answer within {REPLY_WAIT:g} s (stopped or hung); "
            "a new one starts the next tasks"
        )

    def retire(self) -> None:
        """Start no more tasks here; continue it, should it have been stopped, so that
        it still reports how the providers it started end."""
        if not self.retired:
            log.warning(
                "the fork server (pid %d) stopped answering: replaced; the providers it "
                "started run on",
                self.process.pid,
            )
        self.retired = True
        with contextlib.suppress(OSError):
            self.process.send_signal(signal.SIGCONT)

    def check(self) -> None:
        """Retire it if it was stopped (SIGSTOP): it would answer nothing."""
        if not self.retired and containment.state(self.process.pid) in ("T", "t"):
            self.retire()

    def limit_hit(self, request: int) -> str | None:
        """The limit (one of LIMITS_HIT) whose passing is ending the provider of
        ``request``, as soon as its keeper saw it: the tree may take a while to end."""
        return self._limits_hit.get(request)

    def exit_of(self, request: int) -> Exit | None:
        """How the provider of ``request`` ended, once it has (``LOST`` if the server is
        gone)."""
        found = self._exits.pop(request, None)
        if found is None and not self.alive:
            return LOST
        return found

    def _read(self) -> None:
        with contextlib.suppress(OSError, ValueError), self._sock.makefile("r") as lines:
            for line in lines:
                said = json.loads(line)
                request = said.get("request")
                if said["t"] == "hello":
                    self.mechanism = said["mechanism"]
                    log.info("%s", containment.line(said["mechanism"]))
                elif said["t"] == "limit":
                    if request in self._started and said["limit"] in LIMITS_HIT:
                        self._limits_hit[request] = said["limit"]
                elif said["t"] == "exit":
                    if request in self._started:
                        self._started.discard(request)
                        heard = self._limits_hit.pop(request, None)
                        limit = said.get("limit") or heard  # a keeper killed ending the tree
                        self._exits[request] = Exit(
                            said["code"],
                            said["status"],
                            tuple(said["left"]),
                            limit if limit in LIMITS_HIT else None,
                        )
                else:
                    reply: Spawned | str = (
                        Spawned(request, said["keeper"], said["pid"])
                        if said["t"] == "pid"
                        else said["why"]
                    )
                    with self._lock:
                        answer = self._waiting.get(request)
                        if answer is not None and isinstance(reply, Spawned):
                            self._started.add(request)
                    if answer is not None:  # else too late: its process finds no app and ends
                        answer.put(reply)
        self.alive = False
        with self._lock:
            for answer in self._waiting.values():
                answer.put(None)


_servers_lock = threading.Lock()
_server: ForkServer | None = None
_server_env: dict[str, str] | None = None


def fork_server(env: dict[str, str]) -> ForkServer:
    """The running fork server for ``env``, started (again) if needed."""
    global _server, _server_env
    with _servers_lock:
        if _server is not None:
            _server.check()
        if _server is None or not _server.alive or _server.retired or env != _server_env:
            _server, _server_env = ForkServer(env), env
        return _server


# ------------------------------------------------------------ the server process


@dataclass
class _Keeper:
    request: int
    report: int  # the pipe it reports a limit hit and its provider's end on
    said: bytes = b""  # what it wrote there, read so far
    looked: int = 0  # how much of ``said`` was looked at for a limit hit


_keepers: dict[int, _Keeper] = {}  # the server's children, by pid
_mechanism = containment.SUBREAPER


def serve(sock: socket.socket) -> None:
    global _mechanism
    app = os.getppid()
    secrets_guard.not_dumpable()  # and so every provider's process forked from here
    for sig in _IGNORED:  # a provider may signal us (in the fallback): nothing happens
        signal.signal(sig, signal.SIG_IGN)
    # However the app ends (a crash, SIGKILL), the kernel tells us: SIGTERM, and every
    # provider goes with us — one in C code holding the GIL never reads its socket's end.
    # A SIGTERM from anybody else is no news of the app.

    def parent_death(signum: int, frame: object) -> None:
        if os.getppid() != app:
            _end()

    signal.signal(signal.SIGTERM, parent_death)
    if not containment.prctl(containment.PR_SET_PDEATHSIG, signal.SIGTERM) or os.getppid() != app:
        _end()  # no parent-death signal here, or the app is already gone
    containment.prctl(containment.PR_SET_CHILD_SUBREAPER, 1)  # what a keeper leaves is ours
    _mechanism = containment.probe()  # forks: before anything could start a thread
    loading.available_providers()  # the entry-point scan, once: metadata, no provider code
    _say(sock, t="hello", mechanism=_mechanism)
    with selectors.DefaultSelector() as selector:
        selector.register(sock, selectors.EVENT_READ)
        while True:
            ready = selector.select(_REAP_EVERY)
            for key, _ in ready:
                if key.data is not None:
                    _heard(sock, selector, key.data)
            if any(key.data is None for key, _ in ready):
                try:
                    message, fds, _, _ = socket.recv_fds(sock, 64, 3)
                except OSError:
                    message, fds = b"", []
                if not message:
                    _end()  # the app is gone
                request, *numbers = map(int, message.split()[1:6])
                try:
                    keeper, pid = _start(sock, selector, request, TreeLimits(*numbers), fds)
                    _say(sock, t="pid", request=request, keeper=keeper, pid=pid)
                except OSError as exc:
                    _say(sock, t="fail", request=request, why=f"the keeper failed: {exc}")
            _reap(sock, selector)


def _say(sock: socket.socket, **fields: object) -> None:
    sock.sendall(json.dumps(fields).encode() + b"\n")


def _end() -> NoReturn:
    """The app is gone: so is every provider's tree, then the server."""
    containment.kill_tree(os.getpid())
    os._exit(0)


def _start(
    sock: socket.socket,
    selector: selectors.BaseSelector,
    request: int,
    limits: TreeLimits,
    fds: list[int],
) -> tuple[int, int]:
    """Fork the keeper of one provider; (the keeper's pid, the provider's), as the app's
    ``/proc`` numbers them. In a namespace a relay forks the keeper: the fork server
    itself must stay in its own."""
    server = os.getpid()
    report_r, report_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(report_r)
            selector.close()
            sock.close()
            # Killed with the fork server, should that be killed before it could kill us.
            if not containment.prctl(containment.PR_SET_PDEATHSIG, signal.SIGKILL):
                os._exit(child.EXIT_HOST_ERROR)
            if os.getppid() != server:
                os._exit(child.EXIT_HOST_ERROR)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if _mechanism != containment.NAMESPACE:
                _keep(report_w, fds, limits, in_namespace=False)
            containment.new_pid_namespace()
            keeper = os.fork()
            if keeper == 0:
                _keep(report_w, fds, limits, in_namespace=True)
            for fd in (report_w, *fds):
                os.close(fd)
            os.waitpid(keeper, 0)  # the relay ends with the keeper, and nothing else
            os._exit(0)
        except BaseException as exc:
            with contextlib.suppress(Exception):
                os.write(report_w, f"! {exc}\n".encode())
        finally:
            os._exit(child.EXIT_HOST_ERROR)
    os.close(report_w)
    for fd in fds:
        os.close(fd)
    _keepers[pid] = _Keeper(request, report_r)
    first = _first_line(report_r)
    numbers = first.split()
    if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        raise OSError(first.lstrip("! ") or "no answer")
    os.set_blocking(report_r, False)
    selector.register(report_r, selectors.EVENT_READ, pid)
    return int(numbers[0]), int(numbers[1])


def _first_line(fd: int) -> str:
    """The keeper's first line, byte by byte (its end may follow at once), or "" if it
    takes longer than half a spawn's wait."""
    data = b""
    while not data.endswith(b"\n"):
        if not select.select([fd], [], [], REPLY_WAIT / 2)[0]:
            return ""
        byte = os.read(fd, 1)
        if not byte:
            break
        data += byte
    return data.decode(errors="replace").strip()


def _keep(report: int, fds: list[int], limits: TreeLimits, in_namespace: bool) -> NoReturn:
    """The keeper: fork the provider's process, pass the app's SIGTERM on to the whole
    tree, reap its orphans, kill the tree once its processes together pass one of
    ``limits``, and once the provider's process ends name what is left of the tree, kill
    it (in a namespace: by ending) and report."""
    count_files = bool(limits.open_files) and containment.counts_open_files(_mechanism)
    watch = bool(limits.cpu_seconds or limits.memory_mb or limits.threads or count_files)
    hit: str | None = None
    me = int(os.readlink("/proc/self"))  # its pid where the app lives (in a namespace too)
    server = os.getppid()

    def parent_death(signum: int, frame: object) -> None:
        """The fork server was killed (SIGKILL: it could not end us): the tree goes."""
        if os.getppid() != server:
            containment.kill_tree(me)
            os._exit(0)

    def pass_on(signum: int, frame: object) -> None:
        for sig in (signal.SIGTERM, signal.SIGCONT):  # a stopped process, continued, ends
            if in_namespace:
                with contextlib.suppress(OSError):
                    os.kill(-1, sig)  # every process of the namespace but this one
            else:
                for pid in containment.descendants(me):
                    with contextlib.suppress(OSError):
                        os.kill(pid, sig)

    signal.signal(signal.SIGTERM, pass_on)
    if in_namespace:  # PID 1: with it ends the namespace
        containment.prctl(containment.PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        containment.prctl(containment.PR_SET_CHILD_SUBREAPER, 1)
        signal.signal(signal.SIGHUP, parent_death)
        containment.prctl(containment.PR_SET_PDEATHSIG, signal.SIGHUP)
        parent_death(signal.SIGHUP, None)
    provider = os.fork()
    if provider == 0:
        os.close(report)
        _become_provider(fds, limits.threads)
    for fd in fds:
        os.close(fd)
    host_pid = containment.children(me)[0] if in_namespace else provider
    os.write(report, f"{me} {host_pid}\n".encode())
    pid, status = 0, 0
    while pid != provider:  # the provider, or an orphan of its tree
        pid, status = os.waitpid(-1, os.WNOHANG if watch else 0)
        if watch and not pid:
            # Once hit, it stays the cause: a tree being killed soon holds less again.
            if hit is None:
                hit = _limit_hit(me, limits, count_files)
                if hit is not None:
                    # Said now: the tree may take long to end (a process in disk I/O
                    # dies when the I/O completes), and its end comes after its cause.
                    os.write(report, f"limit {hit}\n".encode())
            if hit is not None:  # SIGKILL (again, till its provider is reaped), named
                for victim in [-1] if in_namespace else containment.descendants(me):
                    with contextlib.suppress(OSError):
                        os.kill(victim, signal.SIGKILL)
            select.select([], [], [], CPU_LOOK_EVERY)
    left = [containment.name(pid) for pid in containment.descendants(me)]
    if not in_namespace:
        containment.kill_tree(me)
    if os.WIFSIGNALED(status):
        code = os.CLD_DUMPED if os.WCOREDUMP(status) else os.CLD_KILLED
        number = os.WTERMSIG(status)
    else:
        code, number = os.CLD_EXITED, os.waitstatus_to_exitcode(status)
    ended = {"code": code, "status": number, "left": left, "limit": hit}
    os.write(report, json.dumps(ended).encode() + b"\n")
    os._exit(0)  # in a namespace, the kernel kills what is left with its PID 1


def _limit_hit(keeper: int, limits: TreeLimits, count_files: bool) -> str | None:
    """The first of ``limits`` the processes below ``keeper`` pass together (LIMITS_HIT)."""
    if limits.cpu_seconds and tree_cpu_time(keeper) >= limits.cpu_seconds:
        return "cpu"
    if not (limits.memory_mb or limits.threads or count_files):
        return None
    used = containment.tree_usage(keeper, count_files)
    if limits.memory_mb and used.memory > limits.memory_mb << 20:
        return "memory"
    if limits.threads and used.threads > limits.threads:
        return "threads"
    if count_files and used.open_files > limits.open_files:
        return "files"
    return None


def tree_cpu_time(keeper: int) -> float:
    """Seconds of CPU the processes below ``keeper`` have used, the ended ones included:
    what the keeper reaped, and each process's own and its reaped children's."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    ticks = 0
    todo = [keeper]
    while todo:
        for pid in containment.children(todo.pop()):
            todo.append(pid)
            with contextlib.suppress(OSError, IndexError, ValueError):
                with open(f"/proc/{pid}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
                ticks += sum(int(field) for field in fields[11:15])  # utime … cstime
    return used.ru_utime + used.ru_stime + ticks / os.sysconf("SC_CLK_TCK")


def _become_provider(fds: list[int], threads: int) -> NoReturn:
    control, stdout, stderr = fds
    try:
        # Killed with its keeper, should that be killed first (in a namespace, anyway).
        containment.prctl(containment.PR_SET_PDEATHSIG, signal.SIGKILL)
        if threads and containment.kernel_caps_threads(_mechanism):
            # A bomb is refused past the limit between two looks of the keeper, which
            # then sees one thread too many and names the limit: the user namespace also
            # counts the relay and the keeper.
            cap = threads + 3
            resource.setrlimit(resource.RLIMIT_NPROC, (cap, cap))
        if _mechanism == containment.NAMESPACE:
            containment.private_proc()
        # A process group of its own, in the app's session: under the kernel's autogroup
        # scheduling a session of their own would be a CPU share of its own beside the
        # app's, and the GUI waited up to a second (B2).
        os.setpgid(0, 0)
        os.nice(NICENESS)
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        os.close(stdout)
        os.close(stderr)
        for sig in _IGNORED:  # what the provider starts gets the usual dispositions
            signal.signal(sig, signal.SIG_DFL)
        child.main(control)
    finally:
        os._exit(child.EXIT_HOST_ERROR)


def _heard(sock: socket.socket, selector: selectors.BaseSelector, pid: int) -> None:
    """Pass on the limit a keeper says its tree hit, as it says it: the app names the
    cause at once. Its last line is read once the keeper is reaped."""
    keeper = _keepers[pid]
    with contextlib.suppress(OSError):
        data = os.read(keeper.report, 1 << 16)
        if not data:  # it ended: nothing more until it is reaped
            selector.unregister(keeper.report)
        keeper.said += data
    whole = keeper.said.rfind(b"\n") + 1
    for line in keeper.said[keeper.looked : whole].splitlines():
        word, _, limit = line.decode(errors="replace").partition(" ")
        if word == "limit" and limit in LIMITS_HIT:
            _say(sock, t="limit", request=keeper.request, limit=limit)
    keeper.looked = whole


def _reap(sock: socket.socket, selector: selectors.BaseSelector) -> None:
    """Report each ended keeper's provider; kill what a killed keeper left to us."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if not pid:
            break
        keeper = _keepers.pop(pid, None)
        if keeper is None:
            continue  # an orphan re-parented to us, killed below
        with contextlib.suppress(OSError):
            while chunk := os.read(keeper.report, 1 << 16):
                keeper.said += chunk
        with contextlib.suppress(KeyError):
            selector.unregister(keeper.report)
        os.close(keeper.report)
        report = keeper.said.decode(errors="replace").splitlines()
        said = json.loads(report[-1]) if report and report[-1].startswith("{") else None
        if said is None:  # the keeper was killed (by the app): its provider with it
            said = {"code": os.CLD_KILLED, "status": signal.SIGKILL, "left": []}
        _say(sock, t="exit", request=keeper.request, **said)
    for pid in _strays():
        containment.kill_tree(pid)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _strays() -> list[int]:
    """Our children that are no keepers: orphans of a killed keeper's tree."""
    me = os.getpid()
    with contextlib.suppress(OSError), open(f"/proc/{me}/task/{me}/children") as kids:
        return [pid for pid in map(int, kids.read().split()) if pid not in _keepers]
    return []


if __name__ == "__main__":
    try:
        serve(socket.socket(fileno=int(sys.argv[1])))
    except (BrokenPipeError, ConnectionResetError):  # the app is gone: so are we
        os._exit(0)
