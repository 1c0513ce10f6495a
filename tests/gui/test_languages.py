"""The window and the dialog in German, French and Simplified Chinese: a whole demo run
and the hostile catalogue, and no English left in what the user sees (but the providers'
own texts)."""

from __future__ import annotations

import re

import pytest
from helpers.gui_waits import wait_for_run_end
from helpers.hostile import LIMITS, PROFILE, keep_stdio
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTableView

from sendreceive.providers.faulty import wake_hung_providers
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind
from sendreceive.tracking.findings import Finding, Found
from sendreceive.ui.account_model import AccountColumn, AccountTableModel
from sendreceive.ui.calls_model import CallColumn, CallFilter
from sendreceive.ui.error_model import ErrorColumn, ErrorTableModel
from sendreceive.ui.main_window import MainWindow
from sendreceive.ui.outbox_view import OutboxColumn, OutboxModel
from sendreceive.ui.task_model import TaskColumn, TaskTableModel
from sendreceive.ui.wording import number, translate, words
from tools.translations import messages, ts_file

EXPECTED = {
    "de": {
        "header": "3 von 5 Aufgaben wurden erfolgreich abgeschlossen – 1 mit Fehlern, "
        "1 fehlgeschlagen",
        "failed": "Fehlgeschlagen: 0x80040111 (MAPI_E_LOGON_FAILED)",
        "with errors": "Mit 1 Fehler abgeschlossen",
        "completed": "Abgeschlossen",
        "task": "Tailspin Toys - Empfangen",
        "tabs": ["Aufgaben", "Fehler (2) und Warnungen (1)"],
        "buttons": ["&Alle abbrechen", "<< &Details", "Aufgabe a&bbrechen", "K&opieren"],
        "status bar": "Übermitteln/Empfangen fehlgeschlagen: 1 Aufgabe fehlgeschlagen, 2 Fehler, "
        "1 Warnung",
        "title": "Übermitteln/Empfangen-Status",
        "thousands": "1.234.567 Fehler",
    },
    "fr": {
        "header": "3 tâches sur 5 se sont terminées correctement — 1 avec des erreurs, 1 en échec",
        "failed": "Échec : 0x80040111 (MAPI_E_LOGON_FAILED)",
        "with errors": "Terminé avec 1 erreur",
        "completed": "Terminé",
        "task": "Tailspin Toys - Réception",
        "tabs": ["Tâches", "Erreurs (2) et avertissements (1)"],
        "buttons": ["&Annuler tout", "<< &Détails", "Annuler la &tâche", "C&opier"],
        "status bar": "Échec de l'envoi/réception : 1 tâche en échec, 2 erreurs, 1 avertissement",
        "title": "Progression de l'envoi/réception",
        "thousands": "1\u202f234\u202f567 erreurs",
    },
    "zh_CN": {
        "header": "5 个任务中已有 3 个成功完成 — 1 个有错误，1 个失败",
        "failed": "失败：0x80040111 (MAPI_E_LOGON_FAILED)",
        "with errors": "已完成，但有 1 个错误",
        "completed": "已完成",
        "task": "Tailspin Toys - 接收",
        "tabs": ["任务", "错误(2)和警告(1)"],
        "buttons": ["全部取消(&C)", "<< 详细信息(&D)", "取消任务(&T)", "复制(&O)"],
        "status bar": "发送/接收失败：1 个任务失败，2 个错误，1 个警告",
        "title": "发送/接收进度",
        "thousands": "1,234,567 个错误",
    },
}

PROVIDER_COLUMNS = {  # what providers and profiles say, in their own words
    TaskTableModel: {TaskColumn.PROGRESS},
    CallFilter: set(CallColumn),  # contract names, threads, arguments, HRESULTs
    ErrorTableModel: {ErrorColumn.MESSAGE},
    AccountTableModel: {AccountColumn.NAME, AccountColumn.FIRST_ERROR},
    OutboxModel: {OutboxColumn.ACCOUNT, OutboxColumn.RECIPIENTS, OutboxColumn.SUBJECT},
}


