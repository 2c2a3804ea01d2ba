"""Minitalk capture as a field officer meets it: reading the list never overwrites an entry,
editing is on purpose and visible, the type goes back to the default, and entries are readable
in full at 1366x768 in the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.ui.minitalk.page import MinitalkPage
from tests.typing import type_text

K = Qt.Key
LONG_THAI = ("ชาวบ้านในตำบลแม่เมาะอยากให้เทศบาลติดตั้งเครื่องวัดฝุ่นละอองขนาดเล็กทุกหมู่บ้าน "
             "และแจ้งเตือนค่าฝุ่นผ่านเสียงตามสายทุกเช้า เพราะผู้สูงอายุและเด็กเล็กไม่ได้ใช้โทรศัพท์มือถือ "
             "อีกทั้งขอให้อำเภอประสานงานกับโรงไฟฟ้าเรื่องการเผาในที่โล่งช่วงเดือนกุมภาพันธ์ถึงเมษายน")


@pytest.fixture
def session_id(services) -> str:
    topic = services.sessions.topics()[0]
    sid = services.sessions.create(SessionInput("เวทีฝุ่นควัน แม่เมาะ", e.SessionKind.MINITALK,
                                                province="LPG", topic_ids=[topic.id])).id
    services.sessions.open(sid)
    return sid


@pytest.fixture
def page(qtbot, services, tasks, thai_ui, session_id) -> MinitalkPage:
    p = MinitalkPage(services, tasks, session_id, "th")
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    with qtbot.waitActive(p):
        p.activateWindow()
    p.capture.box.setFocus()
    return p


def settle(qtbot, page: MinitalkPage, tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending() == 0 and page.model.pending_count() == 0)


def type_where_focused(text: str) -> None:
    """Type as a keyboard does: each key goes to whichever widget has the focus now."""
    for ch in text:
        type_text(QApplication.focusWidget(), ch)


def press_enter(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)


def texts(services, session_id) -> list[str]:
    return [c.text for c in services.contributions.list(session_id)]


def test_reading_a_row_then_typing_the_next_speaker_adds_a_new_entry(qtbot, page, services, tasks, session_id):
    """The issue's flow: click a row to read it, type the next speaker's words, press Enter."""
    type_text(page.capture.box, "อยากให้มีรถเก็บขยะทุกสัปดาห์")
    press_enter(qtbot)
    settle(qtbot, page, tasks)
    rect = page.table.visualRect(page.model.index(0, page.model.COL_TEXT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.table.hasFocus()
    type_where_focused("ขอให้ลดการเผาในไร่")
    assert page.capture.box.toPlainText() == "ขอให้ลดการเผาในไร่"     # the words went to the capture box
    assert not page.capture.edit_banner.isVisible()
    press_enter(qtbot)
    settle(qtbot, page, tasks)
    assert texts(services, session_id) == ["ขอให้ลดการเผาในไร่", "อยากให้มีรถเก็บขยะทุกสัปดาห์"]
    assert page.model.rowCount() == 2


def test_editing_is_explicit_visible_and_escape_leaves_it(qtbot, page, services, tasks, session_id, tmp_path):
    for text in ("ข้อแรก", "ข้อสอง"):
        type_text(page.capture.box, text)
        press_enter(qtbot)
    settle(qtbot, page, tasks)
    type_text(page.capture.box, "กำลังพิมพ์ของคนถัดไป")

    # Double-click the older entry: it comes into the box, a banner says it is being edited.
    rect = page.table.visualRect(page.model.index(1, page.model.COL_TEXT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # double-click
    banner = page.capture.edit_banner
    assert banner.isVisible() and "แก้ไข" in banner.text() and "Esc" in banner.text()
    assert page.capture.box.toPlainText() == "ข้อแรก" and page.capture.box.hasFocus()
    assert page.grab().save(str(tmp_path / "editing.png"))

    qtbot.keyClick(page.capture.box, K.Key_Escape)        # Esc: nothing saved, the typing comes back
    assert not banner.isVisible()
    assert page.capture.box.toPlainText() == "กำลังพิมพ์ของคนถัดไป"
    press_enter(qtbot)                                     # a new entry, not an edit
    settle(qtbot, page, tasks)
    assert texts(services, session_id) == ["กำลังพิมพ์ของคนถัดไป", "ข้อสอง", "ข้อแรก"]

    # The Edit button on the selected row, a change, Enter: that entry changes, nothing is added.
    page.table.selectRow(2)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert banner.isVisible()
    page.capture.box.selectAll()
    type_text(page.capture.box, "ข้อแรก (แก้คำผิด)")
    qtbot.keyClick(page.capture.box, K.Key_F3)            # and its type
    press_enter(qtbot)
    settle(qtbot, page, tasks)
    assert not banner.isVisible() and page.capture.box.toPlainText() == ""
    saved = services.contributions.list(session_id)
    assert [c.text for c in saved] == ["กำลังพิมพ์ของคนถัดไป", "ข้อสอง", "ข้อแรก (แก้คำผิด)"]
    assert saved[2].type == e.ContributionType.IDEA
    assert page.capture.type_buttons[e.ContributionType.OPINION].isChecked()  # back to adding, default type


def test_type_and_stance_go_back_to_default_unless_locked(qtbot, page, services, tasks, session_id):
    box = page.capture.box
    qtbot.keyClick(box, K.Key_F6)                          # praise
    qtbot.keyClick(box, K.Key_F7)                          # support
    type_text(box, "ขอบคุณเจ้าหน้าที่ที่มาฟัง")
    press_enter(qtbot)
    assert page.capture.type_buttons[e.ContributionType.OPINION].isChecked()
    assert not any(b.isChecked() for b in page.capture.stance_buttons.values())
    type_text(box, "ความเห็นธรรมดา")
    press_enter(qtbot)

    lock = page.capture.lock
    assert lock.isVisible() and lock.text()
    qtbot.keyClick(box, K.Key_F4)                          # question
    lock.setChecked(True)
    for text in ("ถามหนึ่ง", "ถามสอง"):
        type_text(box, text)
        press_enter(qtbot)
    assert page.capture.type_buttons[e.ContributionType.QUESTION].isChecked()
    settle(qtbot, page, tasks)
    saved = {c.text: c for c in services.contributions.list(session_id)}
    assert (saved["ขอบคุณเจ้าหน้าที่ที่มาฟัง"].type, saved["ขอบคุณเจ้าหน้าที่ที่มาฟัง"].stance) == (
        e.ContributionType.PRAISE, e.Stance.SUPPORT)
    assert (saved["ความเห็นธรรมดา"].type, saved["ความเห็นธรรมดา"].stance) == (e.ContributionType.OPINION, None)
    assert saved["ถามหนึ่ง"].type == saved["ถามสอง"].type == e.ContributionType.QUESTION


def test_long_thai_entry_is_shown_whole_in_the_main_window_at_1366x768(
        qtbot, services, tasks, settings, thai_ui, session_id, tmp_path):
    from sala.ui.shell.app import create_main_window

    for i in range(3):
        services.contributions.add(session_id,
                                   ContributionInput("opinion", f"สั้น ๆ ข้อ {i + 1}", "neutral", ["PM2.5"], "P01"))
    services.contributions.add(session_id, ContributionInput("concern", LONG_THAI, "support", ["ฝุ่นควัน"], "P12"))
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.open_session(session_id)
    page = w.stack.currentWidget()
    assert isinstance(page, MinitalkPage)
    QApplication.processEvents()
    table, model = page.table, page.model
    widths = {c: table.columnWidth(c) for c in range(model.columnCount())}
    assert max(widths, key=widths.get) == model.COL_TEXT, widths
    assert widths[model.COL_TEXT] >= 400
    # Every column has a label, and each label fits its column (the "amended" state column shows
    # only on a finalized session).
    assert table.isColumnHidden(model.COL_STATE)
    fm = table.horizontalHeader().fontMetrics()
    for c in (c for c in range(model.columnCount()) if not table.isColumnHidden(c)):
        label = model.headerData(c, Qt.Orientation.Horizontal)
        assert label, f"column {c} has no label"
        assert fm.horizontalAdvance(label) < widths[c], (label, widths[c])
    cell_fm = table.fontMetrics()
    for r in range(model.rowCount()):                                   # short values fit on one line
        for c in (model.COL_TIME, model.COL_TYPE, model.COL_STANCE, model.COL_CODE):
            value = model.index(r, c).data()
            assert cell_fm.horizontalAdvance(value) + 6 <= widths[c], (value, widths[c])

    row = next(r for r in range(model.rowCount()) if model.view_at(r).text == LONG_THAI)
    ix = model.index(row, model.COL_TEXT)
    assert ix.data() == LONG_THAI                                       # the whole text, not an elided copy
    metrics = QFontMetrics(table.font())
    qtbot.waitUntil(lambda: table.visualRect(ix).height() > 2 * metrics.lineSpacing())  # fitted as it shows
    rect = table.visualRect(ix)
    needed = metrics.boundingRect(QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, LONG_THAI)
    assert rect.height() > 2 * metrics.lineSpacing()                    # more than one line
    assert rect.height() >= needed.height(), (rect.height(), needed.height())   # tall enough for every line
    short = table.visualRect(model.index(0 if row else 1, model.COL_TEXT))
    assert short.height() >= metrics.height()                           # Thai marks above and below fit
    image = w.grab()
    assert image.save(str(tmp_path / "minitalk_1366x768.png"))
    # Every button and field of the page lies inside the window.
    win = w.rect()
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLineEdit) + page.findChildren(QPlainTextEdit):
        if widget.isVisible():
            top_left = widget.mapTo(w, widget.rect().topLeft())
            box = QRect(top_left, widget.size())
            assert win.contains(box), (widget.objectName() or type(widget).__name__, box, win)
