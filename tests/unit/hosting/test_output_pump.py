"""What a provider's process prints reaches the app's log as output, bounded; its log
records as records; and a crash keeps its reason for the failure line."""

from __future__ import annotations

import logging

import pytest

from sendreceive.hosting.process.output_pump import OutputPump


@pytest.fixture
def logger(caplog):
    caplog.set_level(logging.DEBUG, logger="sendreceive.provider.Acct")
    return logging.getLogger("sendreceive.provider.Acct")


def test_printed_text_is_output_at_its_streams_level_never_read_for_one(logger, caplog):
    pump = OutputPump(logger, "stdout")
    pump.feed(b"ERROR this is what the provider printed\nDEBUG so is this\nWARNING and this\n")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.INFO, "[stdout] ERROR this is what the provider printed"),
        (logging.INFO, "[stdout] DEBUG so is this"),
        (logging.INFO, "[stdout] WARNING and this"),
    ]
    caplog.clear()
    OutputPump(logger, "stderr").feed(b"INFO printed on stderr\n")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.WARNING, "[stderr] INFO printed on stderr")
    ]


def test_a_log_record_keeps_its_level_and_names_a_logger_other_than_the_accounts(logger, caplog):
    pump = OutputPump(logger, "stderr")
    pump.record(logging.DEBUG, "sendreceive.provider.Acct", "fetched 3", None)
    pump.record(logging.ERROR, "imapclient", "lost it", "Traceback (most recent call last):")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("sendreceive.provider.Acct", logging.DEBUG, "fetched 3"),
        ("sendreceive.provider.Acct", logging.ERROR, "[imapclient] lost it"),
    ]
    assert caplog.records[1].exc_text == "Traceback (most recent call last):"


def _dump(crashing_frames: int, other_threads: int) -> bytes:
    """What faulthandler prints at a crash: every thread, the crashing one among them."""
    other = b"".join(
        b"Thread 0x%04x (most recent call first):\n" % n
        + b"".join(b'  File "/lib/threading.py", line %d in wait\n' % i for i in range(100))
        + b"\n"
        for n in range(other_threads)
    )
    crashing = b"Current thread 0x7f00 (most recent call first):\n" + b"".join(
        b'  File "/provider.py", line %d in frame_%d\n' % (i, i) for i in range(crashing_frames)
    )
    return b"Fatal Python error: Aborted\n\n" + other + crashing + b"\nExtension modules: x\n"


def test_a_crash_keeps_the_reason_printed_before_it_and_the_crashing_threads_frames(logger):
    pump = OutputPump(logger, "stderr")
    pump.feed(b"syncing folder 3\n")
    pump.feed(b"qt.qpa.xcb: could not connect to display\nThis application failed to start ")
    pump.feed(b"because no Qt platform plugin could be initialized.\n")
    dump = _dump(crashing_frames=10, other_threads=30)  # ~100 KB: more than a tail holds
    for start in range(0, len(dump), 4096):  # as the pipe delivers it
        pump.feed(dump[start : start + 4096])
    pump.feed(b"")
    assert pump.tail() == [
        "This application failed to start because no Qt platform plugin could be initialized.",
        "Fatal Python error: Aborted",
        '  File "/provider.py", line 0 in frame_0',
        '  File "/provider.py", line 1 in frame_1',
        '  File "/provider.py", line 2 in frame_2',
    ]


def test_a_fatal_error_split_across_reads_is_still_found(logger):
    pump = OutputPump(logger, "stderr")
    pump.feed(b"why\nFatal Python")
    pump.feed(b" error: Segmentation fault\n\nCurrent thread 0x1 (most recent call first):\n")
    pump.feed(b'  File "/p.py", line 1 in f\n')
    assert pump.tail() == [
        "why",
        "Fatal Python error: Segmentation fault",
        '  File "/p.py", line 1 in f',
    ]


def test_without_a_crash_the_tail_is_the_last_lines(logger):
    pump = OutputPump(logger, "stderr")
    pump.feed(b"".join(b"line %d\n" % i for i in range(20)))
    assert pump.tail() == [f"line {i}" for i in range(15, 20)]
