"""The files shipped with the app (the demo profiles, the icon), wherever it is installed.

The checkout keeps them in ``resources/`` beside ``app/``; a wheel installs the same
folder as ``app/resources`` (``pyproject.toml`` maps it at build time). Both are found
here, through ``importlib.resources`` first, so no other module guesses a path.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The folder of bundled files: the installed package's, else the checkout's."""
    installed = files("app") / "resources"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name
