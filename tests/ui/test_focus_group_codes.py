"""Issue 10's focus-group flow: a new session's first answer is typed at once, Enter. The code box
held a grey "P01" placeholder that looked chosen, and the answer was stored with no code (shown as
"—"). Now the box holds a real code, an empty box says plainly that no speaker is recorded, and a
placeholder code such as "—" is refused with the words kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from sala.domain import enums as e
from sala.domain.inputs import ParticipantInput, SessionInput
from sala.ui.focus_group.page import FocusGroupPage
from tests.typing import type_text


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("สนทนากลุ่มฝุ่น PM2.5", e.SessionKind.FOCUS_GROUP, province="LPG")).id


def _page(qtbot, services, tasks, sid):
    p = FocusGroupPage(services, tasks, sid, "th")
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    qtbot.waitExposed(p)
    return p


def _answer(qtbot, tasks, page, text: str) -> None:
    page.answers.text.setFocus()
    type_text(page.answers.text, text)
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tasks.pending() == 0)


def test_first_answer_of_a_new_session_is_stored_with_the_code_shown(qtbot, services, tasks, sid, fonts,
                                                                     thai_ui, screenshot) -> None:
    page = _page(qtbot, services, tasks, sid)
    box = page.findChild(QComboBox, "participantCode")
    assert box is page.answers.code and box.currentText() == "P01"  # a real value, not a grey hint
    _answer(qtbot, tasks, page, "ฝุ่นหนักช่วงเผาไร่")
    [c] = services.contributions.list(sid)
    assert c.participant_code == "P01"
    assert page.answers.answers.item(0).text() == "P01: ฝุ่นหนักช่วงเผาไร่"
    assert [p.code for p in services.participants.list(sid)] == ["P01"]

    box.setEditText("")  # the speaker is not known: said in words, stored without a code
    assert box.lineEdit().placeholderText() == "ไม่ระบุผู้พูด"
    _answer(qtbot, tasks, page, "มีคนตะโกนจากท้ายห้อง")
    unnamed = [c for c in services.contributions.list(sid) if c.text == "มีคนตะโกนจากท้ายห้อง"]
    assert [c.participant_code for c in unnamed] == [None]
    assert any(page.answers.answers.item(i).text() == "ไม่ระบุผู้พูด: มีคนตะโกนจากท้ายห้อง"
               for i in range(page.answers.answers.count()))

    box.setEditText("—")  # a placeholder is never stored as a code
    _answer(qtbot, tasks, page, "คำตอบที่ต้องไม่หาย")
    assert page.answers.error.isVisible() and "—" in page.answers.error.text()
    assert page.answers.text.text() == "คำตอบที่ต้องไม่หาย"  # the words stay
    assert all(c.participant_code != "—" for c in services.contributions.list(sid))
    assert len(services.contributions.list(sid)) == 2
    screenshot(page, "focus_group_answers_1366")


def test_box_starts_at_the_sessions_first_participant(qtbot, services, tasks, sid, fonts, thai_ui) -> None:
    services.participants.add(sid, ParticipantInput("P03"))
    services.participants.add(sid, ParticipantInput("P02"))
    page = _page(qtbot, services, tasks, sid)
    assert page.answers.code.currentText() == "P02"
    assert [page.answers.code.itemText(i) for i in range(page.answers.code.count())] == ["P02", "P03"]


def test_closed_focus_group_takes_no_typing_until_reopened(qtbot, services, tasks, sid, fonts, thai_ui) -> None:
    page = _page(qtbot, services, tasks, sid)
    _answer(qtbot, tasks, page, "ก่อนปิด")
    qtbot.mouseClick(page.header.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.header.detail.status == e.SessionStatus.CLOSED)
    assert page.notice.isVisible() and "ปิดแล้ว" in page.notice.text()
    for line in (page.answers.text, page.answers.observation, page.guide.new_question):
        assert not (line.isVisible() and line.isEnabled()), line.placeholderText()
    assert not page.participants.add_button.isVisible() and not page.photos.choose_button.isVisible()
    page.answers.text.setText("หลังปิด")
    page.answers.save_answer()  # Enter by any other way: refused too
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    assert [c.text for c in services.contributions.list(sid)] == ["ก่อนปิด"]
    page.undo_actions.undo()  # Ctrl+Z would take the answer back out of a closed session
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    assert [c.text for c in services.contributions.list(sid)] == ["ก่อนปิด"] and "ปิดแล้ว" in page.notice.text()
    assert "ปิดแล้ว" in page.photos.hint.text()
    qtbot.mouseClick(page.header.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.header.detail.status == e.SessionStatus.OPEN)
    assert page.answers.text.isEnabled() and not page.notice.isVisible()
    qtbot.keyClick(page.answers.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(services.contributions.list(sid)) == 2)
