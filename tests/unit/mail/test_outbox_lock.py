"""One sender per account's Outbox at once: ``AccountOutbox.lock`` is an ``flock``, held
until ``unlock`` or the end of the process that took it, however that process ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from helpers.sending import outgoing, run_accounts

from sendreceive.config.profile import Account
from sendreceive.contract import MAPI_E_BUSY, SyncFlags
from sendreceive.mail.outbox import AccountOutbox, default_store

HOLD = """
import sys
from pathlib import Path
from sendreceive.mail.outbox import AccountOutbox, default_store
assert AccountOutbox(default_store(Path(sys.argv[1])), "A").lock()
print("held", flush=True)
sys.stdin.read()
"""


def test_a_second_lock_on_one_account_is_refused_until_the_first_is_released(tmp_path):
    store = default_store(tmp_path)
    first, second = AccountOutbox(store, "A"), AccountOutbox(store, "A")
    assert first.lock()
    assert not second.lock()
    assert AccountOutbox(store, "B").lock()  # another account's Outbox is its own
    first.unlock()
    assert second.lock()


def test_a_killed_process_leaves_no_lock_behind(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        outbox = AccountOutbox(default_store(tmp_path), "A")
        assert not outbox.lock()
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        assert outbox.lock()
    finally:
        holder.kill()
        holder.wait()
    (lock_file,) = (default_store(tmp_path).outbox / "workbench" / "locks").iterdir()
    assert lock_file.stat().st_mode & 0o077 == 0


def test_the_demo_transport_leaves_a_held_outbox_alone(tmp_path: Path) -> None:
    """The pretend transport takes the same lock a real one does."""
    store = default_store(tmp_path)
    store.queue("Outbound", outgoing(1))
    holder = AccountOutbox(store, "Outbound")
    assert holder.lock()
    account = Account("Outbound", "demo-transport", SyncFlags.SYNC_OUTGOING_MAIL)
    run, _summary = run_accounts([account], tmp_path)
    state = run.tasks[0].snapshot()
    assert state.result == MAPI_E_BUSY, run.error_log.entries
    assert len(store.messages()) == 1 and store.sent() == []
    holder.unlock()
    run_accounts([account], tmp_path)
    assert store.messages() == [] and len(store.sent()) == 1
