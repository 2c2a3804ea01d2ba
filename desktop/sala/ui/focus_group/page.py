"""The focus group page: the session header, the guide on the left, answers and observations in
the middle, participants and photos in tabs. Ctrl+Down / Ctrl+Up (or Ctrl+PgDown / Ctrl+PgUp)
move through the questions without leaving the answer line; Ctrl+Z / Ctrl+Shift+Z undo and
redo answers and observations anywhere on the page, until the session is finalized.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.errors import SalaError
from sala.services.guides import QuestionView
from sala.services.sessions import SessionDetail
from sala.ui.audience.page_button import AudienceButton
from sala.ui.common.errors import error_text
from sala.ui.common.record_undo import UndoActions
from sala.ui.common.tasks import TaskRunner
from sala.ui.focus_group.answers import AnswersPanel
from sala.ui.focus_group.guide import GuidePanel
from sala.ui.focus_group.participants import ParticipantsTable
from sala.ui.focus_group.photos import PhotosPanel
from sala.ui.focus_group.typing_draft import TypingDraft
from sala.ui.sessions.header import SessionHeader


class FocusGroupPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id, self.lang = session_id, lang
        detail = services.sessions.get(session_id)
        self.header = SessionHeader(services.sessions, tasks, lang, detail, amendments=services.amendments,
                                    supervisor=services.supervisor)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("pageNotice")
        self.notice.setStyleSheet("color: #8a4b00; background: #fff4e0; padding: 6px; border-radius: 4px;")
        self.notice.hide()

        self.undo_stack = QUndoStack(self)
        self.guide = GuidePanel(services, tasks, session_id, lang)
        self.answers = AnswersPanel(services, tasks, session_id, lang, undo_stack=self.undo_stack)
        self.participants = ParticipantsTable(services, tasks, session_id, lang)
        self.photos = PhotosPanel(services, tasks, session_id, lang,
                                  question=lambda: self.answers.question.id if self.answers.question else None)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.answers, self.tr("Answers"))
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.photos, self.tr("Photos"))
        self.audience_button = AudienceButton()  # driven by the window's audience controller
        self.audience_button.setMinimumHeight(0)  # as tall as the tabs beside it
        self.tabs.setCornerWidget(self.audience_button)
        self.audience_tabs = self.tabs  # audience mode's queue goes first here

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.guide)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

        self.undo_actions = UndoActions(self, self.undo_stack, lambda: self.read_only or self.closed,
                                        self._undo_refused)
        self.undo_stack.indexChanged.connect(lambda _i: self.notice.hide())
        self.guide.sig_current_changed.connect(self._question_changed)
        self.answers.sig_new_code.connect(self.participants.reload)
        self.participants.sig_changed.connect(self.answers.refresh_codes)
        self.header.sig_changed.connect(self.apply_status)
        for keys, delta in (("Ctrl+Down", 1), ("Ctrl+PgDown", 1), ("Ctrl+Up", -1), ("Ctrl+PgUp", -1)):
            sc = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=delta: self.step(d))
        self.typing = TypingDraft(self, services.drafts, tasks, session_id, parent=self)
        self._question_changed(self.guide.current())
        self.apply_status(detail)
        self.typing.restore()

    @property
    def read_only(self) -> bool:
        return self.header.detail.status == e.SessionStatus.FINALIZED

    def apply_status(self, detail: SessionDetail) -> None:
        """Closed: read-only until reopened (said above the page). Finalized: nothing is captured,
        edited or undone any more; corrections are amendments."""
        ro = detail.status == e.SessionStatus.FINALIZED
        closed = detail.status == e.SessionStatus.CLOSED
        if ro or closed:
            self.flush()
            self.participants.flush()
        if ro:
            self.undo_stack.clear()
        self.notice.hide()
        self.answers.set_read_only(ro)
        self.answers.set_closed(closed)
        self.guide.set_read_only(ro or closed)
        self.photos.set_read_only(ro or closed, closed=closed)
        self.participants.set_read_only(ro or closed)
        self.audience_button.set_status(detail.status)
        if closed:
            self.notice.setText(self.tr("This session is closed: nothing can be added or changed. "
                                        "Press Reopen to add more, or Finalize when it is complete."))
            self.notice.show()

    @property
    def closed(self) -> bool:
        return self.header.detail.status == e.SessionStatus.CLOSED

    def _undo_refused(self, exc: SalaError) -> None:
        if self.closed:
            exc = SalaError("เวทีนี้ปิดแล้ว จึงย้อนกลับหรือทำซ้ำไม่ได้ กด “เปิดอีกครั้ง” ก่อนหากต้องแก้ไข",
                            "This session is closed, so nothing can be undone or redone; "
                            "press Reopen first to change it")
        self.show_notice(exc)

    def show_notice(self, exc: SalaError) -> None:
        """A refusal the user caused by a key (undo on a finalized session), said above the page."""
        self.notice.setText(error_text(exc, self.lang))
        self.notice.show()

    def step(self, delta: int) -> None:
        """Next/previous question; the answers tab and its text line come forward."""
        self.guide.step(delta)
        self.tabs.setCurrentWidget(self.answers)
        self.answers.text.setFocus()

    def _question_changed(self, question: QuestionView | None) -> None:
        qs = self.guide.questions()
        index = next((i for i, q in enumerate(qs) if question and q.id == question.id), 0)
        self.answers.show_question(question, index, len(qs))

    def audience_changed(self) -> None:
        """Phones' submissions were accepted (audience mode): they are answers not tied to a question,
        and their phones' codes are participants now."""
        self.participants.reload()
        self.answers.load_lists()
        self.answers.refresh_codes()

    def flush(self) -> None:
        """Queue anything typed but not yet saved (the page is going away or the app is closing)."""
        self.photos.flush()
        self.typing.flush()

    def hideEvent(self, event: Any) -> None:  # Qt name
        self.flush()
        super().hideEvent(event)
