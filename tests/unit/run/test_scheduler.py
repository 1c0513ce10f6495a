"""Schedules in the engine: due times, offline pauses, edited groups."""

from __future__ import annotations

from sendreceive.config.profile import Group
from sendreceive.run.scheduler import Scheduler


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_groups_fall_due_on_their_own_clock_and_pause_offline():
    clock, started = Clock(), []
    scheduler = Scheduler(started.append, clock)
    scheduler.set_groups([Group("All Accounts", ("A",)), Group("Work", ("A",), every_minutes=5)])
    assert scheduler.scheduled() == ["Work"] and scheduler.due_in("Work") == 300
    clock.now += 299
    assert scheduler.tick() == []
    clock.now += 1
    assert scheduler.tick() == ["Work"] and started == ["Work"]
    assert scheduler.due_in("Work") == 300

    scheduler.offline = True
    assert scheduler.due_in("Work") is None
    clock.now += 300
    assert scheduler.tick() == [] and started == ["Work"]  # skipped, not piled up
    scheduler.offline = False
    assert scheduler.due_in("Work") == 300


def test_an_edited_group_is_rearmed_and_an_unchanged_one_keeps_its_time():
    clock = Clock()
    scheduler = Scheduler(lambda _name: None, clock)
    scheduler.set_groups([Group("A", (), every_minutes=5), Group("B", (), every_minutes=5)])
    clock.now += 100
    scheduler.set_groups([Group("A", (), every_minutes=5), Group("B", (), every_minutes=10)])
    assert scheduler.due_in("A") == 200 and scheduler.due_in("B") == 600
    scheduler.set_groups([Group("A", ())])
    assert scheduler.scheduled() == [] and scheduler.due_in("A") is None


def test_fire_runs_a_group_now():
    started = []
    scheduler = Scheduler(started.append, Clock())
    scheduler.set_groups([Group("Work", (), every_minutes=1)])
    scheduler.fire("Work")
    assert started == ["Work"]


def test_attached_to_a_loop_it_ticks_by_itself_and_detaches_cleanly():
    import asyncio

    async def main() -> list[str]:
        started: list[str] = []
        fired = asyncio.Event()
        scheduler = Scheduler(lambda name: (started.append(name), fired.set()))
        scheduler.set_groups([Group("Fast", (), every_minutes=0.001)])  # 60 ms
        scheduler.attach(asyncio.get_running_loop())
        await asyncio.wait_for(fired.wait(), 10)
        scheduler.detach()
        return started

    assert asyncio.run(main())[:1] == ["Fast"]
