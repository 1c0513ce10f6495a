"""What the bundled network providers share: the background style of the contract,
TLS set-up, the settings every server connection checks, and the words for the network
failures every protocol meets.

The smtp transport and the IMAP provider both use it.
"""

from __future__ import annotations

import math
import socket
import ssl
import threading
from collections.abc import Callable
from pathlib import Path

from sendreceive.contract import (
    E_FAIL,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_TIMEOUT,
    MAPI_E_UNCONFIGURED,
    MAPISIB,
    S_OK,
    IMAPISyncProgressCallback,
)


class ProviderError(Exception):
    """A fatal condition already phrased for the user, with its HRESULT."""

    def __init__(self, hresult: int, message: str) -> None:
        super().__init__(message)
        self.hresult = hresult


def start_in_background(
    psibpb: MAPISIB,
    callback: IMAPISyncProgressCallback,
    work: Callable[[], int],
    thread_name: str,
) -> int:
    """The background style: ``work`` on a thread of its own, the event it sets in
    ``phSyncDoneEvent``, ``S_OK`` at once; ``Done`` exactly once, before the event."""
    done = threading.Event()
    psibpb.phSyncDoneEvent.value = done

    def run() -> None:
        hresult = E_FAIL
        try:
            hresult = work()
        finally:
            try:
                callback.Done(done, hresult)
            finally:
                done.set()

    threading.Thread(target=run, name=thread_name, daemon=True).start()
    return S_OK


def tls_context(ca_file: Path | None, verify_certificate: bool) -> ssl.SSLContext:
    """The system's trust store (or ``ca_file``), hostname checked, unless turned off."""
    try:
        context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise ProviderError(
            MAPI_E_UNCONFIGURED,
            f"The ca_file {ca_file} cannot be used ({exc}). Point it at the PEM file of the "
            "certificate authority that signed the server's certificate.",
        ) from exc
    if not verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def check_port(port: object) -> int:
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise ValueError("port must be an integer from 1 to 65535")
    return port


def check_timeout(timeout: object) -> float:
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, int | float)
        or not math.isfinite(timeout)
        or timeout <= 0
    ):
        raise ValueError("timeout must be a positive, finite number of seconds")
    return float(timeout)


def network_failure(
    exc: BaseException, host: str, server: str, timeout: float
) -> ProviderError | None:
    """The words for an untrusted certificate, a timeout or an unknown host name, the
    same for every protocol; ``None`` for other exceptions."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return ProviderError(
            MAPI_E_NETWORK_ERROR,
            f"The TLS certificate of {host} is not trusted ({exc.verify_message}), so the "
            "connection was refused. If the server uses a private or self-signed "
            "certificate, set ca_file to its CA certificate.",
        )
    if isinstance(exc, TimeoutError):
        return ProviderError(
            MAPI_E_TIMEOUT,
            f"{server} did not answer within {timeout:g} s. Check the network connection, "
            "or raise the timeout setting.",
        )
    if isinstance(exc, socket.gaierror):
        return ProviderError(
            MAPI_E_NETWORK_ERROR,
            f"The server name '{host}' could not be resolved ({exc.strerror}). Check the "
            "host setting and the network connection.",
        )
    return None


def reason(exc: BaseException) -> str:
    """A network exception's cause, in lower-case words."""
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason).replace("_", " ").lower()
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
