"""What a front-end starts with: decided by the command line (``sendreceive.cli``), read by the
headless run and the GUI alike, so neither front-end depends on the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sendreceive.config.limits import RunLimits
from sendreceive.config.profile import ALL_ACCOUNTS, Profile, ProfileError
from sendreceive.hosting.isolation import DEFAULT_ISOLATION
from sendreceive.paths import default_store_root


@dataclass(frozen=True)
class Options:
    """Everything a front-end needs to start, decided from the command line."""

    profile: Profile | None
    profile_error: ProfileError | None = None
    group: str = ALL_ACCOUNTS
    run_at_start: bool = False
    store_root: Path = field(default_factory=default_store_root)
    limits: RunLimits = field(default_factory=RunLimits)
    language: str | None = None  # --lang: the window's language (headless is English)
    isolation: str = DEFAULT_ISOLATION  # the accounts' default (sendreceive.hosting.isolation)
    profile_created: bool = False  # the user's profile was made from the demo by this start
