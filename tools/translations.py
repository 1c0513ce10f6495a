"""Refresh and compile the GUI's translations: one command after any change to a
user-visible string in ``app/sendreceive/ui/`` or the core's catalogue of findings
(``app/sendreceive/tracking/findings.py``, ``rules.py``).

    python -m tools.translations            # lupdate the UI -> resources/translations/*.ts,
                                            # then lrelease -> *.qm (both committed)
    python -m tools.translations --check    # what is left to translate; exit 1 if any

New strings arrive in the ``.ts`` files as unfinished; translate them (Qt Linguist:
``pyside6-linguist resources/translations/sendreceive_de.ts``, or any editor), run the
command again, and commit the ``.ts`` and ``.qm`` files together. ``sendreceive_en.ts``
holds only the English plural forms (``%n``). The test suite runs ``--check``'s logic,
and fails naming each source string still to do.

Locations are left out of the ``.ts`` files (``-locations none``): a line moved in the
code then changes no translation file, so branches merge without conflicts there.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app" / "sendreceive" / "ui"
# The core's catalogue of findings, marked with QT_TRANSLATE_NOOP (sendreceive.languages)
CORE_SOURCES = tuple(
    ROOT / "app" / "sendreceive" / "tracking" / name for name in ("findings.py", "rules.py")
)
FOLDER = ROOT / "resources" / "translations"
CATALOG = "sendreceive"
LANGUAGES = ("de", "fr", "zh_CN")  # fully translated
SOURCE_LANGUAGE = "en"  # plural forms only


def tool(name: str) -> str:
    """``pyside6-lupdate`` beside this Python (a venv need not be activated)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def ts_file(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOG}_{language}.ts"


def sources() -> list[str]:
    return sorted(str(path) for path in (*SOURCES.glob("*.py"), *CORE_SOURCES))


def update(folder: Path = FOLDER) -> None:
    """Add the code's new strings to each ``.ts`` (as unfinished), drop vanished ones."""
    lupdate = tool("pyside6-lupdate")
    common = ["-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE]
    for language in (*LANGUAGES, SOURCE_LANGUAGE):
        extra = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
        subprocess.run(
            [
                lupdate,
                *common,
                *extra,
                "-target-language",
                language,
                *sources(),
                "-ts",
                str(ts_file(language, folder)),
            ],
            check=True,
            capture_output=True,
        )


def release(folder: Path = FOLDER, into: Path | None = None) -> list[Path]:
    """Compile each ``.ts`` to its ``.qm`` (beside it, or in ``into``)."""
    lrelease = tool("pyside6-lrelease")
    compiled = []
    for language in (*LANGUAGES, SOURCE_LANGUAGE):
        source = ts_file(language, folder)
        target = (into or folder) / source.with_suffix(".qm").name
        subprocess.run(
            [lrelease, "-silent", "-nounfinished", str(source), "-qm", str(target)],
            check=True,
        )
        compiled.append(target)
    return compiled


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    forms: tuple[str, ...]  # the translation, or its plural forms
    finished: bool

    def __str__(self) -> str:
        comment = f" ({self.comment})" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment}"


def messages(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            found.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    numerus,
                    forms,
                    translation.get("type") not in ("unfinished", "vanished", "obsolete")
                    and all(forms),
                )
            )
    return found


def unfinished(folder: Path = FOLDER) -> dict[str, list[Message]]:
    """Per language, the messages still to translate."""
    return {
        language: [m for m in messages(ts_file(language, folder)) if not m.finished]
        for language in (*LANGUAGES, SOURCE_LANGUAGE)
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list what is left to do")
    args = parser.parse_args()
    if not args.check:
        update()
    todo = unfinished()
    for language, left in todo.items():
        for message in left:
            print(f"{ts_file(language).name}: unfinished: {message}")
    if not args.check:
        release()  # unfinished entries are left out of the .qm: English shows there
    return 1 if any(todo.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
