"""Every ledger query uses its index at every table size (issue 15, point 2), on PostgreSQL.

The trouble was a plan made while the ledger was tiny and kept as it grew (psycopg prepares a
statement on its fifth run). Here the service's own engine first ingests small batches into an
empty ledger, then the table grows to a million rows (no ANALYZE: the statistics still say
"tiny"), then the same engine ingests more small batches. PostgreSQL's per-transaction counters
(``pg_stat_xact_user_tables``) must show index scans and not one sequential scan of records;
EXPLAIN of each statement the ledger runs must name an index.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from sala.central import auth, db, ledger, ledger_sql
from sala.central import tables as t
from sala.wire import crypto
from sala.wire.protocol import Batch
from tests.integration.servers import PostgresCluster, contribution

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROWS = 1_000_000
DEVICE = "dev-scale-0001"


def _batch(seq0: int, n: int = 50) -> Batch:
    return Batch(DEVICE, [contribution(DEVICE, seq0 + i, "ชุดเล็ก") for i in range(n)])


@pytest.fixture(scope="module")
def big_ledger(pg_cluster: PostgresCluster) -> Iterator[tuple[Engine, auth.Device, int]]:
    engine = db.make_engine(pg_cluster.create_database())
    db.migrate(engine)
    key = crypto.public_key_b64(crypto.generate_signing_key())
    with db.write_tx(engine) as conn:
        conn.execute(t.devices.insert().values(
            device_id=DEVICE, name="scale", public_key=key, token_hash=None, enrolled=True,
            revoked=False, high_water=0, max_seq=0, created_at=time.time()))
    dev = auth.Device(DEVICE, "scale", key, True, False)
    seq = 1
    for _ in range(10):   # plans made on a tiny table, by the engine the service uses
        res = ledger.ingest(engine, _batch(seq), body_sha256="x", sender=dev, signer_key=key)
        assert res.counts()["accepted"] == 50
        seq += 50
    with engine.begin() as conn:   # a million records of a thousand other devices
        conn.exec_driver_sql(
            "INSERT INTO records (id, device_id, seq, type, schema, created_at, hash, body, blobs,"
            " batch_id, received_at) SELECT lpad(to_hex(g), 32, '0')::uuid::text,"
            " 'dev-' || lpad((g / 1000)::text, 4, '0'), mod(g, 1000) + 1, 'contribution', 1,"
            " '2026-01-01T00:00:00+07:00', repeat('0', 64), '{}', '[]',"
            " '00000000-0000-4000-8000-000000000000', 0"
            f" FROM generate_series(1, {ROWS}) AS g")
        # and a country's devices and photos
        conn.exec_driver_sql(
            "INSERT INTO devices (device_id, name, public_key, enrolled, revoked, high_water,"
            " max_seq, created_at) SELECT 'laptop-' || g, '', '', true, false, 0, 0, 0"
            " FROM generate_series(1, 100000) AS g")
        conn.exec_driver_sql("INSERT INTO blobs (sha256, size, completed_at) SELECT"
                             " md5(g::text) || md5(g::text), 1, 0 FROM generate_series(1, 100000) g")
    try:
        yield engine, dev, seq
    finally:
        engine.dispose()


def test_small_batches_on_a_million_rows_never_scan_the_table(big_ledger) -> None:
    engine, dev, seq = big_ledger
    with engine.connect() as conn, conn.begin():
        assert conn.connection.driver_connection.prepare_threshold is None  # type: ignore[union-attr]
        assert conn.exec_driver_sql("SELECT count(*) FROM records").scalar() == ROWS + 500
        before = conn.exec_driver_sql("SELECT seq_scan FROM pg_stat_xact_user_tables "
                                      "WHERE relname = 'records'").scalar()
        first = _batch(seq)
        for i in range(30):   # thirty small batches: past psycopg's prepare threshold
            batch = first if i == 0 else _batch(seq + 50 * i)
            results, rows = ledger._prepare(batch)
            res = ledger._ingest_tx(conn, batch, list(results), rows, f"x{i}", dev,
                                    dev.public_key)
            assert res.counts()["accepted"] == 50
        # the first once more: all duplicates (the lookup that finds rows), and a batch whose
        # seqs are taken by other records (the seq lookup)
        results, rows = ledger._prepare(first)
        res = ledger._ingest_tx(conn, first, list(results), rows, "x0", dev, dev.public_key)
        assert res.counts()["duplicate"] == 50
        clash = _batch(seq)
        results, rows = ledger._prepare(clash)
        res = ledger._ingest_tx(conn, clash, list(results), rows, "clash", dev, dev.public_key)
        assert res.counts()["conflict"] == 50
        seq_scans, idx_scans = conn.exec_driver_sql(
            "SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'records'"
        ).one()
        # the COUNT(*) above is this transaction's one sequential scan of records
        assert seq_scans - before == 0 and idx_scans >= 33
        prepared = conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements").scalar()
        assert prepared == 0


@pytest.mark.parametrize("analyzed", [False, True])
def test_explain_names_an_index_for_every_ledger_statement(big_ledger, analyzed: bool) -> None:
    engine, _, _ = big_ledger
    ids = [str(r["id"]) for r in _batch(1).records][:50]
    with engine.connect() as conn, conn.begin():
        if analyzed:
            conn.exec_driver_sql("ANALYZE records")
        for sql, params in ((ledger_sql.PG_RECORDS_BY_ID, (ids,)),
                            (ledger_sql.PG_SEQS_TAKEN, (DEVICE, list(range(1, 51)))),
                            (ledger_sql.PG_BLOBS_HELD, (["a" * 64],)),
                            (ledger_sql.PG_LOCK_DEVICE, (DEVICE,))):
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql, params))
            assert "Index" in plan and "Seq Scan" not in plan, (sql, plan)
        conn.rollback()
