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


_TYPE_NAME = type.__dict__["__name__"]  # the class's own name, past any metaclass property
_INT_BITS_SHOWN = 128


def type_name(value: object) -> str:
    """The name of ``value``'s class, read without running any code of the provider's."""
    return str(_TYPE_NAME.__get__(type(value), type))


def describe(value: object, limit: int = 60) -> str:
    """A bounded description of a provider-supplied value, for a contract violation line.

    Only exact builtin scalars are shown by value (their ``repr`` runs no provider code
    and is cut before it is made); anything else is named by its class alone. A
    provider's ``__repr__`` may block, raise, or call back into the host while the
    host holds a lock, so it is never called."""
    kind = type(value)
    if kind is str or kind is bytes:
        text = repr(value[:limit])  # type: ignore[index]  # exact str or bytes
    elif kind is int:
        bits = value.bit_length()  # type: ignore[attr-defined]  # an exact int
        text = repr(value) if bits <= _INT_BITS_SHOWN else f"<int of {bits} bits>"
    elif kind is float or kind is bool or value is None:
        text = repr(value)
    else:
        text = f"<{type_name(value)} object>"
    return printable(text, limit)


def describe_exception(exc: BaseException) -> str:
    """``"KeyError: 'uid'"``, bounded; an exception whose ``str()`` raises is named so."""
    name = type_name(exc)
    try:
        text = str.__str__(str(exc))  # an exact str, whatever str() handed back
    except BaseException as inner:  # its __str__ is provider code
        return f"{name} (its str() raised {type_name(inner)})"
    return printable(f"{name}: {text}", ERROR_TEXT_LIMIT)
