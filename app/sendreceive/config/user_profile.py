"""The user's own profile: created from the bundled demo on first start, in the user's
config folder, so that every change the app makes goes to a file the user owns and the
files shipped with the app are never written."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sendreceive.config.profile import DEMO_PROFILE, Profile, load_profile, read_profile_text
from sendreceive.durable import fsync_path, make_private_dirs, write_synced
from sendreceive.paths import default_profile_file

_HEADER = (
    "# Your Send/Receive Workbench profile, made from the demo on first start.\n"
    "# Add, edit or remove accounts with Tools > Account Settings, or edit this file.\n"
)


@dataclass(frozen=True)
class UserProfile:
    profile: Profile
    created: bool  # made from the demo by this start: the window says so


def open_user_profile(path: Path | None = None) -> UserProfile:
    """The user's profile (``path``, by default in the user's config folder), created
    from the demo when it does not exist yet; ``ProfileError`` if it is broken."""
    path = path or default_profile_file()
    created = False
    if not os.path.lexists(path):
        make_private_dirs(path.parent)
        demo = read_profile_text(DEMO_PROFILE).splitlines(keepends=True)
        while demo and demo[0].startswith("#"):  # the demo's own header says "bundled"
            demo.pop(0)
        text = _HEADER + "".join(demo)
        try:
            write_synced(path, text.encode("utf-8"))
            fsync_path(path.parent)
            created = True
        except FileExistsError:  # another start made it meanwhile: theirs is as good
            pass
    return UserProfile(load_profile(path), created)
