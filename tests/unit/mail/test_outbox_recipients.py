"""A message's recipients: each address once, the standard parser's answer, in time
linear in their number (the parser is fed one address at a time: given a whole header
of 40,000 addresses it slices the rest of it at every token), when it is checked,
queued and listed."""

from __future__ import annotations

from email import policy
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest
from helpers.sending import outgoing

from sendreceive.mail.message_file import ADDRESS_HEADERS, recipients_of
from sendreceive.mail.outbox import OutboxError, default_store


def _parsed(to: str) -> EmailMessage:
    data = f"From: s@x.org\r\nTo: {to}\r\nCc: cc@x.org, a@x.org\r\nSubject: s\r\n\r\nb\r\n"
    message = BytesParser(policy=policy.default).parsebytes(data.encode())
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ('a@x.org, "Doe, John" <j@x.org>, (a, comment) c@x.org', ("a@x.org", "j@x.org", "c@x.org")),
        ("Group: a@x.org, b@x.org;, d@x.org", ("a@x.org", "b@x.org", "d@x.org")),
        ("undisclosed-recipients:;", ()),
        ('<@route,@r2:u@x.org>, "q\\", uote" <q@x.org>', ("u@x.org", "q@x.org")),
        ("=?utf-8?q?J=C3=B6rg=2C_X?= <jorg@x.org>, e@x.org", ("jorg@x.org", "e@x.org")),
        ("a@x.org,,b@x.org ,  ", ("a@x.org", "b@x.org")),
        ("John (nested (co,mment)) <n@x.org>,\r\n  z@x.org", ("n@x.org", "z@x.org")),
        ("jörg@exämple.org", ("jörg@exämple.org",)),
    ],
)
def test_each_address_once_in_order(to: str, expected: tuple[str, ...]) -> None:
    assert recipients_of(_parsed(to)) == tuple(dict.fromkeys((*expected, "cc@x.org", "a@x.org")))


def test_queueing_and_reading_parse_one_address_at_a_time(monkeypatch, tmp_path) -> None:
    """Checking, queueing and listing a message to 10,000 recipients never hands the
    parser more than one address (before: the whole header, three times)."""
    longest = [0]
    parse = HeaderRegistry.__call__

    def spy(self: HeaderRegistry, name: str, value: str) -> Any:
        if name.lower() in ADDRESS_HEADERS:
            longest[0] = max(longest[0], len(value))
        return parse(self, name, value)

    monkeypatch.setattr(HeaderRegistry, "__call__", spy)
    addresses = [f"user{n}@example.org" for n in range(10_000)]
    store = default_store(tmp_path)
    queued = store.queue("A", outgoing(1, to=", ".join(addresses)))
    assert queued.recipients == tuple(addresses) == store.messages()[0].recipients
    assert longest[0] < 100


def test_an_address_the_parser_breaks_on_is_refused_by_name(tmp_path) -> None:
    """The standard parser raises IndexError for "<broken@" instead of a defect."""
    with pytest.raises(OutboxError, match=r"has an address it cannot use in To: <broken@$"):
        default_store(tmp_path).queue("A", outgoing(1, to="a@x.org, <broken@"))
