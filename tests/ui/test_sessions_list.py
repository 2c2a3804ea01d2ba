"""The session list page as a user drives it: the search box matches every word anywhere, a click
on a header sorts the whole list (both ways), and each row shows what the session gathered."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView

from sala.domain import enums as e
from sala.domain.clock import BANGKOK
from sala.domain.inputs import AttendanceInput, ContributionInput, SessionInput
from sala.services.first_page import read_first_page
from sala.services.sessions import SessionSort
from sala.ui.sessions import cells
from sala.ui.sessions.list_model import SessionListModel
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


ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole)


def _shown(model, row: int, column: int, role: Qt.ItemDataRole):
    value = model.index(row, column).data(role)
    if role == Qt.ItemDataRole.TextAlignmentRole and value is not None:
        return int(value)
    return value.name() if isinstance(value, QColor) else value


def test_the_first_screenful_shows_what_the_list_shows_then_hands_over(qtbot, services, thai_ui, sessions):
    """At start the rows read before the services exist are in Qt's own model; each cell must say and
    look what the service's model says (words, Thai dates, colours, alignment, tooltips, titles);
    a sort and a filter chosen meanwhile apply once the service is attached, the scroll stays."""
    for day in range(1, 9):
        make(services, f"เวทีที่ {day}", "LPG", day, head=day if day % 2 else None)
    services.sessions.close(sessions["haze"])
    services.sessions.finalize(sessions["haze"])
    first = read_first_page(services.db.path)
    assert first is not None and len(first.rows) == 13
    page = SessionListPage(first, "th")
    qtbot.addWidget(page)
    page.resize(1366, 300)
    page.show()
    qtbot.waitExposed(page)
    served = SessionListPage(services.sessions, "th")
    qtbot.addWidget(served)
    served.resize(1366, 300)
    served.show()
    qtbot.waitExposed(served)
    early, model = page.model, served.model
    widths = [served.table.columnWidth(c) for c in range(model.columnCount())]
    assert [page.table.columnWidth(c) for c in range(model.columnCount())] == widths
    header = page.table.horizontalHeader()
    assert header.length() == page.table.viewport().width(), "the title column takes the rest of the width"
    assert not page.attached and not isinstance(early, SessionListModel)
    assert early.rowCount() == model.rowCount() == 13 and early.columnCount() == model.columnCount()
    for c in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.InitialSortOrderRole):
            assert early.headerData(c, Qt.Orientation.Horizontal, role) == \
                model.headerData(c, Qt.Orientation.Horizontal, role)
        for r in range(model.rowCount()):
            for role in ROLES:
                assert _shown(early, r, c, role) == _shown(model, r, c, role), (r, c, role)
    assert [early.session_id(r) for r in range(13)] == [model.session_id(r) for r in range(13)]

    page.table.verticalScrollBar().setValue(3)
    page.table.selectRow(5)
    selected = early.session_id(5)
    page.filters.kind.setCurrentIndex(page.filters.kind.findData(e.SessionKind.EXHIBITION.value))
    assert page.model is early and early.rowCount() == 13, "the filter waits for the service"
    page.filters.kind.setCurrentIndex(0)
    page.attach(services.sessions)
    assert page.attached and isinstance(page.model, SessionListModel)
    modes = [header.sectionResizeMode(c) for c in range(len(cells.COLUMNS))]
    assert modes == [served.table.horizontalHeader().sectionResizeMode(c) for c in range(len(cells.COLUMNS))]
    assert modes[cells.COLUMNS.index("title")] == QHeaderView.ResizeMode.Interactive  # the rest, with a floor
    assert modes.count(QHeaderView.ResizeMode.ResizeToContents) == len(cells.COLUMNS) - 1
    assert page.model.rowCount() == 13 and page.table.verticalScrollBar().value() == 3
    assert page.model.session_id(page.table.currentIndex().row()) == selected
    assert page.table.selectionModel().isRowSelected(page.table.currentIndex().row())
    type_text(page.filters.search, "แม่เมาะ")
    qtbot.waitUntil(lambda: titles(page) == ["ฝุ่นควัน แม่เมาะ"])


def test_a_filter_chosen_before_the_service_applies_once_it_is_attached(qtbot, services, thai_ui, sessions):
    first = read_first_page(services.db.path)
    page = SessionListPage(first, "th")
    qtbot.addWidget(page)
    page.filters.kind.setCurrentIndex(page.filters.kind.findData(e.SessionKind.EXHIBITION.value))
    assert page.model.rowCount() == 5
    page.attach(services.sessions)
    assert titles(page) == ["นิทรรศการเมืองน่าอยู่"] and page.model.total() == 1


def test_the_roles_the_first_screenful_uses_are_qts():
    assert cells.DISPLAY_ROLE == Qt.ItemDataRole.DisplayRole.value
    assert cells.TOOLTIP_ROLE == Qt.ItemDataRole.ToolTipRole.value
    assert cells.ALIGNMENT_ROLE == Qt.ItemDataRole.TextAlignmentRole.value
    assert cells.BACKGROUND_ROLE == Qt.ItemDataRole.BackgroundRole.value
    assert cells.FOREGROUND_ROLE == Qt.ItemDataRole.ForegroundRole.value
    assert cells.INITIAL_SORT_ORDER_ROLE == Qt.ItemDataRole.InitialSortOrderRole.value
    assert cells.SESSION_ID_ROLE == SessionListModel.SessionIdRole
    assert cells.RIGHT_ALIGNED == (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
    assert cells.ASCENDING == Qt.SortOrder.AscendingOrder.value
    assert cells.DESCENDING == Qt.SortOrder.DescendingOrder.value
