"""The supervisor PIN through the real main window at 1366x768, as a field team meets it: no PIN
yet (said in the status bar; settings open; chosen there), then settings, bundle import and
leaving the kiosk ask for it; wrong PINs make the next try wait longer, counted down on screen
in Thai and English, and the wait outlives a restart; a right PIN unlocks for a short visible
while; the kiosk PIN takes only the digits its keypad types."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sala.domain.inputs import SessionInput
from sala.services import audit
from sala.services.supervisor_pin import UNLOCK_S, SupervisorPin
from sala.ui.common.supervisor_guard import SetPinDialog, SupervisorPinDialog
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.shell.app import create_main_window
from tests.fake_clock import FakeClock, FakeMonotonic
from tests.typing import type_text

SCREEN = (1366, 768)
PIN = "580264"
L = Qt.MouseButton.LeftButton


@pytest.fixture
def clocks(services) -> tuple[FakeClock, FakeMonotonic]:
    """The supervisor's waits and unlocked window on clocks the test moves (nothing sleeps)."""
    clock, mono = FakeClock(), FakeMonotonic()
    services.supervisor = SupervisorPin(services.db, clock=clock, monotonic=mono)
    services.kiosk_pin.backoff.clock = clock
    return clock, mono


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui, clocks):
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    w.show()
    qtbot.waitExposed(w)
    return w


def _on_modal(kind: type, act: Callable[[QWidget], bool]) -> list[QWidget]:
    """Call ``act(dialog)`` every 20 ms on the modal ``kind`` once it is up, until it answers True.

    A guard's dialog runs its own event loop (exec): a test reaches it from the timer."""
    seen: list[QWidget] = []

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is not None and isinstance(w, kind) and w.isVisible():
            if w not in seen:
                seen.append(w)
            if act(w):
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def _type_pin(dlg: SupervisorPinDialog, pin: str) -> None:
    dlg.entry.setFocus()
    type_text(dlg.entry, pin)
    dlg.ok_button.click()


def _set_pin_in_settings(qtbot, w, services) -> None:
    w.action_settings.trigger()
    dlg = w.settings_dialog
    assert dlg is not None
    qtbot.waitExposed(dlg)
    box = dlg.supervisor_box
    assert "ยังไม่ได้ตั้งรหัส PIN" in box.pin_state.text()
    box.pin_button.click()
    pin_dialog = box.pin_dialog
    assert isinstance(pin_dialog, SetPinDialog)
    qtbot.waitExposed(pin_dialog)
    type_text(pin_dialog.first, "๕๘๐๒๖๔")  # Thai digits: refused, said in both languages
    type_text(pin_dialog.second, "๕๘๐๒๖๔")
    pin_dialog.submit()  # checked and hashed on the writer: the answer comes a moment later
    qtbot.waitUntil(lambda: "0–9" in pin_dialog.message.text())
    assert "เลขไทย" in pin_dialog.message.text() and pin_dialog.first.isEnabled()
    type_text(pin_dialog.first, "123456")
    type_text(pin_dialog.second, "123456")
    pin_dialog.submit()
    qtbot.waitUntil(lambda: "easy to guess" in pin_dialog.message.text())
    assert "เดาง่าย" in pin_dialog.message.text()
    type_text(pin_dialog.first, PIN)
    type_text(pin_dialog.second, PIN)
    pin_dialog.submit()
    qtbot.waitUntil(lambda: box.pin_state.text() == "ตั้งรหัส PIN หัวหน้างานแล้ว")  # the dialog closed, is gone
    assert services.supervisor.is_set()
    dlg.reject()


