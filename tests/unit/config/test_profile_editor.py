"""Group and account edits written back to a commented profile: comments kept, broken
edits refused with the file untouched, the previous file kept as a backup."""

from __future__ import annotations

import os
import stat

import pytest

from sendreceive.config.profile import ALL_ACCOUNTS, Group, ProfileError, load_profile
from sendreceive.config.profile_editor import ProfileChangedError, ProfileEditError, ProfileEditor

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


INLINE = """\
accounts = [
  {name = "A", provider = "demo-fast"},  # the first
  {name = "B", provider = "demo-fast"},
]
groups = [{name = "G", accounts = ["A"]}]  # one group
"""


def test_inline_arrays_of_tables_are_edited_in_place(tmp_path):
    """Before: adding a group dropped the inline ones; an inline account could not be
    switched off ("could not be changed: 'B'")."""
    path = tmp_path / "p.toml"
    path.write_text(INLINE)
    editor = ProfileEditor(path)
    editor.set_group(Group("New", ("A", "B")))
    editor.set_enabled("B", False)
    editor.save()
    text = path.read_text()
    assert "# the first" in text and "# one group" in text
    saved = load_profile(path)
    assert [g.name for g in saved.groups] == ["G", "New"]
    assert not saved.account("B").enabled
    editor = ProfileEditor(path)
    editor.delete_group("G")
    editor.save()
    assert [g.name for g in load_profile(path).groups] == ["New"]


def test_a_multi_line_array_changes_item_by_item_keeping_its_comments(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(COMMENTED.replace('accounts = ["A"]', 'accounts = [\n  "A",  # early\n]'))
    editor = ProfileEditor(path)
    editor.set_group(Group("Morning", ("A", "B"), 15.0))
    editor.save()
    assert '  "A",  # early\n  "B",\n]' in path.read_text()


def test_crlf_and_a_byte_order_mark_are_kept(tmp_path):
    """Before: CRLF became LF, and a BOM was refused as a TOML syntax error."""
    path = tmp_path / "p.toml"
    original = b"\xef\xbb\xbf" + COMMENTED.replace("\n", "\r\n").encode()
    path.write_bytes(original)
    editor = ProfileEditor(path)
    editor.set_group(Group("Evening", ("B",)))
    editor.save()
    written = path.read_bytes()
    assert written.startswith(original) and b"\n" not in written.replace(b"\r\n", b"")
    assert load_profile(path).group("Evening").accounts == ("B",)


def test_content_decides_whether_the_file_changed_not_its_time(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(COMMENTED)
    shown = load_profile(path)  # what the window shows
    os.utime(path, (0, 0))  # touched: the same text
    editor = ProfileEditor(path, loaded=shown)
    editor.set_enabled("B", False)
    editor.save()
    before = os.stat(path)
    path.write_text(path.read_text().replace("few", "many"))  # same size, time put back
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    editor.set_enabled("B", True)
    with pytest.raises(ProfileChangedError):
        editor.save()
    edited = path.read_text()
    path.write_text(edited.replace("# many", "# changed before the dialog saved"))
    late = ProfileEditor(path, loaded=shown)  # opened now, but the user saw the old text
    late.set_enabled("A", False)
    with pytest.raises(ProfileChangedError):
        late.save()


def test_a_symlink_is_written_through_and_the_backup_keeps_the_mode(tmp_path):
    target = tmp_path / "real.toml"
    target.write_text(COMMENTED)
    target.chmod(0o600)  # it may hold passwords
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    editor = ProfileEditor(link)
    editor.set_enabled("B", False)
    editor.save()
    assert link.is_symlink() and not load_profile(target).account("B").enabled
    backup = tmp_path / "real.toml.bak"
    assert backup.read_text() == COMMENTED
    assert stat.S_IMODE(backup.stat().st_mode) == stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_read_only_profile_is_refused(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(COMMENTED)
    path.chmod(0o444)
    editor = ProfileEditor(path)
    editor.set_enabled("B", False)
    with pytest.raises(ProfileEditError, match="is read-only; nothing was written"):
        editor.save()
    assert path.read_text() == COMMENTED and not (tmp_path / "p.toml.bak").exists()
