"""The minitalk page: the header, keyboard-first capture, the running list, tallies, actions, notes.

The user never waits for the app: an entry appears in the list the moment Enter is pressed and
is saved on the writer thread; the half-typed text is kept as a durable draft at most half a
second behind the keyboard, and comes back when the page is opened again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.domain.ids import new_id
from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionView
from sala.services.drafts import capture_key
from sala.services.sessions import SessionDetail
from sala.ui.minitalk.capture_box import CapturePanel
from sala.ui.common.record_undo import UndoActions
from sala.ui.minitalk.contribution_model import ChoiceDelegate, ContributionModel
from sala.ui.amend.contribution_dialog import AmendDialog
from sala.ui.common.autosave import Autosave
from sala.ui.minitalk.side_panels import ActionItemsPanel, AmendmentsPanel, NotesPanel, TalliesPanel
from sala.ui.minitalk.undo import AddContribution, ContributionOps, DeleteContribution, EditContribution
from sala.ui.sessions.header import SessionHeader
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.errors import show_error


class MinitalkPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.lang, self.session_id = services, tasks, lang, session_id
        detail = services.sessions.get(session_id)
        self.header = SessionHeader(services.sessions, tasks, lang, detail, amendments=services.amendments)
        self.capture = CapturePanel(lang, [(n, n) for n in detail.topic_names])
        self.model = ContributionModel(lang, self)
        self.table = self._make_table()
        self.undo_stack = QUndoStack(self)
        self.ops = ContributionOps(services.contributions, tasks, self.model, self._save_failed)
        self.count = QLabel()
        self.amend_button = QPushButton(self.tr("Amend selected…"))
        self.amend_button.clicked.connect(self.amend_selected)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.clicked.connect(self.delete_selected)

        self.tallies = TalliesPanel(services, tasks, lang, session_id)
        self.actions_panel = ActionItemsPanel(services, tasks, lang, session_id)
        self.notes = NotesPanel(services, tasks, lang, session_id, detail.notes)
        self.amendments = AmendmentsPanel()
        self.side = QTabWidget()
        self.side.addTab(self.tallies, self.tr("Show of hands"))
        self.side.addTab(self.actions_panel, self.tr("Action items"))
        self.side.addTab(self.notes, self.tr("Notes"))
        self.side.addTab(self.amendments, self.tr("Amendments"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.capture)
        left_layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.amend_button)
        bar.addWidget(self.delete_button)
        left_layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([860, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)

        self.draft_autosave = Autosave(self._save_draft, parent=self)
        self.capture.sig_changed.connect(self.draft_autosave.poke)
        self.capture.sig_submit.connect(self.add_contribution)
        self.model.sig_edit_requested.connect(self._edited)
        self.header.sig_changed.connect(self.apply_status)
        for panel in (self.header, self.tallies, self.actions_panel):
            panel.sig_amended.connect(self._show_amendments)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self._install_actions()
        self.load()
        self.capture.restore(self._usable_draft(services.drafts.load(capture_key(session_id))))
        self.apply_status(detail)
        self.setFocusProxy(self.capture.box)

    def _make_table(self) -> QTableView:
        t = QTableView()
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        t.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        h = t.horizontalHeader()
        h.setSectionResizeMode(ContributionModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 52), (1, 100), (2, 95), (4, 56), (5, 90), (6, 104)):
            t.setColumnWidth(col, width)
        t.setItemDelegateForColumn(ContributionModel.COL_TYPE, ChoiceDelegate(
            [(x.value, x.label(self.lang)) for x in e.ContributionType], t))
        t.setItemDelegateForColumn(ContributionModel.COL_STANCE, ChoiceDelegate(
            [("", "—")] + [(x.value, x.label(self.lang)) for x in e.Stance], t))
        t.activated.connect(lambda _ix: self.amend_selected() if self.read_only else None)
        return t

    def _install_actions(self) -> None:
        def action(keys: list[Any], fn: Any, widget: QWidget, context: Qt.ShortcutContext) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(context)
            act.triggered.connect(fn)
            widget.addAction(act)
            return act
        self.undo_actions = UndoActions(self, self.undo_stack, lambda: self.read_only,
                                        lambda exc: show_error(self, exc, self.lang))
        self.undo_action, self.redo_action = self.undo_actions.undo_action, self.undo_actions.redo_action
        action([QKeySequence.StandardKey.Delete], self.delete_selected, self.table, Qt.ShortcutContext.WidgetShortcut)

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        sid, svc = self.session_id, self.services
        amended = svc.amendments.effective(sid)
        self.model.load(lambda off, n: svc.contributions.list(sid, off, n), svc.contributions.count(sid), amended)
        self._show_amendments()
        self.capture.set_known_codes([self.model.view_at(r).participant_code or "" for r in range(self.model.rowCount())])

    def _show_amendments(self) -> None:
        self.amendments.show_amendments(self.services.amendments.list(self.session_id), self.lang)

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

    def delete_selected(self) -> None:
        if self.read_only:
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

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt name
        self.flush()
        super().hideEvent(event)

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.header.detail.status == e.SessionStatus.FINALIZED

    def apply_status(self, detail: SessionDetail) -> None:
        ro = detail.status == e.SessionStatus.FINALIZED
        if ro:
            self.flush()
            self.undo_stack.clear()  # nothing of a finalized session can be taken back
        self.capture.set_read_only(ro)
        self.model.set_read_only(ro)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if ro else
                                   QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for panel in (self.tallies, self.actions_panel, self.notes):
            panel.set_read_only(ro)
        self.delete_button.setVisible(not ro)
        self.amend_button.setVisible(ro)
        self.side.setTabVisible(self.side.indexOf(self.amendments), ro)

    def amend_selected(self) -> None:
        ix = self.table.currentIndex()
        if not self.read_only or not ix.isValid():
            return
        row = self.model.row_at(ix.row())
        dlg = AmendDialog(self.services.amendments, self.tasks, self.lang, row.view, row.amended, self)
        if dlg.exec():
            self.load()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n contribution(s)", "", self.model.total()))
