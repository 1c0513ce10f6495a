import errno
import os
from pathlib import Path

import pytest

from sendreceive.config.profile import (
    ALL_ACCOUNTS,
    DEFAULT_FLAGS,
    MAX_PROFILE_BYTES,
    ProfileError,
    load_demo_profile,
    load_profile,
    parse_profile,
)
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import SyncFlags


def problems(source: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(source, encoding="utf-8")
    return refusal(path)


def refusal(path: Path) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return caught.value.lines()


def test_demo_profile_loads_with_groups():
    profile = load_demo_profile()
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
    assert a.task == TaskId("A", Activity.SYNCHRONIZING) and b.task == TaskId(
        "B", Activity.RECEIVING
    )


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
    assert (
        ":17: key 'every_minutes': must be a number of minutes greater than 0 and at most "
        "10080 (one week), got -1" in text
    )


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


# -- every number has a range (sendreceive.config.limits), checked with file:line


UP_TO_A_DAY = "a number of seconds greater than 0 and at most 86400 (one day)"
UP_TO_A_WEEK = "a number of seconds greater than 0 and at most 604800 (one week)"
TASKS = "a whole number of tasks from 1 to 1024"


@pytest.mark.parametrize(
    ("key", "rule", "values"),
    [
        ("stall_timeout", UP_TO_A_DAY, ["nan", "inf", "0", "86400.5", "9" * 30, "9" * 400]),
        ("cancel_grace", UP_TO_A_DAY, ["nan", "-inf", "0", "-1"]),
        ("task_timeout", UP_TO_A_WEEK, ["nan", "inf", "604801"]),
        ("max_parallel", TASKS, ["0", "1025", "2.0", "true", '"4"']),
    ],
)
def test_run_limits_out_of_range_are_refused_with_file_and_line(tmp_path, key, rule, values):
    for value in values:
        (line,) = problems(f'[profile]\nname = "P"\n{key} = {value}\n', tmp_path)
        assert line.startswith(f"{tmp_path / 'broken.toml'}:3: key '{key}': must be {rule}, got ")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "10081", "40000", "1e400"])
def test_every_minutes_out_of_range_is_refused(tmp_path, value):
    (line,) = problems(
        f'[[accounts]]\nname = "A"\nprovider = "p"\n[[groups]]\nname = "G"\n'
        f'accounts = ["A"]\nevery_minutes = {value}\n',
        tmp_path,
    )
    assert line.startswith(
        f"{tmp_path / 'broken.toml'}:7: key 'every_minutes': must be a number of minutes "
        "greater than 0 and at most 10080 (one week), got "
    )


def test_limits_at_their_maximum_are_accepted():
    profile = parse_profile(
        "[profile]\nmax_parallel = 1024\nstall_timeout = 86400\ncancel_grace = 86400.0\n"
        'task_timeout = 604800\n[[accounts]]\nname = "A"\nprovider = "p"\n'
        '[[groups]]\nname = "G"\naccounts = ["A"]\nevery_minutes = 10080\n'
    )
    assert profile.limits == {
        "max_parallel": 1024,
        "stall_timeout": 86400,
        "cancel_grace": 86400.0,
        "task_timeout": 604800,
    }
    assert profile.group("G").every_minutes == 10080


# -- store_dir


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"~nosuchuser/x"', "cannot expand '~nosuchuser': no such user, or no home directory"),
        ('"a\\u0000b"', "must not contain a NUL character"),
    ],
)
def test_unusable_store_dir_is_a_profile_problem(tmp_path, value, message):
    (line,) = problems(f'[profile]\nname = "P"\nstore_dir = {value}\n', tmp_path)
    assert line == f"{tmp_path / 'broken.toml'}:3: key 'store_dir': {message}"


def test_store_dir_symlink_loop_is_a_profile_problem(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (line,) = problems('[profile]\nstore_dir = "loop/stores"\n', tmp_path)
    loop = OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(tmp_path / "loop" / "stores"))
    assert line == f"{tmp_path / 'broken.toml'}:2: key 'store_dir': is not a usable path ({loop})"


