"""The last result of each account (status, time, counts, first error), kept between
starts so that the window does not read "Not run yet" after every restart.

One small JSON file per profile in the user's state folder (``paths.last_results_file``),
written atomically and privately (an error text may name a server or a user). It is read
by the rule of every file the app reads, and a file that is not what the app wrote (cut
short, edited, from another version) only loses what cannot be read: the window then
shows those accounts as not run yet, and says nothing worse.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.durable import make_private_dirs, replace_atomically
from sendreceive.input_files import FileKind, InputFileError, read_checked
from sendreceive.tracking.tracker import TaskState, TaskStatus

log = logging.getLogger(__name__)

VERSION = 1
RESULTS_FILE = FileKind("the last results", "a JSON file written by the app", 4 * 1024 * 1024)
_COUNTS = ("errors", "warnings", "violations")


@dataclass(frozen=True)
class AccountResult:
    """How an account's task ended in the last run that included it."""

    state: TaskState
    finished: float  # wall-clock time
    first_error: str  # its first error (not a warning), worded, or ""


def save_results(path: Path, results: Mapping[str, AccountResult]) -> None:
    accounts = {name: _encode(result) for name, result in results.items()}
    data = json.dumps({"version": VERSION, "accounts": accounts}, ensure_ascii=False)
    make_private_dirs(path.parent)
    replace_atomically(path, data.encode("utf-8"))


def load_results(path: Path) -> dict[str, AccountResult]:
    """The results kept in ``path``; none when it does not exist or cannot be read."""
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(read_checked(path, RESULTS_FILE))
    except (InputFileError, OSError, ValueError, RecursionError) as exc:
        log.warning("%s: the accounts' last results cannot be read (%s)", path, exc)
        return {}
    accounts = data.get("accounts") if isinstance(data, dict) else None
    if not isinstance(accounts, dict) or data.get("version") != VERSION:
        return {}
    results: dict[str, AccountResult] = {}
    for name, raw in accounts.items():
        result = _decode(name, raw)
        if result is not None:
            results[name] = result
    return results


def _encode(result: AccountResult) -> dict[str, Any]:
    state = result.state
    return {
        "activity": state.task.activity.value,
        "status": state.status.value,
        **{key: getattr(state, key) for key in _COUNTS},
        "result": state.result,
        "finished": result.finished,
        "first_error": result.first_error,
    }


def _decode(name: str, raw: Any) -> AccountResult | None:
    """One account's result, or ``None`` for an entry the app did not write."""
    try:
        counts = [raw[key] for key in _COUNTS]
        hresult, finished, first_error = raw["result"], raw["finished"], raw["first_error"]
        task = TaskId(name, Activity(raw["activity"]))
        status = TaskStatus(raw["status"])
    except (TypeError, KeyError, ValueError):
        return None
    valid = (
        status.is_final
        and all(type(n) is int and n >= 0 for n in counts)
        and (hresult is None or type(hresult) is int)
        and isinstance(finished, int | float)
        and math.isfinite(finished)
        and isinstance(first_error, str)
    )
    if not valid:
        return None
    errors, warnings, violations = counts
    state = TaskState(
        task=task,
        status=status,
        step="",
        index=0,
        index_max=0,
        errors=errors,
        warnings=warnings,
        violations=violations,
        result=hresult,
        rate=None,
        remaining=None,
        silent_for=0.0,
        version=0,
    )
    return AccountResult(state, float(finished), first_error)
