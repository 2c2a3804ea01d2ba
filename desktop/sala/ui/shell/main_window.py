"""The main window: shown first as a shell, then filled in once the database is open.

Start-up shows this window before SQLAlchemy is even imported (see ``ui/shell/startup.py``): the
shell has its menus and a "opening" note; :meth:`MainWindow.attach` adds the session list,
the pages and the status once the services exist. Nothing here imports the storage layers at
module level, so the shell costs no more than a bare Qt window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.ui.common.status_bar import GIVES_WAY, FittingStatusBar
from sala.ui.shell import menus

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.sessions.list_page import SessionListPage

_GEOMETRY_KEY = "window/geometry"
_MAXIMIZED_KEY = "window/maximized"
_PREFERRED_W, _PREFERRED_H = 1200, 760
_FRAME_ALLOWANCE = 60  # title bar, borders and a task bar: what the window's own size does not count

# Builds the page for one session: (session_id) -> QWidget. Supplied by the composition root.
PageFactory = Callable[[str], QWidget]


DB_PATH_PX = 220
"""Width of the data file's path in the status bar."""


def _centred(label: QLabel) -> QWidget:
    """``label`` in the middle of a page, by stretches: the shell touches no ``Qt`` enum, whose
    first use builds ~90 enum classes (20 ms) before the window could paint."""
    row = QHBoxLayout()
    row.addStretch()
    row.addWidget(label)
    row.addStretch()
    page = QWidget()
    column = QVBoxLayout(page)
    column.addStretch()
    column.addLayout(row)
    column.addStretch()
    return page


def _holds_typing(widget: QWidget | None) -> bool:
    """Whether ``widget`` is an editable text field with something typed in it."""
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit):
        return bool(widget.text()) and not widget.isReadOnly()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return bool(widget.toPlainText()) and not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


