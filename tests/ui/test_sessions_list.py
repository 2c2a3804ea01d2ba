"""The session list page as a user drives it: the search box matches every word anywhere, a click
on a header sorts the whole list (both ways), and each row shows what the session gathered."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from sala.domain import enums as e
from sala.domain.clock import BANGKOK
from sala.domain.inputs import AttendanceInput, ContributionInput, SessionInput
from sala.services.sessions import SessionSort
from sala.ui.sessions.list_page import SessionListPage
from tests.typing import type_text

LEFT = Qt.MouseButton.LeftButton


def make(services, title: str, province: str, day: int, kind=e.SessionKind.MINITALK, head: int | None = None,
         said: tuple[str, ...] = ()) -> str:
    sid = services.sessions.create(SessionInput(
        title, kind, province=province,
        planned_start=datetime(2026, 11, day, 9, 0, tzinfo=BANGKOK),
        planned_end=datetime(2026, 11, day, 11, 0, tzinfo=BANGKOK))).id
    for i, text in enumerate(said):
        services.contributions.add(sid, ContributionInput("opinion", text, None, [], f"P{i + 1:02d}"))
    if head is not None:
        services.sessions.set_attendance(sid, AttendanceInput(head))
    return sid


@pytest.fixture
def sessions(services) -> dict[str, str]:
    return {
        "market": make(services, "เวทีขยะพลาสติก ตลาดสด", "LPG", 10, head=30, said=("แยกขยะ", "ลดถุง")),
        "school": make(services, "ลดขยะในโรงเรียน", "LPG", 12, head=12,
                       said=("เด็กนักเรียนอยากให้เลิกใช้ขยะพลาสติกในโรงอาหาร",)),
        "chiangmai": make(services, "เวทีขยะพลาสติก ริมน้ำปิง", "CMI", 14, head=45),
        "haze": make(services, "ฝุ่นควัน แม่เมาะ", "LPG", 16),
        "expo": make(services, "นิทรรศการเมืองน่าอยู่", "CBI", 18, kind=e.SessionKind.EXHIBITION, head=120),
    }


@pytest.fixture
def page(qtbot, services, thai_ui, sessions) -> SessionListPage:
    p = SessionListPage(services.sessions, "th")
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def titles(page: SessionListPage) -> list[str]:
    m = page.model
    return [m.index(r, m.COLUMNS.index("title")).data() for r in range(m.rowCount())]


def cell(page: SessionListPage, title: str, column: str) -> str:
    m = page.model
    row = titles(page).index(title)
    return m.index(row, m.COLUMNS.index(column)).data()


def click_header(qtbot, page: SessionListPage, column: str) -> None:
    header = page.table.horizontalHeader()
    section = page.model.COLUMNS.index(column)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def test_search_words_in_any_field_find_the_two_sessions(qtbot, page, sessions):
    search = page.filters.search
    assert search.objectName() == "sessionSearch"
    search.setFocus()
    type_text(search, "ขยะพลาสติก ลำปาง")
    # The market's title has both words' first; the school has "ขยะพลาสติก" only in what was said.
    qtbot.waitUntil(lambda: page.model.total() == 2)
    assert sorted(titles(page)) == sorted(["เวทีขยะพลาสติก ตลาดสด", "ลดขยะในโรงเรียน"])
    assert page.stack.currentWidget() is page.table
    search.clear()
    type_text(search, "ลำปาง ขยะพลาสติก ริมน้ำปิง")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.no_match)


def test_a_click_on_a_header_sorts_the_whole_list_both_ways(qtbot, page, sessions):
    header = page.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sectionsClickable()
    assert titles(page)[0] == "นิทรรศการเมืองน่าอยู่"                     # newest first by default
    by_head = ["นิทรรศการเมืองน่าอยู่", "เวทีขยะพลาสติก ริมน้ำปิง", "เวทีขยะพลาสติก ตลาดสด", "ลดขยะในโรงเรียน",
               "ฝุ่นควัน แม่เมาะ"]                                           # 120, 45, 30, 12, not recorded

    click_header(qtbot, page, "attendance")                             # biggest first
    assert page.model.sort_key() == (SessionSort.ATTENDANCE, True)
    assert titles(page) == by_head
    assert header.sortIndicatorSection() == page.model.COLUMNS.index("attendance")
    click_header(qtbot, page, "attendance")                             # again: the other way
    assert page.model.sort_key() == (SessionSort.ATTENDANCE, False)
    assert titles(page) == list(reversed(by_head))

    click_header(qtbot, page, "title")                                  # names: A to Z first
    assert page.model.sort_key() == (SessionSort.TITLE, False)
    assert titles(page) == sorted(titles(page))
    click_header(qtbot, page, "title")
    assert titles(page) == sorted(titles(page), reverse=True)


def test_rows_show_contributions_or_visitors_speakers_and_head_count(page, services, sessions, tmp_path):
    services.sessions.close(sessions["haze"])
    services.sessions.finalize(sessions["haze"])
    page.refresh()
    labels = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert all(labels) and "จำนวนผู้เข้าร่วม" in labels and "ผู้พูด" in labels
    assert cell(page, "เวทีขยะพลาสติก ตลาดสด", "entries") == "2"
    assert cell(page, "เวทีขยะพลาสติก ตลาดสด", "speakers") == "2"
    assert cell(page, "เวทีขยะพลาสติก ตลาดสด", "attendance") == "30"
    assert cell(page, "ฝุ่นควัน แม่เมาะ", "attendance") == "—"
    assert cell(page, "นิทรรศการเมืองน่าอยู่", "entries") == "ผู้ชม 0 คน"
    assert cell(page, "นิทรรศการเมืองน่าอยู่", "attendance") == "120"
    m, status = page.model, page.model.COLUMNS.index("status")
    colour = {titles(page)[r]: m.index(r, status).data(Qt.ItemDataRole.BackgroundRole) for r in range(m.rowCount())}
    assert cell(page, "ฝุ่นควัน แม่เมาะ", "status") == "ยืนยันแล้ว"
    assert colour["ฝุ่นควัน แม่เมาะ"] != colour["ลดขยะในโรงเรียน"]             # a finalized row stands out
    assert page.grab().save(str(tmp_path / "session_list_1366.png"))
    fm = page.table.horizontalHeader().fontMetrics()
    for c, label in enumerate(labels):                                  # every header readable whole
        assert fm.horizontalAdvance(label) < page.table.columnWidth(c), label
