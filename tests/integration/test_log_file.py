"""The log file: where a desktop user's tracebacks and provider logging go, rotated,
tagged by account, and never holding a password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROVIDER = f"{ROOT / 'tests' / 'data' / 'password_provider.py'}:NeedsPassword"
SECRET = "s3cret-hunter2"


def main_py(*args: str, tmp_path: Path, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--store-dir", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "settings",
    [
        # The command prints the password and fails: the provider logs and reports it.
        ['password_command="echo ' + SECRET + '; exit 3"', "report=true"],
        # The same failure escapes as an exception: its traceback is logged.
        ['password_command="echo ' + SECRET + '; exit 3"', "report=false"],
        # The password is given and used: nothing of it is logged, even at -vv.
        [f"password={SECRET}"],
    ],
    ids=["reported", "raised", "used"],
)
def test_the_password_never_reaches_the_log_file(tmp_path, settings):
    log = tmp_path / "logs" / "run.log"
    sets = [arg for setting in settings for arg in ("--set", setting)]
    done = main_py(
        "--headless", "-vv", "--log-file", str(log), "--provider", PROVIDER, *sets,
        tmp_path=tmp_path,
    )  # fmt: skip
    text = log.read_text()
    assert "run finished" in text  # the host's own info lines are there
    assert SECRET not in text
    assert SECRET not in done.stdout + done.stderr
    if "report=true" in settings:
        assert "sendreceive.provider.NeedsPassword: cannot log in to NeedsPassword" in text
    if "report=false" in settings:
        assert "Traceback (most recent call last):" in text
        assert "sendreceive.provider.NeedsPassword: SynchronizeInBackground raised" in text


def test_the_log_goes_to_the_state_directory_by_default(tmp_path):
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"), SENDRECEIVE_DEMO_SPEED="50")
    done = main_py("--headless", "--group", "Work", tmp_path=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    log = tmp_path / "state" / "sendreceive-workbench" / "sendreceive.log"
    assert "INFO sendreceive.engine: run finished" in log.read_text()


def test_a_log_file_that_cannot_be_written_is_said_once_and_the_run_goes_on(tmp_path):
    env = dict(os.environ, SENDRECEIVE_DEMO_SPEED="50")
    done = main_py(
        "--headless", "--group", "Work", "--log-file", str(tmp_path), tmp_path=tmp_path, env=env
    )
    assert done.returncode == 0
    assert done.stderr.count(f"sendreceive: cannot write the log file {tmp_path}: ") == 1


SNOOP = '''
import logging, os, sys
from pathlib import Path


class Quiet:
    def __init__(self, **settings):
        pass

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(
            __import__("sendreceive.contract").contract.IID_IMAPISyncProgressCallback)
        cb.Done(None, 0)
        return 0


class Snoop:
    """Looks for the other accounts' secrets in the app's processes, then says its own
    password every way a provider can: printed, logged, in Error, in its last words."""

    def __init__(self, **settings):
        pass

    def SynchronizeInBackground(self, psibpb):
        session = psibpb.psesSync
        found = []
        pid = os.getpid()
        while pid > 1:  # its own process, the fork server, the app, …
            try:
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                environ = b""
            if b"victim-env-s3cret" in environ:
                found.append(f"the victim's password in /proc/{pid}/environ")
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        (session.store_dir / "found.txt").write_text("\\n".join(found))
        own = session.password()
        print("my password is", own)
        print("my password is", own, file=sys.stderr)
        logging.getLogger("snoop").warning("my password is %s", own)
        cb = psibpb.punkCallBack.QueryInterface(
            __import__("sendreceive.contract").contract.IID_IMAPISyncProgressCallback)
        cb.Error(0x80004005, f"my password is {own}")
        sys.stderr.flush()
        os._exit(3)
'''

SNOOP_PROFILE = """
[[accounts]]
name = "Victim"
provider = "{quiet}"
[accounts.settings]
password_env = "SR_VICTIM_PASSWORD"

[[accounts]]
name = "Snoop"
provider = "{provider}"
[accounts.settings]
password = "snoop-own-s3cret"
"""


def test_no_secret_is_found_by_a_provider_or_written_when_it_prints_one(tmp_path):
    """A provider reading the environment of every process above it finds no account's
    password_env; its own password, printed, logged, reported and in its last output,
    reaches neither the terminal, nor --json, nor the log file."""
    provider = tmp_path / "snoop.py"
    provider.write_text(SNOOP)
    profile = tmp_path / "profile.toml"
    profile.write_text(
        SNOOP_PROFILE.format(provider=f"{provider}:Snoop", quiet=f"{provider}:Quiet")
    )
    log = tmp_path / "run.log"
    env = dict(os.environ, SR_VICTIM_PASSWORD="victim-env-s3cret", SENDRECEIVE_DEMO_SPEED="50")
    for output in ([], ["--json"]):
        done = main_py(
            "--headless", *output, "-vv", "--profile", str(profile), "--log-file", str(log),
            tmp_path=tmp_path, env=env,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr  # the snoop's process died, the victim ran
        assert "Victim - Receiving  Completed" in done.stdout or output
        for written in (done.stdout, done.stderr, log.read_text()):
            assert "snoop-own-s3cret" not in written
            assert "victim-env-s3cret" not in written
        assert "my password is «secret»" in done.stdout + done.stderr
        found = next((tmp_path / "s").rglob("found.txt")).read_text()
        assert found == "", found
