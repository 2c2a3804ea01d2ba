"""Every connection the app opens overwrites deleted rows, whatever SQLite's build default."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from sala.storage.engine import make_engine


def test_every_connection_has_secure_delete_on(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "s.sqlite3")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
    finally:
        engine.dispose()


def test_deleted_text_is_not_left_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    engine = make_engine(path)
    secret = "เบอร์โทร 081-555-0199 บ้านเลขที่ 42"
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
            conn.execute(text("INSERT INTO t (body) VALUES (:b)"), {"b": secret})
            conn.execute(text("INSERT INTO t (body) VALUES ('kept')"))
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM t WHERE body = :b"), {"b": secret})
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    raw = path.read_bytes() + (tmp_path / "s.sqlite3-wal").read_bytes() if (tmp_path / "s.sqlite3-wal").exists() \
        else path.read_bytes()
    assert secret.encode() not in raw
    assert b"kept" in raw
