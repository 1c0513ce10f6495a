"""Test configuration shared by every suite: a headless Qt, isolated user folders, and
a check that no provider thread outlives its test."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator

import keyring
import pytest
from helpers.keyrings import MemoryKeyring

# Before anything imports Qt: no screen is needed, and no user file is touched.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="sendreceive-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_STATE_HOME"] = os.path.join(_HOME, "state")  # the log file

# A program a test starts never reaches the developer's keyring (it fails instead).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

pytest_plugins = ["helpers.gui_fixtures", "helpers.program_providers"]


@pytest.fixture(autouse=True)
def own_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test is a user of its own: no profile, settings, log or last results of
    another test (the programs a test starts inherit these folders)."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))


@pytest.fixture(autouse=True)
def test_keyring() -> Iterator[MemoryKeyring]:
    """Each test has a keyring of its own, empty, in memory."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


_HOST_THREAD_PREFIXES = ("provider:", "done-event:")
THREAD_EXIT_TIMEOUT = 10.0


@pytest.fixture(autouse=True)
def no_leaked_provider_threads() -> Iterator[None]:
    """Fail a test whose provider threads are still running after it (napari does the
    same for QThreads): a leaked thread means a test left a provider hanging."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t
        for t in threading.enumerate()
        if t not in before and t.name.startswith(_HOST_THREAD_PREFIXES)
    ]
    for thread in leaked:
        thread.join(THREAD_EXIT_TIMEOUT)
    alive = [t.name for t in leaked if t.is_alive()]
    assert not alive, f"provider threads still running after the test: {alive}"
