"""The wire format: canonical bytes, hashes, signatures, gzip and decode errors."""

from __future__ import annotations

import gzip
import json
import random

import pytest

from sala.wire import crypto, http, protocol
from sala.wire.protocol import Batch, BatchResult, RecordResult

THAI = "ประชาชนอยากให้ลดการเผาในที่โล่ง เพราะฝุ่น PM2.5 ทำให้เด็กป่วยบ่อย"


def test_canonical_json_is_stable_and_keeps_thai() -> None:
    a = protocol.canonical_json({"b": 1, "a": [THAI, {"z": None, "y": 1.5}]})
    b = protocol.canonical_json({"a": [THAI, {"y": 1.5, "z": None}], "b": 1})
    assert a == b
    assert a == ('{"a":["' + THAI + '",{"y":1.5,"z":null}],"b":1}').encode("utf-8")
    with pytest.raises(ValueError):
        protocol.canonical_json({"x": float("nan")})


def test_record_hash_pinned() -> None:
    # Pinned value: changing canonicalisation would break every ledger already in the field.
    h = protocol.record_hash("contribution", {"text": "ฝุ่น", "stance": "oppose"})
    assert h == "6fb9107885df4b442bb349e120a6d8894c9a298a079d3e83b20e7240c1dea1c2"
    same = protocol.record_hash("contribution", {"stance": "oppose", "text": "ฝุ่น"})
    assert h == same
    assert h != protocol.record_hash("contribution", {"text": "ฝุ่น ", "stance": "oppose"})
    assert h != protocol.record_hash("answer", {"text": "ฝุ่น", "stance": "oppose"})


def test_make_and_validate_record() -> None:
    rec = protocol.make_record(device_id="dev-1", seq=1, type="contribution", body={"t": THAI})
    assert protocol.validate_record(dict(rec), device_id="dev-1") == rec
    assert rec["created_at"].endswith("+00:00")
    cases = {
        "wrong_device": ({}, "other"),
        "bad_seq": ({"seq": 0}, None),
        "bad_type": ({"type": "Bad Type"}, None),
        "bad_created_at": ({"created_at": "2025-01-01 10:00"}, None),
        "bad_blobs": ({"blobs": ["abc"]}, None),
        "hash_mismatch": ({"body": {"t": "แก้"}}, None),
        "bad_id": ({"id": "not-a-uuid"}, None),
    }
    for code, (change, dev) in cases.items():
        with pytest.raises(protocol.RecordError) as exc:
            protocol.validate_record(dict(rec) | change, device_id=dev)
        assert exc.value.code == code
    with pytest.raises(protocol.RecordError, match="missing"):
        protocol.validate_record({k: v for k, v in rec.items() if k != "hash"})
    with pytest.raises(protocol.RecordError):
        protocol.validate_record(dict(rec) | {"seq": True})  # bool is not an int here


def test_sign_gzip_round_trip_and_tamper() -> None:
    key = crypto.generate_signing_key()
    recs = [protocol.make_record(device_id="dev-1", seq=i, type="vote", body={"p": THAI})
            for i in (1, 2)]
    signed = protocol.sign_batch(Batch("dev-1", recs), key)
    assert signed.headers()["Idempotency-Key"] == signed.batch_id
    # deterministic: same batch, same bytes (so a forwarded bundle is byte-identical)
    assert protocol.sign_batch(Batch("dev-1", recs, batch_id=signed.batch_id), key) == signed
    batch, raw = protocol.open_signed_batch(signed.body, signed.signature, signed.public_key)
    assert batch.records == recs and raw == protocol.encode_batch(batch)
    # re-compression keeps the signature valid: it covers the uncompressed bytes
    protocol.open_signed_batch(gzip.compress(raw, 9), signed.signature, signed.public_key)
    evil = raw.replace("ให้".encode(), "ไม่".encode(), 1)
    with pytest.raises(protocol.SignatureError):
        protocol.open_signed_batch(gzip.compress(evil), signed.signature, signed.public_key)
    other = crypto.public_key_b64(crypto.generate_signing_key())
    with pytest.raises(protocol.SignatureError):
        protocol.open_signed_batch(signed.body, signed.signature, other)
    with pytest.raises(protocol.SignatureError):
        protocol.verify_batch_bytes(raw, "!!notbase64", signed.public_key)


