"""B9 — the store view opens a folder of 100,000 messages: time from choosing the folder
to its first rows in the table, the GUI thread's longest stall meanwhile and while
scrolling down a few thousand rows; held against what reading every header section
would cost (the baseline a non-lazy view would pay on opening), measured in the same run.

Run: ``python -m bench.b9_store_view [--messages N]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.common import LatenessProbe, Report, run_on_qasync, wait_until, watchdog
from sendreceive.config.profile import Account, Profile
from sendreceive.mail import store_reader
from sendreceive.paths import store_dir
from sendreceive.ui.store_view import StoreWindow

ACCOUNT = "Big"
SCROLLED_PAGES = 30


def make_folder(root: Path, count: int) -> Path:
    """A Maildir of ``count`` small messages, as an IMAP sync would leave it."""
    folder = store_dir(root, ACCOUNT) / store_reader.MAILDIR
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True)
    for n in range(count):
        data = (
            f"From: Sender {n} <sender{n}@example.org>\r\nTo: user@example.org\r\n"
            f"Subject: Message number {n}\r\nDate: Tue, 3 Jun 2025 10:00:00 +0000\r\n"
            f"Message-ID: <{n}@example.org>\r\n\r\nBody of message {n}.\r\n"
        ).encode()
        fd = os.open(
            folder / "cur" / f"{1_700_000_000 + n}.M{n}P1.bench:2,S", os.O_WRONLY | os.O_CREAT
        )
        os.write(fd, data)
        os.close(fd)
    return folder


async def measure(report: Report, root: Path, count: int) -> None:
    profile = Profile("B9", None, (Account(ACCOUNT, "demo"),), ())
    probe = LatenessProbe()
    probe.start()
    opened = time.perf_counter()
    window = StoreWindow(root, profile)
    window.show()
    assert await wait_until(lambda: window.tree.topLevelItemCount() > 0, 120.0)
    tree_shown = time.perf_counter()
    chosen = time.perf_counter()
    assert window.select_folder(ACCOUNT, ())
    assert await wait_until(lambda: window.model.rowCount() > 0, 120.0, poll=0.001)
    first_rows = time.perf_counter()
    assert window.model.total() == count
    await wait_until(lambda: False, 0.3)  # the view settles and paints
    scrolled = time.perf_counter()
    for _ in range(SCROLLED_PAGES):  # as a person dragging the scroll bar down would
        window.table.scrollToBottom()
        await wait_until(lambda: False, 0.02)
    done = time.perf_counter()
    probe.stop()
    report.figure("folder tree shown (messages counted on a thread)", tree_shown - opened, "s")
    report.figure("folder chosen → first rows shown", first_rows - chosen, "s", digits=3)
    probe.summarize(report, "opening", opened, scrolled, p99_ms=None)
    report.note(f"rows read after scrolling {SCROLLED_PAGES} times: {window.model.rowCount()}")
    probe.summarize(report, "scrolling", scrolled, done, p99_ms=None)
    window.close()


def baseline(report: Report, folder: Path, count: int) -> float:
    """What a view reading every header section before showing a row would wait."""
    started = time.perf_counter()
    files = store_reader.message_files(folder)
    listed = time.perf_counter()
    rows = store_reader.rows(files)
    read = time.perf_counter()
    assert len(rows) == count
    report.figure("baseline: list the folder (scandir + sort)", listed - started, "s", digits=3)
    report.figure("baseline: read every header section", read - listed, "s")
    return read - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    count = parser.parse_args().messages
    watchdog(600)
    report = Report("B9", f"the store view opens a folder of {count:,} messages")
    with tempfile.TemporaryDirectory(prefix="bench-b9-") as scratch:
        root = Path(scratch) / "stores"
        started = time.perf_counter()
        folder = make_folder(root, count)
        report.note(f"wrote {count:,} messages in {time.perf_counter() - started:.1f} s")
        whole = baseline(report, folder, count)
        run_on_qasync(lambda: measure(report, root, count))
        first = next(f.value for f in report.figures if f.name.startswith("folder chosen"))
        report.figure("first rows ÷ reading every header (baseline)", first / whole, "×", digits=3)
    report.finish()


if __name__ == "__main__":
    main()
