"""Command-line input read as a user means it: --set values as TOML, limits in words."""

from __future__ import annotations

import pytest

from sendreceive import languages
from sendreceive.cli import build_parser, main, options_from_args, parse_settings


@pytest.mark.parametrize(
    ("pair", "value"),
    [
        ("count=40", 40),
        ("ratio=0.5", 0.5),
        ("verbose=true", True),
        ('name="x y"', "x y"),
        ("name=plain text", "plain text"),
        ('folders=["INBOX", "Sent"]', ["INBOX", "Sent"]),
        ("empty=", ""),
    ],
)
def test_set_reads_its_value_as_toml_else_as_text(pair, value):
    key = pair.partition("=")[0]
    assert parse_settings([pair]) == {key: value}
    assert type(parse_settings([pair])[key]) is type(value)


def test_set_without_a_key_says_what_it_expects():
    with pytest.raises(ValueError, match="--set expects KEY=VALUE, got 'count'"):
        parse_settings(["count"])


def test_set_with_a_name_reaches_only_that_provider():
    args = build_parser().parse_args(
        ["--provider", "demo-fast", "--provider", "demo-warnings",
         "--set", "delay=0.01", "--set", "demo-fast.messages=3",
         "--set", "demo-warnings.messages=7"]
    )  # fmt: skip
    accounts = {a.name: a.settings for a in options_from_args(args).profile.accounts}
    assert accounts == {
        "demo-fast": {"delay": 0.01, "messages": 3},
        "demo-warnings": {"delay": 0.01, "messages": 7},
    }


def test_set_aimed_at_no_account_is_refused():
    args = build_parser().parse_args(["--provider", "demo-fast", "--set", "demo.messages=3"])
    refused = r"--set demo\.messages: no --provider account named 'demo'"
    with pytest.raises(ValueError, match=refused):
        options_from_args(args)


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("--stall-timeout", "must be a number of seconds greater than 0"),
        ("--max-parallel", "must be a whole number of tasks from 1 to 1024"),
    ],
)
def test_bad_limits_are_refused_in_plain_words(capsys, option, words):
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args([option, "abc"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: {words}" in err
    assert "invalid" not in err


@pytest.mark.parametrize(
    ("given", "chosen"),
    [("de", "de"), ("de_AT", "de"), ("fr-FR", "fr"), ("zh-CN", "zh_CN"), ("zh", "zh_CN")],
)
def test_lang_takes_a_language_as_people_write_it(given, chosen):
    options = options_from_args(build_parser().parse_args(["--lang", given]))
    assert options.language == chosen


def test_an_unknown_lang_names_the_languages_there_are(capsys):
    code = main(["--lang", "xx", "--headless"])
    assert code == 2
    assert "--lang xx: no such language (available: de, en, fr, zh_CN)" in capsys.readouterr().err


def test_systems_languages_find_the_shipped_ones():
    assert languages.match(["en-US", "de-DE"]) == "en"
    assert languages.match(["pt-BR", "zh-Hans-CN", "fr"]) == "zh_CN"
    assert languages.match(["zh-Hant-TW", "fr-CA"]) == "fr"
    assert languages.match(["pt-BR"]) is None
