from pathlib import Path

import pytest

from app.contract import SyncFlags
from app.profile import (
    ALL_ACCOUNTS,
    DEFAULT_FLAGS,
    ProfileError,
    load_default_profile,
    load_profile,
    parse_profile,
)


def problems(source: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return caught.value.lines()


def test_demo_profile_loads_with_groups():
    profile = load_default_profile()
    assert [a.name for a in profile.accounts] == [
        "Contoso",
        "Fabrikam",
        "Northwind",
        "Tailspin Toys",
        "Litware",
    ]
    assert profile.all_groups()[0].name == ALL_ACCOUNTS
    work = profile.group("Work")
    assert work.accounts == ("Contoso", "Fabrikam", "Northwind")
    assert work.every_minutes == 15
    assert profile.account("Fabrikam").settings == {"per_folder": 12}


def test_flags_by_name_number_and_default():
    profile = parse_profile(
        """
[[accounts]]
name = "A"
provider = "p"
flags = ["SYNC_UPLOAD_CONTENTS", "SYNC_HEADERS"]
[[accounts]]
name = "B"
provider = "p"
flags = 0x80
[[accounts]]
name = "C"
provider = "p"
"""
    )
    a, b, c = profile.accounts
    assert a.flags == SyncFlags.SYNC_UPLOAD_CONTENTS | SyncFlags.SYNC_HEADERS
    assert b.flags == SyncFlags.SYNC_DOWNLOAD_CONTENTS
    assert c.flags == DEFAULT_FLAGS
    assert a.task_name == "A - Sending" and b.task_name == "B - Receiving"


def test_syntax_error_names_file_line_and_column(tmp_path):
    (line,) = problems('[[accounts]]\nname = "A"\nprovider = \n', tmp_path)
    assert line.startswith(f"{tmp_path / 'broken.toml'}:3:")
    assert "TOML syntax error" in line


def test_unknown_key_gets_line_account_and_suggestion(tmp_path):
    (line,) = problems('[[accounts]]\nname = "Contoso"\nprovider = "p"\nprovdier = "x"\n', tmp_path)
    assert line == (
        f"{tmp_path / 'broken.toml'}:4: account 'Contoso': key 'provdier': unknown key "
        "(did you mean 'provider'?)"
    )


def test_all_problems_are_reported_at_once(tmp_path):
    lines = problems(
        """[[accounts]]
name = "A"
provider = "p"
flags = ["SYNC_DOWNLOAD_CONTENT"]

[[accounts]]
name = "A"
provider = 5

[[accounts]]
provider = "p"
settings = "x"

[[groups]]
name = "G"
accounts = ["B"]
every_minutes = -1
""",
        tmp_path,
    )
    text = "\n".join(lines)
    assert (
        ":4: account 'A': key 'flags': unknown flag 'SYNC_DOWNLOAD_CONTENT' "
        "(did you mean 'SYNC_DOWNLOAD_CONTENTS'?)" in text
    )
    assert ":8: account 'A': key 'provider': must be a non-empty string, got 5" in text
    assert "account '#3': key 'name': is required" in text
    assert ":12: account '#3': key 'settings': must be a table" in text
    assert ":16: key 'accounts': no account named 'B'" in text
    assert ":17: key 'every_minutes': must be a positive number of minutes" in text


def test_duplicate_account_names(tmp_path):
    lines = problems(
        '[[accounts]]\nname = "A"\nprovider = "p"\n[[accounts]]\nname = "A"\nprovider = "p"\n',
        tmp_path,
    )
    assert lines == [
        f"{tmp_path / 'broken.toml'}:5: account 'A': key 'name': duplicate account name 'A'"
    ]


def test_missing_file_is_a_profile_error(tmp_path):
    with pytest.raises(ProfileError, match="No such file"):
        load_profile(tmp_path / "nope.toml")


def test_isolation_and_process_limits(tmp_path):
    path = tmp_path / "isolated.toml"
    path.write_text(
        '[profile]\nisolation = "thread"\n\n'
        '[[accounts]]\nname = "A"\nprovider = "demo-fast"\nisolation = "process"\n'
        "memory_limit_mb = 256\nopen_files = 64\ncpu_seconds = 30\n\n"
        '[[accounts]]\nname = "B"\nprovider = "demo-fast"\n',
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.isolation == "thread"
    a, b = profile.accounts
    assert (a.isolation, dict(a.process_limits)) == (
        "process",
        {"memory_limit_mb": 256, "open_files": 64, "cpu_seconds": 30},
    )
    assert (b.isolation, dict(b.process_limits)) == (None, {})


def test_bad_isolation_and_limits_are_named(tmp_path):
    lines = problems(
        '[profile]\nisolation = "container"\n\n'
        '[[accounts]]\nname = "A"\nprovider = "demo-fast"\nisolation = 1\n'
        'memory_limit_mb = -5\ncpu_seconds = 1.5\nopen_files = "many"\n',
        tmp_path,
    )
    assert lines == [
        f"{tmp_path / 'broken.toml'}:2: key 'isolation': must be 'process' or 'thread', "
        "got 'container'",
        f"{tmp_path / 'broken.toml'}:7: account 'A': key 'isolation': must be 'process' or "
        "'thread', got 1",
        f"{tmp_path / 'broken.toml'}:8: account 'A': key 'memory_limit_mb': must be a positive "
        "whole number",
        f"{tmp_path / 'broken.toml'}:10: account 'A': key 'open_files': must be a positive "
        "whole number",
        f"{tmp_path / 'broken.toml'}:9: account 'A': key 'cpu_seconds': must be a positive "
        "whole number",
    ]
