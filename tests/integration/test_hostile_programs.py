"""Every hostile protocol peer (providers/hostile) in one run with well-behaved
accounts: each ends with its named line, the others complete, and the app's memory
stays bounded, whatever the programs send."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from helpers.hostile import main_py
from helpers.hostile_programs import EXPECTED, GOOD, LIMITS, PROFILE, RSS_GROWTH_LIMIT
from helpers.runs import task_of

from sendreceive.config.profile import load_profile
from sendreceive.hosting.isolation import host_factory
from sendreceive.run.english import error_line
from sendreceive.run.send_receive import Run

SAMPLE_EVERY = 0.05  # seconds between looks at this process's memory


def resident_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    """The catalogue, run once in this process (the app's side), its memory watched."""
    accounts = load_profile(PROFILE).accounts
    run = Run(
        accounts,
        tmp_path_factory.mktemp("stores"),
        LIMITS,
        host_factory=host_factory(None, accounts),
    )
    before = resident_bytes()
    peak = [before]
    over = threading.Event()

    def watch() -> None:
        while not over.wait(SAMPLE_EVERY):
            peak[0] = max(peak[0], resident_bytes())

    watcher = threading.Thread(target=watch, name="rss-watch")
    watcher.start()
    try:
        asyncio.run(run.execute())
    finally:
        over.set()
        watcher.join()
    run.settle()
    return run, peak[0] - before


def test_the_profile_covers_the_whole_catalogue():
    names = [a.name for a in load_profile(PROFILE).accounts]
    assert names == [*GOOD, *EXPECTED]
    scripts = {p.name for p in PROFILE.parent.glob("*.sh")}
    commands = {
        word for a in load_profile(PROFILE).accounts if a.command for word in a.command.argv
    }
    assert scripts <= {Path(word).name for word in commands}


@pytest.mark.parametrize("account", GOOD)
def test_well_behaved_accounts_complete(finished_run, account):
    run, _ = finished_run
    state = task_of(run, account).snapshot()
    assert state.status.value == "completed", account
    assert state.errors == state.violations == 0


@pytest.mark.parametrize("account", list(EXPECTED))
def test_each_hostile_peer_ends_with_its_named_line(finished_run, account):
    run, _ = finished_run
    documented = EXPECTED[account]
    state = task_of(run, account).snapshot()
    lines = [error_line(e) for e in run.error_log.entries[:] if e.task == state.task]
    assert (state.status, state.result) == (documented.status, documented.result), lines
    assert state.index == documented.index
    if documented.line:
        assert any(documented.line in line for line in lines), lines


def test_the_apps_memory_stays_bounded(finished_run):
    _, growth = finished_run
    print(f"\nthe app's RSS grew by {growth / 2**20:.1f} MiB during the catalogue")
    assert growth <= RSS_GROWTH_LIMIT


def test_headless_program_names_every_peer_and_exits_1(tmp_path):
    done = main_py(
        "--profile",
        str(PROFILE),
        "--headless",
        "--store-dir",
        str(tmp_path / "stores"),
        "--log-file",
        str(tmp_path / "log"),
    )
    assert done.returncode == 1, done.stderr
    table = done.stdout.rpartition("\nTask ")[2]
    for account in GOOD:
        assert f"\n{account} - Receiving " in table
    assert "1,000,000 Progress - Receiving      Completed" in table
    for account, documented in EXPECTED.items():
        if documented.line:
            assert documented.line in done.stdout, account
    # Succeeded: the good ones, the million Progress and the forking one (its child is
    # a warning); with errors: the two contract breakers.
    assert done.stdout.rstrip().endswith(
        f"4 of {len(GOOD) + len(EXPECTED)} tasks have completed successfully "
        "(2 with errors, 10 failed)"
    )
