"""The session list: every word of a search found anywhere in a session; visitors, speakers and
head counts on each row; sorting by every column, each count an index lookup, never a table scan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from sala.domain import enums as e
from sala.domain.inputs import AttendanceInput, ContributionInput, SessionInput, VenueInput
from sala.services.sessions import SessionFilter, SessionSort

DAY = datetime(2026, 3, 2, 2, tzinfo=UTC)


def _new(services, title, province, *, venue=None, district="", facilitators="", days=0, kind="minitalk"):
    return services.sessions.create(SessionInput(
        title=title, kind=kind, province=province, district=district, facilitators=facilitators,
        venue=venue, planned_start=DAY + timedelta(days=days))).id


@pytest.fixture
def field(services):
    """Four sessions of a plastic-waste and haze programme in the north."""
    s = {
        # "ขยะพลาสติก" in the title; "ลำปาง" only as the province (not in any text).
        "title": _new(services, "เวทีรับฟังความคิดเห็นการจัดการขยะพลาสติกในตลาดสด", "ลำปาง",
                      venue=VenueInput("ศาลาประชาคมบ้านหลุก", "community_hall", "ลำปาง", "แม่ทะ"), days=1),
        # "ขยะพลาสติก" only inside what someone said, in unspaced Thai.
        "said": _new(services, "เวทีสิ่งแวดล้อมชุมชนเกาะคา", "ลำปาง", district="เกาะคา",
                     facilitators="วิภาวรรณ แสงทอง", days=2),
        # Plastic waste, but in Chiang Mai.
        "elsewhere": _new(services, "มินิทอล์กลดขยะพลาสติกครัวเรือน", "เชียงใหม่", days=3),
        # Lampang, but about haze.
        "haze": _new(services, "เวทีฝุ่น PM2.5 และไฟป่า", "ลำปาง", facilitators="สมชาย ใจดี", days=4),
    }
    services.contributions.add(s["said"], ContributionInput(
        "idea", "อยากให้เทศบาลตั้งจุดรับคืนขยะพลาสติกในตลาดนัดทุกวันเสาร์"))
    services.contributions.add(s["haze"], ContributionInput("concern", "ช่วงมีนาคมฝุ่นหนาจนเด็กต้องหยุดเรียน"))
    return s


def _found(services, query):
    rows = services.sessions.list(SessionFilter(text=query))
    assert services.sessions.count(SessionFilter(text=query)) == len(rows)
    return {r.id for r in rows}


def test_every_word_must_match_somewhere_in_the_session(services, field):
    assert _found(services, "ขยะพลาสติก ลำปาง") == {field["title"], field["said"]}
    assert _found(services, "ลำปาง ขยะพลาสติก") == {field["title"], field["said"]}, "word order does not matter"
    assert _found(services, "ขยะพลาสติก") == {field["title"], field["said"], field["elsewhere"]}
    assert _found(services, "ลำปาง") == {field["title"], field["said"], field["haze"]}, "the province's Thai name"
    assert _found(services, "lampang") == _found(services, "ลำปาง"), "and its English name"
    assert _found(services, "ตลาดนัด") == {field["said"]}, "a word only inside a contribution"
    assert _found(services, "หยุดเรียน ลำปาง") == {field["haze"]}
    assert _found(services, "บ้านหลุก") == {field["title"]}, "the venue's name"
    assert _found(services, "แม่ทะ") == {field["title"]}, "the district (here taken from the venue)"
    assert _found(services, "เกาะคา วิภาวรรณ") == {field["said"]}, "district and facilitators"
    assert _found(services, "สมชาย pm2.5") == {field["haze"]}, "Latin words ignore case"
    assert _found(services, "ขยะพลาสติก เชียงราย") == set()
    assert _found(services, "ขยะพลาสติก ลำปาง  ") == _found(services, "  ขยะพลาสติก   ลำปาง")
    assert _found(services, "100%") == set() and _found(services, "_") == set(), "LIKE wildcards are literal"


def test_unspaced_words_found_apart_in_the_session(services, field):
    # "ไฟป่าลำปาง" (unspaced): ไฟป่า in the title, ลำปาง as the province.
    assert _found(services, "ไฟป่าลำปาง") == {field["haze"]}


def test_the_dashboard_filter_agrees_with_the_list(services, field):
    assert services.dashboard.figures(SessionFilter(text="ขยะพลาสติก ลำปาง")).sessions == 2


def test_exhibition_rows_show_visitors_and_talk_rows_show_speakers_and_head_count(services):
    expo = _new(services, "นิทรรศการเมืองคาร์บอนต่ำ", "ชลบุรี", kind="exhibition")
    talk = _new(services, "มินิทอล์กงบประมาณแบบมีส่วนร่วม", "ชลบุรี", days=1)
    for score in (5, 4, 4, 3, 5, 2, 5):
        services.exhibition.record_visit(expo, score)
    for code in ("P01", "P02", "P02", None, "P03"):
        services.contributions.add(talk, ContributionInput("idea", "ทำสวนสาธารณะริมทะเล", participant_code=code))
    services.sessions.set_attendance(talk, AttendanceInput(28))
    rows = {r.id: r for r in services.sessions.list()}
    assert (rows[expo].visitor_count, rows[expo].contribution_count, rows[expo].entry_count) == (7, 0, 7)
    assert (rows[talk].visitor_count, rows[talk].speaker_count, rows[talk].contribution_count) == (0, 3, 5)
    assert rows[talk].entry_count == 5 and rows[talk].attendance_total == 28 and rows[expo].attendance_total is None


@pytest.fixture
def sortable(services):
    """Five sessions whose every listed column differs."""
    made = []
    for i, (title, kind, prov, n) in enumerate([
        ("ข. เวทีงบประมาณ", "minitalk", "กรุงเทพมหานคร", 3),
        ("ก. สนทนากลุ่มเยาวชน", "focus_group", "ชลบุรี", 1),
        ("ง. นิทรรศการ BCG", "exhibition", "เชียงใหม่", 4),
        ("ค. เวทีฝุ่น", "minitalk", "ลำปาง", 0),
        ("จ. เวทีน้ำท่วม", "focus_group", "พระนครศรีอยุธยา", 2),
    ]):
        sid = _new(services, title, prov, kind=kind, days=i,
                   venue=VenueInput(f"สถานที่ {chr(ord('ก') + (4 - i))}", "other", prov))
        if kind == "exhibition":
            for _ in range(n):
                services.exhibition.record_visit(sid, 4)
        else:
            for j in range(n):
                services.contributions.add(sid, ContributionInput("opinion", f"ความเห็นที่ {j}",
                                                                  participant_code=f"P{j:02d}"))
        services.sessions.set_attendance(sid, AttendanceInput(10 * (i + 1)))
        made.append(sid)
    services.sessions.open(made[1])
    services.sessions.close(made[2])
    services.sessions.close(made[3])
    services.sessions.finalize(made[3])
    return made


@pytest.mark.parametrize("key, value", [
    (SessionSort.DATE, lambda r: r.session_date),
    (SessionSort.TITLE, lambda r: r.title),
    (SessionSort.KIND, lambda r: list(e.SessionKind).index(r.kind)),
    (SessionSort.STATUS, lambda r: list(e.SessionStatus).index(r.status)),
    (SessionSort.PROVINCE, lambda r: ["BKK", "CBI", "CMI", "AYA", "LPG"].index(r.province_code)),
    (SessionSort.VENUE, lambda r: r.venue_name),
    (SessionSort.CONTRIBUTIONS, lambda r: r.contribution_count),
    (SessionSort.PARTICIPANTS, lambda r: r.participant_count),
    (SessionSort.SPEAKERS, lambda r: r.speaker_count),
    (SessionSort.VISITORS, lambda r: r.visitor_count),
    (SessionSort.ATTENDANCE, lambda r: r.attendance_total),
    (SessionSort.ENTRIES, lambda r: r.entry_count),
])
def test_every_column_sorts_both_ways_and_pages_agree(services, sortable, key, value):
    asc = services.sessions.list(sort=key, descending=False)
    desc = services.sessions.list(sort=key.value, descending=True)
    assert [value(r) for r in asc] == sorted(value(r) for r in asc)
    assert [value(r) for r in desc] == sorted((value(r) for r in desc), reverse=True)
    assert {r.id for r in asc} == set(sortable)
    paged = services.sessions.list(sort=key, offset=0, limit=2) + services.sessions.list(sort=key, offset=2, limit=3)
    assert [r.id for r in paged] == [r.id for r in desc], "pages of the same order join up"


def test_province_sorts_in_thai_alphabetical_order(services, sortable):
    names = {"BKK": "กรุงเทพมหานคร", "CBI": "ชลบุรี", "CMI": "เชียงใหม่", "LPG": "ลำปาง", "AYA": "พระนครศรีอยุธยา"}
    rows = services.sessions.list(sort=SessionSort.PROVINCE, descending=False)
    # Thai dictionary order ignores a leading vowel: ชลบุรี before เชียงใหม่, พระนครศรีอยุธยา before ลำปาง.
    assert [names[r.province_code] for r in rows] == ["กรุงเทพมหานคร", "ชลบุรี", "เชียงใหม่", "พระนครศรีอยุธยา", "ลำปาง"]


@pytest.mark.parametrize("key", list(SessionSort))
@pytest.mark.parametrize("query", ["", "ขยะพลาสติก ลำปาง"])
def test_counts_are_index_lookups_not_scans(services, key, query):
    """EXPLAIN QUERY PLAN of the page query: each count searches a covering index by session."""
    with services.db.read() as s:
        stmt = services.sessions.list_statement(SessionFilter(text=query), s, offset=200, limit=100, sort=key)
        sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = [row[3] for row in s.execute(text("EXPLAIN QUERY PLAN " + sql))]
    for table in ("contribution", "participant", "rating", "amendment"):
        assert not [p for p in plan if p.split()[:2] == ["SCAN", table]], (table, plan)  # fts MATCH is no scan
    counts = [p for p in plan if p.startswith(("SEARCH contribution USING", "SEARCH participant", "SEARCH rating"))
              and "(session_id=?)" in p]
    assert len(counts) >= 4 and all("COVERING INDEX" in p for p in counts), plan
    if key == SessionSort.DATE and not query:
        assert plan[0] == "SCAN session USING INDEX ix_session_date", "the newest-first page comes off the index"
