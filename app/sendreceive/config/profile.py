"""Profiles: the accounts and Send/Receive groups a user syncs, read from TOML.

Every problem in a profile is reported with the file, the line, the account and the
key, all at once, so a user fixes a broken profile in one pass::

    [[accounts]]
    name = "Contoso"
    provider = "demo-fast"                # entry-point name, module:attr or file.py:attr
    flags = ["SYNC_DOWNLOAD_CONTENTS"]    # optional; names of sendreceive.contract.SyncFlags
    [accounts.settings]                   # optional; the provider's keyword arguments
    messages = 40

    [[groups]]
    name = "Every ten minutes"
    accounts = ["Contoso"]
    every_minutes = 10                    # optional schedule
"""

from __future__ import annotations

import difflib
import hashlib
import re
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sendreceive.bundled import resources_dir
from sendreceive.config.limits import EVERY_MINUTES, PROCESS_LIMITS, RUN_LIMITS
from sendreceive.config.program_command import PROGRAM, ProgramCommand
from sendreceive.config.task_id import Activity, TaskId
from sendreceive.config.toml_lines import TomlLines
from sendreceive.contract import SyncFlags
from sendreceive.input_files import FileKind, InputFileError, read_checked
from sendreceive.paths import resolve_path
from sendreceive.printable import ERROR_TEXT_LIMIT, describe, printable

ALL_ACCOUNTS = "All Accounts"
DEFAULT_FLAGS = SyncFlags.SYNC_DOWNLOAD_HIERARCHY | SyncFlags.SYNC_DOWNLOAD_CONTENTS
BOM = "\ufeff"
RESOURCES = resources_dir()
DEMO_PROFILE = RESOURCES / "demo-profile.toml"

#: A profile is a few kilobytes; reading stops beyond this, so a wrong path (a device, a
#: huge log file) is refused at once instead of filling memory.
MAX_PROFILE_BYTES = 16 * 1024 * 1024
PROFILE_FILE = FileKind("a profile", "a TOML file", MAX_PROFILE_BYTES)

_TOP_KEYS = ("profile", "accounts", "groups")
#: [profile] keys that tune the host's patience (sendreceive.config.limits.RunLimits fields).
LIMIT_KEYS = tuple(RUN_LIMITS)
#: Where providers run (sendreceive.hosting.isolation): a [profile] default, or per account.
ISOLATION_MODES = ("process", "thread")
#: Per-account limits of a provider's process (resource limits; process isolation only).
PROCESS_LIMIT_KEYS = tuple(PROCESS_LIMITS)
_PROFILE_KEYS = ("name", "store_dir", *LIMIT_KEYS, "isolation")
_ACCOUNT_KEYS = (
    "name",
    "provider",
    "command",
    "flags",
    "settings",
    "enabled",
    "transport",
    "transport_settings",
    "isolation",
    "confine_files",
    *PROCESS_LIMIT_KEYS,
)
_GROUP_KEYS = ("name", "accounts", "every_minutes", "send_receive_all", "send_only", "receive_only")
_OUTGOING = SyncFlags.SYNC_OUTGOING_MAIL


@dataclass(frozen=True)
class Account:
    name: str
    provider: str
    flags: SyncFlags = DEFAULT_FLAGS
    settings: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True  # a disabled account is left out of every run
    transport: str | None = None  # the provider that sends the account's mail, if not its own
    transport_settings: Mapping[str, Any] = field(default_factory=dict)
    isolation: str | None = None  # one of ISOLATION_MODES; None: the run's default
    process_limits: Mapping[str, int] = field(default_factory=dict)  # PROCESS_LIMIT_KEYS
    confine_files: bool = True  # Landlock: its process reads its store, its code, the system
    command: ProgramCommand | None = None  # the program, when ``provider`` is PROGRAM

    @property
    def task(self) -> TaskId:
        """The task a run makes of this account (each front-end words it)."""
        return TaskId(self.name, Activity.of(self.flags))

    @property
    def sends(self) -> bool:
        return self.transport is not None or bool(self.flags & _OUTGOING)

    @property
    def receives(self) -> bool:
        return bool(self.flags & ~_OUTGOING)

    def restricted(self, send: bool, receive: bool) -> Account | None:
        """The account doing only what a group asks of it; ``None`` if that is nothing."""
        account = self
        if not send:
            account = replace(account, transport=None, flags=account.flags & ~_OUTGOING)
        if not receive:
            account = replace(account, flags=account.flags & _OUTGOING)
        return account if account.sends or account.receives else None

    def tasks(self) -> list[Account]:
        """One account per task, each with one job, sending first (Outlook's order): the
        transport (or the provider itself) with SYNC_OUTGOING_MAIL, then the store."""
        tasks = []
        if self.transport is not None:
            tasks.append(
                replace(
                    self,
                    provider=self.transport,
                    command=None,  # a program is the store's provider, never a transport
                    settings=self.transport_settings,
                    flags=_OUTGOING,
                    transport=None,
                    transport_settings={},
                )
            )
        elif self.flags & _OUTGOING:
            tasks.append(replace(self, flags=_OUTGOING))
        if self.receives:
            tasks.append(replace(self, flags=self.flags & ~_OUTGOING, transport=None))
        return tasks


