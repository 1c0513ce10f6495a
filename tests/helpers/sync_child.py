"""Run one IMAP sync (or one smtp send) in a process of its own and report its outcome
and peak RSS.

Memory tests measure a real process, not the test runner (whose heap holds every test
before it): ``sync_in_child`` (``send_in_child``) starts this file with the settings, and
the child prints one JSON line with the HRESULT, the errors and its own peak RSS when
the sync is over.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
CHILD_TIMEOUT = 120.0


@dataclass(frozen=True)
class ChildSync:
    hresult: int
    errors: list[tuple[int, str]]
    received: int
    peak_rss: int  # bytes

    @property
    def error_texts(self) -> str:
        return "\n".join(text for _hr, text in self.errors)


def sync_in_child(settings: dict[str, Any], store_dir: Path, *, send: bool = False) -> ChildSync:
    """``send``: the smtp transport sends the Outbox of account "Mail" in ``store_dir``'s
    default store, instead of an IMAP sync into ``store_dir``."""
    done = subprocess.run(
        [sys.executable, __file__, json.dumps(settings), str(store_dir), *(["send"] * send)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    return ChildSync(
        report["hresult"],
        [(hr, text) for hr, text in report["errors"]],
        report["received"],
        report["peak_rss"],
    )


def _peak_rss() -> int:
    """This process's peak resident set (VmHWM), in bytes. Not ``getrusage``: its maximum
    survives ``exec`` and would be the test runner's, which forked this process."""
    status = Path("/proc/self/status").read_text()
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) * 1024


def _main() -> None:
    sys.path.insert(0, str(TESTS))
    from helpers.imap import run_sync
    from helpers.sending import run_send

    run = run_send if sys.argv[3:] == ["send"] else run_sync
    result = run(json.loads(sys.argv[1]), Path(sys.argv[2]))
    report = {
        "hresult": result.hresult,
        "errors": result.callback.errors,
        "received": result.received,
        "peak_rss": _peak_rss(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    _main()
