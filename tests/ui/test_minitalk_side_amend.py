"""A finalized minitalk's tallies, action items and title corrected by amendments with a reason,
from the side panel and the header, shown beside the original; the originals stay in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services.action_items import ActionItemInput
from sala.services.tallies import TallyInput
from sala.storage.models import Amendment, OutboxEntry
from sala.ui.amend.record_dialog import AmendRecordDialog
from sala.ui.minitalk.page import MinitalkPage
from tests.typing import type_text

K = Qt.Key


@pytest.fixture
def finalized(services) -> tuple[str, str, str]:
    sid = services.sessions.create(SessionInput("มินิทอล์กฝุ่นควัน ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    t = services.tallies.add(sid, TallyInput("ห้ามเผาช่วงหน้าแล้ง", 23, 4, 2))
    a = services.action_items.add(sid, ActionItemInput("ทำหนังสือถึงอำเภอ", "ปลัด อบต.", date(2025, 3, 15)))
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    return sid, t.id, a.id


@pytest.fixture
def page(qtbot, open_minitalk, finalized) -> MinitalkPage:
    p = open_minitalk(finalized[0])
    qtbot.waitUntil(lambda: p.tallies.table.rowCount() == 1 and p.actions_panel.table.rowCount() == 1)
    return p


def dialog_of(qtbot, owner) -> AmendRecordDialog:
    qtbot.waitUntil(lambda: owner.dialog is not None and owner.dialog.isVisible())
    assert isinstance(owner.dialog, AmendRecordDialog)
    return owner.dialog


def test_amend_tally_by_keyboard_shown_beside_original(qtbot, services, tasks, finalized, page) -> None:
    sid, tally_id, _ = finalized
    panel = page.tallies
    page.side.setCurrentWidget(panel)
    assert panel.amend_button.isVisible() and not panel.form.isVisible() and not panel.delete_button.isVisible()
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 1)
    qtbot.keyClick(panel.table, K.Key_Return)            # Enter on a finalized tally: amend it
    dlg = dialog_of(qtbot, panel)
    assert "23" in dlg.findChild(QLabel, "original_count_for").text()     # the original under the field
    count_for = dlg.editors["count_for"]
    count_for.selectAll()
    qtbot.keyClicks(count_for, "25")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)   # no reason: refused beside it
    qtbot.waitUntil(lambda: dlg.errors["reason"].isVisible())
    assert "เหตุผล" in dlg.errors["reason"].text() and "Reason" in dlg.errors["reason"].text()
    type_text(dlg.reason, "นับซ้ำแถวหลัง")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "23" in panel.cell(0, 1) and "25" in panel.cell(0, 1))
    assert panel.cell(0, 1).startswith("25") and panel.cell(0, 2) == "4"     # the rest untouched
    assert "นับซ้ำแถวหลัง" in panel.table.item(0, 1).toolTip()
    assert services.tallies.list(sid)[0].count_for == 23                      # the finalized record stays
    assert services.amendments.effective(sid)[tally_id][0] == {"count_for": 25}
    qtbot.waitUntil(lambda: page.amendments.count() == 1)                    # the amendments tab too
    assert "จำนวนเห็นด้วย: 25" in page.amendments.item(0).text()
    with services.db.read() as s:
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "amendment")).first() is not None


def test_amend_action_item_due_and_done(qtbot, services, tasks, finalized, page) -> None:
    sid, _, action_id = finalized
    panel = page.actions_panel
    page.side.setCurrentWidget(panel)
    panel.table.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.amend_button, Qt.MouseButton.LeftButton)
    dlg = dialog_of(qtbot, panel)
    dlg.editors["who"].selectAll()
    type_text(dlg.editors["who"], "นายก อบต.")
    dlg.editors["done"].setChecked(True)
    type_text(dlg.reason, "มอบหมายใหม่ในที่ประชุม")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "นายก อบต." in panel.cell(0, 1))
    assert "ปลัด อบต." in panel.cell(0, 1)                                   # the original beside
    assert panel.table.item(0, 3).checkState() == Qt.CheckState.Checked
    with services.db.read() as s:
        [a] = s.scalars(select(Amendment).where(Amendment.target_id == action_id))
    assert a.changes == {"who": "นายก อบต.", "done": True} and a.reason == "มอบหมายใหม่ในที่ประชุม"
    assert services.action_items.list(sid)[0].who == "ปลัด อบต."
    # a finalized item's checkbox cannot be ticked in the table
    assert not panel.table.item(0, 3).flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_amend_title_in_minitalk_header(qtbot, services, tasks, finalized, page) -> None:
    sid = finalized[0]
    qtbot.mouseClick(page.header.amend_button, Qt.MouseButton.LeftButton)
    dlg = dialog_of(qtbot, page.header)
    dlg.editors["title"].selectAll()
    type_text(dlg.editors["title"], "มินิทอล์กฝุ่นควัน อำเภอเมืองลำปาง")
    type_text(dlg.reason, "ชื่อไม่ครบ")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.header.amended_note.isVisible())
    assert page.header.title.text() == "มินิทอล์กฝุ่นควัน อำเภอเมืองลำปาง"
    assert "มินิทอล์กฝุ่นควัน ลำปาง" in page.header.amended_note.text()
    qtbot.waitUntil(lambda: page.amendments.count() == 1)
    assert services.sessions.get(sid).title == "มินิทอล์กฝุ่นควัน ลำปาง"


def test_add_helper_refuses_beside_the_form_and_stores_valid(qtbot, services, tasks, open_minitalk) -> None:
    sid = services.sessions.create(SessionInput("เวทีเปิด", e.SessionKind.MINITALK, province="CMI")).id
    p = open_minitalk(sid, active=False)
    tallies = p.tallies
    qtbot.keyClick(tallies.question, K.Key_Return)          # empty question: refused, nothing queued
    assert tallies.error.isVisible() and "Question" in tallies.error.text()
    tasks.wait_idle()
    assert services.tallies.list(sid) == []
    type_text(tallies.question, "เห็นด้วยกับจุดวัดฝุ่น")
    tallies.counts[0].setValue(12)
    qtbot.keyClick(tallies.question, K.Key_Return)
    qtbot.waitUntil(lambda: tallies.table.rowCount() == 1)
    assert not tallies.error.isVisible() and tallies.question.text() == ""
    assert [(t.question, t.count_for) for t in services.tallies.list(sid)] == [("เห็นด้วยกับจุดวัดฝุ่น", 12)]


def test_screenshot_side_panel_with_amended_tally(qtbot, services, tasks, finalized, page, screenshot) -> None:
    sid, tally_id, action_id = finalized
    services.amendments.amend("tally", tally_id, {"count_for": 25, "count_abstain": 0}, "นับซ้ำแถวหลัง")
    services.amendments.amend("action_item", action_id, {"who": "นายก อบต."}, "มอบหมายใหม่")
    page.tallies.reload()
    page.actions_panel.reload()
    qtbot.waitUntil(lambda: "25" in page.tallies.cell(0, 1) and "นายก" in page.actions_panel.cell(0, 1))
    page.side.setCurrentWidget(page.tallies)
    screenshot(page.side, "minitalk_side_tally_th")
    page.side.setCurrentWidget(page.actions_panel)
    screenshot(page.side, "minitalk_side_actions_th")
    screenshot(page, "minitalk_finalized_th")
