"""The minitalk page driven by keyboard and mouse as a field officer would, checked in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.services.drafts import capture_key
from sala.storage.models import OutboxEntry
from sala.ui.amend.contribution_dialog import AmendDialog
from sala.ui.minitalk.page import MinitalkPage
from tests.typing import type_text

K = Qt.Key
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def session_id(services) -> str:
    topic = services.sessions.topics()[0]
    return services.sessions.create(SessionInput("มินิทอล์กฝุ่นควัน ลำปาง", e.SessionKind.MINITALK,
                                                 province="LPG", topic_ids=[topic.id])).id


@pytest.fixture
def open_page(qtbot, services, tasks, thai_ui, session_id) -> Callable[[], MinitalkPage]:
    def make() -> MinitalkPage:
        page = MinitalkPage(services, tasks, session_id, "th")
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        with qtbot.waitActive(page):    # shortcuts (F1–F12, Ctrl+Z) go to the active window
            page.activateWindow()
        page.capture.box.setFocus()
        return page
    return make


def settle(qtbot, page: MinitalkPage, tasks) -> None:
    """Wait until every queued write has run and its answer reached the page."""
    qtbot.waitUntil(lambda: tasks.pending() == 0 and page.model.pending_count() == 0)


def saved(services, session_id):
    return services.contributions.list(session_id)


def test_keyboard_capture_saves_and_clears(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    box = page.capture.box
    qtbot.keyClick(box, K.Key_F3)               # idea
    type_text(box, "ควรมีจุดวัดฝุ่นทุกตำบล")
    qtbot.keyClick(box, K.Key_Return, SHIFT)   # a new line inside the entry
    type_text(box, "และแจ้งเตือนทางไลน์")
    qtbot.keyClick(box, K.Key_F7)               # support
    qtbot.keyClick(box, K.Key_F12)              # participant code
    assert page.capture.code.hasFocus()
    qtbot.keyClicks(page.capture.code, "p07")
    qtbot.keyClick(page.capture.code, K.Key_Return)
    assert box.hasFocus()
    qtbot.keyClick(box, K.Key_Return)
    assert box.toPlainText() == ""             # cleared at once for the next speaker
    assert page.model.rowCount() == 1          # shown before the writer answers
    type_text(box, "ฝุ่นหนักช่วงมีนาคม")
    qtbot.keyClick(box, K.Key_F2)               # concern
    qtbot.keyClick(box, K.Key_Return)
    settle(qtbot, page, tasks)
    newest, first = saved(services, session_id)
    assert (first.type, first.text, first.stance, first.participant_code) == (
        e.ContributionType.IDEA, "ควรมีจุดวัดฝุ่นทุกตำบล\nและแจ้งเตือนทางไลน์", e.Stance.SUPPORT, "P07")
    assert (newest.type, newest.stance, newest.participant_code) == (e.ContributionType.CONCERN, None, None)
    assert page.model.view_at(0).id == newest.id   # newest first
    assert page.count.text() == "2 ความคิดเห็น"


def test_stance_key_toggles_and_tags_pick(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    box = page.capture.box
    qtbot.keyClick(box, K.Key_F8)
    qtbot.keyClick(box, K.Key_F8)               # again: no stance
    page.capture.set_tags(["PM2.5"])
    type_text(box, "ไม่แน่ใจ")
    qtbot.keyClick(box, K.Key_Return)
    settle(qtbot, page, tasks)
    [c] = saved(services, session_id)
    assert c.stance is None and c.tags == ("PM2.5",)
    assert page.capture.tags_button.text().startswith("F11")


def test_invalid_code_is_refused_beside_the_field_in_both_languages(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    type_text(page.capture.box, "ข้อความ")
    page.capture.code.setText("P 07!")
    qtbot.keyClick(page.capture.box, K.Key_Return)
    msg = page.capture.error.text()
    assert page.capture.error.isVisible()
    assert "รหัสผู้เข้าร่วม" in msg and "Participant code" in msg
    assert page.capture.box.toPlainText() == "ข้อความ"   # nothing typed is lost
    tasks.wait_idle()
    assert saved(services, session_id) == []


def test_undo_redo_add_edit_delete(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    box = page.capture.box
    for text in ("หนึ่ง", "สอง"):
        type_text(box, text)
        qtbot.keyClick(box, K.Key_Return)
    settle(qtbot, page, tasks)
    ids = [c.id for c in saved(services, session_id)]
    qtbot.keyClick(box, K.Key_Z, CTRL)          # empty box: undo takes back the last entry
    settle(qtbot, page, tasks)
    assert [c.text for c in saved(services, session_id)] == ["หนึ่ง"]
    qtbot.keyClick(box, K.Key_Z, CTRL | SHIFT)  # redo: the same record comes back
    settle(qtbot, page, tasks)
    assert [c.id for c in saved(services, session_id)] == ids

    # Edit on purpose: F2 on the row puts the entry in the capture box (edit mode), Enter saves it.
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, page.model.COL_TEXT))
    qtbot.keyClick(table, K.Key_F2)
    assert page.capture.edit_banner.isVisible() and box.hasFocus()
    box.selectAll()
    type_text(box, "สองแก้แล้ว")
    qtbot.keyClick(box, K.Key_Return)
    assert not page.capture.edit_banner.isVisible()
    settle(qtbot, page, tasks)
    assert services.contributions.get(ids[0]).text == "สองแก้แล้ว"
    qtbot.keyClick(table, K.Key_Z, CTRL)
    settle(qtbot, page, tasks)
    assert services.contributions.get(ids[0]).text == "สอง"

    # Delete key on the list, then undo puts it back with the same id.
    rect = table.visualRect(page.model.index(1, page.model.COL_TIME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, K.Key_Delete)
    settle(qtbot, page, tasks)
    assert [c.id for c in saved(services, session_id)] == [ids[0]]
    qtbot.keyClick(table, K.Key_Z, CTRL)
    settle(qtbot, page, tasks)
    assert [c.id for c in saved(services, session_id)] == ids
    assert [page.model.view_at(r).id for r in range(2)] == ids


def test_typing_undo_stays_with_the_text_box(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    box = page.capture.box
    type_text(box, "ก")
    qtbot.keyClick(box, K.Key_Return)
    type_text(box, "ข้อความที่กำลังพิมพ์")
    qtbot.keyClick(box, K.Key_Z, CTRL)          # undoes typing, not the saved entry
    settle(qtbot, page, tasks)
    assert len(saved(services, session_id)) == 1


def test_draft_survives_closing_the_page(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    qtbot.keyClick(page.capture.box, K.Key_F4)
    type_text(page.capture.box, "คำถามที่ยังพิมพ์ไม่จบ")
    qtbot.waitUntil(lambda: (services.drafts.load(capture_key(session_id)) or {}).get("text") == "คำถามที่ยังพิมพ์ไม่จบ")
    page.close()
    again = open_page()
    assert again.capture.box.toPlainText() == "คำถามที่ยังพิมพ์ไม่จบ"
    assert again.capture.type_buttons[e.ContributionType.QUESTION].isChecked()
    qtbot.keyClick(again.capture.box, K.Key_Return)
    settle(qtbot, again, tasks)
    assert services.drafts.load(capture_key(session_id)) is None
    assert saved(services, session_id)[0].type == e.ContributionType.QUESTION


def test_tally_action_item_and_notes_by_keyboard(qtbot, open_page, services, tasks, session_id):
    page = open_page()
    tallies = page.tallies
    type_text(tallies.question, "ห้ามเผาช่วงหน้าแล้ง")
    for box, n in zip(tallies.counts, ("23", "4", "2"), strict=True):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, n)
    qtbot.keyClick(tallies.question, K.Key_Return)
    qtbot.waitUntil(lambda: tallies.table.rowCount() == 1)
    [t] = services.tallies.list(session_id)
    assert (t.question, t.count_for, t.count_against, t.count_abstain) == ("ห้ามเผาช่วงหน้าแล้ง", 23, 4, 2)
    tallies.table.item(0, 1).setText("25")       # corrected in place, saved without a button
    tasks.wait_idle()
    assert services.tallies.list(session_id)[0].count_for == 25

    actions = page.actions_panel
    qtbot.keyClick(actions.what, K.Key_Return)   # empty: refused beside the form
    assert "Action" in actions.error.text() and "สิ่งที่ต้องทำ" in actions.error.text()
    type_text(actions.what, "ทำหนังสือถึงอำเภอ")
    type_text(actions.who, "ปลัด อบต.")
    qtbot.keyClick(actions.who, K.Key_Return)
    qtbot.waitUntil(lambda: actions.table.rowCount() == 1)
    assert services.action_items.list(session_id)[0].who == "ปลัด อบต."

    type_text(page.notes.edit, "ผู้เข้าร่วม 40 คน")
    qtbot.waitUntil(lambda: services.sessions.get(session_id).notes == "ผู้เข้าร่วม 40 คน")


def _answer_modal(qtbot, fn: Callable[[object], None]) -> None:
    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(20, poll)
        else:
            fn(w)
    QTimer.singleShot(0, poll)


def test_finalize_makes_page_read_only_and_amendment_shows_beside_original(qtbot, open_page, services, tasks,
                                                                          session_id):
    services.contributions.add(session_id, ContributionInput("opinion", "ควรปลูกต้นไม้เพิ่ม", "support"))
    page = open_page()
    qtbot.mouseClick(page.header.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.header.finalize_button.isVisible())
    seen: list[str] = []

    def confirm(box) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()
    _answer_modal(qtbot, confirm)
    qtbot.mouseClick(page.header.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.read_only)
    assert seen[0].startswith("ยืนยันผลเวที") and "อ่านอย่างเดียว" in seen[0]  # Thai UI: the Thai text
    assert not page.capture.box.isVisible() and page.capture.state_note.isVisible()
    assert not page.model.flags(page.model.index(0, page.model.COL_TEXT)) & Qt.ItemFlag.ItemIsEditable
    page.table.selectRow(0)
    qtbot.keyClick(page.table, K.Key_Delete)
    tasks.wait_idle()
    assert len(saved(services, session_id)) == 1

    def amend(dlg) -> None:
        assert isinstance(dlg, AmendDialog)
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)     # no reason: refused
        qtbot.waitUntil(lambda: dlg.errors["reason"].isVisible())
        assert "เหตุผล" in dlg.errors["reason"].text() and "Reason" in dlg.errors["reason"].text()
        dlg.text.selectAll()
        type_text(dlg.text, "ควรปลูกต้นไม้เพิ่มในโรงเรียน")
        type_text(dlg.reason, "ผู้พูดขอแก้ไข")
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    _answer_modal(qtbot, amend)
    qtbot.mouseClick(page.amend_button, Qt.MouseButton.LeftButton)
    text_ix = page.model.index(0, page.model.COL_TEXT)
    assert text_ix.data() == "ควรปลูกต้นไม้เพิ่มในโรงเรียน"
    assert page.model.index(0, page.model.COL_STATE).data() != ""
    assert "ผู้พูดขอแก้ไข" in text_ix.data(Qt.ItemDataRole.ToolTipRole)
    assert "ควรปลูกต้นไม้เพิ่ม" in text_ix.data(Qt.ItemDataRole.ToolTipRole)
    assert saved(services, session_id)[0].text == "ควรปลูกต้นไม้เพิ่ม"   # the original is kept
    assert page.amendments.count() == 1
    with services.db.read() as s:
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "amendment")).first() is not None


def test_main_window_reopens_the_last_session(qtbot, services, tasks, settings, thai_ui, session_id):
    from sala.ui.shell.app import create_main_window, reopen_last_session

    first = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(first)
    first.open_session(session_id)
    assert isinstance(first.stack.currentWidget(), MinitalkPage)
    settings.sync()
    again = create_main_window(services, tasks, settings, "th")   # the next start
    qtbot.addWidget(again)
    assert reopen_last_session(again, settings)
    page = again.stack.currentWidget()
    assert isinstance(page, MinitalkPage) and page.session_id == session_id
    again.action_sessions.trigger()                                  # back to the list on purpose
    assert not reopen_last_session(create_main_window(services, tasks, settings, "th"), settings)
