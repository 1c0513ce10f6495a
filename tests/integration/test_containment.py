"""What a provider starts goes with it, and it cannot touch the host's processes: with
the mechanism this machine allows (a PID namespace per provider, as root here) and
with the fallback (a subreaper keeper), real processes, no mocks of the kernel.

Processes are told apart from other tests' by a marker in their argv: the account's
store folder, unique to the test."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import freezer
from helpers.hostile import LIMITS
from helpers.waiting import process_gone, wait_until

from sendreceive.config.profile import Account
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.process import containment, fork_server
from sendreceive.paths import store_dir
from sendreceive.run.english import error_line
from sendreceive.run.send_receive import Run
from sendreceive.tracking.tracker import TaskStatus

ROOT = Path(__file__).resolve().parents[2]
MECHANISMS = (containment.NAMESPACE, containment.SUBREAPER)


def marked(marker: str) -> list[int]:
    """Every live process of this user whose argv holds ``marker``."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            argv = Path(f"/proc/{entry.name}/cmdline").read_bytes()
            alive = containment.state(int(entry.name)) not in ("Z", "X", "")
        except OSError:
            continue
        if marker.encode() in argv and alive and entry.stat().st_uid == os.getuid():
            found.append(int(entry.name))
    return found


@pytest.fixture(params=MECHANISMS)
def mechanism(request, monkeypatch):
    """Each test with the mechanism this machine allows, and with the fallback forced
    (a fork server of its own: the environment differs)."""
    if request.param == containment.NAMESPACE and containment.describe() != request.param:
        pytest.skip("no PID namespace for providers on this machine")
    monkeypatch.setenv("SENDRECEIVE_CONTAINMENT", request.param)
    return request.param


def run(accounts: list[Account], store: Path, **limits: float | None) -> Run:
    the_run = Run(
        accounts,
        store,
        replace(LIMITS, **({"task_timeout": None} | limits)),
        host_factory=host_factory("process", accounts),
    )
    asyncio.run(the_run.execute())
    return the_run


def lines_of(the_run: Run, account: str) -> list[str]:
    (task,) = [t for t in the_run.tasks if t.account.name == account]
    return [error_line(e) for e in the_run.error_log.entries if e.task == task.tracker.task]


STUBBORN_PROVIDER = """
import ctypes, signal
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK
from sendreceive.providers.faulty import start_daemons

class Stubborn:
    # Starts daemons, then ignores SIGTERM itself and sleeps holding the GIL.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        start_daemons(f"faulty-daemon:{psibpb.psesSync.store_dir}")
        ctypes.CDLL(None).signal(signal.SIGTERM, 1)
        cb.Progress("Daemonized", 1, 2)
        ctypes.PyDLL(None).usleep(600_000_000)
        return S_OK
"""


def test_a_daemon_that_left_its_group_and_ignores_sigterm_ends_with_its_task(tmp_path, mechanism):
    """A completing provider's daemons (``sendreceive.providers.faulty:Daemonizes``), and
    a stubborn one's (it ignores SIGTERM too, and holds the GIL): nothing of either is left once its
    task has ended, and what was killed is named on the task's line."""
    provider = tmp_path / "stubborn.py"
    provider.write_text(STUBBORN_PROVIDER)
    store = tmp_path / "stores"
    accounts = [
        Account("Daemonizes", "sendreceive.providers.faulty:Daemonizes"),
        Account("Stubborn", f"{provider}:Stubborn"),
    ]
    before = marked(f"faulty-daemon:{store}")
    the_run = run(accounts, store, task_timeout=3.0)
    assert before == []
    assert wait_until(lambda: marked(f"faulty-daemon:{store}") == []), marked(
        f"faulty-daemon:{store}"
    )
    states = {t.account.name: t.snapshot() for t in the_run.tasks}
    assert states["Daemonizes"].status is TaskStatus.COMPLETED
    assert any(
        "left 2 process(es) behind, killed with it" in ln for ln in lines_of(the_run, "Daemonizes")
    )
    assert states["Stubborn"].status is TaskStatus.FAILED
    stubborn = lines_of(the_run, "Stubborn")
    assert any("ignored SIGTERM; it was killed (SIGKILL)" in line for line in stubborn), stubborn


HANGING_DAEMON = """
import time
from sendreceive.providers.faulty import start_daemons

class Hangs:
    def SynchronizeInBackground(self, psibpb):
        start_daemons(f"faulty-daemon:{psibpb.psesSync.store_dir}")
        time.sleep(600)
"""


