"""The deployment file's checks (wire/deployment.py): only a file the platform signed, whole and
unexpired, is used; every change to it is caught."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sala.wire import crypto
from sala.wire import deployment as dw

NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)


def make(key=None, **over: str) -> tuple[bytes, object]:
    key = key or crypto.generate_signing_key()
    fields = dict(url="https://sala.example.go.th", server_id="srv-0123456789abcdef",
                  name="ศูนย์ข้อมูลกลาง", signing_key=crypto.public_key_b64(key),
                  sealing_key=crypto.sealing_public_b64(crypto.generate_sealing_key()),
                  sealing_alg=crypto.SEAL_ALG, agency="สำนักงานคณะกรรมการพัฒนาระบบราชการ",
                  unit="กองส่งเสริมการมีส่วนร่วม", province="LPG",
                  issued_at=dw.iso(NOW - timedelta(days=1)),
                  expires_at=dw.iso(NOW + timedelta(days=30)))
    fields.update(over)
    return dw.sign(key, dw.Deployment(**fields)), key


def test_a_good_file_reads_back_whole() -> None:
    raw, key = make()
    dep = dw.parse(raw, NOW)
    assert dep.signing_key == crypto.public_key_b64(key)  # type: ignore[arg-type]
    assert dep.agency == "สำนักงานคณะกรรมการพัฒนาระบบราชการ" and dep.province == "LPG"


def test_every_single_byte_changed_is_refused() -> None:
    raw, _ = make()
    body_start = raw.index(b'"deployment"')
    sig_start = raw.index(b'"signature"')
    refused = 0
    for i in range(body_start, len(raw)):
        if i >= sig_start and raw[i:i + 1] in b' \n':
            continue
        changed = bytearray(raw)
        changed[i] = (changed[i] + 1) % 128 or 1
        with pytest.raises(dw.DeploymentInvalidError):
            dw.parse(bytes(changed), NOW)
        refused += 1
    assert refused > 500


def test_unsigned_resigned_by_another_key_expired_and_junk_are_refused() -> None:
    raw, _ = make()
    doc = json.loads(raw)
    unsigned = dict(doc)
    del unsigned["signature"]
    with pytest.raises(dw.DeploymentInvalidError) as err:
        dw.parse(json.dumps(unsigned).encode(), NOW)
    assert err.value.code == "unsigned"

    # someone else's signature over the same body: the key named in it does not verify
    other = crypto.generate_signing_key()
    forged = {"deployment": doc["deployment"],
              "signature": crypto.sign(other, dw.canonical_json(doc["deployment"]))}
    with pytest.raises(dw.DeploymentInvalidError) as err:
        dw.parse(json.dumps(forged).encode(), NOW)
    assert err.value.code == "bad_signature"

    old, _ = make(expires_at=dw.iso(NOW - timedelta(seconds=1)))
    with pytest.raises(dw.DeploymentInvalidError) as err:
        dw.parse(old, NOW)
    assert err.value.code == "expired"

    for junk, code in ((b"\xff\xfe", "not_json"), (b"[]", "malformed"), (b"{" * 100_000, "too_large"),
                       (b'{"deployment": {}, "signature": "x"}', "malformed"),
                       (b"NaN", "not_json")):
        with pytest.raises(dw.DeploymentInvalidError) as err:
            dw.parse(junk, NOW)
        assert err.value.code == code


def test_a_file_cannot_name_a_key_other_than_the_one_signing_it() -> None:
    key = crypto.generate_signing_key()
    with pytest.raises(ValueError):
        make(key, signing_key=crypto.public_key_b64(crypto.generate_signing_key()))
