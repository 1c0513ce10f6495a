"""Where a task's provider runs: the small interface between a task (``sendreceive.run.task``, which
owns the task's life) and the place its provider code executes.

``ThreadHost`` (``sendreceive.hosting.thread.host``) runs the provider on a thread of this process,
``ProcessHost`` (``sendreceive.hosting.process.host``) in a process of its own: the task, the
engine, the tracker and the front-ends do not tell them apart. What crosses the interface is plain
host data (ints, strs, bools, the host's findings): a host reads and describes what the provider
did *where the provider runs*, so the task's supervision never touches a provider-supplied object.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sendreceive.config.profile import Account
from sendreceive.contract import S_OK, SyncFlags
from sendreceive.tracking.findings import Found
from sendreceive.tracking.tracker import TaskTracker

Waker = Callable[[], None]  # wakes a task's supervision; callable from any thread
# Seconds a host may go on delivering a finished task's last messages (a provider
# process's trace, on a busy machine) while it keeps sending; a silent one is stopped
# sooner (``sendreceive.hosting.process.host.STOP_GRACE``).
LAST_MESSAGES_LIMIT = 30.0


@dataclass(frozen=True)
class TaskSetup:
    """What a host needs to run one task's provider."""

    account: Account
    flags: SyncFlags
    store_dir: Path  # absolute, fixed before any provider runs
    tracker: TaskTracker  # the task's IMAPISyncProgressCallback and state
    logger: logging.Logger
    default_store: Path | None = None  # the Outbox's store, for psesSync.outbox


@dataclass(frozen=True)
class Outcome:
    """What ``SynchronizeInBackground`` did, already checked on the provider's side."""

    hresult: int = S_OK  # its return value (S_OK when it was no HRESULT: a rule 3 violation)
    raised: str | None = None  # "RuntimeError: text" when it raised
    failure: Found | None = None  # the host's own finding (load error, no store, not an
    #                               event): the task fails with ``hresult`` and this
    background: bool = False  # a done event was handed over; Done is still to come


class ProviderHost(Protocol):
    """One task's provider, hosted somewhere. Every method is called on the event loop
    and returns at once; none of them runs provider code."""

    isolation: str  # "thread" or "process": where the provider runs, for recordings

    def start(self, wake: Waker) -> None:
        """Load the provider and call ``SynchronizeInBackground`` elsewhere; ``wake``
        when the outcome or the done event arrives. The task is Running (``tracker.start``)
        from when the provider's side is up: a process's start-up is no provider silence."""
        ...

    @property
    def outcome(self) -> Outcome | None:
        """What the call did, once it has returned or raised."""
        ...

    @property
    def loaded(self) -> bool:
        """The provider's code was imported and its object made: a time limit that
        strikes before then names the provider as still loading."""
        ...

    @property
    def done_event_set(self) -> bool:
        """The provider signalled its ``phSyncDoneEvent``."""
        ...

    def work_ended(self, silent: bool) -> Found | None:
        """For a background task still owing ``Done``: the rule 2 violation saying why
        the provider's own work is known to have ended (its thread ended), else ``None``.
        ``silent``: the task has said nothing past the stall timeout."""
        ...

    def starved(self) -> bool | None:
        """Asked before a silent task is flagged Not responding: whether the provider
        spent the time since the last ask waiting for a CPU rather than running (a GUI's
        provider processes take only the CPU the machine leaves); ``None`` when this ask
        only took a baseline (ask again at the next look)."""
        ...

    def waited_for_cpu(self) -> float:
        """Seconds the provider has been kept from a CPU by other work since it started
        (its most delayed thread's wait), as last read; 0 where that is unknown. The
        task time limit gives this time back, up to the limit once more (``Task``)."""
        ...

    def stop(self) -> None:
        """Supervision is over: release what the host holds for this task."""
        ...

    def terminate(self) -> bool:
        """End the provider's code now, for a provider that ignored Cancel. Returns
        False where that is impossible (a thread cannot be stopped: it is abandoned)."""
        ...

    def wait_finished(self, timeout: float) -> bool:
        """After ``stop``: wait, at most ``timeout`` s, until everything the provider's
        side will ever send has arrived (a process's last messages); whether it has."""
        ...

    def left_behind(self) -> str:
        """What an abandoned provider leaves running, for the log."""
        ...


HostFactory = Callable[[TaskSetup], ProviderHost]
