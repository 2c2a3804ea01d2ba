"""The header above a session's page: what it is, where and when, and its lifecycle buttons.

draft → open → closed → finalized; a closed session may be reopened. Finalizing asks first,
because it makes the session read-only and queues it for sync; after that a correction is an
amendment with a reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date, format_datetime
from sala.services.amendments import AmendmentService
from sala.services.sessions import SessionDetail, SessionService
from sala.ui.amend.record_dialog import AmendField, AmendRecordDialog
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.errors import show_error

S = e.SessionStatus


class SessionHeader(QWidget):
    sig_changed = Signal(object)
    """The session's status changed; carries the new SessionDetail."""

    sig_amended = Signal()
    """An amendment of the finalized session itself (its title) was recorded."""

    def __init__(self, sessions: SessionService, tasks: TaskRunner, lang: str, detail: SessionDetail,
                 parent: QWidget | None = None, *, amendments: AmendmentService | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._amendments = amendments
        self.dialog: AmendRecordDialog | None = None
        """The amend dialog last opened (window-modal; tests reach it here)."""
        self._tasks = tasks
        self._lang = lang
        self.detail = detail
        # Asked before finalizing; replaceable so a caller can confirm differently.
        self.confirm_finalize: Callable[[], bool] = self._ask_finalize

        self.title = QLabel()
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 5)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.amended_note = QLabel()
        self.amended_note.setWordWrap(True)
        self.amended_note.setStyleSheet("color: #555;")
        self.amended_note.hide()
        self.status = QLabel()
        self.status.setObjectName("sessionStatus")
        self.open_button = QPushButton(self.tr("Open session"))
        self.close_button = QPushButton(self.tr("Close session"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.finalize_button = QPushButton(self.tr("Finalize…"))
        self.amend_button = QPushButton(self.tr("Amend title…"))
        self.amend_button.clicked.connect(self.amend_title)
        self.open_button.clicked.connect(lambda: self._move(S.OPEN))
        self.reopen_button.clicked.connect(lambda: self._move(S.OPEN))
        self.close_button.clicked.connect(lambda: self._move(S.CLOSED))
        self.finalize_button.clicked.connect(self.finalize)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.amended_note)
        text.addWidget(self.facts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status)
        for b in (self.open_button, self.close_button, self.reopen_button, self.finalize_button,
                  self.amend_button):
            b.setMinimumHeight(int(self.fontMetrics().height() * 1.8))
            buttons.addWidget(b)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        self.show_detail(detail)

    def show_detail(self, d: SessionDetail) -> None:
        self.detail = d
        lang = self._lang
        self._show_title()
        province = find_province(d.province_code) if d.province_code else None
        place = ", ".join(x for x in (d.venue_name, d.district, province.label(lang) if province else "") if x)
        when = format_date(d.session_date, lang)
        if d.planned_start and d.planned_end:
            when = f"{format_datetime(d.planned_start, lang)} – {d.planned_end.astimezone(d.planned_start.tzinfo):%H:%M}"
        parts = [d.kind.label(lang), when, place]
        if d.topic_names:
            parts.append(" · ".join(d.topic_names))
        self.facts.setText("  |  ".join(p for p in parts if p))
        status = d.status.label(lang)
        if d.status == S.FINALIZED:
            status += " — " + self.tr("read-only; corrections are amendments")
        self.status.setText(status)
        self.open_button.setVisible(d.status == S.DRAFT)
        self.close_button.setVisible(d.status in (S.DRAFT, S.OPEN))
        self.reopen_button.setVisible(d.status == S.CLOSED)
        self.finalize_button.setVisible(d.status == S.CLOSED)
        self.amend_button.setVisible(d.status == S.FINALIZED and self._amendments is not None)

    def _show_title(self) -> None:
        """The title as corrected by any amendment, the original and the reasons beside it."""
        d = self.detail
        fields, history = ({}, [])
        if self._amendments is not None and d.status == S.FINALIZED:
            fields, history = self._amendments.effective(d.id).get(d.id, ({}, []))
        title = fields.get("title", d.title)
        self.title.setText(title)
        if title != d.title:
            reasons = "; ".join(a.reason for a in history if "title" in a.changes)
            self.amended_note.setText(self.tr("✎ Amended title — original: “%1” · reason: %2")
                                      .replace("%1", d.title).replace("%2", reasons))
        self.amended_note.setVisible(title != d.title)

    def amend_title(self) -> None:
        """Correct the finalized session's title: an amendment with a reason."""
        if self._amendments is None or self.detail.status != S.FINALIZED:
            return
        d = self.detail
        dlg = AmendRecordDialog(self._amendments, self._tasks, self._lang, "session", d.id,
                                [AmendField("title", self.tr("Title"), d.title, self.title.text())],
                                self.tr("Amend the session title"), self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self._amended)
        self.dialog = dlg
        dlg.open()

    def _amended(self) -> None:
        self._show_title()
        self.sig_amended.emit()

    def _move(self, target: S) -> None:
        sid = self.detail.id
        self._set_busy(True)
        self._tasks.run(lambda: self._sessions.set_status(sid, target), self._moved, self._failed)

    def finalize(self) -> None:
        if self.confirm_finalize():
            self._move(S.FINALIZED)

    def _ask_finalize(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Finalize session"),
                          self.tr("Finalize “%1”?\n\nIt becomes read-only and is queued to be sent to the "
                                  "central platform. Later corrections are recorded as amendments with a reason.")
                          .replace("%1", self.detail.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirmFinalize")
        return box.exec() == QMessageBox.StandardButton.Yes

    def _moved(self, d: SessionDetail) -> None:
        self._set_busy(False)
        self.show_detail(d)
        self.sig_changed.emit(d)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc, self._lang)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.open_button, self.close_button, self.reopen_button, self.finalize_button):
            b.setEnabled(not busy)
