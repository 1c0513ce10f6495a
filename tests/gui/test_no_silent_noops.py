"""An action that cannot do anything says why: New Message with no sending account,
View Log with no program registered for the file."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from sendreceive.paths import default_log_file
from sendreceive.ui.log_viewer import SHOWN_BYTES


def test_send_without_a_sending_account_says_why(qtbot, make_window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    window = make_window()  # the demo's accounts only receive
    message = window.new_message()
    message.to.setText("friend@example.org")
    assert not message.send()
    assert said and "No account of this profile sends mail" in said[0]
    assert "Account Settings" in said[0]


def test_view_log_without_a_registered_program_shows_the_log_in_the_app(
    qtbot, make_window, monkeypatch
):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    log = default_log_file()
    log.parent.mkdir(parents=True, exist_ok=True)
    old_line = "an old line\n"
    log.write_text(old_line * (SHOWN_BYTES // len(old_line)) + "the last line\n")
    window = make_window()
    viewer = window.view_log()
    assert viewer is not None and viewer.isVisible()
    text = viewer.text.toPlainText()
    assert text.endswith("the last line\n")
    assert len(text.encode()) <= SHOWN_BYTES
    assert text.startswith(old_line)  # cut at a line's start


def test_view_log_before_anything_was_logged_says_so(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    viewer = make_window().view_log()
    assert viewer is not None
    assert viewer.text.placeholderText() == "Nothing has been logged yet."
