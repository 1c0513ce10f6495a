"""The app's log output: one place that configures logging, so every line that reaches
the terminal is folded first.

Providers log what servers say (folder names, error texts); a hostile server can put
ESC and BEL in those, which a raw log line would replay on the user's terminal. Each
formatted record is folded as the dialog folds error texts (``app.text``): the message
to one line, and each line of a traceback on its own, so only the newlines that separate
traceback lines stay.
"""

from __future__ import annotations

import logging

from app.text import fold_controls

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class FoldingFormatter(logging.Formatter):
    """A Formatter whose every output line is printable text: the message on one line,
    each line of a traceback or stack folded on its own."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging.Formatter's name)
        return fold_controls(super().formatMessage(record))

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(fold_controls(line) for line in super().format(record).split("\n"))


def configure_logging(verbosity: int) -> None:
    """Log to stderr: warnings, ``-v`` info, ``-vv`` debug."""
    handler = logging.StreamHandler()
    handler.setFormatter(FoldingFormatter(LOG_FORMAT))
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(verbosity, 2)],
        handlers=[handler],
    )
