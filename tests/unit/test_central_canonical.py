"""The ledger's canonical text of a record body is protocol.canonical_text's, byte for byte: the
hash a laptop computed is checked against it and the text is what the ledger keeps."""

from __future__ import annotations

import json

import pytest

from sala.central import ledger
from sala.wire import protocol

BODIES = [
    {"text": "ชาวบ้านอยากให้มีการแจ้งเตือนค่าฝุ่น PM2.5", "kind": "idea", "topics": ["pm25", "ฝุ่น"]},
    {"z": 1, "a": {"y": [3, 2, {"k": None, "b": True}], "x": False}, "m": []},
    {"f": [0.1, -0.0, 1e16, 1.5e-7, 12345678901234567890, -3], "e": {}},
    {"esc": "quote \" backslash \\ newline \n tab \t nul \u0000 del \u007f ls \u2028 😀"},
    {"\u0e01key": "value", "Key": 1, "key": 2, "_": "ก"},
]


@pytest.mark.parametrize("body", BODIES)
def test_canonical_body_is_the_protocols_canonical_text(body: dict) -> None:
    assert ledger.canonical_body(body) == protocol.canonical_text(body)
    parsed = json.loads(protocol.canonical_text(body))
    assert ledger.canonical_body(parsed) == protocol.canonical_text(parsed)


def test_canonical_body_refuses_what_the_protocol_refuses() -> None:
    for bad in ({"n": float("nan")}, {"s": {1, 2}}):
        with pytest.raises((ValueError, TypeError)):
            protocol.canonical_text(bad)
        with pytest.raises((ValueError, TypeError)):
            ledger.canonical_body(bad)
