"""The translations are complete, match the code and are compiled: each failure names
the strings to translate, and ``python -m tools.translations`` is the fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tools.translations import (
    FOLDER,
    LANGUAGES,
    SOURCE_LANGUAGE,
    Message,
    messages,
    release,
    ts_file,
    unfinished,
    update,
)

ALL = (*LANGUAGES, SOURCE_LANGUAGE)
FORMS = {"de": 2, "fr": 2, "zh_CN": 1, "en": 2}  # Qt's plural rules for each
FIX = "translate them in resources/translations/*.ts, then run: python -m tools.translations"


def _key(message: Message) -> tuple[str, str, str]:
    return (message.context, message.source, message.comment)


def test_every_string_is_translated():
    left = [f"{language}: {m}" for language, todo in unfinished().items() for m in todo]
    assert not left, "unfinished translations (" + FIX + "):\n" + "\n".join(left)


def test_the_code_has_no_string_the_translations_lack(tmp_path: Path):
    """lupdate run on the code now adds nothing: every user-visible string of app/ui is
    in every .ts file (and none is left there that the code no longer has)."""
    for language in ALL:
        shutil.copy(ts_file(language), tmp_path)
    update(tmp_path)
    for language in ALL:
        committed = {_key(m) for m in messages(ts_file(language))}
        fresh = {_key(m) for m in messages(ts_file(language, tmp_path))}
        new = sorted(fresh - committed)
        gone = sorted(committed - fresh)
        assert not new, f"{language}: strings not yet in the .ts ({FIX}): {new}"
        assert not gone, f"{language}: strings the code no longer has ({FIX}): {gone}"


def test_compiled_files_are_those_of_the_sources(tmp_path: Path):
    for compiled in release(into=tmp_path):
        committed = FOLDER / compiled.name
        assert committed.read_bytes() == compiled.read_bytes(), (
            f"{committed.name} is stale: run python -m tools.translations and commit it"
        )


_PLACEHOLDERS = re.compile(r"%L?n|%[1-9]")


@pytest.mark.parametrize("language", ALL)
def test_translations_keep_placeholders_mnemonics_and_plural_forms(language: str):
    problems = []
    for message in messages(ts_file(language)):
        wanted = sorted(_PLACEHOLDERS.findall(message.source))
        if message.numerus and len(message.forms) != FORMS[language]:
            problems.append(f"{message}: {len(message.forms)} plural forms")
        for form in message.forms:
            if sorted(_PLACEHOLDERS.findall(form)) != wanted:
                problems.append(f"{message}: placeholders of {form!r}")
            if message.source.count("&") != form.count("&"):
                problems.append(f"{message}: mnemonic of {form!r}")
    assert not problems, "\n".join(problems)


def test_only_english_plurals_are_in_the_english_file():
    english = messages(ts_file(SOURCE_LANGUAGE))
    assert english and all(m.numerus for m in english)
