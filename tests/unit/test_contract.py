import uuid

import pytest

from sendreceive import contract
from sendreceive.contract import (
    E_FAIL,
    FAILED,
    HRESULT_NAMES,
    MAPI_E_NETWORK_ERROR,
    MAPI_W_ERRORS_RETURNED,
    S_FALSE,
    S_OK,
    SUCCEEDED,
    SyncFlags,
    format_hresult,
    hresult_name,
    normalize_hresult,
)


def test_format_hresult_is_hex_with_symbolic_name():
    assert format_hresult(MAPI_E_NETWORK_ERROR) == "0x80040115 (MAPI_E_NETWORK_ERROR)"
    assert format_hresult(S_OK) == "0x00000000 (S_OK)"
    assert format_hresult(0x80041234) == "0x80041234"


def test_aliases_share_a_value_and_every_name_is_shown():
    assert contract.MAPI_E_CALL_FAILED == E_FAIL
    assert hresult_name(contract.MAPI_E_CALL_FAILED) == "E_FAIL / MAPI_E_CALL_FAILED"
    assert format_hresult(contract.MAPI_E_NO_ACCESS) == (
        "0x80070005 (E_ACCESSDENIED / MAPI_E_NO_ACCESS)"
    )
    assert HRESULT_NAMES[E_FAIL] == ("E_FAIL", "MAPI_E_CALL_FAILED")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("S_OK", 0x00000000),
        ("S_FALSE", 0x00000001),
        ("MAPI_W_ERRORS_RETURNED", 0x00040380),
        ("MAPI_W_PARTIAL_COMPLETION", 0x00040680),
        ("E_NOTIMPL", 0x80004001),
        ("E_NOINTERFACE", 0x80004002),
        ("E_ABORT", 0x80004004),
        ("E_UNEXPECTED", 0x8000FFFF),
        ("E_ACCESSDENIED", 0x80070005),
        ("E_OUTOFMEMORY", 0x8007000E),
        ("E_INVALIDARG", 0x80070057),
        ("MAPI_E_NO_SUPPORT", 0x80040102),
        ("MAPI_E_UNKNOWN_FLAGS", 0x80040106),
        ("MAPI_E_BUSY", 0x8004010B),
        ("MAPI_E_NOT_ENOUGH_DISK", 0x8004010D),
        ("MAPI_E_NOT_FOUND", 0x8004010F),
        ("MAPI_E_LOGON_FAILED", 0x80040111),
        ("MAPI_E_USER_CANCEL", 0x80040113),
        ("MAPI_E_UNABLE_TO_ABORT", 0x80040114),
        ("MAPI_E_DISK_ERROR", 0x80040116),
        ("MAPI_E_CORRUPT_DATA", 0x8004011B),
        ("MAPI_E_UNCONFIGURED", 0x8004011C),
        ("MAPI_E_FAILONEPROVIDER", 0x8004011D),
        ("MAPI_E_PASSWORD_CHANGE_REQUIRED", 0x80040120),
        ("MAPI_E_PASSWORD_EXPIRED", 0x80040121),
        ("MAPI_E_ACCOUNT_DISABLED", 0x80040124),
        ("MAPI_E_RECONNECTED", 0x80040125),
        ("MAPI_E_OFFLINE", 0x80040126),
        ("MAPI_E_END_OF_SESSION", 0x80040200),
        ("MAPI_E_TOO_BIG", 0x80040305),
        ("MAPI_E_TIMEOUT", 0x80040401),
    ],
)
def test_hresult_table_matches_the_mapi_reference(name, value):
    assert getattr(contract, name) == value
    assert name in HRESULT_NAMES[value]


def test_failed_and_succeeded_follow_the_severity_bit():
    assert FAILED(E_FAIL) and not SUCCEEDED(E_FAIL)
    assert SUCCEEDED(S_OK) and SUCCEEDED(S_FALSE) and SUCCEEDED(MAPI_W_ERRORS_RETURNED)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, 0),
        (E_FAIL, E_FAIL),
        (-2147467259, E_FAIL),  # E_FAIL as a signed 32-bit value (ctypes, pywin32)
        (2**32 - 1, 2**32 - 1),
        (2**32, None),
        (-(2**31) - 1, None),
        (True, None),
        (None, None),
        ("0", None),
        (0.0, None),
    ],
)
def test_normalize_hresult(value, expected):
    assert normalize_hresult(value) == expected


def test_sync_flags_values_and_alias():
    assert SyncFlags.SYNC_UPLOAD_HIERARCHY == 0x1
    assert SyncFlags.SYNC_DOWNLOAD_HIERARCHY == 0x2
    assert SyncFlags.SYNC_UPLOAD_CONTENTS == 0x40
    assert SyncFlags.SYNC_DOWNLOAD_CONTENTS == 0x80
    assert SyncFlags.SYNC_OUTGOING_MAIL == 0x200
    assert SyncFlags.SYNC_BACKGROUND == 0x1000
    assert SyncFlags.SYNC_THESE_FOLDERS == 0x20000
    assert SyncFlags.SYNC_HEADERS == SyncFlags.SYNC_GLOBAL_HEADERS == 0x02000000
    assert SyncFlags.SYNC_ON_DEMAND == 0x20000000


def test_iids():
    assert contract.IID_IMAPISync == uuid.UUID("5024a385-2d44-486a-81a8-8f0ecb6071dd")
    assert contract.IID_IMAPISyncProgressCallback == uuid.UUID(
        "5024a386-2d44-486a-81a8-8f0ecb6071dd"
    )


def test_mapisib_has_the_five_members():
    sib = contract.MAPISIB(ulFlags=0x80, psesSync=None, punkCallBack=None)  # type: ignore[arg-type]
    assert sib.ulSize == contract.SIZEOF_MAPISIB
    assert sib.phSyncDoneEvent.value is None
    assert {"ulSize", "ulFlags", "psesSync", "punkCallBack", "phSyncDoneEvent"} == set(vars(sib))
