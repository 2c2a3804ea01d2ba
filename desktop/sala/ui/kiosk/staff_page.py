"""The exhibition staff page: the session header (lifecycle, head count, print), proposals on
display, the live tally, visitors' comments and the way into kiosk mode.

An exhibition has the same lifecycle as the other kinds: proposals change and visitors are
recorded only while it is a draft or open; the kiosk starts only then (starting it opens a
draft). Why something is refused is said to staff here, never on the visitor's screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.errors import SalaError
from sala.services.exhibition import Tally
from sala.services.kiosk_mode import KioskMode
from sala.services.sessions import SessionDetail
from sala.ui.audience.page_button import AudienceButton
from sala.ui.common.errors import error_text, show_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.kiosk.comments import CommentsPanel
from sala.ui.kiosk.faces import face_words
from sala.ui.kiosk.pin import PinDialog
from sala.ui.kiosk.proposals_editor import ProposalsEditor
from sala.ui.kiosk.visitor import KioskVisitor
from sala.ui.sessions.header import SessionHeader

S = e.SessionStatus


class TallyView(QWidget):
    """Visitors, average and a bar per face (the words visitors saw), then votes per proposal."""

    def __init__(self, lang: str = "th", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang  # proposals' names: English where given when the UI is English
        self.summary = QLabel()
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.summary.setFont(f)
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(8)
        self.ratings_head = QLabel(self.tr("Satisfaction ratings"))
        self.ratings_head.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.ratings_head)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self._labels: list[str] = []
        self._bars: list[QProgressBar] = []

    def show_tally(self, t: Tally) -> None:
        avg = "–" if t.average is None else f"{t.average:.2f}"
        self.summary.setText(self.tr("Visitors: %1 · average rating %2 / 5").replace("%1", str(t.visitors))
                             .replace("%2", avg))
        words = face_words()
        rows = [(f"{words[s]} ({s})", t.distribution[s], max(1, t.visitors)) for s in range(5, 0, -1)]
        most = max([1] + [v for _pid, _t, v in t.votes])
        rows += [(title, votes, most) for title, votes in t.vote_rows(self._lang)]
        if [label for label, _v, _t in rows] == self._labels:
            # The same rows (a visitor was saved): only the bars move, the wrapped titles stay laid out.
            for bar, (_label, value, top) in zip(self._bars, rows, strict=True):
                bar.setRange(0, top)
                bar.setValue(value)
                bar.setFormat(str(value))
            return
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()  # gone now, not at the next event loop turn (no stale bars painted)
                w.deleteLater()
        self._labels = [label for label, _v, _t in rows]
        self._bars = []
        for n, (label, value, top) in enumerate(rows):
            if n == 5:
                head = QLabel(self.tr("Votes per proposal"))
                head.setStyleSheet("font-weight: bold; margin-top: 8px;")
                self.grid.addWidget(head, 100, 0, 1, 2)
            bar = QProgressBar()
            bar.setRange(0, top)
            bar.setValue(value)
            bar.setFormat(str(value))
            bar.setMinimumHeight(int(self.fontMetrics().height() * 1.6))
            self._bars.append(bar)
            text = QLabel(label)
            text.setWordWrap(True)
            row = n if n < 5 else 100 + n
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(bar, row, 1)
        self.grid.setColumnStretch(0, 2)  # room for a proposal's title, wrapped
        self.grid.setColumnStretch(1, 3)


class KioskStaffPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.kiosk: KioskVisitor | None = None
        self.pin_dialog: PinDialog | None = None
        self._mode = KioskMode(services.db)
        self._hidden_window: QWidget | None = None  # the staff window while the visitor screen shows
        detail = services.sessions.get(session_id)
        self.header = SessionHeader(services.sessions, tasks, lang, detail, amendments=services.amendments,
                                    supervisor=services.supervisor)
        self.header.sig_changed.connect(self.apply_status)

        self.editor = ProposalsEditor(services.exhibition, tasks, session_id)
        self.editor.sig_changed.connect(self.refresh_tally)
        self.editor.sig_failed.connect(self._error)
        self.proposals, self.moves = self.editor.table, self.editor.moves
        self.new_proposal, self.new_proposal_en = self.editor.new_thai, self.editor.new_english
        self.up_button, self.down_button, self.delete_button = self.moves.up, self.moves.down, self.moves.delete
        self.start_button = QPushButton(self.tr("Start kiosk mode (full screen)"))
        self.start_button.setObjectName("startKioskButton")
        self.start_button.setMinimumHeight(56)
        self.start_button.clicked.connect(self.start_kiosk)
        self.kiosk_note = QLabel()
        self.kiosk_note.setObjectName("kioskNote")
        self.kiosk_note.setWordWrap(True)
        self.kiosk_note.setStyleSheet("color: #8a4b00; background: #fff4e0; padding: 6px; border-radius: 4px;")
        self.kiosk_note.hide()
        left = QVBoxLayout()
        left.addWidget(self.editor, 1)
        left.addWidget(self.kiosk_note)
        left.addWidget(self.start_button)
        self.audience_button = AudienceButton()  # driven by the window's audience controller
        self.audience_button.setMinimumHeight(56)
        left.addWidget(self.audience_button)
        self.tally = TallyView(lang)
        # Long proposal titles wrap onto several lines: the tally scrolls rather than cut them.
        self.tally_scroll = QScrollArea()
        self.tally_scroll.setObjectName("staffTally")
        self.tally_scroll.setWidgetResizable(True)
        self.tally_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tally_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tally_scroll.setWidget(self.tally)
        self.comments = CommentsPanel(services, tasks, session_id, lang)
        right = QVBoxLayout()
        right.addWidget(self.tally_scroll, 3)
        right.addWidget(self.comments, 2)
        live = QWidget()
        live.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        # Audience mode's queue goes first here (its tab bar shows only then): a dock beside the
        # page would not fit 1366 px with the window's other pages.
        self.audience_tabs = QTabWidget()
        self.audience_tabs.setDocumentMode(True)
        self.audience_tabs.setTabBarAutoHide(True)
        self.audience_tabs.addTab(live, self.tr("Live tally and comments"))
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.audience_tabs, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self._filling = False
        self.reload()
        self.apply_status(detail)

    @property
    def status(self) -> S:
        return self.header.detail.status

    def apply_status(self, detail: SessionDetail) -> None:
        """Draft or open: proposals change and the kiosk may start; closed or finalized: neither."""
        live = detail.status in (S.DRAFT, S.OPEN)
        self.editor.set_live(live, self.tr("Proposals cannot change: the exhibition is %1")
                             .replace("%1", detail.status.label(self._lang)))
        self.start_button.setEnabled(live)
        self.comments.set_status(detail.status)
        self.audience_button.set_status(detail.status)
        if live:
            self.kiosk_note.hide()
        else:
            self.kiosk_note.setText(self._why_no_kiosk(detail.status))
            self.kiosk_note.show()

    def _why_no_kiosk(self, status: S) -> str:
        if status == S.FINALIZED:
            return self.tr("Kiosk mode cannot start: this exhibition is finalized (read-only). "
                           "Create a new exhibition session for another day.")
        return self.tr("Kiosk mode cannot start: this exhibition is closed. Reopen it first (Reopen, above) "
                       "to take visitors again.")

    # -- proposals ----------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        self.editor.reload(select_id)
        self.refresh_tally()

    def refresh_tally(self) -> None:
        self.tally.show_tally(self._services.exhibition.tally(self._session_id))

    # -- kiosk mode ---------------------------------------------------------------------------
    def start_kiosk(self) -> None:
        """Open the visitor screen; the first time, the supervisor chooses a PIN first.

        Refused (and said here, to staff) on a closed or finalized exhibition; a draft is opened.
        """
        if self.status not in (S.DRAFT, S.OPEN):
            self.kiosk_note.setText(self._why_no_kiosk(self.status))
            self.kiosk_note.show()
            return
        if self._services.supervisor.is_set() or self._services.kiosk_pin.is_set():
            self._open_kiosk()  # with a supervisor PIN, that PIN guards the exit (no kiosk PIN needed)
            return
        self.pin_dialog = PinDialog(self._services.kiosk_pin, "set", self._lang, self._tasks, self)
        self.pin_dialog.accepted.connect(self._open_kiosk)
        self.pin_dialog.open()

    def _open_kiosk(self) -> None:
        if self.status not in (S.DRAFT, S.OPEN):
            return  # closed while the PIN was being chosen
        self.header.open_session()  # a draft starts with its first visitor
        self._services.supervisor.lock()  # the laptop goes to visitors: no supervisor window left open
        # Written before the first visitor's entry (same writer, in order): a restart after the
        # battery dies comes back on the visitor screen, not on this page (see kiosk_mode).
        mode, sid = self._mode, self._session_id
        self._tasks.run(lambda: mode.enter(sid), None, self._error)
        self._show_visitor()

    def resume_kiosk(self) -> bool:
        """At start: the app stopped while this exhibition was on the visitor screen; show it
        again (the PIN is needed to leave). An exhibition that can no longer take visitors ends
        visitor mode instead and says why here. True when the visitor screen shows."""
        if self.status not in (S.DRAFT, S.OPEN):
            mode = self._mode
            self._tasks.run(mode.end, None, self._error)
            self.kiosk_note.setText(self._why_no_kiosk(self.status))
            self.kiosk_note.show()
            return False
        self._services.supervisor.lock()
        self._show_visitor()
        return True

    def _show_visitor(self) -> None:
        screen = self.screen()
        self.kiosk = KioskVisitor(self._services, self._tasks, self._session_id, self._lang)
        self.kiosk.sig_visit_saved.connect(lambda _rid: self.refresh_tally())
        self.kiosk.sig_exited.connect(self._kiosk_left)
        self.kiosk.sig_refused.connect(self._kiosk_refused)
        self.kiosk.show_on(screen)
        staff_window = self.window()
        if staff_window is not self and staff_window.isVisible():
            # The staff window, with its menus and controls, is not left behind the visitor screen
            # for Alt+Tab or a window list to bring up: it comes back when the PIN is given.
            staff_window.hide()
            self._hidden_window = staff_window

    def audience_changed(self) -> None:
        """Phones rated or dot-voted (audience mode): the live tally follows."""
        self.refresh_tally()

    def _kiosk_left(self) -> None:
        staff_window, self._hidden_window = self._hidden_window, None
        if staff_window is not None:  # before the visitor screen closes: the app must keep a window
            staff_window.show()
            staff_window.activateWindow()
        mode = self._mode
        self._tasks.run(mode.end, None, self._error)  # the right PIN's transaction ended it already
        self.refresh_tally()
        self.comments.reload()

    def _kiosk_refused(self, exc: BaseException) -> None:
        """A visitor's entry was refused: the visitor was asked to call staff; staff read why here."""
        self.kiosk_note.setText(error_text(exc, self._lang) if isinstance(exc, SalaError) else repr(exc))
        self.kiosk_note.show()

    def showEvent(self, event) -> None:  # Qt name
        self.refresh_tally()
        super().showEvent(event)

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc, self._lang)
