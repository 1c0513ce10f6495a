"""The conformance kit: a fixed battery of runs of one provider, each judged against the
provider contract (``sendreceive conformance PROVIDER``).

Every provider the host can run — a Python object or a program — goes through the same
seven scenarios (``Scenario``), each a real run in the real host. What a scenario came to
is data: per expectation of the kit (``Expectation``, each tied to a rule of the contract
where one applies) and per rule the host checks (``Rule``), whether it held and the
host's own lines that show why not. ``english_report`` words it for the command line and
JUnit; the data stays the same for any other front-end.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from sendreceive.config.profile import Account
from sendreceive.contract import MAPI_E_USER_CANCEL
from sendreceive.durable import make_private_dirs, open_private
from sendreceive.hosting.host import HostFactory
from sendreceive.run.english import status_text
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.tracking.findings import Finding
from sendreceive.tracking.rules import Rule
from sendreceive.tracking.tracker import TaskState, TaskStatus

#: A setting no provider knows: the run given it must be refused (a provider that takes
#: any setting names one it must refuse instead).
UNKNOWN_SETTING = "sendreceive_conformance_unknown_setting"
REFUSED_SETTINGS: Mapping[str, Any] = {UNKNOWN_SETTING: True}
#: The host's patience in the kit: every scenario ends, even with a provider that hangs.
KIT_LIMITS = RunLimits(
    stall_timeout=10.0, cancel_grace=5.0, done_event_grace=1.0, task_timeout=60.0
)
SHORT_TIME_LIMIT = 0.5  # seconds: the time limit scenario's
POLL_INTERVAL = 0.002  # seconds between looks at a running task, to cancel it on cue
#: Host findings that mean the provider did not end of its own accord: it was stopped…
_STOPPED = frozenset({Finding.PROCESS_STOPPED, Finding.ABANDONED})
#: … or it fell over: an exception, or an end with no result.
_FELL_OVER = frozenset(
    {
        Finding.SYNC_RAISED,
        Finding.THREAD_RAISED,
        Finding.THREAD_NO_RESULT,
        Finding.ENDED_NO_RESULT,
        Finding.RETURNED_NO_RESULT,
    }
)

#: … or the time limit ended it (a refusal is the provider's own, at once).
_TIMED_OUT = frozenset(
    {
        Finding.TIME_LIMIT,
        Finding.TIME_LIMIT_LOADING,
        Finding.TIME_LIMIT_HOST_HELD,
        Finding.TIME_LIMIT_CPU_WAIT,
        Finding.TIME_LIMIT_HOST_HELD_CPU_WAIT,
    }
)


class Scenario(Enum):
    """The battery, in the order it runs; the values are stable tokens (JUnit names)."""

    PLAIN = "plain run"
    CANCEL_AT_FIRST_PROGRESS = "cancel at the first Progress"
    CANCEL_BEFORE_ANY_CALL = "cancel before any call"
    BACKGROUND_FLAGS = "a scheduled run (SYNC_BACKGROUND, not SYNC_ON_DEMAND)"
    SETTINGS_REFUSED = "settings it must refuse"
    SHORT_TIME_LIMIT = "a short time limit"
    SECOND_RUN = "a second run starts clean"


class Expectation(Enum):
    """What the kit expects of a provider beyond the host's own rule checks: (token,
    the contract's rule it follows from, or None for the kit's own)."""

    ENDS_ON_ITS_OWN = ("ends on its own: Done, or a failure HRESULT returned", Rule.RETURN)
    STOPS_ON_CANCEL = ("stops on Cancel with Done(MAPI_E_USER_CANCEL)", Rule.PROGRESS)
    REFUSES_SETTINGS = ("refuses settings it cannot use: the task fails", None)
    ENDS_AS_BEFORE = ("ends as the plain run did (status, HRESULT, error counts)", None)

    text: str
    rule: Rule | None

    def __init__(self, text: str, rule: Rule | None) -> None:
        self.text = text
        self.rule = rule


@dataclass(frozen=True)
class Check:
    """One expectation (or one rule) in one scenario: held or not, and why not."""

    subject: Expectation | Rule
    held: bool
    evidence: tuple[str, ...] = ()  # the host's English lines that show it


@dataclass
class ScenarioResult:
    scenario: Scenario
    state: TaskState
    checks: list[Check] = field(default_factory=list)
    note: str = ""  # how the scenario went when it could not do what it meant to

    @property
    def held(self) -> bool:
        return all(check.held for check in self.checks)


@dataclass
class Conformance:
    """The whole battery's outcome for one provider."""

    provider: str
    isolation: str
    results: list[ScenarioResult]

    @property
    def held(self) -> bool:
        return all(result.held for result in self.results)

    def by_rule(self) -> list[tuple[Expectation | Rule, list[ScenarioResult]]]:
        """Each rule and expectation the battery checked, with the scenarios that broke it."""
        subjects: list[Expectation | Rule] = [*Rule, *Expectation]
        table = []
        for subject in subjects:
            checked = [r for r in self.results if any(c.subject is subject for c in r.checks)]
            if checked:
                broken = [r for r in checked if not _check(r, subject).held]
                table.append((subject, broken))
        return table


