"""The provider contract: IMAPISync, IMAPISyncProgressCallback and their MAPI vocabulary.

This module is the project's public API for store-provider authors. It keeps the MAPI
names (``SynchronizeInBackground``, ``MAPISIB``, ``ulFlags``, ``hResult`` ...) so that a
provider reads like its C++ counterpart for Outlook. Providers are duck-typed: nothing
here has to be imported for a provider to work, but the constants are handy.

A minimal in-call provider::

    from sendreceive.contract import IID_IMAPISyncProgressCallback, MAPI_E_USER_CANCEL, S_OK

    class Hello:
        def __init__(self, count: int = 10) -> None:  # the account's settings
            self.count = count

        def SynchronizeInBackground(self, psibpb):
            cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
            for i in range(1, self.count + 1):
                if cb.Progress(f"Receiving message {i} of {self.count}", i, self.count):
                    cb.Done(None, MAPI_E_USER_CANCEL)  # non-zero: the user cancelled
                    return S_OK
            cb.Done(None, S_OK)
            return S_OK
"""

from __future__ import annotations

import enum
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntFlag
from logging import Logger
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

# --------------------------------------------------------------------------- IIDs

IID_IUnknown = uuid.UUID("00000000-0000-0000-c000-000000000046")
IID_IMAPISync = uuid.UUID("5024a385-2d44-486a-81a8-8f0ecb6071dd")
IID_IMAPISyncProgressCallback = uuid.UUID("5024a386-2d44-486a-81a8-8f0ecb6071dd")

# --------------------------------------------------------------------------- sync flags


class SyncFlags(IntFlag):
    """``MAPISIB.ulFlags``: what kind of synchronization the host asks for."""

    SYNC_UPLOAD_HIERARCHY = 0x00000001
    SYNC_DOWNLOAD_HIERARCHY = 0x00000002
    SYNC_UPLOAD_CONTENTS = 0x00000040
    SYNC_DOWNLOAD_CONTENTS = 0x00000080
    SYNC_OUTGOING_MAIL = 0x00000200
    SYNC_BACKGROUND = 0x00001000
    SYNC_THESE_FOLDERS = 0x00020000
    SYNC_HEADERS = 0x02000000
    SYNC_GLOBAL_HEADERS = 0x02000000  # an alias of SYNC_HEADERS, as in the SDK
    SYNC_ON_DEMAND = 0x20000000


SYNC_UPLOAD_HIERARCHY = SyncFlags.SYNC_UPLOAD_HIERARCHY
SYNC_DOWNLOAD_HIERARCHY = SyncFlags.SYNC_DOWNLOAD_HIERARCHY
SYNC_UPLOAD_CONTENTS = SyncFlags.SYNC_UPLOAD_CONTENTS
SYNC_DOWNLOAD_CONTENTS = SyncFlags.SYNC_DOWNLOAD_CONTENTS
SYNC_OUTGOING_MAIL = SyncFlags.SYNC_OUTGOING_MAIL
SYNC_BACKGROUND = SyncFlags.SYNC_BACKGROUND
SYNC_THESE_FOLDERS = SyncFlags.SYNC_THESE_FOLDERS
SYNC_HEADERS = SyncFlags.SYNC_HEADERS
SYNC_GLOBAL_HEADERS = SyncFlags.SYNC_GLOBAL_HEADERS
SYNC_ON_DEMAND = SyncFlags.SYNC_ON_DEMAND

# --------------------------------------------------------------------------- HRESULTs

