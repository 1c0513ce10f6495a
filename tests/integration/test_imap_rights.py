"""Access rights and refusals: a read-only folder, a refused flag change and a server
that forbids a password in clear text never stop the rest of the account's mail, and
each is named once, with what it concerns. On the scriptable server, then on Cyrus
(ACL-restricted shared folders, ``LOGINDISABLED`` in clear, the ``INBOX.`` namespace)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers.cyrus import Cyrus
from helpers.fake_imap import Command, Connection, Folder, Mailbox, Message, Script, serving
from helpers.imap import (
    local_files,
    local_flags,
    local_folder,
    make_message,
    new_account,
    run_sync,
    set_local_flags,
)

from sendreceive.contract import (
    MAPI_E_NO_ACCESS,
    MAPI_E_NO_SUPPORT,
    MAPI_W_ERRORS_RETURNED,
    S_FALSE,
    S_OK,
)


def _messages(folder: str, count: int) -> list[Message]:
    return [Message(make_message(n, folder)) for n in range(1, count + 1)]


def test_logindisabled_means_the_password_is_never_sent(tmp_path: Path) -> None:
    mailbox = Mailbox(
        [Folder("INBOX", _messages("INBOX", 1))],
        capabilities=("IMAP4rev1", "AUTH=PLAIN", "LOGINDISABLED"),
    )
    with serving(mailbox) as server:
        result = run_sync(server.settings(), tmp_path)
        commands = list(server.commands)
    assert result.hresult == MAPI_E_NO_SUPPORT
    assert [command.name for command in commands] == ["CAPABILITY"]  # no LOGIN, no AUTHENTICATE
    assert not any(mailbox.password in command.args for command in commands)
    assert "requires an encrypted connection" in result.error_texts
    assert 'security = "starttls"' in result.error_texts


def test_a_read_only_folder_is_synced_down_and_named_once(tmp_path: Path) -> None:
    shared = Folder("Shared", _messages("Shared", 3), read_only=True)
    mailbox = Mailbox([Folder("INBOX", _messages("INBOX", 2)), shared])
    with serving(mailbox) as server:
        first = run_sync(server.settings(), tmp_path)
        assert first.hresult == S_OK, first.error_texts
        set_local_flags(local_files(tmp_path, "Shared")[2], "F")
        shared.messages.append(Message(make_message(4, "Shared"), uid=4))
        second = run_sync(server.settings(), tmp_path)
        assert not server.received("UID STORE")
    assert first.received == 5
    warnings = [text for hr, text in first.callback.errors if hr == S_FALSE]
    assert [text for text in warnings if "read-only" in text] == [
        f"Folder 'Shared' is read-only on {server.settings()['host']}: its mail is received, "
        "and flag changes made on this computer stay on this computer."
    ]
    assert second.hresult == S_OK, second.error_texts
    assert "read-only" not in second.error_texts  # said once, not at every sync
    assert second.received == 1
    assert sorted(local_files(tmp_path, "Shared")) == [1, 2, 3, 4]
    assert local_flags(tmp_path, "Shared")[2] == "F"  # kept here, pending


def _refusing(flag: str) -> Callable[[Connection, Command], None]:
    """A UID STORE handler that refuses to set ``flag``, as a server without the right."""

    def handle(conn: Connection, command: Command) -> None:
        if flag in command.args:
            conn.reply(command, "NO [NOPERM] Permission denied")
        else:
            conn.handle_normally(command)

    return handle


def test_a_refused_flag_is_named_kept_and_not_retried_and_new_mail_still_comes(
    tmp_path: Path,
) -> None:
    inbox = Folder("INBOX", _messages("INBOX", 3))

    refusing = Script(handlers={"UID STORE": _refusing("\\Flagged")})
    with serving(Mailbox([inbox]), refusing) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        files = local_files(tmp_path)
        set_local_flags(files[2], "FS")  # flagged (refused) and read (accepted)
        inbox.messages.append(Message(make_message(4), uid=4))
        refused = run_sync(server.settings(), tmp_path)
        stores = len(server.received("UID STORE"))
        inbox.messages.append(Message(make_message(5), uid=5))
        later = run_sync(server.settings(), tmp_path)
        assert len(server.received("UID STORE")) == stores  # not retried
    assert refused.hresult == MAPI_W_ERRORS_RETURNED
    assert [error for error in refused.callback.errors if error[0] != S_FALSE] == [
        (
            MAPI_E_NO_ACCESS,
            f"{server.settings()['host']} refused to set the flag \\Flagged on 1 message of "
            "folder 'INBOX' (UID 2): \"[NOPERM] Permission denied\". The change is kept on "
            "this computer and not sent again until the message's flags change.",
        )
    ]
    assert inbox.messages[1].flags == "(\\Seen)"
    assert refused.received == 1 and later.received == 1
    assert later.hresult == S_OK, later.error_texts
    assert local_flags(tmp_path) == {1: "", 2: "FS", 3: "", 4: "", 5: ""}


def test_a_refused_deletion_is_named_kept_and_not_retried_and_new_mail_still_comes(
    tmp_path: Path,
) -> None:
    inbox = Folder("INBOX", _messages("INBOX", 3))

    refusing = Script(handlers={"UID STORE": _refusing("\\Deleted")})
    with serving(Mailbox([inbox]), refusing) as server:
        assert run_sync(server.settings(), tmp_path).hresult == S_OK
        local_files(tmp_path)[2].unlink()  # deleted in a mail reader
        inbox.messages.append(Message(make_message(4), uid=4))
        refused = run_sync(server.settings(), tmp_path)
        stores = len(server.received("UID STORE"))
        inbox.messages.append(Message(make_message(5), uid=5))
        later = run_sync(server.settings(), tmp_path)
        assert len(server.received("UID STORE")) == stores == 1  # not retried
    assert refused.hresult == MAPI_W_ERRORS_RETURNED
    assert [error for error in refused.callback.errors if error[0] != S_FALSE] == [
        (
            MAPI_E_NO_ACCESS,
            f"{server.settings()['host']} refused to set the flag \\Deleted on 1 message of "
            "folder 'INBOX' (UID 2): \"[NOPERM] Permission denied\". The message stays on "
            "the server and is not received again; the deletion is kept on this computer as "
            "a conflict and not sent again.",
        )
    ]
    assert "skipped" not in refused.error_texts
    assert len(inbox.messages) == 5 and inbox.messages[1].flags == "()"
    assert refused.received == 1 and later.received == 1
    assert later.hresult == S_OK, later.error_texts
    assert sorted(local_files(tmp_path)) == [1, 3, 4, 5]


# --------------------------------------------------------------------------- on Cyrus


def test_cyrus_announces_logindisabled_in_clear_and_gets_no_password(
    cyrus: Cyrus, tmp_path: Path
) -> None:
    account = new_account(cyrus, tmp_path)
    result = account.sync(settings={"security": "none", "port": cyrus.plain_port})
    assert result.hresult == MAPI_E_NO_SUPPORT
    assert "(it announces LOGINDISABLED), so the password was not sent" in result.error_texts
    assert account.sync(settings={"security": "starttls", "port": cyrus.plain_port}).hresult == (
        S_OK
    )


def test_cyrus_shared_folders_only_when_asked_read_only_and_refused_flags(
    cyrus: Cyrus, tmp_path: Path
) -> None:
    account = new_account(cyrus, tmp_path)
    news, team = f"News-{account.user}", f"Team-{account.user}"
    cyrus.share(news, account.user, "lr", [make_message(n, news) for n in (1, 2)])
    cyrus.share(team, account.user, "lrs", [make_message(n, team) for n in (1, 2, 3)])
    cyrus.deliver(account.user, "INBOX", [make_message(1)])
    cyrus.deliver(account.user, "Archive", [make_message(1, "Archive")])

    mine = account.sync()
    assert mine.hresult == S_OK, mine.error_texts
    assert mine.received == 2
    assert sorted(local_folder(account.store_dir).list_folders()) == ["Archive"]  # not INBOX.

    shared = account.sync(settings={"shared_folders": True})
    assert shared.hresult == S_OK, shared.error_texts
    assert shared.received == 5
    assert f"Folder '{news}' is read-only" in shared.error_texts
    set_local_flags(local_files(account.store_dir, news)[1], "F")
    team_files = local_files(account.store_dir, team)
    set_local_flags(team_files[1], "S")  # allowed by the "s" right
    set_local_flags(team_files[2], "F")  # refused: no "w" right
    refused = account.sync(settings={"shared_folders": True})
    assert refused.hresult == MAPI_W_ERRORS_RETURNED
    assert [hr for hr, _text in refused.callback.errors] == [MAPI_E_NO_ACCESS]
    assert f"refused to set the flag \\Flagged on 1 message of folder '{team}' (UID 2)" in (
        refused.error_texts
    )
    again = account.sync(settings={"shared_folders": True})
    assert again.hresult == S_OK, again.error_texts
    assert "read-only" not in again.error_texts
    with cyrus.client(account.user, full_names=True) as client:  # \Seen is per user
        client.select_folder(team, readonly=True)
        flags = client.get_flags([1, 2])
    assert b"\\Seen" in flags[1] and b"\\Flagged" not in flags[2]
    assert local_flags(account.store_dir, team) == {1: "S", 2: "F", 3: ""}
    assert local_flags(account.store_dir, news)[1] == "F"
