"""``sala backup`` and ``sala backups``: online backups of the local database (restore: restore_cmd)."""

from __future__ import annotations

import argparse

from sala.storage import backup


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="make an online backup now")
    p.set_defaults(func=run_backup)
    p = sub.add_parser("backups", help="list backups, newest first")
    p.set_defaults(func=run_list)


def run_backup(args: argparse.Namespace, services) -> int:
    print(services.db.backup("manual"))
    return 0


def run_list(args: argparse.Namespace, services) -> int:
    for path in backup.list_backups(services.db.path, services.db.backups_dir):
        print(path)
    return 0
