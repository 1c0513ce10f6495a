"""Changes to a profile file made by the app (groups, enabled accounts), written back
with the user's comments and layout kept.

The file is read and changed with tomlkit, which round-trips TOML. Before anything is
written the changed text is read back with the same loader as at start-up, so an edit
that would break the profile is refused and the file stays as it was; the new text goes
to a temporary file that is fsynced and renamed over the profile (never half-written),
and the previous text is kept beside it as ``<name>.bak``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from sendreceive.config.profile import (
    ALL_ACCOUNTS,
    Group,
    Profile,
    ProfileError,
    load_profile,
    parse_profile,
)
from sendreceive.durable import replace_atomically

BACKUP_SUFFIX = ".bak"


class ProfileChangedError(Exception):
    """The file changed on disk since it was read: writing would lose that change."""


class ProfileEditor:
    """One editing session of a profile file: read, change, ``save``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        load_profile(path)  # a broken profile is not edited (ProfileError)
        self._original = path.read_text("utf-8")
        self._document = tomlkit.parse(self._original)

    def __repr__(self) -> str:
        return f"<ProfileEditor {str(self.path)!r}>"

    # ------------------------------------------------------------ changes

    def set_enabled(self, account: str, enabled: bool) -> None:
        table = self._find(self._document.get("accounts"), account)
        if table is None:
            raise KeyError(account)
        if enabled:
            table.pop("enabled", None)  # the default: the key goes away
        else:
            table["enabled"] = False

    def set_group(self, group: Group, old_name: str | None = None) -> None:
        """Create ``group``, or replace the one named ``old_name`` (a rename keeps its
        place and comments)."""
        groups = self._groups()
        table = self._find(groups, old_name if old_name is not None else group.name)
        if table is None:
            table = tomlkit.table()
            groups.append(table)
            table = groups[-1]
        table["name"] = group.name
        implicit = group.name == ALL_ACCOUNTS
        self._set(table, "accounts", None if implicit else list(group.accounts))
        self._set(table, "every_minutes", _number(group.every_minutes))
        self._set(
            table,
            "send_receive_all",
            None if group.send_receive_all == implicit else group.send_receive_all,
        )
        self._set(table, "send_only", sorted(group.send_only) or None)
        self._set(table, "receive_only", sorted(group.receive_only) or None)

    def delete_group(self, name: str) -> None:
        groups = self._document.get("groups")
        if isinstance(groups, AoT):
            for i, table in enumerate(groups):
                if table.get("name") == name:
                    del groups[i]
                    return
        raise KeyError(name)

    # ------------------------------------------------------------ checking, writing

    def text(self) -> str:
        return tomlkit.dumps(self._document)

    def check(self) -> Profile:
        """The profile the changed text describes; ``ProfileError`` if it is broken."""
        return parse_profile(self.text(), self.path)

    def save(self) -> Profile:
        """Write the changes (atomically, the previous file kept as ``.bak``); nothing is
        written when the result would be broken or the file changed meanwhile."""
        profile = self.check()
        if self.path.read_text("utf-8") != self._original:
            raise ProfileChangedError(
                f"{self.path} was changed by another program since it was opened; "
                "nothing was written. Open the dialog again to edit the new version."
            )
        text = self.text()
        _write_atomically(self.path.with_name(self.path.name + BACKUP_SUFFIX), self._original)
        _write_atomically(self.path, text)
        self._original = text
        return profile

    # ------------------------------------------------------------ helpers

    def _groups(self) -> AoT:
        groups = self._document.get("groups")
        if not isinstance(groups, AoT):
            groups = tomlkit.aot()
            self._document["groups"] = groups
            groups = self._document["groups"]
        assert isinstance(groups, AoT)
        return groups

    @staticmethod
    def _find(tables: Any, name: str | None) -> Table | None:
        if name is None or not isinstance(tables, AoT):
            return None
        return next((t for t in tables if t.get("name") == name), None)

    @staticmethod
    def _set(table: Table, key: str, value: Any) -> None:
        if value is None:
            table.pop(key, None)
        elif table.get(key) != value:
            table[key] = value


def _number(minutes: float | None) -> float | int | None:
    if minutes is None:
        return None
    return int(minutes) if float(minutes).is_integer() else minutes


def _write_atomically(path: Path, text: str) -> None:
    """``text`` in ``path`` or, whatever happens, the file as it was (its mode kept)."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    replace_atomically(path, text.encode("utf-8"), mode)


__all__ = ["ProfileChangedError", "ProfileEditor", "ProfileError"]
