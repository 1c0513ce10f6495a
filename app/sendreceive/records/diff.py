"""``sendreceive diff A B``: compare two recordings, or two directories of them, task by
task (tasks are paired by account name).

What makes two runs differ: a task only one side has, a different final state (status
and result HRESULT), error, warning or contract-violation lines added, removed or with
another count, the provider's calls parting (the first call whose name, arguments or
answer differ, on one thread), or another number of calls of a kind. Durations are shown, never
compared: two runs of one provider never take exactly as long. The host's own steps are
left out, and each thread's calls are compared apart (threads paired by name): the order
of calls across threads is a race, in a recording as in its replay.
Exit 0 when the runs match, 1 when they differ, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sendreceive.records.recording import Recording, RecordingError, read, recordings_in

EXIT_SAME, EXIT_DIFFERENT, EXIT_BAD_INPUT = 0, 1, 2


@dataclass
class TaskDiff:
    account: str
    only_in: str | None = None  # "A" or "B" when one side lacks the task
    state: tuple[str, str] | None = None  # "completed (0x00000000)" each side
    lines_added: list[str] = field(default_factory=list)  # in B, not in A
    lines_removed: list[str] = field(default_factory=list)
    lines_recounted: list[str] = field(default_factory=list)  # "text: 3 → 4"
    parting: dict[str, Any] | None = None  # the first call that differs, and its thread
    calls_per_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # only those differing
    durations: tuple[float, float] = (0.0, 0.0)

    @property
    def differs(self) -> bool:
        return bool(
            self.only_in
            or self.state
            or self.lines_added
            or self.lines_removed
            or self.lines_recounted
            or self.parting
            or self.calls_per_kind
        )


def load(path: Path) -> dict[str, Recording]:
    found: dict[str, Recording] = {}
    for file in recordings_in(path):
        recording = read(file)
        if recording.account in found:
            raise RecordingError(f"{file}: a second recording of account {recording.account!r}")
        found[recording.account] = recording
    return found


def compare(a: dict[str, Recording], b: dict[str, Recording]) -> list[TaskDiff]:
    diffs: list[TaskDiff] = []
    for account in [*a, *(n for n in b if n not in a)]:
        if account not in b or account not in a:
            diffs.append(TaskDiff(account, only_in="A" if account in a else "B"))
            continue
        diffs.append(compare_task(a[account], b[account]))
    return diffs


def compare_task(a: Recording, b: Recording) -> TaskDiff:
    diff = TaskDiff(a.account, durations=(_duration(a), _duration(b)))
    state_a, state_b = _state(a), _state(b)
    if state_a != state_b:
        diff.state = (state_a, state_b)
    lines_a, lines_b = _lines(a), _lines(b)
    diff.lines_added = [k for k in lines_b if k not in lines_a]
    diff.lines_removed = [k for k in lines_a if k not in lines_b]
    diff.lines_recounted = [
        f"{k}: ×{lines_a[k]:,} → ×{lines_b[k]:,}"
        for k in lines_a
        if k in lines_b and lines_a[k] != lines_b[k]
    ]
    calls_a, calls_b = _calls(a), _calls(b)
    threads_a, threads_b = _by_thread(calls_a), _by_thread(calls_b)
    for thread in [*threads_a, *(t for t in threads_b if t not in threads_a)]:
        diff.parting = _parting(thread, threads_a.get(thread, []), threads_b.get(thread, []))
        if diff.parting:
            break
    kinds_a = Counter(c["name"] for c in calls_a)
    kinds_b = Counter(c["name"] for c in calls_b)
    diff.calls_per_kind = {
        k: (kinds_a[k], kinds_b[k]) for k in sorted(kinds_a | kinds_b) if kinds_a[k] != kinds_b[k]
    }
    return diff


def _state(r: Recording) -> str:
    result = r.footer.get("result")
    code = f" (0x{result:08X})" if isinstance(result, int) else ""
    return f"{r.footer.get('status')}{code}"


def _lines(r: Recording) -> dict[str, int]:
    lines: dict[str, int] = {}
    for line in r.footer.get("error_lines", []):
        code = f" 0x{line['hresult']:08X}" if isinstance(line.get("hresult"), int) else ""
        key = f"{line['kind']}{code}: {line['text']}"
        lines[key] = lines.get(key, 0) + int(line.get("count", 1))
    return lines


def _calls(r: Recording) -> list[dict[str, Any]]:
    return [c for c in r.calls if c["line"] == "call"]


def _by_thread(calls: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    threads: dict[str, list[dict[str, Any]]] = {}
    for call in calls:
        threads.setdefault(str(call["thread"]), []).append(call)
    return threads


def _parting(
    thread: str, calls_a: list[dict[str, Any]], calls_b: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The first call of ``thread`` that differs, or where one side goes on alone."""
    for n, (call_a, call_b) in enumerate(zip(calls_a, calls_b, strict=False)):
        if _key(call_a) != _key(call_b):
            return {"thread": thread, "index": n, "A": _shown(call_a), "B": _shown(call_b)}
    if len(calls_a) == len(calls_b):
        return None
    n = min(len(calls_a), len(calls_b))
    side, longer = ("A", calls_a) if len(calls_a) > n else ("B", calls_b)
    return {"thread": thread, "index": n, side: _shown(longer[n]), "only": side}


