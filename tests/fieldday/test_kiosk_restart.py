"""The field-day walk's dead battery, on the real X display at 1366x768: a ``sala`` process in
kiosk mode is killed (SIGKILL) after a visitor sent; the app is started again as ``sala`` starts
it. The visitor screen is what comes up, full screen and active (the public never gets the staff
page), the visitor before the kill is counted, and staff leave with the PIN by touch."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sala.paths import AppPaths
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.shell.main import make_settings
from sala.ui.shell.startup import Startup
from tests.fieldday import flows
from tests.fieldday.helpers import SCREEN, WAIT_MS, assert_all_visible_inside_screen, closed, run_modal
from tests.ui.kiosk_kill_child import PIN, exhibition_with_pin, run_until_killed


def test_killed_kiosk_comes_back_on_the_visitor_screen(qtbot, tmp_path, shots, thai_ui) -> None:
    paths = AppPaths(tmp_path / "data", tmp_path / "logs").ensure()
    sid = exhibition_with_pin(paths)
    run_until_killed(paths, sid)
    startup = Startup(paths, make_settings(paths), "th")
    startup.begin()
    try:
        window = startup.window
        qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), KioskStaffPage), timeout=WAIT_MS)
        page = window.stack.currentWidget()
        assert isinstance(page, KioskStaffPage)
        kiosk = page.kiosk
        assert kiosk is not None, "the restart came up on the staff page"
        qtbot.waitUntil(lambda: kiosk.windowHandle() is not None and kiosk.windowHandle().isExposed()
                        and kiosk.isActiveWindow() and kiosk.geometry().width() >= SCREEN.width() * 0.9,
                        timeout=WAIT_MS)
        shots.take("kiosk-after-kill")
        assert QApplication.activeWindow() is kiosk and not window.isVisible()  # no staff window to Alt+Tab to
        assert_all_visible_inside_screen(kiosk, SCREEN)
        assert "1" in page.tally.summary.text()  # the visitor before the kill
        flows.tap(kiosk.faces.button(4))
        with qtbot.waitSignal(kiosk.sig_visit_saved, timeout=WAIT_MS):
            flows.tap(kiosk.save_button)
        run_modal(qtbot, lambda: flows.tap(kiosk.staff_button), lambda dlg: flows.pin_pad(qtbot, dlg, PIN, 1))
        qtbot.waitUntil(lambda: closed(kiosk), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=WAIT_MS)
        assert window.isMaximized() or SCREEN.contains(window.frameGeometry())
        assert_all_visible_inside_screen(window, SCREEN)
        assert "2" in page.tally.summary.text()
        shots.take("staff-after-leaving")
    finally:
        startup.window.close()
        startup.close()
