"""At start: an exhibition left on the visitor screen comes back on it, behind the PIN.

The facilitator left the laptop with visitors; the battery died or the app was killed. The
database says visitor mode was on (``services/kiosk_mode.py``), so the start opens that
exhibition's page and puts the visitor screen over it at once, in the same turn of the event
loop (the staff page is never painted alone for the public to use). Called by the start-up
(``ui/shell/startup.py``) before the last open session is reopened.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sala.domain import enums as e
from sala.domain.errors import NotFoundError
from sala.services.kiosk_mode import KioskMode

if TYPE_CHECKING:
    from sala.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def resume_visitor_mode(window: MainWindow) -> bool:
    """Reopen the exhibition whose kiosk was on, on its visitor screen; False when none was on
    (or it is gone: visitor mode is ended then, and the start carries on as usual)."""
    services, tasks = window.services, window.tasks
    if services is None or tasks is None:
        return False
    mode = KioskMode(services.db)
    sid = mode.session_id()
    if sid is None:
        return False
    try:
        kind = services.sessions.get(sid).kind
    except NotFoundError:  # gone (a backup from before it was restored): nothing to guard
        kind = None
    if kind != e.SessionKind.EXHIBITION:
        log.warning("visitor mode was on for session %s, which is no exhibition here; ended", sid)
        tasks.run(mode.end)
        return False
    window.open_session(sid)
    from sala.ui.kiosk.staff_page import KioskStaffPage

    page = window.stack.currentWidget()
    if not isinstance(page, KioskStaffPage):
        return False
    return page.resume_kiosk()
