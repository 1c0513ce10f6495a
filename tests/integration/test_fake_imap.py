"""The scriptable fake IMAP server (tests/helpers/fake_imap.py) is good enough for the
provider to do a full sync, in plain text and over TLS, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import local_files, local_flags, make_message, run_sync, set_local_flags

from sendreceive.contract import S_FALSE, S_OK


def _mailbox() -> Mailbox:
    return Mailbox(
        [
            Folder(
                "INBOX",
                [
                    Message(make_message(n, size=300 + 40 * n), flags=r"(\Seen)" if n % 3 else "()")
                    for n in range(1, 31)
                ],
                uidvalidity=7,
            ),
            Folder("Archive", flags=r"\HasChildren"),
            Folder("Archive/2025", [Message(make_message(1, "Archive/2025"), uid=12)]),
        ]
    )


@pytest.mark.parametrize("tls", ["none", "ssl", "starttls"])
def test_the_provider_mirrors_a_normal_mailbox_from_the_fake_server(
    tls: str, tmp_path: Path
) -> None:
    mailbox = _mailbox()
    inbox = mailbox.folders[0]
    with serving(mailbox, tls=tls) as server:
        result = run_sync(server.settings(), tmp_path)
        assert result.hresult == S_OK
        assert [hr for hr, _text in result.callback.errors] == ([S_FALSE] if tls == "none" else [])
        assert result.received == 31
        files = local_files(tmp_path)
        assert {uid: file.read_bytes() for uid, file in files.items()} == {
            n: message.body for n, message in enumerate(inbox.messages, 1)
        }
        assert local_flags(tmp_path) == {n: "S" if n % 3 else "" for n in range(1, 31)}
        assert local_files(tmp_path, "Archive.2025")[12].read_bytes() == (
            mailbox.folders[2].messages[0].body
        )
        assert server.received("UID FETCH")[-1].endswith("(FLAGS BODY.PEEK[])")
        assert not server.received("UID STORE")

        set_local_flags(files[4], "F")  # flagged, and no longer read
        again = run_sync(server.settings(), tmp_path)
        assert again.hresult == S_OK
        assert again.received == 0
        assert inbox.messages[3].flags == r"(\Flagged)"
        assert sorted(server.received("UID STORE")) == [
            r"4 +FLAGS.SILENT (\Flagged)",
            r"4 -FLAGS.SILENT (\Seen)",
        ]
        # Each connection logs out: two runs, the first over up to ``connections`` at once.
        logins = len(server.received("LOGIN")) + len(server.received("AUTHENTICATE"))
        assert len(server.received("LOGOUT")) == logins >= 2


def test_the_closing_line_counts_what_arrived_with_plurals(tmp_path: Path) -> None:
    inbox = Folder("INBOX", [Message(make_message(n)) for n in (1, 2)])
    vanished: list[str] = []

    def one_vanishes_before_it_is_fetched(conn: Connection, command: Command) -> None:
        if "BODY.PEEK[]" in command.args and not vanished:
            vanished.append(str(inbox.messages.pop().uid))
        conn.handle_normally(command)

    script = Script(handlers={"UID FETCH": one_vanishes_before_it_is_fetched})
    with serving(Mailbox([inbox]), script) as server:
        first = run_sync(server.settings(), tmp_path)
        again = run_sync(server.settings(), tmp_path)
    assert first.received == 2  # planned
    assert first.callback.progress[-1][0] == "Received 1 message"  # arrived
    assert again.callback.progress[-1][0] == "No new messages"

    def refuse_select(conn: Connection, command: Command) -> None:
        conn.reply(command, "NO [SERVERBUG] not now")

    inbox.messages.append(Message(make_message(3), uid=3))
    with serving(Mailbox([inbox]), Script(handlers={"SELECT": refuse_select})) as server:
        skipped = run_sync(server.settings(), tmp_path)
    assert "Folder 'INBOX' was skipped" in skipped.error_texts
    assert skipped.callback.progress[-1][0] == "No messages received"  # not "no new mail"
