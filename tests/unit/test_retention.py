"""Retention, the service's own rules: what counts as acknowledged, what is scrubbed from the
outbox copies, and that a failed run writes nothing (the real-server path is in
tests/integration/test_retention.py)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sala.bootstrap import Services
from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.services import audit
from sala.services.retention import RetentionService, months_before
from sala.storage.models import BlobUpload, Contribution, OutboxEntry, Rating

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(2000)
LATER = now() + timedelta(days=8 * 31)


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALA_KEY_DIR", str(tmp_path / "keys"))


def _minitalk(services: Services, title: str, *, contact: bool = False) -> str:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title=title, kind="minitalk", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.sessions.open(sid)
    extra = dict(consent="written", contact_name="สมศรี มีสุข", phone="081-234-5678") if contact else {}
    services.participants.add(sid, ParticipantInput("P01", **extra))
    services.contributions.add(sid, ContributionInput("idea", "อยากได้สวนสาธารณะ", participant_code="P01"))
    return sid


def _finalize(services: Services, sid: str) -> None:
    services.sessions.close(sid)
    services.sessions.finalize(sid)


def _acknowledge(services: Services, sid: str) -> None:
    """As the platform's batch answer does (batch_store.apply_result): accepted, long ago."""
    with services.db.write() as s:
        s.execute(update(OutboxEntry).where(OutboxEntry.session_id == sid)
                  .values(state="accepted", updated_at=now() - timedelta(days=2)))


def test_months_are_calendar_months() -> None:
    from datetime import UTC, datetime

    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 13) == datetime(2024, 12, 15, tzinfo=UTC)


def test_bad_periods_are_refused_in_both_languages(services: Services) -> None:
    for bad in (0, -1, 121, "หก", ""):
        with pytest.raises(ValidationError) as exc:
            services.retention.preview(bad)  # type: ignore[arg-type]
        assert exc.value.th and exc.value.en
    with pytest.raises(ValidationError):
        services.retention.preview()  # no period set yet


def test_amendments_and_visitors_comments_leave_the_outbox_copies(services: Services) -> None:
    sid = _minitalk(services, "เวทีสวนสาธารณะ")
    _finalize(services, sid)
    with services.db.read() as s:
        cid = s.scalars(select(Contribution.id).where(Contribution.session_id == sid)).one()
    services.amendments.amend("contribution", cid, {"text": "อยากได้สวนสาธารณะใกล้โรงเรียน"}, "ฟังผิด")
    topics = services.catalog.topics()
    ex = services.sessions.create(SessionInput(title="นิทรรศการ", kind="exhibition", province="ลำปาง",
                                               topic_ids=[topics[0].id])).id
    services.sessions.open(ex)
    services.exhibition.record_visit(ex, 4, comment="ที่จอดรถไม่พอ")
    _finalize(services, ex)
    for x in (sid, ex):
        _acknowledge(services, x)
    retention = RetentionService(services.db, services.paths.attachments, clock=lambda: LATER)
    assert {c.session_id for c in retention.run(6).preview.sessions} == {sid, ex}
    with services.db.read() as s:
        envelopes = " ".join(s.scalars(select(OutboxEntry.envelope)))
        ratings = [(r.score, r.comment) for r in s.scalars(select(Rating).where(Rating.session_id == ex))]
    for words in ("อยากได้สวนสาธารณะ", "ใกล้โรงเรียน", "ที่จอดรถไม่พอ"):
        assert words not in envelopes
    assert ratings == [(4, "")]  # the visitor still counts; the words are gone


def test_unsealed_contacts_and_photos_not_uploaded_keep_a_session(services: Services, tmp_path: Path) -> None:
    waiting_key = _minitalk(services, "เวทีรอกุญแจ", contact=True)  # no platform key: the contact is not sealed
    _finalize(services, waiting_key)
    photo_sid = _minitalk(services, "เวทีมีภาพ")
    photo = tmp_path / "chart.jpg"
    photo.write_bytes(JPEG)
    view = services.attachments.add_file(photo_sid, photo)
    _finalize(services, photo_sid)
    for x in (waiting_key, photo_sid):
        _acknowledge(services, x)
    with services.db.write() as s:  # the platform said it lacks the photo: its upload waits
        s.add(BlobUpload(sha256=view.sha256, size=len(JPEG), uploaded=0, state="pending", updated_at=now()))
    retention = RetentionService(services.db, services.paths.attachments, clock=lambda: LATER)
    preview = retention.preview(6)
    assert preview.sessions == [] and preview.waiting == 2  # old enough, not all on the platform: kept
    with services.db.write() as s:
        s.execute(update(BlobUpload).values(state="done", updated_at=now() - timedelta(days=2)))
    assert [c.session_id for c in retention.preview(6).sessions] == [photo_sid]


def test_a_failed_run_writes_nothing_and_removes_no_file(services: Services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    sid = _minitalk(services, "เวทีสวนสาธารณะ")
    photo = tmp_path / "chart.jpg"
    photo.write_bytes(JPEG)
    sha = services.attachments.add_file(sid, photo).sha256
    _finalize(services, sid)
    _acknowledge(services, sid)
    retention = RetentionService(services.db, services.paths.attachments, clock=lambda: LATER)

    def broken(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit, "append", broken)
    with pytest.raises(OSError):
        retention.run(6)
    monkeypatch.undo()
    with services.db.read() as s:
        assert s.scalars(select(Contribution.id).where(Contribution.session_id == sid)).all()
    assert retention.purged(sid) is None
    assert services.attachments.blob_path(sha).is_file()
    assert [c.session_id for c in retention.run(6).preview.sessions] == [sid]  # and it runs once it can
    assert not services.attachments.blob_path(sha).exists()
