"""Starting provider processes fast: a fork server, ``python -m`` this module.

Spawning a fresh interpreter per task costs about 150 ms of CPU (the interpreter and
the host's imports); fifty providers on two cores then take seconds to start (bench
B6). The fork server is one process started once, with ``subprocess``, that imports
everything a provider's process needs *but no provider*, then forks one child per
task: a fork of that small single-threaded process costs about a millisecond, and
every child still loads its provider's code fresh (F9 after an edit runs the new
code). The app itself never forks: its GUI process has Qt threads.

The fork server also reaps its children and reports how each ended. Before reaping a
child it kills what is left of the child's process group (the provider's own
children), while the zombie still holds the group's id.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import selectors
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from sendreceive.hosting import loading
from sendreceive.hosting.process import child

# The folder that holds the sendreceive package: the server imports it from there.
_APP_ROOT = str(Path(__file__).resolve().parents[3])
_REPLY_WAIT = 10.0
_REAP_EVERY = 0.05
_PR_SET_PDEATHSIG = 1
# Providers yield some CPU to the app and the rest of the machine when both want it.
# A CPU is shared by weight: beside 25 busy providers per CPU the GUI thread gets 27 % of
# one at 10 and 73 % at 19 (bench B2 p99: 34-87 ms against 7-18 ms). But at 19 the app's
# own work starves them: the GUI's hostile catalogue (3 s time limits) failed in 2 of 3
# runs with nothing else on the machine, and in 5 of 5 beside one busy program.
# SENDRECEIVE_PROVIDER_NICENESS sets it.
NICENESS = int(os.environ.get("SENDRECEIVE_PROVIDER_NICENESS", "10"))


@dataclass(frozen=True)
class Exit:
    """How a provider's process ended, as ``os.waitid`` says it."""

    code: int  # os.CLD_EXITED, os.CLD_KILLED or os.CLD_DUMPED; 0 if the server was lost
    status: int  # the exit code, or the signal's number
    left: tuple[int, ...] = ()  # processes of its group that outlived it (killed)


LOST = Exit(0, 0)  # the fork server itself ended: the child's fate is unknown


class ForkServer:
    """The app's side of the fork server: one per app (and per secret environment)."""

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
        self._pids: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._exits: dict[int, Exit] = {}
        self.alive = True
        threading.Thread(target=self._read, name="provider-fork-server", daemon=True).start()

    def spawn(self, control: int, stdout: int, stderr: int) -> int:
        """Fork a provider's process with these fds; its pid. Raises ``OSError``."""
        with self._lock:
            if not self.alive:
                raise OSError("the fork server has ended")
            socket.send_fds(self._sock, [b"spawn"], [control, stdout, stderr])
            try:
                pid = self._pids.get(timeout=_REPLY_WAIT)
            except queue.Empty:
                pid = None
        if pid is None:
            raise OSError("the fork server did not answer")
        return pid

    def exit_of(self, pid: int) -> Exit | None:
        """How ``pid`` ended, once it has (``LOST`` if the server is gone)."""
        found = self._exits.pop(pid, None)
        if found is None and not self.alive:
            return LOST
        return found

    def _read(self) -> None:
        with contextlib.suppress(OSError), self._sock.makefile("r") as lines:
            for line in lines:
                kind, *numbers = line.split()
                values = [int(n) for n in numbers]
                if kind == "pid":
                    self._pids.put(values[0])
                elif kind == "exit":
                    pid, code, status, *left = values
                    self._exits[pid] = Exit(code, status, tuple(left))
        self.alive = False
        self._pids.put(None)


_servers_lock = threading.Lock()
_server: ForkServer | None = None
_server_env: dict[str, str] | None = None


def fork_server(env: dict[str, str]) -> ForkServer:
    """The running fork server for ``env``, started (again) if needed."""
    global _server, _server_env
    with _servers_lock:
        if _server is None or not _server.alive or env != _server_env:
            _server, _server_env = ForkServer(env), env
        return _server


# ------------------------------------------------------------ the server process


_children: set[int] = set()  # forked and not yet reaped: each leads its process group


def serve(sock: socket.socket) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # However the app ends (a crash, SIGKILL), the kernel tells us: SIGTERM, and every
    # provider goes with us — one in C code holding the GIL never reads its socket's end.
    signal.signal(signal.SIGTERM, lambda signum, frame: _end())
    if not die_with_parent(signal.SIGTERM) or os.getppid() == 1:
        _end()  # no parent-death signal here, or the app is already gone
    loading.available_providers()  # the entry-point scan, once: metadata, no provider code
    server_pid = os.getpid()
    with selectors.DefaultSelector() as selector:
        selector.register(sock, selectors.EVENT_READ)
        while True:
            if selector.select(_REAP_EVERY):
                try:
                    message, fds, _, _ = socket.recv_fds(sock, 16, 3)
                except OSError:
                    message, fds = b"", []
                if not message:
                    _end()  # the app is gone
                pid = os.fork()
                if pid == 0:
                    selector.close()
                    _become_provider(sock, fds, server_pid)
                _children.add(pid)
                for fd in fds:
                    os.close(fd)
                sock.sendall(f"pid {pid}\n".encode())
            _reap(sock)


def _end() -> NoReturn:
    """The app is gone: so is every provider's process group, then the server."""
    for pid in _children:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
    os._exit(0)


def die_with_parent(signum: int) -> bool:
    """Have the kernel send ``signum`` when the thread that started this process ends
    (Linux's PR_SET_PDEATHSIG); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signum) == 0)
    except (OSError, AttributeError):
        return False


def _become_provider(server: socket.socket, fds: list[int], server_pid: int) -> None:
    control, stdout, stderr = fds
    try:
        server.close()
        # Killed with the fork server, should that be killed before it could kill us.
        if die_with_parent(signal.SIGKILL) and os.getppid() != server_pid:
            os._exit(child.EXIT_HOST_ERROR)
        # A process group of its own, stopped with its children, in the app's session:
        # under the kernel's autogroup scheduling a session of their own would be a CPU
        # share of its own beside the app's, and the GUI waited up to a second (B2).
        os.setpgid(0, 0)
        os.nice(NICENESS)
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        os.close(stdout)
        os.close(stderr)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        child.main(control)
    finally:
        os._exit(child.EXIT_HOST_ERROR)


def _reap(sock: socket.socket) -> None:
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None:
            return
        pid = info.si_pid
        _children.discard(pid)
        left = group_members(pid)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        numbers = " ".join(map(str, (pid, info.si_code, info.si_status, *left)))
        sock.sendall(f"exit {numbers}\n".encode())


def group_members(pgid: int) -> list[int]:
    """Live processes of the group ``pgid`` other than its leader (Linux: /proc)."""
    members = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == pgid:
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
                members.append(int(entry.name))
    return members


if __name__ == "__main__":
    try:
        serve(socket.socket(fileno=int(sys.argv[1])))
    except (BrokenPipeError, ConnectionResetError):  # the app is gone: so are we
        os._exit(0)
