"""Start-up in steps: the window first, then the list, then the database, so Sala appears at once.

1. :class:`Startup` shows the main window's shell ("opening your sessions…") straight away;
   nothing heavy (SQLAlchemy, the services, the capture pages) has been imported yet.
2. Once the shell has painted, the list's first screenful is read with ``sqlite3`` alone
   (:mod:`sala.services.first_page`: only from a database already at the migrations' head) and
   shown in Qt's own item model (:mod:`sala.ui.sessions.first_screen`). It only shows: a session
   opened from it, a sort or a filter wait for step 3. Until it has painted, the cyclic garbage
   collector is held (:func:`pause_gc`), and nothing touches the ``Qt`` namespace (its first use
   builds ~90 enum classes) or binds a key.
3. Once the list has painted, the first task on the single writer thread imports the composition
   root and opens the database (creating or migrating it when due: a migration always checks
   integrity first). The window is filled in on the UI thread (the list shown in step 2 is kept,
   now over the service) and the last open session comes back.
4. The integrity check (``PRAGMA quick_check``, ~0.4 s on a 400 MB file) runs next on the
   same writer thread, so every save the user makes meanwhile waits behind it; reads already
   show. A damaged file is met with the offer to restore the newest backup, never a traceback.
"""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from sala.domain.errors import SalaError
from sala.paths import AppPaths
from sala.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.services.backups import RestoreResult
    from sala.storage.errors import CorruptDatabaseError
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.sessions.list_page import SessionListPage

log = logging.getLogger(__name__)
FIRST_PAINT_GRACE_MS = 300
WARM_UP_AFTER_MS = 400


_gc_paused = False


