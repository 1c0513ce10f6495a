"""Profiles: the accounts and Send/Receive groups a user syncs, read from TOML.

Every problem in a profile is reported with the file, the line, the account and the
key, all at once, so a user fixes a broken profile in one pass::

    [[accounts]]
    name = "Contoso"
    provider = "demo-fast"                # entry-point name, module:attr or file.py:attr
    flags = ["SYNC_DOWNLOAD_CONTENTS"]    # optional; names of app.contract.SyncFlags
    [accounts.settings]                   # optional; the provider's keyword arguments
    messages = 40

    [[groups]]
    name = "Every ten minutes"
    accounts = ["Contoso"]
    every_minutes = 10                    # optional schedule
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.contract import SyncFlags

ALL_ACCOUNTS = "All Accounts"
DEFAULT_FLAGS = SyncFlags.SYNC_DOWNLOAD_HIERARCHY | SyncFlags.SYNC_DOWNLOAD_CONTENTS
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_PROFILE = RESOURCES / "demo-profile.toml"

_TOP_KEYS = ("profile", "accounts", "groups")
#: [profile] keys that tune the host's patience (app.supervisor.RunLimits fields).
LIMIT_KEYS = ("max_parallel", "stall_timeout", "cancel_grace", "task_timeout")
#: Where providers run (app.isolation): a [profile] default, or per account.
ISOLATION_MODES = ("process", "thread")
#: Per-account limits of a provider's process (resource limits; process isolation only).
PROCESS_LIMIT_KEYS = ("memory_limit_mb", "open_files", "cpu_seconds")
_PROFILE_KEYS = ("name", "store_dir", *LIMIT_KEYS, "isolation")
_ACCOUNT_KEYS = ("name", "provider", "flags", "settings", "isolation", *PROCESS_LIMIT_KEYS)
_GROUP_KEYS = ("name", "accounts", "every_minutes")


@dataclass(frozen=True)
class Account:
    name: str
    provider: str
    flags: SyncFlags = DEFAULT_FLAGS
    settings: Mapping[str, Any] = field(default_factory=dict)
    isolation: str | None = None  # one of ISOLATION_MODES; None: the run's default
    process_limits: Mapping[str, int] = field(default_factory=dict)  # PROCESS_LIMIT_KEYS

    @property
    def task_name(self) -> str:
        """Outlook's task naming: 'Contoso - Receiving'."""
        return f"{self.name} - {activity(self.flags)}"


@dataclass(frozen=True)
class Group:
    name: str
    accounts: tuple[str, ...]
    every_minutes: float | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path | None
    accounts: tuple[Account, ...]
    groups: tuple[Group, ...]
    store_dir: Path | None = None
    limits: Mapping[str, float] = field(default_factory=dict)  # LIMIT_KEYS given in [profile]
    isolation: str | None = None  # [profile] isolation, the default of its accounts

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
        """The profile's groups, with the implicit 'All Accounts' group first."""
        everyone = Group(ALL_ACCOUNTS, tuple(a.name for a in self.accounts))
        return (everyone, *(g for g in self.groups if g.name != ALL_ACCOUNTS))

    def with_accounts(self, extra: Sequence[Account]) -> Profile:
        return replace(self, accounts=(*self.accounts, *extra))


def activity(flags: SyncFlags) -> str:
    up = bool(flags & (SyncFlags.SYNC_UPLOAD_CONTENTS | SyncFlags.SYNC_UPLOAD_HIERARCHY))
    down = bool(flags & (SyncFlags.SYNC_DOWNLOAD_CONTENTS | SyncFlags.SYNC_DOWNLOAD_HIERARCHY))
    if up and down:
        return "Synchronizing"
    if up:
        return "Sending"
    return "Receiving"


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
        where = str(self.path) if self.path else "<profile>"
        out = []
        for p in self.problems:
            loc = where + (f":{p.line}" if p.line else "") + (f":{p.column}" if p.column else "")
            subject = "".join(
                [
                    f"account '{p.account}': " if p.account else "",
                    f"key '{p.key}': " if p.key else "",
                ]
            )
            out.append(f"{loc}: {subject}{p.message}")
        return out


def load_profile(path: Path) -> Profile:
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(
            path, [ProfileProblem(None, None, None, None, exc.strerror or str(exc))]
        ) from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(
            path, [ProfileProblem(None, None, None, None, f"not UTF-8 text ({exc.reason})")]
        ) from exc
    return parse_profile(source, path)


def parse_profile(source: str, path: Path | None = None) -> Profile:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, [_syntax_problem(exc)]) from exc
    return _ProfileReader(source, path).read(data)


