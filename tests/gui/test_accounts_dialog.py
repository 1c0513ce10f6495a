"""Tools ▸ Account Settings: accounts added, changed, removed and reordered from the
window, checked with the profile loader, written with the profile editor, and the
password kept in the (test's) keyring, never in the profile."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sendreceive.config.passwords import stored_password
from sendreceive.config.profile import load_profile
from sendreceive.ui.account_editor import MailAccountEditor, ProviderAccountEditor
from sendreceive.ui.accounts_dialog import AccountsDialog

PASSWORD = "unique-Pa55-for-the-dialog"


def open_settings(window) -> AccountsDialog:
    window.findChild(type(window.account_settings_action), "accountSettings").trigger()
    dialog = window.findChild(AccountsDialog, "accountsDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill_mail_form(form: MailAccountEditor, name: str = "Work") -> None:
    form.name.setText(name)
    form.address.setText("me@example.org")
    form.username.setText("me")
    form.password.setText(PASSWORD)
    form.incoming.host.setText("imap.example.org")
    form.outgoing.host.setText("smtp.example.org")


def names(window) -> list[str]:
    model = window.accounts_model
    return [model.account(row).name for row in range(model.rowCount())]


def refusal(dialog: AccountsDialog) -> str:
    box = dialog.findChild(QMessageBox, "accountsRefused")
    return box.text() if box is not None and box.isVisible() else ""


def test_a_new_imap_smtp_account_is_written_and_its_password_kept_in_the_keyring(
    qtbot, make_window
):
    window = make_window()
    dialog = open_settings(window)
    form = dialog.new_mail_account()
    fill_mail_form(form)
    form.outgoing.security.setCurrentIndex(1)  # STARTTLS: the port follows
    assert form.outgoing.port.value() == 587

    assert form.save()

    assert not form.isVisible()
    assert names(window)[-1] == "Work"
    path = window.profile.path
    account = load_profile(path).account("Work")
    assert (account.provider, account.transport) == ("imap", "smtp")
    assert account.settings["password_source"] == "keyring"
    assert account.transport_settings["port"] == 587
    assert PASSWORD not in path.read_text()
    assert not path.with_name(path.name + ".bak").read_text().count(PASSWORD)
    assert stored_password("Work") == PASSWORD
    assert "Work (imap)" in [dialog.account_list.item(i).text() for i in range(5, 6)]


def test_plain_or_unchecked_connections_are_warned_about(qtbot, make_window):
    form = open_settings(make_window()).new_mail_account()
    assert form.warning.isHidden()
    form.incoming.security.setCurrentIndex(2)  # none
    assert form.incoming.port.value() == 143
    assert form.warning.isVisible()
    assert "incoming server is not encrypted" in form.warning.text()
    form.incoming.security.setCurrentIndex(0)
    form.outgoing.verify.setChecked(False)
    assert "outgoing server's certificate is not checked" in form.warning.text()
    form.outgoing.verify.setChecked(True)
    assert form.warning.isHidden()


def test_a_form_with_gaps_or_a_taken_name_writes_nothing(qtbot, make_window, test_keyring):
    window = make_window()
    before = window.profile.path.read_text()
    dialog = open_settings(window)
    form = dialog.new_mail_account()
    form.name.setText("Work")
    assert not form.save()
    assert "Please fill in: user name, incoming server, outgoing server, password." in (
        form.problem.text()
    )
    fill_mail_form(form, name="Contoso")  # the demo's first account
    assert not form.save()
    assert form.isVisible()
    assert "duplicate account name 'Contoso'" in refusal(dialog)
    assert window.profile.path.read_text() == before
    assert not test_keyring.passwords


def test_accounts_are_changed_renamed_reordered_and_removed(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window = make_window()
    dialog = open_settings(window)
    form = dialog.new_mail_account()
    fill_mail_form(form)
    assert form.save()

    change = dialog.change_selected()
    assert isinstance(change, MailAccountEditor)
    assert change.name.text() == "Work" and change.password.text() == ""
    change.name.setText("Office")
    assert change.save()  # no new password: the kept one moves with the name
    assert stored_password("Office") == PASSWORD and stored_password("Work") is None
    assert window.profile.group("Work").accounts == ("Contoso", "Fabrikam", "Northwind")

    assert dialog.move_selected(-1)
    assert names(window)[-2:] == ["Office", "Litware"]
    dialog.account_list.setCurrentRow(names(window).index("Office"))
    assert dialog.remove_selected()
    assert "Office" not in names(window)
    assert stored_password("Office") is None

    dialog.account_list.setCurrentRow(names(window).index("Contoso"))
    assert dialog.remove_selected()
    assert "Contoso" not in window.profile.group("Work").accounts


def test_any_provider_gets_a_form_from_the_settings_it_declares(qtbot, make_window):
    window = make_window()
    dialog = open_settings(window)
    form = dialog.new_other_account()
    assert isinstance(form, ProviderAccountEditor)
    offered = [form.provider.itemText(i) for i in range(form.provider.count())]
    assert "demo-fast" in offered and "imap" in offered
    assert not [name for name in offered if name.startswith("faulty-")]
    form.name.setText("Failing")
    form.provider.setCurrentText("demo-logon-failure")
    assert set(form.fields) == {"server", "attempts", "delay"}
    assert form.fields["server"].text() == "mail.tailspin.example"  # the default
    form.fields["server"].setText("mail.example.net")
    assert form.save()
    account = load_profile(window.profile.path).account("Failing")
    assert account.settings == {"server": "mail.example.net"}

    dialog.account_list.setCurrentRow(names(window).index("Failing"))
    change = dialog.change_selected()
    assert isinstance(change, ProviderAccountEditor)
    assert change.fields["server"].text() == "mail.example.net"
