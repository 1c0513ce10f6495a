"""Process isolation beyond the catalogue: what a provider's process leaves behind
(nothing), the password's way into it, fresh code per run, bounded output, state at a
bounded rate, and deaths named by the real program."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.hostile import LIMITS, main_py
from helpers.waiting import process_gone, wait_until

from sendreceive.config.profile import Account
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.process.fork_server import NICENESS
from sendreceive.hosting.process.host import ProcessHost
from sendreceive.paths import store_dir
from sendreceive.run.english import error_line, status_text
from sendreceive.run.send_receive import Run
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.trace import CANCEL_REQUESTED, DONE, PROGRESS, SYNC_CALLED
from sendreceive.tracking.tracker import TaskStatus

ROOT = Path(__file__).resolve().parents[2]


def run_in_processes(accounts: list[Account], store: Path, **limits: float) -> Run:
    run = Run(
        accounts,
        store,
        replace(LIMITS, task_timeout=None, **limits),
        host_factory=host_factory("process", accounts),
    )
    asyncio.run(run.execute())
    return run


HUB_THREADS = {"provider-hub", "provider-spawner", "provider-fork-server"}  # one per app


@pytest.mark.parametrize(
    "provider",
    [
        "sendreceive.providers.faulty:IgnoresCancel",
        "sendreceive.providers.faulty:HangsSilently",
        "sendreceive.providers.faulty:BusyIgnoringCancel",
    ],
)
def test_cancel_ignored_leaves_no_thread_and_no_process(tmp_path, provider):
    account = Account(f"Stubborn {provider}", provider)
    accounts = [account]
    threads_before = set(threading.enumerate())
    run = Run(accounts, tmp_path, LIMITS, host_factory=host_factory("process", accounts))

    async def cancel_once_running() -> None:
        execution = asyncio.ensure_future(run.execute())
        while run.tasks[0].tracker.status is not TaskStatus.RUNNING:
            await asyncio.sleep(0.01)
        run.cancel_all()
        await execution

    asyncio.run(cancel_once_running())
    task = run.tasks[0]
    assert isinstance(task.host, ProcessHost)
    state = task.snapshot()
    assert state.status is TaskStatus.CANCELLED, status_text(state)
    lines = [error_line(e) for e in run.error_log.entries]
    assert any(
        "did not stop within 0.5 s of Cancel; its process was stopped." in ln for ln in lines
    )
    pid = task.host.pid
    assert pid is not None
    assert wait_until(lambda: process_gone(pid)), f"process {pid} is still there"
    assert wait_until(lambda: task.host.finished)
    new_threads = {t.name for t in set(threading.enumerate()) - threads_before}
    assert new_threads <= HUB_THREADS
    # Stopped by SIGTERM, it shipped its trace first: the Calls tab shows what it did.
    names = [call.name for call in task.tracker.trace_since(0).calls]
    assert SYNC_CALLED in names and CANCEL_REQUESTED in names, names


def test_a_process_the_provider_started_ends_with_it(tmp_path):
    """...and is named on the task's line (the pid the provider saw may be its PID
    namespace's: the line gives the app's)."""
    run = run_in_processes(
        [Account("Parent", "sendreceive.providers.faulty:LeavesChildProcess")], tmp_path
    )
    assert run.tasks[0].snapshot().status is TaskStatus.COMPLETED
    lines = [error_line(e) for e in run.error_log.entries]
    (left,) = [line for line in lines if "left 1 process(es) behind, killed with it" in line]
    match = re.search(r"sleep \((\d+)\)", left)
    assert match, left
    grandchild = int(match[1])
    assert wait_until(lambda: process_gone(grandchild)), f"sleep {grandchild} outlived it"


PASSWORD_PROVIDER = """
import os
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Reads:
    def __init__(self, password_env):
        pass

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        seen = sorted(k for k in os.environ if k.startswith(("WORKBENCH_SECRET", "UNRELATED")))
        ok = psibpb.psesSync.password() == "mine-" + psibpb.psesSync.account_name
        dumpable = __import__("sendreceive.secrets_guard").secrets_guard.dumpable()
        cb.Error(1, f"env {seen} password {'right' if ok else 'wrong'} dumpable {dumpable}")
        cb.Done(None, S_OK)
        return S_OK
