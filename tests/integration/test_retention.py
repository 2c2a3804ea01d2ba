"""Retention against a real sala-central: only a session the platform acknowledged more than N
months ago loses its local copy; one sent by USB bundle (not yet acknowledged) and one never sent
keep everything; counts stay; the CLI previews, refuses without the supervisor PIN, then runs."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sala import cli
from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.files import blob_path
from sala.reports.session_data import load_session_data
from sala.reports.session_summary import build_session_summary
from sala.services import audit
from sala.services.first_page import read_first_page
from sala.services.retention import RetentionService
from sala.services.tallies import TallyInput
from sala.storage.models import (
    Attachment,
    Contribution,
    Observation,
    OutboxEntry,
    Participant,
    ParticipantContact,
    Session,
    Tally,
)
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import FAST, enroll, laptop
from tests.reports_helpers import pdftotext, squash

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(4000)


SECRET = "ลุงเฉลิมพงษ์ฝากบอกว่าบ่อขยะหลังวัดส่งกลิ่นเหม็นทุกคืน"    # words of one purged session only


def _trigrams(words: str) -> list[str]:
    """The search index's pieces of ``words`` (three characters each, as its tokenizer cuts)."""
    return [words[i:i + 3] for i in range(len(words) - 2)]


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALA_KEY_DIR", str(tmp_path / "keys"))


def _session(services: Services, title: str, photo: Path, words: str = "เด็กไอทุกวัน") -> str:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title=title, kind="focus_group", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.sessions.open(sid)
    services.participants.add(sid, ParticipantInput("P01", age_band="25_34", gender="female", consent="written",
                                                    contact_name="สมศรี มีสุข", phone="081-234-5678"))
    services.participants.add(sid, ParticipantInput("P02"))
    for code, said in (("P01", "ฝุ่นมากตอนเช้า"), ("P01", words), ("P02", "อยากได้เครื่องวัดฝุ่น")):
        services.contributions.add(sid, ContributionInput("concern", said, participant_code=code))
    services.observations.add(sid, "ผู้ร่วมตั้งใจฟังมาก")
    services.tallies.add(sid, TallyInput("เห็นด้วยให้งดเผาไหม", 12, 3, 1))
    services.attachments.add_file(sid, photo)
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    return sid


def _counts(services: Services, sid: str) -> dict[str, int]:
    with services.db.read() as s:
        def n(model, *where) -> int:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        return {"contributions": n(Contribution, Contribution.session_id == sid),
                "observations": n(Observation, Observation.session_id == sid),
                "photos": n(Attachment, Attachment.session_id == sid),
                "contacts": n(ParticipantContact, ParticipantContact.participant_id.in_(
                    select(Participant.id).where(Participant.session_id == sid))),
                "participants": n(Participant, Participant.session_id == sid),
                "tallies": n(Tally, Tally.session_id == sid),
                "session": n(Session, Session.id == sid)}


