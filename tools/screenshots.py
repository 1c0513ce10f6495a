"""The README's pictures: a first start in English (the main window with its note, the
dialog mid-run, the Errors tab with a line's detail, the window after the run), the
dialog in each language, its Errors tab on the hostile catalogue in German.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python -m tools.screenshots
        # docs/main-window-first-start.png, docs/dialog-mid-run.png,
        # docs/dialog-errors-detail.png, docs/main-window-accounts.png,
        # docs/dialog-<language>.png, docs/calls-view.png, docs/dialog-errors-de.png,
        # docs/account-settings.png, docs/account-form.png
        # and docs/store-view.png
    xvfb-run -a .venv/bin/python -m tools.screenshots accounts    # the two account pictures
    xvfb-run -a .venv/bin/python -m tools.screenshots store       # docs/store-view.png only
    QT_SCALE_FACTOR=1.75 xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python -m tools.screenshots first-start   # the first four, -1.75x.png

Point the ``XDG_*`` folders at an empty one: the first start's note then shows as a new
user sees it (the tool uses folders of its own for the profile in any case).

The Chinese one needs a CJK font (Debian: ``apt-get install fonts-noto-cjk``); without
one, Qt draws boxes.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtCore import QSettings

from sendreceive.cli import build_parser, options_from_args
from sendreceive.mail.outbox import default_store
from sendreceive.paths import store_dir
from sendreceive.ui.application import create_application, open_main_window
from sendreceive.ui.language import Language
from sendreceive.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FAULTY = ROOT / "resources" / "faulty-profile.toml"
LANGUAGES = ("de", "fr", "zh_CN")


async def shoot(language: str, folder: Path) -> Path:
    options = options_from_args(
        build_parser().parse_args(["--lang", language, "--store-dir", str(folder / "stores")])
    )
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options, settings)
    window.send_receive_all()
    controller = window.controller
    # Mid-run: some tasks done (one failed), the others still moving.
    while controller.summary is None or controller.summary.finished < 3:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # a few refreshes: bars and remaining times settle
    path = DOCS / f"dialog-{language}.png"
    window.dialog.grab().save(str(path))
    controller.cancel_all()
    window.close()
    return path


async def shoot_first_start(folder: Path) -> list[Path]:
    """A new user's first start, in English: the window with its note, the dialog
    mid-run, the Errors tab with the logon failure's detail, and the window after the
    run (First error filled in), each named for the scale Qt runs at."""
    os.environ["XDG_CONFIG_HOME"] = str(folder / "first-config")  # no profile yet
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    suffix = "" if scale in ("", "1") else f"-{scale}x"
    names = ("main-window-first-start", "dialog-mid-run", "dialog-errors-detail")
    paths = [DOCS / f"{name}{suffix}.png" for name in (*names, "main-window-accounts")]
    args = ["--store-dir", str(folder / "first")]
    settings = AppSettings(QSettings(str(folder / "first.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(build_parser().parse_args(args)), settings)
    await asyncio.sleep(0.3)
    window.grab().save(str(paths[0]))
    window.send_receive_all()
    controller, dialog = window.controller, window.dialog
    while controller.summary is None or controller.summary.finished < 3:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(paths[1]))
    while controller.last_summary is None:
        await asyncio.sleep(0.1)
    dialog.show_errors()
    model = controller.error_model
    failed = next(
        row for row in range(model.rowCount()) if "Tailspin" in model.entry(row).task.account
    )
    dialog.errors_view.selectRow(failed)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(paths[2]))
    dialog.hide()
    await asyncio.sleep(0.3)
    window.grab().save(str(paths[3]))
    window.close()
    return paths


async def shoot_calls(folder: Path) -> Path:
    """The Calls tab, in English, on a provider that calls ``Done`` twice."""
    args = [
        "--provider",
        "sendreceive.providers.faulty:DoneTwice",
        "--store-dir",
        str(folder / "calls"),
    ]
    settings = AppSettings(QSettings(str(folder / "calls.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(build_parser().parse_args(args)), settings)
    window.send_receive_all()
    controller, dialog = window.controller, window.dialog
    while controller.last_summary is None:
        await asyncio.sleep(0.05)
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(dialog.calls))
    dialog.select_task(0)
    while not dialog.calls.model.violation_rows():  # the process's trace, once it ended
        await asyncio.sleep(0.05)
    dialog.calls.next_violation()
    await asyncio.sleep(0.3)
    path = DOCS / "calls-view.png"
    dialog.grab().save(str(path))
    window.close()
    return path


async def shoot_errors(folder: Path) -> Path:
    """The Errors tab after the hostile catalogue, in German: the host's own findings
    translated, the providers' texts as they wrote them."""
    args = ["--profile", str(FAULTY), "--store-dir", str(folder / "faulty"), "--lang", "de"]
    settings = AppSettings(QSettings(str(folder / "faulty.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(build_parser().parse_args(args)), settings)
    window.send_receive_all()
    controller, dialog = window.controller, window.dialog
    while controller.last_summary is None:
        await asyncio.sleep(0.1)
    dialog.tabs.setCurrentIndex(1)
    dialog.resize(1100, 640)
    model = controller.error_model
    died = next(  # a process's death: the detail pane shows its whole translated line
        row
        for row in range(model.rowCount())
        if (found := model.entry(row).found) is not None and found.finding.name == "LAST_OUTPUT"
    )
    dialog.errors_view.selectRow(died)
    await asyncio.sleep(0.3)
    path = DOCS / "dialog-errors-de.png"
    dialog.grab().save(str(path))
    window.close()
    return path


async def shoot_accounts(folder: Path) -> list[Path]:
    """Tools ▸ Account Settings on a first start, and its IMAP + SMTP form filled in (an
    unchecked certificate, to show the warning). Nothing is saved."""
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # a fresh user: the demo's copy
    args = ["--store-dir", str(folder / "accounts")]
    settings = AppSettings(QSettings(str(folder / "accounts.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(build_parser().parse_args(args)), settings)
    dialog = window.account_settings()
    assert dialog is not None
    await asyncio.sleep(0.3)
    paths = [DOCS / "account-settings.png", DOCS / "account-form.png"]
    dialog.grab().save(str(paths[0]))
    form = dialog.new_mail_account()
    for field, text in (
        (form.name, "Work mail"),
        (form.address, "jane@example.org"),
        (form.username, "jane@example.org"),
        (form.password, "not a real one"),
        (form.incoming.host, "imap.example.org"),
        (form.outgoing.host, "smtp.example.org"),
    ):
        field.setText(text)
    form.outgoing.security.setCurrentIndex(1)  # STARTTLS: the port follows
    form.outgoing.verify.setChecked(False)
    await asyncio.sleep(0.3)
    form.grab().save(str(paths[1]))
    form.reject()
    window.close()
    return paths


STORE_MAIL = (  # (folder, sender, subject, date, flags, body)
    ("", "Ana Trujillo <ana@contoso.example>", "Quarterly figures",
     "Mon, 7 Dec 2026 09:12:00 +0100", "S",
     "Hello,\n\nthe figures for the quarter are attached.\n\nAna"),
    ("", "Build server <ci@contoso.example>", "Nightly build passed",
     "Mon, 7 Dec 2026 06:00:00 +0100", "", "All 2,314 tests passed."),
    ("", "Thomas Hardy <thomas@fabrikam.example>", "Re: Lunch on Friday?",
     "Fri, 4 Dec 2026 12:40:00 +0100", "RS", "Friday at noon works for me.\n\nThomas"),
    ("", "Hanna Moos <hanna@northwind.example>", "Shipping delayed",
     "Thu, 3 Dec 2026 16:05:00 +0100", "FS", "The shipment leaves on Monday instead of Friday."),
    (".Archive", "Ana Trujillo <ana@contoso.example>", "Budget 2026",
     "Tue, 1 Dec 2026 10:00:00 +0100", "S", "The budget, as agreed."),
)  # fmt: skip


def fill_store(root: Path) -> None:
    """Contoso's Maildir as an IMAP sync leaves it, and one sent message."""
    maildir = store_dir(root, "Contoso") / "Maildir"
    for n, (name, sender, subject, date, flags, body) in enumerate(STORE_MAIL):
        for sub in ("cur", "new", "tmp"):
            (maildir / name / sub).mkdir(parents=True, exist_ok=True)
        text = (
            f"From: {sender}\nTo: me@contoso.example\nSubject: {subject}\nDate: {date}\n\n{body}\n"
        )
        (maildir / name / "cur" / f"{1_800_000_000 - n}.M{n}.shot:2,{flags}").write_text(text)
    outbox = default_store(root)
    sent = outbox.queue(
        "Contoso",
        b"From: me@contoso.example\r\nTo: ana@contoso.example\r\n"
        b"Subject: Re: Quarterly figures\r\n\r\nThank you!\r\n",
    )
    outbox.mark_sent(sent.id)


async def shoot_store(folder: Path) -> Path:
    """View ▸ Store on Contoso's Inbox, a message selected."""
    os.environ["XDG_CONFIG_HOME"] = str(folder / "store-config")
    fill_store(folder / "store-shot")
    args = ["--store-dir", str(folder / "store-shot")]
    settings = AppSettings(QSettings(str(folder / "store.ini"), QSettings.Format.IniFormat))
    window = open_main_window(options_from_args(build_parser().parse_args(args)), settings)
    store = window.store_opener.open("Contoso")
    while store.model.rowCount() < 4:
        await asyncio.sleep(0.05)
    store.table.selectRow(0)
    await asyncio.sleep(0.5)  # the preview, read on its thread
    path = DOCS / "store-view.png"
    store.grab().save(str(path))
    store.close()
    window.close()
    return path


async def main(only: list[str]) -> None:
    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        if only == ["store"]:
            installed = Language(app, "en")  # English plural forms
            print(await shoot_store(Path(folder)))
            installed.remove()
            return
        installed = Language(app, "en")
        if only != ["first-start"]:
            for path in await shoot_accounts(Path(folder)):
                print(path)
        if only == ["accounts"]:
            return
        for path in await shoot_first_start(Path(folder)):
            print(path)
        installed.remove()
        if only == ["first-start"]:
            return
        for language in LANGUAGES:
            installed = Language(app, language)
            print(await shoot(language, Path(folder)))
            installed.remove()
        installed = Language(app, "en")  # English plural forms
        print(await shoot_calls(Path(folder)))
        print(await shoot_store(Path(folder)))
        installed.remove()
        installed = Language(app, "de")
        print(await shoot_errors(Path(folder)))
        installed.remove()


if __name__ == "__main__":
    qasync.run(main(sys.argv[1:]))
    sys.exit(0)
