"""An HRESULT is shown by every name it has: MAPI_E_CALL_FAILED is E_FAIL's value, and
a provider that reported the one must not be shown as having reported the other."""

from __future__ import annotations

from sendreceive.contract import E_FAIL, MAPI_E_CALL_FAILED, MAPI_E_NETWORK_ERROR
from sendreceive.ui.wording import words


def test_an_aliased_hresult_is_shown_by_both_names(qtbot):
    assert MAPI_E_CALL_FAILED == E_FAIL
    assert words.hresult_detail(MAPI_E_CALL_FAILED) == "0x80004005 E_FAIL / MAPI_E_CALL_FAILED"
    assert words.failed(MAPI_E_CALL_FAILED).endswith("(E_FAIL / MAPI_E_CALL_FAILED)")


def test_a_plain_hresult_keeps_its_one_name(qtbot):
    assert words.hresult_detail(MAPI_E_NETWORK_ERROR) == "0x80040115 MAPI_E_NETWORK_ERROR"
