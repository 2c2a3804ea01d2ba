"""What is typed on the focus group page but not saved yet, kept as a draft.

The half-typed answer and its speaker, an observation, a new question and the question in view
are saved half a second after a change (as the minitalk box is) and put back when the page is
built again: after a language switch, after going back to the list, after a crash. Before, all
of it was lost on each of those.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject

from sala.services.drafts import DraftService
from sala.ui.common.autosave import Autosave
from sala.ui.common.tasks import TaskRunner
from sala.ui.focus_group.answers import AnswersPanel
from sala.ui.focus_group.guide import GuidePanel


def draft_key(session_id: str) -> str:
    return f"focus_group/{session_id}"


class _Page(Protocol):
    answers: AnswersPanel
    guide: GuidePanel


class TypingDraft(QObject):
    def __init__(self, page: _Page, drafts: DraftService, tasks: TaskRunner, session_id: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page, self._drafts, self._tasks, self._key = page, drafts, tasks, draft_key(session_id)
        self._restoring = False
        self._autosave = Autosave(self._save, parent=self)
        # textChanged, not textEdited: a line emptied by its own save must empty the draft too
        for line in (page.answers.text, page.answers.observation, page.guide.new_question):
            line.textChanged.connect(self._changed)
        page.answers.code.editTextChanged.connect(self._changed)
        page.guide.sig_current_changed.connect(self._changed)

    def snapshot(self) -> dict[str, str]:
        a, g = self._page.answers, self._page.guide
        current = g.current()
        return {"answer": a.text.text(), "speaker": a.code.currentText(), "observation": a.observation.text(),
                "new_question": g.new_question.text(), "question_id": current.id if current else ""}

    def restore(self) -> None:
        """Put back what the draft holds (read on the UI thread once, as the page is built)."""
        d: Any = self._drafts.load(self._key)
        if not isinstance(d, dict):
            return
        a, g = self._page.answers, self._page.guide
        self._restoring = True
        try:
            ids = [q.id for q in g.questions()]
            if d.get("question_id") in ids:
                g.list.setCurrentRow(ids.index(d["question_id"]))
            if d.get("speaker"):
                a.code.setEditText(str(d["speaker"]))
            a.text.setText(str(d.get("answer", "")))
            a.observation.setText(str(d.get("observation", "")))
            g.new_question.setText(str(d.get("new_question", "")))
        finally:
            self._restoring = False

    def flush(self) -> None:
        """Save now if anything changed (the page is hidden or going away)."""
        self._autosave.flush()

    def _changed(self, *_args: object) -> None:
        if not self._restoring:
            self._autosave.poke()

    def _save(self) -> None:
        snap, key, drafts = self.snapshot(), self._key, self._drafts
        if not any(v for k, v in snap.items() if k != "speaker"):
            snap = {}  # nothing typed and no question: no draft
        self._tasks.run(lambda: drafts.save(key, snap))
