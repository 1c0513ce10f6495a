"""The host's patience with a run's tasks: the numbers the profile and the command line set."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunLimits:
    """The host's patience, in seconds. Tests shrink these; profiles and the command
    line set them."""

    max_parallel: int = 8
    stall_timeout: float = 30.0  # silence before "not responding"
    cancel_grace: float = 10.0  # a cancelled provider's time to call Done, then "abandoned"
    done_event_grace: float = 2.0  # between Done and the done event / the call's return
    task_timeout: float | None = None  # a task still running after this is cancelled
    watchdog_interval: float = 0.25
