"""The real program as a screen reader meets it: ``atspi_client.py`` run by Debian's
``python3`` (``pyatspi`` is a Debian package, not on PyPI) inside a private D-Bus
session and X server (Qt's offscreen platform has no accessibility bridge).
``ensure_installed`` installs the Debian packages when they are missing and we are root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .dovecot import SetupError, _ensure_command

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).with_name("atspi_client.py")
SYSTEM_PYTHON = "/usr/bin/python3"
COMMANDS = (
    ("/usr/libexec/at-spi-bus-launcher", "at-spi2-core"),
    ("dbus-run-session", "dbus-daemon"),
    ("xvfb-run", "xvfb"),
)
RUN_TIMEOUT = 300.0  # seconds for a whole scenario on a loaded 2-core machine


def ensure_installed() -> None:
    for command, package in COMMANDS:
        _ensure_command(command, package)
    if _has_pyatspi():
        return
    if os.geteuid() != 0:
        raise SetupError("pyatspi is missing: run `sudo apt-get install python3-pyatspi`")
    install = ["apt-get", "install", "-y", "-qq", "python3-pyatspi"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
    if not _has_pyatspi():
        raise SetupError(f"`{' '.join(install)}` failed: {done.stderr.strip()[-2000:]}")


def _has_pyatspi() -> bool:
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    try:
        return subprocess.run(probe, capture_output=True, check=False).returncode == 0
    except OSError:  # no Debian python3 at all: apt-get brings it with the package
        return False


def run_scenario(scenario: str, profile: Path, home: Path) -> dict[str, Any]:
    """Run ``scenario`` of the client against ``python main.py --profile PROFILE`` with
    its own home (settings, state), and return what the client found."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY")
    }
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "SENDRECEIVE_DEMO_SPEED": "20",
    }
    program = [sys.executable, str(ROOT / "main.py"), "--profile", str(profile)]
    program += ["--store-dir", str(home / "stores")]
    # The X server first: the bus and what it starts (the registry, which types the
    # client's keys) must know the display.
    command = ["xvfb-run", "-a", "dbus-run-session", "--", SYSTEM_PYTHON, str(CLIENT)]
    done = subprocess.run(
        [*command, scenario, "--", *program],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        failed = f"the AT-SPI client failed ({done.returncode})"
        raise AssertionError(f"{failed}:\n{done.stderr[-4000:]}")
    found: dict[str, Any] = json.loads(lines[-1])
    return found
