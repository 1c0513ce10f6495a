import errno
import os
import sys
import textwrap
import threading

import pytest

from sendreceive.hosting import loading
from sendreceive.hosting.loading import (
    ProviderLoadError,
    available_providers,
    create_provider,
    resolve,
)
from sendreceive.providers.demo import FastAccount

GOOD = """
from sendreceive.contract import S_OK

class Hello:
    def __init__(self, greeting="hi"):
        self.greeting = greeting

    def SynchronizeInBackground(self, psibpb):
        return S_OK
"""


@pytest.fixture
def provider_file(tmp_path):
    path = tmp_path / "my_provider.py"
    path.write_text(GOOD)
    return path


def test_bundled_providers_are_entry_points():
    assert {
        "demo-fast",
        "demo-folders",
        "demo-warnings",
        "demo-logon-failure",
        "demo-unknown-total",
    } <= set(available_providers())
    assert resolve("demo-fast") is FastAccount


def test_the_faulty_catalogue_is_not_offered_but_reachable_as_module_attr():
    assert not [name for name in available_providers() if name.startswith("faulty")]
    assert resolve("sendreceive.providers.faulty:DoneTwice").__name__ == "DoneTwice"


def test_module_attr_spec():
    provider = create_provider("sendreceive.providers.demo:FastAccount", {"messages": 3})
    assert isinstance(provider, FastAccount) and provider.messages == 3


def test_file_spec_passes_settings_to_the_factory(provider_file):
    provider = create_provider(f"{provider_file}:Hello", {"greeting": "hello"})
    assert provider.greeting == "hello"


def test_file_is_reloaded_when_it_changes(provider_file):
    first = resolve(f"{provider_file}:Hello")
    provider_file.write_text(GOOD.replace('"hi"', '"changed"'))
    stat = provider_file.stat()
    os.utime(provider_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = resolve(f"{provider_file}:Hello")
    assert first is not second
    assert second().greeting == "changed"


def test_an_object_with_the_method_is_used_as_it_is(provider_file):
    provider_file.write_text(GOOD + "\nINSTANCE = Hello()\n")
    provider = create_provider(f"{provider_file}:INSTANCE", {})
    assert provider.greeting == "hi"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("demo-fats", "no provider named 'demo-fats'; did you mean 'demo-fast', "),
        ("no-such-provider", "no provider named 'no-such-provider'; installed: demo-* (6), "),
        ("no_such_module_xyz:Thing", "cannot import 'no_such_module_xyz'"),
        ("sendreceive.providers.demo:Nope", "has no attribute 'Nope' (it has: "),
        ("/does/not/exist.py:Thing", "cannot read provider file /does/not/exist.py"),
        ("sendreceive.providers.demo:", "must look like module:attr"),
        ("sendreceive.providers.demo:_speed", "made a float that has no SynchronizeInBackground"),
    ],
)
def test_load_errors_say_what_and_why(spec, message):
    with pytest.raises(ProviderLoadError) as caught:
        create_provider(spec, {})
    assert message in str(caught.value)


def test_a_provider_file_in_a_symlink_loop_is_a_load_error(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(ProviderLoadError) as caught:
        create_provider(f"{tmp_path / 'loop' / 'p.py'}:Hello", {})
    assert str(caught.value).endswith(f": {os.strerror(errno.ELOOP)}")


def test_rejected_settings_and_raising_constructor(tmp_path, provider_file):
    with pytest.raises(
        ProviderLoadError,
        match=r"rejected the account's settings: .*unexpected keyword argument 'colour'",
    ):
        create_provider(f"{provider_file}:Hello", {"colour": "red"})
    broken = tmp_path / "broken.py"
    broken.write_text(
        textwrap.dedent("""
        class Boom:
            def __init__(self):
                raise RuntimeError("no config")
    """)
    )
    with pytest.raises(
        ProviderLoadError, match="raised while being created: RuntimeError: no config"
    ):
        create_provider(f"{broken}:Boom", {})


def test_import_error_in_file(tmp_path):
    broken = tmp_path / "syntax.py"
    broken.write_text("def (:\n")
    with pytest.raises(ProviderLoadError, match=r"importing .*syntax\.py raised SyntaxError"):
        create_provider(f"{broken}:X", {})


def test_a_slow_provider_file_does_not_block_loading_another(tmp_path, monkeypatch):
    gate = threading.Event()
    monkeypatch.setitem(sys.modules, "slow_provider_gate", gate)
    slow = tmp_path / "slow.py"
    slow.write_text("import sys\nsys.modules['slow_provider_gate'].wait(30)\nclass P: ...\n")
    fast = tmp_path / "fast.py"
    fast.write_text("class P: ...\n")
    loading = threading.Thread(target=resolve, args=(f"{slow}:P",), daemon=True)
    loading.start()
    try:
        assert resolve(f"{fast}:P").__name__ == "P"  # while slow.py is still importing
        assert loading.is_alive()
    finally:
        gate.set()
        loading.join(10)


def test_sys_exit_at_import_is_a_load_error():
    with pytest.raises(ProviderLoadError, match=r"raised it called sys.exit\(0\)"):
        resolve("sendreceive.providers.faulty_exits_at_import:Provider")


def _touch_later(path):
    """A new mtime even on a file system whose clock ticks coarsely."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


@pytest.fixture
def module_on_path(tmp_path, monkeypatch):
    """``reload_me.py`` importable by name, as an installed provider's module is."""
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "reload_me", raising=False)
    path = tmp_path / "reload_me.py"
    path.write_text(GOOD)
    yield path
    sys.modules.pop("reload_me", None)


def test_a_module_attr_provider_is_reimported_when_its_file_changes(module_on_path):
    first = resolve("reload_me:Hello")
    assert resolve("reload_me:Hello") is first  # unchanged: not re-imported
    module_on_path.write_text(GOOD.replace('"hi"', '"changed"'))
    _touch_later(module_on_path)
    second = resolve("reload_me:Hello")
    assert second is not first
    assert second().greeting == "changed"
    assert first().greeting == "hi"  # a task built from the old class keeps it


def test_an_entry_point_provider_is_reimported_when_its_module_changes(module_on_path):
    dist = module_on_path.parent / "reload_me-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: reload-me\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[sendreceive.providers]\nreload-me = reload_me:Hello\n")
    loading._entry_points.cache_clear()  # the test's dist-info is found; forgotten after
    try:
        assert resolve("reload-me")().greeting == "hi"
        module_on_path.write_text(GOOD.replace('"hi"', '"edited"'))
        _touch_later(module_on_path)
        assert resolve("reload-me")().greeting == "edited"
    finally:
        loading._entry_points.cache_clear()
