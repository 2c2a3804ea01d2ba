"""The participants table: anonymous codes, demographic bands, consent, and contact details
that stay locked until the participant consents. Self-contained, so any capture page can hold it.

The table's six columns share its width (no sideways scrolling on a 1366-pixel screen, the code
always in sight); the selected participant's name, phone and e-mail are edited in the form
below it, headed by their code.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError
from sala.domain.inputs import CONSENT_PURPOSE_EN, CONSENT_PURPOSE_TH, ParticipantInput
from sala.services.participants import ParticipantView
from sala.ui.common.errors import ERROR_STYLE, error_text, show_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.focus_group.participant_row import CONTACT_LOCKED_EN, CONTACT_LOCKED_TH, ParticipantRow


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
        # For the staff: without an OS key store the contacts' key is a file (storage/keystore.py).
        self.key_note = QLabel(self.tr(
            "The contacts' encryption key is in a private file (this computer has no keyring): anyone signed in "
            "as this user could read contacts not yet sealed. Keep the laptop locked."))
        self.key_note.setObjectName("contactKeyNote")
        self.key_note.setWordWrap(True)
        self.key_note.setStyleSheet("QLabel { color: #8a4b00; }")
        self.key_note.setVisible(self._services.participants.vault.kept_in_file())
        self.lock_note = QLabel(f"{CONTACT_LOCKED_TH}<br><span style='color:#555'>{CONTACT_LOCKED_EN}</span>")
        self.lock_note.setWordWrap(True)
        self.lock_note.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("participantsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Age"), self.tr("Gender"), self.tr("Occupation"), self.tr("Province"),
            self.tr("Consent"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        # Thai marks stack above and below the line: give rows room for them.
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.2))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)  # consent takes what is left, also when a scroll bar comes
        self.table.viewport().installEventFilter(self)  # columns share the width on every resize
        self.table.currentCellChanged.connect(lambda row, *_: self._show_contact(row))

        # The selected participant's contact details, under the table.
        self.contact_box = QGroupBox(self.tr("Contact details (only with consent)"))
        self.contact_box.setObjectName("contactBox")
        self.contacts = QStackedWidget()
        self.no_contact = QLabel(self.tr("Choose a participant in the table to fill in their contact details."))
        self.no_contact.setWordWrap(True)
        self.contacts.addWidget(self.no_contact)
        box = QVBoxLayout(self.contact_box)
        box.addWidget(self.contacts)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.purpose)
        layout.addWidget(self.key_note)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.contact_box)
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
        for w in row.editors():
            w.installEventFilter(self)  # a click into a cell's editor selects its row
        self.contacts.addWidget(row.contact_form)
        self.rows.append(row)
        if self.table.currentRow() < 0:
            self.table.setCurrentCell(n, 0)
        return row

    # Shares of the width after the code column: the consent words are the longest.
    WEIGHTS = (0.8, 0.7, 1.3, 1.1, 1.6)

    def _fit_columns(self) -> None:
        """Code column as wide as a code; the rest share what is left, so nothing scrolls sideways."""
        width = self.table.viewport().width()
        code = max(64, self.fontMetrics().horizontalAdvance("P0000") + 24)
        self.table.setColumnWidth(0, code)
        rest, total = max(0, width - code - 20), sum(self.WEIGHTS)  # 20: room for a vertical scroll bar
        for col, w in enumerate(self.WEIGHTS[:-1], start=1):
            self.table.setColumnWidth(col, max(40, int(rest * w / total)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
            return False
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            for n, row in enumerate(self.rows):
                if watched in row.widgets() and self.table.currentRow() != n:
                    self.table.setCurrentCell(n, row.widgets().index(watched))
                    break
        return super().eventFilter(watched, event)

    def _show_contact(self, n: int) -> None:
        self.contacts.setCurrentWidget(self.rows[n].contact_form if 0 <= n < len(self.rows) else self.no_contact)
        for i, row in enumerate(self.rows):  # the cells hide the selection: mark the row's code
            row.code.setProperty("current", i == n)
            f = row.code.font()
            f.setBold(i == n)
            row.code.setFont(f)

    def set_read_only(self, read_only: bool) -> None:
        """A finalized session's participants are shown, not edited (the service refuses too)."""
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        # The cells live in the viewport: disabling it disables every row's editors (keeping
        # each one's own state, e.g. contact fields locked without consent) but not scrolling.
        self.table.viewport().setEnabled(not read_only)
        for row in self.rows:
            row.contact_form.setEnabled(not read_only)

    def codes(self) -> list[str]:
        return [r.code.text() for r in self.rows]

    # -- actions ------------------------------------------------------------------------------
    def add_participant(self) -> None:
        svc, sid = self._services.participants, self._session_id

        def add() -> ParticipantView:
            return svc.add(sid, ParticipantInput(svc.next_free_code(sid)))

        self._tasks.run(add, self._added, lambda exc: show_error(self, exc, self._lang))

    def _added(self, view: ParticipantView) -> None:
        row = self._append(view)
        self._update_add_label()
        self.table.scrollToBottom()
        self.table.setCurrentCell(self.rows.index(row), 1)
        row.age.setFocus()
        self.sig_changed.emit()

    def remove_selected(self) -> None:
        n = self.table.currentRow()
        if not 0 <= n < len(self.rows):
            return
        row = self.rows[n]
        text = self.tr("Remove participant %1? Their answers stay, without the code.").replace("%1", row.code.text())
        answer = QMessageBox.question(self, "Sala", text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        pid = row.participant_id

        def removed(_: object) -> None:
            i = self.rows.index(row)
            self.rows.pop(i)
            self.table.removeRow(i)
            self.contacts.removeWidget(row.contact_form)
            row.contact_form.deleteLater()
            self._show_contact(self.table.currentRow())
            self._update_add_label()
            self.sig_changed.emit()

        self._tasks.run(lambda: self._services.participants.delete(pid), removed,
                        lambda exc: show_error(self, exc, self._lang))

    def flush(self) -> None:
        """Save every row with a pending change now (the page is being left)."""
        for row in self.rows:
            if row.pending():
                row.save_now()

    def hideEvent(self, event) -> None:  # Qt name
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
        if getattr(exc, "field", "") in row.field_errors:  # said beside the field, in the form
            if row in self.rows:
                self.table.setCurrentCell(self.rows.index(row), 0)  # its form comes forward
            self.error.hide()
            return
        self.error.setText(f"{row.code.text()}: " + error_text(exc, self._lang))
        self.error.show()

    def _update_add_label(self) -> None:
        code = self._services.participants.next_free_code(self._session_id)
        self.add_button.setText(self.tr("Add participant (%1)").replace("%1", code))
