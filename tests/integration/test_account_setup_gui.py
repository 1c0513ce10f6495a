"""A new user sets up a real account in the window: on an empty config folder, the
accounts dialog adds an IMAP + SMTP account against the test Dovecot and aiosmtpd with
the password in a (test) keyring, a message is written, F9 runs, and the mail arrives
in the account's store and the message is in Sent Items."""

from __future__ import annotations

import mailbox
from email import message_from_bytes

from helpers.gui_waits import wait_for_run_end
from helpers.imap import Account, make_message, seed
from helpers.smtp_server import SmtpServer
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.paths import default_profile_file, store_dir
from sendreceive.tracking.tracker import TaskStatus
from sendreceive.ui.account_model import AccountColumn

MESSAGES = 5


def test_a_person_adds_a_mail_account_and_sends_and_receives(
    qtbot,
    make_window,
    account: Account,
    smtp_server: SmtpServer,
    tmp_path,
    monkeypatch,
    test_keyring,
):
    with account.client() as client:
        seed(client, "INBOX", [make_message(n) for n in range(MESSAGES)])
    smtp_server.logins[account.user] = account.password
    # The servers' certificates are trusted as a system's CA bundle would trust them.
    bundle = tmp_path / "ca-bundle.pem"
    bundle.write_bytes(account.server.ca_file.read_bytes() + smtp_server.ca_file.read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    assert not default_profile_file().exists()

    window = make_window()
    assert window.first_start_note is not None
    window.account_settings_action.trigger()
    dialog = window.account_settings()
    assert dialog is not None
    form = dialog.new_mail_account()
    form.name.setText("Mine")
    form.address.setText(f"{account.user}@example.test")
    form.username.setText(account.user)
    form.password.setText(account.password)
    form.incoming.host.setText("127.0.0.1")
    form.incoming.port.setValue(account.server.ssl_port)
    form.outgoing.host.setText("127.0.0.1")
    form.outgoing.security.setCurrentIndex(1)  # STARTTLS
    form.outgoing.port.setValue(smtp_server.plain_port)
    assert form.warning.isHidden()  # encrypted, certificates checked
    assert form.save()
    dialog.accept()
    assert account.password not in default_profile_file().read_text()
    assert list(test_keyring.passwords.values()) == [account.password]

    message = window.new_message()
    message.account.setCurrentIndex(message.account.findText("Mine"))
    assert message.address.text() == f"{account.user}@example.test"
    message.to.setText("friend@example.test")
    message.subject.setText("Hello from the workbench")
    message.body.setPlainText("It works.")
    assert message.send()

    assert window.send_receive_all_action.shortcut() == QKeySequence(Qt.Key.Key_F9)
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window, timeout=90_000)

    states = {s.task: s for s in window.controller.task_model.states()}
    for activity in (Activity.SENDING, Activity.RECEIVING):
        state = states[TaskId("Mine", activity)]
        assert state.status is TaskStatus.COMPLETED, (activity, state)
    [received] = smtp_server.messages()
    assert list(received.rcpt_tos) == ["friend@example.test"]
    sent = window.store.sent("Mine")
    assert [m.subject for m in sent] == ["Hello from the workbench"]
    inbox = mailbox.Maildir(store_dir(window.options.store_root, "Mine") / "Maildir")
    assert len(inbox) == MESSAGES
    row = [a.name for a in window.profile.accounts].index("Mine")
    assert (
        window.accounts_model.index(row, AccountColumn.LAST_RESULT).data().startswith("Completed")
    )

    # The store view (the account's context menu) shows the same: what arrived, what went.
    window.accounts_view.selectRow(row)
    window.store_opener.account_action.trigger()
    store = window.store_opener.window
    assert store is not None
    qtbot.waitUntil(lambda: store.model.rowCount() == MESSAGES, timeout=30_000)
    assert store.tree.currentItem().parent().text(0) == "Mine"
    subjects = {store.model.message(r).subject for r in range(MESSAGES)}
    wanted = {message_from_bytes(make_message(n))["Subject"] for n in range(MESSAGES)}
    assert subjects == wanted
    assert store.select_folder("", ("Sent Items",))
    qtbot.waitUntil(lambda: store.model.rowCount() == 1, timeout=30_000)
    assert store.model.message(0).subject == "Hello from the workbench"
    with qtbot.waitSignal(store.previewed, timeout=30_000):
        store.table.selectRow(0)
    assert store.preview.toPlainText().strip() == "It works."
