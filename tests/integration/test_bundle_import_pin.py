"""``sala bundle import`` is a supervisor act on the command line too (issue 12): once a PIN is
set, a wrong PIN imports nothing (exit 5, Thai and English) and makes the next try wait; the
right PIN imports and the audit log names the file and the laptop. Before, the app asked for
the PIN but the command line did not."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sala import cli
from sala.services import audit
from sala.storage.models import SyncBatch
from tests.integration.sync_helpers import fill, laptop


def _batches(db_path: Path, tmp_path: Path) -> int:
    services = laptop(tmp_path, "boss")
    try:
        with services.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(SyncBatch)) or 0)
    finally:
        services.close()


def test_bundle_import_asks_for_the_supervisor_pin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    field = laptop(tmp_path, "field")
    fill(field, 12)
    bundle = tmp_path / "ตำบลหนองบัว.sala"
    field.sync.export_bundle(bundle)
    field_id = field.db.device_id
    field.close()
    boss = laptop(tmp_path, "boss")
    boss_db = str(boss.db.path)
    boss.supervisor.set_pin("482915", "482915")
    boss.close()

    monkeypatch.setattr("sys.stdin", io.StringIO("111111\n"))
    assert cli.main(["--db", boss_db, "bundle", "import", str(bundle), "--pin-stdin"]) == 5
    err = capsys.readouterr().err
    assert "รหัส PIN ไม่ถูกต้อง" in err and "Wrong PIN" in err
    assert _batches(Path(boss_db), tmp_path) == 0, "a wrong PIN imported the bundle"

    # the wait after the wrong PIN holds in a new process (the command line is a new start each time)
    monkeypatch.setattr("sys.stdin", io.StringIO("482915\n"))
    assert cli.main(["--db", boss_db, "bundle", "import", str(bundle), "--pin-stdin"]) == 5
    assert "กรุณารอ" in capsys.readouterr().err

    boss = laptop(tmp_path, "boss")
    boss.supervisor.backoff.finish(True)  # the supervisor waited it out
    boss.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("482915\n"))
    assert cli.main(["--db", boss_db, "bundle", "import", str(bundle), "--pin-stdin"]) == 0
    assert _batches(Path(boss_db), tmp_path) > 0
    boss = laptop(tmp_path, "boss")
    try:
        with boss.db.read() as s:
            entries = [e for e in audit.entries(s) if e.action == audit.BUNDLE_IMPORT]
        assert entries and entries[-1].reason == bundle.name and field_id in entries[-1].target
        assert entries[-1].actor_role == audit.SUPERVISOR
    finally:
        boss.close()
