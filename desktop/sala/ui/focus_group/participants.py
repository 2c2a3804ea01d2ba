"""The participants table: anonymous codes, demographic bands, consent, and contact details
that stay locked until the participant consents. Self-contained, so any capture page can hold it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
    QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError
from sala.domain.inputs import CONSENT_PURPOSE_EN, CONSENT_PURPOSE_TH, ParticipantInput
from sala.services.participants import ParticipantView
from sala.ui.focus_group.participant_row import CONTACT_LOCKED_EN, CONTACT_LOCKED_TH, ParticipantRow
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.errors import show_error


class ParticipantsTable(QWidget):
    """Edit participants in place; every change is saved within a second, no Save button."""

    sig_changed = Signal()
    """A participant was added, changed or removed (other views may refresh their code lists)."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.rows: list[ParticipantRow] = []

        title = QLabel(self.tr("Participants"))
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSize(f.pointSize() + 2)
        title.setFont(f)
        self.add_button = QPushButton()
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.add_participant)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.setMinimumHeight(40)
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)

        # The purpose is read out to each participant before they consent: Thai first, always.
        heading = self.tr("Purpose of data use (read to the participant)")
        self.purpose = QLabel(f"<b>{heading}</b><br>"
                              f"{CONSENT_PURPOSE_TH}<br><span style='color:#555'>{CONSENT_PURPOSE_EN}</span>")
        self.purpose.setWordWrap(True)
        self.purpose.setTextFormat(Qt.TextFormat.RichText)
        self.purpose.setStyleSheet("QLabel { background: #f4f7fb; border: 1px solid #cdd7e3; padding: 8px; }")
        self.lock_note = QLabel(f"{CONTACT_LOCKED_TH}<br><span style='color:#555'>{CONTACT_LOCKED_EN}</span>")
        self.lock_note.setWordWrap(True)
        self.lock_note.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Age"), self.tr("Gender"), self.tr("Occupation"), self.tr("Province"),
            self.tr("Consent"), self.tr("Name"), self.tr("Phone"), self.tr("E-mail"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # Thai marks stack above and below the line: give rows room for them.
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.2))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((64, 120, 96, 170, 140, 236, 150, 130)):
            self.table.setColumnWidth(col, width)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.purpose)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.reload()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Add rows for participants not shown yet (e.g. a code first typed in an answer)."""
        known = {r.participant_id for r in self.rows}
        for view in self._services.participants.list(self._session_id):
            if view.id not in known:
                self._append(view)
        self._update_add_label()

    def _append(self, view: ParticipantView) -> ParticipantRow:
        contact = self._services.participants.contact(view.id) if view.has_contact else None
        row = ParticipantRow(view, (contact.name, contact.phone, contact.email) if contact else ("", "", ""),
                             self._lang, self._services.participants.update, self._tasks, self)
        row.sig_failed.connect(self._failed)
        row.sig_saved.connect(self._saved)
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col, w in enumerate(row.widgets()):
            self.table.setCellWidget(n, col, w)
        self.rows.append(row)
        return row

    def set_read_only(self, read_only: bool) -> None:
        """A finalized session's participants are shown, not edited (the service refuses too)."""
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        # The cells live in the viewport: disabling it disables every row's editors (keeping
        # each one's own state, e.g. contact fields locked without consent) but not scrolling.
        self.table.viewport().setEnabled(not read_only)

    def codes(self) -> list[str]:
        return [r.code.text() for r in self.rows]

    # -- actions ------------------------------------------------------------------------------
    def add_participant(self) -> None:
        svc, sid = self._services.participants, self._session_id

        def add() -> ParticipantView:
            return svc.add(sid, ParticipantInput(svc.next_code(sid)))

        self._tasks.run(add, self._added, lambda exc: show_error(self, exc, self._lang))

    def _added(self, view: ParticipantView) -> None:
        row = self._append(view)
        self._update_add_label()
        self.table.scrollToBottom()
        row.age.setFocus()
        self.sig_changed.emit()

    def remove_selected(self) -> None:
        n = self.table.currentRow()
        if not 0 <= n < len(self.rows):
            return
        row = self.rows[n]
        answer = QMessageBox.question(self, "Sala", self.tr("Remove participant %1? Their answers stay, without the code.")
                                      .replace("%1", row.code.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        pid = row.participant_id

        def removed(_: object) -> None:
            i = self.rows.index(row)
            self.rows.pop(i)
            self.table.removeRow(i)
            self._update_add_label()
            self.sig_changed.emit()

        self._tasks.run(lambda: self._services.participants.delete(pid), removed,
                        lambda exc: show_error(self, exc, self._lang))

    def flush(self) -> None:
        """Save every row with a pending change now (the page is being left)."""
        for row in self.rows:
            if row.pending():
                row.save_now()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.flush()
        super().hideEvent(event)

    # -- results ------------------------------------------------------------------------------
    def _saved(self, _view: ParticipantView) -> None:
        self.error.hide()
        self.sig_changed.emit()

    def _failed(self, row: ParticipantRow, exc: BaseException) -> None:
        if not isinstance(exc, SalaError):
            show_error(self, exc, self._lang)
            return
        row.mark_invalid(exc)
        first, second = (exc.th, exc.en) if self._lang == "th" else (exc.en, exc.th)
        self.error.setText(f"{row.code.text()}: {first}\n{second}")
        self.error.show()

    def _update_add_label(self) -> None:
        self.add_button.setText(self.tr("Add participant (%1)").replace("%1", self._services.participants.next_code(self._session_id)))