def load_default_profile() -> Profile:
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
        self._lines = source.splitlines()
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
            if text:
                base = self._path.parent if self._path else Path.cwd()
                store_dir = (base / Path(text).expanduser()).resolve()
        limits = {}
        for key in LIMIT_KEYS:
            if key in meta:
                value = meta[key]
                if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                    self._problem(("profile", 0), None, key, "must be a positive number")
                elif key == "max_parallel" and not isinstance(value, int):
                    self._problem(("profile", 0), None, key, "must be a whole number")
                else:
                    limits[key] = value
        isolation = self._isolation(meta.get("isolation"), ("profile", 0), None)
        accounts = self._accounts(data.get("accounts", []))
        groups = self._groups(data.get("groups", []), {a.name for a in accounts})
        if self._problems:
            raise ProfileError(self._path, self._problems)
        return Profile(
            name, self._path, tuple(accounts), tuple(groups), store_dir, limits, isolation
        )

    # -- sections

    def _accounts(self, raw: Any) -> list[Account]:
        if not isinstance(raw, list):
            self._problem(None, None, "accounts", "must be an array of tables ([[accounts]])")
            return []
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
            if name is None or provider is None or flags is None:
                continue
            seen.add(name)
            isolation = self._isolation(item.get("isolation"), where, label)
            process_limits = self._process_limits(item, where, label)
            accounts.append(Account(name, provider, flags, settings, isolation, process_limits))
        return accounts

    def _groups(self, raw: Any, account_names: set[str]) -> list[Group]:
        if not isinstance(raw, list):
            self._problem(None, None, "groups", "must be an array of tables ([[groups]])")
            return []
        groups: list[Group] = []
        for i, item in enumerate(raw):
            where = ("groups", i)
            if not isinstance(item, dict):
                self._problem(where, None, None, "each group must be a table ([[groups]])")
                continue
            for key in item:
                if key not in _GROUP_KEYS:
                    self._problem(where, None, key, f"unknown key{_did_you_mean(key, _GROUP_KEYS)}")
            name = self._required_string(item, "name", where, None)
            members = item.get("accounts", [])
            if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                self._problem(where, None, "accounts", "must be a list of account names")
                members = []
            for member in members:
                if member not in account_names:
                    hint = _did_you_mean(member, sorted(account_names))
                    self._problem(where, None, "accounts", f"no account named '{member}'{hint}")
            every = item.get("every_minutes")
            if every is not None and (
                isinstance(every, bool) or not isinstance(every, int | float) or every <= 0
            ):
                self._problem(where, None, "every_minutes", "must be a positive number of minutes")
                every = None
            if name is not None:
                groups.append(Group(name, tuple(members), float(every) if every else None))
        return groups

    # -- values

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
                hint = _did_you_mean(str(item), list(SyncFlags.__members__))
                self._problem(where, label, "flags", f"unknown flag {item!r}{hint}")
                return None
            flags |= member
        return flags

    def _isolation(self, raw: Any, where: tuple[str, int], label: str | None) -> str | None:
        if raw is None or raw in ISOLATION_MODES:
            return raw  # type: ignore[no-any-return]  # None or one of the modes
        modes = " or ".join(f"'{m}'" for m in ISOLATION_MODES)
        self._problem(where, label, "isolation", f"must be {modes}, got {raw!r}")
        return None

    def _process_limits(
        self, item: dict[str, Any], where: tuple[str, int], label: str
    ) -> dict[str, int]:
        limits = {}
        for key in PROCESS_LIMIT_KEYS:
            value = item.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                self._problem(where, label, key, "must be a positive whole number")
            else:
                limits[key] = value
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
            self._problem(where, label, key, f"must be a non-empty string, got {value!r}")
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
        line = self._locate(where, key if key_line else None)
        self._problems.append(ProfileProblem(line, None, label, key, message))

    def _locate(self, where: tuple[str, int] | None, key: str | None) -> int | None:
        """Best-effort line of ``key`` inside the ``where``-th table (tomllib gives
        positions only for syntax errors)."""
        start, end = 0, len(self._lines)
        if where is not None:
            table, nth = where
            header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
            hits = [i for i, text in enumerate(self._lines) if header.match(text)]
            if nth >= len(hits):
                return None
            start = hits[nth]
            nxt = [
                i
                for i, text in enumerate(self._lines)
                if i > start and _is_header(text) and not _is_subtable(text, table)
            ]
            end = nxt[0] if nxt else end
            if key is None:
                return start + 1
        if key is None:
            return None
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=|^\s*\[+\s*{re.escape(key)}\s*\]")
        for i in range(start, end):
            if pattern.match(self._lines[i]):
                return i + 1
        return start + 1 if where is not None else None


def _is_header(text: str) -> bool:
    return text.lstrip().startswith("[")


def _is_subtable(text: str, table: str) -> bool:
    return text.strip().lstrip("[").startswith(f"{table}.")


_ALL_FLAG_BITS = sum(flag.value for flag in SyncFlags)  # iteration skips aliases
