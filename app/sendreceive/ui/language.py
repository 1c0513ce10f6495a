"""The GUI's language: chosen at start-up (``--lang``, else the View ▸ Language choice,
else the system's), then Qt's own translations (``qtbase_*.qm``, for standard buttons
and dialogs) and the app's are installed and ``QLocale``'s default is set, so numbers,
dates and times follow it too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sendreceive import languages
from sendreceive.bundled import resource


def choose(requested: str | None, remembered: str | None) -> str:
    """``requested`` (``--lang``, already checked) wins, then the remembered choice, then
    the first of the system's UI languages that ships, else English."""
    for code in (requested, remembered):
        if code and code in languages.available():
            return code
    return languages.match(QLocale.system().uiLanguages()) or languages.SOURCE_LANGUAGE


class Language:
    """The translators installed for one language; ``remove()`` takes them out again
    (tests switch languages within one process)."""

    def __init__(self, app: QCoreApplication, code: str) -> None:
        self.code = code
        self._app = app
        self._previous_locale = QLocale()
        QLocale.setDefault(QLocale(code))
        self.translators: list[QTranslator] = []
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        app_folder = str(resource(languages.TRANSLATIONS))
        # Qt's own first: where a text is in both, the app's (installed last) wins.
        for catalog, folder in (("qtbase", qt_folder), (languages.CATALOG, app_folder)):
            translator = QTranslator(app)
            if translator.load(f"{catalog}_{code}", folder):
                app.installTranslator(translator)
                self.translators.append(translator)

    def remove(self) -> None:
        for translator in self.translators:
            self._app.removeTranslator(translator)
        self.translators.clear()
        QLocale.setDefault(self._previous_locale)


def native_name(code: str) -> str:
    """``Deutsch``, ``Français``, ``简体中文``: a language as its speakers name it."""
    if code == languages.SOURCE_LANGUAGE:
        return "English"  # QLocale says "American English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:]
