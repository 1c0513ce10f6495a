"""Where the app keeps data on disk, outside the source tree (XDG on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "sendreceive-workbench"


def default_store_root() -> Path:
    """Root of the providers' local stores: ``$XDG_DATA_HOME/sendreceive-workbench/stores``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME / "stores"
