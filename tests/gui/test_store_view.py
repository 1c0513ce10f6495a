"""View ▸ Store shows each account's Maildir, the Outbox and Sent Items: folders with
counts, rows read a page at a time, a plain-text preview, and what it could not read."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers.gui_waits import wait_for_run_end
from helpers.sending import outgoing
from PySide6.QtCore import QSize

from sendreceive.mail import store_reader
from sendreceive.mail.outbox import default_store
from sendreceive.paths import store_dir
from sendreceive.ui.store_model import PAGE, StoreColumn

DATA = Path(__file__).resolve().parents[1] / "data"
TIMEOUT = 30_000  # ms: a loaded 2-core machine


def profile(tmp_path: Path) -> Path:
    path = tmp_path / "sending.toml"
    shutil.copy(DATA / "sending.toml", path)
    return path


def maildir(path: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def fill(folder: Path, count: int) -> None:
    for n in range(count):
        name = f"{1_700_000_000 + n}.M{n}P1.host:2,S"
        (folder / "cur" / name).write_bytes(
            f"From: sender{n}@example.org\r\nSubject: Message {n}\r\n\r\nBody {n}\r\n".encode()
        )


def open_store(qtbot, window, account: str | None = None):
    store = window.store_opener.open(account)
    qtbot.waitUntil(lambda: store.tree.topLevelItemCount() > 0, timeout=TIMEOUT)
    return store


def test_an_accounts_folder_lists_its_messages_and_previews_one(qtbot, make_window, tmp_path):
    root = maildir(store_dir(tmp_path / "stores", "Fabrikam") / "Maildir")
    fill(root, 3)
    (root / "new" / "9999999999.link").symlink_to(tmp_path / "sending.toml")
    window = make_window("--profile", str(profile(tmp_path)))
    store = open_store(qtbot, window)
    assert store.tree.accessibleName() and store.table.accessibleName()
    assert store.preview.accessibleName()
    assert store.select_folder("Fabrikam", ())
    qtbot.waitUntil(lambda: store.model.rowCount() == 4, timeout=TIMEOUT)
    column = [store.model.index(r, StoreColumn.SUBJECT).data() for r in range(4)]
    assert column == ["A link, not followed", "Message 2", "Message 1", "Message 0"]
    assert store.model.index(1, StoreColumn.FROM).data() == "sender2@example.org"
    assert store.model.index(1, StoreColumn.FLAGS).data() == "Read"
    with qtbot.waitSignal(store.previewed, timeout=TIMEOUT):
        store.table.selectRow(1)
    assert store.preview.toPlainText().strip() == "Body 2"
    with qtbot.waitSignal(store.previewed, timeout=TIMEOUT):
        store.table.selectRow(0)
    assert store.preview.toPlainText() == "[A link, not followed]"


def test_a_big_folder_is_read_a_page_at_a_time(qtbot, make_window, tmp_path):
    root = maildir(store_dir(tmp_path / "stores", "Fabrikam"))
    fill(root, 5 * PAGE)
    window = make_window("--profile", str(profile(tmp_path)))
    store = open_store(qtbot, window, "Fabrikam")
    qtbot.waitUntil(lambda: store.model.total() == 5 * PAGE, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: store.model.rowCount() > 0, timeout=TIMEOUT)
    assert store.model.rowCount() < store.model.total()  # only what was scrolled to
    assert store.status.text() == f"{5 * PAGE} messages"
    while store.model.canFetchMore():  # the view's way: at the bottom, ask for more
        with qtbot.waitSignal(store.model.rowsInserted, timeout=TIMEOUT):
            store.table.scrollToBottom()
            store.model.fetchMore()
    assert store.model.rowCount() == 5 * PAGE
    assert store.model.message(5 * PAGE - 1).subject == "Message 0"


def test_the_account_context_menu_opens_its_store(qtbot, make_window, tmp_path):
    fill(maildir(store_dir(tmp_path / "stores", "Fabrikam") / "Maildir" / ".Archive"), 2)
    window = make_window("--profile", str(profile(tmp_path)))
    assert window.store_opener.account_action in window.accounts_view.actions()
    window.accounts_view.selectRow(1)
    window.store_opener.account_action.trigger()
    store = window.store_opener.window
    assert store is not None and store.isVisible()
    qtbot.waitUntil(lambda: store.model.total() == 2, timeout=TIMEOUT)
    current = store.tree.currentItem()
    assert current.parent().text(0) == "Fabrikam" and current.text(0) == "Archive"


def test_sent_items_and_the_outbox_are_refreshed_after_a_run(qtbot, make_window, tmp_path):
    window = make_window("--profile", str(profile(tmp_path)))
    default_store(tmp_path / "stores").queue("Contoso", outgoing(1))
    store = open_store(qtbot, window)
    assert store.select_folder("", ("Outbox",))
    qtbot.waitUntil(lambda: store.model.total() == 1, timeout=TIMEOUT)
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    qtbot.waitUntil(lambda: store.model.total() == 0, timeout=TIMEOUT)  # the Outbox, emptied
    assert store.select_folder("", ("Sent Items",))
    qtbot.waitUntil(lambda: store.model.rowCount() == 1, timeout=TIMEOUT)
    assert store.model.index(0, StoreColumn.SUBJECT).data() == "Outgoing 1"


def test_a_folder_too_big_to_list_says_so(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(store_reader, "MAX_LISTED", 3)
    fill(maildir(store_dir(tmp_path / "stores", "Fabrikam")), 5)
    window = make_window("--profile", str(profile(tmp_path)))
    store = open_store(qtbot, window, "Fabrikam")
    qtbot.waitUntil(lambda: store.model.rowCount() == 3, timeout=TIMEOUT)
    assert store.status.text() == "The first 3 messages; the folder holds more"
    assert store.tree.currentItem().text(1) == "more than 3"


def test_the_store_windows_size_and_splits_are_remembered(qtbot, make_window):
    window = make_window()
    store = window.store_opener.open()
    qtbot.waitExposed(store)
    store.resize(700, 500)
    store.folders_split.setSizes([220, 470])
    split = store.folders_split.sizes()
    qtbot.waitUntil(lambda: store.size() == QSize(700, 500))
    window.close()

    again = make_window().store_opener.open()
    assert again.size() == QSize(700, 500)
    assert again.folders_split.sizes() == split
