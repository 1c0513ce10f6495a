"""The store reader shows what a Maildir holds and, for every hostile file (a link out of
the store, a FIFO, a huge header, broken encodings), says what it could not read."""

from __future__ import annotations

import os
from pathlib import Path

from sendreceive.mail import store_reader
from sendreceive.mail.outbox import default_store
from sendreceive.mail.store_reader import Problem

MESSAGE = (
    b"From: Ann <ann@example.org>\r\nTo: bob@example.org\r\nSubject: Hello\r\n"
    b"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n\r\nThe body.\r\n"
)


def maildir(path: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True)
    return path


def put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / ("cur" if ":" in name else "new") / name
    path.write_bytes(data)
    return path


def test_folders_are_the_root_and_the_maildirplusplus_folders_with_counts(tmp_path):
    root = maildir(tmp_path / "Maildir")
    maildir(root / ".Archive.2026")
    maildir(root / ".100%25 done")
    put(root, "1.a", MESSAGE)
    put(root, "2.b:2,S", MESSAGE)
    put(root / ".Archive.2026", "3.c", MESSAGE)
    found = {f.names: f.count for f in store_reader.folders(root)}
    assert found == {(): 2, ("Archive", "2026"): 1, ("100% done",): 0}


def test_an_account_store_is_its_maildir_folder_when_there_is_one(tmp_path):
    assert store_reader.account_maildir(tmp_path) == tmp_path
    maildir(tmp_path / "Maildir")
    assert store_reader.account_maildir(tmp_path) == tmp_path / "Maildir"


def test_a_row_holds_sender_subject_date_size_and_flags(tmp_path):
    root = maildir(tmp_path)
    put(root, "1.a:2,SF", MESSAGE)
    [path] = store_reader.message_files(root)
    row = store_reader.row(path)
    assert (row.sender, row.subject, row.size, row.flags) == (
        "Ann <ann@example.org>",
        "Hello",
        len(MESSAGE),
        "FS",
    )
    assert row.date is not None and row.date.year == 2026 and row.problem is None


def test_files_are_listed_newest_name_first_without_being_opened(tmp_path):
    root = maildir(tmp_path)
    for name in ("100.x", "300.z:2,", "200.y"):
        put(root, name, b"\0 not mail")
    assert [p.name for p in store_reader.message_files(root)] == ["300.z:2,", "200.y", "100.x"]


def test_the_preview_is_the_plain_text_part(tmp_path):
    root = maildir(tmp_path)
    path = put(
        root,
        "1.a",
        b"Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=B\r\n"
        b"\r\n--B\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--B\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nplain \xc3\xa9\r\n--B--\r\n",
    )
    preview = store_reader.text(path)
    assert preview.text.strip() == "plain é" and preview.problem is None


def test_a_link_out_of_the_store_is_never_followed(tmp_path):
    secret = tmp_path / "secret"
    secret.write_bytes(b"Subject: private\r\n\r\nkey\r\n")
    root = maildir(tmp_path / "store")
    (root / "new" / "1.link").symlink_to(secret)
    (root / ".Linked").symlink_to(maildir(tmp_path / "elsewhere"))
    [path] = store_reader.message_files(root)
    assert store_reader.row(path).problem is Problem.LINK
    assert store_reader.row(path).subject == ""
    assert store_reader.text(path) == store_reader.MessageText("", Problem.LINK)
    linked = [f for f in store_reader.folders(root) if f.names == ("Linked",)]
    assert linked == [store_reader.StoreFolder(root / ".Linked", ("Linked",), 0, Problem.LINK)]


def test_a_linked_store_root_shows_nothing(tmp_path):
    (tmp_path / "link").symlink_to(maildir(tmp_path / "real"))
    put(tmp_path / "real", "1.a", MESSAGE)
    assert store_reader.folders(tmp_path / "link") == []


def test_a_fifo_is_not_read(tmp_path):
    root = maildir(tmp_path)
    os.mkfifo(root / "new" / "1.fifo")  # opening it to read would block for ever
    [path] = store_reader.message_files(root)
    assert store_reader.row(path).problem is Problem.NOT_A_FILE
    assert store_reader.text(path).problem is Problem.NOT_A_FILE