def pause_gc() -> None:
    """Hold the cyclic garbage collector until the session list has painted (:func:`resume_gc`).

    Start-up makes tens of thousands of objects that live as long as the app (modules, classes,
    Qt wrappers); the full collections they set off cost ~10 ms before the list could show, and
    found nothing to free."""
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def resume_gc() -> None:
    """Collect again; what start-up made stays out of the collections (frozen) until
    :func:`settle_gc`, so the first one does not walk it all just as the list shows."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def settle_gc() -> None:
    """Hand what start-up made back to the collector (once the services are open)."""
    if gc.isenabled() and gc.get_freeze_count():
        gc.unfreeze()


def _open_services(paths: AppPaths, check: bool) -> Services:
    from sala.bootstrap import build_services
    from sala.logging_setup import setup_logging

    setup_logging(paths)
    # Only Qt-free modules are imported here: importing PySide6 widget modules off the UI
    # thread can deadlock against the UI thread's own lazy type set-up.
    return build_services(paths, check=check)


def _open_after_restore(paths: AppPaths) -> Services:
    """The services over a database a member of staff chose to restore (Settings): it opens on
    the staff page, even when the backup was taken while an exhibition's kiosk was on (its
    visitor mode would otherwise put the restored laptop straight back behind the PIN)."""
    from sala.services.kiosk_mode import KioskMode

    services = _open_services(paths, check=True)
    KioskMode(services.db).end()
    return services


def _restore_and_open(exc: CorruptDatabaseError, paths: AppPaths, damaged: Services | None) -> Services:
    from sala.storage import backup

    if damaged is not None:
        damaged.close()
    assert exc.backup is not None
    aside = backup.restore(exc.backup, exc.path)
    log.warning("restored %s from %s; damaged copy kept at %s", exc.path, exc.backup, aside)
    return _open_services(paths, check=True)


class Startup(QObject):
    """Owns the window, the writer thread and the services for one run of the GUI."""

    def __init__(self, paths: AppPaths, settings: QSettings, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.lang = lang
        self.tasks: TaskRunner | None = None  # made after the first paint, like everything heavy
        self.window = MainWindow(settings, lang)
        self.services: Services | None = None
        self.exit_code = 0
        self._open_started = False
        self._first_page_started = False
        self._first_page: SessionListPage | None = None
        self._asked_to_open: str | None = None  # a session opened from the first page, before the services

    def begin(self) -> None:
        """Show the window now; the list's first screenful once it has painted, then open the
        database on the writer thread once that has painted.

        Waiting for each paint keeps the next step from competing with it for the interpreter;
        the timer covers a window that never paints (minimised at start).
        """
        self.window.installEventFilter(self)
        self.window.show_fitted()
        QTimer.singleShot(FIRST_PAINT_GRACE_MS, self._start_open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        if event.type() != QEvent.Type.Paint or self._open_started:
            return False
        if watched is self.window and not self._first_page_started:
            if os.environ.get("SALA_MARK_SHOWN"):  # tests/perf/bench_dist.py times the frozen start
                print("SHOWN", flush=True)
            QTimer.singleShot(0, self._show_first_page)
        elif self._first_page is not None and watched is self._first_page.table.viewport():
            QTimer.singleShot(0, self._start_open)
        return False

    def _show_first_page(self) -> None:
        """The newest sessions, read without the services, unless the last open session comes
        back (the list would only flash before it)."""
        if self._first_page_started or self._open_started:
            return
        self._first_page_started = True
        self.window.removeEventFilter(self)
        from sala.ui.shell.app import LAST_OPEN_KEY

        first = None
        if not self.settings.value(LAST_OPEN_KEY):
            from sala.services.first_page import read_first_page

            first = read_first_page(self.paths.database)
        if first is None or not first.rows:
            self._start_open()
            return
        from sala.ui.sessions.list_page import SessionListPage

        page = SessionListPage(first, self.lang)
        page.sig_open_session.connect(self._open_when_ready)
        self._first_page = page
        page.table.viewport().installEventFilter(self)
        self.window.show_first_page(page)

    def _open_when_ready(self, session_id: str) -> None:
        if self.services is None:
            self._asked_to_open = session_id

    def _start_open(self) -> None:
        if self._open_started:
            return
        self._open_started = True
        self.window.removeEventFilter(self)
        if self._first_page is not None:
            self._first_page.table.viewport().removeEventFilter(self)
        resume_gc()
        from sala.ui.common.tasks import TaskRunner

        self.tasks = TaskRunner()
        self.tasks.run(lambda: _open_services(self.paths, check=False), self._opened, self._failed)

    def close(self) -> None:
        """At quit: finish queued writes, then close the database."""
        resume_gc()
        if self.tasks is not None:
            self.tasks.shutdown()
        if self.services is not None:
            self.services.close()
            self.services = None

    # -- steps ----------------------------------------------------------------------------
    def _opened(self, services: Services) -> None:
        from sala.domain.thaitext import warm_up
        from sala.ui.common.tasks import start
        from sala.ui.shell.app import attach_services, reopen_last_session
        from sala.ui.shell.fonts import register_other_fonts

        register_other_fonts()  # italic, light, semi-bold: the session pages' (built from here on)

        self.services = services
        assert self.tasks is not None
        attach_services(self.window, services, self.tasks, self.settings, self.lang)
        self.window.sig_restore_requested.connect(self.restore_backup)
        if self._first_page is not None:
            self._first_page.sig_open_session.disconnect(self._open_when_ready)
            self._first_page = None
        asked, self._asked_to_open = self._asked_to_open, None
        from sala.ui.kiosk.resume import resume_visitor_mode

        if resume_visitor_mode(self.window):  # an exhibition left on its visitor screen: back on it
            pass
        elif asked is not None:
            self.window.open_session(asked)
        else:
            reopen_last_session(self.window, self.settings)
        # The segmentation dictionary (~0.7 s of pure Python) loads just after the list has
        # painted: started at once it held the interpreter while the list waited to paint
        # (list shown ~1.0 s → ~1.7 s from process start). A search typed sooner waits for it.
        QTimer.singleShot(WARM_UP_AFTER_MS, lambda: start(lambda _job: warm_up(), self, name="thai-warm-up"))
        if not services.open_report.checked:
            self.tasks.run(services.db.check, None, self._failed)
        settle_gc()

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sala.storage.errors import CorruptDatabaseError

        if isinstance(exc, CorruptDatabaseError):
            self._offer_restore(exc)
            return
        if isinstance(exc, SalaError):
            QMessageBox.critical(self.window, "Sala", exc.bilingual())
        else:  # a bug: the task runner has logged it with its traceback
            QMessageBox.critical(self.window, "Sala",
                                 "เปิดฐานข้อมูลไม่ได้ รายละเอียดอยู่ในไฟล์บันทึก\n"
                                 "The database could not be opened; details are in the log.")
        self._give_up()

    def _offer_restore(self, exc: CorruptDatabaseError) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.window.setEnabled(False)  # nothing more is typed into a damaged file meanwhile
        if exc.backup is None:
            QMessageBox.critical(self.window, "Sala", exc.bilingual())
            self._give_up()
            return
        answer = QMessageBox.question(
            self.window, "Sala",
            f"{exc.bilingual()}\n\nกู้คืนจากสำเนาสำรอง {exc.backup.name} หรือไม่? (ไฟล์ที่เสียหายจะถูกเก็บไว้)\n"
            f"Restore the backup {exc.backup.name}? (The damaged file is kept aside.)",
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._give_up()
            return
        damaged, self.services = self.services, None
        old, self.window = self.window, MainWindow(self.settings, self.lang)
        old.hide()
        old.deleteLater()
        self.window.show_fitted()
        assert self.tasks is not None
        self.tasks.run(lambda: _restore_and_open(exc, self.paths, damaged), self._opened, self._failed)

    # -- a restore the user asked for (Settings) -----------------------------------------
    def restore_backup(self, chosen: Path) -> None:
        """Check ``chosen``; then close the services, put it in place and reopen in a fresh window.

        The window is disabled meanwhile: nothing reads or writes the database while it is
        swapped. A refused file changes nothing (see ``sala.services.backups``)."""
        from PySide6.QtWidgets import QMessageBox

        from sala.storage.backup import check_backup
        from sala.ui.common.errors import show_error

        assert self.tasks is not None
        actions = getattr(self.window, "sync_actions", None)
        if actions is not None and actions.controller.running:
            QMessageBox.information(self.window, "Sala", self.window.restore_texts()["sync_running"])
            return
        self.tasks.run(lambda: check_backup(chosen), lambda _found: self._restore_checked(chosen),
                       lambda exc: show_error(self.window, exc, self.window.lang))

    def _restore_checked(self, chosen: Path) -> None:
        from sala.services.backups import restore_and_reopen

        assert self.tasks is not None and self.services is not None
        current = self.services
        actions = getattr(self.window, "sync_actions", None)
        if actions is not None:
            actions.controller.stop()
        self.window.setEnabled(False)
        self.window.statusBar().showMessage(self.window.restore_texts()["restoring"])
        self.tasks.run(lambda: restore_and_reopen(self.paths, chosen, current.close, _open_after_restore),
                       self._restored, self._failed)

    def _restored(self, result: RestoreResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        from sala.ui.common.errors import error_text

        if result.services is None:  # refused before anything moved: carry on as before
            self.window.setEnabled(True)
            actions = getattr(self.window, "sync_actions", None)
            if actions is not None:
                actions.controller.start()
            text = error_text(result.error, self.window.lang) if result.error else ""
        else:
            self.lang = self.window.lang
            self.window.remember_geometry()
            old, self.window = self.window, MainWindow(self.settings, self.lang)
            old.hide()
            old.deleteLater()  # its sync status stops with it
            self.window.show_fitted()
            self._opened(result.services)  # type: ignore[arg-type]
            if result.error is not None:
                text = error_text(result.error, self.lang)
            else:
                text = self.window.restore_texts()["restored"].replace("%1", str(result.aside or ""))
        box = QMessageBox(QMessageBox.Icon.Information, "Sala", text, parent=self.window)
        box.setObjectName("restoreOutcome")
        box.open()
        self.restore_message = box

    def _give_up(self) -> None:
        self.exit_code = 1
        self.window.hide()
        QApplication.quit()
