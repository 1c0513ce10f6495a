"""The queue goes past a bad message, and what goes out is what was meant: checked on
what a real SMTP server (aiosmtpd) received.

Each bad message is written straight into the Outbox, as an older version, another
program or a hand might have put it there: the transport must not rely on ``queue``'s
checks."""

from __future__ import annotations

from pathlib import Path

from helpers.hostile_smtp import serving
from helpers.sending import outgoing, run_accounts, run_send, send_only_account, store

from sendreceive.contract import MAPI_E_CORRUPT_DATA, MAPI_E_NO_SUPPORT, MessageState
from sendreceive.mail.outbox import DefaultStore


def _put(outbox: DefaultStore, data: bytes) -> str:
    """Queue a message, then make its file hold ``data`` exactly."""
    message = outbox.queue("Mail", outgoing(99))
    (path,) = (outbox.outbox / "cur").glob(f"{message.id}:*")
    path.write_bytes(data)
    return message.id


HEAD = (
    b"From: Sender <sender@example.test>\r\nTo: friend@example.org\r\n"
    b"Subject: Bad\r\nMessage-ID: <bad@example.test>\r\n\r\n"
)


def test_a_message_that_cannot_be_sent_as_it_is_is_refused_and_the_others_are_sent(
    smtp_server, tmp_path: Path
) -> None:
    outbox = store(tmp_path)
    outbox.queue("Mail", outgoing(1))
    bad = {
        _put(outbox, HEAD + b"a NUL \0 in the body\r\n"): "NUL byte",
        _put(
            outbox,
            HEAD + b"smuggled\r.\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@example.org>"
            b"\r\nDATA\r\nFrom: evil\r\n\r\nsmuggled\r\n",
        ): "bare CR",
        _put(
            outbox, HEAD.replace(b"Subject: Bad\r\n", b"Subject: Bad\r\nnot a header\r\n")
        ): "header line 4 is not a header",
        _put(
            outbox, HEAD.replace(b"friend@example.org", b"friend@example.org, <broken@")
        ): "no recipient whose address can be read",
    }
    outbox.queue("Mail", outgoing(2))
    run, summary = run_accounts([send_only_account("Mail", smtp_server.settings())], tmp_path)
    assert (summary.failed, summary.with_errors) == (0, 1)  # the others went out
    received = smtp_server.messages()
    assert sorted(r.message_id for r in received) == [
        "<outgoing-1@example.test>",
        "<outgoing-2@example.test>",
    ]
    assert not any(b"smuggled" in r.content or "evil" in r.mail_from for r in received)
    left = {m.id: m for m in outbox.messages()}
    assert set(left) == set(bad)
    assert all(m.state is MessageState.REFUSED for m in left.values())  # not sent again
    for msg_id, words in bad.items():
        assert words in (left[msg_id].last_error or ""), left[msg_id]
    assert [e.hresult for e in run.error_log.entries] == [MAPI_E_CORRUPT_DATA] * 4


def test_a_non_ascii_address_goes_only_to_a_server_that_takes_it(
    smtp_server, tmp_path: Path
) -> None:
    """aiosmtpd offers SMTPUTF8; the hostile server does not: there the message stays
    queued, saying why, and the next one is sent."""
    outbox = store(tmp_path)
    wide = outbox.queue("Mail", outgoing(1, to="jörg@exämple.org")).id
    outbox.queue("Mail", outgoing(2))
    with serving() as hostile:
        result = run_send(hostile.settings(), tmp_path)
        assert [r.rcpt_tos for r in hostile.messages()] == [("friend@example.org",)]
    assert result.hresult == MAPI_E_NO_SUPPORT
    (left,) = outbox.messages()
    assert left.id == wide and left.state is MessageState.QUEUED
    assert "<jörg@exämple.org> has characters outside ASCII" in (left.last_error or "")
    assert "no SMTPUTF8" in result.error_texts

    _, summary = run_accounts([send_only_account("Mail", smtp_server.settings())], tmp_path)
    assert summary.succeeded == 1
    (received,) = smtp_server.messages()
    assert received.rcpt_tos == ("jörg@exämple.org",)
    assert outbox.messages() == []


def test_outgoing_bytes_have_crlf_line_ends_and_no_bcc_of_any_kind(
    smtp_server, tmp_path: Path
) -> None:
    data = (
        b"From: Sender <sender@example.test>\nTo: friend@example.org\n"
        b"Bcc: hidden@example.org\nResent-Bcc: resent@example.org,\n\tmore@example.org\n"
        b"Subject: Lines\nMessage-ID: <lines@example.test>\n\n"
        b"bare LF\n.a leading dot\nsmuggling attempt\n.\r\nMAIL FROM:<evil@example.org>\r\n"
        b"the end\r\n"
    )
    _put(store(tmp_path), data)
    _, summary = run_accounts([send_only_account("Mail", smtp_server.settings())], tmp_path)
    assert summary.succeeded == 1
    (received,) = smtp_server.messages()
    content = received.content
    assert content.count(b"\n") == content.count(b"\r\n") and b"\r\r" not in content
    assert b"bcc" not in content.lower() and b"more@example.org" not in content
    assert received.rcpt_tos == ("friend@example.org", "hidden@example.org")
    assert b"\r\n.a leading dot\r\n" in content  # dot-stuffed on the wire, intact here
    assert b"\r\n.\r\nMAIL FROM:<evil@example.org>\r\nthe end\r\n" in content
    assert len(smtp_server.messages()) == 1


def test_a_big_message_arrives_byte_for_byte_however_its_data_is_cut(
    smtp_server, tmp_path: Path
) -> None:
    """Dot-stuffing goes a piece at a time; lines starting with a dot fall on every side
    of the cuts."""
    body = b"".join(b".%d a line that starts with a dot\r\n" % n for n in range(120_000))
    data = outgoing(1).replace(b"Body of message 1.\r\n", body)
    store(tmp_path).queue("Mail", data)
    _, summary = run_accounts([send_only_account("Mail", smtp_server.settings())], tmp_path)
    assert summary.succeeded == 1
    (received,) = smtp_server.messages()
    assert len(data) > 4 * 1024 * 1024 and received.content == data
