"""A password kept in the system keyring (``password_source = "keyring"``) is as secret
as any other: after a run in which the provider uses it, prints it, logs it, reports it
and dies of an exception naming it, it is in none of the log file, the error texts, the
terminal (but what a provider in thread isolation writes to stdout itself) or the
recording."""

from __future__ import annotations

import contextlib
import json
import logging
import textwrap
from collections.abc import Iterator

import pytest

from sendreceive.cli import main
from sendreceive.config.passwords import store_password
from sendreceive.records.recording import recordings_in

SECRET = "kEyring-s3cret-9"
LEAKY = textwrap.dedent("""
    import logging
    from sendreceive.contract import E_FAIL, IID_IMAPISyncProgressCallback

    class Leaks:
        def __init__(self, **_password_settings):
            pass

        def SynchronizeInBackground(self, psibpb):
            cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
            secret = psibpb.psesSync.password()
            print("my password is", secret)
            logging.getLogger("leaky").warning("logging in with %s", secret)
            cb.Progress(f"Logging in with {secret}", 1, 2)
            cb.Error(E_FAIL, f"The server refused password {secret!r}")
            raise RuntimeError(f"login failed for {secret}")
""")


@contextlib.contextmanager
def app_logging() -> Iterator[None]:
    """The app's own logging set-up, as in a program of its own (pytest's capture
    handlers, there while a test runs, would make it keep them and write no log file)."""
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    root.handlers = []
    yield
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level = kept, level


@pytest.mark.parametrize("isolation", ["thread", "process"])
def test_a_keyring_password_is_in_no_log_error_text_or_recording(
    tmp_path, capsys, test_keyring, isolation
):
    provider = tmp_path / "leaky.py"
    provider.write_text(LEAKY)
    profile = tmp_path / "profile.toml"
    profile.write_text(
        f'[[accounts]]\nname = "Keyed"\nprovider = "{provider}:Leaks"\n'
        '[accounts.settings]\npassword_source = "keyring"\n'
    )
    store_password("Keyed", SECRET)
    assert test_keyring.passwords  # the test's own keyring, not the developer's
    log, records = tmp_path / "run.log", tmp_path / "records"
    with app_logging():
        code = main(
        ["--headless", "--json", "-vv", "--profile", str(profile), "--isolation", isolation,
         "--log-file", str(log), "--record", str(records), "--store-dir", str(tmp_path / "s")]
    )  # fmt: skip
    out = capsys.readouterr()
    assert code == 1  # the task failed
    report = [line for line in out.out.splitlines() if line.startswith("{")]
    # In thread isolation the provider's print is its own write to the process's stdout,
    # which the app never sees; in process isolation it crosses to the app, redacted.
    own = [line for line in out.out.splitlines() if not line.startswith("{")]
    assert own == ([f"my password is {SECRET}"] if isolation == "thread" else [])
    events = [json.loads(line) for line in report]
    errors = [event["text"] for event in events if event["event"] == "error"]
    assert any("The server refused password" in text for text in errors), errors
    assert any("RuntimeError: login failed for" in text for text in errors), errors
    (recording,) = recordings_in(records)
    written = {
        "log": log.read_text(),
        "errors": "\n".join(errors),
        "terminal": "\n".join(report) + out.err,
        "recording": recording.read_text(),
    }
    assert "logging in with" in written["log"]  # the provider's line is there, redacted
    for where, text in written.items():
        assert SECRET not in text, where
        assert SECRET.encode().hex() not in text, where
