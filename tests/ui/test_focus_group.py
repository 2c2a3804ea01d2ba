"""Focus group page driven as a facilitator would: build the guide, move through it by keys,
type answers by participant code, note observations; then check the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.focus_group.page import FocusGroupPage
from tests.typing import type_text


@pytest.fixture
def sid(focus_group_sid) -> str:
    return focus_group_sid


@pytest.fixture
def page(open_focus_group, sid):
    return open_focus_group(sid, active=False)


def _settle(qtbot, tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending() == 0)


def _add_question(qtbot, tasks, page, text: str) -> None:
    page.guide.new_question.setFocus()
    type_text(page.guide.new_question, text)
    qtbot.keyClick(page.guide.new_question, Qt.Key.Key_Return)
    _settle(qtbot, tasks)


def test_guide_answers_by_code_and_keyboard_navigation(qtbot, services, tasks, sid, page) -> None:
    for q in ("ปัญหาฝุ่นกระทบท่านอย่างไร", "ใครควรแก้ไข", "ข้อเสนอของท่าน"):
        _add_question(qtbot, tasks, page, q)
    assert page.guide.list.count() == 3
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.answers.question.text == "ปัญหาฝุ่นกระทบท่านอย่างไร"
    assert "1" in page.answers.position_label.text()

    qtbot.keyClick(page.answers.text, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # P03
    type_text(page.answers.text, "ไอทุกเช้า")
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    assert page.answers.text.text() == ""  # cleared at once for the next speaker
    page.answers.code.setEditText("")
    qtbot.keyClicks(page.answers.code.lineEdit(), "p01")
    page.answers.text.setFocus()
    type_text(page.answers.text, "ลูกหอบหืด")
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    _settle(qtbot, tasks)
    assert page.answers.answers.count() == 2

    qtbot.keyClick(page.answers.text, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.answers.question.text == "ใครควรแก้ไข"
    assert page.answers.answers.count() == 0
    type_text(page.answers.text, "เทศบาล")
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    type_text(page.answers.observation, "ผู้สูงอายุพูดน้อย")
    qtbot.keyClick(page.answers.observation, Qt.Key.Key_Return)
    _settle(qtbot, tasks)

    guide = services.guides.session_guide(sid)
    q1, q2 = guide.questions[0].id, guide.questions[1].id
    rows = {(c.question_id, c.participant_code, c.text) for c in services.contributions.list(sid)}
    assert rows == {(q1, "P03", "ไอทุกเช้า"), (q1, "P01", "ลูกหอบหืด"), (q2, "P01", "เทศบาล")}
    assert [(o.question_id, o.text) for o in services.observations.list(sid)] == [(q2, "ผู้สูงอายุพูดน้อย")]
    # codes first typed in answers appear in the participants table
    assert sorted(page.participants.codes()) == ["P01", "P03"]


def test_guide_edit_in_place_reorder_and_template_round_trip(qtbot, services, tasks, sid, page) -> None:
    _add_question(qtbot, tasks, page, "ข้อดี")
    _add_question(qtbot, tasks, page, "ข้อเสีย")
    item = page.guide.list.item(1)
    item.setText("ข้อเสียและความเสี่ยง")  # what the in-place editor commits
    _settle(qtbot, tasks)
    page.guide.list.setCurrentRow(1)
    qtbot.mouseClick(page.guide.up_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, tasks)
    assert [q.text for q in services.guides.session_guide(sid).questions] == ["ข้อเสียและความเสี่ยง", "ข้อดี"]
    page.guide.save_as_template("แม่แบบ BCG")
    _settle(qtbot, tasks)
    assert page.guide.templates.count() == 1
    other = services.sessions.create(SessionInput("อีกเวที", e.SessionKind.FOCUS_GROUP, province="CMI")).id
    p2 = FocusGroupPage(services, tasks, other, "th")
    qtbot.addWidget(p2)
    assert p2.guide.list.count() == 0 and "ยังไม่มีคำถาม" in p2.answers.question_label.text()
    qtbot.mouseClick(p2.guide.apply_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, tasks)
    assert [p2.guide.list.item(i).text() for i in range(2)] == ["ข้อเสียและความเสี่ยง", "ข้อดี"]


def test_refused_answer_keeps_the_words(qtbot, services, tasks, sid, page) -> None:
    page.answers.code.setEditText("P 01!")  # not a valid code
    type_text(page.answers.text, "คำตอบที่ต้องไม่หาย")
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    _settle(qtbot, tasks)
    assert page.answers.text.text() == "คำตอบที่ต้องไม่หาย"
    assert page.answers.error.isVisible() and "P 01!" in page.answers.error.text()
    assert services.contributions.count(sid) == 0


def test_screenshot_thai(qtbot, tasks, services, sid, page, screenshot) -> None:
    for q in ("ปัญหาฝุ่นควันส่งผลต่อสุขภาพและการทำมาหากินของท่านอย่างไร", "ใครควรแก้ไข", "ข้อเสนอ"):
        _add_question(qtbot, tasks, page, q)
    page.guide.list.setCurrentRow(0)
    for code, text in (("P01", "ไอทุกเช้า ลูกเป็นหอบหืด ต้องพาไปหาหมอบ่อยขึ้น"), ("P02", "ขายของไม่ได้ช่วงเดือนมีนาคม")):
        page.answers.code.setEditText(code)
        type_text(page.answers.text, text)
        qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    type_text(page.answers.observation, "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม")
    qtbot.keyClick(page.answers.observation, Qt.Key.Key_Return)
    _settle(qtbot, tasks)
    screenshot(page, "focus_group_th")