def english_words(language: str) -> re.Pattern[str]:
    """Every English word of a source string its translation does not keep (``Details``
    is German too), as one pattern: what must not appear once translated."""
    found: set[str] = set()
    for message in messages(ts_file(language)):
        if message.source in message.forms:
            continue
        literal = re.sub(r"%L?n|%[1-9]|&", " ", message.source)
        found.update(w for w in re.findall(r"[A-Za-z][A-Za-z/']{2,}", literal))
    kept = {w for m in messages(ts_file(language)) for f in m.forms for w in re.findall(r"\w+", f)}
    return re.compile(r"\b(" + "|".join(sorted(found - kept)) + r")\b")


def visible_texts(window: MainWindow) -> list[str]:
    """What the user reads in the window and the dialog, the providers' texts aside."""
    dialog = window.dialog
    texts = [window.windowTitle(), dialog.windowTitle(), window.status_label.text()]
    for top in (window, dialog):
        texts += [w.text() for w in top.findChildren(QLabel) if w.isVisible()]
        texts += [w.text() for w in top.findChildren(QAbstractButton) if w.isVisible()]
        for view in top.findChildren(QTableView):
            model = view.model()
            for column in range(model.columnCount()):
                texts.append(model.headerData(column, Qt.Orientation.Horizontal))
                if column in PROVIDER_COLUMNS[type(model)]:
                    continue
                for row in range(model.rowCount()):
                    texts.append(model.index(row, column).data() or "")
    texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    for menu in window.menuBar().findChildren(QMenu):
        texts += [action.text() for action in menu.actions()]
    texts += [dialog.runs.itemText(i) for i in range(dialog.runs.count())]
    groups = {g.name for g in window.profile.groups}  # the profile's own words
    return [
        text.replace("Send/Receive Workbench", "") for text in texts if text and text not in groups
    ]


@pytest.mark.parametrize("language", list(EXPECTED))
def test_a_whole_run_in_the_language(qtbot, make_window, language):
    expected = EXPECTED[language]
    window = make_window("--lang", language, "--run")
    wait_for_run_end(qtbot, window)
    dialog = window.dialog
    assert dialog.header.text() == expected["header"]
    assert dialog.windowTitle() == expected["title"]
    tasks = window.controller.task_model
    statuses = {
        tasks.index(row, TaskColumn.NAME).data(): tasks.index(row, TaskColumn.STATUS).data()
        for row in range(tasks.rowCount())
    }
    assert statuses[expected["task"]] == expected["failed"]
    assert expected["with errors"] in statuses.values()
    assert expected["completed"] in statuses.values()
    assert [dialog.tabs.tabText(i) for i in range(2)] == expected["tabs"]
    buttons = [dialog.cancel_all_button, dialog.details_button, dialog.cancel_task_button]
    assert [b.text() for b in (*buttons, dialog.copy_button)] == expected["buttons"]
    assert window.status_label.text() == expected["status bar"]
    assert words.errors(1_234_567) == expected["thousands"]  # the locale's digits

    english = english_words(language)
    left = [text for text in visible_texts(window) if english.search(text)]
    assert not left, f"English left in the {language} window: {left}"


def test_numbers_times_and_standard_buttons_follow_the_language(install_language):
    german = install_language("de")
    assert len(german.translators) == 2  # Qt's own (qtbase_de.qm) and the app's
    assert QCoreApplication.translate("QPlatformTheme", "Close") == "Schließen"
    assert number(1234) == "1.234"
    assert words.duration(3725) == "1 Std. 02 Min."
    assert words.percent(0.241) == "24 %"


HOSTILE_MODE = {"de": "process", "fr": "thread", "zh_CN": "process"}  # both, and fast
_WORD = re.compile(r"[A-Za-z]{3,}")
# Each finding's English as a pattern: a line without an id that matches one is the host's.
_HOST_SENTENCES = [
    re.compile(
        ".*".join(
            re.escape(part) for part in re.split(r"%[1-9]", Found(f, ("",) * f.arity).english)
        ),
        re.S,
    )
    for f in Finding
]


