"""Property-based fuzzing (Hypothesis) of the batch, reconcile, enroll and blob endpoints of a
real ``sala-central`` process: no 500, the documented error shape on every refusal, and
nothing half-written (a refused request changes nothing; an answered batch changed exactly
what it says; a blob said complete hashes to its name).

CI runs a few cases per property (``SALA_FUZZ_EXAMPLES``, default 20); ``make fuzz`` runs many.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select

from sala.central import tables as t
from sala.wire import crypto
from sala.wire.protocol import STATUSES, canonical_json, make_record
from tests.integration.conftest import enroll, enroll_request
from tests.integration.servers import CentralServer, Device

EXAMPLES = int(os.environ.get("SALA_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


class World:
    """One server for the module, two enrolled devices, a read-only view of its ledger."""

    def __init__(self, root: Path) -> None:
        self.server = CentralServer(f"sqlite:///{root / 'central.sqlite3'}", root / "blobs",
                                    ["--max-records", "50"]).start()
        self.dev = enroll(self.server, "fuzz-laptop")
        self.other = enroll(self.server, "fuzz-other")
        self.http = httpx.Client(base_url=self.server.url, timeout=60)
        self.engine = create_engine(self.server.db_url)
        self.seq = 1000

    def counts(self) -> tuple[int, int, int, int]:
        with self.engine.connect() as c:
            return (c.scalar(select(func.count()).select_from(t.records)) or 0,
                    c.scalar(select(func.count()).select_from(t.batches)) or 0,
                    c.scalar(select(func.count()).select_from(t.devices)) or 0,
                    c.scalar(select(func.count()).select_from(t.enroll_codes)
                             .where(t.enroll_codes.c.used_at.is_not(None))) or 0)

    def close(self) -> None:
        self.http.close()
        self.engine.dispose()
        self.server.stop()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("fuzz"))
    try:
        yield w
    finally:
        w.close()


def check_shape(r: httpx.Response, allowed: set[int]) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:300])
    assert r.status_code in allowed, (r.status_code, r.text[:300])
    if r.status_code >= 400:
        doc = r.json()
        assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}, doc


# -- strategies -----------------------------------------------------------------------------

ints = st.one_of(st.integers(-5, 5), st.integers(-(2**70), 2**70),
                 st.just(2**63), st.just(2**63 - 1), st.just(10**30))
scalars = st.one_of(st.none(), st.booleans(), ints,
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20)
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60).map(str.strip)


@st.composite
def batch_docs(draw: st.DrawFn, device_id: str) -> tuple[dict[str, Any], int]:
    """A batch of mostly valid records with some fields replaced by anything."""
    n = draw(st.integers(0, 8))
    base = draw(st.integers(1, 10**6))
    records: list[Any] = []
    for i in range(n):
        rec: dict[str, Any] = dict(make_record(device_id=device_id, seq=base + i,
                                               type="contribution",
                                               body={"text": draw(st.text(max_size=40))}))
        for key in draw(st.lists(st.sampled_from(sorted(rec) + ["extra"]), max_size=2)):
            rec[key] = draw(json_values)
        if draw(st.booleans()) and "body" in rec:
            rec["body"] = draw(json_values)
        records.append(rec if draw(st.integers(0, 9)) else draw(json_values))
    doc: dict[str, Any] = {"protocol": 1, "batch_id": draw(st.uuids()).__str__(),
                           "device_id": device_id, "records": records}
    for key in draw(st.lists(st.sampled_from(sorted(doc)), max_size=1)):
        doc[key] = draw(json_values)
    return doc, n


# -- properties -----------------------------------------------------------------------------

@FUZZ
@given(data=st.data())
def test_fuzz_batches(world: World, data: st.DataObject) -> None:
    dev = world.dev
    doc, _ = data.draw(batch_docs(dev.device_id))
    try:
        raw = canonical_json(doc)
    except ValueError:        # e.g. a float the canonical form refuses: send it as plain JSON
        raw = json.dumps(doc).encode()
    mode = data.draw(st.sampled_from(["signed", "unsigned", "raw_bytes", "not_gzip"]))
    body = gzip.compress(raw)
    headers = {"Content-Encoding": "gzip", "Sala-Signature": crypto.sign(dev.key, raw)}  # type: ignore[arg-type]
    if mode == "unsigned":
        headers["Sala-Signature"] = data.draw(header_text)
    elif mode == "raw_bytes":
        body = data.draw(st.binary(max_size=2000))
    elif mode == "not_gzip":
        body = raw
    if data.draw(st.booleans()):
        headers["Sala-Piece"] = data.draw(header_text)
        headers["Sala-Piece-Proof"] = data.draw(header_text)
    before = world.counts()
    r = world.http.post("/v1/batches", content=body, headers=headers | dev.auth())
    check_shape(r, {200, 400, 403, 409, 413, 422})
    after = world.counts()
    if r.status_code != 200:
        assert after == before, (r.status_code, r.text[:200])   # nothing half-written
        return
    answer = r.json()
    assert answer["batch_id"] == doc["batch_id"]
    assert len(answer["results"]) == len(doc["records"])
    assert {res["status"] for res in answer["results"]} <= set(STATUSES)
    assert after[0] - before[0] == answer["counts"]["accepted"]


@FUZZ
@given(doc=st.one_of(
    st.fixed_dictionaries({"device_id": st.just("fuzz-laptop")}, optional={
        "ids": st.lists(st.one_of(st.text(max_size=40), json_values), max_size=20),
        "hashes": st.one_of(st.none(), st.lists(st.text(max_size=70), max_size=20)),
        "ranges": st.lists(st.one_of(st.tuples(ints, ints).map(list), json_values),
                           max_size=10),
        "extra": json_values}),
    json_values))
def test_fuzz_reconcile(world: World, doc: Any) -> None:
    before = world.counts()
    r = world.http.post("/v1/reconcile", json=doc, headers=world.dev.auth())
    check_shape(r, {200, 400, 403, 413, 422})
    assert world.counts() == before
    if r.status_code == 200:
        answer = r.json()
        assert answer["device_id"] == "fuzz-laptop"
        assert set(answer["missing_ids"]) <= set(doc.get("ids", []))


@FUZZ
@given(over=st.dictionaries(st.sampled_from(["code", "device_id", "name", "public_key",
                                             "challenge", "signature", "extra"]),
                            json_values, max_size=3),
       drop=st.lists(st.sampled_from(["code", "challenge", "signature", "public_key"]),
                     max_size=2),
       raw=st.one_of(st.none(), st.binary(max_size=300)))
def test_fuzz_enroll(world: World, over: dict[str, Any], drop: list[str],
                     raw: bytes | None) -> None:
    dev = Device("fuzz-newcomer")
    body = enroll_request(world.server, dev, "ZZZZ-ZZZZ-ZZZZ") | over
    for key in drop:
        body.pop(key, None)
    before = world.counts()
    if raw is None:
        r = world.http.post("/v1/devices/enroll", json=body)
    else:
        r = world.http.post("/v1/devices/enroll", content=raw,
                            headers={"Content-Type": "application/json"})
    check_shape(r, {400, 403, 409, 413, 422})
    assert world.counts() == before        # no device bound, no code used
    assert "ZZZZ-ZZZZ-ZZZZ" not in r.text


@FUZZ
@given(data=st.data())
def test_fuzz_blobs(world: World, data: st.DataObject) -> None:
    content = data.draw(st.binary(max_size=3000))
    sha = data.draw(st.one_of(st.just(hashlib.sha256(content).hexdigest()),
                              st.text(st.sampled_from("0123456789abcdefG"), min_size=0,
                                      max_size=70)))
    start = data.draw(st.integers(0, len(content)))
    piece = content[start:start + data.draw(st.integers(0, 3000))]
    crange = data.draw(st.one_of(
        st.just(f"bytes {start}-{start + len(piece) - 1}/{len(content)}"),
        st.builds(lambda a, b, c: f"bytes {a}-{b}/{c}", ints, ints, ints),
        header_text, st.none()))
    dev = data.draw(st.sampled_from([world.dev, world.other]))
    headers = dev.auth() | ({"Content-Range": crange} if crange is not None else {})
    if not sha or "/" in sha:
        return
    r = world.http.put(f"/v1/blobs/{sha}", content=piece, headers=headers)
    check_shape(r, {200, 202, 400, 404, 409, 413, 422})
    head = world.http.head(f"/v1/blobs/{sha}", headers=dev.auth())
    assert head.status_code in (200, 400, 404)
    if head.status_code == 200:     # complete means it is the content named
        final = world.server.blobs_dir / sha[:2] / sha
        assert hashlib.sha256(final.read_bytes()).hexdigest() == sha


@FUZZ
@given(method=st.sampled_from(["GET", "POST", "PUT", "HEAD", "DELETE"]),
       path=st.sampled_from(["/v1/hello", "/v1/batches", "/v1/reconcile", "/v1/catalog",
                             "/v1/devices/enroll", "/v1/devices/challenge",
                             "/v1/blobs/" + "0" * 64, "/v1/elsewhere"]),
       query=st.one_of(st.none(), header_text),
       body=st.binary(max_size=500),
       auth=st.booleans())
def test_fuzz_any_request(world: World, method: str, path: str, query: str | None,
                          body: bytes, auth: bool) -> None:
    before = world.counts()
    r = world.http.request(method, path, params={"since": query} if query is not None else None,
                           content=body if method in ("POST", "PUT") else None,
                           headers=world.dev.auth() if auth else {})
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400 and method != "HEAD":
        doc = r.json()
        assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}, doc
    after = world.counts()
    assert after[0] == before[0] and after[2] == before[2]
