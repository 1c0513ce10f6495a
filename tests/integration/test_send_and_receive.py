"""The whole way through the real program: ``sendreceive queue``, then one headless run
that sends through aiosmtpd and receives from Dovecot; a second run sends nothing."""

from __future__ import annotations

import json

from helpers.imap import make_message
from helpers.program import run_program
from helpers.sending import outgoing, settings_table, store
from helpers.smtp_server import PASSWORD

from sendreceive.contract import MessageState
from sendreceive.paths import default_log_file


def _profile(tmp_path, account, smtp_server):
    imap = account.settings()
    path = tmp_path / "mail.toml"
    path.write_text(
        "# a profile that sends and receives\n"
        '[[accounts]]\nname = "Work"\nprovider = "imap"\ntransport = "smtp"\n'
        + settings_table("accounts.settings", imap)
        + settings_table("accounts.transport_settings", smtp_server.settings("starttls"))
    )
    return path


def _run(profile, stores):
    done = run_program(
        ["--headless", "--json", "--profile", str(profile), "--store-dir", str(stores)]
    )
    events = [json.loads(line) for line in done.stdout.splitlines()]
    return done, events


def test_queue_then_one_run_sends_once_then_receives(account, smtp_server, tmp_path):
    account.server.deliver(account.user, "INBOX", [make_message(1)])
    profile = _profile(tmp_path, account, smtp_server)
    stores = tmp_path / "stores"
    eml = tmp_path / "msg.eml"
    eml.write_bytes(outgoing(7))
    queued = run_program(
        [
            "queue",
            "--profile",
            str(profile),
            "--store-dir",
            str(stores),
            "--account",
            "Work",
            str(eml),
        ]
    )
    assert queued.returncode == 0, queued.stderr
    assert len(store(stores).messages("Work")) == 1

    done, events = _run(profile, stores)
    assert done.returncode == 0, done.stdout + done.stderr
    finals = [e["task"] for e in events if e["event"] == "final"]
    assert finals == ["Work - Sending", "Work - Receiving"]
    assert [r.message_id for r in smtp_server.messages()] == ["<outgoing-7@example.test>"]
    assert store(stores).messages() == [] and len(store(stores).sent("Work")) == 1
    inbox = [p for p in stores.glob("Work-*/Maildir/cur/*")] + list(
        stores.glob("Work-*/Maildir/new/*")
    )
    assert len(inbox) == 1  # received too

    again, events = _run(profile, stores)
    assert again.returncode == 0
    assert len(smtp_server.messages()) == 1  # nothing sent twice
    for secret in (account.password, PASSWORD):
        assert secret not in again.stdout + again.stderr + done.stdout + done.stderr
        assert secret not in default_log_file().read_text("utf-8", "replace")


def test_a_recipient_refused_for_good_completes_with_errors_once(account, smtp_server, tmp_path):
    smtp_server.refused.add("nobody@example.org")
    profile = _profile(tmp_path, account, smtp_server)
    stores = tmp_path / "stores"
    store(stores).queue("Work", outgoing(1, to="nobody@example.org"))
    done, events = _run(profile, stores)
    assert done.returncode == 0  # completed with errors: the message waits, marked Refused
    errors = [e for e in events if e["event"] == "error"]
    assert any("550 5.1.1" in e["text"] and e["task"] == "Work - Sending" for e in errors)
    (left,) = store(stores).messages("Work")
    assert left.state is MessageState.REFUSED
    done, events = _run(profile, stores)
    assert done.returncode == 0
    assert not [e for e in events if e["event"] == "error"]


def test_queue_refuses_bad_input_and_queues_nothing(tmp_path, account, smtp_server):
    profile = _profile(tmp_path, account, smtp_server)
    stores = tmp_path / "stores"
    good = tmp_path / "good.eml"
    good.write_bytes(outgoing(1))
    cases = {
        "no recipient": outgoing(2, To=""),
        "not a message": b"\x00\x01 garbage without headers",
        "bad address": outgoing(3, to='"unterminated <a@b'),
    }
    for why, data in cases.items():
        bad = tmp_path / "bad.eml"
        bad.write_bytes(data)
        done = run_program(
            ["queue", "--profile", str(profile), "--store-dir", str(stores), "--account", "Work",
             str(good), str(bad)]
        )  # fmt: skip
        assert done.returncode == 2, why
        assert "bad.eml" in done.stderr and "nothing was queued" in done.stderr, done.stderr
    unknown = run_program(
        ["queue", "--profile", str(profile), "--store-dir", str(stores), "--account", "Nope",
         str(good)]
    )  # fmt: skip
    assert unknown.returncode == 2 and "no account named 'Nope'" in unknown.stderr
    assert "'Work'" in unknown.stderr
    assert store(stores).messages() == []
