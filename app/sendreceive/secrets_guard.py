"""Every secret the app knows, in one place, so that nothing it writes holds one.

The app resolves passwords for its providers (a profile's inline ``password``, the
variable ``password_env`` names, the first line ``password_command`` prints). Each one
it meets is remembered here, and every text the app writes — the log and the terminal
(``sendreceive.logs``), the error list (``tracking.error_log``), recordings — passes
through ``redact`` first, even when a provider printed the secret itself. A variable
that ``password_env`` names is taken out of the app's environment when first read, so
that no process the app starts inherits it, and its value is overwritten where
``/proc/<app>/environ`` shows it. The app's processes are not dumpable
(``not_dumpable``): another process of the same user cannot read their memory or
environment through ``/proc`` or attach a debugger.
"""

from __future__ import annotations

import ctypes
import os
import threading

REDACTED = "«secret»"
#: Shorter secrets are not looked for: redacting every "a" of a text would say more
#: about a one-letter password than it hides.
SHORTEST = 4
_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3

_lock = threading.Lock()
_known: tuple[str, ...] = ()  # longest first: a secret inside another goes with it
_environment: dict[str, str | None] = {}


def remember(secret: str) -> None:
    """From now on, ``secret`` is redacted from everything the app writes."""
    global _known
    if len(secret) < SHORTEST or secret in _known:
        return
    with _lock:
        _known = tuple(sorted({*_known, secret}, key=len, reverse=True))


def known() -> tuple[str, ...]:
    return _known


def redact(text: str) -> str:
    """``text`` with every known secret replaced; free while none is known."""
    for secret in _known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def environment(name: str) -> str | None:
    """The value of the environment variable ``name``, taken out of the environment the
    first time it is read (and remembered as a secret); ``None`` if it was never set."""
    with _lock:
        if name not in _environment:
            _wipe(name)
            _environment[name] = os.environ.pop(name, None)
        value = _environment[name]
    if value is not None:
        remember(value)
    return value


def _wipe(name: str) -> None:
    """Overwrite the variable's value where it lies: ``unsetenv`` only unlinks it, and the
    kernel goes on showing the process's first environment in ``/proc/<pid>/environ``."""
    value = os.environb.get(name.encode())
    if not value:
        return
    try:
        libc = ctypes.CDLL(None)
        libc.getenv.restype = ctypes.c_void_p
        where = libc.getenv(name.encode())
    except (OSError, AttributeError):
        return
    if where:
        ctypes.memset(where, ord("x"), len(value))


def not_dumpable() -> bool:
    """Make this process non-dumpable (Linux ``PR_SET_DUMPABLE`` 0): its ``/proc`` files
    become root's and no process of the same user may trace it. False where the kernel
    has no such call."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def dumpable() -> bool | None:
    """Whether this process is dumpable; ``None`` where that cannot be asked."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        answer = libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        return None
    return None if answer < 0 else bool(answer)
