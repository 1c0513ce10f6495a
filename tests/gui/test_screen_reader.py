"""The dialog driven as a screen reader drives it, through AT-SPI from another process
(``helpers/atspi.py``): what each key reaches and what it reads, and what is said when a
run fails, in notifications (what Orca 43 speaks) as well as announcements."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.atspi import ensure_installed, run_scenario
from helpers.dovecot import SetupError

DATA = Path(__file__).resolve().parents[1] / "data"
DONT_SHOW = "Don't show this dialog box during Send/Receive"


@pytest.fixture(scope="module", autouse=True)
def installed() -> None:
    try:
        ensure_installed()
    except SetupError as exc:
        pytest.skip(f"no AT-SPI stack to test with: {exc}")


def test_tab_reaches_every_control_of_the_dialog_and_tables_say_their_row(tmp_path):
    found = run_scenario("keyboard", DATA / "long-running.toml", tmp_path)
    assert {step["window"] for _, step in found["steps"]} == {"Send/Receive Progress"}
    steps = [(key, step["role"], step["name"]) for key, step in found["steps"]]
    names = [name for _, role, name in steps if role != "table cell"]
    assert names == [
        "Cancel All",  # the first focus: not "Don't show…"
        "Details",
        "Tasks",
        "Cancel Task",
        DONT_SHOW,
        "Cancel All",
        "Details",
        "Tasks",
        "Errors",
        "Errors and warnings",
        "The selected error in full",
        "Copy",
        DONT_SHOW,
        "Cancel All",
        "Details",
        "Errors",
        "Calls",
        "Errors",
        "Tasks",
        "Cancel Task",
    ]
    rows = [name for _, role, name in steps if role == "table cell"]
    assert rows[0].startswith("Contoso - Receiving, ")  # Tab into the table: its row
    assert rows[1].startswith("Endless - Receiving, ")  # Down: the next row, whole
    assert rows[2].startswith("Endless - Receiving, ")  # back: the chosen row

    assert sorted(found["labels"].values()) == [["Run:"], ["Show:"]]
    for name, value, description in found["bars"]:
        assert (name, description) == ("Send/Receive progress", f"{round(value)} percent done")
    notices = found["notices"]
    assert [n for n in notices if n.startswith("Cancelling ")] == ["Cancelling Endless - Receiving"]
    assert notices[-1].startswith("Send/Receive failed: ") and "cancelled" in notices[-1]


def test_a_failing_run_is_spoken_with_the_dialog_hidden(tmp_path):
    found = run_scenario("failure", DATA / "two-failures.toml", tmp_path)
    assert not found["dialog_showing_before"]
    failure = "Task {} - Receiving: Failed: 0x80040111 (MAPI_E_LOGON_FAILED)"
    notices = found["notices"]
    spoken = "; ".join(notices)
    for name in ("First", "Second"):
        assert spoken.count(failure.format(name)) == 1, notices
    assert notices[-1].endswith(found["status"]) and len(notices) <= 3  # one a tick at most
    assert found["announcements"] == notices  # Qt ≥ 6.8: the same, as announcements
    button = found["failure_button"]
    assert (button["role"], button["name"]) == ("push button", "2 errors")
    reason = "Error: mail.tailspin.example rejected the user name or password."
    rows = [cell for cell in found["tasks"] if cell.startswith(("First", "Second"))]
    assert len(rows) == 2 and all(reason in row and ", Failed: 0x80040111" in row for row in rows)
    lines = [cell for cell in found["errors"] if cell.startswith(("First", "Second"))]
    assert len(lines) == 2
    assert all(reason in line and line.endswith("(MAPI_E_LOGON_FAILED)") for line in lines)