def test_no_pin_is_said_then_wrong_pins_wait_longer_and_a_right_one_unlocks(qtbot, window, services, clocks,
                                                                              screenshot) -> None:
    clock, mono = clocks
    status = window.supervisor_status
    assert status.isVisible() and status.label.text() == "ไม่มี PIN หัวหน้า"
    _set_pin_in_settings(qtbot, window, services)  # first run: settings open without a PIN
    mono.advance(UNLOCK_S + 1)
    status.refresh()
    assert not status.isVisible()  # a PIN, locked: nothing to say

    seen: list[str] = []
    state = {"step": 0}

    def drive(dlg: QWidget) -> bool:
        assert isinstance(dlg, SupervisorPinDialog)
        step = state["step"]
        if step in (0, 3):  # a wrong PIN, checked on the writer: the keys grey at once meanwhile
            _type_pin(dlg, "000000")
            assert dlg.checking or dlg.message.text()
            state["step"] += 1
        elif step in (1, 4):  # its answer
            if dlg.checking:
                assert not dlg.ok_button.isEnabled() and not dlg.entry.isEnabled()
                return False
            seen.append(dlg.countdown.text())
            assert "รหัส PIN ไม่ถูกต้อง" in dlg.message.text() and "Wrong PIN" in dlg.message.text()
            assert not dlg.ok_button.isEnabled() and not dlg.entry.isEnabled()
            if step == 4:
                screenshot(dlg, "supervisor_pin_wait")
            state["step"] += 1
        elif step in (2, 5):  # the wait ends: the keys come back
            clock.advance(1 if step == 2 else 2)
            dlg.tick()
            assert dlg.ok_button.isEnabled() and not dlg.countdown.isVisible()
            state["step"] += 1
        else:
            _type_pin(dlg, PIN)
            return True
        return False

    _on_modal(SupervisorPinDialog, drive)
    window.action_settings.trigger()
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    assert seen[0].startswith("ใส่รหัสผิดหลายครั้ง กรุณารอ 1 วินาที") and "wait 1 s" in seen[0]
    assert "รอ 2 วินาที" in seen[1] and "wait 2 s" in seen[1]
    assert services.supervisor.is_unlocked()
    status.refresh()
    assert status.isVisible() and status.label.text() == "หัวหน้างาน 2:00"
    screenshot(window, "supervisor_unlocked")
    window.settings_dialog.reject()
    qtbot.mouseClick(status.lock_button, L)
    assert not services.supervisor.is_unlocked() and not status.isVisible()


def test_cancel_keeps_settings_closed_and_a_restart_keeps_the_wait(qtbot, window, services, clocks,
                                                                   app_paths) -> None:
    clock, _mono = clocks
    services.supervisor.set_pin(PIN, PIN)
    for _ in range(3):
        services.supervisor.check("999999")  # three wrong tries (the app was used before): 4 s
        clock.advance(4)
    clock.advance(-4)
    # the app starts again: a new service over the same database shows the wait still running
    again = SupervisorPin(services.db, clock=clock)
    services.supervisor = again
    texts: list[str] = []

    def look_and_cancel(dlg: QWidget) -> bool:
        assert isinstance(dlg, SupervisorPinDialog)
        texts.append(dlg.countdown.text())
        assert dlg.countdown.isVisible() and not dlg.ok_button.isEnabled()
        dlg.reject()
        return True

    _on_modal(SupervisorPinDialog, look_and_cancel)
    assert window.open_settings() is None
    assert texts and "รอ 4 วินาที" in texts[0] and "wait 4 s" in texts[0]
    assert window.settings_dialog is None


