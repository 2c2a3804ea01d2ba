"""Default report file names: Thai, Buddhist Era, the session's title, safe on any file system."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sala.reports.filenames import period_report_file_name, safe_file_name, session_summary_file_name
from sala.reports.filters import ReportFilter
from sala.reports.session_data import session_time_text


def test_session_summary_name_has_title_and_buddhist_era_date():
    name = session_summary_file_name("การคัดแยกขยะต้นทาง จังหวัดขอนแก่น", date(2026, 11, 30))
    assert name == "สรุปผลเวที การคัดแยกขยะต้นทาง จังหวัดขอนแก่น 30 พ.ย. 2569.pdf"


def test_date_is_taken_in_bangkok():
    # 18:00 UTC on 30 November is 01:00 on 1 December in Bangkok
    assert session_summary_file_name("เวที", datetime(2026, 11, 30, 18, tzinfo=UTC)).endswith(
        " 1 ธ.ค. 2569.pdf")


def test_unsafe_characters_device_names_and_trailing_dots_go():
    name = session_summary_file_name('ฝุ่น/ควัน: "PM2.5"? <เชียงใหม่>|*\u200b.', date(2026, 11, 30))
    assert name == "สรุปผลเวที ฝุ่น ควัน PM2.5 เชียงใหม่ 30 พ.ย. 2569.pdf"
    assert not set('<>:"/\\|?*') & set(name)
    assert safe_file_name("CON") == "CON_.pdf" and safe_file_name("  ..  ") == "report.pdf"


def test_long_titles_are_shortened_between_words_keeping_the_date():
    name = session_summary_file_name("น้ำท่วมครั้งที่" * 40, date(2026, 11, 30))
    assert len(name.encode("utf-8")) <= 200 and name.endswith("… 30 พ.ย. 2569.pdf")
    title = name.removeprefix("สรุปผลเวที ").removesuffix("… 30 พ.ย. 2569.pdf")
    assert ("น้ำท่วมครั้งที่" * 40).startswith(title)  # no mark torn from its letter
    assert title.endswith("ที่"), f"cut inside a word: {title[-12:]!r}"


def test_a_real_long_title_is_not_cut_inside_a_word():
    """Seen in the lead's walk-through: "… โรงเรียนเทศบ 1 ธ.ค. 2569.pdf" (เทศบาล cut in two)."""
    title = "มินิทอล์ก ปัญหาฝุ่นละออง PM2.5 และหมอกควัน โรงเรียนเทศบาล เพชรบุรี จังหวัดเพชรบุรี"
    name = session_summary_file_name(title, date(2026, 12, 1))
    kept = name.removeprefix("สรุปผลเวที ").removesuffix("… 1 ธ.ค. 2569.pdf")
    assert len(name.encode("utf-8")) <= 200 and kept != name and title.startswith(kept)
    rest = title[len(kept):]
    assert rest[:1].isspace() or rest.startswith(("โรงเรียน", "เทศบาล", "เพชรบุรี", "จังหวัด")), \
        f"cut inside a word: …{kept[-10:]!r} | {rest[:10]!r}…"
    # a single word longer than the limit is still cut between letter clusters
    long_word = session_summary_file_name("ก" * 200, date(2026, 12, 1))
    assert len(long_word.encode("utf-8")) <= 200 and "ก…" in long_word


def test_period_report_names():
    assert period_report_file_name(ReportFilter(fiscal_year=2570)) == "รายงาน ปีงบประมาณ 2570.pdf"
    assert period_report_file_name(ReportFilter(fiscal_year=2570, province_code="CMI")) == \
        "รายงาน ปีงบประมาณ 2570 เชียงใหม่.pdf"
    assert period_report_file_name(ReportFilter(), when=date(2026, 11, 30)) == "รายงาน ณ 30 พ.ย. 2569.pdf"


def _utc(h: int, m: int = 0) -> datetime:
    return datetime(2026, 11, 30, h, m, tzinfo=UTC)


def test_times_are_local_and_say_planned_or_actual():
    # planned 09:00–11:00 Bangkok (02:00–04:00 UTC); actually 09:12–10:43
    assert session_time_text(_utc(2), _utc(4), _utc(2, 12), _utc(3, 43)) == \
        "ตามกำหนดการ 09:00–11:00 น. เวลาจริง 09:12–10:43 น."
    assert session_time_text(_utc(2), _utc(4), None, None) == "09:00–11:00 น. (ตามกำหนดการ)"
    assert session_time_text(None, None, _utc(2), _utc(4)) == "09:00–11:00 น. (เวลาจริง)"
    # a planned start with only an actual close is never printed as one range ("09:00–01:43")
    mixed = session_time_text(_utc(2), None, None, _utc(18, 43))
    assert mixed == "ตามกำหนดการ เริ่ม 09:00 น. เวลาจริง ถึง 1 ธ.ค. 2569 01:43 น."
    assert session_time_text(_utc(2), _utc(4), _utc(2), _utc(4), "en") == "09:00–11:00 (actual)"
    assert session_time_text(None, None, None, None) == ""


def test_count_sessions_matches_what_the_period_report_covers(services):
    from sala.reports.filters import count_sessions, parse_filter
    from tests.reports_helpers import rich_session

    for day, prov in ((date(2025, 9, 30), "CMI"), (date(2025, 10, 1), "CMI"), (date(2026, 9, 30), "LPG")):
        rich_session(services.db, services.paths.attachments, day=day, province=prov)
    assert count_sessions(services.db, parse_filter(services.db, fiscal_year=2569)) == 2
    assert count_sessions(services.db, parse_filter(services.db, fiscal_year=2569, province="CMI")) == 1
    assert count_sessions(services.db, parse_filter(services.db)) == 3
