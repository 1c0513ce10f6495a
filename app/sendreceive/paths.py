"""Where the app keeps data on disk, outside the source tree: the per-user folders of
each platform, as ``platformdirs`` names them (XDG on Linux, honouring ``XDG_*_HOME``).
One owner for every per-user path; nothing here is ever inside the installation."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from pathlib import Path

import platformdirs

APP_DIR_NAME = "sendreceive-workbench"
_READABLE_PART = 40  # characters of the account name kept in its store's folder name
PROFILE_FILE_NAME = "profile.toml"


def config_dir() -> Path:
    """The user's settings: their own profile, the window's preferences."""
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


def state_dir() -> Path:
    """What the app remembers between starts: the log, each account's last result."""
    return platformdirs.user_state_path(APP_DIR_NAME, appauthor=False)


def default_profile_file() -> Path:
    """The user's own profile, created from the demo on first start."""
    return config_dir() / PROFILE_FILE_NAME


def default_store_root() -> Path:
    """Root of the providers' local stores: ``$XDG_DATA_HOME/sendreceive-workbench/stores``."""
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False) / "stores"


def default_log_file() -> Path:
    """``$XDG_STATE_HOME/sendreceive-workbench/sendreceive.log``: where Qt's
    ``QStandardPaths.GenericStateLocation`` points too, so the GUI and a headless run
    write one log."""
    return state_dir() / "sendreceive.log"


def last_results_file(profile: Path) -> Path:
    """Where the last result of each account of the profile file ``profile`` is kept."""
    return state_dir() / "last-results" / f"{store_name(str(profile.absolute()))}.json"


def resolve_path(path: Path) -> Path:
    """``path.resolve()`` (non-strict: missing parts are fine) that refuses a symlink loop
    on every Python, raising ``OSError(ELOOP)``.

    Pathlib's non-strict ``resolve()`` raised ``RuntimeError`` for a loop up to Python
    3.12 and returns the looping path unchanged from 3.13 on, so the loop is looked for
    here, as 3.12's pathlib did, by a ``stat()`` that follows the links; the other errors
    of that ``stat()`` (a part missing, not a folder, no permission) are not ours to judge.
    """
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise
    return path.resolve()


def slug(name: str) -> str:
    """A file-system-safe, readable form of an account name; many names share one."""
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "account"


def store_name(account_name: str) -> str:
    """The folder name of an account's store: one per account name, stable across runs.

    The readable slug alone would give "Work mail" and "Work/mail" one folder; the digest
    of the exact name keeps them apart, also on case-insensitive file systems.
    """
    digest = hashlib.sha256(account_name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{slug(account_name)[:_READABLE_PART]}-{digest}"


def store_dir(root: Path, account_name: str) -> Path:
    """An account's store directory: absolute, so a later ``chdir`` cannot move it."""
    return Path(os.path.abspath(root)) / store_name(account_name)