"""


def test_the_password_crosses_the_pipe_and_no_secret_is_in_the_environment(tmp_path, monkeypatch):
    """Each account's process gets its own password when it asks; no account's
    password_env variable, nor anything of the app's environment outside the allow-list
    (a token the user's shell exported), is in any provider's environment; and the
    provider's process is not dumpable."""
    provider = tmp_path / "reads.py"
    provider.write_text(PASSWORD_PROVIDER)
    accounts = []
    monkeypatch.setenv("UNRELATED_API_TOKEN", "the user's other secret")
    for name in ("A", "B"):
        monkeypatch.setenv(f"WORKBENCH_SECRET_{name}", f"mine-{name}")
        settings = {"password_env": f"WORKBENCH_SECRET_{name}"}
        accounts.append(Account(name, f"{provider}:Reads", settings=settings))
    run = run_in_processes(accounts, tmp_path / "stores")
    texts = sorted(e.text for e in run.error_log.entries)
    assert texts == ["env [] password right dumpable False"] * 2


FRESH_PROVIDER = """
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Provider:
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Progress("{step}", 1, 1)
        cb.Done(None, S_OK)
        return S_OK
"""


def test_each_run_loads_the_providers_code_fresh(tmp_path, monkeypatch):
    """``module:attr`` (and entry points) too, not only provider files: an author edits
    a module and presses F9 again."""
    package = tmp_path / "src"
    package.mkdir()
    monkeypatch.setenv("PYTHONPATH", str(package))
    module = package / "fresh_provider_module.py"
    steps = []
    for step in ("first version", "second version"):
        module.write_text(FRESH_PROVIDER.format(step=step))
        run = run_in_processes([Account("Fresh", "fresh_provider_module:Provider")], tmp_path)
        steps.append(run.tasks[0].snapshot().step)
    assert steps == ["first version", "second version"]


SCHEDULING_PROVIDER = """
import os, threading
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Reports:
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        seen = []
        worker = threading.Thread(target=lambda: seen.append(os.getpriority(os.PRIO_PROCESS, 0)))
        worker.start()
        worker.join()
        cb.Progress(f"{os.getpriority(os.PRIO_PROCESS, 0)} {seen[0]}", 1, 1)
        cb.Done(None, S_OK)
        return S_OK
"""


def test_providers_leave_the_cpu_to_the_app_first(tmp_path):
    """Providers run at a lower priority than the app, their threads included, so that
    busy ones leave the GUI thread more of a CPU (bench B2)."""
    provider = tmp_path / "reports.py"
    provider.write_text(SCHEDULING_PROVIDER)
    account = Account("Sched", f"{provider}:Reports")
    run = run_in_processes([account], tmp_path / "stores")
    assert os.getpriority(os.PRIO_PROCESS, 0) < NICENESS
    assert run.tasks[0].snapshot().step == f"{NICENESS} {NICENESS}"


WATCHED_PROVIDER = """
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Watched:
    def __init__(self, release):
        self.release = release  # a FIFO: reading it waits until the test writes

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Progress("Watched step", 1, 2)
        with open(self.release) as release:
            release.read()
        cb.Done(None, S_OK)
        return S_OK
"""


def let_go(fifo: Path) -> None:
    """Release the watched provider (its process is reading the FIFO)."""
    with open(fifo, "w") as release:
        release.write("go")


def test_the_calls_of_a_running_provider_process_cross_while_somebody_reads_them(tmp_path):
    """The Calls tab reads the trace every refresh: in process isolation each read asks
    the provider's process (at a bounded rate) for what it traced since, so a provider
    is watched as it runs, not only once it has ended."""
    provider = tmp_path / "watched.py"
    provider.write_text(WATCHED_PROVIDER)
    release = tmp_path / "release"
    os.mkfifo(release)
    account = Account("Watched", f"{provider}:Watched", settings={"release": str(release)})
    run = Run([account], tmp_path / "stores", LIMITS, host_factory=host_factory("process", []))
    seen: list[str] = []

    async def watch() -> None:
        execution = asyncio.ensure_future(run.execute())
        tracker = run.tasks[0].tracker
        deadline = time.monotonic() + 10
        while PROGRESS not in seen:
            if time.monotonic() > deadline:
                await execution  # the task's time limit stops the provider
                pytest.fail(f"no Progress crossed while the provider ran: {seen}")
            seen[:] = [call.name for call in tracker.trace_since(0).calls]
            await asyncio.sleep(0.05)
        assert tracker.status is TaskStatus.RUNNING
        await asyncio.to_thread(let_go, release)
        await execution

    asyncio.run(watch())
    run.settle()
    names = [call.name for call in run.tasks[0].tracker.trace_since(0).calls]
    assert names[: len(seen)] == seen and names.count(PROGRESS) == 1 and DONE in names


def test_fifty_megabytes_of_stdout_reach_the_log_bounded(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="sendreceive.provider")
    run = run_in_processes([Account("Loud", "sendreceive.providers.faulty:PrintsFlood")], tmp_path)
    assert run.tasks[0].snapshot().status is TaskStatus.COMPLETED
    host = run.tasks[0].host
    assert isinstance(host, ProcessHost)
    assert wait_until(lambda: host.finished)  # its output is read to the end
    ours = [r for r in caplog.records if r.name == "sendreceive.provider.Loud"]
    assert len(ours) < 200  # about 50 lines a second, then one line for the rest
    assert any("bytes of the provider's output not logged" in r.getMessage() for r in ours)


def test_printed_lines_are_output_and_log_records_keep_their_level(tmp_path, caplog):
    """A line that starts with "ERROR" or "DEBUG" is what the provider printed, logged as
    such; its process's log records cross as records, with their own level and logger."""
    caplog.set_level(logging.DEBUG, logger="sendreceive.provider")
    provider = tmp_path / "logs_and_prints.py"
    provider.write_text(
        textwrap.dedent(
            """
            import logging, sys
            from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

            class Provider:
                def SynchronizeInBackground(self, psibpb):
                    cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
                    psibpb.psesSync.logger.debug("fetched %d messages", 3)
                    logging.getLogger("imapclient").error("server said BYE")
                    print("ERROR is a folder on this server")
                    print("DEBUG mode: on", file=sys.stderr)
                    sys.stdout.flush()
                    cb.Done(None, S_OK)
                    return S_OK
            """
        )
    )
    printer = Account("Printer", "sendreceive.providers.faulty:PrintsLogLikeLines")
    run = run_in_processes([Account("Logs", f"{provider}:Provider"), printer], tmp_path)
    assert all(t.snapshot().status is TaskStatus.COMPLETED for t in run.tasks)
    for task in run.tasks:
        host = task.host
        assert isinstance(host, ProcessHost)
        assert wait_until(lambda host=host: host.finished)  # its output is read to the end
    seen = {(r.name, r.levelno, r.getMessage()) for r in caplog.records}
    logs, printed = "sendreceive.provider.Logs", "sendreceive.provider.Printer"
    assert {
        (logs, logging.DEBUG, "fetched 3 messages"),
        (logs, logging.ERROR, "[imapclient] server said BYE"),
        (logs, logging.INFO, "[stdout] ERROR is a folder on this server"),
        (logs, logging.WARNING, "[stderr] DEBUG mode: on"),
        (printed, logging.INFO, "[stdout] ERROR is the word the server used for folder 'Junk'"),
        (printed, logging.INFO, "[stdout] DEBUG mode: on"),
    } <= seen


def test_a_flood_of_log_records_crosses_bounded_and_counted(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="sendreceive.provider")
    provider = tmp_path / "chatty.py"
    provider.write_text(
        textwrap.dedent(
            """
            from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

            class Provider:
                def SynchronizeInBackground(self, psibpb):
                    cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
                    for i in range(20_000):
                        psibpb.psesSync.logger.info("message %d fetched", i)
                    cb.Done(None, S_OK)
                    return S_OK
            """
        )
    )
    run = run_in_processes([Account("Chatty", f"{provider}:Provider")], tmp_path)
    assert run.tasks[0].snapshot().status is TaskStatus.COMPLETED
    host = run.tasks[0].host
    assert isinstance(host, ProcessHost)
    assert wait_until(lambda: host.finished)
    ours = [r.getMessage() for r in caplog.records if r.name == "sendreceive.provider.Chatty"]
    assert len(ours) < 200, len(ours)  # about 50 a second
    assert ours[0] == "message 0 fetched"
    said = ("log records not sent to the app", "of the provider's output not logged")
    assert any(words in message for message in ours for words in said), ours[-3:]


def test_state_crosses_at_a_bounded_rate_with_exact_counts(tmp_path):
    """100,000 Error calls: the app's tracker changes at most 50 times a second, and
    the count is exact."""
    started = time.monotonic()
    run = run_in_processes([Account("Flood", "sendreceive.providers.faulty:ErrorFlood")], tmp_path)
    elapsed = time.monotonic() - started
    state = run.tasks[0].snapshot()
    assert state.errors == 100_000
    assert [e.count for e in run.error_log.entries if e.kind is ErrorKind.ERROR] == [100_000]
    assert state.version <= 50 * elapsed + 10


def test_headless_names_every_death_and_exits_1(tmp_path):
    providers = [
        "demo-fast",
        "sendreceive.providers.faulty:ExitsProcess",
        "sendreceive.providers.faulty:Segfaults",
        "sendreceive.providers.faulty:Aborts",
    ]
    args = [arg for spec in providers for arg in ("--provider", spec)]
    done = main_py("--headless", "--store-dir", str(tmp_path), *args)
    assert done.returncode == 1, done.stderr[-2000:]
    out = done.stdout
    assert "1 of 4 tasks have completed successfully" in out
    assert "exit code 3 in SynchronizeInBackground" in out
    assert "signal 11 (SIGSEGV) in SynchronizeInBackground" in out
    assert "signal 6 (SIGABRT) in SynchronizeInBackground" in out
    for spec in providers:  # an account is named after its provider's attr
        name = spec.rpartition(":")[2]
        assert any(line.startswith(f"{name} - Receiving  ") for line in out.splitlines())


def test_a_provider_process_does_not_import_qt(tmp_path):
    script = textwrap.dedent(
        """
        import sys
        from sendreceive.hosting.process import child, fork_server  # a provider process runs
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_a_cpu_limit_hit_is_named(tmp_path):
    """The catastrophic regex, with ``cpu_seconds = 1``: killed by the kernel at the
    limit, long before any time limit of the host's."""
    hog = Account(
        "Hog", "sendreceive.providers.faulty:CatastrophicRegex", process_limits={"cpu_seconds": 1}
    )
    run = run_in_processes([hog], tmp_path)
    state = run.tasks[0].snapshot()
    assert state.status is TaskStatus.FAILED
    lines = [error_line(e) for e in run.error_log.entries]
    assert any(
        "died: killed: CPU time limit (1 s, cpu_seconds) in SynchronizeInBackground" in line
        for line in lines
    ), lines


HOG_PROVIDER = """
import ctypes, os, re, subprocess
from pathlib import Path
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Hog:
    # Marks its process (its thread's name) and its child (its environment) with the store's
    # name: in a PID namespace its own pids are not the app's, so the test finds both
    # in the app's /proc by their marks.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        store = Path(psibpb.psesSync.store_dir)
        mark = store.name[-12:]
        ctypes.CDLL(None).prctl(15, mark.encode(), 0, 0, 0)  # PR_SET_NAME
        subprocess.Popen(["sleep", "600"], env={"HOG_MARK": mark})
        (store / "marked").write_text(mark)
        cb.Progress("Hogging", 1, 2)
        re.match(r"(a+)+$", "a" * 64 + "!")  # minutes in C code, holding the GIL
        return S_OK
"""


def marked(mark: str) -> list[int]:
    """The app's /proc numbers of the processes named ``mark`` or given it as HOG_MARK."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:  # the name is its provider thread's: PR_SET_NAME names the calling thread
            comms = {
                Path(f"/proc/{name}/task/{tid}/comm").read_text().strip()
                for tid in os.listdir(f"/proc/{name}/task")
            }
            environ = Path(f"/proc/{name}/environ").read_bytes()
        except OSError:
            continue
        if mark in comms or f"HOG_MARK={mark}".encode() in environ.split(b"\0"):
            found.append(int(name))
    return found


def test_providers_end_with_the_app_however_it_ends(tmp_path):
    """The app killed with SIGKILL leaves no provider process and none of its children,
    not even one in C code that never reads its socket's end: the kernel ends the fork
    server (parent-death signal), which kills every provider's process group."""
    provider = tmp_path / "hog.py"
    provider.write_text(HOG_PROVIDER)
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--headless", "--provider", f"{provider}:Hog",
         "--store-dir", str(tmp_path / "stores")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        mark_file = store_dir(tmp_path / "stores", "Hog") / "marked"
        assert wait_until(mark_file.exists, 30), "the provider did not start"
        mark = mark_file.read_text()
        assert wait_until(lambda: len(marked(mark)) == 2), marked(mark)  # it and its sleep
        pids = marked(mark)
    finally:
        app.kill()
        app.wait()
    for pid in pids:
        assert wait_until(lambda pid=pid: process_gone(pid)), f"{pid} outlived the app"


FORGER_PROVIDER = """
import gc, socket, threading
from sendreceive.hosting.process import messages


class Forger:
    '''Plays the provider's process itself: writes a frame of its own making onto the
    socket its process shares with the app, then waits to be stopped.'''

    def __init__(self, payload: str) -> None:
        self.payload = payload.encode()

    def SynchronizeInBackground(self, psibpb):
        (sock,) = [o for o in gc.get_objects() if isinstance(o, socket.socket)
                   and o.family == socket.AF_UNIX and o.fileno() >= 0]
        messages.send_frame(sock, self.payload)
        threading.Event().wait(60)
        return 0
"""


@pytest.mark.parametrize(
    ("payload", "named"),
    [
        ('{"t":"hello","version":1}', "hello twice"),
        ('{"t":"state","calls":1,"step":"","index":-1,"max":0,"done":null,"failed":null,'
         '"ended":[null,null],"entries":[]}', "state.index: -1 is below 0"),
        ('{"t":"outcome","hresult":0,"raised":null,"failure":null,"background":1}',
         "outcome.background: expected a boolean, got an integer"),
        ('{"t":"loaded","by":"me"}', "loaded: unknown field 'by'"),
        ('{"t":"ask_password","for":"Other account"}', "ask_password: unknown field 'for'"),
        ('{"t":"event","x":0}', "event: unknown field 'x'"),
        ('{"t":"password","value":"x","error":null}', "unknown message 'password'"),
    ],
)  # fmt: skip
def test_a_message_forged_in_a_providers_process_is_named_and_ends_only_its_task(
    tmp_path, payload, named
):
    """Every kind the app takes, forged wrong from inside the provider's process: the
    app names the field (or the kind), stops that process, and the other task runs on."""
    provider = tmp_path / "forger.py"
    provider.write_text(FORGER_PROVIDER)
    forger = Account("Forger", f"{provider}:Forger", settings={"payload": payload})
    run = run_in_processes([forger, Account("Fast", "demo-fast")], tmp_path / "stores")
    states = {task.snapshot().task.account: task.snapshot() for task in run.tasks}
    assert states["Fast"].status is TaskStatus.COMPLETED
    assert states["Forger"].status is TaskStatus.FAILED
    lines = [error_line(e) for e in run.error_log.entries]
    assert any(f"broke the host's protocol ({named}" in line for line in lines), lines


BAD_TRACE_PROVIDER = """
import gc, json, socket, zlib
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK
from sendreceive.hosting.process import messages


class BadTrace:
    '''Sends trace frames of its own making (one malformed line, one that inflates far
    past any budget), then completes.'''

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Progress("tracing", 1, 1)
        (sock,) = [o for o in gc.get_objects() if isinstance(o, socket.socket)
                   and o.family == socket.AF_UNIX and o.fileno() >= 0]
        line = {"line": "call", "seq": 0, "t": 0, "thread": "t", "name": "Progress",
                "args": [{"type": "object"}], "result": 0, "violation": False}
        messages.send_frame(sock, messages.trace_frame([line], 0))
        for _ in range(50):
            messages.send_frame(sock, messages.TRACE + zlib.compress(b" " * (8 << 20), 9))
        cb.Done(None, S_OK)
        return S_OK
"""


def test_record_writes_every_other_accounts_recording_past_a_forged_trace(tmp_path):
    """A provider's process forging its trace (a malformed line, decompression bombs)
    costs its own recording at most: ``--record`` writes the others', exits as the run
    does, and the app's memory stays bounded (the bombs are never inflated past the
    task's budget)."""
    provider = tmp_path / "bad_trace.py"
    provider.write_text(BAD_TRACE_PROVIDER)
    recorded = tmp_path / "recorded"
    done = subprocess.run(
        [
            sys.executable, str(ROOT / "main.py"), "--headless", "--isolation", "process",
            "--provider", f"{provider}:BadTrace", "--provider", "demo-fast",
            "--record", str(recorded), "--store-dir", str(tmp_path / "s"),
        ],
        capture_output=True, text=True, timeout=120, check=False,
        env=dict(os.environ, SENDRECEIVE_DEMO_SPEED="50"),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    names = sorted(path.name for path in recorded.iterdir())
    assert any(name.startswith("demo-fast") for name in names), names
    assert "trace unreadable" in done.stderr or "left out" in done.stderr, done.stderr
