"""SQLite failures are told apart by SQLite's result code, each with its own bilingual message.

Every case makes the real failure with the sqlite3 module (a database that fills up, a second
writer, a read-only open, a file that is not a database), then checks what the user is told.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from sala.domain.errors import StorageError
from sala.storage.errors import translate


def _caught(fn) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        fn()
    return info.value


def _make(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    conn.execute("CREATE TABLE IF NOT EXISTS t (x BLOB)")
    return conn


def test_disk_full(tmp_path: Path) -> None:
    conn = _make(tmp_path / "full.db")
    conn.execute("PRAGMA max_page_count = 8")

    def fill() -> None:
        for _ in range(100):
            conn.execute("INSERT INTO t VALUES (zeroblob(4096))")

    exc = _caught(fill)
    assert exc.sqlite_errorcode == sqlite3.SQLITE_FULL
    err = translate(exc)
    assert isinstance(err, StorageError) and "disk is full" in err.en
    assert "พื้นที่ดิสก์เต็ม" in err.th


def test_busy_and_locked(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    holder = _make(path)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    exc = _caught(lambda: other.execute("BEGIN IMMEDIATE"))
    holder.execute("ROLLBACK")
    assert exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    err = translate(exc)
    assert err is not None and "in use by another program" in err.en


def test_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    _make(path).close()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    exc = _caught(lambda: ro.execute("INSERT INTO t VALUES (1)"))
    assert exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_READONLY
    err = translate(exc)
    assert err is not None and "read-only" in err.en


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is a photo, not a database" * 200)
    conn = sqlite3.connect(path)
    exc = _caught(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    assert exc.sqlite_errorcode == sqlite3.SQLITE_NOTADB
    err = translate(exc)
    assert err is not None and "damaged" in err.en


def test_through_sqlalchemy_the_driver_error_is_read(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'sa.db'}")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x BLOB)"))
            conn.execute(text("PRAGMA max_page_count = 8"))
        with pytest.raises(OperationalError) as info, engine.begin() as conn:
            for _ in range(100):
                conn.execute(text("INSERT INTO t VALUES (zeroblob(4096))"))
    finally:
        engine.dispose()
    err = translate(info.value)
    assert err is not None and "disk is full" in err.en


def test_the_message_alone_decides_nothing() -> None:
    # Wording without SQLite's code (an error raised by hand, a driver's own message) is not
    # taken for a full disk; and a code is recognised whatever the wording.
    assert translate(sqlite3.OperationalError("database or disk is full")) is None
    odd = sqlite3.OperationalError("something else entirely")
    odd.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
    err = translate(odd)
    assert err is not None and "disk is full" in err.en
