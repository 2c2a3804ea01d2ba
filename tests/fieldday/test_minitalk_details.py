"""Minitalk points of issue 10 in the real window at 1366x768: an entry is edited only on purpose
(F2 on the list puts it in the box, Enter saves the change to that entry, Esc leaves), never by
reading a row and typing on."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sala.domain.clock import BANGKOK
from sala.domain.inputs import SessionInput, VenueInput
from tests.fieldday import flows
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    press,
    tab_to,
    type_text,
)

FIRST = "อยากให้มีรถโดยสารประจำทางเข้าหมู่บ้าน"
SECOND = "ถนนเข้าหมู่บ้านมืดมากตอนกลางคืน"
TYPING = "คนต่อไปพูดว่า"


def _open_minitalk(qtbot, sala_app):
    svc, window = sala_app.services, sala_app.window
    start = datetime.now(BANGKOK).replace(hour=9, minute=0, second=0, microsecond=0)
    detail = svc.sessions.create(SessionInput(
        title="มินิทอล์ก คมนาคม บ้านดอนแก้ว", kind="minitalk",
        venue=VenueInput("ศาลาประชาคมบ้านดอนแก้ว", "community_hall", "เชียงใหม่", "แม่ริม"),
        facilitators="สมชาย ใจดี", planned_start=start, planned_end=start + timedelta(hours=2)))
    svc.sessions.set_status(detail.id, "open")
    window.open_session(detail.id)
    qtbot.waitUntil(lambda: flows.page(window) is not None and flows.page(window).isVisible(), timeout=WAIT_MS)
    return flows.page(window)


def test_f2_edits_one_entry_and_esc_leaves(sala_app, qtbot, shots):
    page = _open_minitalk(qtbot, sala_app)
    box, svc, sid = page.capture.box, sala_app.services, page.session_id
    tab_to(box)
    for text in (FIRST, SECOND):
        type_text(text)
        press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(svc.contributions.list(sid, 0, 10)) == 2 and page.model.pending_count() == 0,
                    timeout=WAIT_MS)
    type_text(TYPING)  # half-typed words for the next speaker

    # the older entry (the last row: newest first), F2 on the list
    row = page.model.rowCount() - 1
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(row, page.model.COL_TEXT)).center())
    qtbot.waitUntil(page.table.hasFocus, timeout=WAIT_MS)
    press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: box.hasFocus() and box.toPlainText() == FIRST, timeout=WAIT_MS)
    banner = page.findChild(type(page.capture.edit_banner), "captureEditing")
    assert banner is not None and banner.isVisible(), "edit mode is visible"
    shots.take("editing")
    assert_all_visible_inside_screen(sala_app.window)
    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(" ทุกชั่วโมง")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: FIRST + " ทุกชั่วโมง" in {c.text for c in svc.contributions.list(sid, 0, 10)}
                    and page.model.pending_count() == 0, timeout=WAIT_MS)
    texts = {c.text for c in svc.contributions.list(sid, 0, 10)}
    assert texts == {FIRST + " ทุกชั่วโมง", SECOND}, "the change went to that entry; nothing added, nothing lost"
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    assert box.toPlainText() == TYPING, "the half-typed words came back after the edit"

    # F2 again, then Esc: edit mode left, nothing changed, the half-typed words back
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.model.index(0, page.model.COL_TEXT)).center())
    qtbot.waitUntil(page.table.hasFocus, timeout=WAIT_MS)
    press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: box.hasFocus() and banner.isVisible(), timeout=WAIT_MS)
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    assert box.toPlainText() == TYPING
    assert flows.page(sala_app.window) is page and page.isVisible(), "Esc in edit mode does not leave the page"
    press(Qt.Key.Key_Return)  # the next speaker's words: a new entry
    qtbot.waitUntil(lambda: len(svc.contributions.list(sid, 0, 10)) == 3, timeout=WAIT_MS)