def test_store_dir_is_relative_to_the_profile(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[profile]\nstore_dir = "stores"\n', encoding="utf-8")
    assert load_profile(path).store_dir == tmp_path.resolve() / "stores"


# -- what is read as a profile


def make_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "profile.toml")
    return folder / "profile.toml"


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (make_fifo, "is a FIFO (named pipe)"),  # before: open() waited for a writer
        (lambda _: Path("/dev/zero"), "is a character device"),  # before: read to 2 GB
        (lambda folder: folder, "is a directory"),
    ],
)
def test_what_is_not_a_regular_file_is_refused_unread(tmp_path, make, kind):
    path = make(tmp_path)
    assert refusal(path) == [f"{path}: {kind}, not a profile: give the path of a TOML file"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        # The NUL's reason is the app's own words, the same on every Python (Python's
        # own wording changed in 3.13); the surrogate's is the codec's, stable.
        ("a\0b", "(it contains a NUL character)"),
        ("a\ud800b", "surrogates not allowed)"),
    ],
)
def test_a_path_no_file_can_have_is_refused(tmp_path, name, reason):
    (line,) = refusal(tmp_path / name)
    assert line.startswith(f"{tmp_path}/a")
    assert ": is not a usable path (" in line and line.endswith(reason)


def test_an_oversize_file_is_refused(tmp_path):
    big = tmp_path / "big.toml"
    with big.open("wb") as file:
        file.truncate(MAX_PROFILE_BYTES + 1)  # sparse: no 16 MiB written to disk
    assert refusal(big) == [
        f"{big}: is larger than 16 MiB, the most a profile may be: is this the right file?"
    ]


def test_a_file_of_the_maximum_size_is_read(tmp_path):
    path = tmp_path / "padded.toml"
    text = '[[accounts]]\nname = "A"\nprovider = "p"\n'
    path.write_text(text + "#" * (MAX_PROFILE_BYTES - len(text)), encoding="utf-8")
    assert [a.name for a in load_profile(path).accounts] == ["A"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, ":" + " TOML syntax error: arrays or tables nested"),
        ("\n\nx = " + "9" * 5000, ":3: a number longer than 4300 digits"),
    ],
)
def test_what_tomllib_lets_escape_is_a_profile_problem(tmp_path, source, expected):
    (line,) = problems(source, tmp_path)
    assert line.startswith(f"{tmp_path / 'broken.toml'}{expected}")


def test_names_with_controls_cannot_forge_lines(tmp_path):
    (line,) = problems('[[accounts]]\nname = "A\\nB\\u001b[31m"\nprovider = "p"\nx = 1\n', tmp_path)
    assert line == f"{tmp_path / 'broken.toml'}:4: account 'A B [31m': key 'x': unknown key"


def test_a_group_naming_a_broken_account_reports_the_account_only(tmp_path):
    lines = problems(
        '[[accounts]]\nname = "A"\nprovider = 5\n[[groups]]\nname = "G"\naccounts = ["A"]\n',
        tmp_path,
    )
    assert lines == [
        f"{tmp_path / 'broken.toml'}:3: account 'A': key 'provider': "
        "must be a non-empty string, got 5"
    ]


# -- locating problems in a big profile


def test_every_problem_of_a_large_profile_has_its_own_line(tmp_path):
    """Each account misspells a key; every fifth also lacks its provider (reported at
    its header); every third has a settings sub-table, which belongs to its section."""
    blocks, expected, line_no = [], [], 0
    where = tmp_path / "broken.toml"
    for i in range(3000):
        provider = "" if i % 5 == 0 else 'provider = "p"\n'
        settings = f"[accounts.settings]\nn = {i}\n" if i % 3 == 0 else ""
        block = f'[[accounts]]\nname = "A{i}"\n{provider}provdier{i % 7} = 1\n{settings}\n'
        typo_at = line_no + block.split("\n").index(f"provdier{i % 7} = 1") + 1
        expected.append(
            f"{where}:{typo_at}: account 'A{i}': key 'provdier{i % 7}': unknown key "
            "(did you mean 'provider'?)"
        )
        if not provider:
            expected.append(f"{where}:{line_no + 1}: account 'A{i}': key 'provider': is required")
        blocks.append(block)
        line_no += block.count("\n")
    assert problems("".join(blocks), tmp_path) == expected