S_OK = 0x00000000
S_FALSE = 0x00000001
MAPI_W_ERRORS_RETURNED = 0x00040380
MAPI_W_PARTIAL_COMPLETION = 0x00040680
E_NOTIMPL = 0x80004001
E_NOINTERFACE = 0x80004002
MAPI_E_INTERFACE_NOT_SUPPORTED = E_NOINTERFACE
E_ABORT = 0x80004004
E_FAIL = 0x80004005
MAPI_E_CALL_FAILED = E_FAIL
E_UNEXPECTED = 0x8000FFFF
E_ACCESSDENIED = 0x80070005
MAPI_E_NO_ACCESS = E_ACCESSDENIED
E_OUTOFMEMORY = 0x8007000E
MAPI_E_NOT_ENOUGH_MEMORY = E_OUTOFMEMORY
E_INVALIDARG = 0x80070057
MAPI_E_INVALID_PARAMETER = E_INVALIDARG
MAPI_E_NO_SUPPORT = 0x80040102
MAPI_E_UNKNOWN_FLAGS = 0x80040106
MAPI_E_BUSY = 0x8004010B
MAPI_E_NOT_ENOUGH_DISK = 0x8004010D
MAPI_E_NOT_FOUND = 0x8004010F
MAPI_E_LOGON_FAILED = 0x80040111
MAPI_E_USER_CANCEL = 0x80040113
MAPI_E_UNABLE_TO_ABORT = 0x80040114
MAPI_E_NETWORK_ERROR = 0x80040115
MAPI_E_DISK_ERROR = 0x80040116
MAPI_E_CORRUPT_DATA = 0x8004011B
MAPI_E_UNCONFIGURED = 0x8004011C
MAPI_E_FAILONEPROVIDER = 0x8004011D
MAPI_E_PASSWORD_CHANGE_REQUIRED = 0x80040120
MAPI_E_PASSWORD_EXPIRED = 0x80040121
MAPI_E_ACCOUNT_DISABLED = 0x80040124
MAPI_E_RECONNECTED = 0x80040125
MAPI_E_OFFLINE = 0x80040126
MAPI_E_END_OF_SESSION = 0x80040200
MAPI_E_TOO_BIG = 0x80040305
MAPI_E_TIMEOUT = 0x80040401
# Outlook's Internet transport codes (facility 12) for what an SMTP server refuses.
IXP_E_SMTP_REJECTED_SENDER = 0x800CCC78
IXP_E_SMTP_REJECTED_RECIPIENTS = 0x800CCC79

#: Every HRESULT the host knows by name; aliases share a value (MAPI_E_CALL_FAILED is
#: E_FAIL), so all of them are shown, the generic COM name first.
HRESULT_NAMES: Mapping[int, tuple[str, ...]] = {
    S_OK: ("S_OK",),
    S_FALSE: ("S_FALSE",),
    MAPI_W_ERRORS_RETURNED: ("MAPI_W_ERRORS_RETURNED",),
    MAPI_W_PARTIAL_COMPLETION: ("MAPI_W_PARTIAL_COMPLETION",),
    E_NOTIMPL: ("E_NOTIMPL",),
    E_NOINTERFACE: ("E_NOINTERFACE", "MAPI_E_INTERFACE_NOT_SUPPORTED"),
    E_ABORT: ("E_ABORT",),
    E_FAIL: ("E_FAIL", "MAPI_E_CALL_FAILED"),
    E_UNEXPECTED: ("E_UNEXPECTED",),
    E_ACCESSDENIED: ("E_ACCESSDENIED", "MAPI_E_NO_ACCESS"),
    E_OUTOFMEMORY: ("E_OUTOFMEMORY", "MAPI_E_NOT_ENOUGH_MEMORY"),
    E_INVALIDARG: ("E_INVALIDARG", "MAPI_E_INVALID_PARAMETER"),
    MAPI_E_NO_SUPPORT: ("MAPI_E_NO_SUPPORT",),
    MAPI_E_UNKNOWN_FLAGS: ("MAPI_E_UNKNOWN_FLAGS",),
    MAPI_E_BUSY: ("MAPI_E_BUSY",),
    MAPI_E_NOT_ENOUGH_DISK: ("MAPI_E_NOT_ENOUGH_DISK",),
    MAPI_E_NOT_FOUND: ("MAPI_E_NOT_FOUND",),
    MAPI_E_LOGON_FAILED: ("MAPI_E_LOGON_FAILED",),
    MAPI_E_USER_CANCEL: ("MAPI_E_USER_CANCEL",),
    MAPI_E_UNABLE_TO_ABORT: ("MAPI_E_UNABLE_TO_ABORT",),
    MAPI_E_NETWORK_ERROR: ("MAPI_E_NETWORK_ERROR",),
    MAPI_E_DISK_ERROR: ("MAPI_E_DISK_ERROR",),
    MAPI_E_CORRUPT_DATA: ("MAPI_E_CORRUPT_DATA",),
    MAPI_E_UNCONFIGURED: ("MAPI_E_UNCONFIGURED",),
    MAPI_E_FAILONEPROVIDER: ("MAPI_E_FAILONEPROVIDER",),
    MAPI_E_PASSWORD_CHANGE_REQUIRED: ("MAPI_E_PASSWORD_CHANGE_REQUIRED",),
    MAPI_E_PASSWORD_EXPIRED: ("MAPI_E_PASSWORD_EXPIRED",),
    MAPI_E_ACCOUNT_DISABLED: ("MAPI_E_ACCOUNT_DISABLED",),
    MAPI_E_RECONNECTED: ("MAPI_E_RECONNECTED",),
    MAPI_E_OFFLINE: ("MAPI_E_OFFLINE",),
    MAPI_E_END_OF_SESSION: ("MAPI_E_END_OF_SESSION",),
    MAPI_E_TOO_BIG: ("MAPI_E_TOO_BIG",),
    MAPI_E_TIMEOUT: ("MAPI_E_TIMEOUT",),
    IXP_E_SMTP_REJECTED_SENDER: ("IXP_E_SMTP_REJECTED_SENDER",),
    IXP_E_SMTP_REJECTED_RECIPIENTS: ("IXP_E_SMTP_REJECTED_RECIPIENTS",),
}

