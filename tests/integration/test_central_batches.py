"""The ledger over HTTP: each record lands once, whatever the path, retries and concurrency."""

from __future__ import annotations

import gzip
import os
import threading

import httpx
import pytest

from sala.wire import protocol
from sala.wire.protocol import Batch, BatchResult, sign_batch
from tests.integration.conftest import enroll
from tests.integration.servers import CentralServer, Device, contribution, post_batch


def _result(r: httpx.Response) -> BatchResult:
    assert r.status_code == 200, r.text
    return BatchResult.from_json(r.json())


def test_accepted_duplicate_conflict_rejected(central: CentralServer) -> None:
    dev = enroll(central)
    recs = [contribution(dev.device_id, s, f"ความเห็นที่ {s}") for s in (1, 2, 3)]
    first = _result(post_batch(central, dev, recs))
    assert first.counts() == {"accepted": 3, "duplicate": 0, "conflict": 0, "rejected": 0}
    assert first.high_water == 3 and first.gaps == []

    changed = dict(recs[1], body={"text": "แก้ไขแล้ว"})
    changed["hash"] = protocol.record_hash("contribution", changed["body"])
    bad_hash = contribution(dev.device_id, 4) | {"hash": "0" * 64}
    other_dev = contribution("someone-else", 5)
    no_tz = contribution(dev.device_id, 6) | {"created_at": "2025-01-01T10:00:00"}
    seq_taken = contribution(dev.device_id, 3, "ซ้ำลำดับ")
    good = contribution(dev.device_id, 7)
    res = _result(post_batch(central, dev, [recs[0], changed, bad_hash, other_dev, no_tz,
                                            seq_taken, good, "not a record"]))
    got = [(r.status, r.code) for r in res.results]
    assert got == [("duplicate", None), ("conflict", "hash_differs"),
                   ("rejected", "hash_mismatch"), ("rejected", "wrong_device"),
                   ("rejected", "bad_created_at"), ("conflict", "seq_taken"),
                   ("accepted", None), ("rejected", "malformed")]
    assert res.high_water == 3 and res.gaps == [(4, 6)]
    # never an overwrite: the server still answers duplicate for the original content
    again = _result(post_batch(central, dev, [recs[1]]))
    assert again.results[0].status == "duplicate"


def test_high_water_and_gaps(central: CentralServer) -> None:
    dev = enroll(central)
    res = _result(post_batch(central, dev, [contribution(dev.device_id, s)
                                            for s in (1, 2, 5, 9, 10)]))
    assert res.high_water == 2 and res.gaps == [(3, 4), (6, 8)]
    res = _result(post_batch(central, dev, [contribution(dev.device_id, s)
                                            for s in (3, 4, 6, 7, 8)]))
    assert res.high_water == 10 and res.gaps == []


