"""A no-change resync with QRESYNC: one SELECT per folder and nothing else on the wire,
and no listing of the local files; any change on either side still comes through.

The local side is known unchanged from its directories' change times, once they are
older than the time-stamp granularity (``RACY_NS``); the tests age them with
``os.utime`` instead of waiting, as the seconds between two real syncs would.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from helpers.cyrus import Cyrus
from helpers.fake_imap import (
    Command,
    Connection,
    FakeImap,
    Folder,
    Mailbox,
    Message,
    Script,
    serving,
)
from helpers.imap import (
    Account,
    SyncResult,
    local_files,
    local_flags,
    make_message,
    new_account,
    run_sync,
    seed,
    set_local_flags,
)

from sendreceive.contract import S_FALSE, S_OK
from sendreceive.providers.imap import maildir_store, sync

QRESYNC = ("IMAP4rev1", "AUTH=PLAIN", "CONDSTORE", "QRESYNC", "ENABLE")
PER_ACCOUNT = {"CAPABILITY", "LOGIN", "AUTHENTICATE", "ENABLE", "LIST", "LOGOUT"}


def _age(maildir: Path) -> None:
    """Make every folder's ``new/`` and ``cur/`` look untouched for a minute."""
    past = time.time() - 60
    for directory in [*maildir.glob("new"), *maildir.glob("cur"), *maildir.glob(".*/[nc][eu]*")]:
        os.utime(directory, (past, past))


def _mark(folder: Path) -> maildir_store.LocalMark | None:
    """The local mark a folder's state file holds (``None``: the next run compares)."""
    state = json.loads((folder / maildir_store.STATE_FILE).read_text())
    return maildir_store.LocalMark.from_json(state["local_mark"])


def _mailbox() -> Mailbox:
    inbox = [Message(make_message(n), uid=n) for n in range(1, 6)]
    work = [Message(make_message(n, "Work"), uid=n) for n in range(1, 4)]
    return Mailbox(
        [Folder("INBOX", inbox, highestmodseq=10), Folder("Work", work, highestmodseq=7)],
        capabilities=QRESYNC,
    )


def test_a_no_change_resync_is_one_select_per_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = _mailbox()
    scans: list[Path] = []
    scan = maildir_store.LocalFolder.scan
    monkeypatch.setattr(
        maildir_store.LocalFolder, "scan", lambda self, v: scans.append(self.path) or scan(self, v)
    )
    with serving(mailbox) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        _age(tmp_path / "Maildir")
        assert run_sync(server.settings(), tmp_path).hresult == S_OK  # compares, marks
        before, scans[:] = len(server.commands), []

        quiet = run_sync(server.settings(), tmp_path)
        commands = server.commands[before:]
    assert quiet.hresult == S_OK and quiet.received == 0
    per_folder = [(c.name, c.args) for c in commands if c.name not in PER_ACCOUNT]
    assert per_folder == [
        ("SELECT", '"INBOX" (QRESYNC (1 10))'),
        ("SELECT", '"Work" (QRESYNC (1 7))'),
    ]
    assert scans == []  # no local file listed


def test_changes_on_either_side_still_come_through_after_quiet_resyncs(tmp_path: Path) -> None:
    mailbox = _mailbox()
    inbox, work = mailbox.folders
    with serving(mailbox) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        _age(tmp_path / "Maildir")
        run_sync(server.settings(), tmp_path)

        set_local_flags(local_files(tmp_path)[2], "F")  # a mail reader's change
        inbox.change(inbox.messages[0], r"(\Seen)")  # and the server's
        work.add(Message(make_message(4, "Work")))
        changed = run_sync(server.settings(), tmp_path)
        assert changed.hresult == S_OK, changed.error_texts
        assert changed.received == 1
        assert server.received("UID STORE") == [r"2 +FLAGS.SILENT (\Flagged)"]
    assert local_flags(tmp_path) == {1: "S", 2: "F", 3: "", 4: "", 5: ""}
    assert sorted(local_files(tmp_path, "Work")) == [1, 2, 3, 4]


