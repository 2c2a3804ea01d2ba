"""``sala restore FILE``: put a backup in place of the database, after checking it.

The file is copied and checked first (SQLite's ``integrity_check``, a Sala database of a schema
this Sala knows); then, on a terminal, the user confirms (``--yes`` for scripts; with no
terminal and no ``--yes`` it refuses). The current database is kept aside, never deleted, and an
older schema is upgraded as the restored database opens (after a backup of it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sala.domain.errors import SalaError
from sala.paths import AppPaths
from sala.storage import backup


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore", help="replace the database with a checked backup (the current one is kept aside)")
    p.add_argument("file", type=Path, help="a backup made by `sala backup` (see `sala backups`)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    p.set_defaults(func=run, before_open=restore_before_open)


class RestoreRefusedError(SalaError):
    pass


def _confirm(args: argparse.Namespace, db: Path, found: backup.BackupCheck) -> None:
    if args.yes:
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise RestoreRefusedError(
            "ไม่ได้กู้คืน: ต้องยืนยันก่อน ใช้ --yes เมื่อเรียกจากสคริปต์ ฐานข้อมูลปัจจุบันไม่ถูกแตะต้อง",
            "Not restored: confirmation is needed. Pass --yes when running from a script. "
            "The current database was not touched.")
    print(f"จะแทนที่ {db} ด้วย {found.path} ({found.sessions} เวที, {found.records} รายการ) "
          "ฐานข้อมูลปัจจุบันจะถูกเก็บไว้ข้าง ๆ\n"
          f"This replaces {db} with {found.path} ({found.sessions} sessions, {found.records} records); "
          "the current database is kept aside.")
    answer = input("พิมพ์ y เพื่อยืนยัน / Type y to confirm: ").strip().lower()
    if answer not in ("y", "yes", "ใช่"):
        raise RestoreRefusedError("ยกเลิกการกู้คืน ฐานข้อมูลปัจจุบันไม่ถูกแตะต้อง",
                             "Restore cancelled. The current database was not touched.")


def restore_before_open(args: argparse.Namespace, paths: AppPaths) -> None:
    """Runs before the database is opened (it may be the damaged one being replaced)."""
    paths.ensure()
    db = paths.database
    found = backup.check_backup(args.file.expanduser())
    _confirm(args, db, found)
    aside = backup.restore(found.path, db, reason="before-restore")
    args.restored = (found, aside if aside.exists() else None)


def run(args: argparse.Namespace, services: Any) -> int:  # Services
    found, aside = args.restored
    report = services.open_report
    print(f"กู้คืนแล้ว: {services.db.path} มาจาก {found.path} ({found.sessions} เวที, {found.records} รายการ)\n"
          f"Restored {services.db.path} from {found.path} ({found.sessions} sessions, {found.records} records).")
    if aside is not None:
        print(f"ฐานข้อมูลเดิมเก็บไว้ที่ / the previous database is kept at: {aside}")
    if report.migrated_from and report.migrated_from != report.revision:
        print(f"ปรับโครงสร้างจากรุ่น {report.migrated_from} เป็น {report.revision} แล้ว / "
              f"schema upgraded from {report.migrated_from} to {report.revision}")
    print("หากเครื่องนี้เคยส่งข้อมูลแล้ว ให้สั่ง sala sync --reconcile / "
          "If this laptop has synced before, run: sala sync --reconcile")
    return 0