def test_parallel_identical_batches_store_once(central_factory) -> None:
    central = central_factory(extra_args=["--max-per-device", "6"])   # all six at once
    dev = enroll(central)
    recs = [contribution(dev.device_id, s, "ส่งพร้อมกัน" * 10) for s in range(1, 301)]
    signed = sign_batch(Batch(dev.device_id, recs), dev.key)  # type: ignore[arg-type]
    barrier = threading.Barrier(6)
    answers: list[BatchResult] = []

    def push() -> None:
        with httpx.Client() as client:
            barrier.wait()
            answers.append(_result(post_batch(central, dev, [], signed=signed, client=client)))

    threads = [threading.Thread(target=push) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 6
    assert sum(a.counts()["accepted"] for a in answers) == 300
    assert sum(a.counts()["duplicate"] for a in answers) == 5 * 300
    assert all(a.high_water == 300 for a in answers)
    # replay later: all duplicates; and the reconcile view agrees nothing is missing
    replay = _result(post_batch(central, dev, [], signed=signed))
    assert replay.counts()["duplicate"] == 300
    rec = httpx.post(central.url + "/v1/reconcile", headers=dev.auth(), json={
        "device_id": dev.device_id, "ranges": [[1, 300]]}).json()
    assert rec["missing_ranges"] == [] and rec["high_water"] == 300


def test_batch_id_reuse_and_idempotency_key(central: CentralServer) -> None:
    dev = enroll(central)
    bid = protocol.new_id()
    _result(post_batch(central, dev, [contribution(dev.device_id, 1)], batch_id=bid))
    r = post_batch(central, dev, [contribution(dev.device_id, 2)], batch_id=bid)
    assert r.status_code == 409 and r.json()["error"]["code"] == "batch_id_reused"
    signed = sign_batch(Batch(dev.device_id, [contribution(dev.device_id, 3)]), dev.key)
    r = httpx.post(central.url + "/v1/batches", content=signed.body,
                   headers=signed.headers() | dev.auth() | {"Idempotency-Key": bid})
    assert r.status_code == 400 and r.json()["error"]["code"] == "idempotency_mismatch"


def test_forwarded_batches(central: CentralServer) -> None:
    supervisor = enroll(central, "supervisor-1")
    field_enrolled = enroll(central, "laptop-enrolled")
    field_new = Device("laptop-never-online")
    # an enrolled device's batch, forwarded unchanged by the supervisor (USB bundle path)
    direct = [contribution(field_enrolled.device_id, s) for s in (1, 2)]
    signed = sign_batch(Batch(field_enrolled.device_id, direct), field_enrolled.key)
    res = _result(post_batch(central, supervisor, [], signed=signed))
    assert res.counts()["accepted"] == 2 and res.device_id == field_enrolled.device_id
    # the same records arriving directly too land once
    again = _result(post_batch(central, field_enrolled, direct))
    assert again.counts()["duplicate"] == 2
    # a device never enrolled is refused, not trusted on first use of its key …
    tofu = sign_batch(Batch(field_new.device_id, [contribution(field_new.device_id, 1)]),
                      field_new.key)  # type: ignore[arg-type]
    r = post_batch(central, supervisor, [], signed=tofu)
    assert r.status_code == 403 and r.json()["error"]["code"] == "unknown_origin"
    # … so it enrolls later with its own key, and then its forwarded batch lands
    enroll(central, device=field_new)
    assert _result(post_batch(central, supervisor, [], signed=tofu)).counts()["accepted"] == 1
    impostor = Device(field_new.device_id)
    r = post_batch(central, supervisor, [contribution(field_new.device_id, 2)], origin=impostor)
    assert r.status_code == 403 and r.json()["error"]["code"] == "key_mismatch"
    # tampered bytes (gzip re-made from altered JSON, same signature) are refused
    raw = gzip.decompress(signed.body).replace("อยาก".encode(), "ไม่อยาก".encode(), 1)
    tampered = protocol.SignedBatch(signed.batch_id, signed.device_id, 2, gzip.compress(raw),
                                    signed.signature, signed.public_key)
    r = post_batch(central, supervisor, [], signed=tampered)
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_signature"
    # writing another enrolled device's records signed with one's own key: refused
    r = post_batch(central, supervisor, [contribution(field_enrolled.device_id, 3)],
                   origin=Device(field_enrolled.device_id, key=supervisor.key))
    assert r.status_code == 403
    # an unsigned batch is refused even from its own device
    hdrs = {k: v for k, v in signed.headers().items() if k != "Sala-Signature"}
    r = httpx.post(central.url + "/v1/batches", content=signed.body,
                   headers=hdrs | field_enrolled.auth())
    assert r.status_code == 403 and r.json()["error"]["code"] == "no_signature"


def test_revoked_device_and_bad_bodies(central: CentralServer) -> None:
    dev = enroll(central)
    r = httpx.post(central.url + "/v1/batches", content=b"<html>portal</html>",
                   headers=dev.auth())
    assert r.status_code == 400 and r.json()["error"]["code"] == "not_gzip"
    r = httpx.post(central.url + "/v1/batches", content=gzip.compress(b"{]"), headers=dev.auth())
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_json"
    central.cli("revoke", dev.device_id)
    r = post_batch(central, dev, [contribution(dev.device_id, 1)])
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_token"


@pytest.mark.parametrize("backend_args", [["--max-records", "50", "--max-body-bytes", "30000"]])
def test_limits_413(central_factory, backend_args: list[str]) -> None:
    server = central_factory(backend_args)
    assert server.hello is not None and server.hello.limits.max_records == 50
    dev = enroll(server)
    r = post_batch(server, dev, [contribution(dev.device_id, s) for s in range(1, 52)])
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_many_records"
    big = [contribution(dev.device_id, s, os.urandom(700).hex()) for s in range(1, 50)]
    r = post_batch(server, dev, big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    # split in two, as the client does, and both halves go through
    assert _result(post_batch(server, dev, big[:25])).counts()["accepted"] == 25
    assert _result(post_batch(server, dev, big[25:])).counts()["accepted"] == 24


def test_reconcile_after_restore(central: CentralServer) -> None:
    dev = enroll(central)
    recs = [contribution(dev.device_id, s) for s in range(1, 11)]
    _result(post_batch(central, dev, recs[:4] + recs[6:8]))
    lost = protocol.new_id()
    r = httpx.post(central.url + "/v1/reconcile", headers=dev.auth(), json={
        "device_id": dev.device_id, "ids": [x["id"] for x in recs] + [lost],
        "ranges": [[1, 10]]})
    doc = r.json()
    assert r.status_code == 200
    assert doc["missing_ids"] == [x["id"] for x in recs[4:6] + recs[8:]] + [lost]
    assert doc["missing_ranges"] == [[5, 6], [9, 10]]
    assert doc["high_water"] == 4 and doc["gaps"] == [[5, 6]]
    r = httpx.post(central.url + "/v1/reconcile", headers=dev.auth(), json={
        "device_id": dev.device_id, "ranges": [[1, 10_000_000]]})
    assert r.status_code == 413
