"""The local store under faults, as a user meets them on the command line: an unusable
``--db``, a read-only data folder, a full disk while backing up, and ``sala restore``.

Each failure: a message in Thai and English, no traceback, nothing created or half-written,
the README's exit code. The full disk is real: a 64 KiB tmpfs mounted over the backups folder
when the tests run as root (CI), else a file-size limit (RLIMIT_FSIZE) on the process.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def sala(*args: str, preexec: Callable[[], None] | None = None, stdin: int | None = subprocess.DEVNULL,
         timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sala", *args], capture_output=True, text=True, env=ENV,
                          timeout=timeout, preexec_fn=preexec, stdin=stdin, cwd=ROOT)


def assert_bilingual_failure(result: subprocess.CompletedProcess[str], code: int, th: str, en: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "sqlalchemy" not in result.stderr.lower(), result.stderr
    assert th in result.stderr and en in result.stderr, result.stderr


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def mounted(*args: str) -> Iterator[None]:
    subprocess.run(["mount", *args], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["umount", args[-1]], check=True, capture_output=True)


@pytest.mark.parametrize("where", ["/dev/null", "folder", "under-a-file", "/dev/sala-new.sqlite3"])
def test_an_unusable_db_path_is_refused_and_nothing_is_created(tmp_path: Path, where: str):
    db = {"folder": str(tmp_path), "under-a-file": str(tmp_path / "plain.txt" / "x.sqlite3")}.get(where, where)
    (tmp_path / "plain.txt").write_text("x")
    before_dev = set(os.listdir("/dev"))
    before = tree(tmp_path)
    result = sala("--db", db, "info")
    assert_bilingual_failure(result, 2, "ไม่ได้สร้างไฟล์ใดไว้" if where != "under-a-file" else "ไม่ได้",
                             "cannot be used" if where != "under-a-file" else "Cannot")
    assert set(os.listdir("/dev")) == before_dev
    assert tree(tmp_path) == before
    # The GUI entry (no command) refuses the same way before any window is built.
    gui = sala("--db", "/dev/null")
    assert_bilingual_failure(gui, 2, "ใช้ /dev/null เป็นฐานข้อมูลไม่ได้", "/dev/null cannot be used as a database")
    assert set(os.listdir("/dev")) == before_dev


@contextmanager
def read_only(data: Path, tmp_path: Path) -> Iterator[Path]:
    """``data`` made read-only for Sala: a read-only bind mount as root (root ignores modes),
    else the write bits taken away. Yields the folder to point ``--db`` into."""
    if _can_mount():
        view = tmp_path / "ro"
        view.mkdir()
        with mounted("--bind", str(data), str(view)):
            subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True, capture_output=True)
            yield view
        return
    for p in [data, *data.rglob("*")]:
        p.chmod(p.stat().st_mode & ~0o222)
    try:
        yield data
    finally:
        for p in [data, *data.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)


def test_a_read_only_data_folder_is_reported_as_read_only_not_damaged(tmp_path: Path):
    data = tmp_path / "data"
    db = data / "sala.sqlite3"
    assert sala("--db", str(db), "demo-data", "--sessions", "2", "--seed", "3").returncode == 0
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    with read_only(data, tmp_path) as folder:
        result = sala("--db", str(folder / "sala.sqlite3"), "info")
        demo = sala("--db", str(folder / "sala.sqlite3"), "demo-data", "--sessions", "1")
        sync = sala("--db", str(folder / "sala.sqlite3"), "sync")
    for r in (result, demo):
        assert_bilingual_failure(r, 2, "อ่านได้อย่างเดียว", "read-only")
        assert "เสียหาย" not in r.stderr.replace("ไม่ได้เสียหาย", "") and "restore" not in r.stderr.lower()
    # README: `sala sync` exits 7 when the local disk cannot be written (not 2, which is bad input).
    assert_bilingual_failure(sync, 7, "อ่านได้อย่างเดียว", "read-only")
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def _fsize_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_backup_on_a_full_disk_leaves_no_part_file_and_says_the_disk_is_full(tmp_path: Path):
    db = tmp_path / "a.sqlite3"
    assert sala("--db", str(db), "demo-data", "--sessions", "3", "--seed", "2").returncode == 0
    backups = tmp_path / "a-backups"
    original = db.read_bytes()
    if _can_mount():
        with mounted("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(backups)):
            result = sala("--db", str(db), "backup")
            left = tree(backups)
    else:
        result = sala("--db", str(db), "backup", preexec=_fsize_limit(db.stat().st_size // 4))
        left = tree(backups)
    assert_bilingual_failure(result, 2, "พื้นที่ดิสก์เต็ม", "The disk is full")
    assert left == set(), f"left behind in the backups folder: {left}"
    assert not [p for p in tmp_path.rglob("*.part*")]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(db.read_bytes()) >= len(original) // 2  # the database itself is still there, whole
    again = sala("--db", str(db), "backup")  # space is back: the next backup works
    assert again.returncode == 0 and Path(again.stdout.strip()).exists()


def test_restore_checks_confirms_keeps_the_current_database_and_upgrades(tmp_path: Path):
    db = tmp_path / "a.sqlite3"
    assert sala("--db", str(db), "demo-data", "--sessions", "2", "--seed", "5").returncode == 0
    made = sala("--db", str(db), "backup")
    assert made.returncode == 0
    saved = Path(made.stdout.strip())
    assert sala("--db", str(db), "demo-data", "--sessions", "3", "--seed", "6").returncode == 0
    current = db.read_bytes()

    refused = sala("--db", str(db), "restore", str(saved))  # no terminal, no --yes
    assert_bilingual_failure(refused, 2, "ต้องยืนยันก่อน", "confirmation is needed")
    assert db.read_bytes() == current

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    bad = sala("--db", str(db), "restore", str(junk), "--yes")
    assert_bilingual_failure(bad, 2, "กู้คืนจาก junk.sqlite3 ไม่ได้", "Cannot restore from junk.sqlite3")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    assert_bilingual_failure(sala("--db", str(db), "restore", str(other), "--yes"), 2,
                             "ไม่ใช่ฐานข้อมูลของ Sala", "not a Sala database")
    assert db.read_bytes() == current
    assert not [p for p in tmp_path.rglob("*.part*")]

    done = sala("--db", str(db), "restore", str(saved), "--yes")
    assert done.returncode == 0, done.stderr
    assert "Restored" in done.stdout and "กู้คืนแล้ว" in done.stdout
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("a.sqlite3.before-restore-")]
    assert len(aside) == 1 and aside[0].read_bytes() == current
    info = sala("--db", str(db), "info", "--json")
    assert '"sessions": 2' in info.stdout


def test_restore_asks_on_a_terminal(tmp_path: Path):
    import pty

    db = tmp_path / "a.sqlite3"
    assert sala("--db", str(db), "demo-data", "--sessions", "1").returncode == 0
    saved = Path(sala("--db", str(db), "backup").stdout.strip())
    for answer, restored in ((b"n\n", False), (b"y\n", True)):
        before = set(tmp_path.iterdir())
        leader, follower = pty.openpty()
        try:
            proc = subprocess.Popen([sys.executable, "-m", "sala", "--db", str(db), "restore", str(saved)],
                                    stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=ROOT)
            os.write(leader, answer)
            out, err = proc.communicate(timeout=180)
        finally:
            os.close(leader)
            os.close(follower)
        new = set(tmp_path.iterdir()) - before
        if restored:
            assert proc.returncode == 0, err
            assert any(p.name.startswith("a.sqlite3.before-restore-") for p in new)
        else:
            assert proc.returncode == 2 and "Restore cancelled" in err.decode()
            assert not new


def test_files_and_folders_are_the_users_own(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    db = data / "sala.sqlite3"
    db.write_bytes(b"")
    db.chmod(0o644)
    assert sala("--db", str(db), "demo-data", "--sessions", "2").returncode == 0
    assert sala("--db", str(db), "backup").returncode == 0
    exported = sala("--db", str(db), "export", "contributions", "--out", str(data / "export.csv"))
    assert exported.returncode == 0, exported.stderr

    def mode(p: Path) -> int:
        return stat.S_IMODE(os.stat(p).st_mode)

    assert mode(data) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"sala.sqlite3", "sala.log", "export.csv"}
    assert any(p.parent.name == "backups" for p in files)
    for p in files:
        assert mode(p) & 0o077 == 0, f"{p} is {oct(mode(p))}"
    for p in data.rglob("*"):
        if p.is_dir():
            assert mode(p) == 0o700, f"{p} is {oct(mode(p))}"
