"""What a new user meets first: a window that cannot open says why and what to install,
arguments that do not fit are refused, settings land where a user looks for them."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

import pytest
from helpers.program import run_program, run_window_program

from sendreceive.ui import platform_check
from sendreceive.ui.platform_check import APT_INSTALL, XCB_PACKAGES, platform_problem
from sendreceive.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


def test_readme_names_the_packages_the_xcb_plugin_needs():
    readme = (ROOT / "README.md").read_text()
    assert APT_INSTALL in readme
    assert readme.index(APT_INSTALL) < readme.index("## Command line")  # the first section


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ""},
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_platforms_other_than_xcb_are_left_to_qt(environ):
    assert platform_problem(environ) is None


def test_a_missing_xcb_library_names_every_package_to_install(monkeypatch):
    def missing(path: str) -> None:
        raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    problem = platform_problem({"DISPLAY": ":0"})
    assert problem is not None
    assert "(libxcb-icccm.so.4)" in problem
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 " in problem
    assert all(package in problem for package in XCB_PACKAGES)
    assert "--headless" in problem
    assert "\n" not in problem


def test_no_display_is_said_in_plain_words(monkeypatch):
    monkeypatch.setattr(platform_check.ctypes, "CDLL", lambda path: None)
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb"})
    assert problem is not None
    assert "no X display (DISPLAY is not set)" in problem


def test_the_program_exits_2_with_one_clear_line_instead_of_qts_abort(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("WAYLAND_DISPLAY", None)
    done = run_program(["--store-dir", str(tmp_path)], env=env)
    assert done.returncode == 2, done.stderr
    first = done.stderr.splitlines()[0]
    assert first.startswith("sendreceive: the window cannot open: "), done.stderr
    assert "--headless" in first
    assert "could not load the Qt platform plugin" not in done.stderr.lower()


def test_json_without_headless_is_an_argument_error(tmp_path):
    done = run_program(["--json", "--store-dir", str(tmp_path)])
    assert done.returncode == 2
    assert "error: --json only works with --headless" in done.stderr


def test_record_with_the_window_is_refused_not_ignored(tmp_path):
    done = run_program(["--record", str(tmp_path / "rec"), "--store-dir", str(tmp_path)])
    assert done.returncode == 2
    assert "error: --record only works with --headless" in done.stderr
    assert not (tmp_path / "rec").exists()


def test_settings_file_name_has_no_slash_from_the_application_name():
    path = Path(AppSettings().file_name())
    assert path.name in ("sendreceive-workbench.conf", "sendreceive-workbench.ini")
    assert "Send" not in str(path)


def test_the_gui_exits_2_after_refusing_a_broken_profile(tmp_path):
    profile = tmp_path / "broken.toml"
    profile.write_text('[[accounts]]\nname = "A"\nprovder = "x"\n')
    done = run_window_program(["--profile", str(profile)], close_when_run_ends=False)
    assert done.returncode == 2, done.stderr[-3000:]