def test_bundle_import_is_guarded_and_audited(qtbot, window, services, clocks, tmp_path) -> None:
    services.supervisor.set_pin(PIN, PIN)
    bundle = tmp_path / "usb.sala"
    bundle.write_bytes(b"not a bundle")

    def cancel(dlg: QWidget) -> bool:
        assert isinstance(dlg, SupervisorPinDialog)
        dlg.reject()
        return True

    _on_modal(SupervisorPinDialog, cancel)
    window.sync_actions.import_bundle(bundle)
    assert QApplication.activeModalWidget() is None  # refused at the PIN: the file was never read
    assert window.tasks.pending() == 0

    errors: list[str] = []

    def right_pin(dlg: QWidget) -> bool:
        _type_pin(dlg, PIN)  # type: ignore[arg-type]
        return True

    def close_error(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        errors.append(box.text())
        box.accept()
        return True

    _on_modal(SupervisorPinDialog, right_pin)
    window.sync_actions.import_bundle(bundle)
    _on_modal(QMessageBox, close_error)
    qtbot.waitUntil(lambda: bool(errors))
    assert "bundle" in errors[0].lower() or "แฟ้ม" in errors[0]  # the file was read, and refused in words
    with services.db.read() as s:
        assert [x.action for x in audit.entries(s)].count(audit.BUNDLE_IMPORT) == 0  # nothing imported


@pytest.fixture
def exhibition(services) -> str:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title="นิทรรศการฝุ่น PM2.5", kind="exhibition", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.exhibition.add_proposal(sid, "ปลูกต้นไม้ริมถนน")
    return sid


def test_leaving_the_kiosk_needs_the_supervisor_pin_once_set(qtbot, window, services, clocks, exhibition) -> None:
    clock, _mono = clocks
    services.supervisor.set_pin(PIN, PIN)
    assert services.supervisor.check(PIN).ok  # the supervisor was at the laptop …
    window.open_session(exhibition)
    page = window.stack.currentWidget()
    assert isinstance(page, KioskStaffPage)
    qtbot.mouseClick(page.start_button, L)
    kiosk = page.kiosk
    assert kiosk is not None and page.pin_dialog is None  # no kiosk PIN to choose: the supervisor's guards it
    assert not services.supervisor.is_unlocked()  # … and the kiosk locked the window as it started
    qtbot.waitExposed(kiosk)
    qtbot.mouseClick(kiosk.staff_button, L)
    pad = kiosk.pin_dialog
    assert pad is not None and "หัวหน้า" in pad.prompt.text()
    for ch in "0000":
        qtbot.mouseClick(pad.keys[ch], L)
    qtbot.mouseClick(pad.keys["OK"], L)
    qtbot.waitUntil(lambda: "Wrong PIN" in pad.message.text())  # checked on the writer
    assert kiosk.isVisible()
    assert "1 วินาที" in pad.countdown.text() and not pad.keys["5"].isEnabled()
    clock.advance(1)
    qtbot.waitUntil(lambda: pad.keys["5"].isEnabled())
    for ch in PIN:
        qtbot.mouseClick(pad.keys[ch], L)
    qtbot.mouseClick(pad.keys["OK"], L)
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    with services.db.read() as s:
        exits = [x for x in audit.entries(s) if x.action == audit.KIOSK_EXIT]
    assert [(x.actor_role, x.target) for x in exits] == [(audit.SUPERVISOR, (exhibition,))]


def test_kiosk_pin_refuses_thai_digits_typed_on_the_keyboard(qtbot, services, tasks, exhibition, fonts,
                                                             thai_ui) -> None:
    page = KioskStaffPage(services, tasks, exhibition, "th")
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    page.show()
    qtbot.mouseClick(page.start_button, L)
    dlg = page.pin_dialog
    assert dlg is not None and page.kiosk is None
    dlg.entry.setFocus()
    type_text(dlg.entry, "๑๓๕๗")
    qtbot.keyClick(dlg.entry, Qt.Key.Key_Return)
    assert "0–9" in dlg.message.text() and "เลขไทย" in dlg.message.text()
    assert page.kiosk is None and not services.kiosk_pin.is_set()
    for _ in range(2):
        for ch in "1357":
            qtbot.mouseClick(dlg.keys[ch], L)
        qtbot.mouseClick(dlg.keys["OK"], L)
    qtbot.waitUntil(lambda: page.kiosk is not None)
    assert services.kiosk_pin.is_set() and page.kiosk is not None
    page.kiosk.leave()


def test_correcting_a_finalized_session_needs_the_supervisor(qtbot, window, services, clocks) -> None:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title="เวทีฝุ่นควัน", kind="minitalk", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.sessions.open(sid)
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    services.supervisor.set_pin(PIN, PIN)
    window.open_session(sid)
    header = window.stack.currentWidget().header
    header.amend_title()
    dlg = header.dialog
    qtbot.waitExposed(dlg)
    title = dlg.editors["title"]
    title.clear()
    type_text(title, "เวทีฝุ่นควัน ลำปาง")
    type_text(dlg.reason, "สะกดชื่อจังหวัดตกไป")

    def cancel(pin_dialog: QWidget) -> bool:
        assert isinstance(pin_dialog, SupervisorPinDialog)
        pin_dialog.reject()
        return True

    _on_modal(SupervisorPinDialog, cancel)
    dlg.save_button.click()
    assert dlg.isVisible() and dlg.save_button.isEnabled()  # refused at the PIN: nothing saved
    assert services.amendments.list(sid) == []

    def right(pin_dialog: QWidget) -> bool:
        _type_pin(pin_dialog, PIN)  # type: ignore[arg-type]
        return True

    _on_modal(SupervisorPinDialog, right)
    dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.result_view is not None)
    window.tasks.wait_idle(10.0)
    with services.db.read() as s:
        acts = [(x.action, x.actor_role, x.target) for x in audit.entries(s) if x.action == audit.SESSION_REOPEN]
    assert acts == [(audit.SESSION_REOPEN, audit.SUPERVISOR, (sid,))]


