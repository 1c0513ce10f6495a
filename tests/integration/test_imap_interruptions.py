"""Interrupted runs (cancel, server crash, full disk, a killed process) lose and duplicate
nothing, and a message the server cannot deliver does not stop the sync.

The interruptions run on Dovecot and on Cyrus; what breaks Dovecot's own files, and
what never reaches the server (the local store), on Dovecot alone."""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.imap import (
    FULL_SYNC,
    REPO_ROOT,
    Account,
    SyncResult,
    assert_mirrors,
    local_files,
    make_message,
    run_sync,
    seed,
    server_messages,
    set_local_flags,
)
from helpers.waiting import wait_until

from sendreceive.contract import (
    MAPI_E_BUSY,
    MAPI_E_CALL_FAILED,
    MAPI_E_CORRUPT_DATA,
    MAPI_E_DISK_ERROR,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_NOT_ENOUGH_DISK,
    MAPI_E_USER_CANCEL,
    MAPI_W_ERRORS_RETURNED,
    S_OK,
)
from sendreceive.providers.imap import maildir_store

KILL_WAIT = 120.0  # a sync of 3,000 messages on a loaded machine, with room


@pytest.fixture
def account(any_account: Account) -> Account:
    """The interruptions run on Dovecot and on Cyrus."""
    return any_account


def _seed_inbox(account: Account, count: int) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=400 + 997 * (i % 9)) for i in range(count)])


def _assert_subset_of_server(account: Account, folder: str = "INBOX", local: str = "") -> int:
    """Every message on disk is whole and is the server's; returns how many there are."""
    with account.client() as client:
        server = server_messages(client, folder)
    files = local_files(account.store_dir, local)
    for uid, file in files.items():
        assert file.read_bytes() == server[uid], f"UID {uid} is not the server's message"
    return len(files)


def test_cancel_from_progress_stops_at_once_and_the_next_run_resumes(account: Account) -> None:
    _seed_inbox(account, 120)
    result = account.sync(on_progress=lambda index, total: total > 0 and index >= 37)
    assert result.hresult == MAPI_E_USER_CANCEL
    assert result.callback.progress[-1] == ("Receiving message 37 of 120", 37, 120)
    assert _assert_subset_of_server(account) == 37  # the batch in hand was kept

    resume = account.sync()
    assert resume.hresult == S_OK
    assert resume.received == 120 - 37
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")


def test_cancel_seen_through_the_session(account: Account) -> None:
    _seed_inbox(account, 60)
    positions: list[int] = []

    def watch(index: int, _total: int) -> bool:
        positions.append(index)
        return False

    result = account.sync(on_progress=watch, is_cancelled=lambda: max(positions, default=0) >= 9)
    assert result.hresult == MAPI_E_USER_CANCEL
    assert max(positions) == 9
    assert _assert_subset_of_server(account) == 9


def test_server_killed_mid_sync_is_a_network_error_and_resumes(
    any_private_account: Account,
) -> None:
    _seed_inbox(any_private_account, 100)
    server = any_private_account.server

    def crash_at_30(index: int, total: int) -> bool:
        if total and index == 30:
            server.kill()
        return False

    result = any_private_account.sync(on_progress=crash_at_30, settings={"batch_size": 10})
    assert result.hresult == MAPI_E_NETWORK_ERROR
    assert result.callback.errors[-1][0] == MAPI_E_NETWORK_ERROR
    assert f"connection to 127.0.0.1:{server.ssl_port} was lost" in result.error_texts
    server.start()
    kept = _assert_subset_of_server(any_private_account)
    assert kept == 30

    resume = any_private_account.sync()
    assert resume.hresult == S_OK
    assert resume.received == 100 - kept
    with any_private_account.client() as client:
        assert_mirrors(client, any_private_account.store_dir, "INBOX", "")


def test_a_message_the_server_cannot_deliver_is_reported_and_skipped(
    dovecot_account: Account,
) -> None:
    _seed_inbox(dovecot_account, 12)
    ident = make_message(4, size=400 + 997 * 4).split(b"Message-ID: <")[1][:16]
    inbox = dovecot_account.server.mail_dir(dovecot_account.user) / "INBOX"
    next(f for f in inbox.glob("*/*") if ident in f.read_bytes()).chmod(0)
    try:  # Dovecot cannot read it: it answers the FETCH with BYE and disconnects
        result = dovecot_account.sync(settings={"batch_size": 5})
    finally:  # Dovecot may have moved it from new/ to cur/
        next(f for f in inbox.glob("*/*") if not f.stat().st_mode & 0o777).chmod(0o600)
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    assert [hr for hr, _text in result.callback.errors] == [MAPI_E_CORRUPT_DATA]
    assert "Message UID 5 in folder 'INBOX' could not be received" in result.error_texts
    assert sorted(local_files(dovecot_account.store_dir)) == [
        uid for uid in range(1, 13) if uid != 5
    ]

    retry = dovecot_account.sync()
    assert (retry.hresult, retry.received) == (S_OK, 1)
    with dovecot_account.client() as client:
        assert_mirrors(client, dovecot_account.store_dir, "INBOX", "")