def fixed_english(found: Found) -> set[str]:
    """The English words of a finding's own words (its template, rule and what, nested
    findings too) that its translation does not keep, e.g. ``raised`` but not
    ``SynchronizeInBackground``; the provider's values in it are not the host's words."""
    finding = found.finding
    pairs = [(finding.template, translate("Finding", finding.template))]
    if finding.rule is not None and finding.what is not None:
        pairs += [(finding.rule.label, words.rule(finding.rule))]
        pairs += [(finding.what, translate("Violation", finding.what))]
    found_words = set()
    for english, translated in pairs:
        kept = {word.lower() for word in _WORD.findall(translated)}
        found_words |= {w for w in _WORD.findall(english) if w.lower() not in kept}
    for value in found.args:
        if isinstance(value, Found):
            found_words |= fixed_english(value)
    return found_words


def provider_values(found: Found) -> list[str]:
    """The texts in a finding that are shown as they are, longest first."""
    values = []
    for value in found.args:
        values += provider_values(value) if isinstance(value, Found) else [str(value)]
    return sorted(values, key=len, reverse=True)


def english_left(entry: ErrorEntry, shown: str) -> str | None:
    """Why ``shown``, the GUI's line for ``entry``, is an English host sentence, if it is."""
    if entry.found is None:
        if entry.kind is ErrorKind.VIOLATION or any(p.fullmatch(shown) for p in _HOST_SENTENCES):
            return "the host's words without an id"
        return None  # the provider's own text
    if shown == entry.text:
        return "left in English"
    for value in provider_values(entry.found):
        shown = shown.replace(value, " ")
    left = {w for w in _WORD.findall(shown)} & fixed_english(entry.found)
    return f"English words {sorted(left)}" if left else None


@pytest.mark.parametrize("language", list(EXPECTED))
def test_the_hostile_catalogue_shows_no_english_host_sentence(qtbot, make_window, language):
    """Not responding, time limits, a process's death, load errors, every contract rule
    broken: in the Errors tab, the account list and the status bar, in the language."""
    mode = HOSTILE_MODE[language]
    window = make_window(
        "--lang", language, "--profile", str(PROFILE), "--isolation", mode, limits=LIMITS
    )
    try:
        with keep_stdio():
            window.send_receive_all_action.trigger()
            wait_for_run_end(qtbot, window, timeout=30_000)
    finally:
        wake_hung_providers()
    model = window.controller.error_model
    rows = [
        (model.entry(row), model.index(row, ErrorColumn.MESSAGE).data())
        for row in range(model.rowCount())
    ]
    found = [entry.found for entry, _ in rows if entry.found is not None]
    assert len(found) > 40 and any(f.finding.rule is not None for f in found)
    assert any(f.finding is Finding.NOT_RESPONDING for f in found)
    left = [f"{shown!r}: {why}" for entry, shown in rows if (why := english_left(entry, shown))]

    accounts = window.accounts_model
    firsts = {}
    for entry, _ in rows:  # what the account list shows: each account's first error
        if entry.kind is not ErrorKind.WARNING:
            firsts.setdefault(entry.task.account, entry)
    for row in range(accounts.rowCount()):
        entry = firsts.get(accounts.account(row).name)
        if entry is not None:
            shown = accounts.index(row, AccountColumn.FIRST_ERROR).data()
            if why := english_left(entry, shown):
                left.append(f"account list {shown!r}: {why}")
    english = english_words(language)
    names = sorted((a.name for a in window.profile.accounts), key=len, reverse=True)
    for text in visible_texts(window):  # the status bar, the account list's statuses…
        for name in names:  # the profile's own words
            text = text.replace(name, " ")
        if english.search(text):
            left.append(f"{text!r}: English")
    assert not left, f"English host sentences in the {language} window:\n" + "\n".join(left)
