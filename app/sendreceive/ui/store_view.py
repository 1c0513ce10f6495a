"""View ▸ Store: a read-only window onto what providers wrote — each account's local
store and the default store (Outbox, Sent Items) — as folders with message counts, a
message list and a plain-text preview.

Everything that touches the disk beyond a page of header sections runs on a thread of
its own (counting folders, listing a folder of 100,000 files, reading a preview), so the
window never waits on a big or slow store; a result that arrives after the user moved
on is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.profile import Profile
from sendreceive.mail import store_reader
from sendreceive.mail.store_reader import MessageText, StoreFolder
from sendreceive.paths import store_dir
from sendreceive.ui.screen_fit import resize_within_screen
from sendreceive.ui.settings import AppSettings
from sendreceive.ui.store_model import MessageListModel, StoreColumn, problem_text
from sendreceive.ui.table_view import make_table
from sendreceive.ui.wording import arg, number

_log = logging.getLogger(__name__)
_PATH = Qt.ItemDataRole.UserRole  # an account's name; a folder's Maildir path and names
Tree = list[tuple[str, list[StoreFolder]]]  # each store's title and folders


class StoreWindow(QWidget):
    """The stores of a profile's accounts and the default store, read-only."""

    previewed = Signal()  # the current message's text is shown
    _arrived = Signal(object, object)  # (a request's token, its result) from a thread

    def __init__(self, store_root: Path, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("storeWindow")
        self.setWindowTitle(self.tr("Store"))
        self.setAccessibleName(self.tr("Store"))
        self.store_root = store_root
        self.profile = profile
        self._tokens: dict[str, object] = {}  # the newest request of each kind
        self._wanted: str | None = None  # an account to show once the folders are read
        self._arrived.connect(self._deliver)

        self.tree = QTreeWidget()
        self.tree.setObjectName("storeFolders")
        self.tree.setAccessibleName(self.tr("Folders"))
        self.tree.setHeaderLabels([self.tr("Folder"), self.tr("Messages")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._list_folder())
        self.model = MessageListModel()
        self.table = make_table(self.model, "storeMessages")
        self.table.setAccessibleName(self.tr("Messages"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the preview
        self.table.horizontalHeader().setSectionResizeMode(
            StoreColumn.SUBJECT, QHeaderView.ResizeMode.Stretch
        )
        self.model.rowsInserted.connect(self._fit_columns)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._preview())
        self.status = QLabel()
        self.status.setObjectName("storeStatus")
        self.status.setAccessibleName(self.tr("Folder status"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("storePreview")
        self.preview.setAccessibleName(self.tr("Message text"))
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)

        messages = QWidget()
        column = QVBoxLayout(messages)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        self.messages_split = QSplitter(Qt.Orientation.Vertical)
        self.messages_split.addWidget(self.table)
        self.messages_split.addWidget(self.preview)
        self.messages_split.setSizes([300, 200])
        column.addWidget(self.messages_split, 1)
        self.folders_split = QSplitter()
        self.folders_split.addWidget(self.tree)
        self.folders_split.addWidget(messages)
        self.folders_split.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.folders_split)
        resize_within_screen(self, QSize(1000, 600))
        self.refresh()

    def remembered(self) -> dict[str, QByteArray]:
        """What the user sized (the window and its two splits), for ``restore``."""
        states = (
            self.saveGeometry(),
            self.folders_split.saveState(),
            self.messages_split.saveState(),
        )
        return dict(zip(REMEMBERED, states, strict=True))

    def restore(self, saved: Mapping[str, QByteArray | None]) -> None:
        geometry, folders, messages = (saved.get(key) for key in REMEMBERED)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if folders is not None:
            self.folders_split.restoreState(folders)
        if messages is not None:
            self.messages_split.restoreState(messages)

    # ------------------------------------------------------------ what the window shows

    def set_profile(self, profile: Profile) -> None:
        self.profile = profile
        self.refresh()

    def refresh(self) -> None:
        """Read the folder trees again (after a run); the selected folder is kept."""
        stores = [(a.name, store_dir(self.store_root, a.name)) for a in self.profile.accounts]
        stores = [(name, store_reader.account_maildir(path)) for name, path in stores]
        stores.append(("", store_reader.default_store_dir(self.store_root)))
        self._in_background("tree", lambda: [(n, store_reader.folders(p)) for n, p in stores])

    def select_folder(self, store: str, names: tuple[str, ...]) -> bool:
        """Show a folder: ``store`` an account's name ("" for the Outbox and Sent Items)."""
        for top in self._tops():
            for item in _children(top):
                if top.data(0, _PATH) == store and tuple(item.data(1, _PATH)) == names:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def show_account(self, name: str) -> None:
        """Bring the account's store into view, its first folder selected (once the
        folders are read, when they are not yet)."""
        self._wanted = name
        for item in self._tops():
            if item.data(0, _PATH) == name:
                children = _children(item)
                self.tree.setCurrentItem(children[0] if children else item)
                self.tree.scrollToItem(item)
                self._wanted = None

    def _show_tree(self, tree: Tree) -> None:
        kept = self._current_folder()
        self.tree.blockSignals(True)
        self.tree.clear()
        for name, found in tree:
            top = QTreeWidgetItem([name or self.tr("Outbox and Sent Items")])
            top.setData(0, _PATH, name)
            # The default store's root holds no mail of its own: only its folders are shown.
            shown = [f for f in found if f.names or f.count or name]
            for folder in shown:
                top.addChild(self._folder_item(folder))
            if not shown:
                top.setText(1, self.tr("no mail folders yet"))
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if self._wanted is not None:
            self.show_account(self._wanted)
        elif kept is None or not self.select_folder(*kept):
            self._list_folder()

    def _current_folder(self) -> tuple[str, tuple[str, ...]] | None:
        item = self.tree.currentItem()
        parent = None if item is None else item.parent()
        if item is None or parent is None:
            return None
        return parent.data(0, _PATH), tuple(item.data(1, _PATH))

    def _folder_item(self, folder: StoreFolder) -> QTreeWidgetItem:
        label = "/".join(folder.names) if folder.names else self.tr("Inbox")
        count = number(folder.count)
        if folder.count > store_reader.MAX_LISTED:
            count = arg(self.tr("more than %1"), number(store_reader.MAX_LISTED))
        if folder.problem is not None:
            count = problem_text(folder.problem)
        item = QTreeWidgetItem([label, count])
        item.setData(0, _PATH, str(folder.path) if folder.problem is None else None)
        item.setData(1, _PATH, folder.names)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        return item

    def _tops(self) -> list[QTreeWidgetItem]:
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [top for top in tops if top is not None]

    def _list_folder(self) -> None:
        item = self.tree.currentItem()
        path = None if item is None or item.parent() is None else item.data(0, _PATH)
        self.model.set_files([])
        self.preview.clear()
        if path is None:
            self.status.setText(self.tr("Choose a folder"))
            self._tokens.pop("list", None)
            return
        self.status.setText(self.tr("Reading the folder…"))
        self._in_background("list", lambda: store_reader.message_files(Path(path)))

    def _show_files(self, files: list[Path]) -> None:
        self.model.set_files(files[: store_reader.MAX_LISTED])
        self.model.fetchMore()  # the first page; the view asks for more as it scrolls
        if len(files) > store_reader.MAX_LISTED:
            self.status.setText(
                arg(self.tr("The first %1 messages; the folder holds more"), number(len(files) - 1))
            )
        else:
            self.status.setText(self.tr("%Ln message(s)", "", len(files)))

    def _fit_columns(self, _parent: object, first: int, _last: int) -> None:
        """Once a folder, on its first page: the columns fit what it shows (measuring
        every row as it arrives would cost more the further one scrolls)."""
        if first == 0:
            for column in (StoreColumn.FROM, StoreColumn.DATE, StoreColumn.SIZE):
                self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(StoreColumn.FROM, min(self.table.columnWidth(0), 260))

    def _preview(self) -> None:
        index = self.table.currentIndex()
        if not self.model.valid_row(index):
            self.preview.clear()
            return
        path = self.model.message(index.row()).file
        self._in_background("preview", lambda: store_reader.text(path))

    def _show_text(self, text: MessageText) -> None:
        shown = text.text
        if text.problem is not None:
            note = arg(self.tr("[%1]"), problem_text(text.problem, text.detail))
            shown = f"{note}\n\n{shown}" if shown else note
        self.preview.setPlainText(shown)
        self.previewed.emit()

    # ------------------------------------------------------------ threads

    def _in_background(self, kind: str, work: Callable[[], Any]) -> None:
        """``work`` on a thread; its result shown unless a newer one of its kind was asked."""
        token = object()
        self._tokens[kind] = token
        threading.Thread(
            target=self._run, args=(token, work), name=f"store-{kind}", daemon=True
        ).start()

    def _run(self, token: object, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception:  # the reader reports per file; this is a bug: logged, not shown
            _log.exception("the store could not be read")
            return
        with contextlib.suppress(RuntimeError):  # the window was deleted meanwhile
            self._arrived.emit(token, result)

    def _deliver(self, token: object, result: Any) -> None:
        handlers: dict[str, Callable[[Any], None]] = {
            "tree": self._show_tree,
            "list": self._show_files,
            "preview": self._show_text,
        }
        for kind, newest in list(self._tokens.items()):
            if newest is token:
                del self._tokens[kind]
                handlers[kind](result)


#: The settings keys of what the store window remembers: its geometry and its two splits.
REMEMBERED = ("store/geometry", "store/foldersSplit", "store/messagesSplit")


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]


class StoreOpener(QObject):
    """The main window's ways into the store view: View ▸ Store, an account's context
    menu, and a refresh when a run ends."""

    def __init__(
        self,
        store_root: Path,
        profile: Profile,
        selected: Callable[[], str | None],
        settings: AppSettings,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._store_root = store_root
        self._profile = profile
        self._selected = selected
        self._parent = parent
        self.window: StoreWindow | None = None
        self.view_action = QAction(self.tr("&Store"), parent)
        self.view_action.setObjectName("viewStore")
        self.view_action.setToolTip(
            self.tr("The mail in each account's store, the Outbox and Sent Items")
        )
        self.view_action.triggered.connect(lambda: self.open())
        self.account_action = QAction(self.tr("Open &Store"), parent)
        self.account_action.setObjectName("openAccountStore")
        self.account_action.triggered.connect(lambda: self.open(self._selected()))

    def open(self, account: str | None = None) -> StoreWindow:
        if self.window is None:
            self.window = StoreWindow(self._store_root, self._profile, self._parent)
            self.window.restore({key: self._settings.saved_state(key) for key in REMEMBERED})
        if account is not None:
            self.window.show_account(account)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def refresh(self) -> None:
        if self.window is not None:
            self.window.refresh()

    def save_sizes(self) -> None:
        """Keep the window's sizes for the next start, if it was opened."""
        if self.window is not None:
            for key, state in self.window.remembered().items():
                self._settings.save_state(key, state)

    def set_profile(self, profile: Profile) -> None:
        self._profile = profile
        if self.window is not None:
            self.window.set_profile(profile)