def _check(result: ScenarioResult, subject: Expectation | Rule) -> Check:
    return next(c for c in result.checks if c.subject is subject)


@dataclass
class _Outcome:
    """What one run of the battery left to judge."""

    state: TaskState
    lines: list[tuple[ErrorKind, Finding | None, str]]  # kind, the host's finding, English
    cancel_answered: bool  # a Progress was answered MAPI_E_USER_CANCEL
    done_called: bool
    isolation: str  # where it ran: "process" or "thread"
    cue_seen: bool = True  # the cue to cancel came (a Progress)


async def _run_once(
    account: Account,
    store_root: Path,
    limits: RunLimits,
    hosts: HostFactory,
    on_demand: bool = True,
    cancel_when: Callable[[TaskState, bool], bool] | None = None,
) -> _Outcome:
    """One real run of ``account``; ``cancel_when(state, started)`` is asked at every
    look until it says to cancel."""
    run = Run([account], store_root, limits, on_demand=on_demand, host_factory=hosts)
    (task,) = run.tasks
    execution = asyncio.ensure_future(run.execute())
    cue_seen = cancel_when is None
    while not cue_seen and not execution.done():
        state = task.snapshot()
        if state.status.is_final:
            break
        if cancel_when is not None and cancel_when(state, task.tracker.started):
            task.cancel()
            cue_seen = True
        else:
            await asyncio.sleep(POLL_INTERVAL)
    await execution
    await asyncio.to_thread(run.settle)
    calls = task.tracker.trace_since(0).calls
    lines = [
        (entry.kind, entry.found.finding if entry.found else None, entry.text)
        for entry in run.error_log.entries[:]
    ]
    return _Outcome(
        task.snapshot(),
        lines,
        any(c.name == "Progress" and c.result == MAPI_E_USER_CANCEL for c in calls),
        task.tracker.done_called,
        task.host.isolation,
        cue_seen,
    )


def _first_progress(state: TaskState, started: bool) -> bool:
    return bool(state.step or state.index or state.index_max)


def _started(state: TaskState, started: bool) -> bool:
    return started


def _rule_checks(outcome: _Outcome) -> list[Check]:
    """One check per rule the host enforces: held unless a violation names it."""
    checks = []
    for rule in Rule:
        lines = tuple(
            text
            for kind, finding, text in outcome.lines
            if kind is ErrorKind.VIOLATION and finding is not None and finding.rule is rule
        )
        checks.append(Check(rule, not lines, lines))
    return checks


def _lines_of(outcome: _Outcome, findings: frozenset[Finding]) -> tuple[str, ...]:
    return tuple(text for _kind, finding, text in outcome.lines if finding in findings)


def _ends_on_its_own(
    outcome: _Outcome, findings: frozenset[Finding] = _STOPPED | _FELL_OVER
) -> Check:
    """Rule 3: it ends by ``Done``, or by returning a failure HRESULT; not by an
    exception, an end with no result, or the host's stopping it (``findings``)."""
    ended_by_host = _lines_of(outcome, findings)
    own = outcome.done_called or outcome.state.status is TaskStatus.FAILED
    held = own and not ended_by_host
    return Check(Expectation.ENDS_ON_ITS_OWN, held, ended_by_host or (status_text(outcome.state),))


def _stops_on_cancel(outcome: _Outcome) -> Check:
    """Rule 4: told of the cancel (a Progress answered MAPI_E_USER_CANCEL), it stops and
    says so with ``Done(MAPI_E_USER_CANCEL)`` within the cancel grace; the time limit's
    cancel ends it Failed ``MAPI_E_TIMEOUT`` by the same Done. A provider never told may
    end as it likes, unless it has to be stopped."""
    state = outcome.state
    stopped = _lines_of(outcome, _STOPPED)
    if stopped:
        return Check(Expectation.STOPS_ON_CANCEL, False, stopped)
    if not outcome.cancel_answered:
        return Check(Expectation.STOPS_ON_CANCEL, True)
    held = outcome.done_called and state.status in (TaskStatus.CANCELLED, TaskStatus.FAILED)
    evidence = () if held else (f"after Cancel it ended {status_text(state)}",)
    return Check(Expectation.STOPS_ON_CANCEL, held, evidence)


def _refuses(outcome: _Outcome) -> Check:
    state = outcome.state
    by_host = _lines_of(outcome, _STOPPED | _TIMED_OUT)
    refused = state.status is TaskStatus.FAILED and not by_host
    evidence = () if refused else (f"given settings to refuse, it ended {status_text(state)}",)
    return Check(Expectation.REFUSES_SETTINGS, refused, evidence + by_host)


def _ends_as_before(first: TaskState, second: TaskState) -> Check:
    def shape(s: TaskState) -> tuple[object, ...]:
        return (s.status, s.result, s.errors, s.warnings, s.violations)

    same = shape(first) == shape(second)
    evidence = () if same else (f"first {status_text(first)}, then {status_text(second)}",)
    return Check(Expectation.ENDS_AS_BEFORE, same, evidence)


