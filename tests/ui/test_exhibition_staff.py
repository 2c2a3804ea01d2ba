"""The exhibition staff page as staff use it on a field day: the same session header and
lifecycle as the other kinds (start, close, finalize), proposals and the kiosk only while the
exhibition is a draft or open (staff are told why; a visitor never reads a staff message),
visitors' comments read and an abusive one hidden from the summary, the tally in faces."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from sala.domain import enums as e
from sala.domain.errors import ImmutableError
from sala.domain.inputs import SessionInput
from sala.reports.session_data import load_session_data
from sala.ui.dashboard.live_tally import LiveTally
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.kiosk.visitor import KioskVisitor
from tests.typing import type_text

L = Qt.MouseButton.LeftButton
S = e.SessionStatus


@pytest.fixture
def sid(services) -> str:
    sid = services.sessions.create(SessionInput("นิทรรศการงบประมาณแบบมีส่วนร่วม ชลบุรี", e.SessionKind.EXHIBITION,
                                                province="CBI")).id
    for title in ("ปรับปรุงสวนสาธารณะริมทะเล", "ทางเท้าและทางจักรยาน"):
        services.exhibition.add_proposal(sid, title)
    return sid


@pytest.fixture
def staff(qtbot, services, tasks, sid, fonts, thai_ui):
    page = KioskStaffPage(services, tasks, sid, "th")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _settle(qtbot, tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending() == 0)


def _add(qtbot, tasks, staff, title: str) -> None:
    staff.new_proposal.setFocus()
    type_text(staff.new_proposal, title)
    qtbot.keyClick(staff.new_proposal, Qt.Key.Key_Return)
    _settle(qtbot, tasks)


def test_lifecycle_from_the_header_gates_proposals_and_the_kiosk(qtbot, services, tasks, sid, staff) -> None:
    h = staff.header
    assert staff.findChild(QPushButton, "closeButton") is h.close_button and h.open_button.isVisible()
    assert h.status.text().startswith("ร่าง")
    services.kiosk_pin.set("2468", "2468")
    qtbot.mouseClick(staff.start_button, L)  # a draft: the kiosk starts and the session opens
    kiosk = staff.kiosk
    assert kiosk is not None and kiosk.isVisible()
    _settle(qtbot, tasks)
    assert services.sessions.get(sid).status == S.OPEN and h.status.text().startswith("กำลังดำเนินการ")
    kiosk.leave()

    qtbot.mouseClick(h.close_button, L)
    _settle(qtbot, tasks)
    assert services.sessions.get(sid).status == S.CLOSED
    assert not staff.new_proposal.isEnabled() and not staff.start_button.isEnabled()
    note = staff.findChild(QLabel, "kioskNote")
    assert note.isVisible() and "ปิดแล้ว" in note.text() and "เปิดอีกครั้ง" in note.text()
    staff.kiosk = None
    staff.start_kiosk()  # by keyboard or a stale click: still refused, and said to staff
    assert staff.kiosk is None
    with pytest.raises(ImmutableError):
        services.exhibition.add_proposal(sid, "ตลาดชุมชน")

    qtbot.mouseClick(h.reopen_button, L)
    _settle(qtbot, tasks)
    assert staff.new_proposal.isEnabled() and not note.isVisible()
    _add(qtbot, tasks, staff, "ตลาดชุมชน")
    assert [p.title for p in services.exhibition.proposals(sid)][-1] == "ตลาดชุมชน"
    assert staff.proposals.count() == 3

    qtbot.mouseClick(h.close_button, L)
    _settle(qtbot, tasks)
    h.confirm_finalize = lambda: True
    qtbot.mouseClick(h.finalize_button, L)
    _settle(qtbot, tasks)
    assert services.sessions.get(sid).status == S.FINALIZED  # queued for sync like the other kinds
    assert not staff.start_button.isEnabled() and "ยืนยันแล้ว" in note.text()
    staff.start_kiosk()
    assert staff.kiosk is None


def test_a_refused_visit_asks_the_visitor_to_call_staff_and_tells_staff_why(
        qtbot, services, tasks, sid, staff) -> None:
    services.kiosk_pin.set("2468", "2468")
    qtbot.mouseClick(staff.start_button, L)
    kiosk: KioskVisitor = staff.kiosk
    _settle(qtbot, tasks)
    services.sessions.set_status(sid, S.CLOSED)  # closed from elsewhere while the kiosk runs
    qtbot.mouseClick(kiosk.faces.button(4), L)
    qtbot.mouseClick(kiosk.save_button, L)
    qtbot.waitUntil(lambda: kiosk.error.isVisible())
    assert "กรุณาแจ้งเจ้าหน้าที่" in kiosk.error.text() and "ปิดแล้ว" not in kiosk.error.text()
    assert kiosk.score() == 4  # the visitor's choice stays
    assert "ปิดแล้ว" in staff.kiosk_note.text() and "closed" in staff.kiosk_note.text()
    assert services.exhibition.tally(sid).visitors == 0
    kiosk.leave()


def test_comments_are_listed_and_an_abusive_one_hidden_from_the_summary(
        qtbot, services, tasks, sid, staff, screenshot) -> None:
    ex = services.exhibition
    ex.record_visit(sid, 5, comment="อยากให้มีที่นั่งพักริมทะเล")
    rude = ex.record_visit(sid, 1, comment="คำหยาบคาย ติดต่อ 081-234-5678")
    ex.record_visit(sid, 3)
    staff.comments.reload()
    staff.refresh_tally()
    lst = staff.findChild(QListWidget, "staffComments")
    assert lst.count() == 2 and "คำหยาบคาย" in lst.item(0).text() and lst.item(0).text().startswith("แย่มาก")
    hide = staff.findChild(QPushButton, "hideCommentButton")
    lst.setCurrentRow(0)
    assert hide.text() == "ซ่อนจากสรุป"
    qtbot.mouseClick(hide, L)
    _settle(qtbot, tasks)
    assert lst.item(0).font().strikeOut() and "ซ่อนจากสรุป" in lst.item(0).text()
    assert hide.text() == "แสดงในสรุป" and "(ซ่อน 1)" in staff.comments.heading.text()
    assert load_session_data(services.db, sid).rating_comments == [("อยากให้มีที่นั่งพักริมทะเล", 1)]
    assert ex.tally(sid).visitors == 3  # the rating still counts
    # the tally speaks of visitors and faces, not stars
    assert "ผู้เยี่ยมชม: 3 คน" in staff.tally.summary.text()
    labels = [w.text() for w in staff.tally.findChildren(QLabel)]
    assert "คะแนนความพึงพอใจ" in labels and "พอใช้ (3)" in labels and not any("ดาว" in t for t in labels)
    screenshot(staff, "exhibition_staff_1366")

    # finalized: showing it again is an amendment, and a reason is asked for beside the button
    services.sessions.set_status(sid, S.CLOSED)
    services.sessions.set_status(sid, S.FINALIZED)
    staff.header.show_detail(services.sessions.get(sid))
    staff.apply_status(services.sessions.get(sid))
    assert staff.comments.reason.isVisible()
    lst.setCurrentRow(0)
    qtbot.mouseClick(hide, L)
    _settle(qtbot, tasks)
    assert staff.comments.error.isVisible() and "เหตุผล" in staff.comments.error.text()
    assert lst.item(0).font().strikeOut()  # nothing changed without a reason
    type_text(staff.comments.reason, "ตรวจแล้วไม่มีข้อมูลส่วนบุคคล")
    qtbot.mouseClick(hide, L)
    _settle(qtbot, tasks)
    assert not lst.item(0).font().strikeOut() and not any(c.hidden for c in ex.comments(sid))
    [a] = services.amendments.list(sid)
    assert a.target_id == rude and a.changes == {"comment_hidden": False}


def test_live_tally_names_the_faces_and_the_visitors(qtbot, services, sid, fonts, thai_ui) -> None:
    services.exhibition.record_visit(sid, 3)
    tally = LiveTally(services, "th", session_id=sid)
    qtbot.addWidget(tally)
    qtbot.waitUntil(lambda: tally.figures is not None, timeout=10_000)
    assert tally.chart_ratings.categories == ["แย่มาก", "แย่", "พอใช้", "ดี", "ดีมาก"]
    assert list(tally.chart_ratings.series) == ["ผู้เยี่ยมชม"]
    tally.close()
