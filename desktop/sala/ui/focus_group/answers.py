"""Answers to the current question, by participant code, and the facilitator's observations.

Typing flow: the code picker keeps the last speaker; Ctrl+1…9 jumps to P01…P09; type the
answer, Enter saves it (durably, on the writer thread) and clears the line for the next one at
once. Every add, edit and delete is an undoable command on the page's undo stack, shown at
once and reconciled when the writer answers; if a save is refused the words go back into the
line, never lost. In a list, F2 or Enter edits the selected entry and Delete removes it. Once
the session is finalized the lists are read-only: F2 or Enter opens an amendment instead,
which is shown under the original.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain import validation as val
from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.domain.ids import new_id
from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionView
from sala.services.guides import QuestionView
from sala.services.observations import ObservationView
from sala.ui.amend.record_dialog import AmendField, AmendRecordDialog
from sala.ui.common.contribution_store import ContributionStore
from sala.ui.common.errors import ERROR_STYLE, error_text, show_error
from sala.ui.common.record_undo import AddRecord, DeleteRecord, EditRecord, RecordOps
from sala.ui.common.tasks import TaskRunner
from sala.ui.focus_group.edit_dialog import EditEntryDialog
from sala.ui.focus_group.records import CaptureLine, ObservationStore, RecordList


def _answer_input(code: str | None, text: str, question_id: str | None = None) -> ContributionInput:
    return ContributionInput(e.ContributionType.OPINION, text, participant_code=code,
                             question_id=question_id).validated()


def _observation_text(_code: str | None, text: str) -> str:
    return val.required_text(text, "text", val.TEXT_MAX)


class AnswersPanel(QWidget):
    sig_new_code = Signal()
    """An answer used a participant code the table does not show yet."""

    sig_amended = Signal()
    """An amendment of an answer or observation of the finalized session was recorded."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None, *, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.read_only = False
        self.closed = False
        self.dialog: QDialog | None = None
        """The edit or amend dialog last opened (window-modal; tests reach it here)."""
        self.question: QuestionView | None = None
        self.position_label = QLabel()
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 4)
        f.setBold(True)
        self.question_label.setFont(f)
        self.question_label.setMinimumHeight(int(self.question_label.fontMetrics().height() * 1.6))

        # The box holds a real code (the session's first participant, or the next free one);
        # emptied, it says plainly that the answer is kept without a speaker.
        self.code = QComboBox()
        self.code.setObjectName("participantCode")
        self.code.setEditable(True)
        self.code.setMinimumWidth(150)
        if (line := self.code.lineEdit()) is not None:  # it is: the combo is editable
            line.setPlaceholderText(self.tr("No speaker"))
        self.code.setToolTip(self.tr("Who is speaking: a participant code such as P01 (Ctrl+1…9). "
                                     "Leave it empty when the speaker is not known."))
        self.code_label = QLabel(self.tr("Speaker:"))
        self.code_label.setBuddy(self.code)
        self.text = CaptureLine()
        self.text.setPlaceholderText(self.tr("Answer — Enter saves"))
        self.text.returnPressed.connect(self.save_answer)
        self.text.setMinimumHeight(int(self.fontMetrics().height() * 2))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.answer_row = QWidget()
        row = QHBoxLayout(self.answer_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code_label)
        row.addWidget(self.code)
        row.addWidget(self.text, 1)
        self.answers = RecordList(self._answer_line, self._answer_here, newest_first=True)
        self.answer_ops: RecordOps[ContributionView] = RecordOps(
            ContributionStore(services.contributions), tasks, self.answers, self._write_failed)
        self.answer_ops.on_saved = self._answer_saved
        self.answer_ops.on_refused = lambda op, v: self._give_back(op, self.text, v.text)

        obs_title = QLabel(self.tr("Facilitator observations"))
        obs_title.setStyleSheet("font-weight: bold;")
        self.observation = CaptureLine()
        self.observation.setPlaceholderText(self.tr("Observation (mood, who held back, …) — Enter saves"))
        self.observation.returnPressed.connect(self.save_observation)
        self.obs_for_question = QCheckBox(self.tr("About this question"))
        self.obs_for_question.setChecked(True)
        self.observation_row = QWidget()
        obs_row = QHBoxLayout(self.observation_row)
        obs_row.setContentsMargins(0, 0, 0, 0)
        obs_row.addWidget(self.observation, 1)
        obs_row.addWidget(self.obs_for_question)
        self.observations = RecordList(self._obs_line, self._obs_here, newest_first=False)
        self.observation_ops: RecordOps[ObservationView] = RecordOps(
            ObservationStore(services.observations), tasks, self.observations, self._write_failed)
        self.observation_ops.on_refused = lambda op, v: self._give_back(op, self.observation, v.text)

        self.answer_buttons, answer_bar = self._buttons(self.answers, self.edit_answer, self.delete_answers)
        self.obs_buttons, obs_bar = self._buttons(self.observations, self.edit_observation,
                                                  self.delete_observations)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.position_label)
        layout.addWidget(self.question_label)
        layout.addWidget(self.answer_row)
        layout.addWidget(self.error)
        layout.addWidget(self.answers, 3)
        layout.addLayout(answer_bar)
        layout.addWidget(obs_title)
        layout.addWidget(self.observation_row)
        layout.addWidget(self.observations, 2)
        layout.addLayout(obs_bar)
        for n in range(1, 10):
            sc = QShortcut(QKeySequence(f"Ctrl+{n}"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda n=n: self.pick_code(f"P{n:02d}"))
        self.refresh_codes()
        self.code.setEditText(self.known_codes()[0] if self.known_codes()
                              else services.participants.next_free_code(session_id))

    def _buttons(self, lst: RecordList, edit, delete) -> tuple[dict[str, QPushButton], QHBoxLayout]:
        """Edit / Delete / Amend under a list, and the same by keyboard on the list itself."""
        buttons = {"edit": QPushButton(self.tr("Edit… (F2)")), "delete": QPushButton(self.tr("Delete (Del)")),
                   "amend": QPushButton(self.tr("Amend… (F2)"))}
        buttons["edit"].clicked.connect(edit)
        buttons["amend"].clicked.connect(edit)
        buttons["delete"].clicked.connect(delete)
        buttons["amend"].hide()
        bar = QHBoxLayout()
        bar.addStretch(1)
        for b in buttons.values():
            bar.addWidget(b)
        lst.itemActivated.connect(lambda _item: edit())
        QShortcut(QKeySequence("F2"), lst, context=Qt.ShortcutContext.WidgetShortcut).activated.connect(edit)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), lst,
                  context=Qt.ShortcutContext.WidgetShortcut).activated.connect(delete)
        return buttons, bar

    # -- showing ------------------------------------------------------------------------------
    def show_question(self, question: QuestionView | None, index: int, total: int) -> None:
        self.question = question
        if question is None:
            self.position_label.setText("")
            self.question_label.setText(self.tr("No questions yet: add one to the guide, or use a template. "
                                                "Answers typed now are kept without a question."))
        else:
            self.position_label.setText(self.tr("Question %1 of %2").replace("%1", str(index + 1))
                                        .replace("%2", str(total)))
            self.question_label.setText(question.text)
        self.load_lists()

    def load_lists(self) -> None:
        """Both lists from the database, with any amendments beside the originals."""
        svc, sid = self._services, self._session_id
        amended = svc.amendments.effective(sid)
        self.answers.show_records(svc.contributions.list(sid, limit=100_000), amended)
        self.observations.show_records(svc.observations.list(sid), amended)

    def _qid(self) -> str | None:
        return self.question.id if self.question else None

    def _answer_here(self, c: ContributionView) -> bool:
        return c.question_id == self._qid()

    def _obs_here(self, o: ObservationView) -> bool:
        return o.question_id in (None, self._qid())

    def _answer_line(self, c: ContributionView) -> str:
        return f"{c.participant_code or self.tr('No speaker')}: {c.text}"

    def _obs_line(self, o: ObservationView) -> str:
        mark = "" if o.question_id else self.tr("(general) ")
        return f"{mark}{o.text}"

    def refresh_codes(self) -> None:
        current = self.code.currentText()
        self.code.clear()
        self.code.addItems(self.known_codes())
        self.code.setEditText(current)

    def known_codes(self) -> list[str]:
        return [p.code for p in self._services.participants.list(self._session_id)]

    def pick_code(self, code: str) -> None:
        self.code.setEditText(code)
        self.text.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        """Finalized: no capture, no edit or delete; F2 / Enter / the button amend instead."""
        self.read_only = read_only
        self.answer_row.setVisible(not read_only)
        self.observation_row.setVisible(not read_only)
        self.error.hide()
        for buttons in (self.answer_buttons, self.obs_buttons):
            buttons["edit"].setVisible(not read_only)
            buttons["delete"].setVisible(not read_only)
            buttons["amend"].setVisible(read_only)

    def set_closed(self, closed: bool) -> None:
        """Closed: the lines stay in sight but take no typing, and nothing is edited or deleted
        until the session is reopened."""
        self.closed = closed
        for w in (self.answer_row, self.observation_row):
            w.setEnabled(not closed)
        for buttons in (self.answer_buttons, self.obs_buttons):
            buttons["edit"].setEnabled(not closed)
            buttons["delete"].setEnabled(not closed)

    # -- adding -------------------------------------------------------------------------------
    def save_answer(self) -> None:
        text = self.text.text()
        if not text.strip() or self.read_only or self.closed:
            return
        try:
            clean = _answer_input(self.code.currentText().strip() or None, text, self._qid())
        except ValidationError as exc:
            self._show_error(exc)  # the words stay in the line
            return
        self.error.hide()
        view = ContributionView(new_id(), self._session_id, e.ContributionType(clean.type), clean.text, None, (),
                                clean.participant_code, clean.question_id, None, now())
        self.text.reset()  # ready for the next speaker at once
        self.code.setEditText(clean.participant_code or "")
        self.undo_stack.push(AddRecord(self.answer_ops, view, self.tr("Add answer")))

    def save_observation(self) -> None:
        text = self.observation.text()
        if not text.strip() or self.read_only or self.closed:
            return
        try:
            clean = _observation_text(None, text)
        except ValidationError as exc:
            self._show_error(exc)
            return
        self.error.hide()
        qid = self._qid() if self.obs_for_question.isChecked() else None
        view = ObservationView(new_id(), self._session_id, qid, clean, now())
        self.observation.reset()
        self.undo_stack.push(AddRecord(self.observation_ops, view, self.tr("Add observation")))

    def _answer_saved(self, view: ContributionView) -> None:
        known = {self.code.itemText(i) for i in range(self.code.count())}
        if view.participant_code and view.participant_code not in known:
            self.refresh_codes()
            self.sig_new_code.emit()

    # -- editing and deleting -----------------------------------------------------------------
    def edit_answer(self) -> None:
        v = self.answers.current_view()
        if v is None or self.closed:
            return
        if self.read_only:
            self._amend("contribution", v, self.tr("Amend a finalized answer"), self.answers)
            return
        dlg = EditEntryDialog(self.tr("Edit answer"), v.text, self._lang,
                              lambda code, text: _answer_input(code, text) and None,
                              v.participant_code, self.known_codes(), self)

        def done() -> None:
            clean = _answer_input(dlg.new_code(), dlg.new_text(), v.question_id)
            new = replace(v, text=clean.text, participant_code=clean.participant_code)
            if new != v:
                self.undo_stack.push(EditRecord(self.answer_ops, v, new, self.tr("Edit answer")))
        self._open(dlg, done)

    def edit_observation(self) -> None:
        o = self.observations.current_view()
        if o is None or self.closed:
            return
        if self.read_only:
            self._amend("observation", o, self.tr("Amend a finalized observation"), self.observations)
            return
        dlg = EditEntryDialog(self.tr("Edit observation"), o.text, self._lang,
                              lambda code, text: _observation_text(code, text) and None, parent=self)

        def done() -> None:
            new = replace(o, text=_observation_text(None, dlg.new_text()))
            if new != o:
                self.undo_stack.push(EditRecord(self.observation_ops, o, new, self.tr("Edit observation")))
        self._open(dlg, done)

    def delete_answers(self) -> None:
        self._delete(self.answers, self.answer_ops, self.tr("Delete answer"))

    def delete_observations(self) -> None:
        self._delete(self.observations, self.observation_ops, self.tr("Delete observation"))

    def _delete(self, lst: RecordList, ops: RecordOps, label: str) -> None:
        views = lst.selected_views() or ([lst.current_view()] if lst.current_view() else [])
        if self.read_only or self.closed or not views:
            return
        self.undo_stack.beginMacro(label)
        for v in views:
            self.undo_stack.push(DeleteRecord(ops, v, label))
        self.undo_stack.endMacro()

    def _amend(self, target_type: str, view: ContributionView | ObservationView, title: str,
               lst: RecordList) -> None:
        fields, _ = lst.amended(view.id)
        dlg = AmendRecordDialog(self._services.amendments, self._tasks, self._lang, target_type, view.id,
                                [AmendField("text", self.tr("Corrected text"), view.text,
                                            fields.get("text", view.text), "text")], title, self,
                                supervisor=self._services.supervisor)

        def done() -> None:
            self.load_lists()
            self.sig_amended.emit()
        self._open(dlg, done)

    def _open(self, dlg: QDialog, on_accepted) -> None:
        dlg.accepted.connect(on_accepted)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()

    # -- refusals -----------------------------------------------------------------------------
    def _give_back(self, op: str, edit: QLineEdit, text: str) -> None:
        if op == "add" and not edit.text():
            edit.setText(text)  # the words come back; nothing typed is lost

    def _write_failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self._tasks.run(lambda: None, lambda _: self.load_lists())  # after the queued writes

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, SalaError):
            self.error.setText(error_text(exc, self._lang))
            self.error.show()
        else:
            show_error(self, exc, self._lang)
