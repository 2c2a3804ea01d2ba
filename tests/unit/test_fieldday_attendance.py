"""A session's head count: set while editable, amended with a reason once finalized, synced, listed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import AttendanceInput, ContributionInput, SessionInput
from sala.services.sessions import SessionFilter
from sala.storage.models import OutboxEntry


def _session(services, kind=e.SessionKind.MINITALK) -> str:
    return services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", kind, province="ลำปาง")).id


def _row(services, sid):
    [row] = [r for r in services.sessions.list(SessionFilter()) if r.id == sid]
    return row


def test_head_count_is_apart_from_speakers_and_shown_in_detail_and_list(services):
    sid = _session(services)
    for code in ("P01", "P02", "P01", None):
        services.contributions.add(sid, ContributionInput("opinion", "ควรมีจุดวัดฝุ่นทุกตำบล", participant_code=code))
    assert services.sessions.get(sid).attendance_total is None, "no head count until one is taken"
    d = services.sessions.set_attendance(sid, AttendanceInput(
        32, age_band={"18_24": 6, e.AgeBand.A60_PLUS: 9}, gender={"female": 17, "male": 14},
        occupation={"farmer": 20}))
    assert d.attendance_total == 32
    assert d.attendance_detail == {"age_band": {"18_24": 6, "60_plus": 9}, "gender": {"female": 17, "male": 14},
                                   "occupation": {"farmer": 20}}
    assert services.sessions.get(sid).attendance == AttendanceInput(32, {"18_24": 6, "60_plus": 9},
                                                                    {"female": 17, "male": 14}, {"farmer": 20})
    row = _row(services, sid)
    assert (row.attendance_total, row.speaker_count, row.participant_count, row.contribution_count) == (32, 2, 2, 4)
    services.sessions.set_attendance(sid, AttendanceInput(None))
    assert services.sessions.get(sid).attendance_detail is None and _row(services, sid).attendance_total is None


@pytest.mark.parametrize("bad, field", [
    (AttendanceInput(-1), "attendance_total"),
    (AttendanceInput("สามสิบ"), "attendance_total"),
    (AttendanceInput(1_000_000), "attendance_total"),
    (AttendanceInput(10, gender={"female": 6, "male": 5}), "attendance_detail"),
    (AttendanceInput(10, age_band={"18_24": -2}), "attendance_detail"),
    (AttendanceInput(10, occupation={"astronaut": 1}), "attendance_detail"),
    (AttendanceInput(None, gender={"female": 3}), "attendance_total"),
])
def test_bad_head_counts_are_refused_in_both_languages(services, bad, field):
    sid = _session(services)
    with pytest.raises(ValidationError) as err:
        services.sessions.set_attendance(sid, bad)
    assert err.value.field == field and err.value.th != err.value.en and err.value.th and err.value.en
    assert services.sessions.get(sid).attendance_total is None


def test_thai_digits_and_zero_groups_are_cleaned():
    clean = AttendanceInput("๓๐", gender={"female": "๑๒", "male": 0}).validated()
    assert clean == AttendanceInput(30, {}, {"female": 12}, {})


def test_head_count_may_be_set_while_draft_open_or_closed(services):
    sid = _session(services)
    assert services.sessions.set_attendance(sid, AttendanceInput(5)).status == e.SessionStatus.DRAFT
    services.sessions.open(sid)
    assert services.sessions.set_attendance(sid, AttendanceInput(12)).attendance_total == 12
    services.sessions.close(sid)
    closed = services.sessions.set_attendance(sid, AttendanceInput(30))
    assert (closed.status, closed.attendance_total) == (e.SessionStatus.CLOSED, 30)


def test_after_finalize_only_an_amendment_with_a_reason_changes_it_and_it_travels(services):
    sid = _session(services)
    services.sessions.set_attendance(sid, AttendanceInput(30, gender={"female": 18}))
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with services.db.read() as s:
        [entry] = s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "session"))
        body = json.loads(entry.envelope)["body"]
    assert body["attendance_total"] == 30 and body["attendance_detail"] == {"gender": {"female": 18}}
    with pytest.raises(ImmutableError):
        services.sessions.set_attendance(sid, AttendanceInput(35))
    with pytest.raises(ValidationError):
        services.amendments.amend_attendance(sid, AttendanceInput(35), "")
    with pytest.raises(ValidationError) as err:  # the breakdown in force (18 women) is over 15
        services.amendments.amend("session", sid, {"attendance_total": 15}, "นับผิด")
    assert err.value.field == "attendance_detail"
    a = services.amendments.amend_attendance(sid, AttendanceInput(42, gender={"female": 20, "male": 22}),
                                             "นับผู้เข้าร่วมที่มาสายเพิ่ม")
    assert a.changes == {"attendance_total": 42, "attendance_detail": {"gender": {"female": 20, "male": 22}}}
    d = services.sessions.get(sid)
    assert (d.attendance_total, d.attendance_detail) == (42, {"gender": {"female": 20, "male": 22}})
    assert _row(services, sid).attendance_total == 42, "the list shows the amended head count"
    with services.db.read() as s:
        entries = s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "amendment"))
        queued = [json.loads(x.envelope) for x in entries]
    assert [q["body"]["changes"]["attendance_total"] for q in queued] == [42]
    # A later amendment of only the breakdown is checked against the amended total of 42.
    services.amendments.amend("session", sid, {"attendance_detail": {"age_band": {"25_34": 40}}}, "เพิ่มช่วงอายุ")
    assert services.sessions.get(sid).attendance_detail == {"age_band": {"25_34": 40}}
    assert services.sessions.get(sid).attendance_total == 42
