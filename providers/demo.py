"""Demo store providers: pretend accounts that exercise every path of the dialog.

They follow the contract the way a careful provider does (both styles, cancel honoured,
warnings and errors through ``Error``), so they double as examples. Timing is set by the
``delay`` setting (seconds per step) and scaled by the environment variable
``SENDRECEIVE_DEMO_SPEED`` (e.g. ``50`` runs every demo account fifty times faster).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence

from sendreceive.config.provider_settings import Setting
from sendreceive.contract import (
    IXP_E_SMTP_REJECTED_RECIPIENTS,
    MAPI_E_BUSY,
    MAPI_E_CORRUPT_DATA,
    MAPI_E_LOGON_FAILED,
    MAPI_E_USER_CANCEL,
    MAPI_W_ERRORS_RETURNED,
    MAPI_W_PARTIAL_COMPLETION,
    MAPISIB,
    S_OK,
    IID_IMAPISyncProgressCallback,
    IMAPISyncProgressCallback,
    Outbox,
)


class _CancelledError(Exception):
    """Progress answered MAPI_E_USER_CANCEL."""


def _speed() -> float:
    try:
        return max(float(os.environ.get("SENDRECEIVE_DEMO_SPEED", "1")), 1e-3)
    except ValueError:
        return 1.0


class DemoAccount:
    """Shared mechanics: style, pacing, cancel. Subclasses write ``work``."""

    background = False  # True: own thread + phSyncDoneEvent; False: all work in the call

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        if not self.background:
            self._run(cb, None)
            return S_OK
        done = threading.Event()
        psibpb.phSyncDoneEvent.value = done
        threading.Thread(target=self._run, args=(cb, done), daemon=True).start()
        return S_OK

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        raise NotImplementedError

    def step(
        self, cb: IMAPISyncProgressCallback, text: str | None, index: int, index_max: int
    ) -> None:
        """Pace one unit of work, then report it; stop if the user cancelled."""
        time.sleep(self.delay / _speed())
        if cb.Progress(text, index, index_max) == MAPI_E_USER_CANCEL:
            raise _CancelledError

    def _run(self, cb: IMAPISyncProgressCallback, done: threading.Event | None) -> None:
        try:
            hr = self.work(cb)
        except _CancelledError:
            hr = MAPI_E_USER_CANCEL
        cb.Done(done, hr)
        if done is not None:
            done.set()


class FastAccount(DemoAccount):
    """One folder, a few messages, in-call style."""

    SETTINGS = (
        Setting("messages", int, 25, "How many pretend messages to receive"),
        Setting("delay", float, 0.04, "Seconds each pretend step takes"),
    )

    def __init__(self, messages: int = 25, delay: float = 0.04) -> None:
        super().__init__(delay)
        self.messages = messages

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        self.step(cb, "Synchronizing folder 'Inbox'", 0, self.messages)
        for i in range(1, self.messages + 1):
            self.step(cb, f"Receiving message {i:,} of {self.messages:,}", i, self.messages)
        return S_OK


_FOLDERS = (
    "Inbox",
    "Sent Items",
    "Drafts",
    "Archive/2024",
    "Archive/2025",
    "Projects/Apollo",
    "Projects/Borealis",
    "Newsletters",
    "Receipts",
    "Travel",
)


class ManyFoldersAccount(DemoAccount):
    """A slow account with a deep hierarchy, background style."""

    background = True

    SETTINGS = (
        Setting("per_folder", int, 12, "Pretend messages in each folder"),
        Setting("delay", float, 0.05, "Seconds each pretend step takes"),
    )

    def __init__(
        self, folders: Sequence[str] = _FOLDERS, per_folder: int = 12, delay: float = 0.05
    ) -> None:
        super().__init__(delay)
        self.folders = list(folders)
        self.per_folder = per_folder

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        total = len(self.folders) * self.per_folder
        done = 0
        for folder in self.folders:
            self.step(cb, f"Synchronizing folder '{folder}'", done, total)
            for i in range(1, self.per_folder + 1):
                done += 1
                self.step(
                    cb, f"Receiving message {i} of {self.per_folder} in '{folder}'", done, total
                )
        return S_OK


class WarningsAccount(DemoAccount):
    """Completes, but with a warning and a skipped message along the way."""

    SETTINGS = (
        Setting("messages", int, 30, "How many pretend messages to receive"),
        Setting("delay", float, 0.05, "Seconds each pretend step takes"),
    )

    def __init__(self, messages: int = 30, delay: float = 0.05) -> None:
        super().__init__(delay)
        self.messages = messages

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        for i in range(1, self.messages + 1):
            self.step(cb, f"Receiving message {i} of {self.messages}", i, self.messages)
            if i == self.messages // 3:
                cb.Error(
                    MAPI_W_PARTIAL_COMPLETION,
                    "Message 'Quarterly report.pdf' is larger than the 10 MB limit; "
                    "only its headers were downloaded.",
                )
            if i == 2 * self.messages // 3:
                cb.Error(
                    MAPI_E_CORRUPT_DATA,
                    f"Message {i} in 'Inbox' could not be read and was skipped.",
                )
        return MAPI_W_ERRORS_RETURNED


class LogonFailureAccount(DemoAccount):
    """The server refuses the password, background style."""

    background = True

    SETTINGS = (
        Setting("server", str, "mail.tailspin.example", "The server named in the failure"),
        Setting("attempts", int, 8, "Connection attempts before giving up"),
        Setting("delay", float, 0.1, "Seconds each pretend step takes"),
    )

    def __init__(
        self, server: str = "mail.tailspin.example", attempts: int = 8, delay: float = 0.1
    ) -> None:
        super().__init__(delay)
        self.server = server
        self.attempts = attempts

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        for i in range(self.attempts):
            self.step(cb, f"Connecting to {self.server}…", i, 0)
        cb.Error(
            MAPI_E_LOGON_FAILED,
            f"{self.server} rejected the user name or password. Check the account's password "
            "and try again.",
        )
        return MAPI_E_LOGON_FAILED


class UnknownTotalAccount(DemoAccount):
    """Cannot tell how much is left until the end (``ulIndexMax = 0``)."""

    SETTINGS = (
        Setting("items", int, 40, "Pretend changes to download"),
        Setting("delay", float, 0.05, "Seconds each pretend step takes"),
    )

    def __init__(self, items: int = 40, delay: float = 0.05) -> None:
        super().__init__(delay)
        self.items = items

    def work(self, cb: IMAPISyncProgressCallback) -> int:
        self.step(cb, "Checking the server for changes…", 0, 0)
        for i in range(1, self.items + 1):
            self.step(cb, f"Downloaded {i} changes so far", i, 0)
        self.step(cb, "Applying changes", self.items, self.items)
        return S_OK


class OutboxTransport:
    """A pretend transport: "sends" the account's queued mail by moving it to Sent
    Items, through the same Outbox steps a real transport takes; a recipient at
    ``refused.example`` is refused the way an SMTP server refuses one."""

    SETTINGS = (Setting("delay", float, 0.05, "Seconds each pretend step takes"),)

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay

    def SynchronizeInBackground(self, psibpb: MAPISIB) -> int:
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        outbox = psibpb.psesSync.outbox
        if outbox is not None and not outbox.lock():  # another run is sending it
            cb.Error(MAPI_E_BUSY, "Another Send/Receive is sending this account's Outbox.")
            cb.Done(None, MAPI_E_BUSY)
            return S_OK
        try:
            result = self._send(cb, outbox)
        finally:
            if outbox is not None:
                outbox.unlock()
        cb.Done(None, result)
        return S_OK

    def _send(self, cb: IMAPISyncProgressCallback, outbox: Outbox | None) -> int:
        """The HRESULT for Done."""
        pending = outbox.pending() if outbox is not None else []
        result = S_OK
        for i, message in enumerate(pending, 1):
            time.sleep(self.delay / _speed())
            if cb.Progress(f"Sending message {i} of {len(pending)}", i - 1, len(pending)):
                return MAPI_E_USER_CANCEL
            assert outbox is not None
            refused = [r for r in message.recipients if r.endswith("@refused.example")]
            if refused:
                why = f"the server refused the recipient <{refused[0]}>: 550 5.1.1 User unknown"
                outbox.mark_not_sent(message.id, why)
                cb.Error(
                    IXP_E_SMTP_REJECTED_RECIPIENTS,
                    f"Message '{message.subject}' was not sent: {why}.",
                )
                result = IXP_E_SMTP_REJECTED_RECIPIENTS
                continue
            outbox.begin_sending(message.id)
            outbox.mark_sent(message.id)
        cb.Progress(None if pending else "No messages to send", len(pending), len(pending) or 1)
        return result
