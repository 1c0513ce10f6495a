"""No file the app creates is readable by another user: the real program, started with
the common umask 022, queues a message, sends it through aiosmtpd and receives from
Dovecot, records the run, writes a JUnit report and its log, all under data and state
folders of its own; every file it created is 0600 and every folder 0700 (before: the
Outbox, Sent Items, the log, recordings and reports were 0644)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from helpers.imap import make_message
from helpers.program import ROOT
from helpers.sending import outgoing, settings_table


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        umask=0o022,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def created(root: Path) -> list[Path]:
    """``root`` and everything under it."""
    found = [root]
    for folder, dirs, files in os.walk(root):
        found += [Path(folder, name) for name in dirs + files]
    return found


def test_every_file_and_folder_of_a_run_is_private(account, smtp_server, tmp_path):
    account.server.deliver(account.user, "INBOX", [make_message(1)])
    home = tmp_path / "home"
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    profile = tmp_path / "mail.toml"
    profile.write_text(
        '[[accounts]]\nname = "Work"\nprovider = "imap"\ntransport = "smtp"\n'
        + settings_table("accounts.settings", account.settings())
        + settings_table("accounts.transport_settings", smtp_server.settings("starttls"))
    )
    eml = tmp_path / "msg.eml"
    eml.write_bytes(outgoing(1))
    queued = run(["queue", "--profile", str(profile), "--account", "Work", str(eml)], env)
    assert queued.returncode == 0, queued.stderr
    out = tmp_path / "out"
    done = run(
        ["--headless", "--profile", str(profile), "--record", str(out / "recordings"),
         "--junit", str(out / "reports" / "junit.xml")],
        env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(smtp_server.messages()) == 1
    paths = created(home) + created(out)
    kinds = {p.suffix for p in paths if p.is_file()}
    assert {".jsonl", ".xml", ".log", ".json"} <= kinds  # recordings, report, log, Outbox
    assert any("Sent Items" in str(p) for p in paths) and any("Maildir" in str(p) for p in paths)
    shared = [
        f"{oct(stat.S_IMODE(p.lstat().st_mode))} {p}"
        for p in paths
        if not p.is_symlink()
        and stat.S_IMODE(p.lstat().st_mode) != (0o700 if p.is_dir() else 0o600)
    ]
    assert shared == []