def _judge_end(outcome: _Outcome) -> list[Check]:
    return [_ends_on_its_own(outcome)]


def _judge_cancel(outcome: _Outcome) -> list[Check]:
    return [_ends_on_its_own(outcome, _FELL_OVER), _stops_on_cancel(outcome)]


def _judge_refusal(outcome: _Outcome) -> list[Check]:
    return [_refuses(outcome)]


async def run_battery(
    account: Account,
    hosts: HostFactory,
    limits: RunLimits = KIT_LIMITS,
    refused_settings: Mapping[str, Any] = REFUSED_SETTINGS,
) -> Conformance:
    """Run every scenario against ``account``'s provider, one after another, in a
    private store that the plain run and the second run share; ``refused_settings``
    join the account's own in the refusal scenario."""
    short = replace(limits, task_timeout=SHORT_TIME_LIMIT)
    refused = replace(account, settings={**account.settings, **refused_settings})
    results = []
    # mkdtemp, not TemporaryDirectory: its finalizer would be an atexit handler that the
    # program's exit names as left behind.
    root = Path(tempfile.mkdtemp(prefix="sendreceive-conformance-"))
    try:

        async def scenario(
            which: Scenario,
            judge: Callable[[_Outcome], list[Check]],
            run_as: Account = account,
            limits: RunLimits = limits,
            on_demand: bool = True,
            cancel_when: Callable[[TaskState, bool], bool] | None = None,
        ) -> _Outcome:
            outcome = await _run_once(run_as, root, limits, hosts, on_demand, cancel_when)
            result = ScenarioResult(which, outcome.state, judge(outcome) + _rule_checks(outcome))
            if not outcome.cue_seen:
                result.note = "it ended before the cue to cancel it came"
            results.append(result)
            return outcome

        plain = await scenario(Scenario.PLAIN, _judge_end)
        await scenario(
            Scenario.CANCEL_AT_FIRST_PROGRESS, _judge_cancel, cancel_when=_first_progress
        )
        await scenario(Scenario.CANCEL_BEFORE_ANY_CALL, _judge_cancel, cancel_when=_started)
        await scenario(Scenario.BACKGROUND_FLAGS, _judge_end, on_demand=False)
        await scenario(Scenario.SETTINGS_REFUSED, _judge_refusal, run_as=refused)
        await scenario(Scenario.SHORT_TIME_LIMIT, _judge_cancel, limits=short)
        await scenario(
            Scenario.SECOND_RUN,
            lambda again: [_ends_on_its_own(again), _ends_as_before(plain.state, again.state)],
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    provider = account.command.text if account.command is not None else account.provider
    return Conformance(provider, plain.isolation, results)


# ------------------------------------------------------------------ English


def subject_text(subject: Expectation | Rule) -> str:
    if isinstance(subject, Rule):
        return f"{subject.label}: no violation"
    rule = f"{subject.rule.label}: " if subject.rule is not None else "The kit: "
    return rule + subject.text


def english_report(conformance: Conformance) -> list[str]:
    """The report as the command line prints it: per scenario, then per rule."""
    lines = [f"Conformance of {conformance.provider} ({conformance.isolation} isolation)", ""]
    for result in conformance.results:
        verdict = "held" if result.held else "NOT HELD"
        lines.append(f"{result.scenario.value}: {verdict} — {status_text(result.state)}")
        if result.note:
            lines.append(f"    ({result.note})")
        for check in result.checks:
            if not check.held:
                lines.append(f"  broken: {subject_text(check.subject)}")
                lines += [f"    {text}" for text in check.evidence]
    lines += ["", "By rule:"]
    for subject, broken in conformance.by_rule():
        where = ", ".join(r.scenario.value for r in broken)
        lines.append(f"  {'broken in ' + where if broken else 'held'}: {subject_text(subject)}")
    held = sum(result.held for result in conformance.results)
    total = len(conformance.results)
    verdict = "conforms" if conformance.held else "does not conform"
    lines += ["", f"{held} of {total} scenarios held: the provider {verdict}."]
    return lines


def write_junit(path: Path, conformance: Conformance) -> None:
    """One test case per scenario; a scenario that did not hold is a failure whose text
    names every rule and expectation it broke."""
    suite = ET.Element(
        "testsuite", name="sendreceive-conformance", tests=str(len(conformance.results))
    )
    failures = 0
    for result in conformance.results:
        case = ET.SubElement(
            suite, "testcase", classname=conformance.provider, name=result.scenario.value
        )
        broken = [c for c in result.checks if not c.held]
        if broken:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message="; ".join(subject_text(c.subject) for c in broken)
            )
            failure.text = "\n".join(text for c in broken for text in c.evidence)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    make_private_dirs(path.parent)
    with open_private(path) as out:
        ET.ElementTree(suite).write(out, encoding="utf-8", xml_declaration=True)