def test_decode_errors() -> None:
    with pytest.raises(protocol.DecodeError, match="gzip"):
        protocol.gunzip_bytes(b"<html>captive portal</html>", 1000)
    with pytest.raises(protocol.DecodeError):
        protocol.gunzip_bytes(gzip.compress(b"x" * 1000)[:-12], 10_000)  # truncated
    with pytest.raises(protocol.LimitError):
        protocol.gunzip_bytes(gzip.compress(b"0" * 100_000), 50_000)  # bomb guard
    with pytest.raises(protocol.DecodeError) as exc:
        protocol.parse_batch(b'{"protocol":2,"batch_id":"x","device_id":"d","records":[]}')
    assert exc.value.code == "unsupported_protocol"
    with pytest.raises(protocol.DecodeError):
        protocol.parse_batch("ไม่ใช่ JSON".encode())
    ok = protocol.encode_batch(Batch("dev-1", [{}] * 3))
    with pytest.raises(protocol.LimitError):
        protocol.parse_batch(ok, max_records=2)
    assert len(protocol.parse_batch(ok, max_records=3).records) == 3


def test_results_and_gaps() -> None:
    res = BatchResult("b", "d", [RecordResult("1", "accepted"),
                                 RecordResult("2", "rejected", "bad_seq", "seq must be >= 1")],
                      high_water=1, gaps=[(3, 4)], missing_blobs=[])
    back = BatchResult.from_json(json.loads(json.dumps(res.to_json())))
    assert back == res and back.counts()["rejected"] == 1
    with pytest.raises(protocol.DecodeError):
        BatchResult.from_json({"results": [{"id": "1", "status": "maybe"}]})
    assert protocol.gaps_from_seqs([1, 2, 5, 9, 10]) == (2, [(3, 4), (6, 8)])
    assert protocol.gaps_from_seqs([4, 5], start=3) == (5, [])
    assert protocol.gaps_from_seqs([], start=7) == (7, [])


def test_hello_rejects_captive_portal() -> None:
    with pytest.raises(protocol.NotSalaServer):
        protocol.parse_hello(b"<html><body>Login to WiFi</body></html>")
    with pytest.raises(protocol.NotSalaServer):
        protocol.parse_hello(b'{"service": "something-else"}')
    lim = protocol.Limits(1, 2, 3, 4, 5)
    hello = protocol.Hello("n", "srv-1", 1, lim, "k")
    assert protocol.parse_hello(json.dumps(hello.to_json())) == hello


def test_sealing_round_trip() -> None:
    key = crypto.generate_sealing_key()
    box = crypto.seal(crypto.sealing_public_b64(key), "นางสาวสมหญิง".encode(), b"r1")
    assert crypto.unseal(key, box, b"r1").decode() == "นางสาวสมหญิง"
    with pytest.raises(crypto.CryptoError):
        crypto.unseal(key, box, b"r2")


def test_client_actions_and_backoff() -> None:
    act = http.Action
    assert http.action_for(200) is act.APPLY
    assert http.action_for(401) is act.REENROLL and http.action_for(403) is act.REENROLL
    assert http.action_for(413) is act.SPLIT
    assert http.action_for(429) is act.RETRY_AFTER and http.action_for(503) is act.RETRY_AFTER
    assert http.action_for(409, has_retry_after=True) is act.RETRY_AFTER
    assert http.action_for(409, blob=True) is act.RESYNC_BLOB
    assert http.action_for(502) is act.BACKOFF
    assert http.retry_after_seconds({"Retry-After": "7"}) == 7.0
    assert http.retry_after_seconds({}) is None
    # the precise figure beside it is obeyed when it is no longer than its whole-second twin
    assert http.retry_after_seconds({"Retry-After": "1", "retry-after-ms": "340"}) == 0.34
    assert http.retry_after_seconds({"Retry-After": "2", "Retry-After-Ms": "2000"}) == 2.0
    for hostile in ("3000", "-5", "0x10", "1e3", "99999999999999999999", ""):
        assert http.retry_after_seconds({"Retry-After": "2", "Retry-After-Ms": hostile}) == 2.0
    assert http.retry_after_seconds({"Retry-After-Ms": "340"}) is None
    rng = random.Random(1)
    delays = [http.backoff_delay(n, rng=rng) for n in range(40)]
    assert all(1.0 <= d <= 600.0 for d in delays) and max(delays) > 60


def test_identifiers_with_a_trailing_newline_are_refused():
    """``$`` would match before a final newline; ids end where the string ends."""
    from sala.wire import protocol

    assert protocol.SHA256_RE.match("a" * 64) and not protocol.SHA256_RE.match("a" * 64 + "\n")
    assert not protocol.DEVICE_ID_RE.match("laptop-1\n")
    assert not protocol.TYPE_RE.match("contribution\n")
    assert not protocol.UUID_RE.match("0190f0a8-0000-7000-8000-000000000000\n")
