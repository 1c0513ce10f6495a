"""Make provider-supplied text safe to show: one line, printable, bounded."""

from __future__ import annotations

import re

STEP_TEXT_LIMIT = 300
ERROR_TEXT_LIMIT = 2_000

# C0/C1 controls, DEL, line/paragraph separators and bidirectional embeddings/overrides
# (which could reverse the rest of a line in the error list) are folded to a space.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str, limit: int) -> str:
    """``text`` on one line, controls folded to a space, lone surrogates replaced, and
    cut to ``limit`` characters with an ellipsis (providers may send megabytes)."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return fold_controls(text)


def fold_controls(text: str) -> str:
    """``text`` on one line, each run of controls folded to a space and lone surrogates
    replaced: nothing in it can move a terminal's cursor, ring its bell or reverse a line."""
    if not text.isprintable():
        text = _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text))
    return text


def shorten_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` bounded, for naming a bad argument in a contract violation."""
    try:
        text = repr(value)
    except Exception as exc:  # a hostile __repr__ must not break the report
        text = f"<{type(value).__name__} whose repr raised {type(exc).__name__}>"
    return printable(text, limit)
