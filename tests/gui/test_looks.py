"""How the window and the dialog look at their first sizes: nothing clipped, no
horizontal scroll bar, no text shown twice, and a dialog that fits a small screen at a
large scale factor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from helpers.gui_waits import wait_for_run_end
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QToolButton

from sendreceive.ui.account_model import AccountColumn
from sendreceive.ui.error_model import ErrorColumn
from sendreceive.ui.fitted_columns import widest_allowed


def test_the_accounts_fit_the_default_window_after_failures(qtbot, make_window):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.size() == QSize(720, 420)
    window.send_receive_all_action.trigger()
    wait_for_run_end(qtbot, window)
    view = window.accounts_view
    header = view.horizontalHeader()
    model = window.accounts_model
    assert any(model.result(row).first_error for row in range(model.rowCount()))
    qtbot.waitUntil(lambda: header.length() <= view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()
    assert header.visualIndex(AccountColumn.FIRST_ERROR) == len(AccountColumn) - 1
    for column in AccountColumn:  # every header readable, "First error" included
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column.name
    assert view.textElideMode() is Qt.TextElideMode.ElideMiddle
    window.resize(500, 420)  # narrower than the contents: they give way, still no bar
    qtbot.waitUntil(lambda: header.length() <= view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()


def test_only_the_widest_columns_give_way():
    assert widest_allowed([50, 100, 400], room=600, least=30) == 400  # all fit
    assert widest_allowed([50, 100, 400], room=400, least=30) == 250  # the widest is cut
    assert widest_allowed([50, 300, 400], room=400, least=30) == 175  # both wide ones
    assert widest_allowed([50, 100], room=20, least=30) == 30  # never below a header


def test_the_status_bar_says_working_offline_once_and_elides_with_the_whole_in_the_tip(
    qtbot, make_window
):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.set_work_offline(True)
    bar = window.statusBar()
    widgets = [*bar.findChildren(QLabel), *bar.findChildren(QToolButton)]
    shown = [widget.text() for widget in widgets if widget.isVisible()]
    assert shown.count("Working Offline") == 1, shown
    window.set_work_offline(False)
    long = "Send/Receive failed: " + ", ".join(f"account {n} could not log on" for n in range(30))
    window.status_label.setText(long)
    assert window.status_label.width() < window.status_label.fontMetrics().horizontalAdvance(long)
    assert window.status_label.toolTip().startswith(long + "\n")
    assert window.status_label.text() == long  # whole for a screen reader


def test_the_errors_tab_gives_the_message_the_room(qtbot, make_window):
    dialog = make_window().dialog
    dialog.show_errors()
    qtbot.waitExposed(dialog)
    header = dialog.errors_view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() >= dialog.errors_view.viewport().width())
    widths = {column: header.sectionSize(column) for column in ErrorColumn}
    assert max(widths, key=widths.__getitem__) is ErrorColumn.MESSAGE, widths
    assert widths[ErrorColumn.CODE] <= widths[ErrorColumn.TASK], widths  # Code narrow


# A 1400 x 900 screen at 1.75x: 800 x 514 logical pixels. Qt's offscreen platform reads
# the screen from a file; the scale factor must be set before Qt starts: a program.
_SCALED = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QSettings
    from sendreceive.cli import build_parser, options_from_args
    from sendreceive.ui.application import create_application, open_main_window
    from sendreceive.ui.settings import AppSettings

    app = create_application()
    args = build_parser().parse_args(["--store-dir", sys.argv[1]])
    settings = AppSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(args), settings)
    window.show_progress()
    screen = window.dialog.screen()
    sizes = {"screen": screen.availableGeometry(), "dialog": window.dialog.frameGeometry(),
             "window": window.frameGeometry(), "ratio": screen.devicePixelRatio()}
    print(json.dumps({k: v if k == "ratio" else [v.x(), v.y(), v.width(), v.height()]
                      for k, v in sizes.items()}))
    window.close()
""")


def test_the_dialog_fits_a_1400_by_900_screen_at_175_percent(tmp_path):
    screens = tmp_path / "screens.json"
    screens.write_text(
        json.dumps({"screens": [{"name": "laptop", "width": 1400, "height": 900, "dpr": 1}]})
    )
    env = dict(
        os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}", QT_SCALE_FACTOR="1.75"
    )
    done = subprocess.run(
        [sys.executable, "-c", _SCALED, str(tmp_path / "stores"), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    sizes = json.loads(done.stdout.splitlines()[-1])
    assert sizes["ratio"] == 1.75
    _, _, screen_width, screen_height = sizes["screen"]
    assert (screen_width, screen_height) == (800, 514)  # 1400 x 900 device pixels
    for name in ("dialog", "window"):
        x, y, width, height = sizes[name]
        assert x >= 0 and y >= 0, (name, sizes)
        assert x + width <= screen_width and y + height <= screen_height, (name, sizes)
