"""Group and account edits written back to a commented profile: comments kept, broken
edits refused with the file untouched, the previous file kept as a backup."""

from __future__ import annotations

import pytest

from sendreceive.config.profile import ALL_ACCOUNTS, Group, ProfileError, load_profile
from sendreceive.config.profile_editor import ProfileChangedError, ProfileEditor

COMMENTED = """\
# My mail  — keep this comment
[profile]
name = "Home"  # the profile's name

[[accounts]]
name = "A"  # first account
provider = "demo-fast"
[accounts.settings]
messages = 3   # few

[[accounts]]
name = "B"
provider = "demo-fast"

# A group with a comment above it
[[groups]]
name = "Morning"   # runs early
accounts = ["A"]
every_minutes = 15
"""


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(COMMENTED)
    return path


def test_group_edits_round_trip_and_keep_every_comment(profile):
    editor = ProfileEditor(profile)
    editor.set_group(
        Group("Daytime", ("A", "B"), 30.0, True, send_only=frozenset({"B"})), old_name="Morning"
    )
    editor.set_group(Group("Evening", ("B",), None))
    editor.set_group(Group(ALL_ACCOUNTS, (), 60.0, send_receive_all=False))
    editor.set_enabled("B", False)
    saved = editor.save()
    text = profile.read_text()
    for comment in ("# My mail  — keep this comment", "# the profile's name", "# first account",
                    "# few", "# A group with a comment above it", "# runs early"):  # fmt: skip
        assert comment in text
    again = load_profile(profile)
    assert again == saved
    daytime = again.group("Daytime")
    assert daytime.accounts == ("A", "B") and daytime.every_minutes == 30
    assert daytime.send_receive_all and daytime.parts("B") == (True, False)
    assert again.group("Evening").every_minutes is None
    everyone = again.group(ALL_ACCOUNTS)
    assert everyone.accounts == ("A",)  # B is disabled now
    assert everyone.every_minutes == 60 and not everyone.send_receive_all
    assert not again.account("B").enabled
    assert (profile.parent / "p.toml.bak").read_text() == COMMENTED

    editor = ProfileEditor(profile)
    editor.delete_group("Evening")
    editor.set_enabled("B", True)
    editor.save()
    again = load_profile(profile)
    assert [g.name for g in again.groups] == ["Daytime", ALL_ACCOUNTS]
    assert again.account("B").enabled and "enabled" not in profile.read_text()


def test_a_broken_edit_is_refused_and_the_file_is_untouched(profile):
    editor = ProfileEditor(profile)
    editor.set_group(Group("Morning", ("Nobody",)))
    with pytest.raises(ProfileError, match="no account named 'Nobody'"):
        editor.save()
    assert profile.read_text() == COMMENTED
    assert not (profile.parent / "p.toml.bak").exists()


def test_a_file_changed_meanwhile_is_not_overwritten(profile):
    editor = ProfileEditor(profile)
    editor.set_group(Group("New", ("A",)))
    profile.write_text(COMMENTED + "\n# edited elsewhere\n")
    with pytest.raises(ProfileChangedError):
        editor.save()
    assert profile.read_text().endswith("# edited elsewhere\n")