@dataclass(frozen=True)
class Group:
    name: str
    accounts: tuple[str, ...]
    every_minutes: float | None = None
    send_receive_all: bool = False  # included in Send/Receive All (F9)
    send_only: frozenset[str] = frozenset()  # members the group only sends for
    receive_only: frozenset[str] = frozenset()  # members the group only receives for

    def parts(self, account: str) -> tuple[bool, bool]:
        """(send, receive) for ``account`` in this group."""
        if account not in self.accounts:
            return False, False
        return account not in self.receive_only, account not in self.send_only


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path | None
    accounts: tuple[Account, ...]
    groups: tuple[Group, ...]
    store_dir: Path | None = None
    limits: Mapping[str, float] = field(default_factory=dict)  # LIMIT_KEYS given in [profile]
    isolation: str | None = None  # [profile] isolation, the default of its accounts
    #: What the profile was read from (sha256 of its text): an edit is written only over
    #: the text the user saw, never over a change made on disk since.
    digest: str | None = field(default=None, compare=False, repr=False)

    def account(self, name: str) -> Account:
        for account in self.accounts:
            if account.name == name:
                return account
        raise KeyError(name)

    def group(self, name: str) -> Group:
        for group in self.all_groups():
            if group.name == name:
                return group
        raise KeyError(name)

    def all_groups(self) -> tuple[Group, ...]:
        """The profile's groups, with the implicit 'All Accounts' group first: every
        enabled account, included in Send/Receive All unless a ``[[groups]]`` entry of
        that name (which may also give it a schedule) says otherwise."""
        enabled = tuple(a.name for a in self.accounts if a.enabled)
        everyone = Group(ALL_ACCOUNTS, enabled, send_receive_all=True)
        for group in self.groups:
            if group.name == ALL_ACCOUNTS:
                everyone = replace(group, accounts=enabled)
        return (everyone, *(g for g in self.groups if g.name != ALL_ACCOUNTS))

    def send_receive_all_groups(self) -> tuple[str, ...]:
        """What F9 runs: the groups included in Send/Receive All."""
        return tuple(g.name for g in self.all_groups() if g.send_receive_all)

    def run_accounts(self, groups: Sequence[str]) -> list[Account]:
        """The enabled accounts of ``groups``, each restricted to what the groups ask of
        it (sending if any of them sends for it, receiving likewise), in profile order."""
        chosen = [self.group(name) for name in groups]
        accounts = []
        for account in self.accounts:
            if not account.enabled:
                continue
            parts = [group.parts(account.name) for group in chosen]
            send = any(p[0] for p in parts)
            receive = any(p[1] for p in parts)
            restricted = account.restricted(send, receive) if send or receive else None
            if restricted is not None:
                accounts.append(restricted)
        return accounts

    def with_accounts(self, extra: Sequence[Account]) -> Profile:
        return replace(self, accounts=(*self.accounts, *extra))


@dataclass(frozen=True)
class ProfileProblem:
    line: int | None
    column: int | None
    account: str | None
    key: str | None
    message: str


