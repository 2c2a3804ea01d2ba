"""A finalized focus group: nothing is captured, edited or undone (Ctrl+Z says why, in Thai and
English); answers, observations and the session title are corrected by amendments with a
reason, shown beside the original, which stays as it was in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.storage.models import Amendment
from sala.ui.amend.record_dialog import AmendRecordDialog
from sala.ui.focus_group.page import FocusGroupPage
from tests.typing import type_text

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def finalized(services) -> tuple[str, str, str]:
    sid = services.sessions.create(SessionInput("สนทนากลุ่มฝุ่น PM2.5", e.SessionKind.FOCUS_GROUP, province="LPG")).id
    g = services.guides.ensure_session_guide(sid)
    q = services.guides.add_question(g.id, "ฝุ่นกระทบท่านอย่างไร")
    a = services.contributions.add(sid, ContributionInput("opinion", "ไอทุกเช้า", participant_code="P01",
                                                          question_id=q.id))
    o = services.observations.add(sid, "บรรยากาศตึงเครียด", q.id)
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    return sid, a.id, o.id


@pytest.fixture
def page(open_focus_group, finalized) -> FocusGroupPage:
    return open_focus_group(finalized[0])


def amend_dialog(qtbot, owner) -> AmendRecordDialog:
    qtbot.waitUntil(lambda: owner.dialog is not None and owner.dialog.isVisible())
    assert isinstance(owner.dialog, AmendRecordDialog)
    return owner.dialog


def test_finalized_page_is_read_only_and_undo_is_refused(qtbot, services, tasks, finalized, page) -> None:
    sid = finalized[0]
    assert page.read_only
    assert not page.answers.text.isVisible() and not page.answers.observation.isVisible()
    assert not page.guide.new_question.isVisible()
    assert page.answers.answer_buttons["amend"].isVisible() and not page.answers.answer_buttons["delete"].isVisible()
    people = page.participants
    assert not people.add_button.isVisible() and not people.remove_button.isVisible()
    assert people.rows and not any(w.isEnabled() for w in people.rows[0].widgets()), "participants shown, not edited"
    lst = page.answers.answers
    lst.setFocus()
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, K.Key_Delete)                  # nothing to delete in a finalized session
    qtbot.keyClick(lst, K.Key_Z, CTRL)
    assert page.notice.isVisible()
    assert "ยืนยันแล้ว" in page.notice.text() and "finalized" in page.notice.text()
    qtbot.keyClick(lst, K.Key_Z, CTRL | SHIFT)         # redo too
    assert "undone or redone" in page.notice.text()
    tasks.wait_idle()
    assert [c.text for c in services.contributions.list(sid)] == ["ไอทุกเช้า"]
    assert len(services.observations.list(sid)) == 1


def test_undo_history_ends_at_finalize(qtbot, services, tasks, page, open_focus_group) -> None:
    sid = services.sessions.create(SessionInput("อีกเวที", e.SessionKind.FOCUS_GROUP, province="CMI")).id
    p = open_focus_group(sid)
    type_text(p.answers.text, "คำตอบก่อนปิดเวที")
    qtbot.keyClick(p.answers.text, K.Key_Return)
    tasks.wait_idle()
    qtbot.mouseClick(p.header.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.header.finalize_button.isVisible())
    p.header.confirm_finalize = lambda: True
    qtbot.mouseClick(p.header.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.read_only)
    qtbot.keyClick(p.answers.answers, K.Key_Z, CTRL)
    assert p.notice.isVisible()
    tasks.wait_idle()
    assert [c.text for c in services.contributions.list(sid)] == ["คำตอบก่อนปิดเวที"]


def test_amend_answer_and_observation_shown_beside_original(qtbot, services, tasks, finalized, page) -> None:
    sid, answer_id, obs_id = finalized
    lst = page.answers.answers
    lst.setFocus()
    lst.setCurrentRow(0)
    qtbot.keyClick(lst, K.Key_F2)                       # F2 on a finalized answer: amend
    dlg = amend_dialog(qtbot, page.answers)
    assert "ไอทุกเช้า" in dlg.findChild(type(dlg.errors["text"]), "original_text").text()
    dlg.editors["text"].selectAll()
    type_text(dlg.editors["text"], "ไอทุกเช้า ลูกเป็นหอบหืด")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)   # no reason: refused, dialog stays
    qtbot.waitUntil(lambda: dlg.errors["reason"].isVisible())
    assert "เหตุผล" in dlg.errors["reason"].text() and "Reason" in dlg.errors["reason"].text()
    type_text(dlg.reason, "ผู้พูดขอเพิ่มเติม")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ลูกเป็นหอบหืด" in lst.item(0).text())
    corrected, original, reason = lst.item(0).text().split("\n")
    assert corrected == "P01: ไอทุกเช้า ลูกเป็นหอบหืด"
    assert original.endswith("P01: ไอทุกเช้า")              # the original, right under the correction
    assert "ผู้พูดขอเพิ่มเติม" in reason
    assert services.contributions.get(answer_id).text == "ไอทุกเช้า"    # the finalized record is kept

    olst = page.answers.observations
    olst.setFocus()
    olst.setCurrentRow(0)
    qtbot.mouseClick(page.answers.obs_buttons["amend"], Qt.MouseButton.LeftButton)
    dlg = amend_dialog(qtbot, page.answers)
    dlg.editors["text"].selectAll()
    type_text(dlg.editors["text"], "บรรยากาศผ่อนคลายขึ้นตอนท้าย")
    type_text(dlg.reason, "จดผิด")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ผ่อนคลาย" in olst.item(0).text())
    assert "บรรยากาศตึงเครียด" in olst.item(0).text()
    assert services.observations.get(obs_id).text == "บรรยากาศตึงเครียด"
    with services.db.read() as s:
        rows = {(a.target_type, a.target_id, a.reason) for a in s.scalars(select(Amendment))}
    assert rows == {("contribution", answer_id, "ผู้พูดขอเพิ่มเติม"), ("observation", obs_id, "จดผิด")}


def test_amend_session_title_in_header(qtbot, services, tasks, finalized, page) -> None:
    sid = finalized[0]
    header = page.header
    assert header.amend_button.isVisible() and not header.amended_note.isVisible()
    qtbot.mouseClick(header.amend_button, Qt.MouseButton.LeftButton)
    dlg = amend_dialog(qtbot, header)
    dlg.editors["title"].selectAll()
    type_text(dlg.editors["title"], "สนทนากลุ่มฝุ่น PM2.5 ตำบลบ้านดง")
    type_text(dlg.reason, "ระบุตำบลให้ชัด")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: header.amended_note.isVisible())
    assert header.title.text() == "สนทนากลุ่มฝุ่น PM2.5 ตำบลบ้านดง"
    assert "สนทนากลุ่มฝุ่น PM2.5" in header.amended_note.text() and "ระบุตำบลให้ชัด" in header.amended_note.text()
    assert services.sessions.get(sid).title == "สนทนากลุ่มฝุ่น PM2.5"
    assert services.amendments.effective(sid)[sid][0] == {"title": "สนทนากลุ่มฝุ่น PM2.5 ตำบลบ้านดง"}


def test_screenshots_of_open_and_finalized_pages_in_thai(qtbot, services, tasks, finalized, page, open_focus_group,
                                                         screenshot) -> None:
    """Looked at by a person: answers, observations and an amended answer, in Thai, unclipped."""
    sid, answer_id, obs_id = finalized
    services.amendments.amend("contribution", answer_id, {"text": "ไอทุกเช้า ลูกเป็นหอบหืด ต้องพาไปหาหมอบ่อยขึ้น"},
                              "ผู้พูดขอเพิ่มเติมหลังปิดเวที")
    page.answers.load_lists()
    screenshot(page, "focus_group_finalized_th")
    assert page.answers.answers.item(0).text().count("\n") == 2

    other = services.sessions.create(SessionInput("สนทนากลุ่มเยาวชน เรื่องฝุ่นควันและสุขภาพ", e.SessionKind.FOCUS_GROUP,
                                                   province="CMI")).id
    g = services.guides.ensure_session_guide(other)
    for q in ("ปัญหาฝุ่นควันส่งผลต่อสุขภาพและการทำมาหากินของท่านอย่างไร", "ใครควรแก้ไข", "ข้อเสนอของท่าน"):
        services.guides.add_question(g.id, q)
    p = open_focus_group(other)
    for code, text in (("P01", "ไอทุกเช้า ลูกเป็นหอบหืด ต้องพาไปหาหมอบ่อยขึ้น"), ("P02", "ขายของไม่ได้ช่วงเดือนมีนาคม"),
                       ("P03", "อยากให้มีเครื่องวัดฝุ่นที่โรงเรียนและแจ้งเตือนผ่านไลน์กลุ่มหมู่บ้าน")):
        p.answers.code.setEditText(code)
        type_text(p.answers.text, text)
        qtbot.keyClick(p.answers.text, K.Key_Return)
    type_text(p.answers.observation, "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม")
    qtbot.keyClick(p.answers.observation, K.Key_Return)
    p.answers.obs_for_question.setChecked(False)
    type_text(p.answers.observation, "บรรยากาศเป็นกันเอง")
    qtbot.keyClick(p.answers.observation, K.Key_Return)
    qtbot.waitUntil(lambda: tasks.pending() == 0 and not p.answers.answers.is_pending(0))
    screenshot(p, "focus_group_open_th")
