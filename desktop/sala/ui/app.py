"""Building the GUI over the services: the window, its pages and dialogs (the UI's wiring)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.ui import qt_fixes
from sala.ui.main_window import MainWindow
from sala.ui.tasks import TaskRunner

LAST_OPEN_KEY = "session/last_open"


def create_main_window(services: Services, tasks: TaskRunner, settings: QSettings, lang: str) -> MainWindow:
    """The main window with every page factory and dialog it may open, given explicitly."""
    qt_fixes.install()  # before the first save: this PySide6's emit() leaks (see qt_fixes)
    from sala.ui.focus_group_page import FocusGroupPage
    from sala.ui.kiosk_staff import KioskStaffPage
    from sala.ui.minitalk_page import MinitalkPage
    from sala.ui.new_session_dialog import run_new_session_dialog

    pages = {
        e.SessionKind.MINITALK: lambda sid: MinitalkPage(services, tasks, lang, sid),
        e.SessionKind.FOCUS_GROUP: lambda sid: FocusGroupPage(services, tasks, sid, lang),
        e.SessionKind.EXHIBITION: lambda sid: KioskStaffPage(services, tasks, sid, lang),
    }
    window = MainWindow(services, tasks, settings, lang, pages=pages,
                        new_session=lambda parent: run_new_session_dialog(services, tasks, lang, parent))
    from sala.ui.sync_ui import install_sync_ui
    window.sync_actions = install_sync_ui(window, services.sync, tasks, lang)  # type: ignore[attr-defined]
    # Going back to the list on purpose means the next start opens the list, not the old session.
    window.action_sessions.triggered.connect(lambda: settings.remove(LAST_OPEN_KEY))
    return window


def reopen_last_session(window: MainWindow, settings: QSettings) -> bool:
    """Return to the session that was open when the app last stopped (or was killed)."""
    session_id = settings.value(LAST_OPEN_KEY)
    if not session_id:
        return False
    try:
        window.services.sessions.get(str(session_id))
    except Exception:  # noqa: BLE001 - a session gone (restored backup) just means: show the list
        settings.remove(LAST_OPEN_KEY)
        return False
    window.open_session(str(session_id))
    return True
