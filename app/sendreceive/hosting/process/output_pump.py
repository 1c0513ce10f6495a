"""A provider process's stdout or stderr, drained into the app's log, bounded.

The pipe is always read to its end (by ``sendreceive.hosting.process.hub``: a child blocked on a
full pipe would hang), but only ``LINES_PER_SECOND`` lines and ``BYTES_PER_SECOND`` bytes a second
reach the log, tagged with the account; the rest is counted, not even split into lines, and said in
one line. A provider printing 50 MB costs the app a read loop, not 50 MB of memory or a flooded
terminal. The last lines of stderr are kept for the task's failure line.
"""

from __future__ import annotations

import logging
import time

from sendreceive.printable import printable

LINES_PER_SECOND = 50
BYTES_PER_SECOND = 16 << 10
LINE_LIMIT = 500  # characters of one line shown
TAIL_LINES = 5
_TAIL_BYTES = 16 << 10
_LEVELS = logging.getLevelNamesMapping()


class OutputPump:
    def __init__(self, logger: logging.Logger, stream: str) -> None:
        self._logger = logger
        self._stream = stream
        self._default = logging.WARNING if stream == "stderr" else logging.INFO
        self._level = self._default  # a log record's continuation lines keep its level
        self._partial = b""
        self._raw_tail = b""
        self._window = 0.0
        self._lines = 0
        self._bytes = 0
        self._dropped = 0  # bytes not logged in this window

    def tail(self) -> list[str]:
        """The last lines, bounded, for a failure line. After a crash, Python's fault
        handler prints every thread's stack, innermost frame first: then the fatal
        error and the crashing thread's innermost frames are what counts."""
        raw_lines = self._raw_tail.split(b"\n")
        if len(self._raw_tail) == _TAIL_BYTES:
            raw_lines = raw_lines[1:]  # the first one is cut
        lines = [line for line in map(self._text, raw_lines) if line.strip()]
        for i, line in enumerate(lines):
            if line.startswith("Fatal Python error"):
                return lines[i : i + TAIL_LINES]
        return lines[-TAIL_LINES:]

    def feed(self, chunk: bytes) -> None:
        """More of the stream; ``b""`` at its end."""
        if not chunk:
            if self._partial:
                self._line(self._partial)
                self._partial = b""
            self._say_dropped()
            return
        self._raw_tail = (self._raw_tail + chunk)[-_TAIL_BYTES:]
        self._take(chunk)

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
        level = _LEVELS.get(text.partition(" ")[0])
        if level is not None:
            self._level = level
        elif self._stream == "stdout":
            self._level = self._default
        self._logger.log(self._level, "[%s] %s", self._stream, text)

    @staticmethod
    def _text(raw: bytes) -> str:
        return printable(raw[: LINE_LIMIT * 4].decode("utf-8", "replace"), LINE_LIMIT)

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
