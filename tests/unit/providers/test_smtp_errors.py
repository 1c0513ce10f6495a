"""The smtp transport's words for what ends a send: precise HRESULTs, no password."""

from __future__ import annotations

import io
import smtplib
import socket

import pytest

from sendreceive.contract import (
    MAPI_E_CALL_FAILED,
    MAPI_E_LOGON_FAILED,
    MAPI_E_NETWORK_ERROR,
    MAPI_E_TIMEOUT,
)
from sendreceive.providers.smtp import SmtpTransport
from sendreceive.providers.smtp import message as smtp_message
from sendreceive.providers.smtp.errors import describe
from sendreceive.providers.smtp.message import OutgoingData, UnsendableError
from sendreceive.providers.smtp.settings import SmtpSettings
from sendreceive.providers.wire import ReplyTooLargeError

SETTINGS = SmtpSettings.build(
    host="smtp.example.org", port=None, security="starttls", username="jane@example.org",
    sender=None, ca_file=None, verify_certificate=True, timeout=7,
)  # fmt: skip


@pytest.mark.parametrize(
    ("exc", "connected", "hresult", "words"),
    [
        (TimeoutError("timed out"), True, MAPI_E_TIMEOUT, "did not answer within 7 s"),
        (socket.gaierror(-2, "Name or service not known"), False, MAPI_E_NETWORK_ERROR,
         "'smtp.example.org' could not be resolved"),
        (ConnectionRefusedError(111, "Connection refused"), False, MAPI_E_NETWORK_ERROR,
         "Could not connect to smtp.example.org:587 (connection refused)"),
        (smtplib.SMTPServerDisconnected("gone"), True, MAPI_E_NETWORK_ERROR,
         "connection to smtp.example.org:587 was lost"),
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"),
         True, MAPI_E_LOGON_FAILED, "refused the login of user 'jane@example.org' (535 5.7.8"),
        (smtplib.SMTPHeloError(501, b"bad helo"), True, MAPI_E_CALL_FAILED, "501 bad helo"),
        (smtplib.SMTPAuthenticationError(454, b"4.7.0 Temporary authentication failure"),
         True, MAPI_E_NETWORK_ERROR, "(454 4.7.0 Temporary authentication failure): a "
         "temporary refusal, not a problem with the settings"),
        (smtplib.SMTPConnectError(421, b"4.3.2 Service not available"), False,
         MAPI_E_NETWORK_ERROR, "cannot take mail now (421 4.3.2 Service not available)"),
        (ReplyTooLargeError("its reply to EHLO", 1024, "the reply"), True, MAPI_E_CALL_FAILED,
         "sent more than 1,024 bytes in its reply to EHLO (the reply)"),
    ],
)  # fmt: skip
def test_each_failure_has_its_hresult_and_says_what_to_check(exc, connected, hresult, words):
    failure = describe(exc, SETTINGS, connected=connected)
    assert failure.hresult == hresult
    assert words in str(failure)


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"host": ""}, "host must be a non-empty string"),
        ({"host": "h", "security": "tls"}, "security must be one of ssl, starttls, none"),
        ({"host": "h", "port": 70000}, "port must be an integer from 1 to 65535"),
        ({"host": "h", "timeout": 0}, "timeout must be a positive, finite number"),
        ({"host": "h", "timeout": float("nan")}, "timeout must be a positive, finite number"),
        ({"host": "h", "username": ""}, "username must be a non-empty string"),
    ],
)
def test_bad_settings_are_refused_when_the_account_loads(settings, problem):
    with pytest.raises(ValueError, match=problem):
        SmtpTransport(**settings)


def test_default_ports_follow_the_security_mode():
    def port(mode: str) -> int:
        return SmtpSettings.build(
            host="h", port=None, security=mode, username=None, sender=None, ca_file=None,
            verify_certificate=True, timeout=1,
        ).port  # fmt: skip

    ports = {mode: port(mode) for mode in ("ssl", "starttls", "none")}
    assert ports == {"ssl": 465, "starttls": 587, "none": 25}


def outgoing_bytes(data: bytes) -> bytes:
    return b"".join(OutgoingData(io.BytesIO(data)).pieces())


def test_bcc_lines_and_their_continuations_are_dropped_and_nothing_else():
    data = b"To: a@x\r\nBcc: b@x,\r\n  c@x\r\nSubject: s\r\n\r\nBcc: in the body stays\r\n"
    assert outgoing_bytes(data) == b"To: a@x\r\nSubject: s\r\n\r\nBcc: in the body stays\r\n"


@pytest.mark.parametrize(
    ("data", "sent"),
    [
        (b"To: a@x\nSubject: s\n\nbody\n", b"To: a@x\r\nSubject: s\r\n\r\nbody\r\n"),
        (b"To: a@x\r\nRESENT-BCC : b@x\r\n\tc@x\r\n\r\nb", b"To: a@x\r\n\r\nb"),
        (b"To: a@x\r\nSubject: only headers\r\n", b"To: a@x\r\nSubject: only headers\r\n"),
    ],
)
def test_outgoing_bytes_have_crlf_line_ends_and_no_hidden_recipient(data, sent):
    assert outgoing_bytes(data) == sent


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"To: a@x\r\n\r\nNUL\0\r\n", "NUL byte"),
        (b"To: a@x\r\n\r\nsmuggled\r.\r\nMAIL FROM:<e@x>\r\n", "bare CR"),
        (b"To: a@x\r\r\n\r\nb\r\n", "bare CR"),
        (b"To: a@x\r\nno colon here\r\nBcc: b@x\r\n\r\nb\r\n", "header line 2 is not a header"),
        (b"\r\nbody only\r\n", "header line 1 is not a header"),
    ],
)
def test_what_cannot_be_sent_as_it_is_says_why(data, why):
    with pytest.raises(UnsendableError, match=why):
        outgoing_bytes(data)


@pytest.mark.parametrize("piece", [1, 2, 3, 5, 8])
def test_pieces_cut_anywhere_change_nothing(monkeypatch, piece):
    """A CRLF, a bare LF or a bare CR falls on every side of a cut between pieces."""
    data = b"To: a@x\r\nBcc: b@x\r\n\r\nline\r\nbare\nlf\n\r\n.dot\nend"
    whole = outgoing_bytes(data)
    monkeypatch.setattr(smtp_message, "PIECE", piece)
    assert outgoing_bytes(data) == whole == b"To: a@x\r\n\r\nline\r\nbare\r\nlf\r\n\r\n.dot\r\nend"
    for smuggled in (b"a\r.\r\n", b"ab\r", b"\r"):
        with pytest.raises(UnsendableError, match="bare CR"):
            outgoing_bytes(b"To: a@x\r\n\r\n" + smuggled)


def test_a_message_outside_ascii_asks_for_8bitmime():
    assert OutgoingData(io.BytesIO("To: a@x\r\n\r\nJörg\r\n".encode())).eight_bit
    assert not OutgoingData(io.BytesIO(b"To: a@x\r\n\r\nJoerg\r\n")).eight_bit
