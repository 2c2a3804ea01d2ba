"""The ledger's hot queries, shaped so each uses its index at every table size.

PostgreSQL: one statement per lookup whatever the batch size, ``… = ANY(%s)`` with the ids as
one array parameter (the statement text never changes with the number of ids, so psycopg parses
it once), and no server-side prepared statements (``prepare_threshold=None`` in ``db``): a
statement prepared while the table was tiny kept its sequential-scan plan as the table grew,
and small batches got slower with every row (issue 15). Each execution is planned with its own
values; the plan is an index scan on a table of a million rows (tests/integration/
test_central_scale_pg.py checks it with EXPLAIN and with the table's scan counters). New records
go in with ``COPY``: psycopg encodes the rows in C.

SQLite: ``IN (…)`` in chunks below its parameter limit, ``executemany`` for inserts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

CHUNK = 500   # ids per IN (...) on SQLite (its default limit is 32,766 parameters)
RECORD_COLS = ("id", "device_id", "seq", "type", "schema", "created_at", "hash", "body", "blobs",
               "batch_id", "received_at")

# The statements, named so the tests EXPLAIN exactly what runs.
PG_RECORDS_BY_ID = "SELECT id, hash, device_id FROM records WHERE id = ANY(%s)"
PG_SEQS_TAKEN = "SELECT seq, id FROM records WHERE device_id = %s AND seq = ANY(%s)"
PG_BLOBS_HELD = "SELECT sha256 FROM blobs WHERE sha256 = ANY(%s)"
PG_LOCK_DEVICE = ("SELECT high_water, max_seq, revoked, token_hash FROM devices "
                  "WHERE device_id = %s FOR UPDATE")


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _chunks(items: Sequence[Any], n: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _sqlite_in(conn: Connection, head: str, values: Sequence[Any],
               params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for chunk in _chunks(values):
        sql = f"{head} IN ({', '.join('?' * len(chunk))})"
        out.extend(tuple(r) for r in conn.exec_driver_sql(sql, (*params, *chunk)))
    return out


def records_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """``{id: (hash, device_id)}`` of the stored records among ``ids``."""
    if not ids:
        return {}
    rows: Sequence[Any]
    if _pg(conn):
        rows = conn.exec_driver_sql(PG_RECORDS_BY_ID, (list(ids),)).all()
    else:
        rows = _sqlite_in(conn, "SELECT id, hash, device_id FROM records WHERE id", ids)
    return {rid: (h, dev) for rid, h, dev in rows}


def seqs_taken(conn: Connection, device_id: str, seqs: Sequence[int]) -> dict[int, str]:
    """``{seq: id}`` of ``device_id``'s stored records among ``seqs``."""
    if not seqs:
        return {}
    rows: Sequence[Any]
    if _pg(conn):
        rows = conn.exec_driver_sql(PG_SEQS_TAKEN, (device_id, list(seqs))).all()
    else:
        rows = _sqlite_in(conn, "SELECT seq, id FROM records WHERE device_id = ? AND seq",
                          seqs, (device_id,))
    return {int(seq): rid for seq, rid in rows}


def blobs_held(conn: Connection, shas: Sequence[str]) -> set[str]:
    if not shas:
        return set()
    rows: Sequence[Any]
    if _pg(conn):
        rows = conn.exec_driver_sql(PG_BLOBS_HELD, (list(shas),)).all()
    else:
        rows = _sqlite_in(conn, "SELECT sha256 FROM blobs WHERE sha256", shas)
    return {r[0] for r in rows}


def lock_device(conn: Connection, device_id: str) -> tuple[int, int, bool, str | None] | None:
    """The device row, locked for this transaction (SQLite's BEGIN IMMEDIATE already holds the
    whole database): ``(high_water, max_seq, revoked, token_hash)``, None when unknown."""
    if _pg(conn):
        row = conn.exec_driver_sql(PG_LOCK_DEVICE, (device_id,)).first()
    else:
        row = conn.exec_driver_sql("SELECT high_water, max_seq, revoked, token_hash FROM devices "
                                   "WHERE device_id = ?", (device_id,)).first()
    if row is None:
        return None
    return int(row[0]), int(row[1]), bool(row[2]), row[3]


def insert_records(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Rows in :data:`RECORD_COLS` order. PostgreSQL: ``COPY`` (executemany cost about 30 µs a
    row in psycopg's pipeline); SQLite: plain DB-API ``executemany`` (SQLAlchemy's per-row
    parameter processing cost more than SQLite's insert itself at 5,000 rows a batch)."""
    cols = ", ".join(RECORD_COLS)
    if _pg(conn):
        dbapi = conn.connection.driver_connection
        try:
            with dbapi.cursor() as cur, cur.copy(f"COPY records ({cols}) FROM STDIN") as copy:  # type: ignore[union-attr]
                for row in rows:
                    copy.write_row(row)
        except dbapi.IntegrityError as exc:  # type: ignore[union-attr]
            # the raw cursor's error, raised as SQLAlchemy's (the ledger retries on it)
            raise IntegrityError("COPY records", None, exc) from exc
        return
    conn.exec_driver_sql(f"INSERT INTO records ({cols}) VALUES ({', '.join('?' * len(RECORD_COLS))})",
                         rows)
