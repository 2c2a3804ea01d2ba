"""A session's lifecycle on its page, as a field officer sees and uses it: the status badge, the
buttons each state offers, capture only while the session is a draft or open, local planned and
actual times, the head count apart from who spoke, Print summary and the way back to the list."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sala.domain import enums as e
from sala.domain.clock import BANGKOK, to_local
from sala.domain.inputs import AttendanceInput, ContributionInput, SessionInput
from sala.reports.filenames import session_file_name
from sala.services.tallies import TallyInput
from sala.ui.minitalk.page import MinitalkPage
from sala.ui.sessions.attendance_dialog import AttendanceDialog
from tests.typing import type_text

K = Qt.Key
LEFT = Qt.MouseButton.LeftButton
TITLE = "เวทีขยะพลาสติก ตลาดสดเมืองลำปาง"


@pytest.fixture
def session_id(services) -> str:
    topic = services.sessions.topics()[0]
    return services.sessions.create(SessionInput(
        TITLE, e.SessionKind.MINITALK, province="LPG", topic_ids=[topic.id],
        planned_start=datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK),
        planned_end=datetime(2026, 11, 30, 11, 0, tzinfo=BANGKOK))).id


@pytest.fixture
def page(qtbot, services, tasks, thai_ui, session_id) -> MinitalkPage:
    p = MinitalkPage(services, tasks, session_id, "th")
    qtbot.addWidget(p)
    p.resize(1366, 720)
    p.show()
    with qtbot.waitActive(p):
        p.activateWindow()
    p.capture.box.setFocus()
    return p


def status(services, session_id) -> e.SessionStatus:
    return services.sessions.get(session_id).status


def visible_buttons(page: MinitalkPage) -> set[str]:
    h = page.header
    return {b.objectName() for b in (h.open_button, h.close_button, h.reopen_button, h.finalize_button,
                                     h.amend_button, h.print_button, h.back_button) if b.isVisible()}


def settle(qtbot, page: MinitalkPage, tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending() == 0 and page.model.pending_count() == 0)


def test_header_times_are_bangkok_planned_and_actual(qtbot, page, services, tasks, session_id):
    h = page.header
    assert "30 พฤศจิกายน 2569" in h.facts.text()
    assert h.times.text() == "กำหนดการ 09:00–11:00 น."
    shown = h.facts.text() + h.times.text()
    assert "02:00" not in shown and "04:00" not in shown          # never the UTC hours
    qtbot.mouseClick(h.open_button, LEFT)
    qtbot.waitUntil(lambda: status(services, session_id) == e.SessionStatus.OPEN and h.detail.started_at is not None)
    started = f"{to_local(h.detail.started_at):%H:%M}"
    assert h.times.text() == f"กำหนดการ 09:00–11:00 น.  ·  เริ่มจริง {started} น."
    qtbot.mouseClick(h.close_button, LEFT)
    qtbot.waitUntil(lambda: h.detail.ended_at is not None)
    ended = f"{to_local(h.detail.ended_at):%H:%M}"
    assert h.times.text().endswith(f"เวลาจริง {started}–{ended} น.")


def test_each_state_is_visible_and_enforced(qtbot, page, services, tasks, session_id, tmp_path):
    h, box = page.header, page.capture.box

    # Draft: a grey badge, Start and Close offered, a note saying the first entry starts it.
    assert h.status.text() == "ร่าง" and h.status.property("status") == "draft"
    assert visible_buttons(page) == {"openButton", "closeButton", "printButton", "backButton"}
    assert page.capture.state_note.isVisible() and "ร่าง" in page.capture.state_note.text()
    assert box.isEnabled()
    page.grab().save(str(tmp_path / "draft.png"))
    type_text(box, "เริ่มพูดคนแรก")
    qtbot.keyClick(box, K.Key_Return)                                # typing opens the draft
    settle(qtbot, page, tasks)
    qtbot.waitUntil(lambda: h.detail.status == e.SessionStatus.OPEN)
    assert status(services, session_id) == e.SessionStatus.OPEN
    assert services.sessions.get(session_id).started_at is not None
    assert [c.text for c in services.contributions.list(session_id)] == ["เริ่มพูดคนแรก"]
    assert h.status.text() == "กำลังดำเนินการ" and not page.capture.state_note.isVisible()
    assert visible_buttons(page) == {"closeButton", "printButton", "backButton"}

    # Closed: read-only until reopened, and says so; typing and Enter save nothing.
    qtbot.mouseClick(h.close_button, LEFT)
    qtbot.waitUntil(lambda: h.detail.status == e.SessionStatus.CLOSED)
    assert status(services, session_id) == e.SessionStatus.CLOSED
    assert "ปิดแล้ว" in h.status.text()
    assert visible_buttons(page) == {"reopenButton", "finalizeButton", "printButton", "backButton"}
    assert box.isVisible() and not box.isEnabled()
    note = page.capture.state_note
    assert note.isVisible() and "ปิดแล้ว" in note.text() and "เปิดอีกครั้ง" in note.text()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert not page.tallies.form.isEnabled() and page.notes.edit.isReadOnly()
    page.grab().save(str(tmp_path / "closed.png"))
    type_text(box, "พิมพ์หลังปิดเวที")
    page.capture.submit()                                            # what Enter would do
    page.table.selectRow(0)
    qtbot.keyClick(page.table, K.Key_Delete)
    tasks.wait_idle()
    assert [c.text for c in services.contributions.list(session_id)] == ["เริ่มพูดคนแรก"]

    # Reopen: capture again.
    qtbot.mouseClick(h.reopen_button, LEFT)
    qtbot.waitUntil(lambda: h.detail.status == e.SessionStatus.OPEN)
    assert box.isEnabled() and not note.isVisible()
    type_text(box, "คนที่สอง")
    qtbot.keyClick(box, K.Key_Return)
    settle(qtbot, page, tasks)
    assert len(services.contributions.list(session_id)) == 2

    # Finalized: the capture box is gone, a note says corrections are amendments.
    qtbot.mouseClick(h.close_button, LEFT)
    qtbot.waitUntil(lambda: h.detail.status == e.SessionStatus.CLOSED)
    h.confirm_finalize = lambda: True
    qtbot.mouseClick(h.finalize_button, LEFT)
    qtbot.waitUntil(lambda: h.detail.status == e.SessionStatus.FINALIZED)
    assert status(services, session_id) == e.SessionStatus.FINALIZED
    assert h.status.text().startswith("ยืนยันแล้ว")
    assert visible_buttons(page) == {"amendTitleButton", "printButton", "backButton"}
    assert not box.isVisible() and note.isVisible() and "แก้ไขเพิ่มเติม" in note.text()
    assert page.amend_button.isVisible() and not page.edit_button.isVisible()
    page.grab().save(str(tmp_path / "finalized.png"))


def test_head_count_recorded_apart_from_speakers_then_amended(qtbot, page, services, tasks, session_id):
    h = page.header
    assert "ยังไม่ได้บันทึก" in h.attendance_button.text()
    qtbot.mouseClick(h.attendance_button, LEFT)
    dlg = h.dialog
    assert isinstance(dlg, AttendanceDialog) and dlg.isVisible()
    assert dlg.objectName() == "attendanceDialog" and dlg.total.objectName() == "attendanceTotal"
    dlg.total.setValue(30)
    dlg.counts["gender"]["female"].setValue(40)                      # more than the total: refused
    qtbot.mouseClick(dlg.save_button, LEFT)
    assert dlg.error.isVisible() and "30" in dlg.error.text() and "total" in dlg.error.text()
    assert services.sessions.get(session_id).attendance_total is None
    dlg.counts["gender"]["female"].setValue(18)
    dlg.counts["age_band"]["18_24"].setValue(7)
    dlg.counts["occupation"]["farmer"].setValue(12)
    with qtbot.waitSignal(dlg.finished):
        qtbot.mouseClick(dlg.save_button, LEFT)
    stored = services.sessions.get(session_id)
    assert stored.attendance_total == 30
    assert stored.attendance_detail == {"gender": {"female": 18}, "age_band": {"18_24": 7},
                                        "occupation": {"farmer": 12}}
    assert h.attendance_button.text() == "ผู้เข้าร่วม 30 คน…"
    # Who spoke is counted apart: two speakers in a room of thirty.
    for code in ("P01", "P02"):
        services.contributions.add(session_id, ContributionInput("opinion", f"ความเห็นของ {code}", None, [], code))
    [row] = services.sessions.list()
    assert (row.attendance_total, row.speaker_count) == (30, 2)

    # After finalizing, the head count is corrected by an amendment with a reason.
    services.sessions.close(session_id)
    page.header.show_detail(services.sessions.finalize(session_id))
    qtbot.mouseClick(h.attendance_button, LEFT)
    dlg = h.dialog
    assert isinstance(dlg, AttendanceDialog) and dlg.reason.isVisible()
    dlg.total.setValue(32)
    qtbot.mouseClick(dlg.save_button, LEFT)                          # no reason: refused
    assert dlg.error.isVisible() and "เหตุผล" in dlg.error.text()
    type_text(dlg.reason, "นับตกสองคนที่มาสาย")
    with qtbot.waitSignal(dlg.finished):
        qtbot.mouseClick(dlg.save_button, LEFT)
    assert services.sessions.get(session_id).attendance_total == 32
    assert [a.reason for a in services.amendments.list(session_id)] == ["นับตกสองคนที่มาสาย"]
    assert h.attendance_button.text() == "ผู้เข้าร่วม 32 คน…"
    assert page.amendments.count() == 1


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    from sala.ui.shell.app import create_main_window

    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_print_summary_from_the_finalized_session_page_makes_its_pdf(qtbot, window, services, session_id, tmp_path):
    services.contributions.add(session_id, ContributionInput("idea", "ควรมีจุดแยกขยะพลาสติกในตลาด", "support"))
    services.sessions.set_attendance(session_id, AttendanceInput(25))
    services.sessions.open(session_id)
    services.sessions.close(session_id)
    services.sessions.finalize(session_id)
    window.open_session(session_id)
    page = window.stack.currentWidget()
    assert isinstance(page, MinitalkPage) and page.header.print_button.isVisible()
    assert page.header.print_button.text() == "พิมพ์สรุป"
    qtbot.mouseClick(page.header.print_button, LEFT)
    dlg = window.report_dialog
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible())
    name = dlg.output.value().name
    assert name == session_file_name(services.db, session_id, "th")
    assert name.startswith("สรุปผลเวที " + TITLE) and "2569" in name and name.endswith(".pdf")
    dlg.output.path.setText(str(tmp_path / name))                    # tests write only under tmp_path
    dlg.open_when_done = False
    with qtbot.waitSignal(dlg.sig_finished, timeout=60_000) as done:
        qtbot.mouseClick(dlg.run_button, LEFT)
    written = tmp_path / name
    assert done.args == [str(written)] and written.read_bytes().startswith(b"%PDF")
    dlg.reject()
    window.action_summary.trigger()                                  # Ctrl+P on the page: the same session
    again = window.report_dialog
    assert again is not dlg and again.isVisible() and again.session_id == session_id
    assert again.output.value().name == name
    again.reject()


def test_back_to_the_list_by_button_alt_left_and_escape(qtbot, window, services, session_id):
    def open_page() -> MinitalkPage:
        window.open_session(session_id)
        p = window.stack.currentWidget()
        assert isinstance(p, MinitalkPage)
        with qtbot.waitActive(window):
            window.activateWindow()
        return p

    p = open_page()
    assert p.header.back_button.text() == "← รายการเวที"
    qtbot.mouseClick(p.header.back_button, LEFT)
    assert window.stack.currentWidget() is window.list_page

    p = open_page()
    p.capture.box.setFocus()
    qtbot.keyClick(p.capture.box, K.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.list_page

    p = open_page()
    p.capture.box.setFocus()
    type_text(p.capture.box, "ยังพิมพ์อยู่")
    qtbot.keyClick(p.capture.box, K.Key_Escape)                      # words in the box: Esc does not leave
    assert window.stack.currentWidget() is p and p.capture.box.toPlainText() == "ยังพิมพ์อยู่"
    p.capture.box.clear()
    qtbot.keyClick(p.capture.box, K.Key_Escape)
    assert window.stack.currentWidget() is window.list_page

    # Esc in a cell editor cancels that edit and stays on the page.
    services.tallies.add(session_id, TallyInput("ห้ามเผาขยะ", 20, 3, 1))
    p = open_page()
    table = p.tallies.table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    table.setFocus()
    table.setCurrentCell(0, 1)
    table.editItem(table.item(0, 1))
    editor = QApplication.focusWidget()
    assert editor is not table and table.state() == table.State.EditingState
    qtbot.keyClick(editor, K.Key_Escape)
    assert window.stack.currentWidget() is p and table.state() != table.State.EditingState
    qtbot.keyClick(table, K.Key_Escape)                              # then Esc again: back
    assert window.stack.currentWidget() is window.list_page
