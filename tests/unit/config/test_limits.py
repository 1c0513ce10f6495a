"""One range per limit (sendreceive.config.limits), read by the profile loader and the command
line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sendreceive.cli import build_parser, options_from_args
from sendreceive.config.limits import EVERY_MINUTES, RUN_LIMITS, RunLimits


def parse_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(list(args))
    assert exited.value.code == 2
    return capsys.readouterr().err.splitlines()[-1]


def test_every_run_limit_is_a_run_limits_field():
    assert set(RUN_LIMITS) <= {f.name for f in dataclasses.fields(RunLimits)}


def test_every_duration_fits_a_qt_timer():
    """Qt's timers take int milliseconds up to 2**31 - 1; every duration built from a
    limit (schedules, and qasync's call_later timers for the deadlines) must fit."""
    assert EVERY_MINUTES.high * 60_000 <= 2**31 - 1
    for limit in RUN_LIMITS.values():
        if not limit.whole:
            assert limit.high * 1000 <= 2**31 - 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "86401", "1e400", "x", ""])
def test_command_line_seconds_out_of_range_are_refused_in_plain_words(capsys, value):
    line = parse_error(capsys, f"--stall-timeout={value}")
    assert line == (
        "sendreceive: error: argument --stall-timeout: must be a number of seconds greater "
        f"than 0 and at most 86400 (one day), got '{value}'"
    )


@pytest.mark.parametrize("value", ["0", "1025", "2.5", "nan", "many"])
def test_command_line_max_parallel_out_of_range_is_refused(capsys, value):
    line = parse_error(capsys, f"--max-parallel={value}")
    assert line == (
        "sendreceive: error: argument --max-parallel: must be a whole number of tasks from 1 "
        f"to 1024, got '{value}'"
    )


def test_command_line_limits_in_range_override_the_profile(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[profile]\nstall_timeout = 5\ncancel_grace = 2\n[[accounts]]\nname = "A"\n'
        'provider = "demo-fast"\n'
    )
    args = build_parser().parse_args(
        [
            "--profile",
            str(profile),
            "--cancel-grace",
            "86400",
            "--task-timeout",
            "604800",
            "--max-parallel",
            "1024",
        ]
    )
    limits = options_from_args(args).limits
    assert (limits.stall_timeout, limits.cancel_grace) == (5, 86400.0)
    assert (limits.task_timeout, limits.max_parallel) == (604800.0, 1024)


def test_the_readme_gives_every_range():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    for limit in (*RUN_LIMITS.values(), EVERY_MINUTES):
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{limit.key}`"))
        assert f"{limit.high:g}" in row, row
