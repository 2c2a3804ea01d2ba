"""Building the GUI over the services: the window, its pages and dialogs (the UI's wiring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from sala.domain import enums as e
from sala.ui.shell.main_window import MainWindow, PageFactory

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner

LAST_OPEN_KEY = "session/last_open"


def create_main_window(services: Services, tasks: TaskRunner, settings: QSettings, lang: str) -> MainWindow:
    """The main window with every page factory and dialog it may open, given explicitly."""
    window = MainWindow(settings, lang)
    attach_services(window, services, tasks, settings, lang)
    return window


def attach_services(window: MainWindow, services: Services, tasks: TaskRunner, settings: QSettings,
                    lang: str) -> None:
    """Fill a shown shell in: pages per session kind, the new-session dialog, the sync UI."""
    # Each page's module is imported when a session of its kind is first opened, not at start.
    # Pages read the window's language when built: a language switch rebuilds them in the new one.
    def minitalk(sid: str) -> QWidget:
        from sala.ui.minitalk.page import MinitalkPage

        return MinitalkPage(services, tasks, sid, window.lang)

    def focus_group(sid: str) -> QWidget:
        from sala.ui.focus_group.page import FocusGroupPage

        return FocusGroupPage(services, tasks, sid, window.lang)

    def exhibition(sid: str) -> QWidget:
        from sala.ui.kiosk.staff_page import KioskStaffPage

        return KioskStaffPage(services, tasks, sid, window.lang)

    def new_session(parent: QWidget) -> str | None:
        from sala.ui.sessions.new_dialog import run_new_session_dialog

        return run_new_session_dialog(services, tasks, window.lang, parent)

    pages: dict[e.SessionKind, PageFactory] = {e.SessionKind.MINITALK: minitalk, e.SessionKind.FOCUS_GROUP: focus_group,
             e.SessionKind.EXHIBITION: exhibition}
    window.attach(services, tasks, pages=pages, new_session=new_session)
    from sala.ui.sync.install import install_sync_ui
    sync_actions = install_sync_ui(window, services.sync, tasks, lang, supervisor=services.supervisor)
    window.sync_actions = sync_actions  # type: ignore[attr-defined]
    window.sig_language_changed.connect(sync_actions.retranslate)
    from sala.ui.privacy.install import install_privacy_ui
    window.privacy = install_privacy_ui(window, services, tasks)  # type: ignore[attr-defined]
    from sala.ui.audience.install import install_audience_ui
    window.audience = install_audience_ui(window, services, tasks)  # type: ignore[attr-defined]
    # Going back to the list on purpose means the next start opens the list, not the old session.
    window.action_sessions.triggered.connect(lambda: settings.remove(LAST_OPEN_KEY))


def reopen_last_session(window: MainWindow, settings: QSettings) -> bool:
    """Return to the session that was open when the app last stopped (or was killed)."""
    session_id = settings.value(LAST_OPEN_KEY)
    if not session_id:
        return False
    try:
        assert window.services is not None, "attach_services first"
        window.services.sessions.get(str(session_id))
    except Exception:  # noqa: BLE001 - a session gone (restored backup) just means: show the list
        settings.remove(LAST_OPEN_KEY)
        return False
    window.open_session(str(session_id))
    return True
