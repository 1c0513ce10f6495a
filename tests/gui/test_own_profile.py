"""A profile of one's own in the window: the first start says where it was made, each
account's last result survives a restart, and no action writes a file shipped with the
app (an installation may be read-only; as root, permissions would not show it)."""

from __future__ import annotations

from helpers.gui_waits import wait_for_run_end
from helpers.installation import bundled_files
from PySide6.QtWidgets import QMessageBox

from sendreceive.config.profile import DEMO_PROFILE
from sendreceive.paths import default_profile_file
from sendreceive.ui.account_model import AccountColumn


def last_result(window, name: str, column: AccountColumn = AccountColumn.LAST_RESULT) -> str:
    model = window.accounts_model
    row = next(r for r in range(model.rowCount()) if model.account(r).name == name)
    return str(model.index(row, column).data())


def test_the_first_start_says_the_profile_was_made_and_later_ones_do_not(qtbot, make_window):
    first = make_window()
    assert first.profile.path == default_profile_file()
    note = first.first_start_note
    assert note is not None and note.toolTip() == str(default_profile_file())
    assert "F9" in note.text()
    first.close()

    again = make_window()
    assert again.first_start_note is None
    assert again.profile.path == default_profile_file()


def test_each_accounts_last_result_survives_a_restart(qtbot, make_window):
    window = make_window("--run")
    wait_for_run_end(qtbot, window)
    failed = last_result(window, "Tailspin Toys")
    assert failed.startswith("Failed: 0x80040111")
    assert last_result(window, "Contoso").startswith("Completed")
    window.close()

    again = make_window()
    assert last_result(again, "Tailspin Toys") == failed
    assert last_result(again, "Contoso").startswith("Completed")
    assert last_result(again, "Tailspin Toys", AccountColumn.FIRST_ERROR) == last_result(
        window, "Tailspin Toys", AccountColumn.FIRST_ERROR
    )
    assert last_result(again, "Tailspin Toys", AccountColumn.FIRST_ERROR)


def test_no_action_writes_the_bundled_profile(qtbot, make_window, monkeypatch):
    before = bundled_files()
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text)
    )
    window = make_window("--profile", str(DEMO_PROFILE))

    window.set_account_enabled("Contoso", False)
    assert warnings and "shipped with the app" in warnings[-1]
    assert window.profile.account("Contoso").enabled

    groups = window.define_groups()
    assert groups is not None
    assert groups.add_group("Evening")
    assert not groups.save()
    refused = groups.findChild(QMessageBox, "groupsRefused")
    assert refused is not None and "shipped with the app" in refused.text()
    groups.reject()

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    accounts = window.account_settings()
    assert accounts is not None
    form = accounts.new_other_account()
    form.name.setText("Added")
    form.provider.setCurrentText("demo-fast")
    edits = [
        form.save,
        accounts.remove_selected,
        lambda: accounts.move_selected(1),
        lambda: accounts.change_selected().save(),
    ]
    for edit in edits:
        assert not edit()
        box = accounts.findChild(QMessageBox, "accountsRefused")
        assert box is not None and "shipped with the app" in box.text()
        box.close()
        box.setObjectName("seen")  # the next edit must show a box of its own

    assert bundled_files() == before
