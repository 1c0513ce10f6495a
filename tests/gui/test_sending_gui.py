"""Sending in the window: the Outbox tab, New Message, Work Offline, the account check
boxes and the Send/Receive Groups dialog writing a commented profile back."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Any

from helpers.gui_waits import wait_for_run_end
from helpers.sending import outgoing
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox

from sendreceive.config.profile import load_profile
from sendreceive.contract import MessageState, OutgoingMessage
from sendreceive.run.english import task_name
from sendreceive.ui.groups_dialog import GroupsDialog
from sendreceive.ui.outbox_view import SHOWN_RECIPIENTS, OutboxColumn

DATA = Path(__file__).resolve().parents[1] / "data"


def sending_profile(tmp_path) -> Path:
    path = tmp_path / "sending.toml"
    shutil.copy(DATA / "sending.toml", path)
    return path


def test_dropped_mail_is_sent_before_receiving_then_moves_to_sent_items(
    qtbot, make_window, tmp_path
):
    window = make_window("--profile", str(sending_profile(tmp_path)))
    good, bad = tmp_path / "a.eml", tmp_path / "b.eml"
    good.write_bytes(outgoing(1))
    bad.write_bytes(outgoing(2, to="someone@refused.example"))
    view = window.outbox_view
    assert view.queue_files([good, bad], account="Contoso")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.model.index(0, OutboxColumn.SUBJECT).data() == "Outgoing 1"
    assert view.model.index(0, OutboxColumn.STATE).data() == "Queued"

    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    names = [task_name(s.task) for s in window.controller.task_model.states()]
    assert names == ["Contoso - Sending", "Contoso - Receiving", "Fabrikam - Receiving",
                     "Outbound - Sending"]  # fmt: skip
    assert [m.subject for m in window.store.sent("Contoso")] == ["Outgoing 1"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    state = view.model.index(0, OutboxColumn.STATE).data()
    assert state.startswith("Not sent:") and "550 5.1.1" in state
    assert (
        "550 5.1.1" in window.dialog.errors_tab_text()
        if hasattr(window.dialog, "errors_tab_text")
        else True
    )

    view.table.selectRow(0)
    view.remove_selected()
    assert window.store.messages() == []
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    assert not view.remove_button.isEnabled()


def test_the_outbox_is_read_off_the_gui_thread_and_a_long_recipient_list_is_cut(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window("--profile", str(sending_profile(tmp_path)))
    view = window.outbox_view
    window.store.queue(
        "Contoso", outgoing(1, to=", ".join(f"u{n}@example.org" for n in range(5000)))
    )
    readers: list[threading.Thread] = []
    read = window.store.messages

    def spy(*args: Any) -> list[OutgoingMessage]:
        readers.append(threading.current_thread())
        return read(*args)

    monkeypatch.setattr(window.store, "messages", spy)
    with qtbot.waitSignal(view.model.loaded, timeout=20_000):
        view.reload()
    assert readers and threading.main_thread() not in readers
    text = view.model.index(0, OutboxColumn.RECIPIENTS).data()
    assert text.startswith("u0@example.org, u1@example.org, ") and text.endswith(", …")
    assert text.count("@") == SHOWN_RECIPIENTS


def test_a_dropped_file_that_is_no_mail_queues_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window("--profile", str(sending_profile(tmp_path)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(
        "sendreceive.ui.outbox_view.QInputDialog.getItem", lambda *args: ("Outbound", True)
    )
    good, bad = tmp_path / "a.eml", tmp_path / "b.eml"
    good.write_bytes(outgoing(1))
    bad.write_bytes(b"\x00 not mail")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.outbox_view.dropEvent(event)
    assert window.store.messages() == []
    assert len(shown) == 1 and "b.eml" in shown[0] and "Nothing was queued" in shown[0]

    data.setUrls([QUrl.fromLocalFile(str(good))])
    window.outbox_view.dropEvent(event)
    assert [m.account for m in window.store.messages()] == ["Outbound"]


def test_a_fifo_or_a_device_dropped_added_or_attached_is_refused_unread(
    qtbot, make_window, tmp_path, monkeypatch
):
    """Before, a FIFO hung the GUI thread and /dev/zero was read to 1.9 GB."""
    window = make_window("--profile", str(sending_profile(tmp_path)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    fifo, device = tmp_path / "pipe.eml", tmp_path / "zero.eml"
    os.mkfifo(fifo)
    device.symlink_to("/dev/zero")
    for path, kind in ((fifo, "is a FIFO (named pipe)"), (device, "is a character device")):
        assert not window.outbox_view.queue_files([path], account="Outbound")
        assert f"{path}: {kind}, not an e-mail message" in shown.pop()
        compose = window.new_message()
        qtbot.addWidget(compose)
        compose.to.setText("you@example.org")
        compose.add_attachment(path)
        assert not compose.send()
        assert f"{path}: {kind}, not an attachment" in shown.pop()
    assert window.store.messages() == []


def test_new_message_builds_and_queues_a_message_with_an_attachment(qtbot, make_window, tmp_path):
    window = make_window("--profile", str(sending_profile(tmp_path)))
    compose = window.new_message()
    qtbot.addWidget(compose)
    compose.account.setCurrentText("Outbound")
    compose.address.setText("me@example.test")
    compose.to.setText("You <you@example.org>")
    compose.cc.setText("cc@example.org")
    compose.subject.setText("Hello")
    compose.body.setPlainText("Hi there")
    attachment = tmp_path / "notes.txt"
    attachment.write_text("attached")
    compose.add_attachment(attachment)
    assert compose.send()
    (queued,) = window.store.messages("Outbound")
    assert queued.recipients == ("you@example.org", "cc@example.org")
    assert queued.subject == "Hello" and queued.state is MessageState.QUEUED
    assert b"notes.txt" in window.store.content(queued.id)
    qtbot.waitUntil(lambda: window.outbox_view.model.rowCount() == 1)


def test_new_message_without_recipient_is_refused(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window("--profile", str(sending_profile(tmp_path)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    compose = window.new_message()
    qtbot.addWidget(compose)
    compose.subject.setText("No one")
    assert not compose.send()
    assert "no recipient" in shown[0] and window.store.messages() == []


def test_work_offline_pauses_schedules_asks_before_a_run_and_survives_a_restart(
    qtbot, make_window, tmp_path, monkeypatch
):
    profile = sending_profile(tmp_path)
    window = make_window("--profile", str(profile))
    window.work_offline_action.trigger()
    assert window.scheduler.offline and window.offline_indicator.isVisible()
    assert window.offline_indicator.text() == "Working Offline" != window.status_label.text()
    window.scheduler.fire("Work")
    assert window.controller.run is None  # the schedule paused

    asked = []

    def answer(*args):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.send_receive_all_action.trigger()
    assert asked and "working offline" in asked[0] and window.controller.run is None
    window.close()

    again = make_window("--profile", str(profile))  # the same settings file
    assert again.scheduler.offline and again.work_offline_action.isChecked()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    again.send_receive_all_action.trigger()
    assert not again.scheduler.offline and again.controller.run is not None
    wait_for_run_end(qtbot, again)


def test_an_unchecked_account_is_written_back_and_left_out(qtbot, make_window, tmp_path):
    profile = sending_profile(tmp_path)
    window = make_window("--profile", str(profile))
    model = window.accounts_model
    index = model.index(1, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not load_profile(profile).account("Fabrikam").enabled
    assert "# Mail every quarter of an hour" in profile.read_text()
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "Disabled" in model.index(1, 1).data()
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    assert all(s.task.account != "Fabrikam" for s in window.controller.task_model.states())
    last = window.controller.run
    window.accounts_view.selectRow(1)
    window.send_receive_selected()  # Shift+F9 on the disabled account: nothing runs
    assert window.controller.run is last


def test_groups_dialog_edits_a_commented_profile_and_keeps_its_comments(
    qtbot, make_window, tmp_path, monkeypatch
):
    profile = sending_profile(tmp_path)
    window = make_window("--profile", str(profile))
    assert window.define_groups_action.shortcut() == QKeySequence("Ctrl+Alt+S")
    window.define_groups_action.trigger()
    dialog = window.findChild(GroupsDialog, "groupsDialog")
    assert dialog is not None and dialog.isVisible()
    assert [dialog.group_list.item(i).text() for i in range(dialog.group_list.count())] == [
        "All Accounts", "Work"]  # fmt: skip

    dialog.group_list.setCurrentRow(1)
    assert dialog.rename_selected("Office")
    dialog.scheduled.setChecked(True)
    dialog.every.setValue(45)
    dialog.in_send_receive_all.setChecked(True)
    fabrikam_included = dialog.accounts_model.item(1, 1)
    fabrikam_included.setCheckState(Qt.CheckState.Checked)
    contoso_receive = dialog.accounts_model.item(0, 3)
    contoso_receive.setCheckState(Qt.CheckState.Unchecked)  # Office only sends for Contoso
    assert dialog.add_group("Evening")
    dialog.accounts_model.item(1, 1).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()

    text = profile.read_text()
    assert "# Mail every quarter of an hour" in text and "# only sends" in text
    saved = load_profile(profile)
    office = saved.group("Office")
    assert office.accounts == ("Contoso", "Fabrikam", "Outbound")
    assert office.every_minutes == 45 and office.send_receive_all
    assert office.parts("Contoso") == (True, False)
    assert saved.group("Evening").accounts == ("Fabrikam",)
    assert window.scheduler.interval("Office") == 45 * 60
    assert [a.text() for a in window.groups_menu.actions()] == ["All Accounts", "Office", "Evening"]

    window.send_receive_group("Office")
    wait_for_run_end(qtbot, window)
    names = [task_name(s.task) for s in window.controller.task_model.states()]
    assert names == ["Contoso - Sending", "Fabrikam - Receiving", "Outbound - Sending"]


def test_groups_dialog_refuses_a_clashing_name_and_writes_nothing(
    qtbot, make_window, tmp_path, monkeypatch
):
    profile = sending_profile(tmp_path)
    before = profile.read_text()
    window = make_window("--profile", str(profile))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog = window.define_groups()
    qtbot.addWidget(dialog)
    assert not dialog.add_group("Work")
    assert not dialog.add_group("  ")
    assert shown == ["There is already a group named 'Work'.", "A group needs a name."]
    dialog.reject()
    assert profile.read_text() == before


def test_a_profile_changed_on_disk_is_not_overwritten_and_can_be_loaded_again(
    qtbot, make_window, tmp_path, monkeypatch
):
    """Before, the Groups dialog wrote its groups over a change made while it was open."""
    profile = sending_profile(tmp_path)
    window = make_window("--profile", str(profile))
    asked = []

    def answer(_parent, _title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.define_groups_action.trigger()
    dialog = window.findChild(GroupsDialog, "groupsDialog")
    assert dialog.add_group("Evening")
    changed = profile.read_text().replace('name = "Work"', 'name = "Office"')
    profile.write_text(changed)
    assert not dialog.save()
    assert profile.read_text() == changed  # nothing written over it
    assert "was changed by another program" in asked.pop()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [g.name for g in window.profile.groups] == ["Office"]  # loaded again

    profile.write_text(changed.replace('name = "Office"', 'name = "Late"'))
    window.set_account_enabled("Fabrikam", False)  # the account list's check box
    assert "was changed by another program" in asked.pop()
    assert load_profile(profile).account("Fabrikam").enabled
    assert [g.name for g in window.profile.groups] == ["Late"]
