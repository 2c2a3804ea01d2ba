"""Reconcile against a real ``sala-central`` (SQLite and PostgreSQL): a laptop restored from an
older backup, and a server restored from an older backup. After each: every record on the
server exactly once, nothing uploaded twice, no record refused for a taken seq."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import select

from sala.storage import backup
from sala.storage.models import Device, OutboxEntry
from sala.sync.messages import Outcome
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, fill, laptop, ledger, states


def _server_seqs(server, device_id: str) -> list[int]:
    from sqlalchemy import create_engine, text
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            return list(c.execute(text("select seq from records where device_id = :d order by seq"),
                                  {"d": device_id}).scalars())
    finally:
        eng.dispose()


def _pg_name(server) -> str:
    return server.db_url.rsplit("/", 1)[1]


def _pg_copy(server, src: str, dst: str) -> None:
    """``dst`` becomes a copy of ``src``. The stopped server's backends may still be exiting:
    end them and wait for them (``pg_terminate_backend`` with a timeout waits until each has
    gone), since a template must have no sessions."""
    import psycopg
    host, port = server.db_url.split("@", 1)[1].split("/", 1)[0].split(":")
    with psycopg.connect(f"host={host} port={port} user=postgres dbname=postgres",
                         autocommit=True) as conn:
        gone = conn.execute("SELECT bool_and(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity "
                            "WHERE datname IN (%s, %s) AND pid <> pg_backend_pid()", (src, dst)).fetchone()
        assert gone is not None and gone[0] is not False, "a backend outlived its 10 s to exit"
        conn.execute(f'DROP DATABASE IF EXISTS "{dst}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{dst}" TEMPLATE "{src}"')


def snapshot_server(server) -> str:
    """A copy of the (stopped) server's database, as a backup would be."""
    if server.db_url.startswith("sqlite"):
        path = Path(server.db_url[len("sqlite:///"):])
        snap = path.with_name("snapshot.sqlite3")
        src, dst = sqlite3.connect(path), sqlite3.connect(snap)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        return str(snap)
    name = _pg_name(server)
    _pg_copy(server, name, name + "_snap")
    return name + "_snap"


def restore_server(server, snap: str) -> None:
    """Put the snapshot back in place of the (stopped) server's database."""
    if server.db_url.startswith("sqlite"):
        path = Path(server.db_url[len("sqlite:///"):])
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        src, dst = sqlite3.connect(snap), sqlite3.connect(path)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        return
    _pg_copy(server, snap, _pg_name(server))


def test_local_backup_restored_then_sync_loses_nothing_duplicates_nothing(central,
                                                                           tmp_path: Path) -> None:
    svc = laptop(tmp_path)
    try:
        enroll(svc, central)
        fill(svc, 100)
        assert svc.sync.sync(policy=FAST).outcome is Outcome.OK
        fill(svc, 200, start=100)                    # seqs 101..300, not yet sent
        saved = svc.db.backup("before-sync")         # the backup we will come back to
        assert svc.sync.sync(policy=FAST).sent == 200
        fill(svc, 200, start=300)                    # seqs 301..500, sent, then lost locally
        assert svc.sync.sync(policy=FAST).sent == 200
        db_path = svc.db.path
    finally:
        svc.close()
    backup.restore(saved, db_path)                   # the laptop comes back from its backup
    svc = laptop(tmp_path)
    try:
        assert states(svc)["pending"] == 200         # it believes 101..300 are unsent
        new_ids = fill(svc, 150, start=1000)         # gets seqs 301..450: taken on the server
        with svc.db.read() as s:
            assert s.scalar(select(OutboxEntry.seq).where(OutboxEntry.record_id == new_ids[-1])) == 301
        report = svc.sync.sync(policy=FAST)
        assert report.outcome is Outcome.OK, report.detail
        rec = report.reconcile
        assert rec["marked_sent"] == 200 and rec["renumbered"] == 150 and rec["resend"] == 0
        # the 200 already there were not uploaded again; the 150 new ones landed under new seqs
        assert report.counts == {"accepted": 150, "duplicate": 0, "conflict": 0, "rejected": 0}
        assert states(svc)["conflict"] == states(svc)["pending"] == 0
        assert ledger(central)["total"] == ledger(central)["distinct"] == 650
        assert _server_seqs(central, svc.db.device_id) == list(range(1, 651))
        with svc.db.read() as s:
            assert s.get(Device, svc.db.device_id).last_sync_seq == 650
        fill(svc, 10, start=2000)                    # later records never collide again
        later = svc.sync.sync(policy=FAST)
        assert later.counts["accepted"] == 10 and later.reconcile.get("checked") == 0
        # (301..500 of the lost timeline stay on the server only: that is what a restore means)
        assert ledger(central)["total"] == ledger(central)["distinct"] == 660
    finally:
        svc.close()


