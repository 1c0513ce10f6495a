"""Mutated profiles: whatever the file holds, ``load_profile`` returns a Profile or raises
a ProfileError whose every line starts with the file's name — nothing else escapes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendreceive.config.profile import Profile, ProfileError, load_profile, parse_profile

VALID = """\
[profile]
name = "Fuzz"
store_dir = "stores"
max_parallel = 4
stall_timeout = 30
cancel_grace = 10.5
task_timeout = 600

[[accounts]]
name = "Contoso"
provider = "demo-fast"
flags = ["SYNC_DOWNLOAD_CONTENTS"]
[accounts.settings]
messages = 40

[[accounts]]
name = "Fabrikam"
provider = "demo-fast"
flags = 0x80

[[groups]]
name = "Work"
accounts = ["Contoso", "Fabrikam"]
every_minutes = 15
"""
LINES = VALID.split("\n")
KEY_LINES = [i for i, line in enumerate(LINES) if " = " in line]
KEYS = [
    *sorted({LINES[i].split(" = ")[0] for i in KEY_LINES}),
    *("profile", "accounts", "groups", "settings", "settings.x", "provdier"),
    *('"a.b"', '"\\u0000"', '"\\n"', '"\\u001b[31m"', "'~'", '""'),
]
HEADERS = [
    *("[profile]", "[[profile]]", "[[accounts]]", "[accounts]", "[[groups]]", "[groups]"),
    *("[accounts.settings]", "[[accounts.settings]]", "[profile.x]", "[x]", '["\\u0007"]'),
]
ODD_VALUES = [
    *("nan", "+nan", "-nan", "inf", "+inf", "-inf", "0", "-0", "-0.0", "1e400", "1e-400"),
    *("1", "0.5", "10080", "10081", "40000", "35792", "1024", "1025", "86400", "604800"),
    *(
        "9" * 30,
        "-" + "9" * 30,
        "9" * 400,
        "9" * 5000,
        "0x7fffffff",
        "0xffffffffffffffff",
        "0b1",
        "0o7",
    ),
    *("true", "false", "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "[]", "{}"),
    *('""', '" "', '"a\\u0000b"', '"~nosuchuser/x"', '"~"', '"\\ud800"', "'\\ud800'"),
    *('"\\u001b[31m\\u0007"', '"\\u202e"', '"\\uFFFF"', '"SYNC_HEADERS"', '"demo-fast"'),
    *('"Contoso"', '["Contoso", "Nobody"]', '["SYNC_UPLOAD_CONTENTS", 5]', '"/"', '"."'),
    *("[" * 3000 + "]" * 3000, "[" * 300 + "]" * 300, "{a = " * 300 + "1" + "}" * 300),
]

scalar_values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.integers().map(str),
    st.floats().map(repr),  # nan, inf, subnormals: repr is TOML for all of them
    st.text().map(json.dumps),  # escapes, controls, surrogates as \\ud800 escapes
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
)
toml_values = st.recursive(
    scalar_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3).map(
            lambda pairs: "{" + ", ".join(f"{k} = {v}" for k, v in pairs) + "}"
        ),
    ),
    max_leaves=8,
)


@st.composite
def mutated_profiles(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["value", "line", "header", "drop"]))
        assignments = [i for i, line in enumerate(lines) if " = " in line]
        if kind == "value" and assignments:  # a key of the profile gets another value
            i = draw(st.sampled_from(assignments))
            lines[i] = lines[i].split(" = ")[0] + " = " + draw(toml_values)
        elif kind == "line":  # a key anywhere, known or not, with any value
            at = draw(st.integers(0, len(lines)))
            lines.insert(at, f"{draw(st.sampled_from(KEYS))} = {draw(toml_values)}")
        elif kind == "header":
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(HEADERS)))
        elif lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
    data = bytearray("\n".join(lines).encode("utf-8", "surrogatepass"))
    if data and draw(st.integers(0, 3)) == 0:  # a few flipped bits or bytes
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(
                st.one_of(st.sampled_from([1, 2, 4, 8, 16, 32, 64]), st.integers(1, 255))
            )
    if draw(st.integers(0, 3)) == 0:
        del data[draw(st.integers(0, len(data))) :]  # truncated
    return bytes(data)


def assert_profile_or_profile_error(load: Callable[[], Profile], where: Path) -> None:
    outcome: Profile | ProfileError
    try:
        outcome = load()
    except ProfileError as exc:
        outcome = exc
    if isinstance(outcome, ProfileError):
        lines = str(outcome).split("\n")
        assert lines == outcome.lines() and lines
        assert all(line.startswith(f"{where}:") for line in lines), lines
    else:
        assert isinstance(outcome, Profile)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "profile.toml"


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(data=mutated_profiles())
def test_a_mutated_profile_loads_or_is_a_profile_error(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    assert_profile_or_profile_error(lambda: load_profile(scratch), scratch)


@settings(max_examples=200, deadline=None, database=None)
@given(
    value=st.text(alphabet=st.characters(codec=None), max_size=30),
    key=st.sampled_from(KEY_LINES),
)
def test_any_text_in_any_key_is_a_profile_or_a_profile_error(value: str, key: int) -> None:
    """Straight to ``parse_profile`` as str: lone surrogates and NUL in values, which no
    UTF-8 file can carry."""
    lines = list(LINES)
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    lines[key] = lines[key].split(" = ")[0] + f' = "{escaped}"'
    where = Path("/profiles/fuzz.toml")
    assert_profile_or_profile_error(lambda: parse_profile("\n".join(lines), where), where)


def test_every_odd_value_in_every_key_position(scratch: Path) -> None:
    """Systematically, beside the random search: each odd value for each key."""
    for i in KEY_LINES:
        for value in ODD_VALUES:
            lines = list(LINES)
            lines[i] = lines[i].split(" = ")[0] + " = " + value
            scratch.write_text("\n".join(lines), encoding="utf-8")
            assert_profile_or_profile_error(lambda: load_profile(scratch), scratch)


def test_the_unmutated_profile_is_valid(scratch: Path) -> None:
    scratch.write_text(VALID, encoding="utf-8")
    assert [a.name for a in load_profile(scratch).accounts] == ["Contoso", "Fabrikam"]
