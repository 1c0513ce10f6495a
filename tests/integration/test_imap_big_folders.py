"""A folder of any size is listed in bounded pieces: UID ranges of at most ``PIECE``
messages, whose first UIDs come from one small FETCH by sequence number.

One SEARCH line of a 130,000-message folder used to exceed the reader's 1,000,000-byte
line limit; the fake server serves such a folder cheaply (tiny messages, listed only).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import local_files, make_message, run_sync

from sendreceive.contract import S_OK, SyncFlags
from sendreceive.providers.imap import sync


def _ranges(arguments: list[str]) -> list[tuple[int, int | None]]:
    """The UID ranges of the ``UID FETCH lo:hi (FLAGS RFC822.SIZE)`` commands."""
    ranges = []
    for args in arguments:
        if args.endswith("(FLAGS RFC822.SIZE)"):
            low, high = args.split()[0].split(":")
            ranges.append((int(low), None if high == "*" else int(high)))
    return ranges


def test_a_folder_over_the_old_search_limit_is_listed_in_pieces(tmp_path: Path) -> None:
    count = 140_000  # its SEARCH answer alone would be a line of about 900,000 bytes
    inbox = Folder("INBOX", [Message(b"x", flags=r"(\Seen)") for _ in range(count)])
    with serving(Mailbox([inbox])) as server:
        result = run_sync(server.settings(), tmp_path, SyncFlags.SYNC_UPLOAD_CONTENTS)
        assert result.hresult == S_OK, result.error_texts
        assert not server.received("UID SEARCH")
        assert len(server.received("FETCH")) == 1  # the first UIDs of the pieces
        ranges = _ranges(server.received("UID FETCH"))
    starts = [1, *range(sync.PIECE + 1, count + 1, sync.PIECE)]
    assert ranges == list(zip(starts, [start - 1 for start in starts[1:]] + [None], strict=True))


def test_pieces_cover_every_message_once_while_the_folder_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sync, "PIECE", 7)
    messages = [Message(make_message(n), uid=3 * n) for n in range(1, 51)]  # UIDs with gaps
    inbox = Folder("INBOX", messages)
    expunged: list[Message] = []

    def expunge_after_the_first_piece(conn: Connection, command: Command) -> None:
        """Between two pieces, the server expunges a message of an earlier piece, so the
        sequence numbers of every later message move down by one."""
        conn.handle_normally(command)
        if not expunged and command.args.startswith("1:"):
            expunged.append(inbox.messages.pop(2))

    script = Script(handlers={"UID FETCH": expunge_after_the_first_piece})
    with serving(Mailbox([inbox]), script) as server:
        first = run_sync(server.settings(), tmp_path)
        assert first.hresult == S_OK, first.error_texts
        again = run_sync(server.settings(), tmp_path)
        assert again.hresult == S_OK, again.error_texts
    assert again.received == 0
    assert {uid: file.read_bytes() for uid, file in local_files(tmp_path).items()} == {
        int(str(message.uid)): message.body for message in inbox.messages
    }
    assert expunged and int(str(expunged[0].uid)) not in local_files(tmp_path)