class ProfileError(Exception):
    """A profile that cannot be used; ``str()`` lists every problem as file:line: text."""

    def __init__(self, path: Path | None, problems: Sequence[ProfileProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem: names and values from the file are folded to printable
        text, so a key holding a newline or an escape sequence cannot forge lines."""
        where = printable(str(self.path), ERROR_TEXT_LIMIT) if self.path else "<profile>"
        out = []
        for p in self.problems:
            loc = where + (f":{p.line}" if p.line else "") + (f":{p.column}" if p.column else "")
            subject = "".join(
                [
                    f"account '{p.account}': " if p.account else "",
                    f"key '{p.key}': " if p.key else "",
                ]
            )
            out.append(f"{loc}: {printable(subject + p.message, ERROR_TEXT_LIMIT)}")
        return out


def load_profile(path: Path) -> Profile:
    return parse_profile(read_profile_text(path), path)


def parse_profile(source: str, path: Path | None = None) -> Profile:
    """The profile in ``source``; raises ``ProfileError`` (and nothing else) listing every
    problem found."""
    body = source.removeprefix(BOM)  # an editor's byte-order mark is no TOML, nor a problem
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, [_syntax_problem(exc)]) from exc
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise ProfileError(path, [_problem_at_long_number(source, exc)]) from exc
    except RecursionError as exc:  # tomllib reads nested arrays and tables recursively
        raise ProfileError(
            path, [_whole_file_problem("TOML syntax error: arrays or tables nested too deeply")]
        ) from exc
    profile = _ProfileReader(body, path).read(data)
    return replace(profile, digest=text_digest(source))


def text_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


def read_profile_text(path: Path) -> str:
    """The profile's text, read by the rule every file the app reads follows."""
    try:
        data = read_checked(path, PROFILE_FILE)
    except InputFileError as exc:
        raise ProfileError(path, [_whole_file_problem(exc.message, exc.line)]) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(path, [_whole_file_problem(f"not UTF-8 text ({exc.reason})")]) from exc


def _whole_file_problem(message: str, line: int | None = None) -> ProfileProblem:
    return ProfileProblem(line, None, None, None, message)


def _problem_at_long_number(source: str, exc: ValueError) -> ProfileProblem:
    """tomllib lets Python's limit on integer digits escape, without a position."""
    limit = sys.get_int_max_str_digits()
    digits = re.compile(rf"[0-9_]{{{limit + 1},}}")
    for i, text in enumerate(source.split("\n")):
        if digits.search(text):
            return _whole_file_problem(f"a number longer than {limit} digits", i + 1)
    return _whole_file_problem(f"TOML value cannot be read: {exc}")


def load_demo_profile() -> Profile:
    return load_profile(DEMO_PROFILE)


_TOML_POSITION = re.compile(r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _syntax_problem(exc: tomllib.TOMLDecodeError) -> ProfileProblem:
    match = _TOML_POSITION.match(str(exc))
    if match is None:
        return ProfileProblem(None, None, None, None, f"TOML syntax error: {exc}")
    return ProfileProblem(
        int(match["line"]), int(match["col"]), None, None, f"TOML syntax error: {match['msg']}"
    )


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _ProfileReader:
    """Validates parsed TOML, finding line numbers in the source for each problem."""

    def __init__(self, source: str, path: Path | None) -> None:
        self._source = source
        self._index: TomlLines | None = None  # built at the first problem
        self._path = path
        self._problems: list[ProfileProblem] = []

    def read(self, data: dict[str, Any]) -> Profile:
        for key in data:
            if key not in _TOP_KEYS:
                self._problem(
                    None, None, key, f"unknown key{_did_you_mean(key, _TOP_KEYS)}", key_line=True
                )
        meta = data.get("profile", {})
        name = self._path.stem if self._path else "Profile"
        store_dir = None
        if not isinstance(meta, dict):
            self._problem(None, None, "profile", "must be a table ([profile])")
            meta = {}
        for key in meta:
            if key not in _PROFILE_KEYS:
                self._problem(
                    ("profile", 0), None, key, f"unknown key{_did_you_mean(key, _PROFILE_KEYS)}"
                )
        if "name" in meta:
            name = self._string(meta["name"], ("profile", 0), None, "name") or name
        if "store_dir" in meta:
            text = self._string(meta["store_dir"], ("profile", 0), None, "store_dir")
            store_dir = self._store_dir(text) if text else None
        limits = {}
        for key, limit in RUN_LIMITS.items():
            if key in meta:
                problem = limit.problem(meta[key])
                if problem is None:
                    limits[key] = meta[key]
                else:
                    self._problem(("profile", 0), None, key, problem)
        isolation = self._isolation(meta.get("isolation"), ("profile", 0), None)
        accounts, declared = self._accounts(data.get("accounts", []))
        groups = self._groups(data.get("groups", []), declared)
        if self._problems:
            raise ProfileError(self._path, self._problems)
        return Profile(
            name, self._path, tuple(accounts), tuple(groups), store_dir, limits, isolation
        )

    # -- sections

    def _accounts(self, raw: Any) -> tuple[list[Account], set[str]]:
        """The usable accounts, and the names of all declared ones (a group naming a
        broken account is not reported again: the account's own problem says it all)."""
        if not isinstance(raw, list):
            self._problem(None, None, "accounts", "must be an array of tables ([[accounts]])")
            return [], set()
        accounts: list[Account] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            where = ("accounts", i)
            if not isinstance(item, dict):
                self._problem(where, None, None, "each account must be a table ([[accounts]])")
                continue
            label = str(item["name"]) if isinstance(item.get("name"), str) else f"#{i + 1}"
            for key in item:
                if key not in _ACCOUNT_KEYS:
                    self._problem(
                        where, label, key, f"unknown key{_did_you_mean(key, _ACCOUNT_KEYS)}"
                    )
            name = self._required_string(item, "name", where, label)
            provider = self._required_string(item, "provider", where, label)
            flags = self._flags(item.get("flags"), where, label)
            settings = item.get("settings", {})
            if not isinstance(settings, dict):
                self._problem(where, label, "settings", "must be a table ([accounts.settings])")
                settings = {}
            if name is not None and name in seen:
                self._problem(where, label, "name", f"duplicate account name '{name}'")
                continue
            if name is not None:
                seen.add(name)
            enabled = self._switch(item, "enabled", where, label)
            confine_files = self._switch(item, "confine_files", where, label)
            transport = None
            if "transport" in item:
                transport = self._string(item["transport"], where, label, "transport")
                if transport == PROGRAM:
                    self._problem(where, label, "transport", "a program cannot be a transport")
            transport_settings = item.get("transport_settings", {})
            if not isinstance(transport_settings, dict):
                self._problem(
                    where,
                    label,
                    "transport_settings",
                    "must be a table ([accounts.transport_settings])",
                )
                transport_settings = {}
            if name is None or provider is None or flags is None:
                continue
            isolation = self._isolation(item.get("isolation"), where, label)
            process_limits = self._process_limits(item, where, label)
            command = self._command(item, provider, where, label)
            accounts.append(
                Account(
                    name,
                    provider,
                    flags,
                    settings,
                    enabled,
                    transport,
                    transport_settings,
                    isolation,
                    process_limits,
                    confine_files,
                    command,
                )
            )
        return accounts, seen

    def _groups(self, raw: Any, account_names: set[str]) -> list[Group]:
        if not isinstance(raw, list):
            self._problem(None, None, "groups", "must be an array of tables ([[groups]])")
            return []
        groups: list[Group] = []
        known = sorted(account_names)
        for i, item in enumerate(raw):
            where = ("groups", i)
            if not isinstance(item, dict):
                self._problem(where, None, None, "each group must be a table ([[groups]])")
                continue
            for key in item:
                if key not in _GROUP_KEYS:
                    self._problem(where, None, key, f"unknown key{_did_you_mean(key, _GROUP_KEYS)}")
            name = self._required_string(item, "name", where, None)
            if name == ALL_ACCOUNTS and "accounts" in item:
                self._problem(
                    where, None, "accounts", f"'{ALL_ACCOUNTS}' always holds every enabled account"
                )
            members = self._names(item, "accounts", where, account_names, known)
            parts = {}
            for key in ("send_only", "receive_only"):
                listed = self._names(item, key, where, account_names, known)
                pool = account_names if name == ALL_ACCOUNTS else set(members)
                for member in listed:
                    if member in account_names and member not in pool:
                        self._problem(
                            where, None, key, f"'{member}' is not in the group's accounts"
                        )
                parts[key] = frozenset(listed)
            for member in parts["send_only"] & parts["receive_only"]:
                self._problem(
                    where,
                    None,
                    "receive_only",
                    f"'{member}' is in send_only too: the group would do nothing for it",
                )
            in_all = item.get("send_receive_all", name == ALL_ACCOUNTS)
            if not isinstance(in_all, bool):
                self._problem(
                    where,
                    None,
                    "send_receive_all",
                    f"must be true or false, got {describe(in_all)}",
                )
                in_all = False
            every = item.get("every_minutes")
            problem = None if every is None else EVERY_MINUTES.problem(every)
            if problem is not None:
                self._problem(where, None, "every_minutes", problem)
                every = None
            if name is not None:
                groups.append(
                    Group(
                        name,
                        tuple(members),
                        float(every) if every else None,
                        in_all,
                        parts["send_only"],
                        parts["receive_only"],
                    )
                )
        return groups

    def _names(
        self,
        item: dict[str, Any],
        key: str,
        where: tuple[str, int],
        account_names: set[str],
        known: list[str],
    ) -> list[str]:
        names = item.get(key, [])
        if not isinstance(names, list) or not all(isinstance(m, str) for m in names):
            self._problem(where, None, key, "must be a list of account names")
            return []
        for member in names:
            if member not in account_names:
                hint = _did_you_mean(member, known)
                self._problem(where, None, key, f"no account named '{member}'{hint}")
        return names

    # -- values

    def _store_dir(self, text: str) -> Path | None:
        """``store_dir`` as an absolute path: '~' expanded, relative to the profile."""
        where = ("profile", 0)
        if "\0" in text:
            self._problem(where, None, "store_dir", "must not contain a NUL character")
            return None
        try:
            expanded = Path(text).expanduser()
        except RuntimeError:  # "~name" of no user, or "~" without a home directory
            home = text.split("/", 1)[0]
            self._problem(
                where,
                None,
                "store_dir",
                f"cannot expand '{home}': no such user, or no home directory",
            )
            return None
        try:
            base = self._path.parent if self._path else Path.cwd()
            return resolve_path(base / expanded)
        except (OSError, ValueError) as exc:  # a symlink loop, unencodable text
            self._problem(where, None, "store_dir", f"is not a usable path ({exc})")
            return None

    def _flags(self, raw: Any, where: tuple[str, int], label: str) -> SyncFlags | None:
        if raw is None:
            return DEFAULT_FLAGS
        if isinstance(raw, int) and not isinstance(raw, bool):
            if raw < 0 or raw & ~_ALL_FLAG_BITS:
                self._problem(where, label, "flags", f"0x{raw:X} has bits that are no SYNC_ flag")
                return None
            return SyncFlags(raw)
        if not isinstance(raw, list):
            self._problem(
                where, label, "flags", "must be a list of SYNC_ flag names, or an integer"
            )
            return None
        flags = SyncFlags(0)
        for item in raw:
            member = SyncFlags.__members__.get(item) if isinstance(item, str) else None
            if member is None:
                names = list(SyncFlags.__members__)
                hint = _did_you_mean(item, names) if isinstance(item, str) else ""
                self._problem(where, label, "flags", f"unknown flag {describe(item)}{hint}")
                return None
            flags |= member
        return flags

    def _switch(self, item: dict[str, Any], key: str, where: tuple[str, int], label: str) -> bool:
        """An account's true-or-false key, true unless given."""
        value = item.get(key, True)
        if not isinstance(value, bool):
            self._problem(where, label, key, f"must be true or false, got {describe(value)}")
            return True
        return value

    def _isolation(self, raw: Any, where: tuple[str, int], label: str | None) -> str | None:
        if raw is None or raw in ISOLATION_MODES:
            return raw  # type: ignore[no-any-return]  # None or one of the modes
        modes = " or ".join(f"'{m}'" for m in ISOLATION_MODES)
        self._problem(where, label, "isolation", f"must be {modes}, got {raw!r}")
        return None

    def _command(
        self, item: dict[str, Any], provider: str, where: tuple[str, int], label: str
    ) -> ProgramCommand | None:
        """``command`` of a program provider: required with ``provider = "exec"``, and
        meaningless without."""
        raw = item.get("command")
        if provider != PROGRAM:
            if raw is not None:
                self._problem(where, label, "command", f'is only for provider = "{PROGRAM}"')
            return None
        if raw is None:
            self._problem(where, label, "command", f'is required with provider = "{PROGRAM}"')
            return None
        if not isinstance(raw, list):
            self._problem(
                where, label, "command", f"must be an array of strings, got {describe(raw)}"
            )
            return None
        base = self._path.parent if self._path else Path.cwd()
        try:
            return ProgramCommand.of(raw, base)
        except (OSError, ValueError) as exc:
            self._problem(where, label, "command", str(exc))
            return None

    def _process_limits(
        self, item: dict[str, Any], where: tuple[str, int], label: str
    ) -> dict[str, int]:
        limits = {}
        for key, limit in PROCESS_LIMITS.items():
            value = item.get(key)
            if value is None:
                continue
            problem = limit.problem(value)
            if problem is None:
                limits[key] = value
            else:
                self._problem(where, label, key, problem)
        return limits

    def _required_string(
        self, item: dict[str, Any], key: str, where: tuple[str, int], label: str | None
    ) -> str | None:
        if key not in item:
            self._problem(where, label, key, "is required", key_line=False)
            return None
        return self._string(item[key], where, label, key)

    def _string(
        self, value: Any, where: tuple[str, int] | None, label: str | None, key: str
    ) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self._problem(where, label, key, f"must be a non-empty string, got {describe(value)}")
            return None
        return value

    # -- locating problems in the source

    def _problem(
        self,
        where: tuple[str, int] | None,
        label: str | None,
        key: str | None,
        message: str,
        key_line: bool = True,
    ) -> None:
        if self._index is None:
            self._index = TomlLines(self._source)
        line = self._index.line_of(where, key if key_line else None)
        self._problems.append(ProfileProblem(line, None, label, key, message))


_ALL_FLAG_BITS = sum(flag.value for flag in SyncFlags)  # iteration skips aliases
