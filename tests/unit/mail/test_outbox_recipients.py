"""A message's recipients: each address once, the standard parser's answer, in time
linear in their number (the parser is fed one address at a time: given a whole header
of 40,000 addresses it slices the rest of it at every token)."""

from __future__ import annotations

from email import policy
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest

from sendreceive.mail.message_file import recipients_of


def _parsed(to: str, **extra: Any) -> EmailMessage:
    data = f"From: s@x.org\r\nTo: {to}\r\nCc: cc@x.org, a@x.org\r\nSubject: s\r\n\r\nb\r\n"
    message = BytesParser(policy=policy.default.clone(**extra)).parsebytes(data.encode())
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


def test_forty_thousand_recipients_are_parsed_one_address_at_a_time() -> None:
    longest = [0]

    class Spy(HeaderRegistry):
        def __call__(self, name: str, value: str) -> Any:
            longest[0] = max(longest[0], len(value))
            return super().__call__(name, value)

    addresses = [f"user{n}@example.org" for n in range(40_000)]
    message = _parsed(", ".join(addresses), header_factory=Spy())
    assert recipients_of(message)[:40_000] == tuple(addresses)
    assert longest[0] < 100