def test_server_restored_to_older_backup_client_resends_what_it_lost(central_factory,
                                                                     tmp_path: Path) -> None:
    server = central_factory()
    svc = laptop(tmp_path)
    try:
        enroll(svc, server)
        fill(svc, 200)
        assert svc.sync.sync(policy=FAST).outcome is Outcome.OK
        server.stop()
        snap = snapshot_server(server)               # the server's nightly backup
        server = central_factory(port=server.port)
        photo = b"\xff\xd8\xff flip chart after the backup" * 2000
        fill(svc, 300, start=200, photos=[photo])
        after = svc.sync.sync(policy=FAST)
        assert after.outcome is Outcome.OK and after.sent == 301 and after.blobs["uploaded"] == 1
        server.stop()
        restore_server(server, snap)                 # disaster: back to last night
        for blob in (tmp_path / "blobs").rglob("*"):
            if blob.is_file():
                blob.unlink()
        server = central_factory(port=server.port)
        assert ledger(server)["total"] == 200
        fill(svc, 50, start=900)
        report = svc.sync.sync(policy=FAST)
        assert report.outcome is Outcome.OK, report.detail
        assert report.reconcile["resend"] == 301 and report.reconcile["marked_sent"] == 0
        assert report.counts["accepted"] == 351 and report.counts["duplicate"] == 0
        assert report.blobs["uploaded"] == 1         # the lost photo went again
        assert ledger(server)["total"] == ledger(server)["distinct"] == 551
        assert _server_seqs(server, svc.db.device_id) == list(range(1, 552))
        assert_exactly_once(server, [svc])
    finally:
        svc.close()


def test_cli_sync_reconcile_json(central_sqlite, tmp_path: Path, capsys) -> None:
    from sala.cli import main
    svc = laptop(tmp_path, "cli")
    fill(svc, 120)
    enroll(svc, central_sqlite)
    db = svc.db.path
    svc.close()
    assert main(["--db", str(db), "sync", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["sent"] == 120 and first["reconciled"] == 0      # server held nothing yet
    assert main(["--db", str(db), "sync", "--reconcile", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["reconciled"] == 120 and again["reconcile_marked_sent"] == 0
    assert again["reconcile_resend"] == again["reconcile_renumbered"] == again["sent"] == 0
    assert ledger(central_sqlite)["total"] == 120


def test_a_device_may_reconcile_only_its_own_records(central_sqlite, tmp_path: Path) -> None:
    from sala.sync.client import CentralClient

    mine, theirs = laptop(tmp_path, "mine"), laptop(tmp_path, "theirs")
    try:
        ids = fill(theirs, 3)
        enroll(theirs, central_sqlite)
        assert theirs.sync.sync(policy=FAST).sent == 3
        enroll(mine, central_sqlite)
        token = mine.sync.identity.token()
        client = CentralClient(central_sqlite.url, token, trusted=True)
        nosy = client.reconcile(theirs.db.device_id, ids)
        assert nosy.status == 403 and nosy.doc["error"]["code"] == "not_your_device"
        assert client.reconcile(mine.db.device_id, []).status == 200
    finally:
        mine.close()
        theirs.close()