def test_a_folder_the_server_cannot_open_is_reported_and_skipped(dovecot_account: Account) -> None:
    with dovecot_account.client() as client:
        seed(client, "Broken", [make_message(1, "Broken")])
        seed(client, "Fine", [make_message(1, "Fine")])
    broken = dovecot_account.server.mail_dir(dovecot_account.user) / "Broken"
    broken.chmod(0)  # Dovecot answers NO to STATUS and SELECT
    try:
        result = dovecot_account.sync()
    finally:
        broken.chmod(0o700)
    assert result.hresult == MAPI_W_ERRORS_RETURNED
    [(hr, text)] = result.callback.errors
    assert hr == MAPI_E_CALL_FAILED
    assert text.startswith("Folder 'Broken' was skipped: 127.0.0.1 answered")
    assert len(local_files(dovecot_account.store_dir, "Fine")) == 1


def test_full_disk_stops_with_not_enough_disk_and_resumes(
    account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed_inbox(account, 40)
    real_append = maildir_store._append
    writes = 0

    def disk_full_after_25(fd: int, data: bytes) -> None:
        nonlocal writes
        writes += 1  # each message is written at once: it is smaller than a piece
        if writes > 25:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_append(fd, data)

    monkeypatch.setattr(maildir_store, "_append", disk_full_after_25)
    result = account.sync(settings={"batch_size": 10})
    assert result.hresult == MAPI_E_NOT_ENOUGH_DISK
    assert "The disk holding the local store is full" in result.error_texts
    assert _assert_subset_of_server(account) == 25

    monkeypatch.undo()
    resume = account.sync()
    assert (resume.hresult, resume.received) == (S_OK, 15)


def test_unwritable_store_is_a_disk_error(dovecot_account: Account, tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    result = run_sync(dovecot_account.settings(), not_a_directory / "store")
    assert result.hresult == MAPI_E_DISK_ERROR
    assert "could not be written" in result.error_texts


def test_a_second_concurrent_sync_of_one_store_is_refused(dovecot_account: Account) -> None:
    _seed_inbox(dovecot_account, 3)
    inside, release = threading.Event(), threading.Event()
    first: list[SyncResult] = []

    def hold(_index: int, _total: int) -> bool:
        inside.set()
        return not release.wait(30)

    thread = threading.Thread(target=lambda: first.append(dovecot_account.sync(on_progress=hold)))
    thread.start()
    try:
        assert inside.wait(30)
        second = dovecot_account.sync()
    finally:
        release.set()
        thread.join(60)
    assert second.hresult == MAPI_E_BUSY
    assert "already using the local store" in second.error_texts
    assert first[0].hresult == S_OK


CHILD = r"""
import json, logging, os, sys
from pathlib import Path
from sendreceive.providers.imap import batching
from sendreceive.contract import IID_IMAPISyncProgressCallback, MAPISIB, S_OK
from sendreceive.hosting.session import Session
from sendreceive.providers.imap import ImapProvider

class Callback:
    def Progress(self, text, index, total):
        print("progress", index, total, flush=True)
        return S_OK
    def Error(self, hr, text):
        print("error", hex(hr), text, file=sys.stderr, flush=True)
        return S_OK
    def Done(self, event, hr):
        print("done", hr, flush=True)
        return S_OK

class Unknown:
    def QueryInterface(self, riid):
        assert riid == IID_IMAPISyncProgressCallback
        return Callback()

if "MAX_BATCH" in os.environ:  # batches that stay small: many moments to kill it at
    batching.MAX_COUNT = int(os.environ["MAX_BATCH"])
settings = json.loads(sys.argv[1])
session = Session("child", settings, Path(sys.argv[2]), logging.getLogger("child"), bool)
sib = MAPISIB(ulFlags=int(sys.argv[3]), psesSync=session, punkCallBack=Unknown())
ImapProvider(**settings).SynchronizeInBackground(sib)
sib.phSyncDoneEvent.value.wait()
"""


def test_sigkill_at_random_points_never_loses_or_duplicates(account: Account) -> None:
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=300 + 211 * (i % 37)) for i in range(300)])
        seed(client, "Other", [make_message(i, "Other", size=2000) for i in range(100)])
    command = [sys.executable, "-c", CHILD, json.dumps(account.settings(batch_size=15))]
    command += [str(account.store_dir), str(int(FULL_SYNC))]
    rng = random.Random(20250603)
    for _round in range(6):
        kill_after = rng.randint(1, 70)  # progress lines: some in the check pass, most later
        child = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for number, line in enumerate(child.stdout, 1):
            if number >= kill_after or line.startswith("done"):
                break
        child.kill()
        child.wait()
        child.stdout.close()
        _assert_subset_of_server(account)
        if (account.store_dir / "Maildir" / ".Other").exists():
            _assert_subset_of_server(account, "Other", "Other")

    final = account.sync()
    assert final.hresult == S_OK
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")
        assert_mirrors(client, account.store_dir, "Other", "Other")


