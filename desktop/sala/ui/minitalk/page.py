"""The minitalk page: the header, keyboard-first capture, the running list, tallies, actions, notes.

The user never waits for the app: an entry appears in the list the moment Enter is pressed and
is saved on the writer thread; the half-typed text is kept as a durable draft at most half a
second behind the keyboard, and comes back when the page is opened again.

Reading the list never changes it: typing while a row is selected goes to the capture box, and
an entry is corrected only on purpose (double-click, F2 or "Edit"), in the capture box's edit mode.
The session's status decides what can be done: a draft opens itself with the first saved entry,
an open session takes entries, a closed one is read-only until reopened, a finalized one takes
only amendments.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.domain.ids import new_id
from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionView
from sala.services.drafts import capture_key
from sala.services.sessions import SessionDetail
from sala.ui.amend.contribution_dialog import AmendDialog
from sala.ui.audience.page_button import AudienceButton
from sala.ui.common.autosave import Autosave
from sala.ui.common.errors import show_error
from sala.ui.common.record_undo import UndoActions
from sala.ui.common.tasks import TaskRunner
from sala.ui.minitalk import code_column, column_fit, tags_column
from sala.ui.minitalk.capture_box import CapturePanel
from sala.ui.minitalk.contribution_model import ChoiceDelegate, ContributionModel
from sala.ui.minitalk.side_panels import ActionItemsPanel, AmendmentsPanel, NotesPanel, TalliesPanel
from sala.ui.minitalk.undo import AddContribution, ContributionOps, DeleteContribution, EditContribution
from sala.ui.sessions.header import SessionHeader


class MinitalkPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.lang, self.session_id = services, tasks, lang, session_id
        detail = services.sessions.get(session_id)
        self.header = SessionHeader(services.sessions, tasks, lang, detail, amendments=services.amendments,
                                    supervisor=services.supervisor)
        self.capture = CapturePanel(lang, [(n, n) for n in detail.topic_names])
        self.model = ContributionModel(lang, self)
        self.table = self._make_table()
        self.undo_stack = QUndoStack(self)
        self.ops = ContributionOps(services.contributions, tasks, self.model, self._save_failed)
        self.count = QLabel()
        self.edit_button = QPushButton(self.tr("Edit selected (F2)"))
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.amend_button = QPushButton(self.tr("Amend selected…"))
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(self.amend_selected)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.audience_button = AudienceButton()  # driven by the window's audience controller

        self.tallies = TalliesPanel(services, tasks, lang, session_id)
        self.actions_panel = ActionItemsPanel(services, tasks, lang, session_id)
        self.notes = NotesPanel(services, tasks, lang, session_id, detail.notes)
        self.amendments = AmendmentsPanel()
        self.side = QTabWidget()
        self.side.addTab(self.tallies, self.tr("Show of hands"))
        self.side.addTab(self.actions_panel, self.tr("Action items"))
        self.side.addTab(self.notes, self.tr("Notes"))
        self.side.addTab(self.amendments, self.tr("Amendments"))
        self.audience_tabs = self.side  # audience mode's queue goes here: the page fills 1366 px already

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.capture)
        left_layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.audience_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.amend_button)
        bar.addWidget(self.delete_button)
        left_layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)

        self.draft_autosave = Autosave(self._save_draft, parent=self)
        self.capture.sig_changed.connect(self.draft_autosave.poke)
        self.capture.sig_submit.connect(self.add_contribution)
        self.capture.sig_edit_submitted.connect(self._edit_submitted)
        self.model.sig_edit_requested.connect(self._edited)
        self.header.sig_changed.connect(self.apply_status)
        for panel in (self.header, self.tallies, self.actions_panel):
            panel.sig_amended.connect(self._show_amendments)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self._install_actions()
        self._fit_columns()
        self.load()
        self.capture.restore(self._usable_draft(services.drafts.load(capture_key(session_id))))
        self.apply_status(detail)
        self.setFocusProxy(self.capture.box)

    def _make_table(self) -> QTableView:
        t = QTableView()
        t.setObjectName("contributionTable")
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setAlternatingRowColors(True)
        # Entries are read back to the room: the text wraps and each row is as tall as its text
        # (Thai marks above and below need the height), never cut off with "…". Only the rows on
        # screen are measured (see _fit_rows): measuring all 500 of a page on every Enter would
        # cost a second on a field laptop.
        t.setWordWrap(True)
        t.setTextElideMode(Qt.TextElideMode.ElideNone)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().lineSpacing() * 1.6))
        h = t.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(ContributionModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_rows)
        t.verticalScrollBar().valueChanged.connect(self._fit_timer.start)
        h.sectionResized.connect(self._fit_timer.start)
        for sig in (self.model.rowsInserted, self.model.modelReset, self.model.dataChanged, self.model.layoutChanged):
            sig.connect(self._fit_timer.start)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # editing is the capture box's
        t.setItemDelegateForColumn(ContributionModel.COL_CODE, code_column.CodeDelegate(t))
        for sig in (self.model.rowsInserted, self.model.modelReset, self.model.dataChanged):
            sig.connect(self._fit_content_columns)
        t.setItemDelegateForColumn(ContributionModel.COL_TYPE, ChoiceDelegate(
            [(x.value, x.label(self.lang)) for x in e.ContributionType], t))
        t.setItemDelegateForColumn(ContributionModel.COL_STANCE, ChoiceDelegate(
            [("", "—")] + [(x.value, x.label(self.lang)) for x in e.Stance], t))
        t.activated.connect(lambda _ix: self.amend_selected() if self.read_only else None)
        t.doubleClicked.connect(lambda _ix: self.edit_selected())
        t.installEventFilter(self)
        return t

    def _fit_columns(self) -> None:
        """Each short column as wide as its longest possible value (the labels it can show) or its
        heading, so "What was said" gets the rest; worked out from the labels, not by reading rows."""
        m = ContributionModel
        values = {
            m.COL_TIME: ["88:88"],
            m.COL_TYPE: [x.label(self.lang) for x in e.ContributionType],
            m.COL_STANCE: [x.label(self.lang) for x in e.Stance],
            m.COL_STATE: [QCoreApplication.translate("ContributionModel", "saving…"),
                          QCoreApplication.translate("ContributionModel", "✎ amended")],
        }
        for col, texts in values.items():
            column_fit.fit(self.table, col, texts)
        self._fit_content_columns()

    def _fit_content_columns(self) -> None:
        code_column.fit(self.table, self.model)
        tags_column.fit(self.table, self.model)

    def _fit_rows(self) -> None:
        """Give each row on screen the height its wrapped text needs."""
        t = self.table
        if not t.isVisible() or self.model.rowCount() == 0:
            return
        for _ in range(4):  # fitting changes which rows are on screen; a few rounds settle it
            top = max(0, t.rowAt(0))
            bottom = t.rowAt(t.viewport().height() - 1)
            bottom = self.model.rowCount() - 1 if bottom < 0 else bottom
            changed = False
            for r in range(top, bottom + 1):
                before = t.rowHeight(r)
                t.resizeRowToContents(r)
                changed |= t.rowHeight(r) != before
            if not changed:
                return

    def showEvent(self, event: Any) -> None:  # Qt name
        super().showEvent(event)
        self._fit_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt name
        """Words typed while the list has the focus go to the capture box, never into a row."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            if (self.can_capture and event.text() and event.text().isprintable() and not mods
                    and event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)):
                box = self.capture.box
                box.setFocus()
                QApplication.sendEvent(box, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
                return True
        return super().eventFilter(watched, event)

    def _install_actions(self) -> None:
        def action(keys: list[Any], fn: Any, widget: QWidget, context: Qt.ShortcutContext) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(context)
            act.triggered.connect(fn)
            widget.addAction(act)
            return act
        self.undo_actions = UndoActions(self, self.undo_stack, lambda: not self.can_capture, self._undo_refused)
        self.undo_action, self.redo_action = self.undo_actions.undo_action, self.undo_actions.redo_action
        action([QKeySequence.StandardKey.Delete], self.delete_selected, self.table, Qt.ShortcutContext.WidgetShortcut)
        self.edit_action = action(["F2"], self.edit_selected, self.table, Qt.ShortcutContext.WidgetShortcut)

    def _undo_refused(self, exc: SalaError) -> None:
        if self.header.detail.status == e.SessionStatus.CLOSED:
            exc = SalaError("เวทีนี้ปิดแล้ว จึงย้อนกลับหรือทำซ้ำไม่ได้ กด “เปิดเวทีอีกครั้ง” ก่อนหากต้องแก้ไข",
                            "This session is closed, so nothing can be undone or redone; "
                            "press Reopen first to change it")
        show_error(self, exc, self.lang)

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        sid, svc = self.session_id, self.services
        amended = svc.amendments.effective(sid)
        self.model.load(lambda off, n: svc.contributions.list(sid, off, n), svc.contributions.count(sid), amended)
        self._show_amendments()
        codes = [self.model.view_at(r).participant_code or "" for r in range(self.model.rowCount())]
        self.capture.set_known_codes(codes)

    def _show_amendments(self) -> None:
        self.amendments.show_amendments(self.services.amendments.list(self.session_id), self.lang)

    def audience_changed(self) -> None:
        """Phones' submissions were accepted (audience mode): show them in the list."""
        self.reconcile()

    def reconcile(self) -> None:
        """Reload from the database after every queued write has run (after an error, an amendment)."""
        self.tasks.run(lambda: None, lambda _: self.load())

    def _usable_draft(self, draft: dict[str, Any] | None) -> dict[str, Any] | None:
        # A crash between saving an entry and clearing its draft must not offer it twice.
        if draft and self.model.rowCount() and self.model.view_at(0).text == (draft.get("text") or "").strip():
            return None
        return draft

    # -- capture ------------------------------------------------------------------------------
    def add_contribution(self, clean: ContributionInput) -> None:
        if not self.can_capture:
            return
        if self.header.detail.status == e.SessionStatus.DRAFT:
            self.header.open_session()  # queued first: the session is open before its first entry lands
        view = ContributionView(new_id(), self.session_id, e.ContributionType(clean.type), clean.text,
                                e.Stance(clean.stance) if clean.stance else None, tuple(clean.tags),
                                clean.participant_code, None, None, now())
        # The box is cleared first and the write queued last, so the writer thread does not
        # compete with this thread's own work for the interpreter while it commits.
        self.capture.reset_after_save()
        self.draft_autosave.cancel()
        self.undo_stack.push(AddContribution(self.ops, view, self.tr("Add “%1”").replace("%1", view.text[:30])))
        key, drafts = capture_key(self.session_id), self.services.drafts
        self.tasks.run(lambda: drafts.clear(key))  # queued right behind the entry: never both, never neither
        self.table.scrollToTop()

    def _edited(self, old: ContributionView, new: ContributionView) -> None:
        try:
            ContributionInput(new.type, new.text, new.stance, list(new.tags), new.participant_code).validated()
        except ValidationError as exc:
            self.capture.show_error(exc)
            return
        self.undo_stack.push(EditContribution(self.ops, old, new, self.tr("Edit")))

    def edit_selected(self) -> None:
        """Put the selected entry into the capture box to be corrected (edit mode)."""
        ix = self.table.currentIndex()
        if not ix.isValid():
            return
        if self.read_only:
            self.amend_selected()
            return
        if not self.can_capture:
            return
        self.capture.begin_edit(self.model.view_at(ix.row()))

    def _edit_submitted(self, old: ContributionView, clean: ContributionInput) -> None:
        new = replace(old, type=e.ContributionType(clean.type), text=clean.text,
                      stance=e.Stance(clean.stance) if clean.stance else None, tags=tuple(clean.tags),
                      participant_code=clean.participant_code)
        self.capture.cancel_edit()
        if new != old and self.model.row_of(old.id) >= 0:
            self.undo_stack.push(EditContribution(self.ops, old, new, self.tr("Edit")))

    def delete_selected(self) -> None:
        if not self.can_capture:
            return
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        views = [self.model.view_at(r) for r in rows]
        if not views:
            return
        self.undo_stack.beginMacro(self.tr("Delete"))
        for v in views:
            self.undo_stack.push(DeleteContribution(self.ops, v, self.tr("Delete")))
        self.undo_stack.endMacro()

    def _save_draft(self) -> None:
        draft, key, drafts = self.capture.draft(), capture_key(self.session_id), self.services.drafts
        self.tasks.run(lambda: drafts.save(key, draft), None, lambda exc: show_error(self, exc, self.lang))

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.capture.show_error(exc)
        else:
            show_error(self, exc, self.lang)
        self.reconcile()

    def flush(self) -> None:
        """Queue anything typed but not yet saved (the page is going away or the app is closing)."""
        self.draft_autosave.flush()
        self.notes.autosave.flush()

    def hideEvent(self, event: Any) -> None:  # Qt name
        self.flush()
        super().hideEvent(event)

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """Finalized: only amendments with a reason."""
        return self.header.detail.status == e.SessionStatus.FINALIZED

    @property
    def can_capture(self) -> bool:
        """A draft or open session takes entries; a closed or finalized one does not."""
        return self.header.detail.status in (e.SessionStatus.DRAFT, e.SessionStatus.OPEN)

    def apply_status(self, detail: SessionDetail) -> None:
        status = e.SessionStatus
        ro, closed = detail.status == status.FINALIZED, detail.status == status.CLOSED
        if ro or closed:
            self.flush()
        if ro:
            self.undo_stack.clear()  # nothing of a finalized session can be taken back
        notes = {
            status.DRAFT: self.tr("Draft: the session starts when you save the first entry (or press Start)."),
            status.OPEN: "",
            status.CLOSED: self.tr("This session is closed: nothing can be added or changed. "
                                   "Press Reopen to add more, or Finalize when it is complete."),
            status.FINALIZED: self.tr("Finalized: read-only. To correct an entry, select it and press "
                                      "Amend… (a reason is recorded)."),
        }
        self.capture.set_capture("hidden" if ro else "off" if closed else "on", notes[detail.status])
        self.model.set_read_only(ro or closed)
        for panel in (self.tallies, self.actions_panel, self.notes):
            panel.set_read_only(ro)
            if not ro:
                panel.set_closed(closed)
        self.edit_button.setVisible(not ro)
        self.edit_button.setEnabled(not closed)
        self.delete_button.setVisible(not ro)
        self.delete_button.setEnabled(not closed)
        self.amend_button.setVisible(ro)
        self.audience_button.set_status(detail.status)
        self.side.setTabVisible(self.side.indexOf(self.amendments), ro)
        # "Amended" is the only lasting state; an entry being saved shows grey for a moment.
        self.table.setColumnHidden(ContributionModel.COL_STATE, not ro)

    def amend_selected(self) -> None:
        ix = self.table.currentIndex()
        if not self.read_only or not ix.isValid():
            return
        row = self.model.row_at(ix.row())
        dlg = AmendDialog(self.services.amendments, self.tasks, self.lang, row.view, row.amended, self,
                          supervisor=self.services.supervisor)
        if dlg.exec():
            self.load()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n contribution(s)", "", self.model.total()))
