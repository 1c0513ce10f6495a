"""Sending in tests: messages to queue, profiles that send, and one run of the engine."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from sendreceive.config.profile import Account
from sendreceive.mail.outbox import DefaultStore, default_store
from sendreceive.run.send_receive import Run
from sendreceive.run.summary import RunSummary


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
    from sendreceive.contract import SyncFlags

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
