"""Each account's last result is kept between starts, privately, and a file the app did
not write costs only what cannot be read."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.records.last_results import AccountResult, load_results, save_results
from sendreceive.tracking.tracker import TaskState, TaskStatus


def result(account: str, status: TaskStatus, errors: int = 0) -> AccountResult:
    state = TaskState(
        task=TaskId(account, Activity.RECEIVING),
        status=status,
        step="",
        index=0,
        index_max=0,
        errors=errors,
        warnings=1,
        violations=0,
        result=0x80040111 if status is TaskStatus.FAILED else None,
        rate=None,
        remaining=None,
        silent_for=0.0,
        version=0,
    )
    return AccountResult(state, 1_700_000_000.5, "Logon failed" if errors else "")


def test_results_come_back_as_they_were_kept(tmp_path: Path) -> None:
    path = tmp_path / "state" / "last.json"
    kept = {
        "Contoso": result("Contoso", TaskStatus.COMPLETED),
        "Tailspin": result("Tailspin", TaskStatus.FAILED, errors=1),
    }
    save_results(path, kept)
    assert load_results(path) == kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_missing_or_unreadable_file_keeps_no_results(tmp_path: Path) -> None:
    assert load_results(tmp_path / "none.json") == {}
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "accounts": {')
    assert load_results(broken) == {}
    assert load_results(tmp_path) == {}  # a folder is not read


def test_entries_the_app_did_not_write_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    save_results(path, {"Contoso": result("Contoso", TaskStatus.COMPLETED)})
    data = json.loads(path.read_text())
    good = data["accounts"]["Contoso"]
    data["accounts"].update(
        {
            "running": {**good, "status": "running"},  # not an end
            "negative": {**good, "errors": -1},
            "text count": {**good, "warnings": "2"},
            "no time": {**good, "finished": None},
            "not a table": [1, 2],
        }
    )
    path.write_text(json.dumps(data))
    assert list(load_results(path)) == ["Contoso"]
