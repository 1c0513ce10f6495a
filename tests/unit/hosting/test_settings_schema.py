"""The accounts dialog reads a provider's ``SETTINGS`` from its source: what it reads is
what the provider declares, and none of the provider's code runs to read it."""

from __future__ import annotations

import os
import sys
import textwrap

import pytest

from sendreceive.config.provider_settings import Setting, SettingsDeclarationError
from sendreceive.hosting.loading import available_providers, resolve
from sendreceive.hosting.settings_schema import MAX_SOURCE_BYTES, read_settings


@pytest.mark.parametrize("name", available_providers())
def test_what_is_read_is_what_each_bundled_provider_declares(name):
    assert read_settings(name) == getattr(resolve(name), "SETTINGS", ())


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A provider package whose every module ends the process if it is ever run."""
    monkeypatch.syspath_prepend(str(tmp_path))
    root = tmp_path / "schema_probe"
    root.mkdir()
    stop = "import os\nos._exit(3)\n"
    (root / "__init__.py").write_text(stop + "from .provider import Probe as Exported\n")
    (root / "limits.py").write_text(stop + "TIMEOUT = 6 * 10.0\nMODES = ('a', 'b')\n")
    (root / "provider.py").write_text(
        stop
        + textwrap.dedent("""
        from sendreceive.config import provider_settings as ps
        from sendreceive.config.provider_settings import Setting
        from .limits import TIMEOUT, MODES as CHOICES
        PORT = 143

        class Base:
            SETTINGS = (Setting("port", int, PORT, "The port"),)

        class Probe(Base):
            SETTINGS = (
                Setting("timeout", float, TIMEOUT, "Seconds"),
                ps.Setting("mode", str, "a", "How", choices=CHOICES),
                Setting("offset", int, -PORT + 1, help="Below"),
            )

        class Inherits(Base):
            pass

        class Computed:
            SETTINGS = (Setting("x", int, len("abc")),)
        """)
    )
    yield "schema_probe"
    for module in [m for m in sys.modules if m.startswith("schema_probe")]:
        del sys.modules[module]


def test_a_declaration_is_read_through_imports_without_running_any_of_it(package):
    assert read_settings(f"{package}:Exported") == (
        Setting("timeout", float, 60.0, "Seconds"),
        Setting("mode", str, "a", "How", choices=("a", "b")),
        Setting("offset", int, -142, help="Below"),
    )
    assert read_settings(f"{package}.provider:Inherits") == (Setting("port", int, 143, "The port"),)
    assert not [m for m in sys.modules if m.startswith(package)]  # nothing was imported


@pytest.mark.parametrize(
    ("attr", "problem"),
    [
        ("provider:Computed", r"provider\.py:\d+: len\('abc'\) is not a literal"),
        ("provider:Missing", r"provider\.py: Missing is not defined at the top level"),
        ("provider:PORT", r"provider\.py:\d+: PORT is not a class statement"),
    ],
)
def test_what_cannot_be_read_statically_is_named_with_its_line(package, attr, problem):
    with pytest.raises(SettingsDeclarationError, match="cannot be read without running its code"):
        read_settings(f"{package}.{attr}")
    with pytest.raises(SettingsDeclarationError, match=problem):
        read_settings(f"{package}.{attr}")


def test_a_provider_file_and_a_loose_class_without_settings(tmp_path):
    provider = tmp_path / "loose.py"
    provider.write_text("raise SystemExit('ran')\nclass Plain:\n    pass\n")
    assert read_settings(f"{provider}:Plain") == ()
    with pytest.raises(SettingsDeclarationError, match="no Python source for module nowhere_xyz"):
        read_settings("nowhere_xyz:Thing")


def test_a_provider_file_that_is_a_fifo_or_too_large_is_named_not_read(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)  # nobody writes: an open that waited would never return
    with pytest.raises(SettingsDeclarationError, match=r"pipe\.py: is a FIFO"):
        read_settings(f"{fifo}:Provider")
    huge = tmp_path / "huge.py"
    huge.write_bytes(b"#" * (MAX_SOURCE_BYTES + 1))
    with pytest.raises(SettingsDeclarationError, match=r"huge\.py: "):
        read_settings(f"{huge}:Provider")
