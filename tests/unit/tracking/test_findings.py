"""The catalogue of the host's findings: each id's English is its template filled in
(the exact lines headless output prints are asserted elsewhere, unchanged), and what a
provider's process sends of a finding is read back exactly or refused."""

from __future__ import annotations

import pytest

from sendreceive.tracking.findings import Finding, Found, data_of
from sendreceive.tracking.rules import Rule

DIED = Finding.LAST_OUTPUT(
    Finding.PROCESS_DIED(Finding.SIGNAL(11, "SIGSEGV"), Finding.IN_SYNC()), "Fatal Python error"
)


def test_the_english_is_the_template_filled_in_and_a_violation_names_its_rule():
    assert Finding.NOT_RESPONDING(1.0).english == "Not responding: no progress for 1 s"
    assert DIED.english == (
        "The provider's process died: signal 11 (SIGSEGV) in SynchronizeInBackground. "
        "Its last output: Fatal Python error"
    )
    late = Finding.DONE_TWICE("Done", "None, 0")
    assert late.english == (
        "Rule 6 (Done exactly once, nothing after it): Done called twice: "
        "Done(None, 0) was called after the task ended; ignored"
    )
    assert late.sentence == "Done(None, 0) was called after the task ended; ignored"
    assert Finding.SYNC_RAISED("x: %2").english == "SynchronizeInBackground raised x: %2"


def test_every_finding_takes_its_templates_arguments_and_a_violation_has_rule_and_what():
    for finding in Finding:
        assert (finding.rule is None) == (finding.what is None), finding
        assert all(f"%{n}" in finding.template for n in range(1, finding.arity + 1)), finding
    assert {f.rule for f in Finding} >= set(Rule)  # every rule can be broken
    with pytest.raises(ValueError, match="takes 1 arguments"):
        Finding.SYNC_RAISED()


def test_a_finding_crosses_as_data_and_comes_back_the_same():
    assert Found.from_data(DIED.data()) == DIED
    assert data_of(None) == [None, []]
    assert data_of(Finding.EXIT_CODE(3)) == ["EXIT_CODE", [3]]


@pytest.mark.parametrize(
    "raw",
    [
        ["NO_SUCH_ID", []],
        ["EXIT_CODE", []],  # too few arguments
        ["EXIT_CODE", [3, 4]],  # too many
        ["EXIT_CODE", [True]],  # exact types only
        ["EXIT_CODE", [2**70]],
        ["NOT_RESPONDING", [float("nan")]],
        ["SYNC_RAISED", [{"a": 1}]],
        ["SYNC_RAISED", ["x" * 2_001]],
        ["SYNC_RAISED", [["SYNC_RAISED", [["SYNC_RAISED", [["EXIT_CODE", [1]]]]]]]],  # too deep
        ["EXIT_CODE", 3],
        "EXIT_CODE",
        [3, []],
    ],
)
def test_a_malformed_finding_from_a_providers_process_is_refused(raw):
    with pytest.raises(ValueError, match=r"finding|takes"):
        Found.from_data(raw)


def test_a_text_argument_from_a_providers_process_is_made_printable():
    found = Found.from_data(["SYNC_RAISED", ["a\x1b[31mb\u202e"]])
    assert found.args == ("a [31mb ",)
