"""Log lines reach the terminal folded: no ESC or BEL from a server's text."""

from __future__ import annotations

import logging

from sendreceive.logs import LOG_FORMAT, FoldingFormatter


def record_with_exception(message: str, exc_text: str) -> logging.LogRecord:
    try:
        raise RuntimeError(exc_text)
    except RuntimeError as exc:
        return logging.LogRecord(
            "sendreceive.provider.x",
            logging.ERROR,
            __file__,
            1,
            message,
            (),
            (type(exc), exc, exc.__traceback__),
        )


def test_message_and_exception_are_folded_but_traceback_lines_stay_apart():
    record = record_with_exception(
        "folder \x1b[31mred\x07 failed\r\nforged line", "server said \x1b]0;title\x07 no"
    )
    lines = FoldingFormatter(LOG_FORMAT).format(record).split("\n")
    assert lines[0].endswith("ERROR sendreceive.provider.x: folder  [31mred  failed forged line")
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == "RuntimeError: server said  ]0;title  no"
    assert all(line.isprintable() for line in lines)
