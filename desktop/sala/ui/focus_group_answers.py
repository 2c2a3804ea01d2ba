"""Answers to the current question, by participant code, and the facilitator's observations.

Typing flow: the code picker keeps the last speaker; Ctrl+1…9 jumps to P01…P09; type the
answer, Enter saves it (durably, on the writer thread) and clears the line for the next one at
once. If a save is refused the words go back into the line, never lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.errors import SalaError
from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionView
from sala.services.guides import QuestionView
from sala.services.observations import ObservationView
from sala.ui.tasks import TaskRunner
from sala.ui.widgets import show_error


class AnswersPanel(QWidget):
    sig_new_code = Signal()
    """An answer used a participant code the table does not show yet."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.question: QuestionView | None = None
        self.position_label = QLabel()
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 4)
        f.setBold(True)
        self.question_label.setFont(f)
        self.question_label.setMinimumHeight(int(self.question_label.fontMetrics().height() * 1.6))

        self.code = QComboBox()
        self.code.setEditable(True)
        self.code.setMinimumWidth(90)
        self.code.lineEdit().setPlaceholderText("P01")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Answer — Enter saves"))
        self.text.returnPressed.connect(self.save_answer)
        self.text.setMinimumHeight(int(self.fontMetrics().height() * 2))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.code)
        row.addWidget(self.text, 1)
        self.answers = QListWidget()
        self.answers.setWordWrap(True)
        self.answers.setSpacing(3)  # room for Thai marks above and below

        obs_title = QLabel(self.tr("Facilitator observations"))
        obs_title.setStyleSheet("font-weight: bold;")
        self.observation = QLineEdit()
        self.observation.setPlaceholderText(self.tr("Observation (mood, who held back, …) — Enter saves"))
        self.observation.returnPressed.connect(self.save_observation)
        self.obs_for_question = QCheckBox(self.tr("About this question"))
        self.obs_for_question.setChecked(True)
        obs_row = QHBoxLayout()
        obs_row.addWidget(self.observation, 1)
        obs_row.addWidget(self.obs_for_question)
        self.observations = QListWidget()
        self.observations.setWordWrap(True)
        self.observations.setSpacing(3)  # room for Thai marks above and below

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.position_label)
        layout.addWidget(self.question_label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.answers, 3)
        layout.addWidget(obs_title)
        layout.addLayout(obs_row)
        layout.addWidget(self.observations, 1)
        for n in range(1, 10):
            sc = QShortcut(QKeySequence(f"Ctrl+{n}"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda n=n: self.pick_code(f"P{n:02d}"))
        self.refresh_codes()

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
        self._load_lists()

    def _load_lists(self) -> None:
        qid = self.question.id if self.question else None
        self.answers.clear()
        for c in reversed(self._services.contributions.list(self._session_id, limit=100_000)):
            if c.question_id == qid:
                self._add_answer_item(c)
        self.observations.clear()
        for o in self._services.observations.list(self._session_id):
            if o.question_id in (None, qid):
                self.observations.addItem(self._obs_line(o))

    def refresh_codes(self) -> None:
        current = self.code.currentText()
        self.code.clear()
        self.code.addItems([p.code for p in self._services.participants.list(self._session_id)])
        self.code.setEditText(current)

    def pick_code(self, code: str) -> None:
        self.code.setEditText(code)
        self.text.setFocus()

    # -- saving -------------------------------------------------------------------------------
    def save_answer(self) -> None:
        text = self.text.text()
        if not text.strip():
            return
        code = self.code.currentText().strip() or None
        data = ContributionInput(e.ContributionType.OPINION, text, participant_code=code,
                                 question_id=self.question.id if self.question else None)
        known = {self.code.itemText(i) for i in range(self.code.count())}
        self.text.clear()  # ready for the next speaker at once
        svc, sid = self._services.contributions, self._session_id

        def done(view: ContributionView) -> None:
            self.error.hide()
            if view.question_id == (self.question.id if self.question else None):
                self._add_answer_item(view)
            if view.participant_code and view.participant_code not in known:
                self.refresh_codes()
                self.sig_new_code.emit()

        self._tasks.run(lambda: svc.add(sid, data), done, lambda exc: self._refused(exc, self.text, text))

    def save_observation(self) -> None:
        text = self.observation.text()
        if not text.strip():
            return
        qid = self.question.id if self.question and self.obs_for_question.isChecked() else None
        self.observation.clear()
        svc, sid = self._services.observations, self._session_id
        self._tasks.run(lambda: svc.add(sid, text, qid),
                        lambda o: self.observations.addItem(self._obs_line(o)),
                        lambda exc: self._refused(exc, self.observation, text))

    def _refused(self, exc: BaseException, edit: QLineEdit, text: str) -> None:
        if not edit.text():
            edit.setText(text)  # the words come back; nothing typed is lost
        if isinstance(exc, SalaError):
            first, second = (exc.th, exc.en) if self._lang == "th" else (exc.en, exc.th)
            self.error.setText(f"{first}\n{second}")
            self.error.show()
        else:
            show_error(self, exc, self._lang)

    def _add_answer_item(self, c: ContributionView) -> None:
        self.answers.insertItem(0, f"{c.participant_code or '—'}: {c.text}")

    def _obs_line(self, o: ObservationView) -> str:
        mark = "" if o.question_id else self.tr("(general) ")
        return f"{mark}{o.text}"
