"""Service layer: sessions, lifecycle, immutability, outbox, participants, filters, Thai search."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput, VenueInput
from sala.services.sessions import SessionFilter
from sala.storage.models import OutboxEntry, ParticipantContact, Session, Venue
from sala.wire import protocol


def _new(services, title="เวทีฝุ่น PM2.5 ลำปาง", kind="minitalk", **kw):
    topics = services.catalog.topics()
    return services.sessions.create(SessionInput(
        title=title, kind=kind, province=kw.pop("province", "ลำปาง"), topic_ids=kw.pop("topic_ids", [topics[0].id]),
        venue=kw.pop("venue", VenueInput("โรงเรียนบ้านนา", "school", "ลำปาง", "เมืองลำปาง")), **kw))


def _count(services, model) -> int:
    with services.db.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_default_agenda_topics_are_seeded(services):
    codes = {t.code for t in services.catalog.topics()}
    assert {"pm25", "climate", "bcg", "budget"} <= codes


def test_create_session_with_venue_and_topics(services):
    d = _new(services)
    assert d.status == e.SessionStatus.DRAFT and d.province_code == "LPG"
    assert d.venue_name == "โรงเรียนบ้านนา" and len(d.topic_ids) == 1
    again = _new(services, title="เวทีครั้งที่สอง")
    assert again.venue_id == d.venue_id, "the same venue is reused, not duplicated"
    assert services.sessions.venues()[0].name == "โรงเรียนบ้านนา"


@pytest.mark.parametrize("bad", [
    dict(title=""), dict(kind="karaoke"), dict(province="Narnia", venue=None),
    dict(planned_start=datetime(2026, 1, 2, tzinfo=UTC), planned_end=datetime(2026, 1, 1, tzinfo=UTC)),
    dict(notes="ก" * 20001),
])
def test_bad_input_writes_nothing(services, bad):
    with pytest.raises(ValidationError) as err:
        _new(services, **bad)
    assert err.value.th and err.value.en and err.value.th != err.value.en
    assert _count(services, Session) == 0 and _count(services, Venue) == 0


def test_lifecycle_and_reopen(services):
    sid = _new(services).id
    assert services.sessions.open(sid).started_at is not None
    assert services.sessions.close(sid).status == e.SessionStatus.CLOSED
    assert services.sessions.open(sid).status == e.SessionStatus.OPEN, "a closed session can be reopened"
    services.sessions.close(sid)
    with pytest.raises(ValidationError):
        services.sessions.set_status(sid, "draft")
    assert services.sessions.finalize(sid).finalized_at is not None
    with pytest.raises(ValidationError):
        services.sessions.open(sid)


def test_finalized_session_is_immutable_and_queued_once(services):
    sid = _new(services).id
    services.participants.add(sid, ParticipantInput("P01", age_band="25_34", gender="female"))
    for i in range(3):
        services.contributions.add(sid, ContributionInput("concern", f"ฝุ่นควันมาก {i}", participant_code="P01"))
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with pytest.raises(ImmutableError):
        services.contributions.add(sid, ContributionInput("idea", "อีกข้อ"))
    cid = services.contributions.list(sid)[0].id
    with pytest.raises(ImmutableError):
        services.contributions.update(cid, ContributionInput("idea", "แก้"))
    with pytest.raises(ImmutableError):
        services.contributions.delete(cid)
    with pytest.raises(ImmutableError):
        services.sessions.update(sid, SessionInput(title="ชื่อใหม่", kind="minitalk", province="LPG"))
    with services.db.read() as s:
        rows = list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1)), "sync sequence is contiguous from 1"
    assert [r.record_type for r in rows].count("contribution") == 3
    assert rows[0].record_type == "session"
    for r in rows:
        rec = json.loads(r.envelope)
        protocol.validate_record(rec)  # hash and shape check out
        assert rec["seq"] == r.seq and rec["device_id"] == services.db.device_id


def test_contacts_are_kept_apart_and_removed_when_consent_is_withdrawn(services):
    sid = _new(services).id
    p = services.participants.add(sid, ParticipantInput("P01", consent="written", contact_name="สมศรี มีสุข",
                                                        phone="0812345678"))
    assert p.has_contact and services.participants.contact(p.id).name == "สมศรี มีสุข"
    with services.db.read() as s:
        body = s.get(Session, sid)
        assert body is not None
    services.participants.update(p.id, ParticipantInput("P01", consent="declined"))
    assert services.participants.contact(p.id) is None and _count(services, ParticipantContact) == 0
    with pytest.raises(ValidationError):
        services.participants.add(sid, ParticipantInput("P01"))
    assert services.participants.next_code(sid) == "P02"


def test_contribution_participant_code_creates_participant(services):
    sid = _new(services).id
    v = services.contributions.add(sid, ContributionInput("question", "จะเริ่มเมื่อไร", participant_code="p07"))
    assert v.participant_code == "P07"
    assert [p.code for p in services.participants.list(sid)] == ["P07"]


def test_undo_delete_restores_the_same_record(services):
    sid = _new(services).id
    v = services.contributions.add(sid, ContributionInput("idea", "ปลูกต้นไม้", stance="support", tags=["สิ่งแวดล้อม"]))
    gone = services.contributions.delete(v.id)
    assert services.contributions.count(sid) == 0
    back = services.contributions.restore(gone)
    assert (back.id, back.text, back.recorded_at, back.tags) == (v.id, v.text, v.recorded_at, v.tags)


def test_list_filters(services):
    topics = {t.code: t.id for t in services.catalog.topics()}
    a = _new(services, "มินิทอล์กฝุ่น", "minitalk", topic_ids=[topics["pm25"]],
             planned_start=datetime(2026, 1, 10, 9, tzinfo=UTC))
    b = _new(services, "สนทนากลุ่มงบประมาณ", "focus_group", topic_ids=[topics["budget"]], province="ชลบุรี",
             venue=VenueInput("ห้องสมุดประชาชน", "library", "ชลบุรี"), planned_start=datetime(2025, 6, 1, tzinfo=UTC))
    services.contributions.add(b.id, ContributionInput("idea", "อยากให้มีสวนสาธารณะริมน้ำ"))
    ids = lambda flt: {r.id for r in services.sessions.list(flt)}  # noqa: E731
    assert ids(SessionFilter()) == {a.id, b.id}
    assert ids(SessionFilter(kinds={e.SessionKind.FOCUS_GROUP})) == {b.id}
    assert ids(SessionFilter(province_code="CBI")) == {b.id}
    assert ids(SessionFilter(topic_id=topics["pm25"])) == {a.id}
    assert ids(SessionFilter(date_from=date(2026, 1, 1))) == {a.id}
    assert ids(SessionFilter(date_to=date(2025, 12, 31))) == {b.id}
    assert ids(SessionFilter(statuses={e.SessionStatus.OPEN})) == set()
    assert ids(SessionFilter(text="สวนสาธารณะ")) == {b.id}, "found inside what people said"
    assert ids(SessionFilter(text="ฝุ่น")) == {a.id}, "found in the title"
    rows = services.sessions.list(SessionFilter())
    assert rows[0].id == a.id and rows[1].contribution_count == 1


def test_thai_search_finds_words_inside_unspaced_text(services):
    sid = _new(services).id
    services.contributions.add(sid, ContributionInput("concern", "ปัญหาฝุ่นละอองขนาดเล็กทำให้เด็กป่วยบ่อย"))
    services.contributions.add(sid, ContributionInput("idea", "ควรติดตั้งเครื่องวัดคุณภาพอากาศทุกตำบล"))
    services.contributions.add(sid, ContributionInput("opinion", "ไฟป่าทุกปี"))
    find = lambda q: [h.text for h in services.search.search(q)]  # noqa: E731
    assert find("ฝุ่น") == ["ปัญหาฝุ่นละอองขนาดเล็กทำให้เด็กป่วยบ่อย"]
    assert find("ละออง") == find("ฝุ่น"), "a word inside a compound is found"
    assert find("ฝุ่นเด็ก") == find("ฝุ่น"), "every word of an unspaced query must occur"
    assert find("คุณภาพอากาศ") == ["ควรติดตั้งเครื่องวัดคุณภาพอากาศทุกตำบล"]
    assert find("ไฟ") == ["ไฟป่าทุกปี"], "two-character words fall back to a scan"
    assert find("ทะเล") == []
    services.contributions.delete(services.search.search("ไฟป่า")[0].contribution_id)
    assert find("ไฟป่า") == [], "deleted text leaves the index"