def test_keys_of_inline_and_dotted_tables_are_located(tmp_path):
    lines = problems(
        'profile = { nmae = "P" }\n\naccounts = [\n  { name = "A", provider = 5 },\n]\n',
        tmp_path,
    )
    assert lines == [
        f"{tmp_path / 'broken.toml'}:1: key 'nmae': unknown key (did you mean 'name'?)",
        f"{tmp_path / 'broken.toml'}:3: account 'A': key 'provider': "
        "must be a non-empty string, got 5",
    ]


def test_accounts_send_before_they_receive_and_groups_choose_which():
    from sendreceive.config.profile import parse_profile

    profile = parse_profile(
        """
[[accounts]]
name = "Both"
provider = "imap"
transport = "smtp"
[accounts.transport_settings]
host = "smtp.example.org"
[[accounts]]
name = "Out"
provider = "smtp"
flags = ["SYNC_OUTGOING_MAIL"]
[[accounts]]
name = "Off"
provider = "demo-fast"
enabled = false
[[groups]]
name = "Receive only"
accounts = ["Both", "Out", "Off"]
receive_only = ["Both", "Out"]
"""
    )
    both = profile.account("Both")
    assert [(t.provider, t.task) for t in both.tasks()] == [
        ("smtp", TaskId("Both", Activity.SENDING)),
        ("imap", TaskId("Both", Activity.RECEIVING)),
    ]
    assert both.tasks()[0].settings == {"host": "smtp.example.org"}
    assert [t.task for t in profile.account("Out").tasks()] == [TaskId("Out", Activity.SENDING)]
    assert profile.group("All Accounts").accounts == ("Both", "Out")  # Off is disabled
    assert profile.send_receive_all_groups() == ("All Accounts",)
    (only,) = profile.run_accounts(["Receive only"])  # Out only sends; Off is off
    assert [t.task for t in only.tasks()] == [TaskId("Both", Activity.RECEIVING)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("enabled = 1", "key 'enabled': must be true or false"),
        ("transport = 3", "key 'transport': must be a non-empty string"),
    ],
)
def test_bad_sending_keys_are_named(text, message, tmp_path):
    (line,) = problems(f'[[accounts]]\nname = "A"\nprovider = "p"\n{text}\n', tmp_path)
    assert message in line


def test_a_group_part_must_name_one_of_its_accounts(tmp_path):
    (line,) = problems(
        '[[accounts]]\nname = "A"\nprovider = "p"\n[[accounts]]\nname = "B"\nprovider = "p"\n'
        '[[groups]]\nname = "G"\naccounts = ["A"]\nsend_only = ["B"]\n',
        tmp_path,
    )
    assert "'B' is not in the group's accounts" in line


