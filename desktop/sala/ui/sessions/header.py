"""The header above a session's page: what it is, where and when, its status and what can be done.

draft → open → closed → finalized; a closed session may be reopened. The status is a coloured
badge, and only the buttons that make sense now are shown (Start, Close, Reopen, Finalize).
Finalizing asks first, because it makes the session read-only and queues it for sync; after
that a correction is an amendment with a reason. Times are Thailand's local time and say
whether they are planned or actual. The head count (who came) is recorded here, apart from
who spoke; "Print summary" and the way back to the list are always at hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.services.amendments import AmendmentService, AmendmentView
from sala.services.sessions import SessionDetail, SessionService
from sala.services.supervisor_pin import SupervisorPin
from sala.ui.amend.record_dialog import AmendField, AmendRecordDialog
from sala.ui.common.errors import show_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.sessions.attendance_dialog import AttendanceDialog
from sala.ui.sessions.status_colours import STATUS_COLOURS
from sala.ui.sessions.times import session_times

S = e.SessionStatus



class SessionHeader(QWidget):
    sig_changed = Signal(object)
    """The session's status changed; carries the new SessionDetail."""

    sig_amended = Signal()
    """An amendment of the finalized session itself (its title, its head count) was recorded."""

    sig_print_requested = Signal(str)
    """The user pressed "Print summary" (the session's id)."""

    sig_back_requested = Signal()
    """The user asked to go back to the session list."""

    def __init__(self, sessions: SessionService, tasks: TaskRunner, lang: str, detail: SessionDetail,
                 parent: QWidget | None = None, *, amendments: AmendmentService | None = None,
                 supervisor: SupervisorPin | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._amendments = amendments
        self._supervisor = supervisor
        self.dialog: AmendRecordDialog | AttendanceDialog | None = None
        """The dialog last opened (window-modal; tests reach it here)."""
        self._tasks = tasks
        self._lang = lang
        self.detail = detail
        # Asked before finalizing; replaceable so a caller can confirm differently.
        self.confirm_finalize: Callable[[], bool] = self._ask_finalize

        self.back_button = QPushButton(self.tr("← Sessions"))
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(self.tr("Back to the session list (Alt+Left)"))
        self.back_button.clicked.connect(self.sig_back_requested)
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 5)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("sessionStatus")
        self.facts = QLabel()
        self.facts.setObjectName("sessionFacts")
        self.facts.setWordWrap(True)
        self.times = QLabel()
        self.times.setObjectName("sessionTimes")
        self.times.setWordWrap(True)
        self.amended_note = QLabel()
        self.amended_note.setWordWrap(True)
        self.amended_note.setStyleSheet("color: #555;")
        self.amended_note.hide()

        self.attendance_button = QPushButton()
        self.attendance_button.setObjectName("attendanceButton")
        self.attendance_button.setToolTip(self.tr("How many people came (a head count, optionally by age, "
                                                  "gender and occupation), apart from who spoke"))
        self.attendance_button.clicked.connect(self.edit_attendance)
        self.open_button = QPushButton(self.tr("Start session"))
        self.open_button.setObjectName("openButton")
        self.close_button = QPushButton(self.tr("Close session"))
        self.close_button.setObjectName("closeButton")
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenButton")
        self.finalize_button = QPushButton(self.tr("Finalize…"))
        self.finalize_button.setObjectName("finalizeButton")
        self.amend_button = QPushButton(self.tr("Amend title…"))
        self.amend_button.setObjectName("amendTitleButton")
        self.print_button = QPushButton(self.tr("Print summary"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Make the session summary as a PDF to print or file"))
        self.amend_button.clicked.connect(self.amend_title)
        self.open_button.clicked.connect(self.open_session)
        self.reopen_button.clicked.connect(lambda: self._move(S.OPEN))
        self.close_button.clicked.connect(lambda: self._move(S.CLOSED))
        self.finalize_button.clicked.connect(self.finalize)
        self.print_button.clicked.connect(lambda: self.sig_print_requested.emit(self.detail.id))

        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        facts = QVBoxLayout()
        facts.setSpacing(2)
        facts.addWidget(self.amended_note)
        facts.addWidget(self.facts)
        facts.addWidget(self.times)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attendance_button)
        buttons.addStretch(1)
        for b in (self.open_button, self.close_button, self.reopen_button, self.finalize_button,
                  self.amend_button, self.print_button):
            buttons.addWidget(b)
        for b in (self.back_button, self.attendance_button, self.open_button, self.close_button,
                  self.reopen_button, self.finalize_button, self.amend_button, self.print_button):
            b.setMinimumHeight(int(self.fontMetrics().height() * 1.8))
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addLayout(buttons)
        self.show_detail(detail)

    def _topic_labels(self, d: SessionDetail) -> list[str]:
        """The session's topics in the UI's language where the catalogue has it (else as stored)."""
        if self._lang == "th":
            return list(d.topic_names)
        catalogue = {t.id: t for t in self._sessions.topics()}
        return [catalogue[tid].label(self._lang) if tid in catalogue and catalogue[tid].name_en else name
                for tid, name in zip(d.topic_ids, d.topic_names, strict=True)]

    def show_detail(self, d: SessionDetail) -> None:
        self.detail = d
        lang = self._lang
        self._show_title()
        province = find_province(d.province_code) if d.province_code else None
        place = ", ".join(x for x in (d.venue_name, d.district, province.label(lang) if province else "") if x)
        parts = [d.kind.label(lang), format_date(d.session_date, lang), place]
        if d.topic_names:
            parts.append(" · ".join(self._topic_labels(d)))
        self.facts.setText("  |  ".join(p for p in parts if p))
        self.times.setText(session_times(d))
        self.times.setVisible(bool(self.times.text()))
        self._show_status(d.status)
        self._show_attendance(d)
        self.open_button.setVisible(d.status == S.DRAFT)
        self.close_button.setVisible(d.status in (S.DRAFT, S.OPEN))
        self.reopen_button.setVisible(d.status == S.CLOSED)
        self.finalize_button.setVisible(d.status == S.CLOSED)
        self.amend_button.setVisible(d.status == S.FINALIZED and self._amendments is not None)

    def _show_status(self, status: S) -> None:
        text = status.label(self._lang)
        if status == S.FINALIZED:
            text += " — " + self.tr("read-only; corrections are amendments")
        elif status == S.CLOSED:
            text += " — " + self.tr("read-only until reopened")
        fg, bg = STATUS_COLOURS[status]
        self.status.setText(text)
        self.status.setProperty("status", status.value)
        self.status.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
                                  "border-radius: 9px; padding: 3px 10px; font-weight: bold; }")

    def _show_attendance(self, d: SessionDetail) -> None:
        if d.attendance_total is None:
            text = self.tr("Head count: not recorded…")
        else:
            text = self.tr("Head count: %1 people…").replace("%1", f"{d.attendance_total:,}")
        self.attendance_button.setText(text)

    def _show_title(self) -> None:
        """The title as corrected by any amendment, the original and the reasons beside it."""
        d = self.detail
        fields: dict[str, Any] = {}
        history: list[AmendmentView] = []
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
                                self.tr("Amend the session title"), self, supervisor=self._supervisor)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self._amended)
        self.dialog = dlg
        dlg.open()

    def _amended(self) -> None:
        self._show_title()
        self.sig_amended.emit()

    def edit_attendance(self) -> None:
        """Record the head count; after finalizing, correct it by an amendment with a reason."""
        dlg = AttendanceDialog(self._sessions, self._amendments, self._tasks, self._lang, self.detail, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.sig_saved.connect(self._attendance_saved)
        self.dialog = dlg
        dlg.open()

    def _attendance_saved(self, d: SessionDetail) -> None:
        self.show_detail(d)
        if d.status == S.FINALIZED:
            self.sig_amended.emit()

    # -- lifecycle ----------------------------------------------------------------------------
    def open_session(self) -> None:
        """Start a draft session (the actual start time is recorded)."""
        if self.detail.status == S.DRAFT:
            self._move(S.OPEN)

    def _move(self, target: S) -> None:
        sid = self.detail.id
        self._set_busy(True)
        if target == S.OPEN and self.detail.status == S.DRAFT:
            # Shown at once: the first entry of a draft is typed while the move is queued.
            self.detail = replace(self.detail, status=S.OPEN)
            self._show_status(S.OPEN)
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
        try:
            self.show_detail(self._sessions.get(self.detail.id))
        finally:
            show_error(self, exc, self._lang)

    def _set_busy(self, busy: bool) -> None:
        for b in (self.open_button, self.close_button, self.reopen_button, self.finalize_button):
            b.setEnabled(not busy)