def test_only_the_acknowledged_old_session_is_purged(tmp_path: Path, central_sqlite: CentralServer) -> None:
    services = laptop(tmp_path)
    try:
        photos = []
        for i in range(3):
            p = tmp_path / f"flipchart{i}.jpg"
            p.write_bytes(JPEG + bytes([i]))
            photos.append(p)
        enroll(services, central_sqlite)
        acked = _session(services, "เวทีฝุ่นควัน ลำปาง", photos[0], SECRET)
        report = services.sync.sync(policy=FAST)
        assert str(report.outcome) == "ok", report
        unacked = _session(services, "เวทีงบประมาณ ชลบุรี", photos[1])
        services.sync.export_bundle(tmp_path / "usb.sala")  # carried by USB: sent, not yet answered
        unsynced = _session(services, "เวทีคลองสวย", photos[2])
        with services.db.read() as s:
            states = {sid: set(s.scalars(select(OutboxEntry.state).where(OutboxEntry.session_id == sid)))
                      for sid in (acked, unacked, unsynced)}
        assert states == {acked: {"accepted"}, unacked: {"pending"}, unsynced: {"pending"}}
        before = {sid: _counts(services, sid) for sid in (acked, unacked, unsynced)}
        assert before[acked] == {"contributions": 3, "observations": 1, "photos": 1, "contacts": 1,
                                 "participants": 2, "tallies": 1, "session": 1}

        later = now() + timedelta(days=7 * 31)
        retention = RetentionService(services.db, services.paths.attachments, clock=lambda: later)
        assert retention.preview(8).sessions == []  # not older than 8 months yet
        preview = retention.preview(6)
        assert [c.session_id for c in preview.sessions] == [acked]
        only = preview.sessions[0]
        assert (only.contributions, only.observations, only.contacts, only.photos) == (3, 1, 1, 1)
        assert only.records >= 6 and only.bytes > len(JPEG)
        assert preview.waiting == 2  # older than the cutoff but not acknowledged: kept

        result = retention.run(6)
        assert [c.session_id for c in result.preview.sessions] == [acked] and result.files_removed == 1
        after = {sid: _counts(services, sid) for sid in (acked, unacked, unsynced)}
        assert after[acked] == {"contributions": 0, "observations": 0, "photos": 0, "contacts": 0,
                                "participants": 2, "tallies": 1, "session": 1}
        assert after[unacked] == before[unacked] and after[unsynced] == before[unsynced]
        kept = retention.purged(acked)
        assert kept is not None and kept.contributions == 3 and kept.speakers == 2 and kept.photos == 1
        assert kept.by_type == {"concern": 3}
        assert "3" in kept.note("th") and "purged" in kept.note("en")
        assert retention.purged(unacked) is None
        assert retention.preview(6).sessions == []  # a second run finds nothing more
        with services.db.read() as s:
            outbox_text = " ".join(s.scalars(select(OutboxEntry.envelope).where(OutboxEntry.session_id == acked)))
            entries = [x for x in audit.entries(s) if x.action == audit.RETENTION_PURGE]
        assert "ฝุ่นมากตอนเช้า" not in outbox_text and "ผู้ร่วมตั้งใจฟังมาก" not in outbox_text
        assert len(entries) == 1 and entries[0].target == (acked,) and entries[0].actor_role == audit.SUPERVISOR
        photo_files = sorted(p.name for p in services.paths.attachments.rglob("*") if p.is_file())
        assert len(photo_files) == 2  # the purged session's photo file is gone, the others stay
        assert blob_path(services.paths.attachments, photo_files[0]).is_file()
        # the list, its fast first page and the printed summary keep the counts and say it was purged
        rows = {r.id: r for r in services.sessions.list()}
        assert (rows[acked].contribution_count, rows[acked].speaker_count) == (3, 2)
        first = read_first_page(services.db.path)
        assert first is not None
        assert {r.id: (r.contribution_count, r.speaker_count) for r in first.rows}[acked] == (3, 2)
        data = load_session_data(services.db, acked, lang="en")
        assert "purged" in data.notes and dict(data.type_counts)[e.ContributionType.CONCERN.label("en")] == 3
        assert data.speakers == 2 and data.observations == [] and data.photos == []
        assert "purged" not in load_session_data(services.db, unacked, lang="en").notes
        pdf = tmp_path / "summary.pdf"
        build_session_summary(services.db, acked, pdf, attachments_dir=services.paths.attachments)
        printed = squash(pdftotext(pdf))
        assert squash("ถูกลบตามระยะเวลาเก็บ") in printed and squash("ความคิดเห็น 3 รายการ") in printed
        # the purged words are nowhere in the database's files: not as text, not as the search
        # index's three-character pieces (left in its segments until they merge), not in the log
        files = b"".join(f.read_bytes() for f in services.db.path.parent.glob(services.db.path.name + "*"))
        assert SECRET.encode() not in files
        with sqlite3.connect(services.db.path) as con:     # what is still there as text (blobs as hex)
            kept_text = "\n".join(con.iterdump())
        assert [g for g in _trigrams(SECRET) if g.encode() in files and g not in kept_text] == []
        # the search no longer finds purged words, and still finds the kept sessions' words
        assert not [h for h in services.search.search("ตอนเช้า") if h.session_id == acked]
        assert [h for h in services.search.search("ตอนเช้า") if h.session_id == unacked]
    finally:
        services.close()


def test_cli_preview_then_run_needs_the_supervisor_pin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    services = laptop(tmp_path)
    db = str(services.db.path)
    try:
        photo = tmp_path / "flipchart.jpg"
        photo.write_bytes(JPEG)
        sid = _session(services, "เวทีฝุ่นควัน ลำปาง", photo)
    finally:
        services.close()
    assert cli.main(["--db", db, "retention", "preview", "--months", "6"]) == 0
    out = capsys.readouterr().out
    assert "0" in out and ("ไม่มีเวที" in out or "No session" in out)
    monkeypatch.setattr("sys.stdin", _Lines("246813\n"))
    assert cli.main(["--db", db, "retention", "run", "--months", "6", "--pin-stdin"]) == 5  # no PIN set
    err = capsys.readouterr().err
    assert "ต้องตั้งรหัส PIN หัวหน้างานก่อน" in err and "Set a supervisor PIN first" in err
    services = laptop(tmp_path)
    try:
        services.supervisor.set_pin("246813", "246813")
    finally:
        services.close()
    monkeypatch.setattr("sys.stdin", _Lines("246813\n"))
    assert cli.main(["--db", db, "--lang", "en", "retention", "run", "--months", "6", "--pin-stdin"]) == 0
    assert "No session to purge" in capsys.readouterr().out  # the session was never sent: nothing purged
    monkeypatch.setattr("sys.stdin", _Lines("000000\n"))
    assert cli.main(["--db", db, "retention", "run", "--months", "6", "--pin-stdin"]) == 5
    assert "Wrong PIN" in capsys.readouterr().err
    # every command is a new start of the app: the wait after the wrong PIN is still there
    monkeypatch.setattr("sys.stdin", _Lines("246813\n"))
    assert cli.main(["--db", db, "retention", "run", "--months", "6", "--pin-stdin"]) == 5
    err = capsys.readouterr().err
    assert "กรุณารอ" in err and "wait" in err
    services = laptop(tmp_path)
    try:
        assert _counts(services, sid)["contributions"] == 3
        with services.db.read() as s:
            runs = [x for x in audit.entries(s) if x.action == audit.RETENTION_PURGE]
        assert runs == []  # a run that purged nothing writes no entry
    finally:
        services.close()


class _Lines:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""
