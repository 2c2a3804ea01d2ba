"""Opening the local store safely, and the transactions every service uses.

Start-up order: integrity check → online backup (when a migration is due) → migrate → make
sure this device exists. The GUI may defer the integrity check (``check=False``) to run it as
the first task on its single writer thread, so a large database's list shows at once while
every write still waits for the check; a migration is never run on an unchecked file. Writes go
through :meth:`Database.write`, whose flush hook stamps each changed record with the device id, a
fresh per-device sequence number and timestamps, in the same transaction as the change.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from sala.domain.clock import now
from sala.domain.errors import SalaError, StorageError
from sala.domain.ids import new_id
from sala.paths import PRIVATE_DIR, PRIVATE_FILE, UnusableLocationError, check_database_path, tighten
from sala.storage import backup as backups
from sala.storage import migrate
from sala.storage.engine import make_engine
from sala.storage.errors import CorruptDatabaseError, translate
from sala.storage.models import Device, SyncRecord

log = logging.getLogger(__name__)


@dataclass
class OpenReport:
    """What happened while opening, for ``sala info`` and the log."""

    created: bool
    migrated_from: str | None
    revision: str
    backup: Path | None
    checked: bool = True
    """False when the caller deferred ``quick_check`` (it must call :meth:`Database.check`)."""


class Database:
    """The local store: an engine, this device's id and read/write transactions."""

    def __init__(self, path: Path, engine: Engine, device_id: str, backups_dir: Path) -> None:
        self.path = path
        self.engine = engine
        self.device_id = device_id
        self.backups_dir = backups_dir
        self.damaged: CorruptDatabaseError | None = None
        """Set when a deferred integrity check failed: from then on every write refuses."""
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(sala_write=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[OrmSession]:
        with self._reader() as s:
            try:
                yield s
            except DBAPIError as exc:
                raise (translate(exc) or exc) from exc

    @contextmanager
    def write(self, *, preserve_origin: bool = False) -> Iterator[OrmSession]:
        """One transaction, committed (durably) on leaving the block, rolled back on error.

        ``preserve_origin`` keeps the device id and sequence a record already carries (records
        that arrived from another device by bundle).
        """
        if self.damaged is not None:
            raise self.damaged
        s = self._writer()
        s.info["device_id"] = self.device_id
        s.info["preserve_origin"] = preserve_origin
        try:
            yield s
            s.commit()
        except DBAPIError as exc:
            s.rollback()
            raise (translate(exc) or exc) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def backup(self, label: str = "manual") -> Path:
        return backups.make_backup(self.path, self.backups_dir, label)

    def check(self) -> None:
        """Run the deferred integrity check; raises CorruptDatabaseError (with the newest backup).

        After a failure every later :meth:`write` raises the same error: nothing is written
        into a damaged file while the user decides about restoring.
        """
        try:
            raise_if_damaged(self.path, self.backups_dir)
        except CorruptDatabaseError as exc:
            self.damaged = exc
            raise

    def forget_freed_pages(self) -> None:
        """After deleting personal text: move the zeroed pages (``secure_delete``) from the
        write-ahead log into the file and empty the log, whose older frames still hold the
        pages as they were. Best effort: a reader still open only delays it to a later
        checkpoint, and never fails the deletion itself."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:  # noqa: BLE001
            log.warning("checkpoint after a deletion skipped: %s", exc)

    def close(self) -> None:
        self.engine.dispose()


_TAKE_SEQS = text("UPDATE device SET last_change_seq = last_change_seq + :n WHERE id = :id "
                  "RETURNING last_change_seq")


def take_change_seqs(session: OrmSession, device_id: str, n: int) -> int:
    """Reserve ``n`` consecutive change seqs of ``device_id`` in the caller's transaction;
    returns the last one. The only place a change seq is handed out."""
    return int(session.execute(_TAKE_SEQS, {"n": n, "id": device_id}).scalar_one())


def stamp_new_record(session: OrmSession, values: dict[str, Any]) -> dict[str, Any]:
    """Fill ``device_id``, ``seq`` and both timestamps of one new synced record written with a
    Core insert (the capture fast path, which skips the unit of work and so the flush hook);
    numbered exactly as the flush hook numbers ORM objects. Returns ``values``."""
    device_id = session.info["device_id"]
    stamp = now()
    values.update(device_id=device_id, seq=take_change_seqs(session, device_id, 1),
                  created_at=stamp, updated_at=stamp)
    return values


@event.listens_for(OrmSession, "before_flush")
def _stamp_records(session: OrmSession, _ctx: Any, _instances: Any) -> None:
    device_id = session.info.get("device_id")
    if device_id is None:
        return
    changed = [o for o in session.new if isinstance(o, SyncRecord)]
    changed += [o for o in session.dirty if isinstance(o, SyncRecord) and session.is_modified(o)]
    if not changed:
        return
    preserve = session.info.get("preserve_origin", False)
    if preserve:
        changed = [o for o in changed if o.seq is None]
        if not changed:
            return
    last = take_change_seqs(session, device_id, len(changed))
    stamp = now()
    for offset, obj in enumerate(changed):
        obj.device_id = obj.device_id if preserve and obj.device_id else device_id
        obj.seq = last - len(changed) + offset + 1
        if obj.created_at is None:
            obj.created_at = stamp
        obj.updated_at = stamp


def quick_check(path: Path) -> str:
    """``ok`` or SQLite's description of the damage.

    A file that cannot be opened or written (a read-only folder, a lock) is not damage: that
    raises its own StorageError rather than offering to restore a backup over a good file."""
    try:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code and code not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            known = translate(exc)
            if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
                known = read_only_error(path)
            if known is not None:
                raise known from exc
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:3])
    return "ok" if result == "ok" else result


def read_only_error(path: Path) -> StorageError:
    return StorageError(
        f"โฟลเดอร์ข้อมูล {path.parent} หรือไฟล์ {path.name} อ่านได้อย่างเดียว Sala จึงบันทึกไม่ได้ "
        "ข้อมูลในไฟล์ไม่ได้เสียหาย กรุณาให้สิทธิ์เขียนโฟลเดอร์นี้ หรือคัดลอกโฟลเดอร์ไปไว้ที่ที่เขียนได้",
        f"The data folder {path.parent} or the file {path.name} is read-only, so Sala cannot save. "
        "The data in it is not damaged. Make the folder writable, or copy it somewhere writable.")


def _prepare_file(path: Path) -> None:
    """Refuse an unusable location before SQLite touches it, create a new database file
    owner-only (SQLite gives its -wal and -shm the same mode), and tighten an existing one."""
    try:
        check_database_path(path)
    except UnusableLocationError as exc:
        raise StorageError(exc.th, exc.en) from exc
    try:
        path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except OSError as exc:
        raise SalaError(
            f"สร้างโฟลเดอร์ข้อมูล {path.parent} ไม่ได้ ({exc.strerror})",
            f"Cannot create the data folder {path.parent} ({exc.strerror})",
        ) from exc
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise read_only_error(path)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise read_only_error(path) from exc
        raise SalaError(f"สร้างไฟล์ฐานข้อมูล {path} ไม่ได้ ({exc.strerror})",
                        f"Cannot create the database file {path} ({exc.strerror})") from exc
    for p in (path, *(path.with_name(path.name + sfx) for sfx in ("-wal", "-shm"))):
        tighten(p, PRIVATE_FILE)


def raise_if_damaged(path: Path, backups_dir: Path) -> None:
    result = quick_check(path)
    if result != "ok":
        latest = next(iter(backups.list_backups(path, backups_dir)), None)
        raise CorruptDatabaseError(path, result, latest)


def open_database(path: Path, backups_dir: Path | None = None, device_name: str | None = None,
                  *, check: bool = True) -> tuple[Database, OpenReport]:
    """Open (creating if needed) the database at ``path``; see the module docstring for order.

    Raises CorruptDatabaseError when the integrity check fails, and StorageError for other
    known trouble (unwritable folder, full disk). ``check=False`` defers the check unless a
    migration is due (the report's ``checked`` says which happened).
    """
    backups_dir = backups_dir or path.parent / "backups"
    _prepare_file(path)
    created = not path.exists() or path.stat().st_size == 0
    checked = created or check
    if not created and check:
        raise_if_damaged(path, backups_dir)
    engine = make_engine(path)
    try:
        try:
            before = None if created else migrate.current_revision(engine)
        except DBAPIError:
            if checked:
                raise
            before = "unreadable"  # not even the version table reads: let the check say why
        head = migrate.head_revision()
        backup_path = None
        if before != head and not checked:
            raise_if_damaged(path, backups_dir)  # never back up or migrate an unchecked file
            checked = True
            if before == "unreadable":  # yet the check passed: let the real error speak
                before = migrate.current_revision(engine)
        if before != head:
            if before is not None:
                backup_path = backups.make_backup(path, backups_dir, f"before-{head}")
            migrate.upgrade(engine)
        device_id = _ensure_device(engine, device_name)
    except DBAPIError as exc:
        engine.dispose()
        raise (translate(exc) or exc) from exc
    except BaseException:
        engine.dispose()
        raise
    report = OpenReport(created, before, head, backup_path, checked)
    log.info("opened %s: %s", path, report)
    return Database(path, engine, device_id, backups_dir), report


def _ensure_device(engine: Engine, name: str | None) -> str:
    with OrmSession(engine.execution_options(sala_write=True)) as s, s.begin():
        device = s.scalars(select(Device).where(Device.is_local.is_(True))).first()
        if device is None:
            device = Device(id=new_id(), name=name or socket.gethostname(), is_local=True,
                            last_change_seq=0, last_sync_seq=0, created_at=now())
            s.add(device)
        return device.id


def schema_version(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
