"""The default store's Outbox: what may be queued, and each state as one rename."""

from __future__ import annotations

import mailbox

import pytest
from helpers.sending import outgoing

from sendreceive.contract import MessageState
from sendreceive.mail.outbox import OutboxError, default_store


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "not an e-mail message"),
        (b"\x00\x01 garbage without headers", "not an e-mail message"),
        (outgoing(1, To=""), "no recipient"),
        (outgoing(1, to='"unterminated <a@b'), "address it cannot use in To"),
        (outgoing(1, to="no-domain"), "address it cannot use in To"),
    ],
)
def test_what_cannot_be_sent_is_not_queued(tmp_path, data, why):
    store = default_store(tmp_path)
    with pytest.raises(OutboxError, match=why):
        store.queue("A", data)
    assert store.messages() == []


def test_a_queued_message_is_described_and_readable_as_maildir(tmp_path):
    store = default_store(tmp_path)
    data = outgoing(1, Cc="c@example.org", Bcc="b@example.org")
    queued = store.queue("A", data)
    (listed,) = store.messages("A")
    assert listed == queued
    assert listed.recipients == ("friend@example.org", "c@example.org", "b@example.org")
    assert listed.sender == "sender@example.test" and listed.subject == "Outgoing 1"
    assert listed.size == len(data) and listed.state is MessageState.QUEUED
    assert store.messages("B") == []
    (message,) = mailbox.Maildir(store.root, create=False).get_folder("Outbox")
    assert message["Subject"] == "Outgoing 1"


def test_states_move_by_rename_and_sent_mail_leaves_the_outbox(tmp_path):
    store = default_store(tmp_path)
    msg = store.queue("A", outgoing(1))
    store.begin_sending(msg.id)
    assert store.messages()[0].state is MessageState.SENDING
    store.mark_not_sent(msg.id, "550 5.1.1 unknown")
    (again,) = store.messages()
    assert again.state is MessageState.QUEUED and again.last_error == "550 5.1.1 unknown"
    store.begin_sending(msg.id)
    store.mark_sent(msg.id)
    assert store.messages() == [] and [m.id for m in store.sent("A")] == [msg.id]


def test_remove_takes_a_message_out_unsent(tmp_path):
    store = default_store(tmp_path)
    msg = store.queue("A", outgoing(1))
    store.remove(msg.id)
    assert store.messages() == [] and store.sent() == []
    with pytest.raises(OutboxError):
        store.remove(msg.id)
