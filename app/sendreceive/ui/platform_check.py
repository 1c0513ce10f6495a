"""Can a window open here? Asked before the QApplication exists, because Qt answers a
platform plugin that cannot load by aborting the process with a message that names no
package to install ("could not load the Qt platform plugin "xcb"").

On Linux the default platform is xcb; its plugin needs X libraries that a minimal Debian
or Ubuntu does not have. The plugin is opened with ``dlopen`` here, where a missing
library is an ``OSError`` instead of an abort.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

#: What the xcb plugin and libQt6XcbQpa link against beyond the C library and Qt itself
#: (from ``ldd`` of both on Debian 12), as Debian/Ubuntu packages. The README's first
#: command names the same line (a test checks it).
XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
)
APT_INSTALL = "sudo apt-get install " + " ".join(XCB_PACKAGES)


def platform_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """One line saying why no window can open and what to do, or ``None`` when the
    platform plugin Qt will pick is not xcb or loads."""
    if not sys.platform.startswith("linux") or _platform(environ) != "xcb":
        return None
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugin / "platforms" / "libqxcb.so"
    if plugin.exists():
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            missing = str(exc).partition(":")[0]
            return (
                f"the window cannot open: Qt's xcb platform plugin needs system libraries "
                f"that are missing ({missing}); install them with: {APT_INSTALL} "
                "(or run without a window: --headless)"
            )
    if not environ.get("DISPLAY"):
        return (
            "the window cannot open: no X display (DISPLAY is not set); start it from a "
            "desktop session, or run without a window: --headless"
        )
    return None


def _platform(environ: Mapping[str, str]) -> str:
    """The platform Qt tries first: QT_QPA_PLATFORM's first entry, else wayland in a
    Wayland session, else xcb."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].partition(":")[0]
    if chosen:
        return chosen
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"
