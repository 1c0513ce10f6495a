"""Server folder names -> local Maildir++ names, and the flag merge without a base."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendreceive.providers.imap.flags import merge
from sendreceive.providers.imap.maildir_store import folder_dir_name

DELIMITERS = st.sampled_from(["/", ".", "\\", None])
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)


@given(ANY_TEXT, DELIMITERS)
def test_a_local_name_is_always_one_safe_file_name(name: str, delimiter: str | None) -> None:
    local = folder_dir_name(name, delimiter)
    if name.upper() == "INBOX":
        assert local == ""
        return
    assert local not in ("", ".", "..")
    assert "/" not in local and "\0" not in local
    assert local.isprintable()
    assert len(("." + local).encode()) <= 255
    local.encode("utf-8")  # no lone surrogate reaches the file system


@given(st.lists(st.text(max_size=20), min_size=1, max_size=4), st.lists(st.text(max_size=20)))
def test_different_folder_paths_never_share_a_local_name(
    first: list[str], second: list[str]
) -> None:
    if first != second and second and not any("/" in part for part in first + second):
        one, other = "/".join(first), "/".join(second)
        if "INBOX" not in (one.upper(), other.upper()):
            assert folder_dir_name(one, "/") != folder_dir_name(other, "/")


@pytest.mark.parametrize(
    ("name", "delimiter"),
    [("/", "/"), (".", "."), ("", "/"), ("\x00", "/"), ("\ud800", "/"), ("..", None)],
)
def test_names_that_used_to_escape_the_maildir(name: str, delimiter: str) -> None:
    local = folder_dir_name(name, delimiter)
    assert local and "." + local not in (".", "..") and local.encode()


def test_the_everyday_layout_is_unchanged() -> None:
    assert folder_dir_name("Projekte/2024/Q1", "/") == "Projekte.2024.Q1"
    assert folder_dir_name("v1.2", "/") == "v1%2E2"
    assert folder_dir_name("Entwürfe", ".") == "Entwürfe"


def test_a_long_name_is_shortened_stably_and_uniquely() -> None:
    first = "/".join(["x" * 60] * 5)
    second = first[:-1] + "y"
    assert folder_dir_name(first, "/") == folder_dir_name(first, "/")
    assert folder_dir_name(first, "/") != folder_dir_name(second, "/")
    assert folder_dir_name(first, "/").startswith("x" * 60 + ".")


@pytest.mark.parametrize(
    ("local", "server", "expected"),
    [
        ("S", "", ("S", "S", "S")),  # marked read here: sent up, not undone
        ("", "F", ("F", "F", "F")),  # flagged there: comes down
        ("SP", "S", ("SP", "S", "S")),  # agreed; local-only letters kept
        ("T", "", ("T", "", None)),  # a lone local trash mark is held
        ("", "T", ("T", "T", "T")),  # the server's own mark is harmless here
    ],
)
def test_merge_without_a_base_combines_and_holds_trash(
    local: str, server: str, expected: tuple[str, str, str | None]
) -> None:
    outcome = merge(None, local, server, upload=True, download=True)
    assert (outcome.local, outcome.server, outcome.base) == expected


def test_merge_without_a_base_changes_nothing_when_a_direction_is_off() -> None:
    outcome = merge(None, "S", "F", upload=False, download=True)
    assert (outcome.local, outcome.server, outcome.base) == ("S", "F", None)
