"""Files the user names, as hostile as a path can be, through the real program in a
subprocess: ``sendreceive queue`` (an .eml), ``--replay`` and ``diff`` (a recording).
Each is refused with exit 2 and a message naming the file (and the line, where there is
one), promptly and in bounded memory; before, /dev/zero was read to gigabytes, a FIFO
hung, and deep nesting crashed with a RecursionError."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.program import ROOT
from helpers.sending import outgoing

from sendreceive.mail.outbox import default_store

MIB = 1024 * 1024
CPU_LIMIT = 2.0  # seconds of CPU: what the program spends, whatever the machine's load
MEMORY_LIMIT = 100 * MIB


@dataclass
class Ended:
    code: int
    stderr: str
    max_rss: int  # bytes
    cpu: float  # seconds, user and system


# Forked from a small launcher: a child's peak RSS counts the memory of the process it
# was forked from (Linux keeps the old mm's high-water mark across exec), and the test
# process is larger than the limit.
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execv(sys.executable, [sys.executable, "-m", "sendreceive", *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def run_measured(args: list[str], tmp_path: Path) -> Ended:
    """``python -m sendreceive ARGS``: how it ended, its peak RSS and CPU time."""
    launcher = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:  # a hang (a FIFO read) fails here, not in CI's timeout
        out, err = launcher.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(launcher.pid, signal.SIGKILL)
        launcher.communicate()
        pytest.fail(f"sendreceive {args} did not end within 60 s")
    code, max_rss, cpu = out.split()
    return Ended(int(code), err, int(max_rss) * 1024, float(cpu))


def dev_zero(tmp_path: Path, name: str) -> tuple[Path, int | None]:
    path = tmp_path / name
    path.symlink_to("/dev/zero")
    return path, None


def fifo(tmp_path: Path, name: str) -> tuple[Path, int | None]:
    path = tmp_path / name
    os.mkfifo(path)
    return path, None


def one_gigabyte_line(tmp_path: Path, name: str) -> tuple[Path, int | None]:
    """Sparse: 1 GB that takes no disk."""
    path = tmp_path / name
    with path.open("wb") as file:
        file.write(b'{"line": "header", "format": "')
        file.truncate(10**9)
    return path, 1


def nested_recording(tmp_path: Path, name: str) -> tuple[Path, int | None]:
    path = tmp_path / name
    path.write_text("[" * 1_000_000 + "\n")
    return path, 1


def nested_message(tmp_path: Path, name: str) -> tuple[Path, int | None]:
    path = tmp_path / name
    path.write_bytes(nested_parts(2_000))
    return path, 102  # 4 header lines, then 3 a level: the 33rd level opens on line 102


def nested_parts(depth: int) -> bytes:
    out = [outgoing(1).split(b"\r\n\r\n")[0] + b"\r\n"]
    for i in range(depth):
        out.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i))
    out.append(b"Content-Type: text/plain\r\n\r\nhello\r\n")
    out.extend(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return b"".join(out)


HOSTILE = [dev_zero, fifo, one_gigabyte_line]


def profile_that_sends(tmp_path: Path) -> Path:
    path = tmp_path / "send.toml"
    path.write_text(
        '[[accounts]]\nname = "Work"\nprovider = "smtp"\nflags = ["SYNC_OUTGOING_MAIL"]\n'
    )
    return path


def queue_args(tmp_path: Path, *files: Path) -> list[str]:
    return ["queue", "--profile", str(profile_that_sends(tmp_path)), "--store-dir",
            str(tmp_path / "stores"), "--account", "Work", *map(str, files)]  # fmt: skip


def assert_refused(ended: Ended, path: Path, line: int | None) -> None:
    assert ended.code == 2, ended.stderr
    where = f"{path}:{line}: " if line else f"{path}: "
    assert where in ended.stderr, ended.stderr
    assert "Traceback" not in ended.stderr
    assert ended.cpu < CPU_LIMIT, f"{ended.cpu:.2f} s of CPU"
    assert ended.max_rss < MEMORY_LIMIT, f"{ended.max_rss / MIB:.0f} MiB"


@pytest.mark.parametrize("make", [*HOSTILE, nested_message], ids=lambda f: f.__name__)
def test_a_hostile_eml_is_refused_and_nothing_is_queued(tmp_path, make):
    path, line = make(tmp_path, "hostile.eml")
    if make is one_gigabyte_line:
        line = None  # larger than a message may be: refused by its size, unread
    good = tmp_path / "good.eml"
    good.write_bytes(outgoing(1))
    ended = run_measured(queue_args(tmp_path, good, path), tmp_path)
    assert_refused(ended, path, line)
    assert "nothing was queued" in ended.stderr
    store = default_store(tmp_path / "stores")
    assert store.messages() == []
    assert not any((store.outbox / "tmp").iterdir())


@pytest.mark.parametrize("make", [*HOSTILE, nested_recording], ids=lambda f: f.__name__)
@pytest.mark.parametrize("command", ["replay", "diff"])
def test_a_hostile_recording_is_refused(tmp_path, make, command):
    path, line = make(tmp_path, "hostile.jsonl")
    if command == "diff":
        args = ["diff", str(path), str(path)]
    else:
        args = ["--headless", "--replay", str(path), "--store-dir", str(tmp_path / "stores"),
                "--log-file", str(tmp_path / "log")]  # fmt: skip
    assert_refused(run_measured(args, tmp_path), path, line)


def test_a_60_mb_message_is_queued_in_bounded_memory(tmp_path):
    """Streamed from the file to the Outbox: before, it peaked at about 550 MB."""
    path = tmp_path / "large.eml"
    line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n"
    with path.open("wb") as file:
        file.write(
            outgoing(1).split(b"\r\n\r\n")[0] + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )
        for _ in range(60 * MIB // len(line)):
            file.write(line)
    ended = run_measured(queue_args(tmp_path, path), tmp_path)
    assert ended.code == 0, ended.stderr
    assert ended.max_rss <= MEMORY_LIMIT, f"{ended.max_rss / MIB:.0f} MiB"
    (queued,) = default_store(tmp_path / "stores").messages()
    assert queued.size == path.stat().st_size
