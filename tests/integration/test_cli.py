"""The ``sala`` command line as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def sala(*args: str, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sala", *args], capture_output=True, text=True, env=ENV,
                          timeout=timeout)


def test_demo_data_then_info_on_a_chosen_database(tmp_path: Path):
    db = tmp_path / "field" / "laptop.sqlite3"
    made = sala("--db", str(db), "demo-data", "--sessions", "8", "--seed", "1")
    assert made.returncode == 0, made.stderr
    assert "sessions 8" in made.stdout
    info = sala("--db", str(db), "info", "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["database"] == str(db.resolve())
    assert data["counts"]["sessions"] == 8 and data["counts"]["contributions"] > 0
    assert data["schema_version"]
    human = sala("--db", str(db), "info")
    assert "schema" in human.stdout and "sessions" in human.stdout


def test_bad_arguments_exit_non_zero_with_a_bilingual_message(tmp_path: Path):
    db = tmp_path / "a.sqlite3"
    bad = sala("--db", str(db), "demo-data", "--sessions", "0")
    assert bad.returncode == 2
    assert "จำนวนเวที" in bad.stderr and "--sessions" in bad.stderr
    unknown = sala("--db", str(db), "no-such-command")
    assert unknown.returncode != 0


def test_damaged_database_is_refused_with_a_message_not_a_traceback(tmp_path: Path):
    db = tmp_path / "a.sqlite3"
    db.write_bytes(b"not a database" * 500)
    result = sala("--db", str(db), "info")
    assert result.returncode == 2
    assert "เสียหาย" in result.stderr and "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_command_writes_a_usable_copy(tmp_path: Path):
    db = tmp_path / "a.sqlite3"
    assert sala("--db", str(db), "demo-data", "--sessions", "2").returncode == 0
    made = sala("--db", str(db), "backup")
    assert made.returncode == 0
    copy = Path(made.stdout.strip())
    assert copy.exists()
    listed = sala("--db", str(db), "backups")
    assert str(copy) in listed.stdout
