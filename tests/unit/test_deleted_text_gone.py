"""Deleted words do not outlive their delete (migration 0013).

The old ``audit_event`` table (0001) kept the text of every deleted contribution, observation,
question, action item, tally and proposal, so a participant's words stayed in the file after a
staff member deleted them and after the participant's erasure. These tests read the database's raw
bytes (the file and its write-ahead log): once as a laptop that upgrades a database whose old table
holds such text, once as staff who delete a contribution and then erase the person.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sala.bootstrap import Services
from sala.domain.clock import now
from sala.domain.ids import new_id
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.services.participant_rights import ParticipantRightsService
from sala.storage import engine as engine_mod
from sala.storage import migrate
from sala.storage.database import open_database

WITHDRAWN = "ขอถอนคำพูด ติดต่อสมศรีที่เบอร์ 089-765-4321 บ้านเลขที่ 45/2 หมู่ 7"
PHONE_SAID = "089-765-4321"


def _raw(path: Path) -> bytes:
    """The database as it lies on disk: the file and, when there is one, its write-ahead log."""
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALA_KEY_DIR", str(tmp_path / "keys"))


def test_upgrading_zeroes_the_old_audit_tables_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite as built elsewhere (Windows, macOS): freed space is not zeroed unless asked
    monkeypatch.setattr(engine_mod, "PRAGMAS", (*engine_mod.PRAGMAS, "PRAGMA secure_delete=OFF"))
    path = tmp_path / "sala.sqlite3"
    old = engine_mod.make_engine(path)
    try:
        migrate.upgrade(old, "0012")
    finally:
        old.dispose()
    # what Sala up to 0012 wrote when staff deleted records of a session
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete=OFF")
        rows = [(new_id(), now().isoformat(), "delete", "contribution", new_id(),
                 json.dumps({"text": f"{WITHDRAWN} ({i})"}, ensure_ascii=False)) for i in range(400)]
        conn.executemany("INSERT INTO audit_event (id, at, action, entity, entity_id, detail) "
                         "VALUES (?, ?, ?, ?, ?, ?)", rows)
    finally:
        conn.close()
    assert _raw(path).count(PHONE_SAID.encode()) >= 400

    db, report = open_database(path, tmp_path / "backups")     # as the app opens it at start
    try:
        assert report.migrated_from == "0012" and report.revision == migrate.head_revision()
        data = _raw(path)                                      # the app still has it open
        assert PHONE_SAID.encode() not in data and "บ้านเลขที่ 45/2".encode() not in data
        with db.engine.connect() as c:
            names = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "audit_event" not in names and "ix_audit_entity" not in names
    finally:
        db.close()
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_erased_participants_deleted_words_are_nowhere_in_the_file(services: Services) -> None:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title="เวทีฝุ่นควัน ลำปาง", kind="minitalk", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.sessions.open(sid)
    p = services.participants.add(sid, ParticipantInput("SOMSRI07", age_band="25_34", consent="written",
                                                        contact_name="สมศรี มีสุข", phone="081-234-5678",
                                                        email="somsri@example.org"))
    kept = services.contributions.add(sid, ContributionInput("concern", "ฝุ่นมากตอนเช้า เด็กไอทุกวัน",
                                                             participant_code="SOMSRI07"))
    said = services.contributions.add(sid, ContributionInput("concern", WITHDRAWN, participant_code="SOMSRI07"))
    # she asks staff to take back what she said with her phone and address in it ...
    services.contributions.delete(said.id)
    # ... and later to erase her personal data altogether
    ParticipantRightsService(services.db).erase([p.id], "ผู้ร่วมขอให้ลบ")

    data = _raw(services.db.path)
    for gone in (WITHDRAWN, PHONE_SAID, "บ้านเลขที่ 45/2", "สมศรี มีสุข", "081-234-5678", "0812345678",
                 "somsri@example.org", "SOMSRI07"):
        assert gone.encode() not in data, gone
    # the words she did not take back stay: they are the consultation's content
    assert "ฝุ่นมากตอนเช้า เด็กไอทุกวัน".encode() in data
    assert services.contributions.get(kept.id).participant_code is None
