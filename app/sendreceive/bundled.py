"""The files shipped with the app (the demo profiles, the icon, the translations).

They live in ``resources/`` at the top of the checkout, linked into the package as
``sendreceive/resources``; a wheel holds a copy there. Either way they are found through
``importlib.resources``, so no other module guesses a path.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    return Path(str(files("sendreceive") / "resources"))


def resource(name: str) -> Path:
    return resources_dir() / name


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is (or links to) one of the shipped files, which the app never
    writes: an installation may be read-only or shared, and an update would undo it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(resources_dir()))
