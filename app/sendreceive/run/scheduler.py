"""Scheduled Send/Receive: every group with ``every_minutes`` runs on its own clock.

The schedules belong to the engine's side, not to a window: the GUI and a headless
front-end drive the same ``Scheduler`` on their asyncio loop (qasync's in the GUI).
While the user works offline the schedules pause: a tick that falls due then is skipped,
and the next one comes as usual. A tick that comes while a run is going is the
front-end's to skip (``start`` returns without starting), as Outlook does.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from sendreceive.config.profile import Group

Clock = Callable[[], float]


class Scheduler:
    """Due times of the scheduled groups; ``start(name)`` is called when one falls due."""

    def __init__(self, start: Callable[[str], object], clock: Clock = time.monotonic) -> None:
        self._start = start
        self._clock = clock
        self._intervals: dict[str, float] = {}  # seconds
        self._due: dict[str, float] = {}  # clock time
        self._offline = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timer: asyncio.TimerHandle | None = None

    def __repr__(self) -> str:
        return f"<Scheduler {sorted(self._intervals)} offline={self._offline}>"

    @property
    def offline(self) -> bool:
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        self._offline = value

    def set_groups(self, groups: Sequence[Group]) -> None:
        """(Re)arm from the profile's groups; a group whose interval did not change
        keeps its due time."""
        now = self._clock()
        intervals = {g.name: g.every_minutes * 60 for g in groups if g.every_minutes}
        self._due = {
            name: self._due[name]
            if self._intervals.get(name) == seconds and name in self._due
            else now + seconds
            for name, seconds in intervals.items()
        }
        self._intervals = intervals
        self._arm()

    def scheduled(self) -> list[str]:
        return list(self._intervals)

    def interval(self, name: str) -> float | None:
        """Seconds between two runs of the group, or ``None`` if it has no schedule."""
        return self._intervals.get(name)

    def due_in(self, name: str) -> float | None:
        """Seconds until the group's next run (``None``: unscheduled or offline)."""
        if self._offline or name not in self._due:
            return None
        return max(0.0, self._due[name] - self._clock())

    def tick(self) -> list[str]:
        """Start what is due (unless offline) and arm its next time; the names started."""
        now = self._clock()
        started = []
        for name, due in list(self._due.items()):
            if due > now:
                continue
            self._due[name] = now + self._intervals[name]
            if not self._offline:
                started.append(name)
                self._start(name)
        self._arm()
        return started

    def fire(self, name: str) -> None:
        """Make ``name`` due now and tick: what its clock does when its time comes."""
        self._due[name] = self._clock()
        self.tick()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Tick on ``loop`` whenever something falls due, until ``detach``. A timer
        handle, not a task: detaching leaves nothing pending on the loop."""
        self._loop = loop
        self._arm()

    def detach(self) -> None:
        self._loop = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._loop is None or not self._due:
            return
        wait = max(0.0, min(self._due.values()) - self._clock())
        self._timer = self._loop.call_later(wait, self.tick)
