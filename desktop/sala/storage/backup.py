"""Online backups through SQLite's backup API (safe while the app is writing)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sala.storage.files import atomic_path

KEEP = 5


def backup_to(source: Path, target: Path) -> Path:
    """Copy ``source`` into ``target`` page by page with the backup API, atomically and
    durably (fsynced before it replaces ``target``); returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as tmp:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=4096)
            finally:
                dst.close()
        finally:
            src.close()
    return target


def make_backup(db: Path, folder: Path, label: str) -> Path:
    """A timestamped backup of ``db`` in ``folder``; keeps the newest ``KEEP``."""
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


def restore(backup: Path, db: Path) -> Path:
    """Put ``backup`` in place of ``db``, keeping the damaged file aside; returns where it went."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db.with_name(f"{db.name}.damaged-{stamp}")
    if db.exists():
        db.replace(aside)
    for suffix in ("-wal", "-shm"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    backup_to(backup, db)
    return aside