def test_isolation_and_process_limits(tmp_path):
    path = tmp_path / "isolated.toml"
    path.write_text(
        '[profile]\nisolation = "thread"\n\n'
        '[[accounts]]\nname = "A"\nprovider = "demo-fast"\nisolation = "process"\n'
        "memory_limit_mb = 256\nopen_files = 64\ncpu_seconds = 30\nthreads = 100\n"
        "confine_files = false\n\n"
        '[[accounts]]\nname = "B"\nprovider = "demo-fast"\n',
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.isolation == "thread"
    a, b = profile.accounts
    assert (a.isolation, dict(a.process_limits), a.confine_files) == (
        "process",
        {"memory_limit_mb": 256, "open_files": 64, "cpu_seconds": 30, "threads": 100},
        False,
    )
    assert (b.isolation, dict(b.process_limits), b.confine_files) == (None, {}, True)


def test_bad_isolation_and_limits_are_named(tmp_path):
    lines = problems(
        '[profile]\nisolation = "container"\n\n'
        '[[accounts]]\nname = "A"\nprovider = "demo-fast"\nisolation = 1\n'
        'memory_limit_mb = -5\ncpu_seconds = 1.5\nopen_files = "many"\nthreads = 0\n'
        'confine_files = "yes"\n',
        tmp_path,
    )
    assert lines == [
        f"{tmp_path / 'broken.toml'}:2: key 'isolation': must be 'process' or 'thread', "
        "got 'container'",
        f"{tmp_path / 'broken.toml'}:12: account 'A': key 'confine_files': must be true or "
        "false, got 'yes'",
        f"{tmp_path / 'broken.toml'}:7: account 'A': key 'isolation': must be 'process' or "
        "'thread', got 1",
        f"{tmp_path / 'broken.toml'}:8: account 'A': key 'memory_limit_mb': must be a whole "
        "number of MiB from 1 to 1048576 (1 TiB), got -5",
        f"{tmp_path / 'broken.toml'}:10: account 'A': key 'open_files': must be a whole "
        "number of files from 1 to 1048576, got 'many'",
        f"{tmp_path / 'broken.toml'}:9: account 'A': key 'cpu_seconds': must be a whole "
        "number of seconds from 1 to 604800 (one week), got 1.5",
        f"{tmp_path / 'broken.toml'}:11: account 'A': key 'threads': must be a whole "
        "number of threads from 1 to 65536, got 0",
    ]


def test_a_program_provider_takes_its_command_from_the_profiles_folder(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        '[[accounts]]\nname = "C"\nprovider = "exec"\ncommand = ["./bin/prov", "--fast"]\n'
        '[[accounts]]\nname = "Node"\nprovider = "exec"\ncommand = ["node", "p.js"]\n'
    )
    c, node = load_profile(path).accounts
    assert c.command is not None and node.command is not None
    assert c.command.argv == (str(tmp_path / "bin" / "prov"), "--fast")
    assert node.command.argv == ("node", "p.js")  # found on PATH, run in the folder
    assert c.command.folder == node.command.folder == str(tmp_path)


def test_a_command_is_required_with_exec_and_refused_without(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        '[[accounts]]\nname = "A"\nprovider = "exec"\n'
        '[[accounts]]\nname = "B"\nprovider = "demo-fast"\ncommand = ["x"]\n'
        '[[accounts]]\nname = "C"\nprovider = "exec"\ncommand = "./prog"\n'
        '[[accounts]]\nname = "D"\nprovider = "exec"\ncommand = []\n'
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert str(caught.value).splitlines() == [
        f"{path}:1: account 'A': key 'command': is required with provider = \"exec\"",
        f"{path}:7: account 'B': key 'command': is only for provider = \"exec\"",
        f"{path}:11: account 'C': key 'command': must be an array of strings, got './prog'",
        f"{path}:15: account 'D': key 'command': must name a program: an empty command",
    ]


def test_a_programs_account_sends_with_its_transport_not_with_the_program(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(
        '[[accounts]]\nname = "A"\nprovider = "exec"\ncommand = ["./p"]\ntransport = "smtp"\n'
        '[[accounts]]\nname = "B"\nprovider = "demo-fast"\ntransport = "exec"\n'
    )
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert (
        str(caught.value)
        == f"{path}:9: account 'B': key 'transport': a program cannot be a transport"
    )
    path.write_text(path.read_text().split('[[accounts]]\nname = "B"')[0])
    sending, receiving = load_profile(path).accounts[0].tasks()
    assert (sending.provider, sending.command) == ("smtp", None)
    assert receiving.command is not None and receiving.command.argv == (str(tmp_path / "p"),)
