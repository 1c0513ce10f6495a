"""``sendreceive conformance``: the kit's battery, through the real command line (in this
process), against the bundled providers (all conform) and faulty ones (each fails,
naming the rule it breaks)."""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers.hostile import main_py
from helpers.imap import make_message

from sendreceive.cli import main
from sendreceive.records.conformance import Scenario


def conformance(tmp_path: Path, *args: str) -> int:
    return main(["conformance", "--log-file", str(tmp_path / "log"), *args])


@pytest.mark.parametrize(
    "provider",
    [
        "demo-fast",
        "demo-warnings",
        "demo-logon-failure",
        "demo-unknown-total",
        "demo-transport",
        "sendreceive.providers.demo:ManyFoldersAccount",
    ],
)
def test_a_bundled_provider_conforms(tmp_path, capsys, provider):
    code = conformance(tmp_path, provider)
    out = capsys.readouterr().out
    assert code == 0, out
    for scenario in Scenario:
        assert f"{scenario.value}: held" in out
    assert "NOT HELD" not in out and "broken" not in out
    assert out.rstrip().endswith("7 of 7 scenarios held: the provider conforms.")


def test_cancel_scenarios_really_cancel(tmp_path, capsys):
    """demo-fast is slow enough to be told of both cancels and of the time limit."""
    assert conformance(tmp_path, "demo-fast") == 0
    out = capsys.readouterr().out
    assert "cancel at the first Progress: held — Cancelled" in out
    assert "cancel before any call: held — Cancelled" in out
    assert "a short time limit: held — Failed: 0x80040401 (MAPI_E_TIMEOUT)" in out
    assert "settings it must refuse: held — Failed" in out


@pytest.mark.parametrize(
    ("provider", "broken"),
    [
        (
            "sendreceive.providers.faulty:DoneTwice",
            "Rule 6 (Done exactly once, nothing after it): no violation",
        ),
        (
            "sendreceive.providers.faulty:CallsAfterDone",
            "Rule 6 (Done exactly once, nothing after it): no violation",
        ),
        ("sendreceive.providers.faulty:OddPositions", "Rule 4 (Progress arguments): no violation"),
        (
            "sendreceive.providers.faulty:OddText",
            "Rule 9 (argument types and ranges): no violation",
        ),
        (
            "sendreceive.providers.faulty:NeverCallsDone",
            "Rule 2 (in-call or background style): no violation",
        ),
        (
            "sendreceive.providers.faulty:BadReturn",
            "Rule 3 (what SynchronizeInBackground returns): no violation",
        ),
        (
            "sendreceive.providers.faulty:RaisesInCall",
            "Rule 3 (what SynchronizeInBackground returns): ends on its own: Done, or a "
            "failure HRESULT returned",
        ),
        (
            "sendreceive.providers.faulty:IgnoresCancel",
            "Rule 4 (Progress arguments): stops on Cancel with Done(MAPI_E_USER_CANCEL)",
        ),
    ],
)
def test_a_faulty_provider_fails_naming_its_rule(tmp_path, capsys, provider, broken):
    code = conformance(tmp_path, provider, "--task-timeout", "3", "--cancel-grace", "2")
    out = capsys.readouterr().out
    assert code == 1, out
    by_rule = out.partition("\nBy rule:\n")[2]
    assert any(
        line.startswith("  broken in ") and line.endswith(broken) for line in by_rule.splitlines()
    ), out
    assert "the provider does not conform." in out


def test_junit_has_one_case_per_scenario(tmp_path, capsys):
    report = tmp_path / "reports" / "conformance.xml"
    assert (
        conformance(tmp_path, "sendreceive.providers.faulty:DoneTwice", "--junit", str(report)) == 1
    )
    capsys.readouterr()
    suite = ET.parse(report).getroot()
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [scenario.value for scenario in Scenario]
    failed = [case for case in cases if case.find("failure") is not None]
    assert suite.get("failures") == str(len(failed)) and failed
    for case in failed:
        failure = case.find("failure")
        assert failure is not None
        assert "Rule 6" in (failure.get("message") or "")
        assert "Done called twice" in (failure.text or "")
    assert (report.stat().st_mode & 0o777) == 0o600