@pytest.mark.parametrize("ending", ["SIGKILL", "exit"])
def test_nothing_a_provider_started_outlives_the_app(tmp_path, mechanism, ending):
    """The real program, killed with SIGKILL (or left to end by its own time limit)
    while its provider's daemons run: none of them outlives it."""
    provider = tmp_path / "hangs.py"
    provider.write_text(HANGING_DAEMON)
    store = tmp_path / "stores"
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--headless", "--provider", f"{provider}:Hangs",
         "--store-dir", str(store), "--task-timeout", "60" if ending == "SIGKILL" else "6",
         "--cancel-grace", "0.5"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_until(lambda: len(marked(f"faulty-daemon:{store}")) == 2, 30), (
            "no daemon started"
        )
        if ending == "SIGKILL":
            app.kill()
        assert app.wait(60) in (-signal.SIGKILL, 1)
    finally:
        app.kill()
    assert wait_until(lambda: marked(f"faulty-daemon:{store}") == []), marked(
        f"faulty-daemon:{store}"
    )


def test_a_provider_signalling_or_stopping_the_fork_server_stops_no_other_account(
    tmp_path, mechanism
):
    """SIGUSR1, SIGTERM and SIGSTOP to the fork server, from a provider: in a namespace
    it cannot even find it; in the fallback the first two are ignored and the stopped server
    is replaced. The accounts after it, in this run and the next, complete."""
    accounts = [Account("Signals", "sendreceive.providers.faulty:SignalsForkServer")]
    accounts += [Account(f"Other {n}", "demo-fast") for n in range(3)]
    runs = [run(accounts, tmp_path / "stores", max_parallel=1) for _ in range(2)]
    for the_run in runs:
        states = {t.account.name: t.snapshot() for t in the_run.tasks}
        assert all(s.status is TaskStatus.COMPLETED for s in states.values()), states
        said = states["Signals"].step
        if mechanism == containment.NAMESPACE:  # its /proc shows nothing outside it
            assert said == "the fork server is out of sight", said
        else:
            assert said == "SIGUSR1 sent; SIGTERM sent; SIGSTOP sent", said


def test_answers_are_matched_to_their_requests_after_one_timed_out(monkeypatch):
    """A fork server that did not answer in time is retired; kept in service anyway, its
    late answer to the first request is not taken for the second's: the pid the second
    gets is the process holding the second request's pipe."""
    monkeypatch.setattr(fork_server, "REPLY_WAIT", 1.0)
    server = fork_server.ForkServer(dict(os.environ))
    streams = []
    try:
        assert wait_until(lambda: server.mechanism is not None)

        def request() -> fork_server.Spawned:
            ours, theirs = socket.socketpair()
            out_r, out_w = os.pipe()
            streams.append((ours, out_r))
            try:
                return server.spawn(theirs.fileno(), out_w, out_w)
            finally:
                theirs.close()
                os.close(out_w)

        os.kill(server.process.pid, signal.SIGSTOP)
        with pytest.raises(OSError, match="did not answer within 1 s"):
            request()
        assert server.retired  # and continued: it answers the first request late
        server.retired = False
        second = request()
        assert second.request == 2
        pipe = f"pipe:[{os.fstat(streams[1][1]).st_ino}]"
        assert wait_until(lambda: os.readlink(f"/proc/{second.pid}/fd/1") == pipe)
    finally:
        for sock, fd in streams:
            sock.close()
            os.close(fd)
        server.process.kill()
        server.process.wait()


def test_a_stopped_provider_and_one_that_execs_are_named(tmp_path, mechanism):
    accounts = [
        Account("Stops", "sendreceive.providers.faulty:StopsItself"),
        Account("Execs", "sendreceive.providers.faulty:Execs"),
    ]
    the_run = run(accounts, tmp_path / "stores", task_timeout=3.0)
    states = {t.account.name: t.snapshot() for t in the_run.tasks}
    assert states["Stops"].status is TaskStatus.FAILED
    assert any("had been stopped (SIGSTOP" in line for line in lines_of(the_run, "Stops"))
    assert states["Execs"].status is TaskStatus.FAILED
    execs = lines_of(the_run, "Execs")
    assert any("replaced itself with another program (exec of /" in line for line in execs), execs


def test_the_run_says_which_containment_is_in_force():
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert containment.line(containment.describe()) in done.stdout


