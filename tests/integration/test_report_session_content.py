"""What a session summary says, read back from the printed PDF: who issued it, when the session
really ran (local time, planned or actual), how many attended apart from who spoke, and under
which topic each contribution is listed."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from sala.domain import enums as e
from sala.reports.session_data import Attendance
from sala.reports.session_summary import build_session_summary
from sala.storage.models import Contribution, Session, Topic
from tests.reports_helpers import pdftotext, rich_session, squash

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _summary(services, sid, tmp_path, name="s.pdf", **kw) -> str:
    path = tmp_path / name
    build_session_summary(services.db, sid, path, attachments_dir=services.paths.attachments, **kw)
    return pdftotext(path, "-layout")


@pytest.fixture
def rich(services):
    return rich_session(services.db, services.paths.attachments)


def test_agency_and_unit_come_from_the_caller(services, rich, tmp_path):
    text = _summary(services, rich.session_id, tmp_path, agency="องค์การบริหารส่วนจังหวัดลำปาง",
                    unit="กองยุทธศาสตร์และงบประมาณ")
    head = text.split("สรุปผลการจัดเวทีรับฟังความคิดเห็น")[0]
    assert "องค์การบริหารส่วนจังหวัดลำปาง" in head and "กองยุทธศาสตร์และงบประมาณ" in head
    assert "ก.พ.ร." not in text
    unset = _summary(services, rich.session_id, tmp_path, "unset.pdf")
    assert not unset.split("สรุปผลการจัดเวทีรับฟังความคิดเห็น")[0].strip()  # nothing above the title


def test_times_print_in_bangkok_time_saying_planned_and_actual(services, rich, tmp_path):
    day = datetime(2026, 3, 14, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
    with services.db.write() as s:
        x = s.get(Session, rich.session_id)
        x.planned_start, x.planned_end = day, day + timedelta(hours=2)
        x.started_at, x.ended_at = day + timedelta(minutes=12), day + timedelta(hours=1, minutes=43)
    text = _summary(services, rich.session_id, tmp_path)
    assert "ตามกำหนดการ 09:00–11:00 น. เวลาจริง 09:12–10:43 น." in text
    assert "02:00" not in text and "03:43" not in text  # no UTC clock anywhere


def test_head_count_is_apart_from_those_who_spoke(services, rich, tmp_path):
    text = _summary(services, rich.session_id, tmp_path, attendance=Attendance(
        30, genders=[("หญิง", 17), ("ชาย", 12), ("เพศอื่น ๆ", 0), ("ไม่ระบุ", 1)]))
    assert "ผู้เข้าร่วม 30 คน (ผู้แสดงความเห็น 2 คน)" in text  # P01 and P02 spoke
    assert "ผู้เข้าร่วมทั้งหมด 30 คน" in text and "17 (57%)" in text
    assert "จำแนกตามเพศ (รวม 30 คน)" in text  # the total the shares are of
    missing = _summary(services, rich.session_id, tmp_path, "none.pdf")
    assert "ไม่ได้บันทึกจำนวนผู้เข้าร่วม (ผู้แสดงความเห็น 2 คน)" in missing
    assert "ผู้เข้าร่วม 2 คน" not in missing


def test_contributions_tagged_with_the_sessions_only_topic_are_under_it(services, rich, tmp_path):
    with services.db.write() as s:
        x = s.get(Session, rich.session_id)
        topic = x.topics[0]
        for c in s.scalars(select(Contribution).where(Contribution.session_id == x.id)):
            c.topic_id = None  # as the capture box saves them: the topic as a tag
            c.tags = [topic.name_th]
        untagged = Contribution(session_id=x.id, type=e.ContributionType.IDEA, text="ข้อเสนอที่ไม่ได้ติดแท็ก",
                                tags=[], recorded_at=x.started_at)
        s.add(untagged)
        name = topic.name_th
    text = _summary(services, rich.session_id, tmp_path)
    assert f"ประเด็น: {name}" in text
    assert "ไม่ระบุประเด็น" not in text  # one topic: everything said belongs to it
    assert squash("ข้อเสนอที่ไม่ได้ติดแท็ก") in squash(text)


def test_two_topics_group_by_tag_and_keep_the_untagged_apart(services, rich, tmp_path):
    with services.db.write() as s:
        x = s.get(Session, rich.session_id)
        other = s.scalars(select(Topic).where(Topic.id != x.topics[0].id)).first()
        x.topics = [x.topics[0], other]
        first = s.scalars(select(Contribution).where(Contribution.session_id == x.id)).first()
        first.topic_id, first.tags = None, [other.name_th]
        s.add(Contribution(session_id=x.id, type=e.ContributionType.IDEA, text="ข้อเสนอที่ไม่ได้ติดแท็ก",
                           tags=[], recorded_at=x.started_at))
        other_name = other.name_th
    text = _summary(services, rich.session_id, tmp_path)
    assert f"ประเด็น: {other_name}" in text
    after_none = text.split("ประเด็น: ไม่ระบุประเด็น")[1]
    assert squash("ข้อเสนอที่ไม่ได้ติดแท็ก") in squash(after_none)


def test_stored_head_count_and_its_amendment_are_printed(services, rich, tmp_path):
    from sala.storage.models import Amendment

    with services.db.write() as s:
        x = s.get(Session, rich.session_id)
        x.attendance_total = 28
        x.attendance_detail = {"gender": {"female": 15, "male": 12}}  # one not stated
    text = _summary(services, rich.session_id, tmp_path, "stored.pdf")
    assert "ผู้เข้าร่วม 28 คน (ผู้แสดงความเห็น 2 คน)" in text
    assert any("ไม่ระบุ" in ln and "1 (4%)" in ln for ln in text.splitlines())  # 28 − 15 − 12 not stated
    with services.db.write() as s:
        s.add(Amendment(session_id=rich.session_id, target_type="session", target_id=rich.session_id,
                        changes={"attendance_total": 31, "attendance_detail": {"gender": {"female": 17, "male": 14}}},
                        reason="นับใหม่จากใบลงทะเบียน"))
    text = _summary(services, rich.session_id, tmp_path, "amended.pdf")
    assert "ผู้เข้าร่วม 31 คน (ผู้แสดงความเห็น 2 คน)" in text
    assert "จำนวนผู้เข้าร่วม เดิม “28” แก้เป็น “31”" in text and "attendance_total" not in text
    assert "หญิง 17" in text  # the breakdown as a reader reads it, not as JSON


def test_period_report_sums_head_counts_apart_from_registrations(services, tmp_path):
    import re

    from sala.reports.filters import parse_filter
    from sala.reports.period_report import build_period_report

    a = rich_session(services.db, services.paths.attachments)
    rich_session(services.db, services.paths.attachments)  # no head count taken
    with services.db.write() as s:
        s.get(Session, a.session_id).attendance_total = 30
    path = tmp_path / "period.pdf"
    build_period_report(services.db, parse_filter(services.db, fiscal_year=2569), path)
    text = pdftotext(path, "-layout")
    assert re.search(r"ผู้เข้าร่วม \(นับในเวที 1 เวที\)\s+30\b", text)
    assert re.search(r"ผู้ลงทะเบียนรหัส \(มินิทอล์กและสนทนากลุ่ม\)\s+4\b", text)
