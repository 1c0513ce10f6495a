"""A process held where SIGKILL cannot end it yet, as a process in disk I/O is: the
cgroup v1 freezer keeps a killed process frozen until it is thawed."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from helpers.waiting import wait_until

FREEZER = Path("/sys/fs/cgroup/freezer")


def why_not_available() -> str | None:
    """None when this machine can freeze a process; else why not (a skip's reason)."""
    if not (FREEZER / "freezer.state").exists() and not (FREEZER / "tasks").exists():
        return "no cgroup v1 freezer at /sys/fs/cgroup/freezer (cgroup v2 lets SIGKILL through)"
    if not os.access(FREEZER, os.W_OK):
        return f"{FREEZER} is not writable here (not root?)"
    return None


@contextlib.contextmanager
def frozen(pid: int, name: str) -> Iterator[None]:
    """``pid`` (every thread of it) frozen inside the block, thawed after it; the
    cgroup is removed once what it held has ended or left."""
    group = FREEZER / f"sendreceive-test-{os.getpid()}-{name}"
    group.mkdir()
    try:
        (group / "cgroup.procs").write_text(f"{pid}\n")
        (group / "freezer.state").write_text("FROZEN\n")
        assert wait_until(lambda: (group / "freezer.state").read_text().strip() == "FROZEN")
        try:
            yield
        finally:
            (group / "freezer.state").write_text("THAWED\n")
    finally:
        for left in (group / "cgroup.procs").read_text().split():  # back where it was
            with contextlib.suppress(OSError):
                (FREEZER / "cgroup.procs").write_text(f"{left}\n")
        assert wait_until(lambda: not (group / "cgroup.procs").read_text().split())
        group.rmdir()
