"""Talking to the host's IMAPISyncProgressCallback, with the user's Cancel folded in."""

from __future__ import annotations

import logging
import threading

from sendreceive.contract import (
    FAILED,
    MAPI_E_USER_CANCEL,
    S_FALSE,
    IMAPISyncProgressCallback,
    SyncSession,
)

from ..wire import WireCancelledError

#: The user cancelled: stop, keep what is on disk, end with MAPI_E_USER_CANCEL. It is
#: the wire's own, so a wait that Cancel interrupts and a Progress answer end alike.
UserCancelledError = WireCancelledError


class Reporter:
    """Step texts, the run-wide message position, errors and warnings for one run.

    Every ``Progress`` call is also the cancellation check: it raises ``UserCancelledError`` when
    the host answers ``MAPI_E_USER_CANCEL`` or the session says the user cancelled.
    Connections receiving at once share it: one lock keeps the position counting and the
    calls to the host (perhaps a proxy to another process) one at a time.
    """

    def __init__(
        self, callback: IMAPISyncProgressCallback, session: SyncSession, logger: logging.Logger
    ) -> None:
        self._callback = callback
        self._session = session
        self._log = logger
        self._index = 0
        self._total = 0
        self.failures = 0
        self._lock = threading.RLock()

    def step(self, text: str) -> None:
        """A step whose amount of work is not known yet (``ulIndexMax == 0``)."""
        self._progress(text, 0, 0)

    def expect(self, total: int) -> None:
        """From now on positions count the ``total`` messages this run will receive."""
        self._index, self._total = 0, total

    def folder(self, name: str) -> None:
        self._progress(f"Synchronizing folder '{name}'", self._index, self._total)

    def received(self) -> None:
        with self._lock:
            self._index += 1
            self._progress(
                f"Receiving message {self._index:,} of {self._total:,}", self._index, self._total
            )

    def finish(self, received: int) -> None:
        """The closing line: what arrived, not what was planned; a run that reported
        errors does not claim there was nothing new."""
        if received:
            text = f"Received {received:,} message{'' if received == 1 else 's'}"
        else:
            text = "No new messages" if not self.failures else "No messages received"
        self._progress(text, self._index, self._total)

    def check(self) -> None:
        if self._session.cancelled:
            raise UserCancelledError

    def error(self, hresult: int, message: str) -> None:
        """Show an error (or a warning, for a success HRESULT); it does not end the run."""
        with self._lock:
            if FAILED(hresult):
                self.failures += 1
                self._log.error("%s", message)
            else:
                self._log.warning("%s", message)
            self._callback.Error(hresult, message)

    def warn(self, message: str) -> None:
        self.error(S_FALSE, message)

    def _progress(self, text: str, index: int, total: int) -> None:
        with self._lock:
            answer = self._callback.Progress(text, index, total)
        if (isinstance(answer, int) and answer & 0xFFFFFFFF == MAPI_E_USER_CANCEL) or (
            self._session.cancelled
        ):
            raise UserCancelledError
