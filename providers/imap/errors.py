"""Turn what went wrong into an HRESULT and a sentence the user can act on.

Every fatal condition ends as ``cb.Error(hr, message)`` then ``cb.Done(event, hr)``; this
module decides ``hr`` and ``message``. Texts name the server and the setting to check,
and never contain the password (nothing here ever sees it).
"""

from __future__ import annotations

import errno
import re
import ssl
from dataclasses import dataclass
from pathlib import Path

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from sendreceive.contract import (
    E_FAIL,
    MAPI_E_CALL_FAILED,
    MAPI_E_DISK_ERROR,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_NOT_ENOUGH_DISK,
)
from sendreceive.providers.common import ProviderError, network_failure, reason

from .bounded_client import MIB, ResponseTooLargeError
from .settings import ImapSettings

_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_COMMAND_PREFIX = re.compile(r"^(?:command: \w+ => |[a-z_]+ failed: )")  # imaplib's, IMAPClient's


SyncError = ProviderError  # a fatal condition already phrased for the user, with its HRESULT


class StoreError(Exception):
    """The local store could not be written: kept apart from network ``OSError``s."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(f"{path}: {error.strerror or error}")
        self.path = path
        self.errno = error.errno


def is_disk_full(exc: StoreError) -> bool:
    """A full disk ends the run: no other folder could be written either."""
    return exc.errno in _DISK_FULL


@dataclass(frozen=True)
class Failure:
    hresult: int
    message: str


def amount(count: int) -> str:
    """A byte count as people read it: ``2,000 bytes``, ``16 MiB``, ``8.5 MiB``."""
    return f"{count / MIB:,.4g} MiB" if count >= MIB else f"{count:,} bytes"


def server_text(exc: BaseException) -> str:
    """The server's words from an IMAPClient error, without imaplib's ``command: X =>``
    or IMAPClient's ``store failed:`` prefix or Python's ``b'...'`` quoting."""
    text = _COMMAND_PREFIX.sub("", str(exc).strip())
    if text.startswith(("b'", 'b"')) and text[-1:] == text[1]:
        text = text[2:-1]
    return text


def describe(exc: BaseException, settings: ImapSettings, *, logged_in: bool) -> Failure:
    """The HRESULT and user-facing message for an exception that ends the sync.

    ``logged_in`` tells a connection that never came up (check host, port, security)
    from one that was lost on the way (check the network, try again).
    """
    server = f"{settings.host}:{settings.port}"
    if isinstance(exc, SyncError):
        return Failure(exc.hresult, str(exc))
    if isinstance(exc, StoreError):
        if is_disk_full(exc):
            return Failure(
                MAPI_E_NOT_ENOUGH_DISK,
                f"The disk holding the local store is full ({exc.path}). Free some space "
                "and synchronize again: nothing already received is lost.",
            )
        return Failure(
            MAPI_E_DISK_ERROR,
            f"The local store could not be written ({exc}). Check that the folder exists "
            "and is writable.",
        )
    if isinstance(exc, LoginError):
        return Failure(
            MAPI_E_LOGON_FAILED,
            f"{server} refused the login of user '{settings.username}' "
            f"({server_text(exc)}). Check the user name and the password.",
        )
    network = network_failure(exc, settings.host, server, settings.timeout)
    if network is not None:
        return Failure(network.hresult, str(network))
    if isinstance(exc, ResponseTooLargeError):
        return Failure(
            MAPI_E_CALL_FAILED,
            f"{server} sent more than {amount(exc.limit)} in {exc.operation} ({exc.what}), so "
            "the connection was closed without reading the rest. The server is misbehaving: "
            "tell its administrator. Nothing received is lost.",
        )
    if isinstance(exc, (IMAPClientAbortError, OSError, EOFError)):
        if logged_in:
            message = (
                f"The connection to {server} was lost ({_reason(exc)}). "
                "Synchronize again once the server is reachable: nothing received is lost."
            )
        elif isinstance(exc, ssl.SSLError):
            message = (
                f"No secure connection could be made to {server} ({_reason(exc)}). Check "
                'the port and the security setting ("ssl" for 993, "starttls" for 143).'
            )
        else:
            message = (
                f"Could not connect to {server} ({_reason(exc)}). Check the host and port "
                "settings and that the server is running."
            )
        return Failure(MAPI_E_NETWORK_ERROR, message)
    if isinstance(exc, IMAPClientError):
        return Failure(MAPI_E_CALL_FAILED, f"{server} refused a command: {server_text(exc)}")
    return Failure(E_FAIL, f"Unexpected error: {type(exc).__name__}: {exc}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError | ssl.SSLError):
        return reason(exc)
    return server_text(exc) or type(exc).__name__
