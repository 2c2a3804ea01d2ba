"""The first screenful read at start with sqlite3 alone is what the session service shows first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.inputs import AttendanceInput
from sala.services.demo import generate
from sala.services.first_page import read_first_page
from sala.services.session_rows import SessionFilter, SessionSort


def _finalized(services: Services) -> str:
    return next(r.id for r in services.sessions.list(limit=1000) if r.status == e.SessionStatus.FINALIZED)


def test_first_page_equals_the_service(services: Services) -> None:
    generate(services.db, 60, seed=11)
    # A corrected head count must show as corrected, as the service shows it.
    services.amendments.amend_attendance(_finalized(services), AttendanceInput(total=321), "นับซ้ำ / counted twice")
    page = read_first_page(services.db.path, limit=50)
    assert page is not None
    assert page.total == services.sessions.count() == 60
    assert page.list(limit=50) == services.sessions.list(limit=50)
    assert 321 in [r.attendance_total for r in page.rows]
    for lang in ("th", "en"):
        assert [(t.id, t.label(lang)) for t in page.topics()] == [(t.id, t.label(lang))
                                                                   for t in services.sessions.topics()]


def test_first_page_answers_only_the_default_request(services: Services) -> None:
    generate(services.db, 5, seed=3)
    page = read_first_page(services.db.path)
    assert page is not None
    assert page.answers(SessionFilter(), SessionSort.DATE, True)
    for flt, sort, desc in ((SessionFilter(text="ฝุ่น"), SessionSort.DATE, True),
                            (SessionFilter(), SessionSort.TITLE, True), (SessionFilter(), SessionSort.DATE, False)):
        assert not page.answers(flt, sort, desc)
        with pytest.raises(LookupError):
            page.list(flt, sort=sort, descending=desc)


def test_no_first_page_when_the_database_is_not_ready(services: Services, tmp_path: Path) -> None:
    """Missing, empty, not at the head revision, or not a database: the services open it as before."""
    generate(services.db, 3, seed=5)
    assert read_first_page(tmp_path / "missing.sqlite3") is None
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert read_first_page(empty) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 1000)
    assert read_first_page(garbage) is None
    with sqlite3.connect(services.db.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert read_first_page(services.db.path) is None


def test_first_page_writes_nothing(services: Services) -> None:
    """Read-only: the database file is the same byte for byte (SQLite may leave an empty WAL)."""
    generate(services.db, 3, seed=5)
    services.close()
    before = services.db.path.read_bytes()
    assert read_first_page(services.db.path) is not None
    assert services.db.path.read_bytes() == before
    wal = services.db.path.with_name(services.db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
