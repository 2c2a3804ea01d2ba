"""A laptop that never meets a link, registered through its supervisor (issue 11, "Identity" 2),
as people do it with the real CLI against a real ``sala-central``: the field laptop exports a
USB bundle, the enrolled supervisor imports it and syncs; the service binds the laptop's key on
the supervisor's vouch, lists who vouched, and the laptop enrolling later with that key keeps
syncing; a supervisor revoked since is refused with the reason in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sala.cli import main
from tests.integration.sync_helpers import enroll, fill, laptop, ledger


def _boss(tmp_path: Path, name: str, central) -> Path:  # CentralServer
    db = tmp_path / name / "sala.sqlite3"
    laptop(tmp_path, name).close()
    code = central.mint_codes(1)[0]
    assert main(["--db", str(db), "enroll", "--server", central.url, "--code", code]) == 0
    return db


def test_supervisor_vouches_for_a_laptop_without_a_link(central_sqlite, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    field = laptop(tmp_path, "field")
    field_id = field.db.device_id
    fill(field, 12)
    bundle = tmp_path / "field.sala"
    field.sync.export_bundle(bundle)
    boss_db = _boss(tmp_path, "boss", central_sqlite)
    assert main(["--db", str(boss_db), "bundle", "import", str(bundle)]) == 0
    assert main(["--db", str(boss_db), "sync"]) == 0
    capsys.readouterr()
    assert ledger(central_sqlite)[field_id] == 12
    boss = laptop(tmp_path, "boss")
    boss_id = boss.db.device_id
    boss.close()
    listing = central_sqlite.cli("devices", "list").stdout.splitlines()
    row = next(ln.split("\t") for ln in listing if ln.startswith(field_id))
    assert row[1] == "vouched" and row[5] == boss_id
    # the laptop meets a link at last: it enrolls with the key its bundle showed, and syncs
    enroll(field, central_sqlite)
    fill(field, 3, start=100)
    assert str(field.sync.sync().outcome) == "ok"
    field.close()
    assert ledger(central_sqlite)[field_id] == 15


def test_a_revoked_supervisor_cannot_vouch(central_sqlite, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    field = laptop(tmp_path, "field2")
    field_id = field.db.device_id
    fill(field, 5)
    bundle = tmp_path / "field2.sala"
    field.sync.export_bundle(bundle)
    field.close()
    boss_db = _boss(tmp_path, "boss2", central_sqlite)
    relay_db = _boss(tmp_path, "relay2", central_sqlite)
    assert main(["--db", str(boss_db), "bundle", "import", str(bundle)]) == 0
    boss = laptop(tmp_path, "boss2")
    boss_id = boss.db.device_id
    boss.close()
    assert "revoked" in central_sqlite.cli("devices", "revoke", boss_id).stdout
    assert main(["--db", str(boss_db), "sync"]) == 4            # told to re-enroll, nothing sent
    assert field_id not in ledger(central_sqlite)
    assert field_id not in central_sqlite.cli("devices").stdout
    # another supervisor, healthy, vouches for the same bundle: it lands
    assert main(["--db", str(relay_db), "bundle", "import", str(bundle)]) == 0
    assert main(["--db", str(relay_db), "sync"]) == 0
    assert ledger(central_sqlite)[field_id] == 5
    capsys.readouterr()
