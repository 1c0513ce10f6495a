"""Landlock (``confine_files``, on by default): a provider's process reads and writes its
store, reads its code and the system's files, and nothing else of the user's — not the
profile, not another account's store. Real processes, the real kernel; the bundled
providers' own integration tests run confined too (the default)."""

from __future__ import annotations

import asyncio
import json
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.hostile import LIMITS

from sendreceive.config.profile import Account
from sendreceive.hosting.isolation import host_factory
from sendreceive.hosting.process import landlock
from sendreceive.paths import store_dir
from sendreceive.run.send_receive import Run
from sendreceive.tracking.tracker import TaskStatus

pytestmark = pytest.mark.skipif(not landlock.version(), reason="no Landlock in this kernel")

PEEKING_PROVIDER = """
import json, os
from pathlib import Path
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK
from sendreceive.paths import store_dir

def attempt(action):
    try:
        action()
        return "done"
    except OSError as exc:
        return type(exc).__name__

class Peeks:
    # Tries the user's files beside its own (found from its store: a path in its
    # settings would be granted), and says what it could do.
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        own = psibpb.psesSync.store_dir
        self.profile = own.parent.parent / "profile.toml"
        self.other_store = store_dir(own.parent, "Other")
        said = {
            "profile": attempt(self.profile.read_text),
            "other store file": attempt((self.other_store / "mail.txt").read_text),
            "other store listing": attempt(lambda: os.listdir(self.other_store)),
            "other store write": attempt(lambda: (self.other_store / "planted").write_text("x")),
            "own store write": attempt(lambda: (own / "mail.txt").write_text("mine")),
            "own store read": attempt((own / "mail.txt").read_text),
            "system file": attempt(Path("/etc/passwd").read_text),
            "temporary file": attempt(lambda: open("/tmp/landlock-probe", "w").close()),
        }
        cb.Error(1, json.dumps(said))
        cb.Done(None, S_OK)
        return S_OK
"""


def peek(tmp_path: Path, confine_files: bool) -> tuple[TaskStatus, dict[str, str]]:
    code = tmp_path / "code"
    code.mkdir()
    (code / "peek.py").write_text(PEEKING_PROVIDER)
    profile = tmp_path / "profile.toml"
    profile.write_text('[[accounts]]\nname = "Other"\npassword = "hunter2"\n')
    stores = tmp_path / "stores"
    other = store_dir(stores, "Other")
    other.mkdir(parents=True)
    (other / "mail.txt").write_text("another account's mail")
    account = Account("Peeks", f"{code / 'peek.py'}:Peeks", confine_files=confine_files)
    return run_one(account, stores)


def run_one(account: Account, stores: Path) -> tuple[TaskStatus, dict[str, str]]:
    """Its task's status, and what it said (as JSON, in an error line)."""
    the_run = Run(
        [account],
        stores,
        replace(LIMITS, task_timeout=None),
        host_factory=host_factory("process", [account]),
    )
    asyncio.run(the_run.execute())
    (entry,) = [e for e in the_run.error_log.entries if e.text.startswith("{")]
    return the_run.tasks[0].snapshot().status, json.loads(entry.text)


def test_a_confined_provider_reads_its_store_and_code_but_not_the_profile_or_another_store(
    tmp_path,
):
    status, said = peek(tmp_path, confine_files=True)
    assert status is TaskStatus.WARNINGS, status  # its Error(1, …) is a warning line
    assert said == {
        "profile": "PermissionError",
        "other store file": "PermissionError",
        "other store listing": "PermissionError",
        "other store write": "PermissionError",
        "own store write": "done",
        "own store read": "done",
        "system file": "done",
        "temporary file": "PermissionError",
    }, said
    assert not (store_dir(tmp_path / "stores", "Other") / "planted").exists()
    own = store_dir(tmp_path / "stores", "Peeks")  # made before confining, private
    assert stat.S_IMODE(own.stat().st_mode) == 0o700


def test_unconfined_the_same_provider_reads_the_users_files(tmp_path):
    """``confine_files = false``: the same reads succeed — what the option takes away."""
    _, said = peek(tmp_path, confine_files=False)
    assert said["profile"] == "done"
    assert said["other store file"] == "done"
    assert said["other store write"] == "done"


def test_paths_its_settings_name_are_granted_read_only(tmp_path):
    """The profile's author grants a path by naming it in the account's settings (a CA
    file, a replay's trace): the provider reads it, and still cannot write there."""
    code = tmp_path / "code"
    code.mkdir()
    (code / "reads.py").write_text(READING_PROVIDER)
    granted = tmp_path / "granted"
    granted.mkdir()
    (granted / "ca.pem").write_text("a certificate")
    account = Account(
        "Reads", f"{code / 'reads.py'}:Reads", settings={"ca_file": str(granted / "ca.pem")}
    )
    _, said = run_one(account, tmp_path / "stores")
    assert said == {"read": "a certificate", "write": "PermissionError"}, said


READING_PROVIDER = """
import json
from pathlib import Path
from sendreceive.contract import IID_IMAPISyncProgressCallback, S_OK

class Reads:
    def __init__(self, ca_file):
        self.ca_file = Path(ca_file)

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        try:
            (self.ca_file.parent / "planted").write_text("x")
            wrote = "done"
        except OSError as exc:
            wrote = type(exc).__name__
        cb.Error(1, json.dumps({"read": self.ca_file.read_text(), "write": wrote}))
        cb.Done(None, S_OK)
        return S_OK
"""
