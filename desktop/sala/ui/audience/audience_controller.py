"""Audience mode's lifetime on the laptop: start, show, refresh, stop.

One controller per main window, living as long as the window (a language switch rebuilds the
session page; the server keeps running). "Audience mode" on a draft or open session asks which
network, starts the server bound to the addresses ticked, shows the moderation panel in a dock
beside the page and the join screen on the projector. It stops when the session is closed (or
finalized), when another session is opened, when the user turns it off, and when the app quits.

Phones' writes reach SQLite only through the app's one writer (:class:`WriterBridge`). The server
calls ``on_change`` from its own threads after each commit; those calls are coalesced here
(:data:`REFRESH_MS`) into one read of the queue and the presenter's figures on a
:class:`LatestReader`, never on the UI thread, so a burst of 300 phones costs a few reads a second.
At an exhibition the kiosk's visitors rate and vote too, without the server knowing: while the
presenter view is up there, it is also read every :data:`POLL_MS`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from sala.domain import enums as e
from sala.domain.errors import SalaError
from sala.services import audience as svc
from sala.ui.audience.interface_dialog import InterfaceDialog, NoLanAddressError
from sala.ui.audience.moderation_actions import ModerationActions
from sala.ui.audience.moderation_panel import MergeDialog, ModerationPanel
from sala.ui.audience.page_button import AudienceButton
from sala.ui.audience.panel_holder import PanelHolder
from sala.ui.audience.presenter_view import PresenterNumbers, PresenterView, numbers_from
from sala.ui.audience.qr_window import QrWindow
from sala.ui.audience.writer_bridge import COMMIT_WAIT_S, WriterBridge
from sala.ui.common.errors import error_text, show_error
from sala.ui.common.tasks import LatestReader, TaskRunner
from sala.ui.common.tasks import start as start_job

if TYPE_CHECKING:
    from sala.audience.network import LanAddress
    from sala.audience.server import AudienceInfo, AudienceServer
    from sala.bootstrap import Services
    from sala.services.sessions import SessionDetail

log = logging.getLogger(__name__)

REFRESH_MS = 300
"""Changes within this long are read once: the projector is at most this far behind (plus a read)."""
POLL_MS = 1000
"""How often an exhibition's presenter view reads the figures again (the kiosk's entries)."""


class _ChangeRelay(QObject):
    """Carries the server's ``on_change`` (any thread) to the UI thread as a queued signal."""

    sig_changed = Signal()

    def poke(self) -> None:
        self.sig_changed.emit()