_ULONG_LIMIT = 1 << 32
_SIGN_BIT = 1 << 31


def normalize_hresult(value: object) -> int | None:
    """Return ``value`` as an unsigned 32-bit HRESULT, or ``None`` if it is not one.

    Providers written against ctypes or pywin32 hand back signed values (E_FAIL as
    -2147467259); both spellings mean the same HRESULT. ``bool`` is refused: ``True``
    is an int to Python but never a deliberate HRESULT. An ``int`` subclass (an
    ``IntEnum``) counts by its stored value: its own ``__int__`` or ``__index__``, which
    could run anything, is never called.
    """
    if type(value) is not int:
        if type(value) is bool or not issubclass(type(value), int):
            return None
        value = int.__int__(value)  # type: ignore[arg-type]  # the stored value: no hook of a subclass runs
    if -_SIGN_BIT <= value < 0:
        return value + _ULONG_LIMIT
    if 0 <= value < _ULONG_LIMIT:
        return value
    return None


def FAILED(hr: int) -> bool:
    """True when the severity bit is set: the HRESULT reports a failure."""
    return bool(hr & _SIGN_BIT) or hr < 0


def SUCCEEDED(hr: int) -> bool:
    """True for success and warning HRESULTs (severity bit clear)."""
    return not FAILED(hr)


def hresult_name(hr: int) -> str | None:
    """The symbolic names of a known HRESULT, else ``None``: every alias, because the
    value alone cannot tell which one its sender meant (``E_FAIL / MAPI_E_CALL_FAILED``:
    a provider's MAPI_E_CALL_FAILED must not read as the host's own E_FAIL)."""
    names = HRESULT_NAMES.get(hr & 0xFFFFFFFF)
    return " / ".join(names) if names else None


def format_hresult(hr: int) -> str:
    """The one way HRESULTs are shown: ``0x80040115 (MAPI_E_NETWORK_ERROR)``."""
    hr &= 0xFFFFFFFF
    name = hresult_name(hr)
    return f"0x{hr:08X} ({name})" if name else f"0x{hr:08X}"


# --------------------------------------------------------------------------- interfaces


@runtime_checkable
class IMAPISyncProgressCallback(Protocol):
    """Implemented by the host; called by the provider, from any thread."""

    def Progress(self, pwcszProgress: str | None, ulIndex: int, ulIndexMax: int) -> int:
        """Current step (``None`` keeps the last) and position; ``ulIndexMax == 0`` = unknown.

        Returns ``MAPI_E_USER_CANCEL`` once the user has cancelled the task.
        """
        ...

    def Error(self, hResult: int, pwcszErrorStr: str) -> int:
        """An error (failure HRESULT) or warning met during the sync; does not end it."""
        ...

    def Done(self, hThreadDoneEvent: threading.Event | None, hResult: int) -> int:
        """The sync has ended with ``hResult``; call exactly once."""
        ...


class IUnknown(Protocol):
    """What ``MAPISIB.punkCallBack`` is: ask it for the interface you need."""

    def QueryInterface(self, riid: uuid.UUID) -> Any:
        """The object for ``riid``; raises ``COMError(E_NOINTERFACE)`` for other IIDs."""
        ...


# --------------------------------------------------------------------------- sending


class MessageState(enum.Enum):
    QUEUED = "queued"
    SENDING = "sending"  # begun and not finished: cut off, or under way now
    REFUSED = "refused"  # refused for good: not sent again until the user retries it


