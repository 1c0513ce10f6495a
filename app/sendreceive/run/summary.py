"""Every count a front-end shows of a run, computed in one place.

The dialog's header, the Errors tab's title, the status bar, the main window's account
list, the headless table and the JSON summary all read a ``RunSummary`` built here from
the same task snapshots, so no two of them can disagree. It holds numbers, not words:
each front-end says them in its own language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sendreceive.tracking.tracker import TaskState, TaskStatus


class Outcome(Enum):
    """What a run (or a task) came to, worst first wins."""

    RUNNING = "running"
    SUCCEEDED = "succeeded"  # every task completed without an error
    COMPLETED_WITH_ERRORS = "completed with errors"  # none failed, some reported errors
    FAILED = "failed"  # a task failed, was cancelled or abandoned


class Fate(Enum):
    """How a task ended other than successfully; the values are the headless words."""

    WITH_ERRORS = "with errors"
    FAILED = "failed"
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"
    UNFINISHED = "unfinished"


@dataclass(frozen=True)
class RunSummary:
    """The counts of one run; ``errors`` include contract violations, repeats included."""

    total: int
    succeeded: int  # completed with no error and no contract violation (warnings allowed)
    with_errors: int  # completed, but reported errors or broke the contract
    failed: int
    cancelled: int
    abandoned: int  # cancelled, but the provider never stopped
    unfinished: int  # pending or still running
    errors: int
    violations: int  # the share of ``errors`` that are contract violations
    warnings: int

    def fates(self) -> list[tuple[Fate, int]]:
        """The tasks that did not succeed, by fate, leaving out the fates no task had."""
        counts = (
            (Fate.WITH_ERRORS, self.with_errors),
            (Fate.FAILED, self.failed),
            (Fate.CANCELLED, self.cancelled),
            (Fate.ABANDONED, self.abandoned),
            (Fate.UNFINISHED, self.unfinished),
        )
        return [(fate, n) for fate, n in counts if n]

    @property
    def finished(self) -> int:
        return self.total - self.unfinished

    @property
    def all_completed(self) -> bool:
        """Every task came to an end of its own: none failed, was cancelled or abandoned
        (the headless exit code 0)."""
        return self.succeeded + self.with_errors == self.total

    @property
    def outcome(self) -> Outcome:
        if self.unfinished:
            return Outcome.RUNNING
        if self.failed or self.cancelled or self.abandoned:
            return Outcome.FAILED
        if self.with_errors or self.errors:
            return Outcome.COMPLETED_WITH_ERRORS
        return Outcome.SUCCEEDED


def task_errors(state: TaskState) -> int:
    """A task's errors as every front-end counts them: contract violations included."""
    return state.errors + state.violations


def task_outcome(state: TaskState) -> Outcome:
    if not state.status.is_final:
        return Outcome.RUNNING
    if not state.status.is_success:
        return Outcome.FAILED
    return Outcome.COMPLETED_WITH_ERRORS if task_errors(state) else Outcome.SUCCEEDED


def summarize(states: Iterable[TaskState]) -> RunSummary:
    total = succeeded = with_errors = failed = cancelled = abandoned = unfinished = 0
    errors = violations = warnings = 0
    for state in states:
        total += 1
        errors += task_errors(state)
        violations += state.violations
        warnings += state.warnings
        status = state.status
        if not status.is_final:
            unfinished += 1
        elif status.is_success:
            if task_errors(state):
                with_errors += 1
            else:
                succeeded += 1
        elif status is TaskStatus.FAILED:
            failed += 1
        elif status is TaskStatus.ABANDONED:
            abandoned += 1
        else:
            cancelled += 1
    return RunSummary(
        total,
        succeeded,
        with_errors,
        failed,
        cancelled,
        abandoned,
        unfinished,
        errors,
        violations,
        warnings,
    )
