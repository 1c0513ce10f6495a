"""What the host must do with each account of providers/hostile/hostile-programs.toml:
the hostile protocol peers (README, "Hostile protocol peers"), shared by the headless
and GUI tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from helpers.runs import FAST
from sendreceive.contract import E_FAIL, S_OK
from sendreceive.tracking.tracker import TaskStatus

PROFILE = Path(__file__).resolve().parents[2] / "providers" / "hostile" / "hostile-programs.toml"
# Generous on two loaded cores; "Closes stdout" needs the host's 5 s END_GRACE.
LIMITS = replace(FAST, max_parallel=32, stall_timeout=8.0, done_event_grace=0.5, task_timeout=30.0)
GOOD = ("Contoso", "Reference (shell)")
RSS_GROWTH_LIMIT = 30 * 1024 * 1024  # bytes the app may grow by during the whole run
_BROKE = "The program broke the provider protocol at line "


@dataclass(frozen=True)
class Expected:
    status: TaskStatus
    result: int
    line: str  # a fragment of one of the task's error lines ("" for none)
    index: int = 0  # the task's last position


_F, _C, _W = TaskStatus.FAILED, TaskStatus.COMPLETED, TaskStatus.WARNINGS

EXPECTED = {
    "Malformed JSON": Expected(_F, E_FAIL, _BROKE + "2 of its output: not JSON: Unterminated"),
    "Unknown message kind": Expected(
        _F, E_FAIL, _BROKE + '2 of its output: unknown message type "Telemetry"'
    ),
    "Wrong protocol version": Expected(
        _F, E_FAIL, _BROKE + "1 of its output: hello.version: 2 is none of 1"
    ),
    "100 MB line": Expected(_F, E_FAIL, _BROKE + "2 of its output: a line of "),
    "Invalid UTF-8": Expected(_F, E_FAIL, _BROKE + "2 of its output: not UTF-8: byte 31 is 0xe9"),
    "1,000,000 Progress": Expected(_C, S_OK, "", 1_000_000),
    "Done twice": Expected(
        _W, S_OK, "Rule 6 (Done exactly once, nothing after it): Done called twice", 1
    ),
    "Progress after Done": Expected(
        _W, S_OK, "Rule 6 (Done exactly once, nothing after it): Progress after Done"
    ),
    "Exit without Done": Expected(
        _F,
        E_FAIL,
        "The program ended without Done: exit code 3 in SynchronizeInBackground. "
        "Its last output: lost the connection to the server",
    ),
    "Closes stdout": Expected(
        _F,
        E_FAIL,
        "The program ended without Done: it closed its output but had not exited 5 s later",
    ),
    "Never reads stdin": Expected(_F, E_FAIL, "of its output: it does not read its input: 1,0"),
    "Forks a child": Expected(
        _C, S_OK, "The provider's process left 1 process(es) behind, killed with it: sleep", 1
    ),
    "Not executable": Expected(
        _F, E_FAIL, "cannot start the program " + str(PROFILE.parent / "not-executable.sh")
    ),
    "No such program": Expected(
        _F,
        E_FAIL,
        f"cannot start the program {PROFILE.parent / 'no-such-program'}: No such file or directory",
    ),
}