class AudienceController(QObject):
    """Starts and stops audience mode for the session page a main window shows."""

    sig_running_changed = Signal(bool)
    """Audience mode started (True) or stopped (False)."""
    sig_refreshed = Signal()
    """The queue and the presenter's figures were read again and shown."""
    sig_accepted = Signal(str)
    """What phones changed in this session's records (accepted contributions, ratings, dot votes)
    changed: the session's page reloads what it shows of them."""
    sig_page_status = Signal()
    """The shown session's status moved (what the mode can do now may have changed)."""

    def __init__(self, window: QMainWindow, services: Services, tasks: TaskRunner,
                 lang: Callable[[], str], *, addresses: Callable[[], Sequence[LanAddress]] | None = None) -> None:
        super().__init__(window)
        self._window, self._services, self._tasks, self._lang = window, services, tasks, lang
        self.addresses = addresses
        """Where the laptop's local addresses come from (default: ``sala.audience.network.lan_addresses``)."""
        self.offer_loopback = False
        """Offer 127.0.0.1 too (this laptop's own browser; tests). Phones can never reach it."""
        self.commit_wait_s = COMMIT_WAIT_S
        """How long a phone's send waits for the app's writer before the phone is told it was not
        received and to send again (503)."""
        self.server: AudienceServer | None = None
        self._starting: AudienceServer | None = None
        self.info: AudienceInfo | None = None
        self.bridge: WriterBridge | None = None
        self.session_id: str | None = None
        self._title = ""
        self.holder = PanelHolder(window)
        """Where the moderation panel sits: the page's own tabs, else a dock."""
        self.panel: ModerationPanel | None = None
        self.qr_window: QrWindow | None = None
        self.presenter: PresenterView | None = None
        self.interface_dialog: InterfaceDialog | None = None
        self.message_box: QMessageBox | None = None
        self._queue: list[svc.QueueItem] = []
        self._records: object = None
        self._reader = LatestReader("sala-audience-reader", parent=self)
        self.actions = ModerationActions(services.db, tasks, self._reader, window, lang, lambda: self.panel,
                                         self.tell, self.refresh)
        self._relay = _ChangeRelay(self)
        self._relay.sig_changed.connect(self._changed, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_presenter)
        self._kind: e.SessionKind | None = None
        self._buttons: list[AudienceButton] = []
        self._page: QWidget | None = None  # the session's page the mode was started from (or rebuilt)
        self.action: QAction | None = None
        """File ▸ Audience mode (set by ``install_audience_ui``)."""
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.server is not None

    # -- the pages ----------------------------------------------------------------------------
    def page_shown(self, page: QWidget | None) -> None:
        """The main window shows ``page``: follow its button and header; another session stops the mode."""
        header = getattr(page, "header", None)
        detail = getattr(header, "detail", None)
        if self.running and detail is not None and detail.id != self.session_id:
            self.stop()
        elif self.running and detail is not None:
            self._page = page
            if self.panel is not None:
                self.holder.place(self.panel, page)  # the same session's page built again (a language switch)
        button = getattr(page, "audience_button", None)
        if isinstance(button, AudienceButton) and button not in self._buttons:
            self._buttons.append(button)
            button.destroyed.connect(lambda _o=None, b=button: self._buttons.remove(b) if b in self._buttons else None)
            if header is not None and hasattr(header, "sig_changed"):
                header.sig_changed.connect(self.session_changed)
        self._show_buttons()

    def toggle(self, page: QWidget | None) -> None:
        """The page's button: start for its session, or stop."""
        if self.running:
            self.stop()
            return
        header = getattr(page, "header", None)
        if header is None:
            return
        self._page = page
        self.start(header.detail, page)
        self._show_buttons()  # checked only once it runs

    def session_changed(self, detail: SessionDetail) -> None:
        """The session's status moved: audience mode runs only while it is open."""
        if self.running and detail.id == self.session_id and detail.status != e.SessionStatus.OPEN:
            self.stop()
            self._window.statusBar().showMessage(self.tr("Audience mode stopped: the session is no longer open"),
                                                 8000)
        self.sig_page_status.emit()

    def _show_buttons(self) -> None:
        for b in self._buttons:
            b.set_running(self.running)

    # -- start --------------------------------------------------------------------------------
    def start(self, detail: SessionDetail, page: QWidget | None = None) -> bool:
        """Ask for the network (a window-modal dialog), then start. False when it cannot even ask
        (the session is not open, the laptop is on no local network): said to the user."""
        from sala.audience.network import lan_addresses

        if self.running or self._starting is not None:
            return True
        if detail.status not in (e.SessionStatus.DRAFT, e.SessionStatus.OPEN):
            self.tell(SalaError("เวทีนี้ไม่ได้เปิดอยู่ เปิดเวทีอีกครั้งก่อนจึงจะใช้โหมดผู้ฟังได้",
                                "This session is not open: reopen it before starting audience mode"))
            return False
        found = list((self.addresses or lan_addresses)())
        offered = [a for a in found if self.offer_loopback or not a.loopback]
        if not offered:
            self.tell(NoLanAddressError())
            return False
        dlg = InterfaceDialog(offered, self._window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.interface_dialog = dlg
        dlg.accepted.connect(lambda: self._networks_chosen(dlg.chosen(), detail, page))
        dlg.finished.connect(self._asked)
        dlg.open()
        return True

    def tell(self, exc: BaseException) -> None:
        """A user's trouble in a window-modal box that does not block (kept in ``message_box``);
        a bug as a bug (logged, the internal-error box)."""
        if not isinstance(exc, SalaError):
            show_error(self._window, exc, self._lang())
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Audience mode"), error_text(exc, self._lang(), "\n\n"),
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("audienceMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda _o=None: setattr(self, "message_box", None))
        self.message_box = box
        box.open()

    def _asked(self, _result: int) -> None:
        self.interface_dialog = None
        self._show_buttons()

    def _networks_chosen(self, chosen: list[str], detail: SessionDetail, page: QWidget | None) -> None:
        from sala.audience.server import AudienceServer

        header = getattr(page, "header", None)
        if detail.status == e.SessionStatus.DRAFT and header is not None:
            header.open_session()  # queued on the writer before anything a phone sends
        bridge = WriterBridge(self._services.db, self._tasks, self.commit_wait_s)
        try:
            server = AudienceServer(self._services.db, detail.id, chosen, bridge.commit, on_change=self._relay.poke)
        except SalaError as exc:
            self.tell(exc)
            return
        self._starting = server
        self._window.statusBar().showMessage(self.tr("Starting audience mode…"))

        def failed(exc: BaseException) -> None:
            self._starting = None
            bridge.close()
            server.stop()
            self._window.statusBar().clearMessage()
            self.tell(exc)
            self._show_buttons()

        # The server opens the room through the writer and waits for its commit: on a thread of its own.
        start_job(lambda _job: server.start(), self, lambda info: self._started(server, bridge, info, detail), failed,
                  name="sala-audience-start")

    def _started(self, server: AudienceServer, bridge: WriterBridge, info: AudienceInfo,
                 detail: SessionDetail) -> None:
        if self._starting is not server:  # stopped (the window closed, the session moved on) meanwhile
            bridge.close()
            server.stop()
            return
        self._starting = None
        self.server, self.bridge, self.info, self.session_id = server, bridge, info, detail.id
        self._title = detail.title
        self._kind = detail.kind
        self._records = None
        self._window.statusBar().showMessage(self.tr("Audience mode is on: phones join at %1")
                                             .replace("%1", info.urls[0]), 8000)
        self._build_panel()
        self.show_qr()
        self._show_buttons()
        self.sig_running_changed.emit(True)
        self.refresh()

    def _build_panel(self) -> None:
        assert self.info is not None
        panel = ModerationPanel(self._lang())
        panel.set_join(self.info.urls, self.info.join_code)
        panel.sig_accept.connect(self.accept)
        panel.sig_hide.connect(self.hide)
        panel.sig_merge.connect(self.ask_merge)
        panel.sig_accept_all.connect(self.set_accept_all)
        panel.sig_show_qr.connect(self.show_qr)
        panel.sig_show_results.connect(self.show_results)
        panel.sig_new_code.connect(self.new_join_code)
        panel.sig_stop.connect(self.stop)
        self.panel = panel
        self.holder.place(panel, self._page if self._page is not None and shiboken6.isValid(self._page) else None)

    # -- the projector windows ------------------------------------------------------------------
    def show_qr(self) -> None:
        if self.info is None:
            return
        if self.qr_window is None:
            self.qr_window = QrWindow()
        links = [(self.info.join_url(i), url) for i, url in enumerate(self.info.urls)]
        self.qr_window.set_join(links, self.info.join_code, self._title)
        if self.presenter is not None:
            self.presenter.hide()
        self.qr_window.show_on(self.panel.chosen_screen() if self.panel is not None else None)

    def show_results(self) -> None:
        if self.info is None:
            return
        if self.presenter is None:
            self.presenter = PresenterView()
            self.presenter.show_results(PresenterNumbers())
        self.presenter.set_join(self.info.join_url(0), self.info.urls[0], self.info.join_code, self._title)
        if self.qr_window is not None:
            self.qr_window.hide()
        self.presenter.show_on(self.panel.chosen_screen() if self.panel is not None else None)
        if self._kind == e.SessionKind.EXHIBITION:
            self._poll.start()
        self.refresh()

    def _poll_presenter(self) -> None:
        if self.running and self.presenter is not None and self.presenter.isVisible():
            self.refresh()
        else:
            self._poll.stop()

    # -- reading ------------------------------------------------------------------------------
    def _changed(self) -> None:
        """A phone's change was committed: read again soon (bursts coalesce into one read)."""
        if self.running and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Read the queue and the presenter's figures on the reader thread, then show them."""
        sid, db = self.session_id, self._services.db
        if sid is None:
            return

        contributions = self._services.contributions

        def read() -> tuple[list[svc.QueueItem], svc.PresenterSnapshot, bool, object]:
            with db.read() as s:
                snap = svc.presenter_snapshot(s, sid)
                items, accept_all = svc.queue(s, sid), svc.accepts_all(s, sid)
            records = (contributions.count(sid), tuple(snap.ratings.items()), tuple(v for *_x, v in snap.proposals))
            return items, snap, accept_all, records

        def show(result: tuple[list[svc.QueueItem], svc.PresenterSnapshot, bool, object]) -> None:
            self._show(sid, *result)

        self._reader.submit(read, show, self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        log.warning("audience refresh failed: %r", exc)

    def _show(self, sid: str, queue: list[svc.QueueItem], snap: svc.PresenterSnapshot, accept_all: bool,
              records: object) -> None:
        if sid != self.session_id or self.panel is None:
            return  # stopped (or another session) while it was read
        self._queue = queue
        self.panel.show_queue(queue)
        self.panel.show_counts(snap.phones_joined, snap.pending)
        if not self.actions.switching:
            self.panel.set_accept_all(accept_all)
        if self.presenter is not None:
            self.presenter.show_results(numbers_from(snap, self._lang()))
        if records != self._records:
            if self._records is not None:
                self.sig_accepted.emit(sid)
            self._records = records
        self.sig_refreshed.emit()

    # -- moderation (writes on the one writer: ui/audience/moderation_actions) ---------------------
    def accept(self, submission_id: str) -> None:
        self.actions.accept(submission_id)

    def hide(self, submission_id: str) -> None:
        self.actions.hide(submission_id)

    def set_accept_all(self, on: bool) -> None:
        if self.session_id is not None:
            self.actions.set_accept_all(self.session_id, on)

    def ask_merge(self, duplicate_id: str) -> None:
        if self.session_id is not None:
            self.actions.ask_merge(self.session_id, duplicate_id)

    @property
    def merge_dialog(self) -> MergeDialog | None:
        return self.actions.merge_dialog

    def new_join_code(self) -> None:
        sid = self.session_id
        if sid is None or self.server is None:
            return

        def done(code: str) -> None:
            if self.info is None or self.panel is None:
                return
            from dataclasses import replace

            self.info = replace(self.info, join_code=code)
            self.panel.set_join(self.info.urls, code)
            if self.qr_window is not None and self.qr_window.isVisible():
                self.show_qr()

        db = self._services.db

        def work() -> str:
            with db.write() as s:
                return svc.rotate_join_code(s, sid)

        self._tasks.run(work, done, self.tell)

    def relanguage(self) -> None:
        """The UI now speaks another language: the panel and the projector windows are built again in it."""
        if not self.running or self.info is None:
            return
        qr_shown = self.qr_window is not None and self.qr_window.isVisible()
        results_shown = self.presenter is not None and self.presenter.isVisible()
        for w in (self.qr_window, self.presenter):
            if w is not None:
                w.hide()
                w.deleteLater()
        self.qr_window = self.presenter = None
        self.holder.drop(self.panel)
        self.panel = None
        self._build_panel()
        if qr_shown:
            self.show_qr()
        if results_shown:
            self.show_results()
        self.refresh()

    # -- stop ---------------------------------------------------------------------------------
    def stop(self) -> None:
        """Turn audience mode off: the server stops taking phones, the windows and the panel go."""
        self._starting = None  # one still starting stops as soon as it has started
        server, bridge = self.server, self.bridge
        if server is None:
            return
        self.server, self.bridge, self.info, self.session_id = None, None, None, None
        self._timer.stop()
        self._poll.stop()
        if bridge is not None:
            bridge.close()
        try:
            server.stop()
        except Exception:  # stopping must finish: the windows still go
            log.exception("audience server did not stop cleanly")
        for w in (self.qr_window, self.presenter):
            if w is not None:
                w.hide()
                w.deleteLater()
        self.qr_window = self.presenter = None
        self.holder.drop(self.panel)
        self.panel = None
        self._queue = []
        self._show_buttons()
        self.sig_running_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()  # before the window waits for the writer and the database closes
        return super().eventFilter(watched, event)