CPU_PROVIDER = """
import subprocess, sys
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Burns:
    # Two child processes spin (each under its own RLIMIT_CPU); it waits for them.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
        cb.Progress("Burning", 1, 2)
        for burner in burners:
            burner.wait()
        cb.Done(None, S_OK)
        return S_OK
"""


def test_the_cpu_time_limit_holds_for_the_providers_processes_together(tmp_path, mechanism):
    """Each child alone stays under ``cpu_seconds``; together they reach it: the tree is
    killed and the limit named (each on its own would have been killed at 2 s and the
    provider completed)."""
    provider = tmp_path / "burns.py"
    provider.write_text(CPU_PROVIDER)
    account = Account("Burns", f"{provider}:Burns", process_limits={"cpu_seconds": 2})
    the_run = run([account], tmp_path / "stores")
    assert the_run.tasks[0].snapshot().status is TaskStatus.FAILED
    lines = lines_of(the_run, "Burns")
    assert any("killed: CPU time limit (2 s, cpu_seconds)" in line for line in lines), lines


MEMORY_PROVIDER = """
import subprocess, sys
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

HOLD = "import sys, time; kept = b'x' * (80 << 20); sys.stdout.write('held\\\\n'); " \\
       "sys.stdout.flush(); time.sleep(120)"

class Hoards:
    # Three child processes hold 80 MB each (each under its own RLIMIT_DATA of 150 MB);
    # it waits for them.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        hoards = [subprocess.Popen([sys.executable, "-c", HOLD]) for _ in range(3)]
        cb.Progress("Hoarding", 1, 2)
        for hoard in hoards:
            hoard.wait()
        cb.Done(None, S_OK)
        return S_OK
"""


def test_the_memory_limit_holds_for_the_providers_processes_together(tmp_path, mechanism):
    """Each child alone stays under ``memory_limit_mb``; together they pass it: the keeper
    kills the tree and the memory limit is named (not a plain SIGKILL, nor a CPU limit)."""
    provider = tmp_path / "hoards.py"
    provider.write_text(MEMORY_PROVIDER)
    account = Account(
        "Hoards", f"{provider}:Hoards", process_limits={"memory_limit_mb": 150, "cpu_seconds": 60}
    )
    the_run = run([account], tmp_path / "stores")
    assert the_run.tasks[0].snapshot().status is TaskStatus.FAILED
    lines = lines_of(the_run, "Hoards")
    assert any("killed: memory limit (150 MB, memory_limit_mb)" in line for line in lines), lines


PEEKING_PROVIDER = """
import json, os
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Peeks:
    # Lists the processes it can name in /proc, and reads what it can of the others: in
    # numbers and a short sample (a busy machine's list would not fit an error text), and
    # whether the test's own process, TEST_PID, is among them.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        me = os.getpid()
        seen = sorted(int(name) for name in os.listdir("/proc") if name.isdigit())
        readable = []
        for pid in seen:
            if pid != me:
                try:
                    with open(f"/proc/{pid}/environ", "rb") as environ:
                        environ.read(1)
                    readable.append(pid)
                except OSError:
                    pass
        found = {"seen": seen[:10], "seen_count": len(seen), "test_seen": TEST_PID in seen,
                 "readable": readable[:10]}
        cb.Error(1, json.dumps(found))
        cb.Done(None, S_OK)
        return S_OK
"""


def test_in_a_namespace_a_provider_cannot_name_the_apps_processes(tmp_path, mechanism):
    """With a PID namespace the provider's /proc is its namespace's: the app, the fork
    server and other accounts' processes are not even there to read, whoever it runs as.
    The fallback cannot hide them (its README line says so): there the app is in sight."""
    provider = tmp_path / "peeks.py"
    provider.write_text(f"TEST_PID = {os.getpid()}\n{PEEKING_PROVIDER}")
    the_run = run([Account("Peeks", f"{provider}:Peeks")], tmp_path / "stores")
    (entry,) = [e for e in the_run.error_log.entries if e.text.startswith("{")]
    found = json.loads(entry.text)
    if mechanism == containment.NAMESPACE:
        assert not found["test_seen"]
        assert (found["seen"], found["seen_count"]) == ([1, 2], 2), found  # keeper, itself
        assert found["readable"] in ([], [1]), found
    else:
        assert found["test_seen"], found


