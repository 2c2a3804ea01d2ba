"""USB bundles and a server with smaller limits than the bundle was cut for (real
``sala-central`` processes, SQLite and PostgreSQL): the supervisor forwards sealed pieces that
the server verifies against the field laptop's key; every record lands once; a forged piece is
refused."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import httpx

from sala.sync.messages import Outcome
from sala.wire import pieces, protocol
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, fill, laptop, ledger

SMALL = ["--max-records", "40", "--max-body-bytes", "2500"]


def test_bundle_forwarded_to_a_server_with_small_limits(central_factory, tmp_path: Path) -> None:
    server = central_factory(extra_args=SMALL)
    assert server.hello is not None and server.hello.limits.max_records == 40
    field, boss = laptop(tmp_path, "field"), laptop(tmp_path, "supervisor")
    try:
        ids = fill(field, 1200, photos=[b"\xff\xd8\xff small flip chart" * 100])
        out = tmp_path / "field.sala"
        info = field.sync.export_bundle(out)         # never met a server: protocol minimums
        assert info["batches"] == 3 and info["records"] == 1201
        with zipfile.ZipFile(out) as zf:
            index = json.loads(zf.read("index.json"))
        assert [b["records"] for b in index["batches"]] == [500, 500, 201]
        assert all(b["seal"] for b in index["batches"])
        enroll(boss, server)
        enroll(field, server)    # its key is known only through enrollment (bundle cut before)
        boss.sync.import_bundle(out)
        report = boss.sync.sync(policy=FAST)
        assert report.outcome is Outcome.OK, report.detail
        assert report.counts["accepted"] == 1201 and report.counts["rejected"] == 0
        assert report.blobs["uploaded"] == 1
        sent = [b for b in report.batches if b["status"] == 200]
        assert all(b["records"] <= 40 for b in sent) and len(sent) >= 31
        assert any(b["status"] == 413 and b.get("split") for b in report.batches)  # by bytes
        (fwd,) = boss.sync.forwarded()
        assert fwd["forwarded"] == 1201 and fwd["failed"] == 0
        assert boss.sync.status().forwarded_open == 0
        assert ledger(server)[field.db.device_id] == len(ids)
        enroll(field, server)                        # the field laptop later syncs itself
        direct = field.sync.sync(policy=FAST)
        assert direct.outcome is Outcome.OK and direct.reconcile["marked_sent"] == 1201
        assert ledger(server)["total"] == ledger(server)["distinct"] == 1201
        assert_exactly_once(server, [field])
    finally:
        field.close()
        boss.close()


def test_bundle_cut_to_the_limits_last_learned(central_factory, tmp_path: Path) -> None:
    server = central_factory(extra_args=["--max-records", "40"])
    field = laptop(tmp_path, "field")
    try:
        enroll(field, server)                        # hello: 40 records a batch
        fill(field, 100)
        info = field.sync.export_bundle(tmp_path / "f.sala")
        assert info["batches"] == 3 and info["records"] == 100
    finally:
        field.close()


def test_forged_piece_refused(central_factory, tmp_path: Path) -> None:
    server = central_factory(extra_args=SMALL)
    field, boss = laptop(tmp_path, "field"), laptop(tmp_path, "supervisor")
    try:
        fill(field, 60)
        out = tmp_path / "field.sala"
        field.sync.export_bundle(out)
        with zipfile.ZipFile(out) as zf:
            index = json.loads(zf.read("index.json"))
            meta = index["batches"][0]
            raw = gzip.decompress(zf.read(meta["file"]))
        enroll(boss, server)
        enroll(field, server)
        ((info, body, _, _), *_) = pieces.cut(raw, 10, 1 << 20)
        doc = json.loads(body)

        def post(doc_: dict, info_: pieces.PieceInfo) -> httpx.Response:
            headers = {"Content-Encoding": "gzip", "Sala-Signature": meta["seal"],
                       "Sala-Public-Key": meta["public_key"],
                       "Authorization": f"Bearer {boss.sync.identity.token()}",
                       **info_.headers()}
            return httpx.post(server.url + "/v1/batches", headers=headers, timeout=30,
                              content=gzip.compress(protocol.canonical_json(doc_)))

        doc["records"][3]["body"]["text"] = "ข้อความที่ถูกแก้"   # altered (hash made to match)
        doc["records"][3]["hash"] = protocol.record_hash("contribution", doc["records"][3]["body"])
        r = post(doc, info)
        assert r.status_code == 403 and r.json()["error"]["code"] == "bad_signature"
        doc = json.loads(body)
        del doc["records"][3]                                      # one dropped
        r = post(doc, info)
        assert r.status_code == 403
        assert ledger(server)["total"] == 0
        r = post(json.loads(body), info)                           # the honest piece lands
        assert r.status_code == 200 and r.json()["counts"]["accepted"] == 10
    finally:
        field.close()
        boss.close()
