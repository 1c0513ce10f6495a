"""The terminal front-end: the same run as the dialog, as text lines or JSON events.

It reads the same tracker snapshots as the GUI, at a bounded rate, so a provider that
floods callbacks floods nothing here either. Its words are English and stable, for
scripts: the core reports statuses, counts and task identities as data, and the words
for them are here (the GUI has its own, translated, in ``sendreceive.ui.wording``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any, TextIO

from sendreceive.config.profile import Group
from sendreceive.config.task_id import TaskId
from sendreceive.process_guard import on_user_interrupt, sigint_guarded
from sendreceive.run.english import error_line, format_table, headline, status_text, task_name
from sendreceive.run.scheduler import Scheduler
from sendreceive.run.send_receive import Run, RunSummary
from sendreceive.run.summary import summarize, task_errors
from sendreceive.tracking.findings import data_of
from sendreceive.tracking.tracker import TaskState

PRINT_INTERVAL = 0.5  # seconds between progress lines of one task


class HeadlessPrinter:
    """Prints what changed since the last look: progress lines, new errors, the end."""

    def __init__(self, run: Run, out: TextIO, as_json: bool = False) -> None:
        self._run = run
        self._out = out
        self._json = as_json
        self._printed: dict[TaskId, int] = {}  # task -> version last printed
        self._errors_seen = 0
        self._counts_sent: list[int] = []  # the fold count each error line was sent with

    def announce(self, group: str) -> None:
        """A scheduled run of ``group`` starts (``--schedule``)."""
        if self._json:
            self._write_json(event="scheduled", group=group, time=time.time())
        else:
            self._out.write(f"\n{time.strftime('%H:%M:%S')} Scheduled Send/Receive: {group}\n")

    def tick(self) -> None:
        for task in self._run.tasks:
            state = task.snapshot()
            if self._printed.get(state.task) != state.version:
                self._printed[state.task] = state.version
                self._emit_task(state)
        entries = self._run.error_log.entries
        for entry in entries[self._errors_seen : len(entries)]:
            if self._json:
                self._counts_sent.append(entry.count)
                finding, args = data_of(entry.found)  # the host's words as data, for a script
                self._write_json(
                    event="error",
                    line=len(self._counts_sent) - 1,
                    task=task_name(entry.task),
                    kind=entry.kind.value,
                    hresult=entry.hresult,
                    hresult_text=entry.hresult_text(),
                    text=entry.text,
                    id=finding,
                    args=args,
                    count=entry.count,
                )
            else:
                self._out.write(error_line(entry) + "\n")
        self._errors_seen = len(entries)
        self._out.flush()

    def finish(self) -> RunSummary:
        """The last lines; the summary returned is the one printed (the table's rows
        and its totals come from the same snapshots)."""
        self.tick()
        states = [task.snapshot() for task in self._run.tasks]
        summary = summarize(states)
        if self._json:
            entries = self._run.error_log.entries
            for line, sent in enumerate(self._counts_sent):
                entry = entries[line]
                if entry.count != sent:  # folded repeats since the line was sent
                    self._write_json(
                        event="error_count",
                        line=line,
                        task=task_name(entry.task),
                        count=entry.count,
                    )
            for state in states:
                self._emit_task(state, event="final")
            self._write_json(
                event="summary",
                headline=headline(summary),
                outcome=summary.outcome.value,
                error_lines=len(self._run.error_log),
                **asdict(summary),
            )
        else:
            self._out.write("\n" + format_table(states) + "\n\n" + headline(summary) + "\n")
        self._out.flush()
        return summary

    def _emit_task(self, state: TaskState, event: str = "progress") -> None:
        if self._json:
            self._write_json(
                event=event,
                task=task_name(state.task),
                status=state.status.value,
                status_text=status_text(state),
                step=state.step,
                index=state.index,
                index_max=state.index_max,
                result=state.result,
                errors=task_errors(state),
                violations=state.violations,
                warnings=state.warnings,
            )
            return
        step = f": {state.step}" if state.step else ""
        name = task_name(state.task)
        self._out.write(f"[{name}] {_progress_text(state):>9}  {status_text(state)}{step}\n")

    def _write_json(self, **fields: Any) -> None:
        started = self._run.started_at
        at = 0.0 if started is None else time.monotonic() - started
        stamped = {"event": fields.pop("event"), "time": round(at, 3), **fields}
        self._out.write(json.dumps(stamped, ensure_ascii=False) + "\n")


def _progress_text(state: TaskState) -> str:
    fraction = state.fraction
    if fraction is None:
        return f"{state.index:,}/?"
    return f"{fraction:4.0%}"


def _on_ctrl_c(first: Callable[[], None]) -> None:
    """The user's Ctrl-C: ``first`` once (on the loop), then a second one quits at once."""
    loop = asyncio.get_running_loop()
    pressed = False

    def on_interrupt() -> None:
        nonlocal pressed
        if pressed:
            raise KeyboardInterrupt
        pressed = True
        first()

    if sigint_guarded():  # the program's own process: only the user's SIGINT counts

        def from_host_thread() -> None:
            loop.call_soon_threadsafe(on_interrupt)

        on_user_interrupt(from_host_thread)
    else:  # not possible off the main thread or on some OSes; Ctrl-C then just interrupts
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGINT, on_interrupt)


async def run_headless(run: Run, out: TextIO = sys.stdout, as_json: bool = False) -> RunSummary:
    """Execute ``run`` while printing; Ctrl-C cancels the tasks (a second one aborts)."""

    def cancel() -> None:
        sys.stderr.write("Cancelling… (press Ctrl-C again to quit at once)\n")
        run.cancel_all()

    _on_ctrl_c(cancel)
    return await _print_run(run, HeadlessPrinter(run, out, as_json))


async def run_scheduled(
    groups: Sequence[Group],
    make_run: Callable[[str], Run],
    out: TextIO = sys.stdout,
    as_json: bool = False,
) -> list[RunSummary]:
    """Run each of ``groups`` now, then whenever its schedule falls due, one run at a time
    (a group falling due during a run waits for it, once), until the user's Ctrl-C: it
    cancels the run going on, if any, and ends the session. The runs' summaries, in order."""
    due: asyncio.Queue[str | None] = asyncio.Queue()
    waiting: set[str] = set()
    current: Run | None = None

    def fall_due(group: str) -> None:
        if group not in waiting:
            waiting.add(group)
            due.put_nowait(group)

    def stop() -> None:
        sys.stderr.write("Stopping… (press Ctrl-C again to quit at once)\n")
        if current is not None:
            current.cancel_all()
        due.put_nowait(None)

    _on_ctrl_c(stop)
    scheduler = Scheduler(fall_due)
    scheduler.set_groups(groups)
    scheduler.attach(asyncio.get_running_loop())
    for group in groups:
        fall_due(group.name)
    summaries = []
    try:
        while (name := await due.get()) is not None:
            waiting.discard(name)
            current = make_run(name)
            printer = HeadlessPrinter(current, out, as_json)
            printer.announce(name)
            summaries.append(await _print_run(current, printer))
            current = None
    finally:
        scheduler.detach()
    return summaries


async def _print_run(run: Run, printer: HeadlessPrinter) -> RunSummary:
    execution = asyncio.ensure_future(run.execute())
    while not execution.done():
        started = time.monotonic()
        printer.tick()
        await asyncio.wait(
            {execution}, timeout=max(0.0, PRINT_INTERVAL - (time.monotonic() - started))
        )
    execution.result()  # the engine's own failure, if any, is raised here
    await asyncio.to_thread(run.settle)  # a provider process's last output reaches the log
    return printer.finish()