KEEPS_STATE = '''
from sendreceive.contract import IID_IMAPISyncProgressCallback, MAPI_E_CALL_FAILED, S_OK

RUNS = []


class KeepsState:
    """Takes any settings, and fails every run after its first in the same process
    unless given settings."""

    def __init__(self, **settings):
        self.settings = settings
        RUNS.append(settings)

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Progress("working", 1, 1)
        cb.Done(None, S_OK if len(RUNS) == 1 or self.settings else MAPI_E_CALL_FAILED)
        return S_OK
'''


def test_the_kits_own_expectations_are_named(tmp_path, capsys):
    """Run on a thread of this process, a provider keeping state between runs fails the
    second run; one that takes any setting fails the refusal."""
    provider = tmp_path / "keeps_state.py"
    provider.write_text(KEEPS_STATE)
    assert conformance(tmp_path, f"{provider}:KeepsState", "--isolation", "thread") == 1
    out = capsys.readouterr().out
    assert "(thread isolation)" in out
    assert "plain run: held — Completed" in out
    assert "settings it must refuse: NOT HELD" in out
    assert "  broken: The kit: refuses settings it cannot use: the task fails" in out
    assert "a second run starts clean: NOT HELD" in out
    assert "  broken: The kit: ends as the plain run did (status, HRESULT, error counts)" in out
    assert "    first Completed, then Failed: 0x80004005 (E_FAIL / MAPI_E_CALL_FAILED)" in out


def test_a_provider_that_cannot_load_is_bad_input(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        conformance(tmp_path, "no.such.module:Provider")
    assert exited.value.code == 2
    assert "no.such.module:Provider" in capsys.readouterr().err


def test_each_reference_provider_conforms(tmp_path, capsys, reference):
    """The C, shell and Node providers of ``providers/examples``, as programs: they take
    any setting, so the kit is told one they must refuse (a count that is no number)."""
    command = shlex.join(reference)
    code = conformance(
        tmp_path, command, "--set", "password=conformance-pw", "--refuse", "count=many"
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith(f"Conformance of {command} (process isolation)")
    refused = "Failed: 0x80070057 (E_INVALIDARG / MAPI_E_INVALID_PARAMETER)"
    assert f"settings it must refuse: held — {refused}" in out
    assert "cancel at the first Progress: held — Cancelled" in out
    assert out.rstrip().endswith("7 of 7 scenarios held: the provider conforms.")
    assert "conformance-pw" not in out


def test_the_imap_provider_conforms_against_a_real_server(tmp_path, capsys, account):
    """The bundled IMAP provider, against the suite's Dovecot, with a few messages."""
    account.server.deliver(account.user, "INBOX", [make_message(n) for n in range(1, 31)])
    settings = [f"{key}={json.dumps(value)}" for key, value in account.settings().items()]
    code = conformance(tmp_path, "imap", *(arg for s in settings for arg in ("--set", s)))
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.rstrip().endswith("7 of 7 scenarios held: the provider conforms.")
    assert account.password not in out


def test_the_program_keeps_its_report_from_a_provider_that_grabs_stdout(tmp_path):
    """The real program: on a thread of its process, a provider that takes fd 1 and
    prints cannot reach the report (its prints go to stderr)."""
    done = main_py(
        "conformance",
        "sendreceive.providers.faulty:GrabsStdout",
        "--isolation",
        "thread",
        "--log-file",
        str(tmp_path / "log"),
    )
    assert done.stdout.startswith(
        "Conformance of sendreceive.providers.faulty:GrabsStdout (thread isolation)\n"
    )
    assert done.stdout.rstrip().endswith("scenarios held: the provider does not conform.")
    assert done.returncode == 1