def test_a_highestmodseq_going_backwards_is_said_and_compared_in_full(tmp_path: Path) -> None:
    mailbox = _mailbox()
    inbox = mailbox.folders[0]
    with serving(mailbox) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        _age(tmp_path / "Maildir")
        run_sync(server.settings(), tmp_path)
        inbox.highestmodseq = 3  # a server restored from a backup, say
        inbox.messages[4].flags = r"(\Answered)"
        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == S_OK
    warnings = [text for hr, text in result.callback.errors if hr == S_FALSE]
    assert [text for text in warnings if "change counter" in text] == [
        "The server's change counter for folder 'INBOX' went backwards (HIGHESTMODSEQ 3 "
        "after 10): the folder is compared in full."
    ]
    assert local_flags(tmp_path)[5] == "R"


def test_cyrus_logs_only_the_select_of_each_folder_on_a_quiet_resync(
    cyrus: Cyrus, tmp_path: Path
) -> None:
    account: Account = new_account(cyrus, tmp_path)
    with account.client() as client:
        seed(client, "INBOX", [make_message(n) for n in range(20)])
        seed(client, "Archive", [make_message(n, "Archive") for n in range(5)])
    assert account.sync().hresult == S_OK
    _age(account.store_dir / "Maildir")
    assert account.sync().hresult == S_OK
    before = cyrus.protocol_log(account.user)
    assert account.sync().hresult == S_OK
    after = cyrus.protocol_log(account.user)
    session = "".join(text[len(before.get(name, "")) :] for name, text in after.items())
    commands = [
        line.split("<", 2)[-1].split(" ", 2)[1:]
        for line in session.splitlines()
        if line.startswith("<") and line.count("<") >= 2
    ]
    names = [words[0].upper() for words in commands if words]
    assert [name for name in names if name not in PER_ACCOUNT | {"NAMESPACE"}] == [
        "SELECT",
        "SELECT",
    ], session
    assert session.count(" (QRESYNC (") == 2


def _quiet(server: FakeImap, store_dir: Path) -> None:
    """Sync, then compare once more with the local directories aged: the next run with
    no change is one SELECT per folder."""
    assert run_sync(server.settings(), store_dir).hresult == S_OK
    _age(store_dir / "Maildir")
    assert run_sync(server.settings(), store_dir).hresult == S_OK


def _per_folder(server: FakeImap, before: int) -> list[tuple[str, str]]:
    return [(c.name, c.args) for c in server.commands[before:] if c.name not in PER_ACCOUNT]


def test_server_changes_arrive_as_changes_without_listing_the_folder(tmp_path: Path) -> None:
    mailbox = _mailbox()
    inbox, work = mailbox.folders
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        inbox.change(inbox.messages[1], r"(\Flagged)")
        inbox.expunge(inbox.messages[3])
        work.add(Message(make_message(4, "Work")))
        before = len(server.commands)

        result = run_sync(server.settings(), tmp_path)
        commands = _per_folder(server, before)
    assert result.hresult == S_OK, result.error_texts
    assert result.received == 1
    assert commands == [
        ("SELECT", '"INBOX" (QRESYNC (1 10))'),
        ("SELECT", '"Work" (QRESYNC (1 7))'),
        ("UID FETCH", "4:* (FLAGS RFC822.SIZE)"),  # only what arrived since
        ("EXAMINE", '"Work"'),
        ("UID FETCH", "4 (FLAGS BODY.PEEK[])"),
    ]
    assert local_flags(tmp_path) == {1: "", 2: "F", 3: "", 5: ""}
    assert sorted(local_files(tmp_path, "Work")) == [1, 2, 3, 4]


def test_the_providers_own_flag_changes_are_not_compared_again(tmp_path: Path) -> None:
    mailbox = _mailbox()
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        set_local_flags(local_files(tmp_path)[3], "S")
        _age(tmp_path / "Maildir")
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        assert server.received("UID STORE") == [r"3 +FLAGS.SILENT (\Seen)"]
        before = len(server.commands)

        assert run_sync(server.settings(), tmp_path).hresult == S_OK  # learns the modseq
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        commands = _per_folder(server, before)
    assert commands == [
        ("SELECT", '"INBOX" (QRESYNC (1 10))'),  # its answer: message 3 changed, by us
        ("SELECT", '"Work" (QRESYNC (1 7))'),
        ("SELECT", '"INBOX" (QRESYNC (1 11))'),
        ("SELECT", '"Work" (QRESYNC (1 7))'),
    ]
    assert local_flags(tmp_path)[3] == "S"


