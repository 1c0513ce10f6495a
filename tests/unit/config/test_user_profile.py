"""A profile of one's own: made from the demo on first start, in the user's config
folder, private, and never the bundled file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from helpers.installation import bundled_files

from sendreceive.config.profile import DEMO_PROFILE, load_demo_profile
from sendreceive.config.profile_editor import ProfileEditError, ProfileEditor
from sendreceive.config.user_profile import open_user_profile
from sendreceive.paths import default_profile_file


def test_the_first_start_makes_the_users_profile_from_the_demo() -> None:
    path = default_profile_file()
    assert str(path).startswith(os.environ["XDG_CONFIG_HOME"])
    assert not path.exists()

    first = open_user_profile()

    assert first.created
    assert first.profile.path == path
    assert first.profile.accounts == load_demo_profile().accounts
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text("utf-8")
    assert text.startswith("# Your Send/Receive Workbench profile")
    assert "bundled" not in text.splitlines()[0]


def test_later_starts_keep_what_the_user_changed() -> None:
    path = open_user_profile().profile.path
    assert path is not None
    editor = ProfileEditor(path)
    editor.set_enabled("Contoso", False)
    editor.save()

    again = open_user_profile()

    assert not again.created
    assert not again.profile.account("Contoso").enabled


def test_the_bundled_profile_is_never_written(tmp_path: Path) -> None:
    before = bundled_files()
    editor = ProfileEditor(DEMO_PROFILE)
    editor.set_enabled("Contoso", False)
    with pytest.raises(ProfileEditError, match="shipped with the app"):
        editor.save()
    assert bundled_files() == before


def test_a_link_to_the_bundled_profile_is_not_written_through(tmp_path: Path) -> None:
    before = bundled_files()
    link = tmp_path / "profile.toml"
    link.symlink_to(DEMO_PROFILE)
    editor = ProfileEditor(link)
    editor.set_enabled("Contoso", False)
    with pytest.raises(ProfileEditError, match="shipped with the app"):
        editor.save()
    assert bundled_files() == before
