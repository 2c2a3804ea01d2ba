"""The client against a real ``sala-central`` (SQLite and PostgreSQL): enroll, sync, photos,
quarantine, limits, revoked token, replays. After each: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
from pathlib import Path

from sala.sync.messages import Outcome
from tests.integration.sync_helpers import FAST, enroll, fill, laptop, ledger, states


def test_enroll_then_sync_everything_lands_once(central, tmp_path: Path) -> None:
    svc = laptop(tmp_path)
    try:
        ids = fill(svc, 1200, photos=[b"\xff\xd8\xff photo one", b"\xff\xd8\xff photo two" * 5000])
        enroll(svc, central)
        assert svc.sync.status().enrolled
        key_file = svc.sync.identity.key_path     # identity/<device id>.signing_key
        assert os.stat(key_file).st_mode & 0o777 == 0o600
        report = svc.sync.sync(policy=FAST)
        assert report.outcome is Outcome.OK, report.detail
        assert report.counts["accepted"] == len(ids)
        assert report.blobs["uploaded"] == 2
        assert states(svc)["accepted"] == len(ids)
        led = ledger(central)
        assert led["total"] == led["distinct"] == len(ids)
        again = svc.sync.sync(policy=FAST)          # nothing left: a no-op run
        assert again.outcome is Outcome.OK and again.sent == 0
        assert ledger(central)["total"] == len(ids)
        hist = svc.sync.history()
        assert hist[0].outcome == "ok" and hist[1].detail["batches"] >= 1
    finally:
        svc.close()


def test_cli_enroll_sync_json_and_bundles(central_sqlite, tmp_path: Path, capsys) -> None:
    import json

    from sala.cli import main
    db = tmp_path / "cli" / "sala.sqlite3"
    assert main(["--db", str(db), "sync"]) == 4                      # not enrolled yet
    assert "ลงทะเบียน" in capsys.readouterr().err
    svc = laptop(tmp_path, "cli")
    fill(svc, 250)
    svc.close()
    code = central_sqlite.cli("enroll-code").stdout.strip().splitlines()[-1]
    assert main(["--db", str(db), "enroll", "--server", central_sqlite.url, "--code", code]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "sync", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["sent"] == 250 and counts["pending"] == 0 and counts["bytes"] > 0
    assert {"duplicate", "conflict", "rejected"} <= counts.keys()
    other = tmp_path / "other" / "sala.sqlite3"
    o = laptop(tmp_path, "other")
    fill(o, 30)
    enroll(o, central_sqlite)        # the service knows a key only through enrollment
    o.close()
    assert main(["--db", str(other), "bundle", "export", "--out", str(tmp_path / "o.sala")]) == 0
    assert main(["--db", str(db), "bundle", "import", str(tmp_path / "o.sala")]) == 0
    assert main(["--db", str(db), "sync", "--json"]) == 0
    # 250 + 30 records, and the supervisor's audit entry of the import (it is synced like the rest)
    assert ledger(central_sqlite)["total"] == 281
    (tmp_path / "bad.sala").write_bytes(b"PK\x03\x04 not really")
    assert main(["--db", str(db), "bundle", "import", str(tmp_path / "bad.sala")]) == 2
    assert "nothing was imported" in capsys.readouterr().err
