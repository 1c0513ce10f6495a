"""Choosing where each provider runs, and what the app accepts from a provider's process."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app import wire
from app.cli import build_parser, options_from_args
from app.contract import SyncFlags
from app.errorlog import ErrorLog
from app.hosting import TaskSetup
from app.isolation import host_factory
from app.process_host import ProcessHost, _mirrored
from app.profile import Account
from app.thread_host import ThreadHost
from app.tracker import TaskTracker

PROFILE = """
[profile]
isolation = "thread"

[[accounts]]
name = "Own"
provider = "demo-fast"
isolation = "process"

[[accounts]]
name = "Default"
provider = "demo-fast"
"""


def options(tmp_path: Path, *args: str):
    path = tmp_path / "p.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return options_from_args(build_parser().parse_args(["--profile", str(path), *args]))


def setup(account: Account, tmp_path: Path) -> TaskSetup:
    tracker = TaskTracker(account.task, ErrorLog())
    return TaskSetup(account, SyncFlags(0), tmp_path, tracker, logging.getLogger("test"))


def hosts_of(tmp_path: Path, *args: str) -> dict[str, type]:
    """The host each account gets (built, not started)."""
    chosen = options(tmp_path, *args)
    assert chosen.profile is not None
    make = host_factory(chosen.isolation, chosen.profile.accounts)
    return {a.name: type(make(setup(a, tmp_path))) for a in chosen.profile.accounts}


def test_the_apps_default_is_process(tmp_path):
    parsed = build_parser().parse_args(["--provider", "demo-fast"])
    assert options_from_args(parsed).isolation == "process"


def test_profile_default_then_command_line_then_the_accounts_own(tmp_path):
    assert hosts_of(tmp_path) == {"Own": ProcessHost, "Default": ThreadHost}
    assert hosts_of(tmp_path, "--isolation", "process") == {
        "Own": ProcessHost,
        "Default": ProcessHost,
    }
    own = Account("X", "demo-fast", isolation="thread")
    make = host_factory("process", [own])
    setup = TaskSetup(
        own, SyncFlags(0), tmp_path, TaskTracker("X", ErrorLog()), logging.getLogger()
    )
    assert isinstance(make(setup), ThreadHost)


GOOD = {"t": "state", "calls": 3, "step": "s", "index": 1, "max": 2, "entries": [],
        "done": None, "failed": None, "ended": [None, None]}  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"index": 5, "max": 2**40},
        {"index": "1"},
        {"step": 42},
        {"done": 2**40},
        {"entries": [[1, "error", None, "text", 0]]},
        {"entries": [[1, "panic", None, "text", 1]]},
        {"entries": [[1, "error", None, "text"]]},
    ],
)
def test_a_broken_state_message_is_a_protocol_error(change):
    _mirrored(dict(GOOD))  # the good one passes
    with pytest.raises(wire.ProtocolError):
        _mirrored({**GOOD, **change})


def test_text_from_a_providers_process_is_made_printable_and_bounded():
    found = _mirrored({**GOOD, "step": "a\x1b[31m" + "x" * 10_000})
    assert "\x1b" not in found.step
    assert len(found.step) <= 300