def _key(call: dict[str, Any]) -> tuple[str, str, Any]:
    return call["name"], json.dumps(call["args"], sort_keys=True), call["result"]


def _shown(call: dict[str, Any]) -> str:
    args = ", ".join(json.dumps(a, ensure_ascii=False) for a in call["args"])
    return f"{call['name']}({args}) → {call['result']} on {call['thread']} at {call['t']:.3f} s"


def _duration(r: Recording) -> float:
    return float(r.calls[-1]["t"]) if r.calls else 0.0


def report(diffs: list[TaskDiff]) -> str:
    out: list[str] = []
    for d in diffs:
        if d.only_in:
            out.append(f"{d.account}: only in {d.only_in}")
            continue
        timing = f"{d.durations[0]:.2f} s → {d.durations[1]:.2f} s"
        if not d.differs:
            out.append(f"{d.account}: same ({timing})")
            continue
        out.append(f"{d.account}: differs ({timing})")
        if d.state:
            out.append(f"  final state: {d.state[0]} → {d.state[1]}")
        out += [f"  + {line}" for line in d.lines_added]
        out += [f"  - {line}" for line in d.lines_removed]
        out += [f"  ~ {line}" for line in d.lines_recounted]
        if d.parting:
            where = f"call {d.parting['index'] + 1} of thread {d.parting['thread']}"
            out.append(f"  calls part at {where}:")
            out += [f"    {side}: {d.parting[side]}" for side in ("A", "B") if side in d.parting]
        for kind, (n_a, n_b) in d.calls_per_kind.items():
            out.append(f"  {kind} calls: {n_a:,} → {n_b:,}")
    different = sum(d.differs for d in diffs)
    out.append(f"{different} of {len(diffs)} tasks differ" if different else "the runs match")
    return "\n".join(out)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="sendreceive diff",
        description="Compare two recordings (files or directories of them) task by task.",
        epilog=f"Exit codes: {EXIT_SAME} the runs match; {EXIT_DIFFERENT} they differ; "
        f"{EXIT_BAD_INPUT} bad input.",
    )
    parser.add_argument("a", type=Path, metavar="A")
    parser.add_argument("b", type=Path, metavar="B")
    parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_BAD_INPUT if exc.code else EXIT_SAME
    try:
        diffs = compare(load(args.a), load(args.b))
    except RecordingError as exc:
        print(f"sendreceive diff: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    differs = any(d.differs for d in diffs)
    if args.json:
        tasks = [{**asdict(d), "differs": d.differs} for d in diffs]
        print(json.dumps({"differs": differs, "tasks": tasks}, ensure_ascii=False))
    else:
        print(report(diffs))
    return EXIT_DIFFERENT if differs else EXIT_SAME
