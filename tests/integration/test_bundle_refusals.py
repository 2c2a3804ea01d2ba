"""A supervisor's refused forward is not silent (issue 11, point 4): the service refuses the
batches of a laptop an administrator revoked; ``sala sync`` prints each refusal with the
reason (Thai and English) and exits 11; the batches stay "refused"; importing the bundle
again sends them again (it does not answer "0 new" as if all were well), and once the origin
laptop is reinstated they land, exactly once. (A laptop the service does not know is no longer
refused: the supervisor's app vouches for it, see test_vouch_cli.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sala.sync import batch_store
from tests.integration.sync_helpers import enroll, fill, laptop, ledger


def test_refused_forward_is_reported_kept_and_sent_again(central_sqlite, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from sala.cli import main
    field = laptop(tmp_path, "field")
    with field.db.write() as s:
        from sala.storage.models import Device
        dev = s.get(Device, field.db.device_id)
        assert dev is not None
        dev.name = "Tambon \x1b[31mred\x1b[0m laptop"
    fill(field, 40)
    out = tmp_path / "field.sala"
    field.sync.export_bundle(out)
    boss_db = tmp_path / "boss" / "sala.sqlite3"
    laptop(tmp_path, "boss").close()
    code = central_sqlite.mint_codes(1)[0]
    assert main(["--db", str(boss_db), "enroll", "--server", central_sqlite.url, "--code", code]) == 0
    assert main(["--db", str(boss_db), "bundle", "import", str(out)]) == 0
    capsys.readouterr()

    # the field laptop enrolled once and was revoked since: its batches are refused
    enroll(field, central_sqlite)
    assert "revoked" in central_sqlite.cli("devices", "revoke", field.db.device_id).stdout
    assert main(["--db", str(boss_db), "sync"]) == 11
    err = capsys.readouterr().err
    assert "refused batches forwarded" in err and "ระบบกลางไม่รับข้อมูลที่ส่งต่อ" in err
    assert field.db.device_id in err and "40 records" in err and "field.sala" in err
    assert "\x1b" not in err and "Tambon" in err
    line = next(ln for ln in err.splitlines() if field.db.device_id in ln)
    why, _, raw = line.rpartition("— ")[2].partition(" [")
    code_, _, reason = raw.rstrip("]").partition(": ")
    assert code_ and reason, line                          # the service's code and its own words, kept
    th, _, en = why.partition(" / ")                       # and why, in plain Thai and English first
    assert th and en and any("\u0e00" <= c <= "\u0e7f" for c in th) and en.isascii() and code_ not in en, line

    assert main(["--db", str(boss_db), "sync", "--json"]) == 11   # it stays until dealt with
    doc = json.loads(capsys.readouterr().out)
    assert [r["records"] for r in doc["refused"]] == [40]
    boss = laptop(tmp_path, "boss")
    try:
        with boss.db.read() as s:
            (r,) = batch_store.refused_forwards(s)
        assert r["device_id"] == field.db.device_id and r["code"] == code_
        assert ledger(central_sqlite).get(field.db.device_id, 0) == 0
    finally:
        boss.close()

    # re-importing does not say "0 new" as if all were well: it queues the refused batch again
    assert main(["--db", str(boss_db), "bundle", "import", str(out)]) == 0
    said = capsys.readouterr().out
    assert "(0 new)" in said and "1 batch(es) the central platform refused before" in said
    assert "เคยไม่รับ" in said
    assert "reinstated" in central_sqlite.cli("reinstate", field.db.device_id).stdout
    field.close()
    assert main(["--db", str(boss_db), "sync"]) == 0
    assert "refused" not in capsys.readouterr().err
    assert ledger(central_sqlite)[field.db.device_id] == 40
    assert main(["--db", str(boss_db), "bundle", "import", str(out)]) == 0
    assert "refused before" not in capsys.readouterr().out     # nothing left refused: held once
