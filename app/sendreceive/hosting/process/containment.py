"""Holding a provider's whole process tree: what this machine offers, and the tree's walks.

Each provider's process runs under a *keeper* of its own (``fork_server``), which ends
every process the provider started, whatever it did to its process group or session.
Two mechanisms, the first this kernel allows:

- ``pid-namespace``: the keeper is PID 1 of a PID namespace of its own (as root
  ``unshare(CLONE_NEWPID)``; unprivileged, with ``CLONE_NEWUSER`` mapping the user to
  itself). Nothing in it can see or signal a process outside it (the app, the fork
  server, other accounts), and when the keeper ends — even killed — the kernel kills
  everything in it: no process can leave.
- ``subreaper``: the fallback. The keeper is a child subreaper
  (``PR_SET_CHILD_SUBREAPER``): a daemon that double-forks is re-parented to it, not to
  init, so it stays in the keeper's tree, and the keeper kills that whole tree when the
  provider's process ends. The fork server is a subreaper too: what a killed keeper
  leaves is re-parented to it and killed. Escapes: processes left when the keeper *and*
  the fork server are SIGKILLed at once, and signals to the app's processes (same user).

``SENDRECEIVE_CONTAINMENT=subreaper`` forces the fallback (tests, or a kernel whose
namespaces misbehave). Linux only; ctypes, since ``os.unshare`` is Python 3.12+.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
from dataclasses import dataclass

from sendreceive.hosting.process import landlock

NAMESPACE = "pid-namespace"
SUBREAPER = "subreaper"
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNS = 0x00020000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 1 << 14, 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
CAP_SYS_PTRACE = 19
_FORCED = os.environ.get("SENDRECEIVE_CONTAINMENT")


# What a provider's process may inherit of the app's environment: what an interpreter,
# its locale, TLS and proxies need, and the workbench's own settings. Nothing else — the
# app's environment may hold tokens and passwords of its own or of the user's other tools.
_KEPT = frozenset({
    "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TERM",
    "VIRTUAL_ENV", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
    "http_proxy", "https_proxy", "no_proxy", "all_proxy",
    "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
})  # fmt: skip
_KEPT_PREFIXES = ("LC_", "XDG_", "PYTHON", "SENDRECEIVE_")


def provider_environment(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The environment a provider's process starts with: an allow-list of the app's."""
    return {
        name: value
        for name, value in environ.items()
        if name in _KEPT or name.startswith(_KEPT_PREFIXES)
    }


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def prctl(option: int, value: int) -> bool:
    """``prctl(option, value)``; False where it failed or is not available."""
    try:
        return bool(_libc().prctl(option, value) == 0)
    except (OSError, AttributeError):
        return False


def new_pid_namespace() -> None:
    """Make this (single-threaded) process's next child PID 1 of a new PID namespace;
    unprivileged, inside a user namespace mapping the user to itself. ``OSError``."""
    uid, gid = os.geteuid(), os.getegid()
    flags = CLONE_NEWPID if uid == 0 else CLONE_NEWPID | CLONE_NEWUSER
    if _libc().unshare(flags) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))
    if uid != 0:  # the same ids inside; no setgroups, as an unprivileged mapping requires
        maps = (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1"))
        # A process that is not dumpable (the fork server's forks) has root's /proc/self
        # files: the user could not write its own maps. Dumpable for these writes only;
        # this process holds no secret (the fork server is given none).
        prctl(PR_SET_DUMPABLE, 1)
        try:
            for file, text in maps:
                with open(f"/proc/self/{file}", "w") as written:
                    written.write(text)
        finally:
            prctl(PR_SET_DUMPABLE, 0)


def private_proc() -> bool:
    """In a PID namespace: give this process (the provider's) a mount namespace of its own
    with a ``/proc`` of its namespace's, so that it cannot even name the app's processes
    or other accounts' — not their environment, memory or open pipes, whoever it runs
    as. False where the kernel refuses (the namespace still holds)."""
    libc = _libc()
    if libc.unshare(CLONE_NEWNS) != 0:
        return False
    if libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) != 0:  # nothing leaks out
        return False
    flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
    return bool(libc.mount(b"proc", b"/proc", b"proc", flags, None) == 0)


def probe() -> str:
    """The mechanism in force here: a throwaway child tries a namespace (call before
    any thread starts: a user namespace needs a single-threaded process)."""
    if _FORCED in (NAMESPACE, SUBREAPER):
        return _FORCED
    pid = os.fork()
    if pid == 0:
        code = 1
        with contextlib.suppress(BaseException):
            new_pid_namespace()
            inner = os.fork()
            if inner == 0:
                os._exit(0 if os.getpid() == 1 else 1)
            code = os.waitstatus_to_exitcode(os.waitpid(inner, 0)[1])
        os._exit(code)
    return NAMESPACE if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 else SUBREAPER


