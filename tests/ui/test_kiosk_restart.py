"""A kiosk whose app dies mid-session comes back on the visitor screen (field-day walk).

The facilitator leaves the laptop on the visitor screen; the battery dies or the app is killed.
On the next start the public must meet the visitor screen again, behind the PIN, never the staff
page with its controls; every visitor's entry is still there. Tested by killing a real ``sala``
process (the real start-up and main window, in a child) with SIGKILL, then starting the app
again here through the same start-up, and leaving with the PIN as staff would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from sala.bootstrap import build_services
from sala.domain import enums as e
from sala.paths import AppPaths
from sala.services import audit
from sala.services.kiosk_mode import KioskMode
from sala.storage.models import Rating
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.kiosk.visitor import KioskVisitor
from sala.ui.shell.app import LAST_OPEN_KEY
from sala.ui.shell.main import make_settings
from sala.ui.shell.startup import Startup
from tests.fake_clock import FakeClock
from tests.ui.kiosk_kill_child import PIN, exhibition_with_pin, run_until_killed

L = Qt.MouseButton.LeftButton


@pytest.fixture
def startups(qapp, fonts, thai_ui) -> Iterator[list[Startup]]:
    made: list[Startup] = []
    yield made
    for s in made:
        page = s.window.stack.currentWidget() if s.window.services is not None else None
        if isinstance(page, KioskStaffPage) and page.kiosk is not None and page.kiosk.isVisible():
            page.kiosk.leave()
        s.window.close()
        s.close()


def _start(app_paths: AppPaths, made: list[Startup], qtbot) -> Startup:
    """Start the app as ``sala`` does (the window first, the database after) and wait for it."""
    startup = Startup(app_paths, make_settings(app_paths), "th")
    made.append(startup)
    startup.begin()
    qtbot.waitUntil(lambda: startup.window.services is not None, timeout=20_000)
    return startup


def _tap_pin(qtbot, pad, pin: str) -> None:
    for ch in pin:
        qtbot.mouseClick(pad.keys[ch], L)
    qtbot.mouseClick(pad.keys["OK"], L)


def test_killed_in_kiosk_mode_comes_back_on_the_visitor_screen(qtbot, app_paths, startups, tmp_path) -> None:
    sid = exhibition_with_pin(app_paths)
    rating_id = run_until_killed(app_paths, sid)

    startup = _start(app_paths, startups, qtbot)
    window = startup.window
    page = window.stack.currentWidget()
    assert isinstance(page, KioskStaffPage)
    kiosk = page.kiosk
    assert kiosk is not None, "the restart opened the staff page, not the visitor screen"
    qtbot.waitExposed(kiosk)
    assert kiosk.isVisible() and kiosk.isFullScreen()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskVisitor) and w.isVisible()] == [kiosk]
    assert not window.isVisible(), "the staff window stays out of reach (Alt+Tab) behind the visitor screen"
    assert "นิทรรศการ" not in kiosk.windowTitle() and not kiosk.findChildren(KioskStaffPage)
    # offscreen's screen is 800 px wide, under the kiosk's 1024 (the Xvfb kiosk test covers sizes): a look only
    assert kiosk.grab().save(str(tmp_path / "kiosk_after_restart.png"))
    assert kiosk.title.isVisible() and kiosk.staff_button.isVisible() and not page.isActiveWindow()

    # nothing lost: the visitor before the kill is counted, the session still takes visitors
    services = startup.services
    assert services is not None
    with services.db.read() as s:
        assert [r.id for r in s.scalars(select(Rating).where(Rating.session_id == sid))] == [rating_id]
    assert services.sessions.get(sid).status == e.SessionStatus.OPEN
    assert "1" in page.tally.summary.text()
    qtbot.mouseClick(kiosk.faces.button(5), L)  # the next visitor carries on at once
    qtbot.mouseClick(kiosk.save_button, L)
    qtbot.waitUntil(lambda: "2" in page.tally.summary.text())

    # the way out is still behind the PIN: Escape and closing do not leave, a wrong PIN is refused
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    kiosk.close()
    pad = kiosk.pin_dialog
    assert kiosk.isVisible() and pad is not None and pad.isVisible()
    clock = services.kiosk_pin.backoff.clock = FakeClock()  # the wait after a wrong PIN, without sleeping
    _tap_pin(qtbot, pad, "0000")
    qtbot.waitUntil(lambda: "Wrong PIN" in pad.message.text())
    assert kiosk.isVisible() and "ไม่ถูกต้อง" in pad.message.text()
    assert KioskMode(services.db).session_id() == sid
    clock.advance(1)
    qtbot.waitUntil(lambda: pad.keys["OK"].isEnabled())
    _tap_pin(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    assert page.isVisible() and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: startup.tasks is not None and not startup.tasks.busy())
    assert KioskMode(services.db).session_id() is None
    with services.db.read() as s:
        exits = [x.target for x in audit.entries(s) if x.action == audit.KIOSK_EXIT]
    assert exits == [(sid,)]
    assert make_settings(app_paths).value(LAST_OPEN_KEY) == sid

    # left with the PIN, the next start is the staff page's again
    startup.window.close()
    startup.close()
    startups.remove(startup)
    again = _start(app_paths, startups, qtbot)
    page = again.window.stack.currentWidget()
    assert isinstance(page, KioskStaffPage) and page.kiosk is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskVisitor) and w.isVisible()]


def test_a_closed_exhibition_does_not_come_back_in_kiosk_mode(qtbot, app_paths, startups) -> None:
    """Visitor mode was on, but the exhibition can no longer take visitors (closed on this laptop's
    restored backup, say): the staff page says why; visitor mode ends."""
    sid = exhibition_with_pin(app_paths)
    services = build_services(app_paths)
    services.sessions.open(sid)
    KioskMode(services.db).enter(sid)
    services.sessions.close(sid)
    services.close()
    startup = _start(app_paths, startups, qtbot)
    page = startup.window.stack.currentWidget()
    assert isinstance(page, KioskStaffPage) and page.kiosk is None
    assert page.kiosk_note.isVisible() and "ปิด" in page.kiosk_note.text()
    qtbot.waitUntil(lambda: startup.tasks is not None and not startup.tasks.busy())
    assert startup.services is not None and KioskMode(startup.services.db).session_id() is None


def test_visitor_mode_for_a_session_that_is_gone_opens_the_list(qtbot, app_paths, startups) -> None:
    services = build_services(app_paths)
    KioskMode(services.db).enter("0190f0f0-0000-7000-8000-000000000000")
    services.close()
    startup = _start(app_paths, startups, qtbot)
    assert startup.window.stack.currentWidget() is startup.window.list_page
    qtbot.waitUntil(lambda: startup.tasks is not None and not startup.tasks.busy())
    assert startup.services is not None and KioskMode(startup.services.db).session_id() is None


def test_a_backup_taken_in_kiosk_mode_restores_onto_the_staff_page(qtbot, app_paths, startups) -> None:
    """A backup taken while an exhibition's kiosk was on, restored by staff from Settings: the
    restored laptop opens for the member of staff who restored it (the staff page, no PIN),
    and its next start does too; the visitors' entries in the backup are all there."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    sid = exhibition_with_pin(app_paths)
    services = build_services(app_paths)
    services.sessions.open(sid)
    KioskMode(services.db).enter(sid)
    backup = services.db.backup("manual")         # taken with visitor mode on
    KioskMode(services.db).end()
    services.close()

    startup = _start(app_paths, startups, qtbot)
    old = startup.window
    old.action_settings.trigger()
    dlg = old.settings_dialog
    assert dlg is not None
    qtbot.waitExposed(dlg)
    row = next(i for i in range(dlg.backup_list.count()) if dlg.backup_list.item(i).toolTip() == str(backup))
    dlg.backup_list.setCurrentRow(row)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, confirm)

    QTimer.singleShot(20, confirm)
    dlg.restore_button.click()
    qtbot.waitUntil(lambda: startup.window is not old and startup.window.services is not None, timeout=15_000)
    qtbot.waitUntil(lambda: getattr(startup, "restore_message", None) is not None)
    startup.restore_message.close()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskVisitor) and w.isVisible()]
    assert startup.window.isVisible()
    assert startup.services is not None and KioskMode(startup.services.db).session_id() is None
    assert startup.services.sessions.get(sid).status == e.SessionStatus.OPEN

    startup.window.close()
    startup.close()
    startups.remove(startup)
    again = _start(app_paths, startups, qtbot)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskVisitor) and w.isVisible()]
    assert again.window.isVisible()
