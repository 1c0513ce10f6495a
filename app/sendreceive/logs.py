"""The app's log output: one place that configures logging, so every line that reaches
the terminal or the log file is folded first.

Besides stderr, every run appends to a rotating log file (``sendreceive.paths.default_log_file``
or ``--log-file``): a desktop user never sees a terminal, and tracebacks and provider
logging (``sendreceive.provider.<account>``) are what a bug report needs. Secrets never
reach it: the host logs no password, and whatever a provider prints or logs is redacted
of every secret the app resolved.

Providers log what servers say (folder names, error texts); a hostile server can put
ESC and BEL in those, which a raw log line would replay on the user's terminal. Each
formatted record has every secret the app knows redacted (``sendreceive.secrets_guard``:
a provider may print a password) and is folded as the dialog folds error texts
(``sendreceive.printable``): the message to one line, and each line of a traceback on its
own, so only the newlines that separate traceback lines stay.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from sendreceive.durable import PRIVATE_FILE, make_private_dirs
from sendreceive.printable import fold_controls
from sendreceive.secrets_guard import redact

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class FoldingFormatter(logging.Formatter):
    """A Formatter whose every output line is printable text: the message on one line,
    each line of a traceback or stack folded on its own."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging.Formatter's name)
        return fold_controls(redact(super().formatMessage(record)))

    def format(self, record: logging.LogRecord) -> str:
        text = redact(super().format(record))
        return "\n".join(fold_controls(line) for line in text.split("\n"))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files hold what servers said and providers logged: created 0600 (a rotated
    file is renamed, its mode kept)."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC
        fd = os.open(self.baseFilename, flags, PRIVATE_FILE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # maxBytes: "a"


LOG_FILE_BYTES = 1024 * 1024  # each file; with the backups, at most 4 MiB of log
LOG_FILE_BACKUPS = 3

_file_in_use: Path | None = None


def configure_logging(verbosity: int, log_file: Path | None = None) -> None:
    """Log to stderr (warnings, ``-v`` info, ``-vv`` debug) and, at info or more, to
    ``log_file``. A log file that cannot be opened is said once on stderr; the app
    runs on without it."""
    global _file_in_use
    if logging.getLogger().handlers:  # configured already (a test runner, an embedding app)
        return
    formatter = FoldingFormatter(LOG_FORMAT)
    terminal = logging.StreamHandler()
    terminal.setFormatter(formatter)
    terminal.setLevel((logging.WARNING, logging.INFO, logging.DEBUG)[min(verbosity, 2)])
    handlers: list[logging.Handler] = [terminal]
    if log_file is not None:
        try:
            make_private_dirs(log_file.parent)
            to_file = PrivateRotatingFileHandler(
                log_file, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
            )
        except OSError as exc:
            print(f"sendreceive: cannot write the log file {log_file}: {exc}", file=sys.stderr)
        else:
            to_file.setFormatter(formatter)
            to_file.setLevel(logging.DEBUG if verbosity >= 2 else logging.INFO)
            handlers.append(to_file)
            _file_in_use = log_file
    logging.basicConfig(level=min(h.level for h in handlers), handlers=handlers)


def log_file_in_use() -> Path | None:
    """The file this process logs to (for "View Log"), if any."""
    return _file_in_use
