"""``sendreceive queue``: put ``.eml`` files in the Outbox of the default store.

Every file is checked before any is queued, so a malformed message, one without
recipients or an unknown account queues nothing at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sendreceive.config.profile import Profile, ProfileError, load_profile
from sendreceive.config.user_profile import open_user_profile
from sendreceive.mail.outbox import OutboxError, default_store
from sendreceive.paths import default_store_root
from sendreceive.printable import ERROR_TEXT_LIMIT, printable

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sendreceive queue",
        description="Queue e-mail messages (.eml files) in the Outbox; the next "
        "Send/Receive of the account sends them.",
    )
    parser.add_argument("--profile", type=Path, metavar="FILE", help="a TOML profile")
    parser.add_argument(
        "--store-dir", type=Path, metavar="DIR", help="root of the local stores (as for a run)"
    )
    parser.add_argument("--account", required=True, help="the account that sends them")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.eml")
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        profile = load_profile(args.profile) if args.profile else open_user_profile().profile
    except ProfileError as exc:
        print("The profile cannot be used:", file=sys.stderr)
        for line in exc.lines():
            print(f"  {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = account_problem(profile, args.account)
    if problem is not None:
        print(f"{parser.prog}: error: {problem}; nothing was queued", file=sys.stderr)
        return EXIT_BAD_INPUT
    store = default_store(args.store_dir or profile.store_dir or default_store_root())
    try:
        queued = store.queue_files(args.account, args.files)
    except (OutboxError, OSError) as exc:  # OSError: the Outbox cannot be written
        text = printable(str(exc), ERROR_TEXT_LIMIT)
        print(f"{parser.prog}: error: {text}; nothing was queued", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Queued {len(queued)} message(s) for {args.account} in {store.outbox}")
    return EXIT_OK


def account_problem(profile: Profile, name: str) -> str | None:
    """Why mail cannot be queued for ``name``, or ``None``."""
    try:
        account = profile.account(name)
    except KeyError:
        senders = ", ".join(repr(a.name) for a in profile.accounts if a.sends) or "none"
        return f"no account named {name!r} in the profile (accounts that send: {senders})"
    if not account.sends:
        return (
            f"account {name!r} does not send mail: give it a transport "
            '(transport = "smtp") or the flag SYNC_OUTGOING_MAIL'
        )
    return None
