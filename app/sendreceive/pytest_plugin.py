"""The ``sendreceive`` pytest fixture, for provider authors: run a provider in the real
host (headless, real threads, real contract checks) and assert what happened.

Installed with the package and registered under ``pytest11``, so any project that has
``sendreceive-workbench`` installed gets the fixture::

    def test_hello(sendreceive):
        result = sendreceive.run("hello.py:Hello", settings={"count": 3})
        assert result.status == "Completed" and not result.violations

With pytest-qt, ``dialog, result = sendreceive.show(...)`` runs it in the real
Send/Receive dialog instead, and returns the dialog to assert what it shows. A recording
(``sendreceive --record``) becomes a test the same way:
``sendreceive.replay("run/Hello-….jsonl")``. ``result.assert_clean()`` fails with the
task's status and every error and violation line, worded as the headless report does.

On Linux with no display (``DISPLAY`` and ``WAYLAND_DISPLAY`` unset, a typical CI
runner) and no ``QT_QPA_PLATFORM`` chosen, the plugin chooses Qt's ``offscreen``
platform before any test starts Qt, and says so once at the session's start: without
it, ``show`` would abort the whole run.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from sendreceive.config.profile import DEFAULT_FLAGS, ISOLATION_MODES, Account
from sendreceive.config.program_command import PROGRAM, command_of_spec, is_command
from sendreceive.contract import SyncFlags
from sendreceive.hosting.isolation import host_factory
from sendreceive.records.recording import read
from sendreceive.run.english import error_line, status_text
from sendreceive.run.send_receive import Run, RunLimits
from sendreceive.tracking.error_log import ErrorEntry, ErrorKind
from sendreceive.tracking.trace import Call
from sendreceive.tracking.tracker import TaskState

TEST_LIMITS = RunLimits(stall_timeout=5.0, cancel_grace=2.0, done_event_grace=0.5)
_registered = itertools.count(1)
OFFSCREEN_NOTE = (
    "sendreceive: no display (DISPLAY and WAYLAND_DISPLAY are not set): "
    "Qt runs on its offscreen platform (QT_QPA_PLATFORM=offscreen)"
)
_chose_offscreen = False


def pytest_configure(config: pytest.Config) -> None:
    """Qt's offscreen platform where no display is: before any test creates Qt's app."""
    global _chose_offscreen
    displayless = not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and displayless and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _chose_offscreen = True


def pytest_sessionstart(session: pytest.Session) -> None:
    """Said once, even with ``-q`` (a header would not be)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _chose_offscreen and reporter is not None:
        reporter.write_line(OFFSCREEN_NOTE)


@dataclass(frozen=True)
class ErrorLine:
    kind: str  # "error", "warning" or "contract violation"
    hresult: int | None
    text: str
    count: int
    line: str  # as the headless report words it


@dataclass
class Result:
    """What one run of a provider came to."""

    state: TaskState
    status: str  # as the dialog and the headless table word it: "Completed", "Failed: …"
    hresult: int | None  # Done's (or the host's) verdict
    errors: list[ErrorLine] = field(default_factory=list)  # errors and warnings
    violations: list[ErrorLine] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)  # the call trace, host steps included
    isolation: str = ""  # where it ran: "process" or "thread"

    def assert_clean(self) -> None:
        """Fail, saying why, unless the provider completed with no error, no warning
        and no contract violation."""
        if self.state.status.value != "completed" or self.errors or self.violations:
            lines = "\n".join(e.line for e in [*self.violations, *self.errors])
            pytest.fail(f"the provider ended {self.status!r}\n{lines}", pytrace=False)


