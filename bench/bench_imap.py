"""Benchmark the IMAP provider against mbsync and offlineimap on the same server.

Seeds a private Dovecot (``tests/helpers/dovecot.py``), or Cyrus IMAPd with ``--server
cyrus`` (``tests/helpers/cyrus.py``), with ``--messages`` messages of
realistic sizes (2 KB to 1 MB, mostly small; fixed seed) in several folders, then for
each tool times a full sync into an empty local store and two no-change resyncs, and
reports peak RSS; then the provider's resync after one flag changed on the server.
The provider's first resync lists each folder's files once (the full sync's marks are
too recent to prove anything by the directories' times: see ``LocalMark``) and marks
them anew; the second is what every later quiet resync costs (with
QRESYNC, one SELECT per folder and no file listed). mbsync and offlineimap are
measured where installed:

    apt-get install isync offlineimap3

Every tool runs as a child process with its sync flags at their fullest (download and
upload, flags both ways) and its default durability (mbsync and offlineimap fsync each
message; the provider syncs once per batch). The provider's own in-process time (what
the host sees, without interpreter start-up) is shown beside the process's wall time,
and for the resyncs the CPU time it took (the rest is waiting for the server).

    .venv/bin/python bench/bench_imap.py [--messages 10000] [--folders 5] [--seed 1]
                                         [--server dovecot|cyrus] [--small]
                                         [--storage maildir|mdbox] [--connections 1,2]
                                         [--pipelining off,on]

``--storage mdbox`` runs Dovecot with its mdbox storage (what large installations use)
instead of maildir, seeded through ``doveadm import``. After the flag-change resync, the
server's own part is measured alone: a QRESYNC ``SELECT`` after one flag changed in
another session, ``SELECT_RUNS`` times (median and minimum).

``--connections`` adds the provider's full sync with those ``connections`` settings (the
first run uses the default), each into a new store, with its ratio to mbsync's;
``--pipelining`` the same with those ``pipelining`` settings (with both, every pair).

``latency`` times the provider's full sync against the fake server of the tests
answering each FETCH after a delay (a distant server, or Cyrus's ~40 ms of work per
FETCH), with ``pipelining`` off and on, alternating, for each ``connections`` setting:

    .venv/bin/python bench/bench_imap.py latency [--messages 10000] [--delays 40,100]
                                         [--connections 1,3] [--repeat 2]

``memory`` measures the provider process's peak RSS receiving one 50 MiB message from
the real server (beside mbsync's, and beside the provider's own on an empty mailbox in
the same run), and from the fake server of the tests announcing 40 messages of 25 MB as
100 bytes each (a server whose sizes lie):

    .venv/bin/python bench/bench_imap.py memory [--server dovecot|cyrus]

``kills`` seeds one folder (200,000 small messages by default), times one uninterrupted
sync into a store of its own, then SIGKILLs the provider's process ``--kills`` times at
random moments of another (a delay after its start, a position of its download, the
moment a state write has begun; the seed is printed, ``--kill-seed`` repeats a run),
resuming each time; then kills two runs with local flag changes to upload (before the
upload, then after it while its state is written). The verdict: every server message
on disk once (by UID and by content digest), byte for byte, nothing else in ``cur/`` or
``new/``, the state knows every file, and one more sync changes nothing (server STATUS
with HIGHESTMODSEQ and the local names unchanged, nothing received):

    .venv/bin/python bench/bench_imap.py kills [--messages 200000] [--kills 8]
                                         [--server dovecot|cyrus] [--kill-seed N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from imapclient import IMAPClient

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from sendreceive.contract import (  # noqa: E402
    MAPISIB,
    S_OK,
    IID_IMAPISyncProgressCallback,
    SyncFlags,
    format_hresult,
)
from sendreceive.hosting.session import Session  # noqa: E402
from sendreceive.providers.imap import ImapProvider  # noqa: E402
from sendreceive.providers.imap.maildir_store import RACY_NS, MaildirStore  # noqa: E402
from tests.helpers import cyrus, dovecot  # noqa: E402

sys.path.insert(0, str(REPO_ROOT / "tests"))  # the fake server imports its siblings so
from helpers import fake_imap  # type: ignore[import-not-found]  # noqa: E402  # tests/ joins the path at run time only

Server = dovecot.Dovecot | cyrus.Cyrus

FLAGS = (
    SyncFlags.SYNC_DOWNLOAD_HIERARCHY
    | SyncFlags.SYNC_DOWNLOAD_CONTENTS
    | SyncFlags.SYNC_UPLOAD_CONTENTS
    | SyncFlags.SYNC_ON_DEMAND
)
FOLDER_NAMES = ["INBOX", "Archive", "Lists/python-dev", "Lists/debian-user", "Sent", "Projects"]
MIN_SIZE, MAX_SIZE = 2 * 1024, 1024 * 1024
SMALL_SIZE = 1024
GNU_TIME = "/usr/bin/time"  # Debian package "time"
SERVER_NAME = "localhost"  # mbsync and offlineimap check only the certificate's DNS names
SAMPLE_TEXT = (
    "the of and to in is that for it as was with be by on not he this are or his from at "
    "which but have an they you were her she there been one all we their has would when "
    "meeting report attached please review thanks regards project update release build"
)
WORDS = SAMPLE_TEXT.split()


# --------------------------------------------------------------------------- mail


def message_size(rng: random.Random) -> int:
    """Mostly small text mail (log-normal, median 6 KB) and ~3% with an attachment."""
    if rng.random() < 0.03:
        size = math.exp(rng.uniform(math.log(100 * 1024), math.log(MAX_SIZE)))
    else:
        size = rng.lognormvariate(math.log(6 * 1024), 1.0)
    return int(min(MAX_SIZE, max(MIN_SIZE, size)))


def make_message(rng: random.Random, number: int, size: int, text: bytes) -> bytes:
    head = (
        f"Return-Path: <sender{number % 97}@example.org>\r\n"
        f"From: Sender {number % 97} <sender{number % 97}@example.org>\r\n"
        "To: Bench User <bench@example.org>\r\n"
        f"Subject: {' '.join(rng.choices(WORDS, k=6))} #{number}\r\n"
        f"Date: Mon, {1 + number % 28} Jul 2024 {number % 24:02}:{number % 60:02}:00 +0000\r\n"
        f"Message-ID: <bench.{number}.{rng.getrandbits(48):x}@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    ).encode()
    start = text.index(b"\r\n", rng.randrange(len(text) // 2)) + 2
    body = text[start : start + size - len(head)]
    while len(head) + len(body) < size:  # large messages: repeat the text
        body += text[: size - len(head) - len(body)]
    return head + body[: body.rfind(b"\r\n") + 2]  # whole lines: no bare CR or LF (Cyrus)


def seed(
    server: Server, user: str, count: int, folders: list[str], seed_value: int, small: bool
) -> int:
    """Deliver ``count`` messages (``small``: of ``SMALL_SIZE`` bytes each, so that a
    folder of 200,000 is seeded in minutes); returns the total bytes."""
    rng = random.Random(seed_value)
    line_words = [" ".join(rng.choices(WORDS, k=12)) for _ in range(40_000)]
    text = "\r\n".join(line_words).encode() * 3  # ~3 MB of text to cut messages from
    total = 0
    for index, folder in enumerate(folders):
        share = count // len(folders) + (index < count % len(folders))
        batch = []
        for number in range(share):
            data = make_message(rng, number, SMALL_SIZE if small else message_size(rng), text)
            total += len(data)
            batch.append(data)
        server.deliver(user, folder, batch)
    return total


def warm_up(server: Server, user: str, folders: list[str]) -> None:
    """Let the server index the delivered mail and read every message once, so that no
    tool is charged for work the server does only the first time."""
    with server.client(user, timeout=300) as client:
        for folder in folders:
            count = client.select_folder(folder, readonly=True)[b"EXISTS"]
            for start in range(1, count + 1, 500):  # by number: no SEARCH line of them all
                client._imap.fetch(f"{start}:{min(start + 499, count)}", "(FLAGS BODY.PEEK[])")


def flag_one(server: Server, user: str, folder: str) -> None:
    """Flag the folder's middle message on the server, as another mail reader would."""
    with server.client(user, timeout=300) as client:
        count = client.select_folder(folder)[b"EXISTS"]
        client.use_uid = False
        client.add_flags([max(1, count // 2)], [b"\\Flagged"])


SELECT_RUNS = 7


def select_alone(server: Server, user: str, folder: str) -> dict[str, list[float]]:
    """The server's own part of a resync, without the provider, ``SELECT_RUNS`` times
    each, on a new connection as the provider opens one: ``ENABLE QRESYNC``, a QRESYNC
    ``SELECT`` of ``folder`` with nothing changed since (``quiet``: no other session
    there), then one after a flag changed in another session (``changed``)."""
    seconds: dict[str, list[float]] = {"enable": [], "quiet": [], "changed": []}
    for _ in range(SELECT_RUNS):
        with server.client(user, timeout=300) as client:
            since = _enabled(client, folder, seconds["enable"])
            seconds["quiet"].append(_timed_select(client, folder, since))
    with server.client(user, timeout=300) as other:
        count = other.select_folder(folder)[b"EXISTS"]
        other.use_uid = False
        for run in range(SELECT_RUNS):
            with server.client(user, timeout=300) as client:
                since = _enabled(client, folder, [])
                change = other.add_flags if run % 2 else other.remove_flags
                change([max(1, count // 2)], [b"\\Flagged"])
                seconds["changed"].append(_timed_select(client, folder, since))
    return seconds


def _enabled(client: IMAPClient, folder: str, seconds: list[float]) -> str:
    """``ENABLE QRESYNC`` (timed into ``seconds``); the QRESYNC parameter of a SELECT
    since the folder's current state. Nagle's algorithm off, as the provider's wire has
    it: else a command may wait for the server's delayed ACK (43 ms on Cyrus)."""
    client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    started = time.perf_counter()
    client.enable("QRESYNC")
    seconds.append(time.perf_counter() - started)
    status = client.folder_status(folder, [b"UIDVALIDITY", b"HIGHESTMODSEQ"])
    return f"(QRESYNC ({status[b'UIDVALIDITY']} {status[b'HIGHESTMODSEQ']}))"


def _timed_select(client: IMAPClient, folder: str, since: str) -> float:
    started = time.perf_counter()
    answer, _ = client._imap._simple_command("SELECT", f'"{folder}"', since)
    elapsed = time.perf_counter() - started
    client._imap.untagged_responses.clear()
    if answer != "OK":
        raise RuntimeError(f"the QRESYNC SELECT was answered {answer}")
    return elapsed


def _median_and_min(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    return f"{ordered[len(ordered) // 2] * 1000:.1f}/{ordered[0] * 1000:.1f} ms"


# --------------------------------------------------------------------------- runs


@dataclass
class Run:
    wall: float
    peak_rss_mib: float
    inner: float | None = None  # the provider's own time, without start-up
    cpu: float | None = None  # the CPU time it took of that (the rest: waiting for the server)


def measure(command: list[str]) -> tuple[Run, str]:
    """Run a child to its end: wall time, and its peak RSS as GNU time reports it.

    Not ``os.wait4`` here: Linux counts the RSS a child inherits at fork (this big
    process) into its ``ru_maxrss``; GNU time is small, so its child's figure is its own.
    """
    started = time.perf_counter()
    done = subprocess.run(
        [GNU_TIME, "-f", "%M", *command], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {done.returncode}: {done.stderr[-2000:]}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return Run(wall, peak_kib / 1024), done.stdout


class Provider:
    """The provider, run in a child process with ``settings``, into ``store``."""

    name = "provider"

    def __init__(self, settings: dict[str, object], store: Path) -> None:
        self.settings = settings
        self.store = store

    @classmethod
    def on(cls, server: Server, user: str, password: str, work: Path) -> Provider:
        """The provider for ``user`` on the real ``server``, into ``work/provider``."""
        settings: dict[str, object] = {
            "host": SERVER_NAME,
            "port": server.ssl_port,
            "username": user,
            "password": password,
            "security": "ssl",
            "ca_file": str(server.ca_file),
        }
        return cls(settings, work / "provider")

    def sync(self) -> Run:
        command = [sys.executable, __file__, "child", json.dumps(self.settings), str(self.store)]
        run, output = measure(command)
        result = json.loads(output)
        if result["hresult"] != S_OK:
            raise RuntimeError(f"provider sync failed: {format_hresult(result['hresult'])}")
        run.inner, run.cpu = result["seconds"], result["cpu"]
        return run

    def count(self) -> int:
        return sum(1 for path in self.store.glob("Maildir/**/*,U=*") if path.is_file())


class Mbsync:
    name = "mbsync"

    def __init__(self, server: Server, user: str, password: str, work: Path) -> None:
        self.store = work / "mbsync"
        self.store.mkdir()
        self.config = work / "mbsyncrc"
        self.config.write_text(
            f"IMAPAccount bench\nHost {SERVER_NAME}\nPort {server.ssl_port}\nUser {user}\n"
            f"Pass {password}\nSSLType IMAPS\nCertificateFile {server.ca_file}\n\n"
            "IMAPStore remote\nAccount bench\n\n"
            f"MaildirStore local\nPath {self.store}/\nInbox {self.store}/INBOX\n"
            "SubFolders Verbatim\n\n"
            "Channel bench\nFar :remote:\nNear :local:\nPatterns *\nCreate Near\n"
            "Sync All\nSyncState *\n"
        )

    def sync(self) -> Run:
        return measure(["mbsync", "-q", "-c", str(self.config), "-a"])[0]


class OfflineImap:
    name = "offlineimap"

    def __init__(self, server: Server, user: str, password: str, work: Path) -> None:
        self.config = work / "offlineimaprc"
        self.config.write_text(
            f"[general]\naccounts = bench\nmetadata = {work / 'offlineimap-meta'}\n\n"
            "[Account bench]\nlocalrepository = local\nremoterepository = remote\n\n"
            f"[Repository local]\ntype = Maildir\nlocalfolders = {work / 'offlineimap'}\n\n"
            f"[Repository remote]\ntype = IMAP\nremotehost = {SERVER_NAME}\n"
            f"remoteport = {server.ssl_port}\nremoteuser = {user}\nremotepass = {password}\n"
            f"ssl = yes\nsslcacertfile = {server.ca_file}\n"
        )
        (work / "offlineimap").mkdir()

    def sync(self) -> Run:
        return measure(["offlineimap", "-c", str(self.config), "-u", "quiet"])[0]


# --------------------------------------------------------------------------- child


class _Callback:
    """The smallest host: cancels nothing, remembers the result; ``progress``: prints each
    position, for a parent that kills the process at chosen moments (``kills``)."""

    hresult: int | None = None

    def __init__(self, progress: bool) -> None:
        self._progress = progress

    def Progress(self, pwcszProgress: str | None, ulIndex: int, ulIndexMax: int) -> int:
        if self._progress:
            print(f"progress {ulIndex} {ulIndexMax}", flush=True)
        return S_OK

    def Error(self, hResult: int, pwcszErrorStr: str) -> int:
        print(f"{format_hresult(hResult)}: {pwcszErrorStr}", file=sys.stderr)
        return S_OK

    def Done(self, hThreadDoneEvent: object, hResult: int) -> int:
        self.hresult = hResult
        return S_OK

    def QueryInterface(self, riid: object) -> _Callback:
        assert riid == IID_IMAPISyncProgressCallback
        return self


def child(settings_json: str, store: str, progress: bool = False) -> None:
    """One provider sync, as the host runs it; prints its HRESULT and in-process time."""
    settings = json.loads(settings_json)
    callback = _Callback(progress)
    session = Session("bench", settings, Path(store), logging.getLogger("bench"), bool)
    started, cpu = time.perf_counter(), time.process_time()
    sib = MAPISIB(ulFlags=FLAGS, psesSync=session, punkCallBack=callback)
    ImapProvider(**settings).SynchronizeInBackground(sib)
    sib.phSyncDoneEvent.value.wait()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"hresult": callback.hresult, "seconds": seconds, "cpu": cpu}))


# --------------------------------------------------------------------------- main


class Tool(Protocol):
    """What the benchmark asks of each syncing tool."""

    def sync(self) -> Run: ...


TOOLS: dict[str, Callable[[Server, str, str, Path], Tool]] = {
    "provider": Provider.on,
    "mbsync": Mbsync,
    "offlineimap": OfflineImap,
}
MiB = 1024 * 1024


def _ratio(mine: float, theirs: float, target: str) -> str:
    return f"{mine / theirs:.2f}x ({target})"


def _lying_mailbox(count: int, size: int) -> fake_imap.Mailbox:
    """``count`` messages of ``size`` bytes, each announced (RFC822.SIZE) as 100 bytes."""
    line = b"y" * 998 + b"\r\n"

    def stream(number: int) -> Callable[[], list[bytes]]:
        head = f"Message-ID: <lie{number}@example.org>\r\n\r\n".encode()
        return lambda: [head, line * ((size - len(head)) // len(line))]

    lengths = [len(b"".join(stream(n)())) for n in range(count)]
    messages = [
        fake_imap.Message(size=100, literal_size=length, stream=stream(n))
        for n, length in enumerate(lengths)
    ]
    return fake_imap.Mailbox([fake_imap.Folder("INBOX", messages)])


def memory(argv: list[str]) -> int:
    """Peak RSS of the provider's process: one 50 MiB message, then the size lie."""
    parser = argparse.ArgumentParser(prog="bench_imap.py memory")
    parser.add_argument("--server", choices=("dovecot", "cyrus"), default="dovecot")
    args = parser.parse_args(argv)
    if not shutil.which(GNU_TIME):
        parser.error(f"{GNU_TIME} measures peak RSS: apt-get install time")
    running = cyrus.running if args.server == "cyrus" else dovecot.running
    with running(users=1) as server, tempfile.TemporaryDirectory(prefix="bench-imap-") as tmp:
        user, password = server.take_user()
        idle = Provider.on(server, user, password, Path(tmp) / "empty").sync()
        rng = random.Random(1)
        text = "\r\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(40_000)).encode()
        server.deliver(user, "INBOX", [make_message(rng, 1, 50 * MiB, text)])
        warm_up(server, user, ["INBOX"])
        runs = {"provider, empty mailbox": idle}
        runs["provider"] = Provider.on(server, user, password, Path(tmp)).sync()
        if shutil.which("mbsync"):
            runs["mbsync"] = Mbsync(server, user, password, Path(tmp)).sync()
        print(f"{server.name}: one message of 50 MiB")
        for name, run in runs.items():
            print(f"  {name:24} peak RSS {run.peak_rss_mib:6.1f} MiB   wall {run.wall:6.2f} s")
        mine = runs["provider"].peak_rss_mib
        print(
            f"  provider: {mine:.1f} MiB (target <= 100 MiB), "
            f"{mine - idle.peak_rss_mib:+.1f} MiB over the empty mailbox"
            + (f", {mine / runs['mbsync'].peak_rss_mib:.2f}x mbsync" if "mbsync" in runs else "")
        )
        with fake_imap.serving(_lying_mailbox(40, 25_000_000)) as fake:
            liar = Provider(fake.settings(batch_size=250), Path(tmp) / "liar" / "provider")
            lie = liar.sync()
            stored = liar.count()
        if stored != 40:
            raise RuntimeError(f"the provider stored {stored} of the 40 messages")
        print(
            "fake server: 40 messages of 25 MB announced as 100 bytes each\n"
            f"  provider peak RSS {lie.peak_rss_mib:.1f} MiB (target <= 150 MiB), "
            f"{lie.peak_rss_mib - idle.peak_rss_mib:+.1f} MiB over the empty mailbox,"
            f" wall {lie.wall:.2f} s"
        )
    return 0


def _full_sync_with(syncer: Provider, changes: dict[str, object]) -> tuple[str, Run]:
    """The provider's full sync into its (new) store with ``changes`` to its settings:
    their description, and the run."""
    syncer.settings.update(changes)
    label = ", ".join(f"{key} = {_setting(value)}" for key, value in changes.items())
    full = syncer.sync()
    if full.inner is None or full.cpu is None:
        raise RuntimeError("the provider's child did not say its time")
    print(
        f"provider, {label}: full sync {full.wall:7.2f} s"
        f" (in-process: {full.inner:.2f} s, CPU {full.cpu:.2f} s)   peak RSS"
        f" {full.peak_rss_mib:6.1f} MiB",
        flush=True,
    )
    return label, full


def _setting(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _switches(connections: str, pipelining: str) -> list[dict[str, object]]:
    """The settings of the extra full syncs: every pair of the two lists given."""
    counts: list[object] = [int(text) for text in connections.split(",") if text]
    modes: list[object] = [
        {"on": True, "off": False}[text] for text in pipelining.split(",") if text
    ]
    pairs = [
        {
            key: value
            for key, value in (("connections", count), ("pipelining", mode))
            if value is not None
        }
        for count in counts or [None]
        for mode in modes or [None]
    ]
    return [pair for pair in pairs if pair]


# --------------------------------------------------------------------------- latency


def _fake_mailbox(count: int, folders: list[str]) -> fake_imap.Mailbox:
    """``count`` messages of 4 KB, shared out over ``folders``."""
    rng = random.Random(1)
    text = "\r\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(4_000)).encode()
    return fake_imap.Mailbox(
        [
            fake_imap.Folder(
                name,
                [
                    fake_imap.Message(make_message(rng, number, 4096, text))
                    for number in range(count // len(folders) + (index < count % len(folders)))
                ],
            )
            for index, name in enumerate(folders)
        ]
    )


def _delayed(seconds: float) -> fake_imap.Handler:
    """A UID FETCH handler answering after ``seconds`` (unless the server stops)."""

    def fetch(conn: fake_imap.Connection, command: fake_imap.Command) -> None:
        if not conn.server.stopping.wait(seconds):
            conn.handle_normally(command)

    return fetch


def latency(argv: list[str]) -> int:
    """Full syncs from the fake server answering each FETCH after a delay, with and
    without pipelining, one after the other (alternating) in the same run."""
    parser = argparse.ArgumentParser(prog="bench_imap.py latency")
    parser.add_argument("--messages", type=int, default=10_000, help="default: 10,000")
    parser.add_argument("--delays", default="40,100", help="milliseconds (default: 40,100)")
    parser.add_argument("--connections", default="1,3", help="settings (default: 1,3)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each (default: 2)")
    args = parser.parse_args(argv)
    if not shutil.which(GNU_TIME):
        parser.error(f"{GNU_TIME} measures peak RSS: apt-get install time")
    mailbox = _fake_mailbox(args.messages, FOLDER_NAMES[:5])
    print(f"fake server: {args.messages:,} messages of 4 KB in 5 folders", flush=True)
    for delay in (int(text) for text in args.delays.split(",")):
        script = fake_imap.Script(handlers={"UID FETCH": _delayed(delay / 1000)})
        with fake_imap.serving(mailbox, script) as fake, tempfile.TemporaryDirectory() as tmp:
            walls: dict[tuple[int, bool], list[float]] = {}
            for run in range(args.repeat):
                for count in (int(text) for text in args.connections.split(",")):
                    for pipelining in (False, True):
                        print(f"each FETCH answered after {delay} ms: ", end="")
                        settings = fake.settings(timeout=60)
                        del settings["batch_size"]  # the provider's default
                        syncer = Provider(settings, Path(tmp) / f"{run}-{count}-{pipelining}")
                        changes: dict[str, object] = {
                            "connections": count,
                            "pipelining": pipelining,
                        }
                        _label, full = _full_sync_with(syncer, changes)
                        if syncer.count() != args.messages:
                            raise RuntimeError(f"the provider stored {syncer.count()} messages")
                        walls.setdefault((count, pipelining), []).append(full.wall)
        for count in sorted({count for count, _ in walls}):
            off, on = walls[count, False], walls[count, True]
            print(
                f"  {delay} ms, connections = {count}: pipelining off "
                f"{', '.join(f'{w:.2f}' for w in off)} s, on {', '.join(f'{w:.2f}' for w in on)} s;"
                f" on / off {sum(on) / sum(off):.2f}x",
                flush=True,
            )
    return 0


# --------------------------------------------------------------------------- kills

KILL_MODES = ("delay", "progress", "state write")
STATE_TEMPS = ".imap-sync-state.json.*.tmp"  # durable.replace_written's temporary file
_MARK = re.compile(r",U=(\d+),V=\d+")
KILL_TIMEOUT = 3600.0  # one run of 200,000 messages on a busy machine, with room


class _Watched:
    """A provider child (``child … progress``) whose progress lines a thread reads as
    they come, so that the parent can kill it at a chosen position."""

    def __init__(self, provider: Provider) -> None:
        command = [sys.executable, __file__, "child", json.dumps(provider.settings)]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [*command, str(provider.store), "progress"], stdout=subprocess.PIPE, text=True
        )
        self.position = self.total = 0
        self.first_message: float | None = None  # seconds from start to the first received
        self.result: dict[str, float] | None = None
        self.ended = False
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                if line.startswith("progress "):
                    index, total = map(int, line.split()[1:3])
                    self.position, self.total = index, total
                    if index and self.first_message is None:
                        self.first_message = time.perf_counter() - self.started
                elif line.startswith("{"):
                    self.result = json.loads(line)
                self._changed.notify_all()
        with self._changed:
            self.ended = True
            self._changed.notify_all()

    def wait_for(self, condition: Callable[[], bool], timeout: float = KILL_TIMEOUT) -> bool:
        """Wait until ``condition`` holds (True) or the child ends first (False)."""
        with self._changed:
            self._changed.wait_for(lambda: condition() or self.ended, timeout)
            return not self.ended

    def alive_after(self, seconds: float) -> bool:
        """Whether the child still runs ``seconds`` after its start."""
        self.wait_for(lambda: False, self.started + seconds - time.perf_counter())
        return not self.ended

    def kill(self) -> float:
        """SIGKILL (if still running), reap; returns the run's wall time."""
        self.process.kill()
        self.process.wait()
        self.wait_for(lambda: False)  # the reader has seen the end of the pipe
        return time.perf_counter() - self.started

    def finish(self) -> float:
        """Wait for the child's own end; returns the run's wall time."""
        if self.process.wait(KILL_TIMEOUT) != 0 or self.result is None:
            raise RuntimeError(f"the provider child exited with {self.process.returncode}")
        if self.result["hresult"] != S_OK:
            raise RuntimeError(
                f"provider sync failed: {format_hresult(int(self.result['hresult']))}"
            )
        self.wait_for(lambda: False)
        return time.perf_counter() - self.started


def _spin_until_state_write(watched: _Watched, folder: Path) -> bool:
    """Poll (no pause: the write lasts milliseconds) until a new temporary state file
    exists (not one an earlier kill left); False if the child ends first."""
    earlier = set(folder.glob(STATE_TEMPS))
    while watched.process.poll() is None:
        if set(folder.glob(STATE_TEMPS)) - earlier:
            return True
    return False


def _kill_at(watched: _Watched, mode: str, rng: random.Random, folder: Path) -> str:
    """Kill ``watched`` at a random moment of ``mode``; returns where, or "" if it ended."""
    if mode == "delay":
        delay = rng.uniform(0.3, 6.0)  # start-up, login, state load, the check pass
        if watched.alive_after(delay):
            watched.kill()
            return f"{delay:.2f} s after its start"
        return ""
    if mode == "flag upload":  # the run's first state write follows its upload, if any
        if _spin_until_state_write(watched, folder):
            watched.kill()
            return "in its first state write"
        return ""
    fraction = rng.uniform(0.02, 0.35)
    reached = watched.wait_for(
        lambda: watched.total > 0 and watched.position >= fraction * watched.total
    )
    if reached and mode == "state write" and not _spin_until_state_write(watched, folder):
        reached = False
    if not reached or watched.process.poll() is not None:
        return ""
    watched.kill()
    where = f"{watched.position:,} of {watched.total:,} received"
    return where + (", writing the state" if mode == "state write" else "")


@dataclass
class LocalCopy:
    """What the local folder holds: content digests by UID, and what is not a message."""

    digests: dict[int, str]
    duplicates: list[int]  # UIDs with two files
    strays: list[str]  # names in cur/ or new/ that are not the provider's message files
    leftovers: list[str]  # what tmp/ still holds, and temporary state files


def _local_copy(folder: Path) -> LocalCopy:
    copy = LocalCopy({}, [], [], [])
    for sub in ("cur", "new"):
        for entry in os.scandir(folder / sub):
            match = _MARK.search(entry.name)
            if match is None or not entry.is_file(follow_symlinks=False):
                copy.strays.append(f"{sub}/{entry.name}")
                continue
            uid = int(match[1])
            if uid in copy.digests:
                copy.duplicates.append(uid)
            copy.digests[uid] = hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
    copy.leftovers = [f"tmp/{name}" for name in os.listdir(folder / "tmp")]
    copy.leftovers += [path.name for path in folder.glob(STATE_TEMPS)]
    return copy


def _server_digests(server: Server, user: str, folder: str) -> dict[int, str]:
    """Every message's content digest by UID, fetched by sequence number in pieces."""
    digests = {}
    with server.client(user, timeout=300) as client:
        count = client.select_folder(folder, readonly=True)[b"EXISTS"]
        client.use_uid = False
        for start in range(1, count + 1, 2000):
            numbers = list(range(start, min(start + 2000, count + 1)))
            answer = client.fetch(numbers, ["UID", "BODY.PEEK[]"])
            for data in answer.values():
                digests[data[b"UID"]] = hashlib.sha256(data[b"BODY[]"]).hexdigest()
    return digests


def _server_status(server: Server, user: str, folder: str) -> dict[bytes, int]:
    with server.client(user, timeout=300) as client:
        wanted = [b"MESSAGES", b"UIDNEXT", b"UIDVALIDITY"]
        if b"CONDSTORE" in client.capabilities():
            wanted.append(b"HIGHESTMODSEQ")
        status: dict[bytes, int] = client.folder_status(folder, wanted)
        return status


def _verify(
    server: Server, user: str, folder: str, local: Path, quiet_run: Callable[[], int]
) -> list[str]:
    """The verdict's failures (none: the local folder mirrors the server's exactly once,
    byte for byte, the state knows every file, and one more sync changes nothing)."""
    failures = []
    copy = _local_copy(local)
    remote = _server_digests(server, user, folder)
    missing = sorted(set(remote) - set(copy.digests))
    extra = sorted(set(copy.digests) - set(remote))
    differ = [
        uid for uid in remote.keys() & copy.digests.keys() if remote[uid] != copy.digests[uid]
    ]
    if sorted(Counter(copy.digests.values()).items()) != sorted(Counter(remote.values()).items()):
        failures.append("the local contents are not the server's, each once")
    for what, uids in (
        ("missing", missing),
        ("not on the server", extra),
        ("differing", differ),
        ("with two files", copy.duplicates),
    ):
        if uids:
            failures.append(f"{len(uids):,} UIDs {what}: {uids[:5]}")
    if copy.strays:
        failures.append(f"{len(copy.strays)} stray entries: {copy.strays[:5]}")
    if copy.leftovers:
        print(f"  leftovers after the final run (not messages): {copy.leftovers[:5]}")
    known = _known_uids(local)
    if known != set(copy.digests):
        failures.append(
            f"the state knows {len(known - set(copy.digests)):,} UIDs without a file and "
            f"misses {len(set(copy.digests) - known):,} files"
        )
    before = (_server_status(server, user, folder), _names(local))
    received = quiet_run()
    after = (_server_status(server, user, folder), _names(local))
    if received or before != after:
        failures.append(
            f"the resync afterwards was not a no-change resync: {received} received, server "
            f"{before[0]} -> {after[0]}, local files {'un' if before[1] == after[1] else ''}changed"
        )
    return failures


def _names(folder: Path) -> set[str]:
    return {name for sub in ("cur", "new") for name in os.listdir(folder / sub)}


def _known_uids(folder: Path) -> set[int]:
    """The UIDs the folder's sync state records, read as the provider reads it."""
    store = MaildirStore(folder.parent, logging.getLogger("bench"), lambda hr, text: None)
    [state] = [state for path, state in store.states() if path == folder]
    return set(state.sizes)


def _set_local_flag(folder: Path, rng: random.Random, count: int) -> list[int]:
    """Flag ``count`` random messages as a mail reader does (rename into cur/ with F)."""
    files = sorted(Path(entry.path) for sub in ("cur", "new") for entry in os.scandir(folder / sub))
    uids = []
    for file in rng.sample(files, min(count, len(files))):
        base, _, info = file.name.partition(":2,")
        file.rename(folder / "cur" / f"{base}:2,{''.join(sorted(set(info + 'F')))}")
        uids.append(int(_MARK.search(file.name)[1]))  # type: ignore[index]
    return uids


def kills(argv: list[str]) -> int:
    """SIGKILL the provider's process at random moments of a big sync, resume each time,
    then check that nothing was lost or duplicated."""
    parser = argparse.ArgumentParser(prog="bench_imap.py kills")
    parser.add_argument("--messages", type=int, default=200_000, help="default: 200,000")
    parser.add_argument("--kills", type=int, default=8, help="default: 8")
    parser.add_argument("--server", choices=("dovecot", "cyrus"), default="dovecot")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the mail (default 1)")
    parser.add_argument("--kill-seed", type=int, help="seed of the kill moments (default: new)")
    parser.add_argument(
        "--flags", type=int, default=100, help="local flag changes killed pending (default 100)"
    )
    args = parser.parse_args(argv)
    if args.flags < 1 or args.messages < 1:
        parser.error("--messages and --flags must be at least 1")
    kill_seed = (
        args.kill_seed if args.kill_seed is not None else random.SystemRandom().getrandbits(32)
    )
    print(f"kill moments: seed {kill_seed} (repeat with --kill-seed {kill_seed})")
    rng = random.Random(kill_seed)
    running = cyrus.running if args.server == "cyrus" else dovecot.running
    with running(users=1) as server, tempfile.TemporaryDirectory(prefix="bench-imap-") as tmp:
        user, password = server.take_user()
        started = time.perf_counter()
        seed(server, user, args.messages, ["INBOX"], args.seed, small=True)
        warm_up(server, user, ["INBOX"])
        print(
            f"{server.name} seeded with {args.messages:,} messages"
            f" in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        baseline = Provider.on(server, user, password, Path(tmp) / "baseline").sync()
        print(
            f"uninterrupted full sync: {baseline.wall:.1f} s (in-process {baseline.inner:.1f} s)",
            flush=True,
        )
        provider = Provider.on(server, user, password, Path(tmp) / "killed")
        inbox = provider.store / "Maildir"
        killed, resumes, fetched, total = 0, [], 0, 0.0
        while True:
            watched = _Watched(provider)
            mode = rng.choice(KILL_MODES) if killed < args.kills else ""
            before = len(_names(inbox)) if inbox.is_dir() else 0
            where = _kill_at(watched, mode, rng, inbox) if mode else ""
            wall = watched.kill() if where else watched.finish()
            total += wall
            fetched += watched.position
            if killed:
                resumes.append(watched.first_message)
            if not where:
                break
            killed += 1
            kept = len(_names(inbox)) - before
            print(
                f"  kill {killed} ({mode}): {where}; run of {wall:.2f} s, {kept:,} kept", flush=True
            )
        waste = fetched - args.messages
        print(f"final resume: {wall:.1f} s, {watched.position:,} received")
        flagged = _set_local_flag(inbox, rng, args.flags)
        for mode in ("delay", "flag upload"):  # before the upload, then after it
            pending = len(_unflagged(server, user, flagged))
            watched = _Watched(provider)
            where = _kill_at(watched, mode, rng, inbox)
            wall = watched.kill() if where else watched.finish()
            print(
                f"  two-way run, {pending} of {len(flagged)} local flag changes not on the"
                " server: "
                + (f"killed {where}" if where else "ended before its kill")
                + f"; run of {wall:.2f} s, then {len(_unflagged(server, user, flagged))} not",
                flush=True,
            )
        provider.sync()
        failures = _verify(server, user, "INBOX", inbox, lambda: _quiet_received(provider))
        unflagged = _unflagged(server, user, flagged)
        if unflagged:
            failures.append(f"{len(unflagged)} local flag changes never reached the server")
    ready = [seconds for seconds in resumes if seconds is not None]
    print(
        f"{server.name}, {args.messages:,} messages: {killed} kills in {total:.1f} s of sync "
        f"({total / baseline.wall:.2f}x the uninterrupted {baseline.wall:.1f} s)\n"
        f"  time from a resume's start to its first message: "
        + (f"mean {sum(ready) / len(ready):.2f} s, max {max(ready):.2f} s" if ready else "n/a")
        + f"\n  re-fetched after kills (received, then lost to the kill): {waste:,} messages"
        f" ({waste / args.messages:.2%})"
    )
    print(
        "verdict:",
        "FAILED\n  " + "\n  ".join(failures)
        if failures
        else "nothing lost, nothing duplicated, no-change resync afterwards",
    )
    return 1 if failures else 0


def _unflagged(server: Server, user: str, uids: list[int]) -> list[int]:
    """Which of the INBOX's ``uids`` are not flagged on the server."""
    with server.client(user, timeout=300) as client:
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(uids)
    return [uid for uid in uids if b"\\Flagged" not in flags.get(uid, ())]


def _quiet_received(provider: Provider) -> int:
    """One more sync, to its end; how many messages it received."""
    watched = _Watched(provider)
    watched.finish()
    return watched.position


def main(argv: list[str]) -> int:
    if argv[:1] == ["child"]:
        child(argv[1], argv[2], progress=argv[3:4] == ["progress"])
        return 0
    if argv[:1] == ["memory"]:
        return memory(argv[1:])
    if argv[:1] == ["kills"]:
        return kills(argv[1:])
    if argv[:1] == ["latency"]:
        return latency(argv[1:])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=10_000, help="default: 10,000")
    parser.add_argument("--folders", type=int, default=5, choices=range(1, 7), help="default: 5")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the mail (default 1)")
    parser.add_argument("--server", choices=("dovecot", "cyrus"), default="dovecot")
    parser.add_argument("--small", action="store_true", help=f"{SMALL_SIZE}-byte messages")
    parser.add_argument(
        "--storage",
        choices=tuple(dovecot.MAIL_LOCATIONS),
        default="maildir",
        help="Dovecot's mail storage (default maildir)",
    )
    parser.add_argument(
        "--connections",
        default="",
        help="also the provider's full sync with each of these connections settings "
        "(comma-separated, e.g. 1,2; the first run uses the default)",
    )
    parser.add_argument(
        "--pipelining",
        default="",
        help="also the provider's full sync with each of these pipelining settings "
        "(comma-separated on/off, e.g. off,on; with --connections, every pair)",
    )
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help="comma-separated subset of %(default)s (the provider is always measured)",
    )
    args = parser.parse_args(argv)
    wanted = {"provider", *args.tools.split(",")}
    tools = [
        name for name in TOOLS if name in wanted and (name == "provider" or shutil.which(name))
    ]
    missing = sorted(wanted - set(tools))
    if missing:
        print(
            f"Not installed, not measured: {', '.join(missing)} "
            "(apt-get install isync offlineimap3)"
        )
    if not shutil.which(GNU_TIME):
        parser.error(f"{GNU_TIME} measures peak RSS: apt-get install time")
    folders = FOLDER_NAMES[: args.folders]
    running = (
        cyrus.running(users=1)
        if args.server == "cyrus"
        else dovecot.running(users=1, storage=args.storage)
    )
    storage = args.storage if args.server == "dovecot" else "its own storage"
    with running as server, tempfile.TemporaryDirectory(prefix="bench-imap-") as tmp:
        user, password = server.take_user()
        started = time.perf_counter()
        total = seed(server, user, args.messages, folders, args.seed, args.small)
        warm_up(server, user, folders)
        print(
            f"{server.name} ({storage}) seeded with {args.messages:,} messages"
            f" ({total / MiB:,.0f} MiB) in "
            f"{len(folders)} folders in {time.perf_counter() - started:.1f} s"
        )
        results: dict[str, tuple[Run, Run]] = {}
        for name in tools:
            syncer = TOOLS[name](server, user, password, Path(tmp))
            full = syncer.sync()
            time.sleep(RACY_NS / 1e9)  # as between two real syncs
            first = syncer.sync()
            resync = syncer.sync()
            results[name] = (full, resync)
            if isinstance(syncer, Provider) and syncer.count() != args.messages:
                raise RuntimeError(f"the provider stored {syncer.count()} messages")
            if isinstance(syncer, Provider):
                flag_one(server, user, folders[0])
                changed = syncer.sync()
                print(
                    f"{name:12} resync after one flag change on the server {changed.wall:6.2f} s"
                    f" (in-process: {changed.inner:.3f} s, CPU {changed.cpu:.3f} s)   peak RSS "
                    f"{changed.peak_rss_mib:6.1f} MiB",
                    flush=True,
                )
                alone = select_alone(server, user, folders[0])
                print(
                    f"{server.name:12} alone, median/min of {SELECT_RUNS}: ENABLE QRESYNC "
                    f"{_median_and_min(alone['enable'])}, QRESYNC SELECT with no change "
                    f"{_median_and_min(alone['quiet'])}, after one flag change "
                    f"{_median_and_min(alone['changed'])}",
                    flush=True,
                )
            print(
                f"{name:12} full sync {full.wall:7.2f} s   no-change resyncs {first.wall:6.2f} s,"
                f" {resync.wall:6.2f} s"
                f"   peak RSS {full.peak_rss_mib:6.1f} MiB / {resync.peak_rss_mib:6.1f} MiB"
                + (
                    f"   (in-process: {full.inner:.2f} s / {first.inner:.3f} s,"
                    f" {resync.inner:.3f} s; CPU of the last {resync.cpu:.3f} s)"
                    if full.inner is not None
                    and first.inner is not None
                    and resync.inner is not None
                    else ""
                ),
                flush=True,
            )
        extra = [
            _full_sync_with(Provider.on(server, user, password, Path(tmp) / f"c{run}"), changes)
            for run, changes in enumerate(_switches(args.connections, args.pipelining))
        ]
    mine_full, mine_resync = results["provider"]
    targets = {
        "mbsync": ("target <= 0.50", "target <= 1.00"),
        "offlineimap": ("target < 1", "for information"),
    }
    for tool, (full_target, resync_target) in targets.items():
        if tool in results:
            full, resync = results[tool]
            print(
                f"provider / {tool + ':':<12} full sync",
                _ratio(mine_full.wall, full.wall, full_target),
                "  resync",
                _ratio(mine_resync.wall, resync.wall, resync_target),
            )
    for label, full in extra:
        if "mbsync" in results:
            print(
                f"provider, {label}: full sync "
                f"{_ratio(full.wall, results['mbsync'][0].wall, 'of mbsync')}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
