"""File ▸ Participant rights in the real main window at 1366x768 (issue 12): search by code and by
name, see the records, export a copy, erase behind the supervisor PIN and a confirmation."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.services import audit
from sala.ui.shell.app import create_main_window
from tests.typing import type_text

NAME, PHONE = "สมศรี มีสุข", "081-234-5678"
PIN = "250731"


@pytest.fixture
def people(services) -> list[str]:
    topics = services.catalog.topics()
    ids = []
    for title, finalize in (("เวทีฝุ่นควัน ลำปาง", True), ("เวทีงบประมาณ", False)):
        sid = services.sessions.create(SessionInput(title=title, kind="minitalk", province="ลำปาง",
                                                    topic_ids=[topics[0].id])).id
        services.sessions.open(sid)
        ids.append(services.participants.add(sid, ParticipantInput(
            "P07", consent="written", contact_name=NAME, phone=PHONE)).id)
        services.participants.add(sid, ParticipantInput("P99"))
        services.contributions.add(sid, ContributionInput("concern", f"ฝุ่นมากตอนเช้า ({title})", participant_code="P07"))
        services.contributions.add(sid, ContributionInput("idea", "คนอื่นพูด", participant_code="P99"))
        if finalize:
            services.sessions.close(sid)
            services.sessions.finalize(sid)
    return ids


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open(qtbot, window):
    action = window.privacy.action
    assert action in window.file_menu.actions() and action.text().startswith("&สิทธิของผู้เข้าร่วม")
    action.trigger()
    dlg = window.privacy.dialog
    qtbot.waitExposed(dlg)
    return dlg


def _search(qtbot, dlg, field: QLineEdit, text: str) -> None:
    for w in (dlg.code_edit, dlg.name_edit, dlg.phone_edit):
        w.clear()
    field.setFocus()
    type_text(field, text)
    with qtbot.waitSignal(dlg.sig_searched, timeout=10_000):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def _when_modal(kind: type, act) -> None:
    """Run ``act(widget)`` on the next modal widget of ``kind`` (a blocking exec() in the code)."""
    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind):
            act(w)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def test_find_see_and_export(qtbot, window, people, services, tmp_path: Path, screenshot) -> None:
    dlg = _open(qtbot, window)
    _search(qtbot, dlg, dlg.code_edit, "p07")
    assert dlg.table.rowCount() == 2 and "พบ 2 รายการ" in dlg.message.text()
    assert {dlg.table.item(i, 1).text() for i in range(2)} == {"P07"}
    assert "2569" in dlg.table.item(0, 3).text() or "2570" in dlg.table.item(0, 3).text()
    assert "ฝุ่นมากตอนเช้า" in dlg.detail.toPlainText() and NAME in dlg.detail.toPlainText()
    screenshot(dlg, "participant-rights")
    _search(qtbot, dlg, dlg.name_edit, NAME)
    assert dlg.table.rowCount() == 2
    _search(qtbot, dlg, dlg.phone_edit, "0899999999")
    assert dlg.table.rowCount() == 0 and "ไม่พบ" in dlg.message.text()
    assert not dlg.export_button.isEnabled() and not dlg.erase_button.isEnabled()

    _search(qtbot, dlg, dlg.phone_edit, "0812345678")
    folder = tmp_path / "copy"
    folder.mkdir()
    dlg._choose_folder = lambda: folder          # the folder the user picks in the file dialog
    with qtbot.waitSignal(dlg.sig_exported, timeout=30_000) as got:
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    files = got.args[0]
    assert files.pdf.exists() and files.json.exists()
    assert stat.S_IMODE(files.pdf.stat().st_mode) == 0o600
    assert str(files.pdf) in dlg.message.text()
    with services.db.read() as s:
        assert audit.entries(s)[-1].action == audit.PARTICIPANT_EXPORT


def test_erase_needs_the_supervisor_pin_then_a_reason(qtbot, window, people, services, screenshot) -> None:
    dlg = _open(qtbot, window)
    _search(qtbot, dlg, dlg.code_edit, "P07")
    # no supervisor PIN yet: an erasure cannot go ahead at all, and says why
    seen: list[str] = []
    _when_modal(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    assert "PIN" in seen[0] and "ไม่ได้ลบอะไร" in dlg.message.text()
    assert len(services.participants.list(services.sessions.list()[0].id)) == 2

    services.supervisor.set_pin(PIN, PIN)
    services.supervisor.lock()

    def enter_pin(pin_dialog) -> None:
        pin_dialog.entry.setText(PIN)
        pin_dialog.submit()

    from sala.ui.common.supervisor_guard import SupervisorPinDialog
    _when_modal(SupervisorPinDialog, enter_pin)
    qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    confirm = dlg.confirm_dialog
    qtbot.waitExposed(confirm)
    assert not confirm.ok_button.isEnabled()
    confirm.reason_edit.setFocus()
    type_text(confirm.reason_edit, "ผู้ร่วมขอให้ลบตาม PDPA")
    assert not confirm.ok_button.isEnabled()           # the reason alone is not enough
    confirm.understood.setChecked(True)
    assert confirm.ok_button.isEnabled()
    screenshot(confirm, "erase-confirm")
    with qtbot.waitSignal(dlg.sig_erased, timeout=10_000) as got:
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    result = got.args[0]
    assert set(result.participant_ids) == set(people)
    assert dlg.table.rowCount() == 0 and "ลบข้อมูลส่วนบุคคลแล้ว" in dlg.message.text()
    with services.db.read() as s:
        last = audit.entries(s)[-1]
        assert last.action == audit.PARTICIPANT_ERASE and last.actor_role == audit.SUPERVISOR
        assert last.reason == "ผู้ร่วมขอให้ลบตาม PDPA" and audit.verify(s) == []
    _search(qtbot, dlg, dlg.code_edit, "P07")
    assert dlg.table.rowCount() == 0


def test_audit_log_window_shows_bangkok_time_and_a_broken_chain(qtbot, window, people, services,
                                                               screenshot) -> None:
    services.participant_rights.erase([people[0]], "ผู้ร่วมขอให้ลบตาม PDPA", actor_role=audit.SUPERVISOR)
    window.privacy.audit_action.trigger()
    dlg = window.privacy.audit_dialog
    with qtbot.waitSignal(dlg.sig_loaded, timeout=10_000):
        pass
    assert dlg.table.rowCount() == 1
    assert dlg.table.item(0, 4).text() == "ผู้ร่วมขอให้ลบตาม PDPA"
    assert dlg.table.item(0, 3).text() == "ลบข้อมูลส่วนบุคคลของผู้ร่วม"
    assert dlg.table.item(0, 2).text().startswith("หัวหน้างาน")
    with services.db.read() as s:
        be_year = str(audit.entries(s)[0].at.year + 543)
    assert be_year in dlg.table.item(0, 1).text() and " น." in dlg.table.item(0, 1).text()
    assert "ครบถ้วน" in dlg.status.text()
    screenshot(dlg, "audit-log")
    import sqlite3
    conn = sqlite3.connect(services.db.path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET reason = 'ไม่มีอะไร'")
    conn.commit()
    conn.close()
    with qtbot.waitSignal(dlg.sig_loaded, timeout=10_000):
        dlg.reload()
    assert "ถูกแก้ไขหลังบันทึก" in dlg.status.text()


def test_audit_log_closed_before_it_is_read_says_nothing(qtbot, window, people, services, tasks) -> None:
    """Opened then closed at once (it deletes itself on close): the log read meanwhile comes back to
    no window, and nothing is raised (before: 'Internal C++ object (QTableWidget) already deleted',
    seen in the pseudo-locale walk)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.privacy.audit_action.trigger()
    dlg = window.privacy.audit_dialog
    dlg.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the answer is delivered
    assert window.privacy.audit_dialog is None
    qtbot.waitUntil(lambda: tasks.pending() == 0)  # the answer delivered, to no one
    window.privacy.audit_action.trigger()  # and the log opens again, read whole
    with qtbot.waitSignal(window.privacy.audit_dialog.sig_loaded, timeout=10_000):
        pass
