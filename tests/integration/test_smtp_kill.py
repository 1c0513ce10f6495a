"""Nothing lost, nothing sent twice but in one window: the sending program is killed
(SIGKILL) at 20 seeded random points of the SMTP conversation, then runs to the end.

The kill is made by the test's SMTP server itself, at the N-th step it sees (MAIL, RCPT,
DATA received and stored, DATA's reply written), so every phase of a message's send is
hit, the critical one included: the server has stored the message, the client has not
yet recorded it as sent. After each kill every queued message is either on the server
or still in the Outbox, and a message the server holds is either in Sent Items or still
marked "being sent". A duplicate can only come from that mark.

In every other round two sending programs start at once (a schedule and a cron job),
the server slow to take the first message: the account's Outbox lock leaves the sending
to one of them, so no message reaches the server twice in one round; both are killed at
the step, if it comes. In every fourth round one message is refused after its data
(554): it is never lost, never in Sent Items, and queued (not "being sent") at the end.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
from collections import Counter
from email import message_from_bytes

from helpers.program import ROOT
from helpers.sending import outgoing, settings_table, store
from helpers.waiting import wait_until

from sendreceive.contract import MessageState
from sendreceive.mail.outbox import DefaultStore

ROUNDS = 20
PER_ROUND = 3
SEED = 20240613
STEPS_PER_MESSAGE = 4  # mail, rcpt, data, data-replied
HOLD = 0.5  # seconds the server holds a parallel round's first accepted message
REFUSED = b"Refused by policy"  # in a message's Subject: the server answers 554


def test_killed_sends_lose_nothing_and_duplicate_only_in_the_reply_window(smtp_server, tmp_path):
    profile = tmp_path / "send.toml"
    profile.write_text(
        '[[accounts]]\nname = "Mail"\nprovider = "smtp"\nflags = ["SYNC_OUTGOING_MAIL"]\n'
        + settings_table("accounts.settings", smtp_server.settings("none"))
    )
    outbox = store(tmp_path / "stores")
    rng = random.Random(SEED)
    queued: set[str] = set()
    never_sent: set[str] = set()  # refused by the server after their data
    in_window: set[str] = set()  # marked "being sent" after a kill
    window_hits: Counter[str] = Counter()  # kills that caught it in its reply window
    before: Counter[str] = Counter()
    kills = 0
    number = 0

    smtp_server.refused_data.add(REFUSED)

    def send(kill_at: int | None, programs: int = 1) -> bool:
        steps = 0
        killed = threading.Event()
        children = [
            subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "--headless", "--profile", str(profile),
                 "--store-dir", str(tmp_path / "stores")],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            for _ in range(programs)
        ]  # fmt: skip

        def on_event(_name: str) -> None:
            nonlocal steps
            steps += 1
            if steps == kill_at:
                for child in children:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(child.pid, signal.SIGKILL)
                killed.set()

        smtp_server.on_event = on_event
        try:
            for child in children:
                child.wait(timeout=60)
            # A killed program's provider may finish a step before its own process
            # is ended after it: the round is over once the server has lost them all.
            assert wait_until(lambda: smtp_server.connections == 0), (
                "a provider outlived its program"
            )
        finally:
            smtp_server.on_event = None
        return killed.is_set()

    for round_number in range(ROUNDS):
        for index in range(PER_ROUND):
            number += 1
            refused = index == 0 and round_number % 4 == 0
            subject = f"{REFUSED.decode()} {number}" if refused else f"Outgoing {number}"
            outbox.queue("Mail", outgoing(number, Subject=subject))
            queued.add(f"<outgoing-{number}@example.test>")
            if refused:
                never_sent.add(f"<outgoing-{number}@example.test>")
        # the messages a run sends: those refused for good wait for the user's Retry
        pending = sum(m.state is not MessageState.REFUSED for m in outbox.messages())
        programs = 1 + round_number % 2
        # A slow first reply keeps a message in flight while the other program starts.
        smtp_server.hold_next_data = HOLD * (programs - 1)
        # Two programs at once could see twice the steps, were they not locked out.
        kills += send(rng.randint(1, STEPS_PER_MESSAGE * pending * programs), programs)
        on_server = Counter(r.message_id for r in smtp_server.messages())
        left = {_message_id(outbox, m.id): m for m in outbox.messages()}
        sent = {_sent_id(outbox, m.id) for m in outbox.sent()}
        for message_id in queued:
            assert on_server[message_id] or message_id in left, f"{message_id} was lost"
            assert on_server[message_id] <= before[message_id] + 1, f"{message_id} sent twice"
            if message_id in never_sent:
                assert message_id not in sent, f"{message_id} was refused, yet in Sent Items"
            if message_id in sent:
                assert on_server[message_id], f"{message_id} in Sent Items, not on the server"
            elif on_server[message_id]:
                assert left[message_id].state is MessageState.SENDING, (
                    f"{message_id} reached the server but is queued as if never sent"
                )
                in_window.add(message_id)
                window_hits[message_id] += on_server[message_id] > before[message_id]
        before = on_server

    assert not send(None)  # the last run, uncut, sends the rest
    on_server = Counter(r.message_id for r in smtp_server.messages())
    left = {_message_id(outbox, m.id): m for m in outbox.messages()}
    assert set(left) == never_sent and len(outbox.sent()) == len(queued - never_sent)
    assert all(m.state is MessageState.REFUSED and "554 5.7.1" in (m.last_error or "")
               for m in left.values())  # fmt: skip
    assert set(on_server) == queued - never_sent
    duplicates = {m for m, n in on_server.items() if n > 1}
    assert duplicates <= in_window, "a duplicate outside the reply window"
    # Each extra copy is one kill in that message's reply window, never more.
    assert all(n <= 1 + window_hits[m] for m, n in on_server.items()), (on_server, window_hits)
    print(
        f"\nkill test: {kills} kills in {ROUNDS} rounds, {len(queued)} messages, "
        f"{len(in_window)} caught in the reply window, {len(duplicates)} duplicates"
    )
    assert kills >= ROUNDS // 2  # most rounds really were cut


def _message_id(outbox: DefaultStore, msg_id: str) -> str:
    return str(message_from_bytes(outbox.content(msg_id))["Message-ID"])


def _sent_id(outbox: DefaultStore, msg_id: str) -> str:
    (path,) = (outbox.sent_items / "cur").glob(f"{msg_id}:*")
    return str(message_from_bytes(path.read_bytes())["Message-ID"])
