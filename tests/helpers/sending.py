"""Sending in tests: messages to queue, profiles that send, and one run of the engine."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from helpers.imap import RecordingCallback, RecordingUnknown, SyncResult
from sendreceive.config.profile import Account
from sendreceive.contract import MAPISIB, S_OK, SyncFlags
from sendreceive.hosting.session import Session
from sendreceive.mail.outbox import DefaultStore, default_store
from sendreceive.providers.smtp import SmtpTransport
from sendreceive.run.send_receive import Run
from sendreceive.run.summary import RunSummary

SEND_TIMEOUT = 60.0


def outgoing(number: int, to: str = "friend@example.org", **headers: str) -> bytes:
    """A message to queue, with a unique Message-ID."""
    lines = {
        "From": "Sender <sender@example.test>",
        "To": to,
        "Subject": f"Outgoing {number}",
        "Message-ID": f"<outgoing-{number}@example.test>",
        **headers,
    }
    head = "".join(f"{k}: {v}\r\n" for k, v in lines.items() if v)
    return (head + f"\r\nBody of message {number}.\r\n").encode()


def send_only_account(name: str, settings: dict[str, Any]) -> Account:
    return Account(name, "smtp", SyncFlags.SYNC_OUTGOING_MAIL, settings)


def run_accounts(accounts: list[Account], store_root: Path) -> tuple[Run, RunSummary]:
    run = Run(accounts, store_root)
    return run, asyncio.run(run.execute())


def store(store_root: Path) -> DefaultStore:
    return default_store(store_root)


def toml_value(value: Any) -> str:
    """A TOML value (JSON's strings, numbers and booleans are TOML's too)."""
    return json.dumps(value)


def settings_table(header: str, settings: dict[str, Any]) -> str:
    body = "".join(f"{k} = {toml_value(v)}\n" for k, v in settings.items())
    return f"[{header}]\n{body}"


def run_send(
    settings: dict[str, Any],
    store_root: Path,
    *,
    account: str = "Mail",
    on_progress: Callable[[int, int], bool] | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> SyncResult:
    """The smtp transport's whole run on this thread's terms, as ``run_sync`` drives the
    IMAP provider: the account's Outbox in ``store_root``'s default store."""
    callback = RecordingCallback(on_progress)
    session = Session(
        account,
        settings,
        store_root / "store",
        logging.getLogger(f"smtp.{account}"),
        is_cancelled,
        default_store=default_store(store_root).root,
    )
    sib = MAPISIB(
        ulFlags=SyncFlags.SYNC_OUTGOING_MAIL,
        psesSync=session,
        punkCallBack=RecordingUnknown(callback),
    )
    assert SmtpTransport(**settings).SynchronizeInBackground(sib) == S_OK
    event = sib.phSyncDoneEvent.value
    assert isinstance(event, threading.Event)
    assert event.wait(SEND_TIMEOUT), "the transport's thread did not finish"
    assert len(callback.done) == 1 and callback.done[0][0] is event, callback.done
    return SyncResult(callback.done[0][1], callback)
