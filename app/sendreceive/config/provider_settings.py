"""The settings a provider declares, so that the accounts dialog can offer a form for it.

A provider class may list its settings in a ``SETTINGS`` attribute: a tuple of
``Setting`` (name, type, default, help). The dialog shows one field a setting and writes
what differs from the default into the account's ``[accounts.settings]``; a provider
that declares nothing gets a form of its name only (its settings stay in the file). The
dialog reads a declaration from the provider's source, never running it
(``sendreceive.hosting.settings_schema``), and checks it here, so a broken one is named,
not half shown.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SETTINGS_ATTRIBUTE = "SETTINGS"
SETTING_TYPES = (str, int, float, bool)
MAX_SETTINGS = 100


@dataclass(frozen=True)
class Setting:
    """One keyword argument of a provider, as a form shows it. ``default`` ``None``: the
    setting is required (no default) unless ``optional``."""

    name: str
    type: type
    default: Any = None
    help: str = ""
    optional: bool = False
    choices: tuple[str, ...] = ()  # for a ``str``: the values it may take

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional


class SettingsDeclarationError(Exception):
    """A provider's ``SETTINGS`` is not a tuple of valid ``Setting``."""


def check_settings(declared: object) -> tuple[Setting, ...]:
    """``declared``, a provider's ``SETTINGS``, if it is a tuple of valid ``Setting``."""
    if not isinstance(declared, tuple) or len(declared) > MAX_SETTINGS:
        raise SettingsDeclarationError(
            f"{SETTINGS_ATTRIBUTE} must be a tuple of at most {MAX_SETTINGS} Setting"
        )
    names: set[str] = set()
    for setting in declared:
        problem = _problem(setting, names)
        if problem:
            raise SettingsDeclarationError(f"{SETTINGS_ATTRIBUTE}: {problem}")
        names.add(setting.name)
    return declared


def _problem(setting: object, names: set[str]) -> str:
    if not isinstance(setting, Setting):
        return f"{setting!r:.80} is not a Setting"
    if not setting.name.isidentifier() or keyword.iskeyword(setting.name):
        return f"{setting.name!r:.80} is not a keyword argument's name"
    if setting.name in names:
        return f"{setting.name!r} is declared twice"
    if setting.type not in SETTING_TYPES:
        return f"{setting.name}: the type must be one of str, int, float, bool"
    if setting.default is not None and not _fits(setting.type, setting.default):
        return (
            f"{setting.name}: the default {setting.default!r:.80} is not a {setting.type.__name__}"
        )
    if setting.choices and (
        setting.type is not str or not all(isinstance(c, str) for c in setting.choices)
    ):
        return f"{setting.name}: choices are for a str setting, and are str"
    return ""


def _fits(kind: type, value: Any) -> bool:
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def changed_settings(declared: tuple[Setting, ...], values: Mapping[str, Any]) -> dict[str, Any]:
    """What a form's ``values`` write to a profile: each value that is set and is not its
    setting's default; a value of the wrong type raises ``ValueError``."""
    settings: dict[str, Any] = {}
    for setting in declared:
        value = values.get(setting.name)
        if value is None or (value == "" and setting.type is str):
            continue
        if not _fits(setting.type, value):
            raise ValueError(f"{setting.name} must be a {setting.type.__name__}")
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{setting.name} must be one of {', '.join(setting.choices)}")
        if value != setting.default:
            settings[setting.name] = float(value) if setting.type is float else value
    return settings