def test_retention_preview_and_purge_from_settings(qtbot, window, services, clocks, screenshot) -> None:
    """Settings ▸ retention: months, a preview that names what goes, the PIN, a confirmation, the purge."""
    from datetime import timedelta

    from sqlalchemy import func, select, update

    from sala.domain.clock import now
    from sala.domain.inputs import ContributionInput, ParticipantInput
    from sala.storage.models import Contribution, OutboxEntry

    topics = services.catalog.topics()
    sids = []
    for title in ("เวทีฝุ่นควัน ลำปาง", "เวทีงบประมาณ ชลบุรี"):
        sid = services.sessions.create(SessionInput(title=title, kind="minitalk", province="ลำปาง",
                                                    topic_ids=[topics[0].id])).id
        services.sessions.open(sid)
        services.participants.add(sid, ParticipantInput("P01"))
        services.contributions.add(sid, ContributionInput("concern", "ฝุ่นมากตอนเช้า", participant_code="P01"))
        services.sessions.close(sid)
        services.sessions.finalize(sid)
        sids.append(sid)
    acked, unsent = sids
    with services.db.write() as s:  # the platform answered the first session's records 8 months ago
        s.execute(update(OutboxEntry).where(OutboxEntry.session_id == acked)
                  .values(state="accepted", updated_at=now() - timedelta(days=8 * 31)))
    services.supervisor.set_pin(PIN, PIN)
    _on_modal(SupervisorPinDialog, lambda d: _type_pin(d, PIN) or True)  # type: ignore[arg-type, func-returns-value]
    window.action_settings.trigger()
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    dlg = window.settings_dialog
    box = dlg.supervisor_box
    assert not box.purge_button.isEnabled()  # off until a period is chosen
    box.months.setValue(6)
    texts: list[str] = []
    box.preview_button.click()
    qtbot.waitUntil(lambda: box.box is not None and box.box.isVisible())
    texts.append(box.box.text())
    screenshot(box.box, "retention_preview")
    box.box.accept()
    assert "1 เวที" in texts[0] and "1 session:" in texts[0] and "เวทีฝุ่นควัน ลำปาง" in texts[0]
    assert "ชลบุรี" not in texts[0]

    def confirm(msg: QWidget) -> bool:
        assert isinstance(msg, QMessageBox) and msg.objectName() == "retentionConfirm"
        texts.append(msg.text())
        msg.button(QMessageBox.StandardButton.Yes).click()
        return True

    _on_modal(QMessageBox, confirm)
    box.purge_button.click()  # unlocked a moment ago: no second PIN, a confirmation instead
    qtbot.waitUntil(lambda: box.box is not None and box.box.isVisible() and "Purged" in box.box.text())
    box.box.accept()
    with services.db.read() as s:
        left = dict(s.execute(select(Contribution.session_id, func.count()).group_by(Contribution.session_id)).all())
    assert left == {unsent: 1}
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.settings_dialog is None or not window.settings_dialog.isVisible())
    assert services.retention.months() == 6
    with services.db.read() as s:
        acts = [x.action for x in audit.entries(s)]
    assert audit.RETENTION_PURGE in acts and acts.count(audit.SETTINGS_CHANGE) == 2  # the PIN set, the months


