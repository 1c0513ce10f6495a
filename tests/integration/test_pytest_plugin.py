"""The ``sendreceive`` fixture as a provider author uses it: in a fresh directory, a
fresh ``pytest`` finds it through the package's ``pytest11`` entry point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sendreceive.contract import E_FAIL, MAPI_E_USER_CANCEL, S_OK, IID_IMAPISyncProgressCallback

PROVIDER = textwrap.dedent(
    """
    from sendreceive.contract import S_OK, IID_IMAPISyncProgressCallback

    class Hello:
        def __init__(self, count=3, twice=False):
            self.count, self.twice = count, twice

        def SynchronizeInBackground(self, psibpb):
            cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
            for i in range(1, self.count + 1):
                cb.Progress(f"Hello step {i}", i, self.count)
            cb.Done(None, S_OK)
            if self.twice:
                cb.Done(None, S_OK)
            return S_OK
    """
)

TEST = textwrap.dedent(
    """
    def test_hello(sendreceive):
        result = sendreceive.run("hello.py:Hello", settings={"twice": TWICE})
        result.assert_clean()
    """
)


SHOW_TEST = textwrap.dedent(
    """
    def test_hello(sendreceive):
        dialog, result = sendreceive.show("hello.py:Hello", settings={"twice": TWICE})
        assert dialog.header.text() == "1 of 1 tasks have completed successfully"
        result.assert_clean()
    """
)


def pytest_in(tmp_path, twice: bool, test: str = TEST, display: bool = True):
    """A fresh pytest; ``display=False``: as on a CI runner, no display and no platform
    chosen (the plugin must choose the offscreen one)."""
    (tmp_path / "hello.py").write_text(PROVIDER)
    (tmp_path / "test_hello.py").write_text(test.replace("TWICE", str(twice)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"  # the dialog of a ``show`` test, off any screen
    else:
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_hello.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_third_party_test_passes_and_fails_readably(tmp_path):
    passed = pytest_in(tmp_path, twice=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "1 passed" in passed.stdout
    failed = pytest_in(tmp_path, twice=True)
    assert failed.returncode == 1
    assert "the provider ended 'Completed with 1 contract violation'" in failed.stdout
    assert "Rule 6 (Done exactly once, nothing after it): Done called twice" in failed.stdout
    assert "Traceback" not in failed.stdout


def test_a_third_party_test_asserts_what_the_dialog_shows(tmp_path):
    passed = pytest_in(tmp_path, twice=False, test=SHOW_TEST)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = pytest_in(tmp_path, twice=True, test=SHOW_TEST)
    assert failed.returncode == 1
    assert "0 of 1 tasks have completed successfully" in failed.stdout  # the dialog's header


def test_show_passes_on_a_machine_without_a_display(tmp_path):
    passed = pytest_in(tmp_path, twice=False, test=SHOW_TEST, display=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Fatal Python error" not in passed.stderr
    assert passed.stdout.count("Qt runs on its offscreen platform") == 1


class Cancels:
    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        cb.Progress("One", 1, 2)
        cb.Error(E_FAIL, "Lost the connection")
        cb.Done(None, MAPI_E_USER_CANCEL)
        return S_OK


def test_the_result_of_an_object(sendreceive):
    result = sendreceive.run(Cancels())
    assert (result.status, result.hresult) == ("Cancelled", MAPI_E_USER_CANCEL)
    assert [(e.kind, e.text, e.count) for e in result.errors] == [
        ("error", "Lost the connection", 1)
    ]
    assert not result.violations
    assert [c.name for c in result.calls if not c.host] == [
        "QueryInterface", "Progress", "Error", "Done",
    ]  # fmt: skip


def test_a_recording_replays_as_a_test(sendreceive, tmp_path):
    from sendreceive.cli import main

    main(["--headless", "--provider", "sendreceive.providers.faulty:DoneTwice",
          "--record", str(tmp_path / "rec"), "--store-dir", str(tmp_path / "s"),
          "--log-file", str(tmp_path / "log")])  # fmt: skip
    (recording,) = (tmp_path / "rec").iterdir()
    result = sendreceive.replay(recording)
    assert result.status == "Completed with 1 contract violation"
    assert result.violations[0].text.startswith("Rule 6 (Done exactly once")
