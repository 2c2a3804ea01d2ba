"""A minitalk on the field day, by keyboard, in the real window on xcb at 1366x768: create, head
count, start, capture, close, finalize, print the summary and read it back, sync to a real
``sala-central``."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.fieldday import flows
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    press,
    printed_run,
    tab_to,
    type_text,
    words_split_across_lines,
)
from tests.reports_helpers import squash

TOPIC = "ปัญหาฝุ่นละออง PM2.5 และหมอกควัน"
SAID = [
    ("praise", "ขอบคุณเจ้าหน้าที่ที่มารับฟังความคิดเห็นของชาวบ้านถึงในหมู่บ้าน"),
    ("opinion", "อยากให้เทศบาลประกาศห้ามเผาในที่โล่งช่วงเดือนกุมภาพันธ์ถึงเมษายนและมีคนตรวจจริงจัง"),
    ("concern", ("ผู้สูงอายุและเด็กเล็กในหมู่บ้านป่าแดดไอเรื้อรังทุกปี รพ.สต.บ้านป่าแดดไม่มีเครื่องวัดฝุ่นและหน้ากากไม่พอแจก"
                "ขอให้องค์การบริหารส่วนตำบลร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลจัดหาหน้ากากอนามัยให้กลุ่มเสี่ยงก่อนฤดูเผา")),
    ("opinion", "ควรมีจุดรับซื้อเศษวัสดุการเกษตรแทนการเผา"),
]


def test_minitalk_field_day(sala_app, central, qtbot, shots, tmp_path):
    window = sala_app.window
    shots.take("list")
    assert_all_visible_inside_screen(window)
    sid = flows.create_session(qtbot, window, shots, kind_index=0,
                               venue="ศาลาประชาคมบ้านป่าแดด", province="เชียงใหม่", district="เมืองเชียงใหม่",
                               topic_index=7, facilitators="สมชาย ใจดี, สุดา รักษ์ถิ่น")
    page = flows.page(window)
    shots.take("opened")
    assert_all_visible_inside_screen(window)
    assert flows.status_of(window) == "draft"

    flows.record_head_count(qtbot, window, shots, 30)
    started = flows.local_now()
    flows.move(qtbot, window, shots, "openButton", "open")

    # -- capture by keyboard ---------------------------------------------------------------------
    box = page.capture.box
    tab_to(box)
    press(Qt.Key.Key_F6)  # praise
    type_text(SAID[0][1])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=WAIT_MS)
    # the next speaker: no type key pressed, so a plain opinion (the type went back to the default)
    press(Qt.Key.Key_F7)  # support
    press(Qt.Key.Key_F12)  # participant code
    type_text("P01")
    press(Qt.Key.Key_Return)  # back to the box
    assert box.hasFocus()
    type_text(SAID[1][1])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total() == 2, timeout=WAIT_MS)
    press(Qt.Key.Key_F2)  # concern
    press(Qt.Key.Key_F8)  # oppose
    type_text(SAID[2][1])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total() == 3, timeout=WAIT_MS)
    shots.take("captured-3")
    assert_all_visible_inside_screen(window)

    # reading an earlier entry back (a click on its row), then a click in the box and the next
    # speaker's words: a new entry, nothing overwritten. (By mouse, as the issue tells it: from the
    # table no key leads back to the box, Tab and Shift+Tab move between its cells.)
    first = page.table.visualRect(page.model.index(page.model.rowCount() - 1, page.model.COL_TEXT))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    qtbot.waitUntil(lambda: page.table.currentIndex().isValid(), timeout=WAIT_MS)
    QTest.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=box.viewport().rect().center())
    qtbot.waitUntil(box.hasFocus, timeout=WAIT_MS)
    type_text(SAID[3][1])
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.total() == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.model.pending_count() == 0, timeout=WAIT_MS)
    saved = {v.text: v for v in sala_app.services.contributions.list(sid, 0, 100)}
    assert set(saved) == {text for _, text in SAID}, "every entry saved once, none overwritten"
    for kind, text in SAID:
        assert saved[text].type.value == kind, (text[:20], saved[text].type)
    assert saved[SAID[1][1]].participant_code == "P01" and saved[SAID[1][1]].stance.value == "support"
    assert saved[SAID[0][1]].stance is None, "the stance went back to none after the first save"
    shots.take("captured-4")

    # -- close: read-only until reopened ------------------------------------------------------------
    flows.move(qtbot, window, shots, "closeButton", "closed")
    closed = flows.local_now()
    assert not (box.isVisible() and box.isEnabled() and not box.isReadOnly()), "a closed session takes no typing"

    flows.finalize(qtbot, window, shots)
    assert_all_visible_inside_screen(window)

    # -- the printed summary, read back --------------------------------------------------------------
    pdf = flows.print_summary(qtbot, window, shots)
    assert flows.be_year(started) in pdf.name, f"the file name gives the Buddhist Era year: {pdf.name}"
    text = flows.pdf(pdf)
    (tmp_path / "summary.txt").write_text(text, encoding="utf-8")
    flat = squash(text)
    flows.check_pdf_times(text, sala_app.services.sessions.get(sid), started, closed, ("09:00", "11:00"))
    assert flows.be_year(started) in text, "the date is in the Buddhist Era"
    assert squash(TOPIC) in flat, "the topic is printed"
    # Every wrapped text, line by line (the whole page's text is not judged: pdftotext joins a
    # heading to the paragraph above it with a bare line end, which is no break inside a word).
    title = page.header.detail.title
    for said in [title] + [t for _, t in SAID]:
        run = printed_run(text, said)
        assert words_split_across_lines("\n".join(run), {"รพ.สต."}) == [], run
    assert len(printed_run(text, SAID[2][1])) >= 3, "the long entry really wraps (or the check proves nothing)"

    # -- sync to the real sala-central ---------------------------------------------------------------
    flows.enroll(qtbot, window, shots, central.url, central.code)
    report = flows.sync_now(qtbot, window, shots)
    assert str(getattr(report, "outcome", "")) not in ("reenroll", "failed"), report
    on_server = flows.landed(central)
    sessions = {rid: b for (rid, typ), b in on_server.items() if typ == "session"}
    assert sid in sessions and sessions[sid]["attendance_total"] == 30
    texts = {b.get("text") for (_, typ), b in on_server.items() if typ == "contribution"}
    assert {t for _, t in SAID} <= texts
    assert_all_visible_inside_screen(window)

    # -- the head count, printed apart from who spoke --------------------------------------------------
    head = [ln for ln in text.splitlines() if "ผู้เข้าร่วม" in ln]
    assert any(re.search(r"ผู้เข้าร่วม\s*30\s*คน", ln) for ln in head), f"the head count (30 people) is printed: {head}"
    assert any(re.search(r"ผู้แสดงความเห็น\s*1\s*คน", ln) for ln in head), f"apart from who spoke (P01): {head}"

