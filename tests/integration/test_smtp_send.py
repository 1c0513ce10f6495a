"""The smtp transport against a real SMTP server (aiosmtpd): sending as a task of the
run, refused recipients, wrong passwords and every security mode."""

from __future__ import annotations

from helpers.sending import outgoing, run_accounts, send_only_account, store
from helpers.smtp_server import PASSWORD
from helpers.sync_child import sync_in_child

from sendreceive.contract import (
    IXP_E_SMTP_REJECTED_RECIPIENTS,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_NO_SUPPORT,
    S_OK,
    MessageState,
    format_hresult,
)
from sendreceive.run.english import task_name
from sendreceive.tracking.tracker import TaskStatus


def test_queued_messages_are_sent_once_and_moved_to_sent_items(smtp_server, tmp_path):
    outbox = store(tmp_path)
    for n in range(3):
        outbox.queue("Mail", outgoing(n))
    account = send_only_account("Mail", smtp_server.settings("starttls"))
    run, summary = run_accounts([account], tmp_path)
    assert [task_name(t.snapshot().task) for t in run.tasks] == ["Mail - Sending"]
    assert summary.all_completed and summary.succeeded == 1, run.error_log.entries
    received = smtp_server.messages()
    assert sorted(r.message_id for r in received) == [
        f"<outgoing-{n}@example.test>" for n in range(3)
    ]
    assert all(r.mail_from == "sender@example.test" for r in received)
    assert outbox.messages() == [] and len(outbox.sent("Mail")) == 3
    steps = run.tasks[0].snapshot()
    assert steps.index == steps.index_max == 3

    run_accounts([account], tmp_path)  # a second run sends nothing
    assert len(smtp_server.messages()) == 3


def test_bcc_reaches_its_recipient_but_not_the_message(smtp_server, tmp_path):
    store(tmp_path).queue("Mail", outgoing(1, Bcc="hidden@example.org"))
    run_accounts([send_only_account("Mail", smtp_server.settings("ssl"))], tmp_path)
    (received,) = smtp_server.messages()
    assert received.rcpt_tos == ("friend@example.org", "hidden@example.org")
    assert b"hidden@example.org" not in received.content


def test_a_recipient_refused_for_good_completes_with_errors_once_then_runs_are_clean(
    smtp_server, tmp_path
):
    smtp_server.refused.add("nobody@example.org")
    outbox = store(tmp_path)
    outbox.queue("Mail", outgoing(1, to="friend@example.org, nobody@example.org"))
    outbox.queue("Mail", outgoing(2))
    outbox.queue("Mail", outgoing(3))
    account = send_only_account("Mail", smtp_server.settings())
    run, summary = run_accounts([account], tmp_path)
    assert (summary.failed, summary.with_errors) == (0, 1)  # "Completed with errors": exit 0
    assert run.tasks[0].snapshot().status is TaskStatus.WARNINGS
    (line,) = [e for e in run.error_log.entries if e.hresult == IXP_E_SMTP_REJECTED_RECIPIENTS]
    assert "<nobody@example.org>" in line.text and "550 5.1.1" in line.text
    assert "Outgoing 1" in line.text and "marked Refused" in line.text
    sent = [r.message_id for r in smtp_server.messages()]
    assert sent == ["<outgoing-2@example.test>", "<outgoing-3@example.test>"]
    (left,) = outbox.messages()
    assert left.subject == "Outgoing 1" and left.state is MessageState.REFUSED
    assert left.last_error is not None and "550 5.1.1" in left.last_error

    run, summary = run_accounts([account], tmp_path)  # nothing new to send
    assert (summary.succeeded, summary.errors) == (1, 0)
    assert len(smtp_server.messages()) == 2
    assert outbox.messages()[0].state is MessageState.REFUSED

    smtp_server.refused.clear()
    outbox.retry(left.id)  # the user's Retry
    assert outbox.messages()[0].state is MessageState.QUEUED
    run, summary = run_accounts([account], tmp_path)
    assert summary.succeeded == 1 and outbox.messages() == []
    assert smtp_server.messages()[-1].message_id == "<outgoing-1@example.test>"


