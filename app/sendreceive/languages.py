"""The languages the GUI ships, found from its compiled translations; Qt-free, so the
command line can check ``--lang`` before any window (the headless output is English)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sendreceive.bundled import resource

SOURCE_LANGUAGE = "en"
TRANSLATIONS = "translations"  # under the bundled resources: sendreceive_<code>.qm
CATALOG = "sendreceive"


def available() -> list[str]:
    """``["de", "en", "fr", "zh_CN"]``: English and every shipped translation."""
    found = {path.stem.removeprefix(CATALOG + "_") for path in translation_files()}
    return sorted(found | {SOURCE_LANGUAGE})


def translation_files() -> list[Path]:
    return sorted(resource(TRANSLATIONS).glob(f"{CATALOG}_*.qm"))


def match(codes: Iterable[str]) -> str | None:
    """The first shipped language among ``codes`` (``de-DE``, ``zh_Hans_CN``, ``fr``…,
    best first, as a locale lists them); a region or script falls back to the language."""
    shipped = available()
    for code in codes:
        parts = code.replace("-", "_").split("_")
        language = parts[0].lower()
        candidates = [code.replace("-", "_")]
        if language == "zh" and not {"Hant", "TW", "HK", "MO"} & set(parts):
            candidates.append("zh_CN")  # Simplified Chinese, unless the code says otherwise
        candidates.append(language)
        for candidate in candidates:
            if candidate in shipped:
                return candidate
    return None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Mark ``text`` for Qt Linguist in the Qt-free core: ``lupdate`` also reads the
    core's catalogue of findings (``tools.translations``), so the English stays in one
    place and the GUI translates it with ``QCoreApplication.translate(context, text)``."""
    return text
