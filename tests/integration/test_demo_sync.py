"""demo-data → enroll → sync, as a user types it, against a real ``sala-central`` process:
every finalized demo session (exhibitions too) and everything in it lands on the server once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session as OrmSession

from sala.storage.models import OutboxEntry, Session

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def sala(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sala", *args], capture_output=True, text=True, env=ENV, timeout=300)


def test_demo_then_enroll_then_sync_lands_every_finalized_session(tmp_path: Path, central_sqlite):
    db = tmp_path / "field" / "sala.sqlite3"
    made = sala("--db", str(db), "demo-data", "--sessions", "24", "--seed", "5", "--contributions-per-session", "4")
    assert made.returncode == 0, made.stderr
    code = central_sqlite.mint_codes(1)[0]
    enrolled = sala("--db", str(db), "enroll", "--server", central_sqlite.url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    synced = sala("--db", str(db), "sync", "--json")
    assert synced.returncode == 0, synced.stderr + synced.stdout
    report = json.loads(synced.stdout)

    local = create_engine(f"sqlite:///{db}")
    try:
        with OrmSession(local) as s:
            finalized = {sid: (kind.value, total) for sid, kind, total in s.execute(
                select(Session.id, Session.kind, Session.attendance_total).where(Session.status == "finalized"))}
            queued = {(r.record_id, r.record_type, r.session_id, r.state) for r in s.scalars(select(OutboxEntry))}
    finally:
        local.dispose()
    assert {k for k, _ in finalized.values()} == {"minitalk", "focus_group", "exhibition"}, "the seed covers every kind"
    assert {sid for _, _, sid, _ in queued} == set(finalized)
    assert {state for *_, state in queued} == {"accepted"}
    assert report["sent"] == len(queued) and report["pending"] == 0

    server = create_engine(central_sqlite.db_url)
    try:
        with server.connect() as c:
            rows = c.execute(text("select id, type, body from records"))
            landed = {(rid, typ): json.loads(body) for rid, typ, body in rows}
            assert c.execute(text("select count(*) - count(distinct id) from records")).scalar_one() == 0
    finally:
        server.dispose()
    assert set(landed) == {(rid, typ) for rid, typ, _, _ in queued}, "every queued record is on the server"
    sessions = {rid: body for (rid, typ), body in landed.items() if typ == "session"}
    assert set(sessions) == set(finalized)
    for sid, (_, total) in finalized.items():
        assert sessions[sid]["attendance_total"] == total and total > 0, "the head count travels with the session"
    exhibitions = [sid for sid, (kind, _) in finalized.items() if kind == "exhibition"]
    ratings = [b for (_, typ), b in landed.items() if typ == "rating"]
    assert {b["session_id"] for b in ratings} == set(exhibitions), "every finalized exhibition's visitors arrived"

    again = sala("--db", str(db), "sync", "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["sent"] == 0, "nothing is sent twice"