class Workbench:
    """The fixture's object: each ``run`` is a fresh Send/Receive of one account."""

    def __init__(self, store_root: Path, request: pytest.FixtureRequest) -> None:
        self._store_root = store_root
        self._request = request
        self._cleanup = ExitStack()

    def run(
        self,
        provider: Any,
        settings: Mapping[str, Any] | None = None,
        flags: SyncFlags = DEFAULT_FLAGS,
        isolation: str | None = None,
        limits: RunLimits = TEST_LIMITS,
        name: str = "Provider under test",
    ) -> Result:
        """Run ``provider`` (a spec string, a program's command as a list of words or a
        line, a class or a function of a module's top level, or any object) as one
        account, where the app would run it (``isolation=None``: a process of its own,
        the app's default) or where asked (``"thread"``: on a thread of this process,
        for a debugger's breakpoints). An
        object the test made can only run on a thread of this process."""
        account = _account(provider, settings, flags, isolation, name)
        run = Run([account], self._store_root, limits, host_factory=host_factory(isolation, []))
        asyncio.run(run.execute())
        return _result(run)

    def show(
        self,
        provider: Any,
        settings: Mapping[str, Any] | None = None,
        flags: SyncFlags = DEFAULT_FLAGS,
        isolation: str | None = None,
        limits: RunLimits = TEST_LIMITS,
        name: str = "Provider under test",
    ) -> tuple[Any, Result]:
        """Run ``provider`` as ``run`` does, but in the real Send/Receive dialog (needs
        pytest-qt): returns the dialog, its task selected, once it shows the end, and the
        same ``Result``. The dialog is closed when the test ends."""
        from sendreceive.ui.dialog_harness import qasync_loop, run_in_dialog  # Qt only when asked

        qtbot = self._request.getfixturevalue("qtbot")
        if asyncio.events._get_running_loop() is None:  # no GUI loop of the test's own
            self._cleanup.enter_context(qasync_loop())
        account = _account(provider, settings, flags, isolation, name)
        hosts = host_factory(isolation, [])
        dialog, run = run_in_dialog(qtbot, account, self._store_root, limits, hosts)
        return dialog, _result(run)

    def close(self) -> None:
        self._cleanup.close()

    def replay(self, recording: str | Path, speed: float = 0.0, **kwargs: Any) -> Result:
        """Replay a recording as its account (as fast as possible by default)."""
        header = read(Path(recording)).header
        return self.run(
            "replay",
            settings={"trace": str(recording), "speed": speed},
            flags=SyncFlags(int(header["flags"])),
            name=str(header["account"]),
            **kwargs,
        )


def _account(
    provider: Any,
    settings: Mapping[str, Any] | None,
    flags: SyncFlags,
    isolation: str | None,
    name: str,
) -> Account:
    """The account that runs ``provider``, checked for what isolation can host it."""
    if isolation is not None and isolation not in ISOLATION_MODES:
        raise ValueError(f"isolation must be one of {ISOLATION_MODES}, got {isolation!r}")
    if isinstance(provider, list | tuple) or (isinstance(provider, str) and is_command(provider)):
        command = command_of_spec(provider, Path.cwd())
        return Account(
            name, PROGRAM, flags, dict(settings or {}), isolation=isolation, command=command
        )
    spec = provider if isinstance(provider, str) else _file_spec(provider)
    if spec is None:  # an object only this process holds
        if isolation == "process":
            raise ValueError(
                "an object made by the test lives in this process: pass a spec string "
                "('path/to/file.py:Provider', 'package.module:attr' or an entry point), "
                "or a class of a module's top level, to run it in a process of its own"
            )
        spec, isolation = _register(provider), "thread"
    return Account(name, spec, flags, dict(settings or {}), isolation=isolation)


def _file_spec(provider: Any) -> str | None:
    """``path/to/file.py:Name`` for a class or function that its module's file defines
    at its top level (a provider's process loads it from there), else ``None``."""
    if not (inspect.isclass(provider) or inspect.isfunction(provider)):
        return None
    module = sys.modules.get(provider.__module__)
    path = getattr(module, "__file__", None)
    name = provider.__qualname__
    if path is None or "." in name or getattr(module, name, None) is not provider:
        return None
    return f"{path}:{name}"


def _register(provider: Any) -> str:
    """A ``module:attr`` spec for an object the test holds, for the real plugin loader."""
    attr = f"provider_{next(_registered)}"
    setattr(sys.modules[__name__], attr, provider)
    return f"{__name__}:{attr}"


def _result(run: Run) -> Result:
    run.settle()
    (task,) = run.tasks
    state = task.snapshot()
    lines = [_line(e) for e in run.error_log.entries[:]]
    return Result(
        state,
        status_text(state),
        state.result,
        [e for e in lines if e.kind != ErrorKind.VIOLATION.value],
        [e for e in lines if e.kind == ErrorKind.VIOLATION.value],
        task.tracker.trace_since(0).calls,
        task.host.isolation,
    )


def _line(entry: ErrorEntry) -> ErrorLine:
    return ErrorLine(entry.kind.value, entry.hresult, entry.text, entry.count, error_line(entry))


@pytest.fixture
def sendreceive(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Workbench]:
    """Run a store provider in the Send/Receive host and look at what it did."""
    workbench = Workbench(tmp_path / "stores", request)
    yield workbench
    workbench.close()
