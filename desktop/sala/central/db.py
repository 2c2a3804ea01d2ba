"""Engine, transactions and migrations of the central ledger (SQLite default, PostgreSQL).

SQLite is tuned for a ledger that must never lose an acknowledged record: WAL so readers do
not block the writer, ``synchronous=FULL`` so a commit survives power loss (we answer only
after commit), a busy timeout, and ``BEGIN IMMEDIATE`` for writers so two batches never both
read then both try to upgrade to a write lock (the classic SQLITE_BUSY deadlock).
"""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.dialects import postgresql, sqlite

from sala.central import tables as t
from sala.wire import crypto

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 30_000
POOL_SIZE = 16


def normalize_url(db: str) -> str:
    """Accept a SQLAlchemy URL, ``postgresql://…`` (psycopg 3 is used) or a plain file path."""
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


def make_engine(db: str) -> Engine:
    url = normalize_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False},
                               pool_size=8, max_overflow=8)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("sala_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # prepare_threshold=None: no server-side prepared statements. psycopg prepares a statement
    # after its fifth run, and a plan made while the ledger was tiny (a sequential scan) was
    # kept as it grew: every small batch slower than the last (issue 15; ledger_sql).
    # No ping before each use (a round trip per request, 3-8% of the service's time under load):
    # a connection the database dropped (a restart) fails its statement, the request answers
    # 503 with Retry-After, and SQLAlchemy drops every pooled connection made before it.
    # pool_size: what one process uses at once (batches being stored, token lookups, reads),
    # so a burst does not open and close connections (a PostgreSQL connection is a process).
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=8,
                         connect_args={"prepare_threshold": None})


def warm_pool(engine: Engine, n: int) -> None:
    """Open ``n`` pooled connections (at most the pool's size) and keep them in the pool."""
    with ExitStack() as stack:
        for _ in range(min(n, POOL_SIZE)):
            stack.enter_context(engine.connect())


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: IMMEDIATE on SQLite, commit on success, rollback on error."""
    with engine.connect() as conn:
        conn.execution_options(sala_write=True)
        with conn.begin():
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """Reads. On PostgreSQL without BEGIN and COMMIT (two round trips of three for a lookup):
    at READ COMMITTED every statement takes its own snapshot inside a transaction or not. On
    SQLite a transaction, so that the statements of one read see one snapshot."""
    with engine.connect() as conn:
        if is_postgres(conn):
            conn.execution_options(isolation_level="AUTOCOMMIT")
        with conn.begin():
            yield conn


def insert_ignore(conn: Connection, table: Any, values: dict[str, Any] | list[dict[str, Any]],
                  keys: list[str]) -> Any:
    """``INSERT … ON CONFLICT (keys) DO NOTHING`` for the running dialect."""
    mod = postgresql if is_postgres(conn) else sqlite
    stmt = mod.insert(table).on_conflict_do_nothing(index_elements=keys)
    return conn.execute(stmt, values)


def migrate(engine: Engine) -> None:
    """Bring the schema to head, then make sure the server has an identity and sealing key."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        conn.execution_options(sala_write=True)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    ensure_identity(engine)


def ensure_identity(engine: Engine, name: str | None = None) -> None:
    """Create, once per database, the server id, the X25519 sealing keypair and the Ed25519
    signing key (the platform's identity, which laptops pin). A database made before the
    signing key existed gets one here: only missing keys are added.

    Kept in the database rather than a file so a backup of the ledger is also a backup of the
    key that opens the sealed personal data it holds.
    """
    key = crypto.generate_sealing_key()
    from cryptography.hazmat.primitives import serialization
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    signing = crypto.generate_signing_key()
    values = {"server_id": "srv-" + secrets.token_hex(8),
              "signing_private": crypto.b64e(crypto.signing_key_to_bytes(signing)),
              "signing_public": crypto.public_key_b64(signing),
              "name": name or os.environ.get("SALA_CENTRAL_NAME", "sala-central"),
              "sealing_private": crypto.b64e(raw),
              "sealing_public": crypto.sealing_public_b64(key),
              "catalog_rev": "0", "created_at": json.dumps(time.time())}
    with write_tx(engine) as conn:
        insert_ignore(conn, t.server_meta, [{"key": k, "value": v} for k, v in values.items()],
                      ["key"])


def meta(engine: Engine) -> dict[str, str]:
    with read_tx(engine) as conn:
        return dict(conn.execute(select(t.server_meta.c.key, t.server_meta.c.value)).all())