def describe() -> str:
    """The mechanism in force for a fork server started now, in a line (``--version``):
    probed in a fresh interpreter, since the app itself never forks."""
    done = subprocess.run(
        [sys.executable, "-m", "sendreceive.hosting.process.containment"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def counts_open_files(mechanism: str) -> bool:
    """Whether a keeper can count its tree's open files. A provider's process is not
    dumpable: its ``/proc/<pid>/fd`` opens only to a process with ``CAP_SYS_PTRACE`` in
    the user namespace its memory was made in (the host's) — root, not a user, not even
    in a user namespace of its own."""
    if mechanism == NAMESPACE and os.geteuid() != 0:
        return False
    try:
        with open("/proc/self/status", "rb") as status:
            (mask,) = [line.split()[1] for line in status if line.startswith(b"CapEff:")]
        return bool(int(mask, 16) >> CAP_SYS_PTRACE & 1)
    except (OSError, ValueError):
        return False


def kernel_caps_threads(mechanism: str) -> bool:
    """Whether ``RLIMIT_NPROC`` caps a provider's tree as it forks, between the keeper's
    looks. The kernel counts a real user's processes and threads per user namespace and
    exempts root: a provider's own count only unprivileged in a PID namespace (in a user
    namespace of its own); in the fallback it would count every process of the user."""
    return mechanism == NAMESPACE and os.geteuid() != 0


def line(mechanism: str) -> str:
    """What holds a provider's processes, and what it does not, in words for the log."""
    if mechanism == NAMESPACE:
        held = (
            "provider containment: a PID namespace per provider, with a /proc of its own (its "
            "processes cannot see or signal the app or other accounts; all end with it)"
        )
    else:
        held = (
            "provider containment: subreaper (no PID namespace here: a provider's processes "
            "are killed with it, but could signal the app's processes)"
        )
    together = "cpu_seconds, memory_limit_mb and threads"
    if counts_open_files(mechanism):
        together = "cpu_seconds, memory_limit_mb, threads and open_files"
        files = ""
    else:
        files = "; open_files per process only (its processes' open files are closed to the keeper)"
    if kernel_caps_threads(mechanism):
        bomb = "; threads capped by the kernel too (RLIMIT_NPROC in its user namespace)"
    else:
        why = "bind root" if os.geteuid() == 0 else "count one provider's alone here"
        bomb = f"; threads counted at the keeper's looks, ten a second (RLIMIT_NPROC cannot {why})"
    return (
        f"{held}; {together} hold for its processes together{files}{bomb}; unmapped tmpfs "
        f"and page cache uncounted (no cgroup here); {landlock.line()}"
    )


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (any of its threads), zombies included, as
    ``/proc`` (the host's) numbers them; none once it is gone."""
    found: list[int] = []
    with contextlib.suppress(OSError):
        for tid in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{tid}/children") as kids:
                found.extend(map(int, kids.read().split()))
    return found


def descendants(pid: int) -> list[int]:
    """Every live (not zombie) process below ``pid``, parents first; a process that
    vanishes meanwhile is left out."""
    found: list[int] = []
    todo = [pid]
    while todo:
        for kid in children(todo.pop()):
            todo.append(kid)
            if state(kid) not in ("Z", "X", ""):
                found.append(kid)
    return found


def state(pid: int) -> str:
    """Its state letter (``R``, ``S``, ``T`` stopped, ``Z`` zombie …); "" once gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0].decode()
    except (OSError, IndexError):
        return ""


@dataclass(frozen=True)
class Usage:
    """What the processes below a keeper hold together, at one look."""

    memory: int  # bytes: each one's resident anonymous and shared memory
    threads: int  # a process counts its threads
    open_files: int  # 0 unless counted


def tree_usage(pid: int, count_files: bool) -> Usage:
    """What the processes below ``pid`` hold together, read from ``/proc/<pid>/status``
    (``RssAnon`` + ``RssShmem``, not the libraries a process maps from files;
    ``Threads``), which a keeper may read even of a process that is not dumpable, and,
    if ``count_files``, ``/proc/<pid>/fd`` (see ``counts_open_files``)."""
    memory = threads = files = 0
    for kid in descendants(pid):
        with contextlib.suppress(OSError, ValueError, IndexError):
            with open(f"/proc/{kid}/status", "rb") as lines:
                for line in lines:
                    if line.startswith((b"RssAnon:", b"RssShmem:")):
                        memory += int(line.split()[1]) << 10
                    elif line.startswith(b"Threads:"):
                        threads += int(line.split()[1])
            if count_files:
                files += len(os.listdir(f"/proc/{kid}/fd"))
    return Usage(memory, threads, files)


def name(pid: int) -> str:
    """``comm (pid)``: how a process left behind is named."""
    try:
        with open(f"/proc/{pid}/comm", "rb") as comm:
            return f"{comm.read().strip().decode(errors='replace')} ({pid})"
    except OSError:
        return f"? ({pid})"


def kill_tree(pid: int) -> None:
    """SIGKILL every process below ``pid`` until none is left (they may fork meanwhile);
    what is re-parented to the caller is reaped here."""
    while kids := descendants(pid):
        for kid in kids:
            with contextlib.suppress(OSError):
                os.kill(kid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        os.sched_yield()


if __name__ == "__main__":
    print(probe())
