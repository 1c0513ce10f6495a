"""The host's patience with a run's tasks (``RunLimits``), and the range of every number a
user gives the host, defined once: the profile loader and the command line both check
against this table.

Why bounds at all: ``nan`` compares false with everything (``stall_timeout = nan`` would
turn "Not responding" off, ``cancel_grace = inf`` would never abandon a hung provider), and
Qt's timers take at most 2**31 - 1 milliseconds (24.8 days), so a schedule of 40,000
minutes crashed the window. Every duration here is capped at one week or less, which
keeps each timer built from it well inside Qt's limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sendreceive.printable import describe

ONE_DAY_SECONDS = 24 * 60 * 60
ONE_WEEK_SECONDS = 7 * ONE_DAY_SECONDS


def _plain(number: float) -> str:
    """1048576, not 1.04858e+06."""
    return str(int(number)) if number == int(number) else f"{number:g}"


@dataclass(frozen=True)
class Limit:
    """A number's range: a whole number from ``low`` to ``high``, or a finite number
    greater than ``low`` and at most ``high``."""

    key: str
    unit: str  # plural, e.g. "seconds"
    low: float
    high: float
    whole: bool = False
    high_label: str = ""  # what ``high`` amounts to, e.g. "one week"

    @property
    def rule(self) -> str:
        """The range in plain words, e.g. 'a number of seconds greater than 0 and at
        most 86400 (one day)'."""
        high = _plain(self.high) + (f" ({self.high_label})" if self.high_label else "")
        if self.whole:
            return f"a whole number of {self.unit} from {_plain(self.low)} to {high}"
        return f"a number of {self.unit} greater than {_plain(self.low)} and at most {high}"

    def problem(self, value: object) -> str | None:
        """Why ``value`` (as TOML gave it) is out of range; None when it is fine."""
        return None if self.fits(value) else f"must be {self.rule}, got {describe(value)}"

    def fits(self, value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if self.whole:
            return isinstance(value, int) and self.low <= value <= self.high
        finite = isinstance(value, int) or math.isfinite(value)  # no float(int): it overflows
        return finite and self.low < value <= self.high

    def parse(self, text: str) -> float:
        """A command-line value; raises ``ValueError`` with a plain-words message."""
        try:
            value: float = int(text) if self.whole else float(text)
        except ValueError:
            value = math.nan
        if not self.fits(value):
            raise ValueError(f"must be {self.rule}, got {describe(text)}")
        return value


#: ``[profile]`` keys (and command-line options) that set ``RunLimits``.
RUN_LIMITS = {
    limit.key: limit
    for limit in (
        Limit("max_parallel", "tasks", 1, 1024, whole=True),
        Limit("stall_timeout", "seconds", 0, ONE_DAY_SECONDS, high_label="one day"),
        Limit("cancel_grace", "seconds", 0, ONE_DAY_SECONDS, high_label="one day"),
        Limit("task_timeout", "seconds", 0, ONE_WEEK_SECONDS, high_label="one week"),
    )
}
#: Per-account limits of a provider's processes (process isolation): each holds for its
#: process tree together (its keeper adds them up) and, where the kernel has one, per process.
PROCESS_LIMITS = {
    limit.key: limit
    for limit in (
        Limit("memory_limit_mb", "MiB", 1, 1024 * 1024, whole=True, high_label="1 TiB"),
        Limit("open_files", "files", 1, 1024 * 1024, whole=True),
        Limit("cpu_seconds", "seconds", 1, ONE_WEEK_SECONDS, whole=True, high_label="one week"),
        Limit("threads", "threads", 1, 65536, whole=True),  # a process counts its threads
    )
}
#: A ``[[groups]]`` schedule.
EVERY_MINUTES = Limit("every_minutes", "minutes", 0, ONE_WEEK_SECONDS // 60, high_label="one week")


@dataclass(frozen=True)
class RunLimits:
    """The host's patience, in seconds. Tests shrink these; profiles and the command
    line set them, within the ranges of ``RUN_LIMITS``."""

    max_parallel: int = 8
    stall_timeout: float = 30.0  # silence before "not responding"
    cancel_grace: float = 10.0  # a cancelled provider's time to call Done, then "abandoned"
    done_event_grace: float = 2.0  # between Done and the done event / the call's return
    task_timeout: float | None = None  # a task still running after this is cancelled
    watchdog_interval: float = 0.25
