"""Each account gets a store of its own, whatever its name."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendreceive.paths import resolve_path, store_dir, store_name


def test_names_that_share_a_slug_get_different_stores() -> None:
    names = ["Work mail", "Work/mail", "Work_mail", "work mail", "Work mail ", "Wörk mail"]
    assert len({store_name(name) for name in names}) == len(names)


def test_the_store_name_is_readable_and_stable_across_runs() -> None:
    # A fixed value: a store must be found again by the next version of the app.
    assert store_name("Work mail") == "Work_mail-8744f0c443a7"


@given(st.text(min_size=1, max_size=2000))
def test_any_name_gives_one_safe_folder_name(name: str) -> None:
    folder = store_name(name)
    assert folder not in ("", ".", "..")
    assert "/" not in folder and "\0" not in folder
    assert len(folder.encode("utf-8", "surrogatepass")) <= 255
    folder.encode("utf-8")  # no lone surrogate reaches the file system


@given(st.text(min_size=1, max_size=50), st.text(min_size=1, max_size=50))
def test_different_names_never_share_a_store(first: str, second: str) -> None:
    if first != second:
        assert store_name(first) != store_name(second)


def test_the_store_dir_is_absolute_whatever_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    directory = store_dir(Path("stores"), "Contoso")
    assert directory.is_absolute()
    assert directory.parent == tmp_path / "stores"


@pytest.mark.parametrize("below", [(), ("stores",), ("..", "x")])
def test_resolve_path_refuses_a_symlink_loop_on_every_python(
    tmp_path: Path, below: tuple[str, ...]
) -> None:
    # Python 3.13's resolve() no longer does: it returns the looping path as it is.
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(OSError, match=re.escape(os.strerror(errno.ELOOP))) as caught:
        resolve_path(tmp_path.joinpath("loop", *below))
    assert caught.value.errno == errno.ELOOP


def test_resolve_path_resolves_links_and_leaves_missing_parts(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "file").write_text("")
    assert resolve_path(tmp_path / "link" / "new" / ".." / "x") == (
        tmp_path.resolve() / "real" / "x"
    )
    assert resolve_path(tmp_path / "file" / "below") == tmp_path.resolve() / "file" / "below"
