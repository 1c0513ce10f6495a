"""Waiting on a condition outside the test's own event loop: a process's end, a
server's connection closing. Polled, never slept through: it returns once it holds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Poll ``condition`` until it holds; False if ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            return False
        pause.wait(0.01)
    return True


def process_gone(pid: int) -> bool:
    """Gone or a zombie; the process may be reaped between any two looks."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(b")", 1)[1].split()[0] == b"Z"
