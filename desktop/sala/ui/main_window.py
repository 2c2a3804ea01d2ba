"""The main window: the session list with its filters, an empty state, pages for a session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QMainWindow, QMessageBox, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.ui.session_filters import SessionFilterBar
from sala.ui.session_list_model import SessionListModel
from sala.ui.tasks import TaskRunner
from sala.ui.widgets import EmptyState, show_error

# Builds the page for one session: (session_id) -> QWidget. Supplied by the composition root.
PageFactory = Callable[[str], QWidget]


class SessionListPage(QWidget):
    """Filters, the lazily loaded table, and an invitation when there is nothing yet."""

    sig_open_session = Signal(str)
    """The user asked to open the session with this id."""
    sig_new_session = Signal()
    """The user asked to set up a new session."""

    def __init__(self, services: Services, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        topics = [(t.id, t.label(lang)) for t in services.sessions.topics()]
        self.filters = SessionFilterBar(topics, lang)
        self.model = SessionListModel(services.sessions, lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda ix: self.sig_open_session.emit(self.model.session_id(ix.row())))

        self.empty = EmptyState(
            self.tr("No sessions yet"),
            self.tr("Set up your first minitalk, focus group or exhibition. It takes under a minute, "
                    "and everything is saved on this laptop as you type, with or without a connection."),
            self.tr("Create the first session"),
        )
        self.empty.sig_action.connect(self.sig_new_session)
        self.no_match = QLabel(self.tr("No session matches these filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.stack = QStackedWidget()
        for w in (self.table, self.empty, self.no_match):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self.filters.sig_changed.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_stack)
        self.model.reload()
        for col, width in ((0, 120), (1, 120), (3, 120), (4, 220), (5, 120), (6, 90), (7, 90)):
            self.table.setColumnWidth(col, width)

    def apply_filter(self, flt) -> None:
        self.model.set_filter(flt)

    def refresh(self) -> None:
        self.model.reload()

    def _update_stack(self) -> None:
        if self.model.total() > 0:
            self.stack.setCurrentWidget(self.table)
        elif self.filters.current() == type(self.filters.current())():
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.no_match)


class MainWindow(QMainWindow):
    sig_language_change_requested = Signal(str)
    """The user picked another UI language ("th" or "en"); applies at the next start."""

    def __init__(self, services: Services, tasks: TaskRunner, settings: QSettings, lang: str,
                 pages: dict[e.SessionKind, PageFactory] | None = None,
                 new_session: Callable[[QWidget], str | None] | None = None) -> None:
        super().__init__()
        self.services = services
        self.tasks = tasks
        self.settings = settings
        self.lang = lang
        self._pages = pages or {}
        self._new_session = new_session
        self._session_page: QWidget | None = None
        self.setWindowTitle(self.tr("Sala — public consultation"))
        self.resize(1200, 760)

        self.list_page = SessionListPage(services, lang)
        self.list_page.sig_open_session.connect(self.open_session)
        self.list_page.sig_new_session.connect(self.new_session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.setCentralWidget(self.stack)
        self._build_menus()

        self.count_label = QLabel()
        self.db_label = QLabel(str(services.db.path))
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.list_page.model.modelReset.connect(self._update_counts)
        self.list_page.model.rowsInserted.connect(self._update_counts)
        tasks.sig_busy_changed.connect(self._busy_changed)
        self._update_counts()
        self.statusBar().showMessage(self.tr("Ready — working offline, every entry is saved on this laptop"), 5000)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_new = QAction(self.tr("&New session…"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(self.new_session)
        self.action_backup = QAction(self.tr("&Back up now"), self)
        self.action_backup.triggered.connect(self.backup_now)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.action_summary = QAction(self.tr("Session &summary…"), self)
        self.action_summary.setShortcut(QKeySequence.StandardKey.Print)
        self.action_summary.triggered.connect(self.session_summary)
        self.action_period = QAction(self.tr("&Period report…"), self)
        self.action_period.triggered.connect(self.period_report)
        self.action_export = QAction(self.tr("&Export…"), self)
        self.action_export.triggered.connect(self.export_data)
        for a in (self.action_new, self.action_backup):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.action_summary, self.action_period, self.action_export):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.action_sessions = QAction(self.tr("&Sessions"), self)
        self.action_sessions.setShortcut(QKeySequence("Ctrl+L"))
        self.action_sessions.triggered.connect(self.show_list)
        self.action_dashboard = QAction(self.tr("&Dashboard"), self)
        self.action_dashboard.setShortcut(QKeySequence("Ctrl+D"))
        self.action_dashboard.triggered.connect(self.show_dashboard)
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addAction(self.action_sessions)
        view.addAction(self.action_dashboard)
        lang_menu = view.addMenu(self.tr("&Language"))
        for code, label in (("th", "ไทย"), ("en", "English")):
            act = QAction(label, self, checkable=True, checked=(code == self.lang))
            act.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            lang_menu.addAction(act)
        self.view_menu = view

    # -- navigation ---------------------------------------------------------------------------
    def show_list(self) -> None:
        self.list_page.refresh()
        self.stack.setCurrentWidget(self.list_page)

    def show_dashboard(self) -> None:
        """Charts over the sessions the list's filter selects (built once, kept in step with it)."""
        if getattr(self, "dashboard", None) is None:
            from sala.ui.dashboard_page import DashboardPage  # pyqtgraph loads only when asked for

            self.dashboard = DashboardPage(self.services, self.lang, linked=self.list_page.filters)
        else:
            self.dashboard.refresh()
        self.show_page(self.dashboard)

    def show_page(self, page: QWidget) -> None:
        """Show ``page`` in place of the list (capture pages, dashboards)."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def open_session(self, session_id: str) -> None:
        try:
            kind = self.services.sessions.get(session_id).kind
        except Exception as exc:  # noqa: BLE001 - shown to the user, not swallowed
            show_error(self, exc, self.lang)
            return
        factory = self._pages.get(kind)
        if factory is None:
            QMessageBox.information(self, "Sala", self.tr("This kind of session cannot be opened here."))
            return
        self.settings.setValue("session/last_open", session_id)
        previous = self._session_page
        self._session_page = factory(session_id)
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
            self.list_page.refresh()
            self.open_session(session_id)

    def backup_now(self) -> None:
        self.statusBar().showMessage(self.tr("Saving…"))
        self.tasks.run(lambda: self.services.db.backup("manual"),
                       lambda path: self.statusBar().showMessage(self.tr("Backup saved: %1").replace("%1", str(path)), 8000),
                       lambda exc: show_error(self, exc, self.lang))

    # -- reports (dialogs read on their own thread; see ui/report_dialog.py) --------------------
    def session_summary(self) -> None:
        from sala.ui.report_dialog import ReportDialog

        index = self.list_page.table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, "Sala", self.tr("Select a session in the list first."))
            return
        ReportDialog(self.services, self.lang, self.list_page.model.session_id(index.row()), self).exec()

    def period_report(self) -> None:
        from sala.ui.report_dialog import ReportDialog

        ReportDialog(self.services, self.lang, None, self).exec()

    def export_data(self) -> None:
        from sala.ui.export_dialog import ExportDialog

        ExportDialog(self.services, self.lang, self).exec()

    # -- status -------------------------------------------------------------------------------
    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("%n session(s)", "", self.list_page.model.total()))

    def _busy_changed(self, busy: bool) -> None:
        saving = self.tr("Saving…")
        if busy:
            self.statusBar().showMessage(saving)
        elif self.statusBar().currentMessage() == saving:
            self.statusBar().showMessage(self.tr("All changes saved"), 3000)

    def _choose_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        self.sig_language_change_requested.emit(code)
        QMessageBox.information(self, "Sala", "ภาษาจะเปลี่ยนเมื่อเปิดโปรแกรมครั้งถัดไป\nThe language changes the next time Sala starts.")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.tasks.wait_idle(10.0)  # nothing typed is dropped on quit
        super().closeEvent(event)
