"""sala-central at a country's scale (issue 15): several processes over one database, a revoked
token under the token cache, refusals that cost no database work, memory bounded whatever is
sent. Real ``sala-central serve`` processes on 127.0.0.1; PostgreSQL from its binaries."""

from __future__ import annotations

import os
import signal
import threading
import zlib
from pathlib import Path

import httpx
import pytest

from sala.wire import http
from sala.wire.protocol import Batch, BatchResult, sign_batch
from tests.integration.conftest import enroll
from tests.integration.servers import CentralServer, PostgresCluster, contribution, post_batch

MB = 1 << 20


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            out += [int(c) for c in f.read().split()]
    return out


def _ledger_counts(db_url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, text
    eng = create_engine(db_url)
    try:
        with eng.connect() as c:
            return {str(r[0]): int(r[1]) for r in
                    c.execute(text("select id, count(*) from records group by id"))}
    finally:
        eng.dispose()


@pytest.mark.postgres
def test_the_same_batch_reaching_two_processes_at_once_lands_once(
        pg_cluster: PostgresCluster, tmp_path: Path) -> None:
    """Two service processes, nothing shared but the database; each of five batches is sent to
    both at the same moment (twice over). Every record is stored once, every answer is a correct
    acknowledgement: per record one 'accepted' and three 'duplicate', the same high-water."""
    db_url = pg_cluster.create_database()
    a = CentralServer(db_url, tmp_path / "blobs").start()
    b = CentralServer(db_url, tmp_path / "blobs").start()
    try:
        dev = enroll(a)
        sent: list[str] = []
        seq = 0
        for _ in range(5):
            recs = [contribution(dev.device_id, seq + i, "ส่งถึงสองโปรเซสพร้อมกัน")
                    for i in range(1, 201)]
            seq += 200
            sent += [str(r["id"]) for r in recs]
            signed = sign_batch(Batch(dev.device_id, recs), dev.key)  # type: ignore[arg-type]
            barrier = threading.Barrier(4)
            answers: list[httpx.Response] = []

            def push(server: CentralServer, signed: object = signed,
                     barrier: threading.Barrier = barrier,
                     answers: list[httpx.Response] = answers) -> None:
                with httpx.Client() as client:
                    barrier.wait()
                    answers.append(post_batch(server, dev, [], signed=signed, client=client))

            threads = [threading.Thread(target=push, args=(s,)) for s in (a, b, a, b)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert [r.status_code for r in answers] == [200] * 4, [r.text for r in answers]
            results = [BatchResult.from_json(r.json()) for r in answers]
            for rid in (str(r["id"]) for r in recs):
                statuses = sorted(x.status for res in results for x in res.results if x.id == rid)
                assert statuses == ["accepted", "duplicate", "duplicate", "duplicate"]
            assert {res.high_water for res in results} == {seq}
        counts = _ledger_counts(db_url)
        assert set(counts) == set(sent) and set(counts.values()) == {1}
    finally:
        a.stop()
        b.stop()


@pytest.mark.postgres
def test_workers_serve_one_socket_and_a_dead_worker_is_replaced(
        pg_cluster: PostgresCluster, tmp_path: Path) -> None:
    server = CentralServer(pg_cluster.create_database(), tmp_path / "blobs",
                           ["--workers", "2"]).start()
    try:
        assert server.proc is not None
        workers = _children(server.proc.pid)
        assert len(workers) == 2
        devs = [enroll(server) for _ in range(4)]
        for d in devs:
            assert post_batch(server, d, [contribution(d.device_id, 1)]).status_code == 200
        os.kill(workers[0], signal.SIGKILL)
        # the next requests are served, by the survivor or the new worker
        for d in devs:
            r = post_batch(server, d, [contribution(d.device_id, 2)])
            assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
        now = _children(server.proc.pid)
        for _ in range(100_000):   # the parent starts the replacement once it reaps the dead one
            if len(now) == 2:
                break
            now = _children(server.proc.pid)
        assert workers[0] not in now and workers[1] in now
        proc = server.proc
        server.stop()   # SIGTERM to the parent: every worker ends with it
        assert proc.returncode == 0
        assert not any(Path(f"/proc/{pid}").exists() for pid in now)
    finally:
        server.stop()


def test_bad_workers_values_are_refused_in_words(central_sqlite: CentralServer) -> None:
    for bad in ("0", "65", "two"):
        r = central_sqlite.cli("serve", "--workers", bad, check=False)
        assert r.returncode == 2 and "--workers" in r.stderr and "1 to 64" in r.stderr
    r = central_sqlite.cli("serve", "--token-cache-seconds", "-1", check=False)
    assert r.returncode == 2 and "0 to 300" in r.stderr


def test_revocation_stops_batches_at_once_despite_the_token_cache(
        central_sqlite: CentralServer) -> None:
    dev = enroll(central_sqlite)
    assert post_batch(central_sqlite, dev, [contribution(dev.device_id, 1)]).status_code == 200
    # the token is now cached as verified (5 s); the administrator revokes the device
    assert "revoked" in central_sqlite.cli("revoke", dev.device_id).stdout
    r = post_batch(central_sqlite, dev, [contribution(dev.device_id, 2)])
    assert r.status_code == 401 and r.json()["error"]["code"] == "bad_token"
    assert r.headers["WWW-Authenticate"] == "Bearer"
    assert len(_ledger_counts(central_sqlite.db_url)) == 1          # nothing of it stored
    # and the next request looks the token up again (the refusal dropped it from the cache)
    r = httpx.get(central_sqlite.url + "/v1/catalog", headers=dev.auth())
    assert r.status_code == 401


def test_reads_look_the_token_up_and_the_cache_can_be_off(tmp_path: Path) -> None:
    server = CentralServer(f"sqlite:///{tmp_path / 'c.sqlite3'}", tmp_path / "blobs",
                           ["--token-cache-seconds", "0"]).start()
    try:
        dev = enroll(server)
        assert post_batch(server, dev, [contribution(dev.device_id, 1)]).status_code == 200
        assert httpx.get(server.url + "/v1/catalog", headers=dev.auth()).status_code == 200
        server.cli("revoke", dev.device_id)
        r = httpx.get(server.url + "/v1/catalog", headers=dev.auth())
        assert r.status_code == 401 and r.json()["error"]["message"]
        r = post_batch(server, dev, [contribution(dev.device_id, 2)])
        assert r.status_code == 401 and r.json()["error"]["code"] in ("bad_token", "revoked")
    finally:
        server.stop()


def _vm_hwm(server: CentralServer) -> int:
    assert server.proc is not None
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    return int(next(x.split()[1] for x in status.splitlines() if x.startswith("VmHWM:"))) * 1024


def _gzip(doc: bytes) -> bytes:
    z = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return z.compress(doc) + z.flush()


def test_memory_stays_bounded_whatever_devices_send(central_sqlite: CentralServer) -> None:
    """Sixteen heavy batches at once from four devices: text that Python stores at 4 bytes a
    character (an emoji in every string) and value-dense JSON, each within the protocol's
    limits. The service parses them a few at a time within its memory budget, answers each in
    words (a bad signature here), never 500, and its peak stays far below 16 copies."""
    devs = [enroll(central_sqlite) for _ in range(4)]
    before = _vm_hwm(central_sqlite)
    answers: list[httpx.Response] = []

    def heavy(i: int, dev_id: str) -> bytes:
        if i % 2:
            records = b",".join([b'"abcdefghijklmnopqrstuvwxyz0123456789\xf0\x9f\x98\x80"'] * 180_000)
        else:
            records = b",".join([b"[[],[],[],[]]"] * 100_000)
        return _gzip(b'{"batch_id":"00000000-0000-4000-8000-%012d","device_id":"%s",'
                     b'"protocol":1,"records":[%s]}' % (i, dev_id.encode(), records))

    bodies = [(d, heavy(i, d.device_id)) for i, d in enumerate(devs * 4)]

    def push(dev: object, body: bytes) -> None:
        r = httpx.post(central_sqlite.url + "/v1/batches", content=body, timeout=120,
                       headers={"Content-Encoding": "gzip", "Sala-Signature": "x"}
                       | dev.auth())  # type: ignore[attr-defined]
        answers.append(r)

    threads = [threading.Thread(target=push, args=b) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted({(r.status_code, r.json()["error"]["code"]) for r in answers})
    # parsed within budget, then refused by what they are (records are not objects, or a
    # bad signature) - or told to come back; never a 500
    assert all(s in (400, 403, 413, 429) for s, _ in codes), codes
    assert len(answers) == 16 and all(r.json()["error"]["message"] for r in answers)
    growth = _vm_hwm(central_sqlite) - before
    assert growth < 200 * MB, growth / MB     # 119 MB measured; 253 MB without the budget
    ok = post_batch(central_sqlite, devs[0], [contribution(devs[0].device_id, 1)])
    assert ok.status_code == 200 and ok.json()["counts"]["accepted"] == 1


def test_a_refusal_costs_no_database_work(tmp_path: Path) -> None:
    """The door decides before any lookup: with the service's place taken by a stalled
    upload, forty more batches (of the same device, and of a device never seen) are refused
    with 429 and a Retry-After, on a connection closed after the answer, and the database sees
    not one statement for them."""
    import asyncio
    import hashlib
    import time as _time

    from sqlalchemy import event

    from sala.central import db
    from sala.central import tables as t
    from sala.central.app import Settings, create_app

    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'c.sqlite3'}", blobs_dir=tmp_path / "b",
                              max_inflight_batches=1, max_inflight_per_device=1))
    engine = app.state.engine
    door, _, body_budget, _ = app.state.admission
    tokens = {"dev-a": "sala_token_a", "dev-b": "sala_token_b"}
    with db.write_tx(engine) as conn:
        for dev_id, token in tokens.items():
            conn.execute(t.devices.insert().values(
                device_id=dev_id, name="", public_key="k", enrolled=True, revoked=False,
                token_hash=hashlib.sha256(token.encode()).hexdigest(), high_water=0, max_seq=0,
                created_at=_time.time()))
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def auth(dev_id: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[dev_id]}", "Content-Encoding": "gzip"}

    async def main() -> tuple[list[httpx.Response], list[httpx.Response]]:
        release = asyncio.Event()

        async def stalled() -> object:
            yield b"\x1f\x8b"
            await release.wait()

        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://central") as client:
            hangers = [asyncio.create_task(client.post("/v1/batches", content=stalled(),
                                                       headers=auth("dev-a")))
                       for _ in range(1)]
            while body_budget.used < 1 << 20:   # inside, reading its body
                await asyncio.sleep(0)
            seen = len(statements)
            refused = [await client.post("/v1/batches", content=b"\x1f\x8b", headers=auth(d))
                       for d in ["dev-a", "dev-b"] * 20]
            assert len(statements) == seen, statements[seen:]
            release.set()
            return refused, list(await asyncio.gather(*hangers))

    try:
        refused, stalled_answers = asyncio.run(main())
    finally:
        engine.dispose()
    assert {r.status_code for r in refused} == {429}
    assert all(int(r.headers["Retry-After"]) >= 1 and r.json()["error"]["message"] for r in refused)
    # the moment to come back, to the millisecond, never past the whole seconds beside it
    waits = [http.retry_after_seconds(r.headers) for r in refused]
    assert all(w is not None and 0 < w <= int(r.headers["Retry-After"]) for w, r in zip(waits, refused, strict=True))
    assert len(set(waits)) > 1
    assert all(r.headers["Connection"] == "close" for r in refused)
    assert door.refused == 40
    assert [r.status_code for r in stalled_answers] == [400]     # truncated gzip, in words
