"""The focus group page: the guide on the left, answers and observations in the middle,
participants and photos in tabs. Ctrl+Down / Ctrl+Up (or Ctrl+PgDown / Ctrl+PgUp) move
through the questions without leaving the answer line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from sala.bootstrap import Services
from sala.services.guides import QuestionView
from sala.ui.focus_group_answers import AnswersPanel
from sala.ui.focus_group_guide import GuidePanel
from sala.ui.participants_table import ParticipantsTable
from sala.ui.photos_panel import PhotosPanel
from sala.ui import qt_fixes
from sala.ui.tasks import TaskRunner


class FocusGroupPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        qt_fixes.install()  # this PySide6 leaks singleton references per call; see qt_fixes
        self.session_id = session_id
        detail = services.sessions.get(session_id)
        self.title = QLabel(f"{detail.kind.label(lang)} · {detail.title}")
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)

        self.guide = GuidePanel(services, tasks, session_id, lang)
        self.answers = AnswersPanel(services, tasks, session_id, lang)
        self.participants = ParticipantsTable(services, tasks, session_id, lang)
        self.photos = PhotosPanel(services, tasks, session_id, lang,
                                  question=lambda: self.answers.question.id if self.answers.question else None)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.answers, self.tr("Answers"))
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.photos, self.tr("Photos"))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.guide)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)

        self.guide.sig_current_changed.connect(self._question_changed)
        self.answers.sig_new_code.connect(self.participants.reload)
        self.participants.sig_changed.connect(self.answers.refresh_codes)
        for keys, delta in (("Ctrl+Down", 1), ("Ctrl+PgDown", 1), ("Ctrl+Up", -1), ("Ctrl+PgUp", -1)):
            sc = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=delta: self.step(d))
        self._question_changed(self.guide.current())

    def step(self, delta: int) -> None:
        """Next/previous question; the answers tab and its text line come forward."""
        self.guide.step(delta)
        self.tabs.setCurrentWidget(self.answers)
        self.answers.text.setFocus()

    def _question_changed(self, question: QuestionView | None) -> None:
        qs = self.guide.questions()
        index = next((i for i, q in enumerate(qs) if question and q.id == question.id), 0)
        self.answers.show_question(question, index, len(qs))
