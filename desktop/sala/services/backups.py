"""Backups the user lists, makes and restores (the settings screen): checked before anything moves.

Restoring is done by the composition root with the services closed (see ``restore_and_reopen``):
the chosen file is checked first (``storage.backup.check_backup``), the current database is kept
aside (never deleted), and if the restored file will not open, the current one goes back in its
place and opens again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sala.domain.errors import SalaError
from sala.storage import backup

if TYPE_CHECKING:
    from sala.paths import AppPaths

log = logging.getLogger(__name__)
S = TypeVar("S")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    """When it was made (UTC; from the file's name, else its modification time)."""
    size: int
    label: str
    """Why it was made: "manual", "before-<revision>" (a migration), …"""


def describe(path: Path, db_stem: str) -> BackupInfo:
    """Parse ``<stem>-<YYYYmmddTHHMMSSffffffZ>-<label>.sqlite3`` (see ``storage.backup.make_backup``)."""
    rest = path.stem[len(db_stem) + 1:]
    stamp, _, label = rest.partition("-")
    try:
        made = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return BackupInfo(path, made, path.stat().st_size, label)


def list_backups(db: Path, folder: Path) -> list[BackupInfo]:
    """The backups of ``db`` in ``folder``, newest first."""
    out = []
    for p in backup.list_backups(db, folder):
        try:
            out.append(describe(p, db.stem))
        except OSError:  # removed while listing
            continue
    return out


@dataclass
class RestoreResult:
    services: object
    """The services over the database now in place (restored, or the current one on failure)."""
    aside: Path | None
    """Where the database in use before the restore was kept (None when nothing was restored)."""
    error: SalaError | None = None
    """Why the restore did not happen (the current database was reopened unchanged)."""


def restore_and_reopen(paths: AppPaths, chosen: Path, close_current: Callable[[], None],
                       open_services: Callable[[AppPaths], S]) -> RestoreResult:
    """Put ``chosen`` in place of the database at ``paths`` and reopen; on any failure, reopen as it was.

    ``close_current`` closes the services in use (called only once the backup is known good);
    ``open_services`` builds the services anew (the composition root's builder, which also migrates
    an older backup's schema).
    """
    try:
        backup.check_backup(chosen)
    except SalaError as exc:
        return RestoreResult(None, None, exc)  # nothing was touched: the caller keeps its services
    close_current()
    db = paths.database
    try:
        aside = backup.restore(chosen, db, reason="before-restore")
    except SalaError as exc:  # a full disk, a file gone meanwhile: restore() left the database as it was
        return RestoreResult(open_services(paths), None, exc)
    try:
        return RestoreResult(open_services(paths), aside if aside.exists() else None)
    except Exception as exc:  # whatever failed, the user's data goes back in place
        log.exception("the restored database from %s would not open; putting %s back", chosen, aside)
        for suffix in ("", *backup.SIDE_FILES):
            db.with_name(db.name + suffix).unlink(missing_ok=True)
        _move(aside, db)
        err = exc if isinstance(exc, SalaError) else None
        return RestoreResult(open_services(paths), None, SalaError(
            "กู้คืนไม่สำเร็จ: เปิดใช้ข้อมูลจากไฟล์สำรองไม่ได้ ข้อมูลเดิมถูกนำกลับมาใช้แล้ว"
            + (f" ({err.th})" if err else ""),
            "The restore failed: the backup's data could not be opened; your data as it was is back in use"
            + (f" ({err.en})" if err else "")))


def _move(db: Path, to: Path) -> None:
    """Rename a database file with its -wal and -shm companions."""
    for suffix in ("", *backup.SIDE_FILES):
        src = db.with_name(db.name + suffix)
        if src.exists():
            src.replace(to.with_name(to.name + suffix))
