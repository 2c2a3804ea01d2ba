"""Focus group answers and observations: add, edit and delete by keyboard, each undone and
redone with Ctrl+Z / Ctrl+Shift+Z, checked in the database (redo and undo-of-delete bring back
the very same record: same id, same time)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sala.ui.focus_group.edit_dialog import EditEntryDialog
from sala.ui.focus_group.page import FocusGroupPage
from tests.typing import type_text

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def sid(services, focus_group_sid) -> str:
    sid = focus_group_sid
    g = services.guides.ensure_session_guide(sid)
    services.guides.add_question(g.id, "ฝุ่นกระทบท่านอย่างไร")
    return sid


@pytest.fixture
def page(open_focus_group, sid) -> FocusGroupPage:
    p = open_focus_group(sid)  # active: shortcuts (Ctrl+Z) go to the active window
    p.answers.text.setFocus()
    return p


def settle(qtbot, tasks, page) -> None:
    """Every queued write has run and its answer reached the lists."""
    lists = (page.answers.answers, page.answers.observations)
    qtbot.waitUntil(lambda: tasks.pending() == 0 and not any(
        lst.is_pending(r) for lst in lists for r in range(lst.count())))


def answer(qtbot, page, code: str, text: str) -> None:
    page.answers.code.setEditText(code)
    page.answers.text.setFocus()
    type_text(page.answers.text, text)
    qtbot.keyClick(page.answers.text, K.Key_Return)


def rows(services, sid) -> list[tuple[str, str | None, str]]:
    return [(c.id, c.participant_code, c.text) for c in services.contributions.list(sid)]


def back_to_page(qtbot, page) -> None:
    """The dialog is gone; the window manager gives the page back its keys."""
    qtbot.waitUntil(lambda: not page.answers.dialog.isVisible())
    with qtbot.waitActive(page):
        page.activateWindow()


def edit_dialog(qtbot, page) -> EditEntryDialog:
    qtbot.waitUntil(lambda: page.answers.dialog is not None and page.answers.dialog.isVisible())
    dlg = page.answers.dialog
    assert isinstance(dlg, EditEntryDialog)
    return dlg


def test_answers_add_edit_delete_with_undo_and_redo(qtbot, services, tasks, sid, page) -> None:
    answer(qtbot, page, "p01", "ไอทุกเช้า")
    answer(qtbot, page, "P02", "ขายของไม่ได้")
    assert page.answers.answers.count() == 2          # shown before the writer answers
    settle(qtbot, tasks, page)
    first = rows(services, sid)
    assert [(code, text) for _id, code, text in first] == [("P02", "ขายของไม่ได้"), ("P01", "ไอทุกเช้า")]
    stored = {c.id: c for c in services.contributions.list(sid)}

    qtbot.keyClick(page.answers.text, K.Key_Z, CTRL)     # empty line: undo takes back the last answer
    settle(qtbot, tasks, page)
    assert [text for _i, _c, text in rows(services, sid)] == ["ไอทุกเช้า"]
    assert page.answers.answers.count() == 1
    qtbot.keyClick(page.answers.text, K.Key_Z, CTRL | SHIFT)   # redo: the same record comes back
    settle(qtbot, tasks, page)
    assert rows(services, sid) == first
    again = {c.id: c for c in services.contributions.list(sid)}
    assert {i: c.recorded_at for i, c in again.items()} == {i: c.recorded_at for i, c in stored.items()}

    # Edit: select the older answer, F2 opens a small dialog; fix the text and the code.
    lst = page.answers.answers
    lst.setFocus()
    qtbot.keyClick(lst, K.Key_End)                      # the older answer (newest are on top)
    qtbot.keyClick(lst, K.Key_F2)
    dlg = edit_dialog(qtbot, page)
    type_text(dlg.text, "ไอทุกเช้า ลูกเป็นหอบหืด")        # the old text is selected: typing replaces it
    dlg.code.setEditText("p03")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    back_to_page(qtbot, page)
    settle(qtbot, tasks, page)
    older_id = first[1][0]
    assert services.contributions.get(older_id).text == "ไอทุกเช้า ลูกเป็นหอบหืด"
    assert services.contributions.get(older_id).participant_code == "P03"
    assert "P03: ไอทุกเช้า ลูกเป็นหอบหืด" in lst.item(1).text()
    qtbot.keyClick(lst, K.Key_Z, CTRL)
    settle(qtbot, tasks, page)
    assert (services.contributions.get(older_id).participant_code, services.contributions.get(older_id).text) == (
        "P01", "ไอทุกเช้า")
    qtbot.keyClick(lst, K.Key_Z, CTRL | SHIFT)
    settle(qtbot, tasks, page)
    assert services.contributions.get(older_id).text == "ไอทุกเช้า ลูกเป็นหอบหืด"

    # Delete with the Delete key; undo puts back the same record, in its place.
    qtbot.keyClick(lst, K.Key_Home)
    qtbot.keyClick(lst, K.Key_Delete)
    settle(qtbot, tasks, page)
    assert [i for i, _c, _t in rows(services, sid)] == [older_id]
    qtbot.keyClick(lst, K.Key_Z, CTRL)
    settle(qtbot, tasks, page)
    assert [i for i, _c, _t in rows(services, sid)] == [first[0][0], older_id]
    assert [lst.view_at(r).id for r in range(lst.count())] == [first[0][0], older_id]


def test_edit_dialog_refuses_a_bad_code_beside_the_field(qtbot, services, tasks, sid, page) -> None:
    answer(qtbot, page, "P01", "ควรมีเครื่องวัดฝุ่น")
    settle(qtbot, tasks, page)
    lst = page.answers.answers
    lst.setFocus()
    qtbot.keyClick(lst, K.Key_Home)
    qtbot.keyClick(lst, K.Key_Return)                   # Enter on an answer edits it too
    dlg = edit_dialog(qtbot, page)
    dlg.code.setEditText("P 0!")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.errors["code"].isVisible()
    assert "รหัสผู้เข้าร่วม" in dlg.errors["code"].text() and "Participant code" in dlg.errors["code"].text()
    dlg.reject()
    tasks.wait_idle()
    assert [(c.participant_code, c.text) for c in services.contributions.list(sid)] == [("P01", "ควรมีเครื่องวัดฝุ่น")]
    assert page.undo_stack.count() == 1                 # only the add; the refused edit left nothing


def test_observations_add_edit_delete_with_undo_and_redo(qtbot, services, tasks, sid, page) -> None:
    obs = page.answers.observation
    obs.setFocus()
    type_text(obs, "ผู้สูงอายุพูดน้อย")
    qtbot.keyClick(obs, K.Key_Return)
    assert obs.text() == ""
    settle(qtbot, tasks, page)
    [o] = services.observations.list(sid)
    assert o.question_id == page.answers.question.id
    qtbot.keyClick(obs, K.Key_Z, CTRL)
    settle(qtbot, tasks, page)
    assert services.observations.list(sid) == []
    qtbot.keyClick(obs, K.Key_Z, CTRL | SHIFT)
    settle(qtbot, tasks, page)
    assert services.observations.list(sid) == [o]     # same id, same time

    lst = page.answers.observations
    lst.setFocus()
    qtbot.keyClick(lst, K.Key_Home)
    qtbot.keyClick(lst, K.Key_F2)
    dlg = edit_dialog(qtbot, page)
    assert dlg.code is None                            # an observation has no speaker
    type_text(dlg.text, "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม")
    qtbot.keyClick(dlg.text, K.Key_Return, CTRL)      # Ctrl+Enter saves
    back_to_page(qtbot, page)
    settle(qtbot, tasks, page)
    assert services.observations.get(o.id).text == "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม"
    qtbot.keyClick(lst, K.Key_Delete)
    settle(qtbot, tasks, page)
    assert services.observations.list(sid) == []
    qtbot.keyClick(lst, K.Key_Z, CTRL)                 # undo the delete
    qtbot.keyClick(lst, K.Key_Z, CTRL)                 # and the edit
    settle(qtbot, tasks, page)
    assert services.observations.list(sid) == [o]


def test_typing_undo_stays_with_the_answer_line(qtbot, services, tasks, sid, page) -> None:
    answer(qtbot, page, "P01", "ก")
    type_text(page.answers.text, "ข้อความที่กำลังพิมพ์")
    qtbot.keyClick(page.answers.text, K.Key_Z, CTRL)   # undoes typing, not the saved answer
    settle(qtbot, tasks, page)
    assert len(services.contributions.list(sid)) == 1
    assert page.answers.text.text() == ""