def test_a_temporary_refusal_fails_the_task_and_is_tried_again(smtp_server, tmp_path):
    smtp_server.refused.add("busy@example.org")
    smtp_server.temporary = True
    outbox = store(tmp_path)
    outbox.queue("Mail", outgoing(1, to="busy@example.org"))
    account = send_only_account("Mail", smtp_server.settings())
    _run, summary = run_accounts([account], tmp_path)
    assert summary.failed == 1
    (left,) = outbox.messages()
    assert left.state is MessageState.QUEUED and "450" in (left.last_error or "")
    smtp_server.refused.clear()
    _run, summary = run_accounts([account], tmp_path)
    assert summary.succeeded == 1 and outbox.messages() == []


def test_a_wrong_password_fails_the_task_as_a_logon_failure(smtp_server, tmp_path):
    store(tmp_path).queue("Mail", outgoing(1))
    settings = smtp_server.settings("ssl", password="wrong")
    run, _summary = run_accounts([send_only_account("Mail", settings)], tmp_path)
    state = run.tasks[0].snapshot()
    assert state.status is TaskStatus.FAILED and state.result == MAPI_E_LOGON_FAILED
    texts = " ".join(e.text for e in run.error_log.entries)
    assert "refused the login of user 'sender@example.test'" in texts
    assert "wrong" not in texts and PASSWORD not in texts
    assert len(store(tmp_path).messages()) == 1 and smtp_server.messages() == []


def test_an_untrusted_certificate_is_refused_before_anything_is_sent(smtp_server, tmp_path):
    store(tmp_path).queue("Mail", outgoing(1))
    settings = smtp_server.settings("starttls")
    del settings["ca_file"]
    run, _ = run_accounts([send_only_account("Mail", settings)], tmp_path)
    state = run.tasks[0].snapshot()
    assert state.result == MAPI_E_NETWORK_ERROR, format_hresult(state.result or 0)
    assert (
        "certificate" in run.error_log.entries[0].text
        and "ca_file" in run.error_log.entries[0].text
    )
    assert smtp_server.messages() == []


def test_plain_connection_without_tls_sends(smtp_server, tmp_path):
    store(tmp_path).queue("Mail", outgoing(1))
    settings = smtp_server.settings("none")
    _, summary = run_accounts([send_only_account("Mail", settings)], tmp_path)
    assert summary.succeeded == 1 and len(smtp_server.messages()) == 1


def test_starttls_never_falls_back_to_plain_text(smtp_server, tmp_path):
    """A server that offers no STARTTLS gets neither the password nor the message."""
    store(tmp_path).queue("Mail", outgoing(1))
    settings = smtp_server.settings("starttls", port=smtp_server.bare_port)
    run, _ = run_accounts([send_only_account("Mail", settings)], tmp_path)
    assert run.tasks[0].snapshot().result == MAPI_E_NO_SUPPORT
    assert "does not offer STARTTLS" in run.error_log.entries[0].text
    assert smtp_server.messages() == [] and len(store(tmp_path).messages()) == 1


def test_the_transport_refuses_to_receive(tmp_path, smtp_server):
    from sendreceive.config.profile import Account

    run, _ = run_accounts([Account("Mail", "smtp", settings=smtp_server.settings())], tmp_path)
    state = run.tasks[0].snapshot()
    assert task_name(state.task) == "Mail - Receiving" and state.result == MAPI_E_NO_SUPPORT
    assert 'flags = ["SYNC_OUTGOING_MAIL"]' in run.error_log.entries[0].text


def test_a_60_mb_message_is_sent_from_disk_in_bounded_memory(smtp_server, tmp_path):
    """Streamed from the Outbox's file to the socket, checked and normalised on the way;
    before, the sending process peaked at 303 MiB (40 MiB now)."""
    mib = 1024 * 1024
    path = tmp_path / "large.eml"
    head = outgoing(1).split(b"\r\n\r\n")[0].replace(b"\r\n", b"\n")  # bare LFs too
    lines = [b".QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\n"]
    lines.append(lines[0][1:].replace(b"\n", b"\r\n"))  # every other line starts with a dot
    with path.open("wb") as file:
        file.write(head + b"\nBcc: hidden@example.org\n\n")
        for n in range(60 * mib // len(lines[1])):
            file.write(lines[n % 2])
    store(tmp_path).queue_files("Mail", [path])
    result = sync_in_child(smtp_server.settings(), tmp_path, send=True)
    assert result.hresult == S_OK, result.error_texts
    assert result.peak_rss <= 100 * mib, f"{result.peak_rss / mib:.0f} MiB"
    (received,) = smtp_server.messages()
    assert received.rcpt_tos == ("friend@example.org", "hidden@example.org")
    expected = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert received.content == expected.replace(b"Bcc: hidden@example.org\r\n", b"")
