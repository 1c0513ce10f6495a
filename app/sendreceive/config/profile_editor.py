"""Changes to a profile file made by the app (accounts, groups), written back
with the user's comments and layout kept.

The file is read and changed with tomlkit, which round-trips TOML: what an edit does not
touch is written back byte for byte — comments, arrays of tables or inline arrays of
inline tables, multi-line arrays (changed item by item, in place), CRLF line ends and a
byte-order mark. Before anything is written the changed text is read back with the same
loader as at start-up, so an edit that would break the profile is refused and the file
stays as it was. Nothing is written over a file that changed on disk since the user saw
it (compared by content), over a read-only one, nor over a file shipped with the app;
through a symlink, the file it points to is written. The new text goes to a temporary
file that is fsynced and renamed over the profile (never half-written), and the previous
text is kept beside it as ``<name>.bak``, with the profile's mode (it may hold passwords).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Array, InlineTable, Table

from sendreceive.bundled import is_bundled
from sendreceive.config.limits import PROCESS_LIMITS
from sendreceive.config.profile import (
    ALL_ACCOUNTS,
    BOM,
    DEFAULT_FLAGS,
    Account,
    Group,
    Profile,
    ProfileError,
    parse_profile,
    read_profile_text,
    text_digest,
)
from sendreceive.durable import replace_atomically

BACKUP_SUFFIX = ".bak"
_BARE_LF = re.compile(r"(?<!\r)\n")


class ProfileEditError(Exception):
    """An edit the editor cannot make, or a file it will not write; says why."""


class ProfileChangedError(ProfileEditError):
    """The file changed on disk since it was read: writing would lose that change."""


class ProfileEditor:
    """One editing session of a profile file: read, change, ``save``.

    ``loaded``: the profile the user was shown; when the file no longer holds its text,
    ``save`` refuses (``ProfileChangedError``)."""

    def __init__(self, path: Path, loaded: Profile | None = None) -> None:
        self.path = path
        self._target = Path(os.path.realpath(path))  # a symlink's file is the one written
        source = read_profile_text(path)
        current = parse_profile(source, path)  # a broken profile is not edited (ProfileError)
        self._expected = (loaded.digest if loaded is not None else None) or current.digest
        self._bom = BOM if source.startswith(BOM) else ""
        self._crlf = "\r\n" in source and _BARE_LF.search(source) is None
        try:
            self._document = tomlkit.parse(source.removeprefix(BOM))
        except TOMLKitError as exc:
            raise ProfileEditError(f"{path}: cannot be edited: {exc}") from exc
        self._original = self.text()

    def __repr__(self) -> str:
        return f"<ProfileEditor {str(self.path)!r}>"

    # ------------------------------------------------------------ changes

    def set_enabled(self, account: str, enabled: bool) -> None:
        table = self._find(self._tables("accounts"), account)
        if table is None:
            raise KeyError(account)
        if enabled:
            table.pop("enabled", None)  # the default: the key goes away
        else:
            table["enabled"] = False

    def set_account(self, account: Account, old_name: str | None = None) -> None:
        """Add ``account`` at the end (a name already taken is then refused by ``check``),
        or replace the one named ``old_name`` in its place (its comments kept); a rename
        is followed by every group that names it."""
        accounts = self._tables("accounts", create=True)
        table = self._find(accounts, old_name)
        if table is None:
            table = self._append(accounts)
        table["name"] = account.name
        table["provider"] = account.provider
        flags = None if account.flags == DEFAULT_FLAGS else [f.name for f in account.flags]
        _set(table, "flags", flags)
        _set(table, "enabled", None if account.enabled else False)
        _set(table, "transport", account.transport)
        _set(table, "isolation", account.isolation)
        for key in PROCESS_LIMITS:
            _set(table, key, account.process_limits.get(key))
        for key, values in (
            ("settings", account.settings),
            ("transport_settings", account.transport_settings),
        ):
            _set_table(table, key, values)
        if old_name is not None and old_name != account.name:
            self._rename_in_groups(old_name, account.name)

    def delete_account(self, name: str) -> None:
        """Take the account out of the file and out of every group that names it."""
        accounts = self._tables("accounts")
        for i, table in enumerate(accounts):
            if table.get("name") == name:
                del accounts[i]
                self._rename_in_groups(name, None)
                return
        raise KeyError(name)

    def move_account(self, name: str, position: int) -> None:
        """Put the account at ``position`` in the file's order (the window's order)."""
        accounts = self._tables("accounts")
        names = [t.get("name") for t in accounts]
        if name not in names:
            raise KeyError(name)
        if not 0 <= position < len(names):
            raise IndexError(position)
        moved = accounts[names.index(name)]
        del accounts[names.index(name)]
        accounts.insert(position, moved)

    def _rename_in_groups(self, old: str, new: str | None) -> None:
        for table in self._tables("groups"):
            for key in ("accounts", "send_only", "receive_only"):
                names = table.get(key)
                if isinstance(names, Array) and old in names:
                    kept = [n for n in names if n != old]
                    if new is not None:
                        kept.insert(list(names).index(old), new)
                    _set(table, key, kept)

    def set_group(self, group: Group, old_name: str | None = None) -> None:
        """Create ``group``, or replace the one named ``old_name`` (a rename keeps its
        place and comments)."""
        groups = self._tables("groups", create=True)
        table = self._find(groups, old_name if old_name is not None else group.name)
        if table is None:
            table = self._append(groups)
        table["name"] = group.name
        implicit = group.name == ALL_ACCOUNTS
        _set(table, "accounts", None if implicit else list(group.accounts))
        _set(table, "every_minutes", _number(group.every_minutes))
        _set(
            table,
            "send_receive_all",
            None if group.send_receive_all == implicit else group.send_receive_all,
        )
        _set(table, "send_only", sorted(group.send_only) or None)
        _set(table, "receive_only", sorted(group.receive_only) or None)

    def delete_group(self, name: str) -> None:
        groups = self._tables("groups")
        for i, table in enumerate(groups):
            if table.get("name") == name:
                del groups[i]
                return
        raise KeyError(name)

    # ------------------------------------------------------------ checking, writing

    def text(self) -> str:
        text = tomlkit.dumps(self._document)
        return self._bom + (_BARE_LF.sub("\r\n", text) if self._crlf else text)

    def check(self) -> Profile:
        """The profile the changed text describes; ``ProfileError`` if it is broken."""
        return parse_profile(self.text(), self.path)

    def save(self) -> Profile:
        """Write the changes (atomically, the previous file kept as ``.bak``); nothing is
        written when the result would be broken, the file changed meanwhile or it is
        read-only."""
        profile = self.check()
        if is_bundled(self.path):
            raise ProfileEditError(
                f"{self.path} is shipped with the app and is never changed; nothing was "
                "written. Start without --profile to use your own profile, or copy it."
            )
        if text_digest(read_profile_text(self.path)) != self._expected:
            raise ProfileChangedError(
                f"{self.path} was changed by another program since it was opened; "
                "nothing was written."
            )
        info = self._target.stat()
        if not info.st_mode & stat.S_IWUSR or not os.access(self._target, os.W_OK):
            raise ProfileEditError(
                f"{self.path} is read-only; nothing was written. Make it writable to "
                "change it from the app."
            )
        mode = stat.S_IMODE(info.st_mode)
        text = self.text()
        backup = self._target.with_name(self._target.name + BACKUP_SUFFIX)
        replace_atomically(backup, self._original.encode("utf-8"), mode)
        replace_atomically(self._target, text.encode("utf-8"), mode)
        self._original = text
        self._expected = profile.digest
        return profile

    # ------------------------------------------------------------ helpers

    def _tables(self, key: str, create: bool = False) -> AoT | Array:
        """``[[key]]`` tables or ``key = [{…}, …]``, whichever the file has."""
        found = self._document.get(key)
        if found is None and create:
            self._document[key] = tomlkit.aot()
            found = self._document[key]
        if found is None:
            return tomlkit.aot()
        if isinstance(found, AoT) or (
            isinstance(found, Array) and all(isinstance(t, InlineTable) for t in found)
        ):
            return found
        raise ProfileEditError(
            f"{self.path}: '{key}' is written in a form the app cannot change; "
            f"write it as [[{key}]] tables to edit it from the app"
        )

    @staticmethod
    def _append(tables: AoT | Array) -> Table | InlineTable:
        tables.append(tomlkit.table() if isinstance(tables, AoT) else tomlkit.inline_table())
        added: Table | InlineTable = tables[-1]
        return added

    @staticmethod
    def _find(tables: AoT | Array, name: str | None) -> Table | InlineTable | None:
        if name is None:
            return None
        return next((t for t in tables if t.get("name") == name), None)


def _set(table: Table | InlineTable, key: str, value: Any) -> None:
    """Set ``key``; an array whose kept items keep their order is changed item by item,
    so that its layout and the comments of those items stay. ``None`` takes the key
    away."""
    current = table.get(key)
    if value is None:
        table.pop(key, None)
    elif current == value:
        return
    elif isinstance(current, Array) and isinstance(value, list) and _in_order(current, value):
        for i in reversed(range(len(current))):
            if current[i] not in value:
                del current[i]
        for i, item in enumerate(value):
            if i >= len(current) or current[i] != item:
                current.insert(i, item)
    else:
        table[key] = value


def _set_table(table: Table | InlineTable, key: str, values: Mapping[str, Any]) -> None:
    """A sub-table (``[accounts.settings]``) holding exactly ``values``: the keys that
    stay keep their place and comments; an empty one goes."""
    current = table.get(key)
    if not values:
        table.pop(key, None)
        return
    if not isinstance(current, Table | InlineTable):
        table[key] = tomlkit.inline_table() if isinstance(table, InlineTable) else tomlkit.table()
        current = table[key]
    for name in [k for k in current if k not in values]:
        del current[name]
    for name, value in values.items():
        _set(current, name, value)


def _in_order(array: Array, values: list[Any]) -> bool:
    """Whether the items of ``array`` that ``values`` keeps are in the same order there."""
    kept = [item for item in array if item in values]
    return len(set(kept)) == len(kept) and kept == [v for v in values if v in kept]


def _number(minutes: float | None) -> float | int | None:
    if minutes is None:
        return None
    return int(minutes) if float(minutes).is_integer() else minutes


__all__ = ["ProfileChangedError", "ProfileEditError", "ProfileEditor", "ProfileError"]