#: ``CHILD`` whose ``STALL_AT``-th state write stops half way, as a SIGKILL during the
#: write would leave it: half the new state in the temporary file, the old one in place.
STALLING_CHILD = (
    r"""
import io, os, tempfile, threading
from sendreceive.providers.imap import maildir_store

_writes = 0
_replace = maildir_store.replace_written

def _stall_at_a_state_write(path, write, *args, **kwargs):
    global _writes
    _writes += path.name == maildir_store.STATE_FILE
    if path.name != maildir_store.STATE_FILE or _writes < int(os.environ["STALL_AT"]):
        return _replace(path, write, *args, **kwargs)
    written = io.BytesIO()
    write(written)
    data = written.getvalue()
    fd, _tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.write(fd, data[: len(data) // 2])
    print("writing state", flush=True)
    threading.Event().wait()

maildir_store.replace_written = _stall_at_a_state_write
"""
    + CHILD
)
BIG = 3000


def _message_count(store_dir: Path) -> int:
    inbox = store_dir / "Maildir"
    return sum(len(os.listdir(inbox / sub)) for sub in ("cur", "new") if (inbox / sub).is_dir())


def _kill_when(command: list[str], condition: Callable[[], bool]) -> None:
    """Run the provider's process until ``condition`` holds, then SIGKILL it."""
    child = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL)
    try:
        assert wait_until(lambda: condition() or child.poll() is not None, KILL_WAIT)
        assert child.poll() is None, "the sync ended before the moment to kill it"
    finally:
        child.kill()
        child.wait()


def _kill_in_state_write(command: list[str], write: int) -> None:
    """Run the provider's process until its ``write``-th state write is half done, then
    SIGKILL it."""
    environment = {**os.environ, "STALL_AT": str(write)}
    child = subprocess.Popen(
        [sys.executable, "-c", STALLING_CHILD, *command[3:]],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdout is not None
    try:
        stalled = any(line == "writing state\n" for line in child.stdout)
        assert stalled, f"the sync ended (exit {child.wait()}) before state write {write}"
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_sigkill_at_chosen_moments_of_a_big_sync_then_resume(
    account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23's "survives kills" at a size the suite can afford: four kills at moments
    chosen by progress (a fresh state, files on disk, a state write cut in half), one
    more with local flag changes being uploaded, then a resume: nothing lost, nothing
    duplicated, and a sync afterwards changes nothing. The killed processes' batches
    stay at 100 messages (not grown to 2,000 on a fast server): thirty commits, each a
    moment to kill, and the last kill comes 400 messages before the end."""
    monkeypatch.setenv("MAX_BATCH", "100")
    with account.client() as client:
        seed(client, "INBOX", [make_message(i, size=300 + 37 * (i % 13)) for i in range(BIG)])
    command = [sys.executable, "-c", CHILD, json.dumps(account.settings(batch_size=100))]
    command += [str(account.store_dir), str(int(FULL_SYNC))]
    state = account.store_dir / "Maildir" / maildir_store.STATE_FILE
    kept = [0]

    def check_after_kill() -> None:
        count = _assert_subset_of_server(account)
        assert count >= kept[-1], "a kill lost messages already kept"
        kept.append(count)

    _kill_when(command, state.is_file)  # the folder's first state, no message yet
    check_after_kill()
    _kill_when(command, lambda: _message_count(account.store_dir) >= 700)
    check_after_kill()
    _kill_in_state_write(command, write=8)  # some batches into the resume
    check_after_kill()
    assert kept[-1] > kept[-2] > 0
    _kill_when(command, lambda: _message_count(account.store_dir) >= BIG - 400)
    check_after_kill()
    assert kept[-1] < BIG, "the last kill came after the sync"

    resume = account.sync()
    assert (resume.hresult, resume.received) == (S_OK, BIG - kept[-1])
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")

    flagged = sorted(local_files(account.store_dir))[::100]
    for uid in flagged:
        set_local_flags(local_files(account.store_dir)[uid], "F")
    # The run's one state write records the flags' new merge base: the server has the
    # flags already (seen on both servers), the state does not.
    _kill_in_state_write(command, write=1)
    assert account.sync().hresult == S_OK
    names = {path.name for path in local_files(account.store_dir).values()}
    quiet = account.sync()
    assert (quiet.hresult, quiet.received) == (S_OK, 0)
    assert {path.name for path in local_files(account.store_dir).values()} == names
    inbox = account.store_dir / "Maildir"
    assert not os.listdir(inbox / "tmp")
    assert not list(inbox.glob(".imap-sync-state.json.*.tmp")), "a cut-short state write stays"
    with account.client() as client:
        assert_mirrors(client, account.store_dir, "INBOX", "")
        client.select_folder("INBOX", readonly=True)
        server_flags = client.get_flags(flagged)
    assert all(b"\\Flagged" in server_flags[uid] for uid in flagged), server_flags
