"""The session list in the real window at 1366x768 (issue 10, "Sync, settings, list"): the search
"ขยะพลาสติก ลำปาง" finds every session where each word matches somewhere (title, venue,
province, what was said), and a click on a column header sorts the list."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from sala.domain.clock import BANGKOK
from sala.domain.inputs import ContributionInput, SessionInput, VenueInput
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    tab_to,
    type_text,
)


def _session(svc, title: str, kind: str, province: str, venue: str, said: str | None, day: int):
    start = datetime.now(BANGKOK).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=day)
    d = svc.sessions.create(SessionInput(title=title, kind=kind, venue=VenueInput(venue, "other", province, ""),
                                         facilitators="สมชาย ใจดี", planned_start=start,
                                         planned_end=start + timedelta(hours=2)))
    if said:
        svc.sessions.set_status(d.id, "open")
        svc.contributions.add(d.id, ContributionInput("opinion", said))
    return d.id


def test_search_words_anywhere_and_sort_by_header(sala_app, qtbot, shots):
    svc, window = sala_app.services, sala_app.window
    a = _session(svc, "นิทรรศการ ขยะพลาสติก", "exhibition", "ลำปาง", "ศูนย์การค้าเซ็นทรัลลำปาง", None, 3)
    b = _session(svc, "มินิทอล์ก สิ่งแวดล้อม", "minitalk", "ลำปาง", "ศาลาประชาคมบ้านทุ่ง",
                 "อยากให้ลดขยะพลาสติกในตลาด", 2)
    _session(svc, "มินิทอล์ก ขยะพลาสติก เชียงใหม่", "minitalk", "เชียงใหม่", "ศาลาบ้านป่าแดด", None, 1)
    _session(svc, "สนทนากลุ่ม ผู้สูงอายุ ลำปาง", "focus_group", "ลำปาง", "โรงเรียนบ้านทุ่ง", None, 0)
    page = window.list_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.total() == 4, timeout=WAIT_MS)

    tab_to(page.filters.search)
    type_text("ขยะพลาสติก ลำปาง")

    def found() -> set[str]:
        return {page.model.session_id(r) for r in range(page.model.rowCount())}
    qtbot.waitUntil(lambda: found() == {a, b}, timeout=WAIT_MS)
    shots.take("search")
    assert_all_visible_inside_screen(window)

    # clear the search; a click on the title header sorts by title, a second click the other way
    page.filters.search.selectAll()
    QTest.keyClick(page.filters.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.total() == 4 and page.model.rowCount() == 4, timeout=WAIT_MS)
    header = page.table.horizontalHeader()
    title_col = next(c for c in range(page.model.columnCount())
                     if page.model.headerData(c, Qt.Orientation.Horizontal) in ("ชื่อเวที", "เวที", "Title"))

    def titles() -> list[str]:
        return [page.model.index(r, title_col).data() for r in range(page.model.rowCount())]

    for _ in range(2):
        before = titles()
        x = header.sectionViewportPosition(title_col) + header.sectionSize(title_col) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        qtbot.waitUntil(lambda before=before: titles() != before and titles() in (sorted(titles()),
                                                                                  sorted(titles(), reverse=True)),
                        timeout=WAIT_MS)
    shots.take("sorted")
