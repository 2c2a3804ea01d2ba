"""Permissions at rest: the database, its WAL and SHM, backups and the folders are the user's own,
and an existing database left readable by others is tightened when Sala opens it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sqlalchemy import text

from sala.paths import AppPaths
from sala.storage import backup
from sala.storage.database import open_database


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def test_a_new_database_its_wal_shm_and_backups_are_owner_only(tmp_path: Path):
    old = os.umask(0o022)  # a permissive umask, as a desktop session often has
    try:
        paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs").ensure()
        db, _ = open_database(paths.database, paths.backups)
        try:
            with db.write() as s:
                s.execute(text("UPDATE device SET name = 'x'"))
            for suffix in ("", "-wal", "-shm"):
                f = paths.database.with_name(paths.database.name + suffix)
                assert f.exists() and mode(f) == 0o600, (f, oct(mode(f)))
            made = db.backup("manual")
            assert mode(made) == 0o600
            aside = backup.restore(made, paths.database, reason="test")
            assert mode(paths.database) == 0o600 and mode(aside) == 0o600
        finally:
            db.close()
        for folder in (paths.data_dir, paths.backups, paths.attachments, paths.log_dir):
            assert mode(folder) == 0o700, (folder, oct(mode(folder)))
    finally:
        os.umask(old)


def test_existing_files_and_folders_are_tightened_on_open(tmp_path: Path):
    paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs").ensure()
    db, _ = open_database(paths.database, paths.backups)
    db.close()
    for p in (paths.data_dir, paths.backups):
        p.chmod(0o755)
    paths.database.chmod(0o644)
    paths = paths.ensure()
    db, _ = open_database(paths.database, paths.backups)
    db.close()
    assert mode(paths.data_dir) == 0o700 and mode(paths.backups) == 0o700
    assert mode(paths.database) == 0o600


def test_a_chosen_folder_for_a_db_file_is_left_as_the_user_set_it(tmp_path: Path):
    shared = tmp_path / "Documents"
    shared.mkdir()
    shared.chmod(0o755)
    paths = AppPaths.for_database(shared / "field.sqlite3").ensure()
    db, _ = open_database(paths.database, paths.backups)
    db.close()
    assert mode(shared) == 0o755  # the user's own folder: not ours to change
    assert mode(paths.database) == 0o600 and mode(paths.backups) == 0o700


def test_a_backup_clears_the_temporary_file_of_one_a_power_cut_interrupted(tmp_path: Path):
    paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs").ensure()
    db, _ = open_database(paths.database, paths.backups)
    try:
        dead = paths.backups / ".sala-20261201T000000000000Z-manual.sqlite3.0badf00d.part"
        live = paths.backups / ".sala-20261201T000001000000Z-manual.sqlite3.feedf00d.part"
        for p in (dead, live):
            p.write_bytes(b"half a backup")
        os.utime(dead, (1, 1))  # untouched for decades: its writer is gone
        made = db.backup("manual")
    finally:
        db.close()
    assert made.exists() and not dead.exists()
    assert live.exists()  # maybe another process's backup in progress: left alone
    assert backup.list_backups(paths.database, paths.backups) == [made]