def _spy_threads(obj: object, name: str) -> list[str]:
    """Call ``obj.name`` through, noting the thread each call ran on."""
    import threading

    real, threads = getattr(obj, name), []

    def spy(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args)

    setattr(obj, name, spy)
    return threads


def test_the_pin_is_checked_on_the_writer_not_the_ui_thread(qtbot, services, tasks, clocks, fonts,
                                                            thai_ui) -> None:
    """A key derivation per check (~0.15 s) froze the window: now submit returns at once with the
    keys greyed; Cancel waits for the answer; wrong and right PINs are said as before."""
    from sala.services.supervisor_pin import SETTINGS
    from sala.storage.errors import CorruptDatabaseError

    services.supervisor.set_pin(PIN, PIN)
    services.supervisor.lock()
    threads = _spy_threads(services.supervisor, "check")
    dlg = SupervisorPinDialog(services.supervisor, SETTINGS, "th", tasks)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    _type_pin(dlg, "000000")
    assert dlg.checking and not dlg.entry.isEnabled() and not dlg.ok_button.isEnabled()
    dlg.reject()  # Esc during the check: the answer comes first
    assert dlg.isVisible()
    qtbot.waitUntil(lambda: not dlg.checking)
    assert "รหัส PIN ไม่ถูกต้อง" in dlg.message.text() and "Wrong PIN" in dlg.message.text()
    assert dlg.countdown.isVisible() and not dlg.ok_button.isEnabled()  # the backoff as before
    assert threads == ["sala-writer"]
    clocks[0].advance(1)
    dlg.tick()
    # a check that cannot run (the file found damaged meanwhile): said, the dialog stays, nothing unlocked
    services.db.damaged = CorruptDatabaseError(services.db.path, "test", None)
    _type_pin(dlg, PIN)
    qtbot.waitUntil(lambda: not dlg.checking)
    assert "เสียหาย" in dlg.message.text() and "damaged" in dlg.message.text()
    assert dlg.isVisible() and not services.supervisor.is_unlocked() and dlg.ok_button.isEnabled()
    services.db.damaged = None
    with qtbot.waitSignal(dlg.accepted):
        _type_pin(dlg, PIN)
    assert services.supervisor.is_unlocked() and threads == ["sala-writer"] * 3


def test_the_kiosk_pad_checks_on_the_writer(qtbot, services, tasks, clocks, exhibition, fonts, thai_ui) -> None:
    from sala.services.kiosk_pin import KioskExit
    from sala.ui.kiosk.pin import PinDialog

    services.kiosk_pin.set("2468", "2468")
    exit_check = KioskExit(services.db, services.supervisor, services.kiosk_pin, exhibition)
    threads = _spy_threads(services.kiosk_pin, "check")
    pad = PinDialog(services.kiosk_pin, "verify", "th", tasks, checker=exit_check)
    qtbot.addWidget(pad)
    pad.show()
    qtbot.waitExposed(pad)
    for ch in "1111":
        qtbot.mouseClick(pad.keys[ch], L)
    qtbot.mouseClick(pad.keys["OK"], L)
    assert pad.busy and not pad.keys["1"].isEnabled() and not pad._cancel.isEnabled()
    qtbot.waitUntil(lambda: not pad.busy)
    assert "Wrong PIN" in pad.message.text() and "1 วินาที" in pad.countdown.text()
    clocks[0].advance(1)
    qtbot.waitUntil(lambda: pad.keys["OK"].isEnabled())
    with qtbot.waitSignal(pad.accepted):
        for ch in "2468":
            qtbot.mouseClick(pad.keys[ch], L)
        qtbot.mouseClick(pad.keys["OK"], L)
        assert pad.busy
    assert threads == ["sala-writer", "sala-writer"]