def test_a_huge_header_is_reported_not_read_whole(tmp_path):
    root = maildir(tmp_path)
    path = put(root, "1.a", b"Subject: " + b"x" * (4 * store_reader.HEADER_BYTES) + b"\r\n\r\nb")
    row = store_reader.row(path)
    assert row.problem is Problem.HEADER_TOO_BIG and row.size > store_reader.HEADER_BYTES


def test_a_long_subject_is_cut_and_a_huge_body_previewed_in_part(tmp_path):
    root = maildir(tmp_path)
    body = b"line\r\n" * (store_reader.PREVIEW_BYTES // 3)
    path = put(root, "1.a", b"Subject: " + b"s" * 5000 + b"\r\n\r\n" + body)
    assert len(store_reader.row(path).subject) == store_reader.FIELD_CHARS
    preview = store_reader.text(path)
    assert preview.problem is Problem.TRUNCATED
    assert 0 < len(preview.text) <= store_reader.PREVIEW_CHARS


def test_broken_encodings_are_read_with_replacement(tmp_path):
    root = maildir(tmp_path)
    path = put(
        root,
        "1.a",
        b"From: \xff\xfe <a@b>\r\nSubject: =?x-unknown?q?abc?=\r\nDate: yesterday\r\n"
        b"Content-Type: text/plain; charset=no-such-charset\r\n\r\nbody \xff\r\n",
    )
    row = store_reader.row(path)
    assert row.problem is None and row.date is None and "a@b" in row.sender
    assert "body" in store_reader.text(path).text


def test_a_message_gone_since_listed_says_so(tmp_path):
    root = maildir(tmp_path)
    path = put(root, "1.a", MESSAGE)
    path.unlink()
    assert store_reader.row(path).problem is Problem.GONE
    assert store_reader.text(path).problem is Problem.GONE


def test_html_only_mail_says_it_has_no_plain_text(tmp_path):
    root = maildir(tmp_path)
    path = put(root, "1.a", b"Content-Type: text/html\r\n\r\n<p>x</p>\r\n")
    assert store_reader.text(path).problem is Problem.NO_TEXT


def test_the_default_store_shows_the_outbox_and_sent_items(tmp_path):
    store = default_store(tmp_path)
    queued = store.queue("A", MESSAGE)
    store.queue("A", MESSAGE)
    store.mark_sent(queued.id)
    root = store_reader.default_store_dir(tmp_path)
    found = {f.names: f.count for f in store_reader.folders(root)}
    assert found == {(): 0, ("Outbox",): 1, ("Sent Items",): 1}


def test_encoded_words_are_decoded_and_raw_8bit_headers_replaced(tmp_path):
    root = maildir(tmp_path)
    path = put(
        root, "1.a", b"From: \xc3\xa9ve <e@x>\r\nSubject: =?utf-8?q?caf=C3=A9?= \xff\r\n\r\n"
    )
    row = store_reader.row(path)
    assert row.subject == "café \ufffd" and row.sender == "éve <e@x>"


def test_a_linked_cur_folder_is_not_listed(tmp_path):
    elsewhere = maildir(tmp_path / "elsewhere")
    put(elsewhere, "1.a:2,", MESSAGE)
    root = tmp_path / "store"
    (root / "new").mkdir(parents=True)
    (root / "cur").symlink_to(elsewhere / "cur")
    put(root, "2.b", MESSAGE)
    assert [p.name for p in store_reader.message_files(root)] == ["2.b"]
    assert [f.count for f in store_reader.folders(root)] == [1]


def test_a_folder_is_listed_only_so_far(tmp_path, monkeypatch):
    monkeypatch.setattr(store_reader, "MAX_LISTED", 3)
    root = maildir(tmp_path)
    for n in range(6):
        put(root, f"{n}.a", MESSAGE)
    assert len(store_reader.message_files(root)) == 4  # one more: "there are more"
    assert [f.count for f in store_reader.folders(root)] == [4]
