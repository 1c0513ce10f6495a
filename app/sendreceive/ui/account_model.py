"""The main window's account list: for each account, how its last Send/Receive went and
when the next scheduled one is due. The provider and raw flag names are in the tooltip."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from sendreceive.config.profile import Account
from sendreceive.records.last_results import AccountResult, load_results, save_results
from sendreceive.run.send_receive import Run
from sendreceive.run.summary import task_errors
from sendreceive.tracking.error_log import ErrorKind
from sendreceive.ui.icons import status_icon
from sendreceive.ui.table_model import ColumnTableModel, ModelIndex
from sendreceive.ui.wording import arg, when, words


class AccountColumn(IntEnum):
    NAME = 0
    LAST_RESULT = 1
    PROBLEMS = 2
    NEXT = 3
    FIRST_ERROR = 4  # last: it takes what the window has left, and elides


log = logging.getLogger(__name__)

_HEADERS = {
    AccountColumn.NAME: QT_TRANSLATE_NOOP("AccountTableModel", "Account"),
    AccountColumn.LAST_RESULT: QT_TRANSLATE_NOOP("AccountTableModel", "Last Send/Receive"),
    AccountColumn.PROBLEMS: QT_TRANSLATE_NOOP("AccountTableModel", "Errors"),
    AccountColumn.NEXT: QT_TRANSLATE_NOOP("AccountTableModel", "Next scheduled"),
    AccountColumn.FIRST_ERROR: QT_TRANSLATE_NOOP("AccountTableModel", "First error"),
}


def results_of(run: Run, finished: float) -> dict[str, AccountResult]:
    first: dict[str, str] = {}
    for entry in list(run.error_log.entries):
        if entry.kind is not ErrorKind.WARNING and entry.task.account not in first:
            first[entry.task.account] = words.message(entry)
    results: dict[str, AccountResult] = {}
    for task in run.tasks:  # an account's send and receive tasks: the worse one shows
        state = task.snapshot()
        kept = results.get(task.account.name)
        if kept is None or (kept.state.status.is_success and not state.status.is_success):
            results[task.account.name] = AccountResult(
                state, finished, first.get(task.account.name, "")
            )
    return results


class AccountTableModel(ColumnTableModel):
    """The accounts; the name's check box is the account's ``enabled``."""

    enabled_toggled = Signal(str, bool)  # account name, wanted state

    def __init__(
        self,
        accounts: tuple[Account, ...],
        next_due: Callable[[str], float | None],
        results_file: Path | None = None,
    ) -> None:
        """``next_due(name)``: the wall-clock time of the account's next scheduled run;
        ``results_file``: where the last results are kept between starts."""
        super().__init__(AccountColumn, _HEADERS)
        self._accounts = accounts
        self._next_due = next_due
        self._results_file = results_file
        self._results = load_results(results_file) if results_file is not None else {}

    def account(self, row: int) -> Account:
        return self._accounts[row]

    def set_accounts(self, accounts: tuple[Account, ...]) -> None:
        self.beginResetModel()
        self._accounts = accounts
        self.endResetModel()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.valid_row(index) and index.column() == AccountColumn.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.CheckStateRole or not self.valid_row(index):
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        self.enabled_toggled.emit(self._accounts[index.row()].name, wanted)
        return False  # the window writes the profile, then hands back the accounts

    def result(self, row: int) -> AccountResult | None:
        return self._results.get(self._accounts[row].name)

    def record(self, run: Run) -> None:
        """Keep the outcome of every account ``run`` included; the others keep theirs."""
        self._results.update(results_of(run, time.time()))
        self.changed()
        if self._results_file is not None:
            try:
                save_results(self._results_file, self._results)
            except OSError as exc:  # the window still shows them; the next start will not
                log.warning("%s: last results not kept (%s)", self._results_file, exc)

    def changed(self) -> None:
        if self._accounts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._accounts) - 1, len(AccountColumn) - 1)
            )

    def row_count(self) -> int:
        return len(self._accounts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
            return None
        account = self._accounts[index.row()]
        result = self._results.get(account.name)
        column = AccountColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column is AccountColumn.NAME:
            return Qt.CheckState.Checked if account.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if not account.enabled and column is AccountColumn.LAST_RESULT:
                return self.tr("Disabled: left out of every run")
            return self._display(account, result, column)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column is AccountColumn.LAST_RESULT
            and result is not None
        ):
            return status_icon(result.state.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            flags = " | ".join(flag.name or "" for flag in account.flags)
            provider = account.command.text if account.command else account.provider
            tip = arg(self.tr("%1\nProvider: %2\nFlags: %3"), account.name, provider, flags)
            if column is AccountColumn.FIRST_ERROR and result is not None and result.first_error:
                tip = result.first_error
            return tip
        return None

    def _display(
        self, account: Account, result: AccountResult | None, column: AccountColumn
    ) -> str:
        if column is AccountColumn.NAME:
            return account.name
        if column is AccountColumn.NEXT:
            due = self._next_due(account.name)
            return when(due) if due is not None else ""
        if result is None:
            return self.tr("Not run yet") if column is AccountColumn.LAST_RESULT else ""
        state = result.state
        if column is AccountColumn.LAST_RESULT:
            return arg(
                self.tr("%1 · %2", "status · time"), words.status(state), when(result.finished)
            )
        if column is AccountColumn.PROBLEMS:
            return words.problems(task_errors(state), state.warnings)
        return result.first_error
