"""A bug that escapes a Qt slot is logged with its traceback and shown, not lost on stderr.

PySide prints an exception raised in a slot to stderr and carries on: a field officer with no
terminal sees nothing happen (seen: opening an exhibition whose page failed to build did
nothing at all). :func:`install` puts a ``sys.excepthook`` in front: the traceback goes to the
log file first, then the user reads the bilingual internal-error message. One message at a
time: a bug that repeats on every repaint must not stack dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication

log = logging.getLogger("sala.bug")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashGuard:
    def __init__(self, lang: Callable[[], str]) -> None:
        self._lang = lang
        self._showing = False
        self.previous: Hook = sys.excepthook

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        log.error("unexpected error (a bug)", exc_info=(kind, exc, tb))
        if self._showing or threading.current_thread() is not threading.main_thread():
            return
        if QApplication.instance() is None:
            return
        from sala.ui.common.errors import show_error  # not at start: the window paints first

        self._showing = True
        try:
            show_error(QApplication.activeWindow(), exc, self._lang())
        finally:
            self._showing = False


def install(lang: Callable[[], str]) -> CrashGuard:
    """Route uncaught exceptions (on the UI thread: slots, events) to the log and a message."""
    guard = CrashGuard(lang)
    sys.excepthook = guard
    return guard


def uninstall(guard: CrashGuard) -> None:
    if sys.excepthook is guard:
        sys.excepthook = guard.previous