def test_a_real_servers_flag_change_and_expunge_arrive_without_a_listing(
    any_account: Account, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = any_account
    with account.client() as client:
        seed(client, "INBOX", [make_message(n, size=300) for n in range(3000)])
    assert account.sync(settings={"batch_size": 500}).hresult == S_OK
    _age(account.store_dir / "Maildir")
    assert account.sync().hresult == S_OK  # compares in full once, and marks
    with account.client() as client:
        client.select_folder("INBOX")
        client.add_flags([1500], [rb"\Flagged"])
        client.delete_messages([2000])
        client.uid_expunge([2000])
    listings: list[int] = []
    every = sync.SyncRun._fetch_every
    monkeypatch.setattr(
        sync.SyncRun,
        "_fetch_every",
        lambda self, n, items: listings.append(n) or every(self, n, items),
    )

    result = account.sync()
    assert result.hresult == S_OK, result.error_texts
    assert listings == [] and result.received == 0
    flags = local_flags(account.store_dir)
    assert len(flags) == 2999 and 2000 not in flags
    assert flags[1500] == "F" and set(flags.values()) == {"", "F"}


@pytest.mark.parametrize("esearch", [True, False], ids=["esearch", "search"])
def test_with_condstore_alone_changes_are_asked_since_the_modseq_and_expunges_searched(
    esearch: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = _mailbox()
    mailbox.capabilities = ("IMAP4rev1", "AUTH=PLAIN", "CONDSTORE", *(["ESEARCH"] * esearch))
    inbox, work = mailbox.folders
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        before = len(server.commands)
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        assert _per_folder(server, before) == [
            ("SELECT", '"INBOX" (CONDSTORE)'),
            ("SELECT", '"Work" (CONDSTORE)'),
        ]
        inbox.change(inbox.messages[1], r"(\Seen)")
        work.add(Message(make_message(4, "Work")))
        before = len(server.commands)

        changed = run_sync(server.settings(), tmp_path)
        assert changed.hresult == S_OK and changed.received == 1
        assert _per_folder(server, before) == [
            ("SELECT", '"INBOX" (CONDSTORE)'),
            ("UID FETCH", "1:* (FLAGS) (CHANGEDSINCE 10)"),
            ("SELECT", '"Work" (CONDSTORE)'),
            ("UID FETCH", "1:* (FLAGS) (CHANGEDSINCE 7)"),
            ("UID FETCH", "4:* (FLAGS RFC822.SIZE)"),
            ("EXAMINE", '"Work"'),
            ("UID FETCH", "4 (FLAGS BODY.PEEK[])"),
        ]
        assert local_flags(tmp_path)[2] == "S"
        _age(tmp_path / "Maildir")
        assert run_sync(server.settings(), tmp_path).hresult == S_OK  # marks again
        inbox.expunge(inbox.messages[0])  # which ones, the count alone cannot tell
        inbox.expunge(inbox.messages[2])
        monkeypatch.setattr(sync, "PIECE", 2)  # asked two UIDs at a time
        before = len(server.commands)

        expunged = run_sync(server.settings(), tmp_path)
        commands = _per_folder(server, before)
    assert expunged.hresult == S_OK, expunged.error_texts
    search = "RETURN (ALL) UID" if esearch else "UID"
    assert commands == [
        ("SELECT", '"INBOX" (CONDSTORE)'),
        ("UID FETCH", "1:* (FLAGS) (CHANGEDSINCE 11)"),
        ("UID SEARCH", f"{search} 1:2"),  # not compared in full
        ("UID SEARCH", f"{search} 3:4"),
        ("UID SEARCH", f"{search} 5:5"),
        ("SELECT", '"Work" (CONDSTORE)'),
    ]
    assert sorted(local_files(tmp_path)) == [2, 3, 5]


def _listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Maildir directories listed from now on (``new``, ``cur``)."""
    listed: list[str] = []
    scandir = os.scandir

    def recording(path: str | os.PathLike[str] = ".") -> os.ScandirIterator[str]:
        if Path(path).name in ("new", "cur"):
            listed.append(str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", recording)
    return listed


def test_a_changed_message_is_found_by_its_name_without_listing_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = _mailbox()
    inbox = mailbox.folders[0]
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        inbox.change(inbox.messages[1], r"(\Flagged)")
        inbox.expunge(inbox.messages[3])
        listed = _listed(monkeypatch)

        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    assert listed == []
    assert local_flags(tmp_path) == {1: "", 2: "F", 3: "", 5: ""}


def test_a_file_not_where_the_index_says_is_found_by_a_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = _mailbox()
    inbox = mailbox.folders[0]
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        moved = local_files(tmp_path)[2]
        os.rename(moved, moved.parent.parent / "cur" / f"{moved.name.partition(':')[0]}:2,")
        _age(tmp_path / "Maildir")  # a move the directories' times do not show
        inbox.change(inbox.messages[1], r"(\Flagged)")
        listed = _listed(monkeypatch)

        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    assert listed  # the index was wrong: the folder was listed
    assert local_flags(tmp_path) == {1: "", 2: "F", 3: "", 4: "", 5: ""}


def _warnings(result: SyncResult) -> list[str]:
    return [text for hresult, text in result.callback.errors if hresult == S_FALSE]


def test_a_vanished_line_over_a_megabyte_is_compared_in_full_and_said_once(
    tmp_path: Path,
) -> None:
    mailbox = _mailbox()
    inbox, work = mailbox.folders
    with serving(mailbox) as server:
        _quiet(server, tmp_path)
        inbox.change(inbox.messages[1], r"(\Flagged)")
        inbox.expunge(inbox.messages[3])
        for uid in range(1_000_001, 1_300_001, 2):  # 150,000 UIDs, one at a time: 1.2 MB
            inbox.vanished[uid] = inbox.highestmodseq or 0
        work.add(Message(make_message(4, "Work")))

        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    [said] = [text for text in _warnings(result) if "too many changes" in text]
    assert "'INBOX'" in said and "compared in full" in said
    assert local_flags(tmp_path) == {1: "", 2: "F", 3: "", 5: ""}
    assert sorted(local_files(tmp_path, "Work")) == [1, 2, 3, 4]  # the account went on


def test_a_changedsince_answer_over_16_mib_is_compared_in_full(tmp_path: Path) -> None:
    mailbox = _mailbox()
    mailbox.capabilities = ("IMAP4rev1", "AUTH=PLAIN", "CONDSTORE")
    inbox, work = mailbox.folders

    def flood(conn: Connection, command: Command) -> None:
        if "CHANGEDSINCE" not in command.args:
            conn.handle_normally(command)
            return
        line = b"* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (11))\r\n"
        conn.stream(line for _ in range(17 * 2**20 // len(line) + 1))
        conn.reply(command)

    with serving(mailbox, Script(handlers={"UID FETCH": flood})) as server:
        _quiet(server, tmp_path)
        inbox.change(inbox.messages[1], r"(\Flagged)")
        work.add(Message(make_message(4, "Work")))

        result = run_sync(server.settings(), tmp_path)
    assert result.hresult == S_OK, result.error_texts
    said = [text for text in _warnings(result) if "too many changes" in text]
    assert len(said) == 2 and "'INBOX'" in said[0] and "'Work'" in said[1]
    assert local_flags(tmp_path)[2] == "F"
    assert sorted(local_files(tmp_path, "Work")) == [1, 2, 3, 4]


def test_a_run_right_after_one_that_wrote_lists_the_files_not_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run's own writes leave its marks too recent to prove anything by the
    times alone (``RACY_NS``): the next run lists each folder's files once and, finding
    them as its state says, asks the server only its QRESYNC select — not a full
    comparison of the server's listing."""
    mailbox = _mailbox()
    listed: list[str] = []
    scandir = os.scandir

    def counted(path: object) -> object:
        if isinstance(path, Path) and tmp_path in path.parents and path.name in ("new", "cur"):
            listed.append(f"{path.parent.name}/{path.name}")
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", counted)
    with serving(mailbox) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        states = sorted((tmp_path / "Maildir").glob("**/" + maildir_store.STATE_FILE))
        marks = [_mark(p.parent) for p in states]
        assert all(
            m is not None and max(m.new_ns, m.cur_ns) > m.taken_ns - maildir_store.RACY_NS
            for m in marks
        ), marks  # racy: taken just after the run's own writes
        before, listed[:] = len(server.commands), []
        again = run_sync(server.settings(), tmp_path)
        commands = _per_folder(server, before)
    assert (again.hresult, again.received) == (S_OK, 0)
    assert commands == [
        ("SELECT", '"INBOX" (QRESYNC (1 10))'),
        ("SELECT", '"Work" (QRESYNC (1 7))'),
    ]
    assert sorted(listed) == [  # each folder's files, listed once
        ".Work/cur",
        ".Work/new",
        "Maildir/cur",
        "Maildir/new",
    ]


def test_a_mail_readers_change_right_after_a_run_is_found(tmp_path: Path) -> None:
    """A flag changed the moment a run ended (within the times' granularity: the
    directory's time may not even move) is uploaded by the next run."""
    with serving(_mailbox()) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        set_local_flags(local_files(tmp_path)[3], "S")
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        assert server.received("UID STORE") == [r"3 +FLAGS.SILENT (\Seen)"]


def test_a_change_during_a_long_run_is_not_hidden_by_the_runs_own_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mail reader flags a message while a run downloads new mail into the same
    folder, longer than the times' granularity before the run ends (here: a granularity
    of 0, so any run is long): the run's own writes move the directory's times too, so
    the run lists the folder again before it marks it, finds the change, and leaves the
    folder unmarked; the next run compares it in full and uploads the flag."""
    mailbox = _mailbox()
    inbox = mailbox.folders[0]
    flagged: list[Path] = []

    def flag_while_fetching(conn: Connection, command: Command) -> None:
        if not flagged and "BODY" in command.args.upper():
            flagged.append(set_local_flags(local_files(tmp_path)[3], "S"))
        conn.handle_normally(command)

    with serving(mailbox, Script(handlers={"UID FETCH": flag_while_fetching})) as server:
        flagged.append(tmp_path)  # the first run's own fetches flag nothing
        _quiet(server, tmp_path)
        monkeypatch.setattr(maildir_store, "RACY_NS", 0)
        flagged.clear()
        inbox.add(Message(make_message(6)))
        assert run_sync(server.settings(), tmp_path).received == 1
        assert flagged, "nothing was fetched"
        assert server.received("UID STORE") == []  # the flag came after the check
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        assert server.received("UID STORE") == [r"3 +FLAGS.SILENT (\Seen)"]


def test_a_copied_file_and_a_deleted_one_right_after_a_run_are_both_seen(
    tmp_path: Path,
) -> None:
    """As many files as the state expects, but one UID twice and one missing: the
    listing that checks a too-recent mark tells them apart and the folder is compared in
    full, which names the two files (and, from a state it cannot trust, deletes
    nothing on the server)."""
    with serving(_mailbox()) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        files = local_files(tmp_path)
        copy = files[3].with_name(files[3].name.replace(".", ".copy.", 1))
        copy.write_bytes(files[3].read_bytes())
        files[4].unlink()
        # Both within the times' granularity of the run's end: the directories' times
        # stay the mark's.
        mark = _mark(tmp_path / "Maildir")
        assert mark is not None
        for sub, ns in (("new", mark.new_ns), ("cur", mark.cur_ns)):
            os.utime(tmp_path / "Maildir" / sub, ns=(ns, ns))
        again = run_sync(server.settings(), tmp_path)
        assert "2 files in folder 'INBOX' claim message UID 3" in again.error_texts
        assert server.received("UID STORE") == []
