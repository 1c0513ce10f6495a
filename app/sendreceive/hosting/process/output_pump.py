"""A provider process's stdout or stderr, drained into the app's log, bounded.

The pipe is always read to its end (by ``sendreceive.hosting.process.hub``: a child blocked on a
full pipe would hang), but only ``LINES_PER_SECOND`` lines and ``BYTES_PER_SECOND`` bytes a second
reach the log, tagged with the account and the stream; the rest is counted, not even split into
lines, and said in one line. A provider printing 50 MB costs the app a read loop, not 50 MB of
memory or a flooded terminal. What it prints is output, logged at the stream's level: a line that
starts with "ERROR" is no error record (the process's log records come as data, ``record``). The
last lines of stderr are kept for the task's failure line, and so is a fatal error's context.
"""

from __future__ import annotations

import itertools
import logging
import time

from sendreceive.printable import ERROR_TEXT_LIMIT, printable

LINES_PER_SECOND = 50
BYTES_PER_SECOND = 16 << 10
LINE_LIMIT = 500  # characters of one line shown
TAIL_LINES = 5
_TAIL_BYTES = 16 << 10
_FATAL = b"Fatal Python error"  # faulthandler's first line, after a crash
_CRASHING = (b"Current thread ", b"Stack (most recent call first)")  # the crashing stack
_MARK = max(map(len, (_FATAL, *_CRASHING)))
_SECTION_BYTES = 4 << 10  # kept of the fatal error and of the crashing thread's stack
_BEFORE_FATAL_BYTES = 2 << 10  # what was printed just before it: why (Qt's reason…)


class OutputPump:
    def __init__(self, logger: logging.Logger, stream: str) -> None:
        self._logger = logger
        self._stream = stream
        self._level = logging.WARNING if stream == "stderr" else logging.INFO
        self._partial = b""
        self._raw_tail = b""
        self._before_fatal = b""
        self._fatal: bytes | None = None  # from the first fatal error's line on, bounded
        self._crashing: bytes | None = None  # its crashing thread's stack, bounded
        self._window = 0.0
        self._lines = 0
        self._bytes = 0
        self._dropped = 0  # bytes not logged in this window

    def tail(self) -> list[str]:
        """The last lines, bounded, for a failure line. After a crash, the line printed
        just before Python's fatal error (a library's reason: Qt's "could not load the
        platform plugin"), the fatal error, and the crashing thread's innermost frames
        (the fault handler prints every thread's stack, innermost frame first)."""
        if self._fatal is not None:
            before = self._lines_of(self._before_fatal)[-1:]
            fatal = self._lines_of(self._fatal)[:1]
            frames = self._lines_of(self._crashing or b"")[1:]  # below its "Current thread"
            stack = itertools.takewhile(lambda frame: frame.startswith("  "), frames)
            return [*before, *fatal, *stack][:TAIL_LINES]
        lines = self._lines_of(self._raw_tail)
        if len(self._raw_tail) == _TAIL_BYTES:
            lines = lines[1:]  # the first one is cut
        return lines[-TAIL_LINES:]

    def feed(self, chunk: bytes) -> None:
        """More of the stream; ``b""`` at its end."""
        if not chunk:
            if self._partial:
                self._line(self._partial)
                self._partial = b""
            self._say_dropped()
            return
        self._watch_for_a_crash(chunk)
        self._raw_tail = (self._raw_tail + chunk)[-_TAIL_BYTES:]
        self._take(chunk)

    def _watch_for_a_crash(self, chunk: bytes) -> None:
        """Keep a fatal error's line, what was printed just before it and the crashing
        thread's stack, wherever they fall in a dump of any size and in the reads."""
        if self._fatal is None:
            seen = self._raw_tail + chunk
            at = seen.find(_FATAL, max(0, len(self._raw_tail) - _MARK))
            if at < 0:
                return
            self._before_fatal = seen[max(0, at - _BEFORE_FATAL_BYTES) : at]
            self._fatal = seen[at : at + _SECTION_BYTES]
            seen = seen[at:]
        elif self._crashing is None:
            seen = self._raw_tail[-_MARK:] + chunk  # a mark may straddle two reads
        else:
            self._crashing += chunk[: max(0, _SECTION_BYTES - len(self._crashing))]
            return
        found = [at for at in map(seen.find, _CRASHING) if at >= 0]
        if found:
            self._crashing = seen[min(found) :][:_SECTION_BYTES]

    def record(self, level: int, name: str, text: str, traceback: str | None) -> None:
        """A log record of the provider's process, under this stream's budget: logged at
        its own level, its logger named unless it is the account's own."""
        if not self._logger.isEnabledFor(level):
            return
        size = len(text) + len(traceback or "")
        now = time.monotonic()
        if now - self._window >= 1.0:
            self._say_dropped()
            self._window, self._lines, self._bytes = now, 0, 0
        self._lines += 1
        self._bytes += size
        if self._lines > LINES_PER_SECOND or self._bytes > BYTES_PER_SECOND:
            self._dropped += size
            return
        message = printable(text, ERROR_TEXT_LIMIT)
        if name != self._logger.name:
            message = f"[{printable(name, LINE_LIMIT)}] {message}"
        record = self._logger.makeRecord(
            self._logger.name, level, "(provider)", 0, message, (), None
        )
        record.exc_text = traceback  # a Formatter appends it, each line folded on its own
        self._logger.handle(record)

    def _take(self, chunk: bytes) -> None:
        now = time.monotonic()
        if now - self._window >= 1.0:
            self._say_dropped()
            self._window, self._lines, self._bytes = now, 0, 0
        if self._lines >= LINES_PER_SECOND or self._bytes >= BYTES_PER_SECOND:
            self._dropped += len(chunk)  # over budget: not even split into lines
            self._partial = b""
            return
        lines = (self._partial + chunk).split(b"\n")
        self._partial = lines.pop()
        if len(self._partial) > LINE_LIMIT * 4:  # one endless line: cut it
            lines.append(self._partial)
            self._partial = b""
        for raw in lines:
            self._line(raw)

    def _line(self, raw: bytes) -> None:
        self._lines += 1
        self._bytes += len(raw) + 1
        if self._lines > LINES_PER_SECOND or self._bytes > BYTES_PER_SECOND:
            self._dropped += len(raw) + 1
            return
        text = self._text(raw)
        if not text.strip():
            return
        self._logger.log(self._level, "[%s] %s", self._stream, text)

    @staticmethod
    def _text(raw: bytes) -> str:
        return printable(raw[: LINE_LIMIT * 4].decode("utf-8", "replace"), LINE_LIMIT)

    @classmethod
    def _lines_of(cls, raw: bytes) -> list[str]:
        """The printable, non-blank lines of ``raw``."""
        return [line for line in map(cls._text, raw.split(b"\n")) if line.strip()]

    def _say_dropped(self) -> None:
        if self._dropped:
            self._logger.warning(
                "[%s] %s bytes of the provider's output not logged (more than %d lines or "
                "%d KiB a second)",
                self._stream,
                f"{self._dropped:,}",
                LINES_PER_SECOND,
                BYTES_PER_SECOND >> 10,
            )
            self._dropped = 0
