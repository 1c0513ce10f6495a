"""The provider protocol's reading of a program's lines: every line is a checked message
or a ``ProtocolError`` naming what is wrong, and the fast path for ``Progress`` reads
exactly what the JSON parser reads."""

from __future__ import annotations

import json

import pytest

from sendreceive.hosting.program import protocol


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"{bad", "not JSON: Expecting property name enclosed in double quotes"),
        (b'{"type":"Progress","text":"\xff","index":0,"max":0}', "not UTF-8: byte 28 is 0xff"),
        (b"[1, 2]", "a message must be a JSON object"),
        (b'{"type":"Sync"}', 'unknown message type "Sync"'),
        (b'{"type":7}', "unknown message type 7"),
        (b'{"text":"x"}', "unknown message type null"),
        (b'{"type":"Done"}', "Done: field 'hresult' missing"),
        (b'{"type":"Done","hresult":0,"event":1}', "Done: unknown field 'event'"),
        (b"[" * 100_000, "not JSON"),
        (b" " * (protocol.LINE_LIMIT + 1), "a line of 1,048,577 bytes (at most 1,048,576)"),
    ],
    ids=[
        "not-json",
        "not-utf8",
        "not-object",
        "unknown",
        "type-not-text",
        "no-type",
        "missing-field",
        "unknown-field",
        "nested",
        "too-long",
    ],
)
def test_a_wrong_line_is_refused_naming_why(line, why):
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.read_line(line)
    assert str(caught.value).startswith(why)


def test_every_message_of_the_document_is_read():
    lines = [
        {"type": "hello", "version": 1},
        {"type": "Progress", "text": None, "index": 0, "max": 0},
        {"type": "Error", "hresult": 2147746063, "text": "missing"},
        {"type": "Done", "hresult": 0},
        {"type": "returned", "hresult": 0, "style": "background"},
        {"type": "password"},
        {"type": "log", "level": "info", "text": "hi"},
    ]
    for message in lines:
        assert protocol.read_line(json.dumps(message).encode()) == message
    assert {m["type"] for m in lines} == protocol.PROGRAM_MESSAGES.keys()


def test_a_protocol_field_out_of_its_names_is_refused():
    with pytest.raises(protocol.ProtocolError, match=r'returned\.style: "later" is none of'):
        protocol.expect({"type": "returned", "style": "later"}, "style", protocol.STYLES)
    with pytest.raises(protocol.ProtocolError, match=r"hello\.version: true is none of 1"):
        protocol.expect({"type": "hello", "version": True}, "version", protocol.VERSIONS)


@pytest.mark.parametrize(
    "line",
    [
        b'{"type":"Progress","text":"Receiving 3 of 9","index":3,"max":9}',
        b'{"type":"Progress","text":null,"index":0,"max":0}',
        '{"type":"Progress","text":"Nachricht 3 von 9 \u2014 \u00e9","index":3,"max":9}'.encode(),
        b'{"type":"Progress","text":"","index":4294967296,"max":99999999999999999999}',
    ],
)
def test_the_quick_progress_reads_what_json_reads(line):
    message = json.loads(line)
    assert protocol.quick_progress(line) == (message["text"], message["index"], message["max"])


@pytest.mark.parametrize(
    "line",
    [
        b'{"type":"Progress","text":"a\\nb","index":0,"max":0}',  # an escape: the parser's
        b'{"type":"Progress","text":"\xff","index":0,"max":0}',  # not UTF-8: refused there
        b'{"type":"Progress","text":null,"index":01,"max":0}',  # no JSON number
        b'{"type":"Progress","text":null,"index":-1,"max":0}',  # the tracker's to judge
        b'{"type":"Progress", "text":null,"index":0,"max":0}',
        b'{"type":"Progress","text":null,"index":0,"max":0,"x":1}',
    ],
)
def test_any_other_line_takes_the_parser(line):
    assert protocol.quick_progress(line) is None


def test_the_host_writes_compact_ascii_lines_in_the_documents_order():
    line = protocol.synchronize(0x82, "Zoë", {"count": 3}, "/s", "de_DE")
    assert line == (
        b'{"type":"SynchronizeInBackground","flags":130,"flag_names":'
        b'["SYNC_DOWNLOAD_HIERARCHY","SYNC_DOWNLOAD_CONTENTS"],"account":"Zo\\u00eb",'
        b'"settings":{"count":3},"store_dir":"/s","locale":"de_DE"}\n'
    )
    assert protocol.hello() == b'{"type":"hello","versions":[1]}\n'
    assert protocol.cancel() == b'{"type":"cancel"}\n'
    assert protocol.password(None, "no") == b'{"type":"password","value":null,"error":"no"}\n'
