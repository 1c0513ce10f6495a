"""The declared boundary between the app and a provider's process: every kind of message
crosses intact, and every field of every kind the app receives, given a wrong type or a
value out of its range, is refused with its name."""

from __future__ import annotations

import datetime
import json
import typing
from dataclasses import fields, is_dataclass
from typing import Any

import grimp
import pytest

from sendreceive.hosting.process import messages as m
from sendreceive.tracking.findings import Finding, Found

ENTRY = m.Entry(7, "warning", 0x00040380, "text", 2, Finding.EXIT_CODE(3))
SAMPLES: dict[str, m.Message] = {
    "start": m.Start(
        m.PROTOCOL_VERSION,
        m.AccountData(
            "A",
            "exec",
            0x80,
            "n = 1\nwhen = 2024-05-01T10:00:00\n",
            {},
            True,
            ["/bin/prog", "-v"],
            "/p",
        ),
        "/stores/A",
        None,
        "sendreceive.provider.A",
        1000,
        20,
    ),
    "cancel": m.Cancel(),
    "password": m.Password("secret", None),
    "trace": m.SendTrace(),
    "stop": m.Stop(),
    "hello": m.Hello(m.PROTOCOL_VERSION),
    "state": m.State(5, "Step", 1, 2, None, None, (Finding.IN_SYNC(), None), [ENTRY]),
    "loaded": m.Loaded(),
    "log": m.Log(20, "sendreceive.provider.A", "fetched 3", "Traceback (most recent call last):"),
    "ask_password": m.AskPassword(),
    "outcome": m.Outcome(0, None, Finding.PROCESS_UNSTARTED("No such file"), True),
    "event": m.DoneEvent(),
}
WRONG_TYPE: Any = {"an": "object"}  # no field of any kind takes this object as it is


def raw(message: m.Message) -> dict[str, Any]:
    return json.loads(m.encode(message))  # type: ignore[no-any-return]


def refused(payload: dict[str, Any]) -> str:
    with pytest.raises(m.ProtocolError) as caught:
        m.decode_from_child(json.dumps(payload).encode())
    return str(caught.value)


def test_every_kind_is_declared_once_and_sampled_here():
    assert SAMPLES.keys() == m.TO_CHILD.keys() | m.TO_APP.keys()
    assert not m.TO_CHILD.keys() & m.TO_APP.keys()


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_kind_crosses_intact(kind):
    message = SAMPLES[kind]
    decode = m.decode_from_app if kind in m.TO_CHILD else m.decode_from_child
    assert decode(m.encode(message)) == message


def child_fields() -> list[tuple[str, str]]:
    return [(kind, f.name) for kind in sorted(m.TO_APP) for f in fields(m.TO_APP[kind])]


@pytest.mark.parametrize(("kind", "name"), child_fields())
def test_a_field_of_the_wrong_type_from_a_child_is_named(kind, name):
    payload = {**raw(SAMPLES[kind]), name: WRONG_TYPE}
    assert refused(payload).startswith(f"{kind}.{name}"), refused(payload)


@pytest.mark.parametrize("name", [f.name for f in fields(m.Entry)])
def test_a_wrong_entry_field_is_named_with_its_place(name):
    state = raw(SAMPLES["state"])
    state["entries"] = [state["entries"][0], {**state["entries"][0], name: WRONG_TYPE}]
    assert refused(state).startswith(f"state.entries[1].{name}")


def out_of_range(hint: Any) -> Any:
    """A value of the right JSON type just outside ``hint``'s ``Range``."""
    if typing.get_origin(hint) is tuple:
        return [out_of_range(item) for item in typing.get_args(hint)]
    if typing.get_origin(hint) is not typing.Annotated:
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return out_of_range(inner)
    base, bounds = typing.get_args(hint)
    if bounds.names:
        return "none of them"
    if bounds.longest is not None and base is str:
        return "x" * (bounds.longest + 1)
    if bounds.longest is not None:
        return [raw_entry() for _ in range(bounds.longest + 1)]
    return bounds.high + 1 if bounds.high is not None else bounds.low - 1


