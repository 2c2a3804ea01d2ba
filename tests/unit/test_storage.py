"""The local store: pragmas, sequence stamping, integrity check, backups and migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from sala.domain.clock import now
from sala.services.search import SearchService
from sala.storage import backup as backups
from sala.storage import migrate
from sala.storage.database import open_database
from sala.storage.engine import make_engine
from sala.storage.errors import CorruptDatabaseError
from sala.storage.models import Contribution, Device, Session


def _session(**kw) -> Session:
    from datetime import date

    return Session(kind="minitalk", title="เวที", province_code="LPG", session_date=date(2026, 1, 1), **kw)


def test_pragmas_durable_wal_foreign_keys(tmp_path: Path):
    db, _ = open_database(tmp_path / "a.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    db.close()


def test_every_change_gets_the_next_device_sequence_in_its_transaction(tmp_path: Path):
    db, _ = open_database(tmp_path / "a.sqlite3")
    with db.write() as s:
        session = _session()
        s.add(session)
        s.flush()
        c1 = Contribution(session_id=session.id, type="idea", text="ก", recorded_at=now())
        c2 = Contribution(session_id=session.id, type="idea", text="ข", recorded_at=now())
        s.add_all([c1, c2])
    assert [session.seq, c1.seq, c2.seq] == [1, 2, 3]
    assert {session.device_id, c1.device_id} == {db.device_id}
    assert c1.created_at.tzinfo is not None and c1.updated_at.utcoffset() == UTC.utcoffset(None)
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(Contribution(session_id=session.id, type="idea", text="ค", recorded_at=now()))
        s.flush()
        raise RuntimeError("user pulled the plug")
    with db.write() as s:
        s.get(Contribution, c1.id).text = "แก้ไข"
    with db.read() as s:
        assert s.get(Contribution, c1.id).seq == 4, "a rolled-back change must not burn a number"
        assert s.get(Device, db.device_id).last_change_seq == 4
        assert s.execute(select(Contribution).where(Contribution.text == "ค")).first() is None
    db.close()


def test_foreign_keys_are_enforced(tmp_path: Path):
    db, _ = open_database(tmp_path / "a.sqlite3")
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.write() as s:
        s.add(Contribution(session_id="no-such-session", type="idea", text="x", recorded_at=now()))
    db.close()


def _corrupt(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xff" * 8192)


def test_damaged_database_is_reported_with_the_latest_backup_and_can_be_restored(tmp_path: Path):
    path = tmp_path / "a.sqlite3"
    db, _ = open_database(path)
    with db.write() as s:
        for _ in range(300):
            s.add(_session())
    saved = db.backup("test")
    db.close()
    _corrupt(path)
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path)
    assert err.value.backup == saved
    assert "เสียหาย" in err.value.th and "damaged" in err.value.en
    aside = backups.restore(err.value.backup, path)
    assert aside.exists()
    db, _ = open_database(path)
    with db.read() as s:
        assert s.execute(text("select count(*) from session")).scalar() == 300
    db.close()


def test_not_a_database_at_all(tmp_path: Path):
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"this is a photo, not a database" * 200)
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path)
    assert err.value.backup is None and "No backup" in err.value.en


def test_migrate_from_empty_database(tmp_path: Path):
    db, report = open_database(tmp_path / "a.sqlite3")
    assert report.created and report.revision == migrate.head_revision()
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()


def test_upgrade_from_previous_revision_keeps_data_and_indexes_it(tmp_path: Path):
    """A database made by release 0001 (no search index) upgrades, backs up first, and finds old text."""
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO device (id, name, is_local, last_change_seq, last_sync_seq, created_at) "
            "VALUES ('dev-1', 'old laptop', 1, 2, 0, '2026-01-01T00:00:00.000000+00:00')")
        conn.exec_driver_sql(
            "INSERT INTO session (id, device_id, seq, created_at, updated_at, kind, title, status, province_code, "
            "district, facilitators, notes, session_date) VALUES ('s-1', 'dev-1', 1, '2026-01-01T00:00:00+00:00', "
            "'2026-01-01T00:00:00+00:00', 'minitalk', 'เวทีเก่า', 'closed', 'LPG', '', '', '', '2026-01-01')")
        conn.exec_driver_sql(
            "INSERT INTO contribution (id, device_id, seq, created_at, updated_at, session_id, type, text, tags, "
            "recorded_at) VALUES ('c-1', 'dev-1', 2, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', "
            "'s-1', 'concern', 'ปัญหาฝุ่นละอองขนาดเล็กในเมือง', '[]', '2026-01-01T00:00:00+00:00')")
    engine.dispose()
    db, report = open_database(path, tmp_path / "backups")
    assert report.migrated_from == "0001" and report.revision == migrate.head_revision()
    assert report.backup is not None and report.backup.exists()
    with sqlite3.connect(report.backup) as old:
        assert old.execute("select version_num from alembic_version").fetchone()[0] == "0001"
    assert db.device_id == "dev-1"
    hits = SearchService(db).search("ฝุ่น")
    assert [h.contribution_id for h in hits] == ["c-1"]
    db.close()


def test_backups_use_the_backup_api_and_keep_the_newest(tmp_path: Path):
    db, _ = open_database(tmp_path / "a.sqlite3")
    made = [db.backup(f"n{i}") for i in range(backups.KEEP + 2)]
    kept = backups.list_backups(db.path, db.backups_dir)
    assert len(kept) == backups.KEEP and made[-1] in kept and made[0] not in kept
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()


def test_unwritable_folder_is_a_clear_error(tmp_path: Path):
    from sala.domain.errors import SalaError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SalaError) as err:
        open_database(blocker / "sub" / "a.sqlite3")
    assert "โฟลเดอร์" in err.value.th and "folder" in err.value.en


def test_head_revision_read_from_files_matches_alembic():
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_a_deferred_check_is_run_anyway_before_a_migration(tmp_path: Path):
    """``check=False`` (the GUI) never backs up or migrates a file it has not checked."""
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    engine.dispose()
    db, report = open_database(path, tmp_path / "backups", check=False)
    assert report.checked and report.migrated_from == "0001" and report.backup is not None
    db.close()
    db, report = open_database(path, tmp_path / "backups", check=False)
    assert not report.checked, "nothing due: the check is left to the caller"
    db.check()
    assert db.damaged is None
    db.close()