class MainWindow(QMainWindow):
    sig_language_changed = Signal(str)
    """The UI now speaks this language ("th" or "en"): every page has been rebuilt in it."""
    sig_restore_requested = Signal(Path)
    """The user confirmed restoring this backup (Settings): the composition root closes the
    services, restores and reopens (see ``ui/shell/startup.py``)."""
    sig_attached = Signal()
    """The services are attached: the session list is showing."""

    # The menus and their actions (ui/shell/menus.py builds them with the shell).
    file_menu: QMenu
    view_menu: QMenu
    lang_menu: QMenu
    action_new: QAction
    action_backup: QAction
    action_settings: QAction
    action_quit: QAction
    action_summary: QAction
    action_period: QAction
    action_export: QAction
    action_sessions: QAction
    action_back: QAction
    action_dashboard: QAction
    language_actions: dict[str, QAction]

    def __init__(self, settings: QSettings, lang: str) -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        self.services: Services | None = None
        self.tasks: TaskRunner | None = None
        self.list_page: SessionListPage | None = None
        self._pages: dict[e.SessionKind, PageFactory] = {}
        self._new_session: Callable[[QWidget], str | None] | None = None
        self._session_page: QWidget | None = None
        self._session_page_id = ""
        self._saving_message: str | None = None  # the "Saving…" words on show, in the language of that moment
        self.report_dialog: QWidget | None = None
        """The summary dialog "Print summary" opened last (tests and the field-day suite reach it here)."""
        self.settings_dialog: QWidget | None = None
        """The settings dialog while it is open."""
        self._opening_label = QLabel()
        self.opening = _centred(self._opening_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.opening)
        self.setCentralWidget(self.stack)
        menus.build(self)
        self.retranslate()
        self._needs_services = (self.action_new, self.action_backup, self.action_summary, self.action_period,
                                self.action_export, self.action_sessions, self.action_dashboard,
                                self.action_settings)
        for action in self._needs_services:
            action.setEnabled(False)
        self.count_label = QLabel()
        self.db_label = QLabel()
        self.status_bar = FittingStatusBar()
        """Makes room for a passing message and a narrow screen (see ui/common/status_bar.py)."""
        self.setStatusBar(self.status_bar)
        self.status_bar.addPermanentWidget(self.count_label)
        self.status_bar.addPermanentWidget(self.db_label)
        self.status_bar.can_give_way(self.db_label, GIVES_WAY["data file"])
        self.status_bar.can_give_way(self.count_label, GIVES_WAY["session count"])

    def attach(self, services: Services, tasks: TaskRunner, pages: dict[e.SessionKind, PageFactory] | None = None,
               new_session: Callable[[QWidget], str | None] | None = None) -> None:
        """Fill the shell in: the session list over ``services``, the pages it can open."""
        from sala.ui.sessions.list_page import SessionListPage

        self.add_shortcuts()
        self.services = services
        self.tasks = tasks
        self._pages = pages or {}
        self._new_session = new_session
        if self.list_page is None:
            self.list_page = SessionListPage(services.sessions, self.lang)
            self.stack.addWidget(self.list_page)
        else:  # the first screenful, shown before the services existed (see show_first_page)
            self.list_page.attach(services.sessions)
        self.list_page.sig_open_session.connect(self.open_session)
        self.list_page.sig_new_session.connect(self.new_session)
        self.stack.setCurrentWidget(self.list_page)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        for action in self._needs_services:
            action.setEnabled(True)
        # The data file's path, shortened in the middle: a long one must not squeeze the link state
        # and the sync queue out of the status bar. The whole path is in the tooltip.
        from PySide6.QtCore import Qt  # not at import: the shell paints before any Qt enum is built

        path = str(services.db.path)
        self.db_label.setToolTip(path)
        self.db_label.setText(self.db_label.fontMetrics().elidedText(path, Qt.TextElideMode.ElideMiddle, DB_PATH_PX))
        self.list_page.model.modelReset.connect(self._update_counts)
        self.list_page.model.rowsInserted.connect(self._update_counts)
        tasks.sig_busy_changed.connect(self._busy_changed)
        from sala.ui.common.supervisor_guard import SupervisorStatus

        self.supervisor_status = SupervisorStatus(services.supervisor, self.lang)
        self.statusBar().addPermanentWidget(self.supervisor_status)
        self.sig_language_changed.connect(self.supervisor_status.set_language)
        self._update_counts()
        self.statusBar().showMessage(self.tr("Ready — working offline, every entry is saved on this laptop"), 5000)
        self.sig_attached.emit()

    def show_first_page(self, page: SessionListPage) -> None:
        """Show the session list read at start before the services exist; :meth:`attach` takes it
        over. Until then it only shows: opening a session waits for the services."""
        self.list_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def retranslate(self) -> None:
        """Set every word the shell itself shows in the current UI language."""
        self.setWindowTitle(self.tr("Sala — public consultation"))
        if self.services is None and self.list_page is None:  # the note goes once the list shows
            self._opening_label.setText(self.tr("Opening your sessions…"))
        menus.retranslate(self)
        if self.list_page is not None:
            self._update_counts()

    def add_shortcuts(self) -> None:
        """Bind the menus' keys (see :func:`sala.ui.shell.menus.add_shortcuts`); :meth:`attach` calls it."""
        menus.add_shortcuts(self)

    def _attached(self) -> tuple[Services, TaskRunner, SessionListPage]:
        """What the menus work on; their actions are enabled only once :meth:`attach` ran."""
        if self.services is None or self.tasks is None or self.list_page is None:
            raise RuntimeError("the main window is used before attach()")
        return self.services, self.tasks, self.list_page

    # -- navigation ---------------------------------------------------------------------------
    def show_list(self) -> None:
        if self.list_page is None:
            return
        self.list_page.refresh()
        self.stack.setCurrentWidget(self.list_page)

    def back_to_list(self, from_escape: bool = False) -> None:
        """Leave a session page for the list (its typing is kept as a draft when it hides)."""
        if self.list_page is None or self.stack.currentWidget() is self.list_page:
            return
        if from_escape and _holds_typing(self.focusWidget()):
            return  # Esc in a field with words in it is not a request to leave the page
        self.show_list()

    def keyPressEvent(self, event) -> None:
        """Esc that no widget of the page used (a cell editor, a popup, edit mode) goes back to
        the list, unless the focus is in a field with words typed in it."""
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.list_page is not None and self.stack.currentWidget() is not self.list_page:
                self.back_to_list(from_escape=True)
                return
        super().keyPressEvent(event)

    def show_dashboard(self) -> None:
        """Charts over the sessions the list's filter selects (built once, kept in step with it)."""
        if getattr(self, "dashboard", None) is None:
            from sala.ui.dashboard.page import DashboardPage  # pyqtgraph loads only when asked for

            services, _tasks, list_page = self._attached()
            self.dashboard = DashboardPage(services, self.lang, linked=list_page.filters)
        else:
            self.dashboard.refresh()
        self.show_page(self.dashboard)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` in place of the list (capture pages, dashboards)."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def open_session(self, session_id: str) -> None:
        from sala.ui.common.errors import show_error

        services = self._attached()[0]
        try:
            kind = services.sessions.get(session_id).kind
        except Exception as exc:  # noqa: BLE001 - shown to the user, not swallowed
            show_error(self, exc, self.lang)
            return
        factory = self._pages.get(kind)
        if factory is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Sala", self.tr("This kind of session cannot be opened here."))
            return
        self.settings.setValue("session/last_open", session_id)
        previous = self._session_page
        self._session_page = factory(session_id)
        self._session_page_id = session_id
        header = getattr(self._session_page, "header", None)
        if header is not None and hasattr(header, "sig_print_requested"):
            header.sig_print_requested.connect(self.print_summary)
            header.sig_back_requested.connect(self.show_list)
        self.show_page(self._session_page)
        if previous is not None:
            # Hidden first (it saved its draft on hide), then let go: pages must not pile up.
            self.stack.removeWidget(previous)
            previous.deleteLater()

    def new_session(self) -> None:
        if self._new_session is None:
            return
        session_id = self._new_session(self)
        if session_id:
            self._attached()[2].refresh()
            self.open_session(session_id)

    def backup_now(self) -> None:
        from sala.ui.common.errors import show_error

        services, tasks, _list = self._attached()
        self.statusBar().showMessage(self.tr("Saving…"))
        tasks.run(lambda: services.db.backup("manual"),
                  lambda path: self.statusBar().showMessage(
                      self.tr("Backup saved: %1").replace("%1", str(path)), 8000),
                  lambda exc: show_error(self, exc, self.lang))

    # -- reports (dialogs read on their own thread; see ui/reports/report_dialog.py) --------------------
    def session_summary(self) -> None:
        header = getattr(self._session_page, "header", None)
        if header is not None and self.stack.currentWidget() is self._session_page:
            self.print_summary(header.detail.id)  # Ctrl+P on a session page prints that session
            return
        list_page = self._attached()[2]
        index = list_page.table.currentIndex()
        if not index.isValid():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Sala", self.tr("Select a session in the list first."))
            return
        self.print_summary(list_page.model.session_id(index.row()))

    def print_summary(self, session_id: str) -> None:
        """"Print summary" on a session page: the summary dialog (it names the file as a Thai official
        files it), kept in ``self.report_dialog`` while it is open."""
        from sala.ui.reports.report_dialog import ReportDialog

        services = self._attached()[0]
        dlg = ReportDialog(services, self.lang, session_id, self)
        dlg.setObjectName("printSummaryDialog")
        dlg.finished.connect(dlg.deleteLater)
        self.report_dialog = dlg
        dlg.open()

    def period_report(self) -> None:
        from sala.ui.reports.report_dialog import ReportDialog

        ReportDialog(self._attached()[0], self.lang, None, self).exec()

    def export_data(self) -> None:
        from sala.ui.reports.export_dialog import ExportDialog

        ExportDialog(self._attached()[0], self.lang, self).exec()

    # -- status -------------------------------------------------------------------------------
    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("%n session(s)", "", self._attached()[2].model.total()))

    def _busy_changed(self, busy: bool) -> None:
        # The words shown are remembered, not recomputed: after a language switch in between,
        # "กำลังบันทึก..." must still be recognised and replaced (it stayed up for good before).
        if busy:
            self._saving_message = self.tr("Saving…")
            self.statusBar().showMessage(self._saving_message)
        elif self._saving_message is not None and self.statusBar().currentMessage() == self._saving_message:
            self.statusBar().showMessage(self.tr("All changes saved"), 3000)

    # -- settings and language ----------------------------------------------------------
    def open_settings(self) -> QWidget | None:
        """The settings dialog (window-modal, not blocking): saving applies at once."""
        if self.services is None or self.tasks is None:
            return None
        from sala.services.supervisor_pin import SETTINGS
        from sala.ui.common.supervisor_guard import require_supervisor
        from sala.ui.settings.dialog import SettingsDialog

        if not require_supervisor(self, self.services.supervisor, SETTINGS, self.lang, self.tasks):
            return None
        dlg = SettingsDialog(self.services, self.tasks, self.settings, self.lang, self)
        dlg.sig_language_chosen.connect(self.set_language)
        dlg.sig_restore_requested.connect(self.sig_restore_requested)
        dlg.finished.connect(dlg.deleteLater)
        dlg.destroyed.connect(lambda: setattr(self, "settings_dialog", None))
        self.settings_dialog = dlg
        dlg.open()
        return dlg

    def set_language(self, lang: str) -> None:
        """Speak ``lang`` at once, everywhere: nothing typed is lost, nothing waits for a restart.

        The open page's draft is saved and written first; then the translators are swapped and
        every page is rebuilt from the database and the drafts (they hold all their state there),
        while the shell's own widgets are retranslated in place.
        """
        from sala.ui.shell.i18n import SETTINGS_KEY, switch_language

        self.settings.setValue(SETTINGS_KEY, lang)
        if self.language_actions.get(lang) is not None:
            self.language_actions[lang].setChecked(True)
        if lang == self.lang:
            return
        page = self._session_page
        flush = getattr(page, "flush", None)
        if callable(flush):
            flush()
        if self.tasks is not None:
            self.tasks.wait_idle(10.0)
        app = QCoreApplication.instance()
        if app is not None:
            switch_language(app, lang)
        self.lang = lang
        self.retranslate()
        if self.services is not None:
            self._rebuild_pages()
        self.sig_language_changed.emit(lang)

    def _rebuild_pages(self) -> None:
        """Build the list, the open session and the dashboard again in the UI's language."""
        from sala.ui.sessions.list_page import SessionListPage

        assert self.services is not None and self.list_page is not None
        current = self.stack.currentWidget()
        old_list = self.list_page
        self.list_page = SessionListPage(self.services.sessions, self.lang)
        self.list_page.sig_open_session.connect(self.open_session)
        self.list_page.sig_new_session.connect(self.new_session)
        self.list_page.model.modelReset.connect(self._update_counts)
        self.list_page.model.rowsInserted.connect(self._update_counts)
        self.stack.addWidget(self.list_page)
        dashboard = getattr(self, "dashboard", None)
        self.dashboard = None  # type: ignore[assignment]  # built again when next shown
        page = self._session_page
        if page is not None and current is page:
            self.open_session(self._session_page_id)  # replaces (and lets go of) the old page
        else:
            if page is not None:
                self._session_page = None
                self.stack.removeWidget(page)
                page.deleteLater()
            if dashboard is not None and current is dashboard:
                self.show_dashboard()
            else:
                self.stack.setCurrentWidget(self.list_page)
        for old in (old_list, dashboard):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self._update_counts()

    def show_fitted(self) -> None:
        """Show at the size and place of the last run, or fitted to this screen the first time.

        A 1366x768 laptop has less room than the preferred 1200x760 once the frame and the task bar
        are counted: there the window starts maximized, so the status bar and bottom buttons show.
        """
        saved = self.settings.value(_GEOMETRY_KEY)
        if saved is not None and self.restoreGeometry(saved) and self._fits_screen():
            if self.settings.value(_MAXIMIZED_KEY, False, type=bool):
                self.showMaximized()
            else:
                self.show()
            return
        screen = self.screen().availableGeometry()
        if screen.width() < _PREFERRED_W + _FRAME_ALLOWANCE or screen.height() < _PREFERRED_H + _FRAME_ALLOWANCE:
            self.showMaximized()
            return
        self.resize(_PREFERRED_W, _PREFERRED_H)
        self.move(screen.center().x() - _PREFERRED_W // 2, screen.center().y() - _PREFERRED_H // 2)
        self.show()

    def _fits_screen(self) -> bool:
        screen = self.screen().availableGeometry()
        return screen.contains(self.frameGeometry()) or screen.contains(self.geometry())

    def closeEvent(self, event) -> None:
        if self.tasks is not None:
            self.tasks.wait_idle(10.0)  # nothing typed is dropped on quit
        self.remember_geometry()
        super().closeEvent(event)

    def restore_texts(self) -> dict[str, str]:
        """What the composition root says while it restores a backup (see ``Startup.restore_backup``)."""
        return {"sync_running": self.tr("A sync is running. Restore the backup once it has finished; "
                                        "nothing was changed."),
                "restoring": self.tr("Restoring the backup…"),
                "restored": self.tr("The backup was restored. The data in use before is kept at:\n%1")}

    def remember_geometry(self) -> None:
        """Keep the window's size and place for the next window (the next start, a restore)."""
        self.settings.setValue(_MAXIMIZED_KEY, self.isMaximized())
        self.settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
