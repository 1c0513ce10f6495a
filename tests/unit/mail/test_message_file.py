"""A message is checked as a stream: headers parsed, MIME parts followed to a bounded
depth (enclosed messages too), problems named at their line, and what is queued is
byte for byte what was checked."""

from __future__ import annotations

import pytest
from helpers.sending import outgoing

from sendreceive.mail.message_file import MAX_MIME_DEPTH
from sendreceive.mail.outbox import OutboxError, default_store


def enclosed(depth: int) -> bytes:
    """Messages within messages (message/rfc822), ``depth`` deep."""
    head = outgoing(1).split(b"\r\n\r\n")[0] + b"\r\n"
    return head + b"Content-Type: message/rfc822\r\n\r\n" * depth + b"\r\nhello\r\n"


def test_parts_are_followed_to_their_depth_through_enclosed_messages(tmp_path):
    store = default_store(tmp_path)
    store.queue("A", enclosed(MAX_MIME_DEPTH))
    with pytest.raises(OutboxError, match=f"nested more than {MAX_MIME_DEPTH} deep"):
        store.queue("A", enclosed(MAX_MIME_DEPTH + 1))


def test_a_problem_names_the_file_and_the_header_line(tmp_path):
    path = tmp_path / "bad.eml"
    path.write_bytes(outgoing(1, Cc="no-domain"))
    with pytest.raises(OutboxError) as refused:
        default_store(tmp_path).queue_files("A", [path])
    assert str(refused.value).startswith(f"{path}:5: has an address it cannot use in Cc")


def test_a_queued_file_is_what_was_read_and_closed_parts_leave_the_depth(tmp_path):
    siblings = b"".join(
        b'--top\r\nContent-Type: multipart/alternative; boundary="b%d"\r\n\r\n'
        b"--b%d\r\n\r\npart\r\n--b%d--\r\n" % (n, n, n)
        for n in range(2 * MAX_MIME_DEPTH)
    )
    head = outgoing(1).split(b"\r\n\r\n")[0]
    data = (
        head + b'\r\nContent-Type: multipart/mixed; boundary="top"\r\n\r\n' + siblings
        + b"--top--\r\n\x00tail without a newline"
    )  # fmt: skip
    path = tmp_path / "m.eml"
    path.write_bytes(data)
    store = default_store(tmp_path)
    (queued,) = store.queue_files("A", [path])
    assert store.content(queued.id) == data and queued.size == len(data)