@pytest.mark.parametrize(
    ("provider", "limits"),
    [
        ("sendreceive.providers.faulty:ThreadBomb", {"threads": 40}),
        ("sendreceive.providers.faulty:ForkBomb", {"threads": 40}),
    ],
)
def test_the_thread_limit_holds_for_the_providers_processes_together(
    tmp_path, mechanism, provider, limits
):
    """Threads of one process, or processes forking processes (their argv marked): past
    ``threads`` for the tree together the keeper kills it and names the limit, and the
    bomb leaves nothing."""
    marker = f"faulty-fork-bomb:{tmp_path / 'stores'}"
    account = Account("Bomb", provider, process_limits=limits)
    the_run = run([account], tmp_path / "stores")
    assert the_run.tasks[0].snapshot().status is TaskStatus.FAILED
    lines = lines_of(the_run, "Bomb")
    assert any("killed: thread limit (40 threads, threads)" in line for line in lines), lines
    assert wait_until(lambda: marked(marker) == []), marked(marker)


def test_the_open_files_limit_holds_for_the_providers_processes_together(tmp_path, mechanism):
    """Eight child processes hold ten files each, under the per-process ``open_files``
    of 64; together they pass it: where the keeper may count its tree's files, it kills the
    tree, naming the limit; where it may not, the run's containment line says so."""
    account = Account(
        "Hogs", "sendreceive.providers.faulty:FileHog", process_limits={"open_files": 64}
    )
    the_run = run([account], tmp_path / "stores")
    lines = lines_of(the_run, "Hogs")
    if containment.counts_open_files(mechanism):
        assert the_run.tasks[0].snapshot().status is TaskStatus.FAILED
        assert any("killed: open files limit (64 files, open_files)" in ln for ln in lines), lines
    else:
        assert the_run.tasks[0].snapshot().status is TaskStatus.COMPLETED, lines
        assert "open_files per process only" in containment.line(mechanism)


SLOW_TO_END_PROVIDER = """
import os, subprocess, sys, time
from pathlib import Path
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

SPAWN = ("import os, sys, threading, time\\n"
         "while not os.path.exists(sys.argv[1]): time.sleep(0.01)\\n"
         "for _ in range(100): threading.Thread(target=time.sleep, args=(600,)).start()\\n")

class SlowToEnd:
    # A child that, once the go file exists, starts 100 threads; the provider's own
    # process waits for it (the test freezes that process meanwhile).
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        store = psibpb.psesSync.store_dir
        spawner = subprocess.Popen([sys.executable, "-c", SPAWN, str(store / "go")])
        cb.Progress("Waiting", 1, 2)
        (store / "ready").write_text(str(os.getpid()))
        spawner.wait()
        cb.Done(None, S_OK)
        return S_OK
"""


def test_a_limit_is_named_when_hit_though_the_tree_is_slow_to_end(tmp_path, mechanism):
    """A process of the tree that a SIGKILL cannot end yet (in disk I/O; here frozen)
    keeps the keeper from reporting the tree's end; the limit the tree passed is named at
    once all the same, the task ends Failed by it — not, seconds later, by its time
    limit as a plain time-out — and the tree ends once the process can."""
    reason = freezer.why_not_available()
    if reason:
        pytest.skip(reason)
    provider = tmp_path / "slow_to_end.py"
    provider.write_text(SLOW_TO_END_PROVIDER)
    account = Account("Slow", f"{provider}:SlowToEnd", process_limits={"threads": 40})
    the_run = Run(
        [account],
        tmp_path / "stores",
        replace(LIMITS, task_timeout=600.0),
        host_factory=host_factory("process", [account]),
    )
    running = threading.Thread(target=asyncio.run, args=(the_run.execute(),))
    running.start()
    try:
        (task,) = the_run.tasks
        store = store_dir(tmp_path / "stores", "Slow")
        assert wait_until(lambda: (store / "ready").exists(), 60), "the provider did not start"
        pid = task.host.pid
        assert pid is not None
        with freezer.frozen(pid, "slow-to-end"):
            (store / "go").touch()
            assert wait_until(lambda: task.snapshot().status is TaskStatus.FAILED, 60)
            assert not process_gone(pid), "the provider's process ended: nothing was slow"
        lines = lines_of(the_run, "Slow")
        assert any("killed: thread limit (40 threads, threads)" in ln for ln in lines), lines
    finally:
        running.join(120)
    assert not running.is_alive(), "the run did not end once the process could"
    assert process_gone(pid)