@dataclass(frozen=True)
class OutgoingMessage:
    """One message of the Outbox or Sent Items, as the views and the transport see it."""

    id: str
    account: str
    sender: str | None  # the first From address, the envelope sender
    recipients: tuple[str, ...]  # To, Cc and Bcc addresses: the envelope recipients
    subject: str
    size: int
    state: MessageState
    queued_at: float
    last_error: str | None = None


class Outbox(Protocol):
    """``psesSync.outbox``: one account's queued mail in the default store, as a
    transport sees it (the store itself is the host's, ``sendreceive.mail.outbox``)."""

    def lock(self) -> bool:
        """Hold the account's Outbox for this run, before ``pending``: ``False`` when
        another run holds it (a transport then ends with ``MAPI_E_BUSY``). Held until
        ``unlock``, or the end of the process, however it ends."""
        ...

    def unlock(self) -> None: ...

    def pending(self) -> list[OutgoingMessage]: ...

    def open_content(self, msg_id: str) -> BinaryIO:
        """The message's bytes, a file opened for reading that the caller closes
        (``with``): a message may be tens of MiB, so read it in pieces."""
        ...

    def begin_sending(self, msg_id: str) -> None:
        """Just before the message's data goes out."""
        ...

    def mark_sent(self, msg_id: str) -> None:
        """Right after the server's final reply."""
        ...

    def mark_not_sent(self, msg_id: str, error: str) -> None:
        """Not sent for now (a temporary refusal, a cut): offered again next run."""
        ...

    def mark_refused(self, msg_id: str, error: str) -> None:
        """Refused for good (a 5xx reply, a message that cannot be sent as it is): it
        stays in the Outbox with ``error`` and ``pending()`` leaves it out until the
        user retries, edits or removes it."""
        ...


class SyncSession(Protocol):
    """``MAPISIB.psesSync``: the host's session for one account's sync."""

    @property
    def account_name(self) -> str: ...

    @property
    def settings(self) -> Mapping[str, Any]: ...

    @property
    def store_dir(self) -> Path:
        """Where the provider keeps its local store; created by the host."""
        ...

    @property
    def logger(self) -> Logger: ...

    @property
    def cancelled(self) -> bool:
        """True once the user cancelled this task (also told by ``Progress``)."""
        ...

    @property
    def outbox(self) -> Outbox | None:
        """For a transport (``SYNC_OUTGOING_MAIL``): the account's queued mail in the
        default store — ``lock()``, ``pending()``, ``open_content(id)``, then per message
        ``begin_sending(id)`` just before its data goes out and ``mark_sent(id)`` right
        after the server's reply, or ``mark_not_sent(id, error)`` (temporary) or
        ``mark_refused(id, error)`` (for good); ``unlock()``."""
        ...

    def password(self) -> str | None:
        """The account's secret, resolved from the profile, an env var or a command."""
        ...


@dataclass
class DoneEventSlot:
    """``MAPISIB.phSyncDoneEvent``: an out-parameter, like the C ``HANDLE *``.

    A background-style provider stores the ``threading.Event`` it will set when its
    own thread has finished: ``psibpb.phSyncDoneEvent.value = event``.
    """

    value: Any = None


#: sizeof(MAPISIB) on 64-bit Windows: two ULONGs and three pointers.
SIZEOF_MAPISIB = 32


@dataclass
class MAPISIB:
    """The argument of ``SynchronizeInBackground``, with the five members of the SDK's."""

    ulFlags: int
    psesSync: SyncSession
    punkCallBack: IUnknown
    phSyncDoneEvent: DoneEventSlot = field(default_factory=DoneEventSlot)
    ulSize: int = SIZEOF_MAPISIB


@runtime_checkable
class IMAPISync(Protocol):
    """Implemented by the store provider; called by the host on a worker thread."""

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        """Start a sync. In-call style: work, call ``Done``, return. Background style:
        start a thread, fill ``psibpb.phSyncDoneEvent``, return ``S_OK`` at once."""
        ...


class COMError(Exception):
    """Raised where COM would return a failure HRESULT from a call (``QueryInterface``)."""

    def __init__(self, hresult: int, text: str = "") -> None:
        super().__init__(f"{format_hresult(hresult)}{': ' + text if text else ''}")
        self.hresult = hresult
