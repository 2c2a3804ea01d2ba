"""The SQLite engine: WAL, synchronous=FULL, foreign keys, busy timeout, explicit BEGINs.

pysqlite's own transaction handling is switched off so SQLAlchemy's ``begin`` decides: writers
take the lock up front with ``BEGIN IMMEDIATE`` (no deadlock when a reader later wants to
write), readers use a deferred ``BEGIN`` and never block the writer in WAL mode.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32000",
    # A deleted row's bytes are overwritten, not left in free pages: an erased participant's
    # words must not be readable from the file. Debian's SQLite does this by default; Python's
    # own SQLite (Windows, macOS builds) does not.
    "PRAGMA secure_delete=ON",
)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    for p in PRAGMAS:
        conn.execute(p)


def make_engine(path: Path, **kwargs: Any) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        apply_pragmas(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("sala_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
