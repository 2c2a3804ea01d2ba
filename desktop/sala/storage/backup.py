"""Online backups through SQLite's backup API (safe while the app is writing), and restore.

Every file written here is the user's own (0600) from its first byte, and a failure (a full
disk, a folder that went read-only) leaves no ``.part`` file behind: only the old state or
the whole new file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sala.domain.errors import StorageError
from sala.files import atomic_path, publish, temp_path
from sala.paths import PRIVATE_DIR, PRIVATE_FILE, tighten
from sala.storage import migrate
from sala.storage.errors import translate

KEEP = 5
SIDE_FILES = ("-wal", "-shm", "-journal")


def _write_error(target: Path, exc: BaseException) -> StorageError:
    known = translate(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        if exc.errno in (28, 122):  # ENOSPC, EDQUOT
            known = None
        else:
            return StorageError(f"เขียนไฟล์ {target} ไม่ได้ ({reason}) ไม่มีไฟล์ใดถูกเขียนค้างไว้",
                                f"Cannot write {target} ({reason}). Nothing was left half-written.")
    if known is not None and "พื้นที่ดิสก์เต็ม" not in known.th:
        return StorageError(f"{known.th} (ไฟล์ {target.name} ไม่ได้ถูกเขียน)",
                            f"{known.en} ({target.name} was not written.)")
    return StorageError(
        f"พื้นที่ดิสก์เต็ม เขียนไฟล์ {target.name} ไม่สำเร็จ ไม่มีไฟล์ใดถูกเขียนค้างไว้ "
        "ฐานข้อมูลเดิมยังอยู่ครบ กรุณาเพิ่มพื้นที่ว่างแล้วลองอีกครั้ง",
        f"The disk is full: {target.name} could not be written, and nothing was left half-written. "
        "The database itself is untouched. Free some space and try again.")


def backup_to(source: Path, target: Path) -> Path:
    """Copy ``source`` into ``target`` page by page with the backup API, atomically and
    durably (fsynced before it replaces ``target``); returns ``target``.

    Raises a bilingual StorageError (disk full, unwritable folder); nothing is left behind."""
    tmp: Path | None = None
    try:
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        with atomic_path(target) as tmp:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
            try:
                src = sqlite3.connect(source)
                try:
                    dst = sqlite3.connect(tmp)
                    try:
                        src.backup(dst, pages=4096)
                    finally:
                        dst.close()
                finally:
                    src.close()
            finally:
                _remove_side_files(tmp)
    except (sqlite3.Error, OSError) as exc:
        raise _write_error(target, exc) from exc
    return target


def _remove_side_files(db: Path) -> None:
    for suffix in SIDE_FILES:
        with contextlib.suppress(OSError):
            db.with_name(db.name + suffix).unlink(missing_ok=True)


STALE_PART_S = 120
"""A backup's temporary file untouched this long belongs to a writer that died (a power cut, a
kill): a live backup rewrites it page by page all the time."""


def sweep_stale_parts(db: Path, folder: Path) -> int:
    """Remove temporary files of backups of ``db`` whose writer died; returns how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    now = datetime.now(UTC).timestamp()
    for part in folder.glob(f".{db.stem}-*.part*"):
        try:
            if now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def make_backup(db: Path, folder: Path, label: str) -> Path:
    """A timestamped backup of ``db`` in ``folder``; keeps the newest ``KEEP`` (and clears the
    temporary files of backups that a power cut interrupted)."""
    sweep_stale_parts(db, folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = backup_to(db, folder / f"{db.stem}-{stamp}-{label}.sqlite3")
    for old in list_backups(db, folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return path


def list_backups(db: Path, folder: Path) -> list[Path]:
    """Backups of ``db``, newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob(f"{db.stem}-*.sqlite3"), reverse=True)


@dataclass(frozen=True)
class BackupCheck:
    """What a file offered for restore holds."""

    path: Path
    revision: str
    sessions: int
    records: int
    """Sessions, participants, contributions, ratings and votes together."""
    older_schema: bool
    """Made by an older Sala: it is upgraded (after a backup of it) when next opened."""


def _not_restorable(path: Path, th: str, en: str) -> StorageError:
    return StorageError(f"กู้คืนจาก {path.name} ไม่ได้: {th} ฐานข้อมูลปัจจุบันไม่ถูกแตะต้อง",
                        f"Cannot restore from {path.name}: {en} The current database was not touched.")


def check_backup(path: Path) -> BackupCheck:
    """Check a file before it may replace the database: SQLite's ``integrity_check`` passes, it
    is a Sala database, and its schema is one this Sala knows (equal or older). Raises a
    bilingual StorageError otherwise. Opens ``path`` read-only and immutable: nothing (no
    ``-wal``, no ``-shm``) is written beside it, so it may sit on a read-only stick."""
    try:
        st = path.stat()
    except OSError as exc:
        raise _not_restorable(path, f"เปิดไฟล์ไม่ได้ ({exc.strerror})",
                              f"the file cannot be read ({exc.strerror}).") from exc
    if not path.is_file() or st.st_size == 0:
        raise _not_restorable(path, "ไม่ใช่ไฟล์ฐานข้อมูล", "it is not a database file.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            result = "; ".join(str(r[0]) for r in rows[:3])
            if result != "ok":
                raise _not_restorable(path, f"ไฟล์เสียหาย ({result})", f"the file is damaged ({result}).")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "device", "session"} <= tables:
                raise _not_restorable(path, "ไม่ใช่ฐานข้อมูลของ Sala", "it is not a Sala database.")
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = 0
            for table in ("session", "participant", "contribution", "rating", "vote"):
                if table in tables:
                    counts += int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            sessions = int(conn.execute("SELECT count(*) FROM session").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _not_restorable(path, f"ไม่ใช่ไฟล์ฐานข้อมูลที่อ่านได้ ({exc})",
                              f"it is not a readable database ({exc}).") from exc
    known = migrate.known_revisions()
    rev = str(revision[0]) if revision else ""
    if rev not in known:
        raise _not_restorable(path, f"สร้างจาก Sala รุ่นที่ใหม่กว่าหรือไม่รู้จัก (โครงสร้าง {rev or '-'}) กรุณาปรับปรุงโปรแกรมก่อน",
                              f"it was made by a newer or unknown Sala (schema {rev or '-'}). Update Sala first.")
    return BackupCheck(path, rev, sessions, counts, rev != migrate.head_revision())


def restore(backup: Path, db: Path, *, reason: str = "damaged") -> Path:
    """Put ``backup`` in place of ``db``, keeping the current file (and its -wal/-shm) aside
    as ``<db>.<reason>-<time>``; returns where it went.

    The backup is first copied beside ``db`` and checked (:func:`check_backup`): a bad file, a
    full disk or a newer schema raises a bilingual StorageError with ``db`` untouched. An
    older schema is upgraded when the database is next opened (``open_database`` backs it up
    and migrates it)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db.with_name(f"{db.name}.{reason}-{stamp}")
    check_backup(backup)
    staged = temp_path(db)
    try:
        backup_to(backup, staged)
        _remove_side_files(staged)
        check_backup(staged)
        _remove_side_files(staged)
        if db.exists():
            db.replace(aside)
            tighten(aside, PRIVATE_FILE)
        for suffix in SIDE_FILES:
            side = db.with_name(db.name + suffix)
            if side.exists():
                side.replace(aside.with_name(aside.name + suffix))
        try:
            publish(staged, db)
        except OSError as exc:
            if aside.exists() and not db.exists():  # put the current database back as it was
                aside.replace(db)
                for suffix in SIDE_FILES:
                    side = aside.with_name(aside.name + suffix)
                    if side.exists():
                        side.replace(db.with_name(db.name + suffix))
            raise _write_error(db, exc) from exc
    finally:
        staged.unlink(missing_ok=True)
        _remove_side_files(staged)
    return aside