def raw_entry() -> dict[str, Any]:
    return raw(SAMPLES["state"])["entries"][0]  # type: ignore[no-any-return]


def ranged_fields() -> list[tuple[str, str, Any]]:
    found = []
    for kind in sorted(m.TO_APP):
        hints = typing.get_type_hints(m.TO_APP[kind], include_extras=True)
        for name, hint in hints.items():
            if "Range(" in repr(hint):
                found.append((kind, name, hint))
    return found


@pytest.mark.parametrize(("kind", "name", "hint"), ranged_fields())
def test_a_value_out_of_its_range_from_a_child_is_named(kind, name, hint):
    payload = {**raw(SAMPLES[kind]), name: out_of_range(hint)}
    assert refused(payload).startswith((f"{kind}.{name}: ", f"{kind}.{name}[")), refused(payload)


@pytest.mark.parametrize("name", ["kind", "hresult", "count"])
def test_an_entry_value_out_of_its_range_is_named(name):
    hint = typing.get_type_hints(m.Entry, include_extras=True)[name]
    state = raw(SAMPLES["state"])
    state["entries"] = [{**raw_entry(), name: out_of_range(hint)}]
    assert refused(state).startswith(f"state.entries[0].{name}: ")


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        ({"t": "state"}, "state.calls: missing"),
        ({**raw(SAMPLES["loaded"]), "extra": 1}, "loaded: unknown field 'extra'"),
        ({"t": "exec", "code": "import os"}, "unknown message 'exec'"),
        ({"t": "start", **raw(SAMPLES["start"])}, "unknown message 'start'"),  # not the app's
        ({"t": "hello", "version": True}, "hello.version: expected an integer, got a boolean"),
        ({**raw(SAMPLES["state"]), "ended": [None]}, "state.ended: 1 items, not 2"),
        ({**raw(SAMPLES["state"]), "index": 1.0}, "state.index: expected an integer, got a"),
        (["t", "state"], "a message must be an object with a kind (t)"),
    ],
)
def test_what_is_no_message_of_the_protocol_is_said(payload, said):
    assert refused(payload).startswith(said)


def test_what_is_not_json_is_refused():
    with pytest.raises(m.ProtocolError, match="not JSON"):
        m.decode_from_child(b"\x80\x04\x95 a pickle")


def test_settings_cross_as_toml_with_their_types():
    settings = {
        "count": 3,
        "ratio": 0.5,
        "on": True,
        "since": datetime.date(2024, 5, 1),
        "at": datetime.datetime(2024, 5, 1, 10, 0, tzinfo=datetime.UTC),
        "folders": ["INBOX", "Sent"],
        "nested": {"deep": {"x": 1}},
    }
    assert m.read_settings(m.settings_text(settings)) == settings


def test_a_setting_toml_cannot_hold_is_named():
    with pytest.raises(ValueError, match=r"setting 'nested\.callback' is builtin_function"):
        m.settings_text({"nested": {"callback": print}})


def test_no_pickle_anywhere_between_the_processes():
    """Data only, both ways: nothing the host's side or a provider's process sends can
    make the other run code."""
    graph = grimp.build_graph("sendreceive", include_external_packages=True)
    hosting = [mod for mod in graph.modules if mod.startswith("sendreceive.hosting")]
    users = [mod for mod in hosting if "pickle" in graph.find_modules_directly_imported_by(mod)]
    assert not users


def test_every_message_is_a_plain_dataclass_of_json_values():
    """The declaration is the documentation: no field hides a type JSON cannot carry."""
    allowed = {int, str, bool, type(None), typing.Any, Found}  # Found: [id, [args]]

    def check(hint: Any) -> None:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Annotated:
            check(args[0])
        elif origin is not None:
            for arg in args:
                check(arg)
        elif is_dataclass(hint) and hint is not Found:
            for value in typing.get_type_hints(hint, include_extras=True).values():
                check(value)
        else:
            assert hint in allowed, hint

    for message in SAMPLES.values():
        check(type(message))
