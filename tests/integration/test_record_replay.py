"""Record a run, replay it, diff two runs, and the CI reports (--strict, --junit), through
the real command line (``sendreceive.cli.main``, in this process)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sendreceive.cli import main
from sendreceive.records.recording import SECRET, read, recordings_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_speed(monkeypatch):
    monkeypatch.setenv("SENDRECEIVE_DEMO_SPEED", "20")


def sendreceive(tmp_path, *args):
    return main(
        ["--store-dir", str(tmp_path / "stores"), "--log-file", str(tmp_path / "log"), *args]
    )


def test_demo_recorded_replayed_and_recorded_again_matches(tmp_path, demo_speed, capsys):
    out, again = tmp_path / "out", tmp_path / "again"
    assert sendreceive(tmp_path, "--headless", "--record", str(out)) == 1  # Tailspin fails
    first = capsys.readouterr().out
    assert sendreceive(tmp_path, "--headless", "--replay", str(out), "--record", str(again)) == 1
    replayed = capsys.readouterr().out
    assert first.split("\n\nTask ")[-1] == replayed.split("\n\nTask ")[-1]  # the same table
    assert main(["diff", str(out), str(again)]) == 0
    assert capsys.readouterr().out.endswith("the runs match\n")
    # One account behaves differently: the diff says which, and how.
    northwind = next(p for p in recordings_in(out) if p.name.startswith("Northwind"))
    northwind.write_text(northwind.read_text().replace("Message 20 in", "Message 21 in"))
    changed = tmp_path / "changed"
    assert sendreceive(tmp_path, "--headless", "--replay", str(out), "--record", str(changed)) == 1
    capsys.readouterr()
    assert main(["diff", str(again), str(changed), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (differs,) = [t for t in report["tasks"] if t["differs"]]
    assert differs["account"] == "Northwind"
    assert differs["lines_added"] == [
        "error 0x8004011B: Message 21 in 'Inbox' could not be read and was skipped."
    ]
    assert differs["parting"]["thread"] == "provider:Northwind"


def test_a_recording_is_documented_json_lines(tmp_path, demo_speed, capsys):
    out = tmp_path / "out"
    sendreceive(tmp_path, "--headless", "--provider", "demo-fast", "--record", str(out))
    (path,) = recordings_in(out)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [lines[0]["line"], lines[-1]["line"]] == ["header", "footer"]
    head = lines[0]
    assert head["format"] == "sendreceive-recording" and head["version"] == 1
    assert head["account"] == "demo-fast" and head["provider"] == "demo-fast"
    assert head["isolation"] == "process" and "started" in head and "limits" in head
    calls = [line for line in lines[1:-1] if line["line"] == "call"]
    assert calls[0]["name"] == "QueryInterface" and calls[-1]["name"] == "Done"
    assert [c["seq"] for c in lines[1:-1]] == list(range(len(lines) - 2))
    assert lines[-1]["status"] == "completed" and lines[-1]["calls"] == len(lines) - 2
    assert read(path).footer == lines[-1]


def test_no_secret_reaches_a_recording(tmp_path, capsys):
    secret = "hunter2-S3cr3t"
    spec = f"{ROOT / 'tests' / 'data' / 'leaky_provider.py'}:LeaksPassword"
    for setting in (f"password={secret}", f"password_command=echo {secret}"):
        out = tmp_path / setting.partition("=")[0]
        sendreceive(
            tmp_path, "--headless", "--provider", spec, "--set", setting, "--record", str(out)
        )
        (path,) = recordings_in(out)
        text = path.read_text()
        assert secret not in text and secret.encode().hex() not in text
        assert text.count(SECRET) >= 4  # the setting, two step texts and the error text
    capsys.readouterr()


def test_strict_fails_a_task_that_broke_the_contract_and_junit_names_it(tmp_path, capsys):
    assert (
        sendreceive(tmp_path, "--headless", "--provider", "sendreceive.providers.faulty:DoneTwice")
        == 0
    )
    junit = tmp_path / "report.xml"
    assert (
        sendreceive(
            tmp_path,
            "--headless",
            "--provider",
            "sendreceive.providers.faulty:DoneTwice",
            "--strict",
            "--junit",
            str(junit),
        )
        == 1
    )
    capsys.readouterr()
    suite = ET.parse(junit).getroot()
    assert suite.get("tests") == "1" and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None
    assert "Completed with 1 contract violation" in failure.get("message", "")
    assert "Rule 6 (Done exactly once, nothing after it): Done called twice" in failure.text


def test_diff_of_bad_input_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"line": "header"}\n')
    assert main(["diff", str(bad), str(bad)]) == 2
    assert main(["diff", str(tmp_path / "missing"), str(bad)]) == 2
    assert "not a sendreceive-recording file" in capsys.readouterr().err


def test_json_counts_agree_with_the_table_and_events_carry_times(tmp_path, demo_speed, capsys):
    args = (
        "--headless",
        "--provider",
        "sendreceive.providers.faulty:CallsAfterDone",
        "--provider",
        "demo-warnings",
    )
    sendreceive(tmp_path, *args)
    table = capsys.readouterr().out.split("\n\n")[-2].splitlines()[2:]
    sendreceive(tmp_path, *args, "--json")
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    finals = [e for e in events if e["event"] == "final"]
    for row, final in zip(table, finals, strict=True):
        errors, warnings = row.split()[-2:]
        assert (int(errors), int(warnings)) == (final["errors"], final["warnings"]), row
    (summary,) = [e for e in events if e["event"] == "summary"]
    assert summary["errors"] == sum(f["errors"] for f in finals) > 0
    assert summary["violations"] == sum(f["violations"] for f in finals) == 2
    lines = [e for e in events if e["event"] == "error"]
    assert [e["line"] for e in lines] == list(range(len(lines)))
    assert all(e["count"] >= 1 for e in lines)
    times = [e["time"] for e in events]
    assert times == sorted(times) and times[-1] > 0
