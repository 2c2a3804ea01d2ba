"""Question guides: reusable templates, and each focus group's own copy of one.

A session never points at a template: applying one copies its questions into the session's own
guide, so editing the template later does not rewrite what a past session asked. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.services.sessions import editable_session, load_record
from sala.storage.database import Database
from sala.storage.models import Guide, GuideQuestion

QUESTION_MAX = 2000


@dataclass(frozen=True)
class QuestionView:
    id: str
    guide_id: str
    position: int
    text: str


@dataclass(frozen=True)
class GuideView:
    id: str
    title: str
    is_template: bool
    session_id: str | None
    questions: tuple[QuestionView, ...]


class GuideService:
    """Templates and session guides, with their ordered questions."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- templates ----------------------------------------------------------------------------
    def create_template(self, title: str, questions: list[str] | None = None) -> GuideView:
        clean = v.required_text(title, "title", v.TITLE_MAX)
        texts = [_question_text(q) for q in questions or []]
        with self._db.write() as s:
            g = Guide(title=clean, is_template=True, session_id=None)
            s.add(g)
            s.flush()
            for i, text in enumerate(texts):
                s.add(GuideQuestion(guide_id=g.id, position=i, text=text))
            s.flush()
            s.refresh(g)
            return _view(g)

    def rename(self, guide_id: str, title: str) -> GuideView:
        clean = v.required_text(title, "title", v.TITLE_MAX)
        with self._db.write() as s:
            g = self._editable(s, guide_id)
            g.title = clean
            return _view(g)

    def templates(self) -> list[GuideView]:
        with self._db.read() as s:
            rows = s.scalars(select(Guide).where(Guide.is_template.is_(True)).order_by(Guide.title))
            return [_view(g) for g in rows]

    def get(self, guide_id: str) -> GuideView:
        with self._db.read() as s:
            return _view(self._load(s, guide_id))

    def delete_template(self, guide_id: str) -> None:
        with self._db.write() as s:
            g = self._load(s, guide_id)
            if not g.is_template:
                raise ValidationError("guide", "ลบได้เฉพาะแม่แบบ", "Only templates can be deleted")
            s.delete(g)

    # -- a session's own guide ----------------------------------------------------------------
    def session_guide(self, session_id: str) -> GuideView | None:
        with self._db.read() as s:
            g = self._session_guide(s, session_id)
            return _view(g) if g else None

    def ensure_session_guide(self, session_id: str, title: str = "") -> GuideView:
        """The session's guide, made empty on first need (adding a question to a new session)."""
        with self._db.write() as s:
            g = self._session_guide(s, session_id)
            if g is None:
                session = editable_session(s, session_id)
                g = Guide(title=title or session.title, is_template=False, session_id=session_id)
                s.add(g)
                s.flush()
                s.refresh(g)
            return _view(g)

    def apply_template(self, session_id: str, guide_id: str) -> GuideView:
        """Copy a template's questions into the session's guide (appended after any it has)."""
        with self._db.write() as s:
            editable_session(s, session_id)
            template = self._load(s, guide_id)
            g = self._session_guide(s, session_id)
            if g is None:
                g = Guide(title=template.title, is_template=False, session_id=session_id)
                s.add(g)
                s.flush()
            start = _next_position(s, g.id)
            for i, q in enumerate(template.questions):
                s.add(GuideQuestion(guide_id=g.id, position=start + i, text=q.text))
            s.flush()
            s.refresh(g)
            return _view(g)

    def save_as_template(self, guide_id: str, title: str) -> GuideView:
        with self._db.read() as s:
            texts = [q.text for q in self._load(s, guide_id).questions]
        return self.create_template(title, texts)

    # -- questions ----------------------------------------------------------------------------
    def add_question(self, guide_id: str, text: str, position: int | None = None) -> QuestionView:
        """Add a question at ``position`` (default: at the end), shifting the rest down."""
        clean = _question_text(text)
        with self._db.write() as s:
            g = self._editable(s, guide_id)
            end = _next_position(s, g.id)
            pos = end if position is None else max(0, min(position, end))
            for q in g.questions:
                if q.position >= pos:
                    q.position += 1
            q = GuideQuestion(guide_id=g.id, position=pos, text=clean)
            s.add(q)
            s.flush()
            return _qview(q)

    def edit_question(self, question_id: str, text: str) -> QuestionView:
        clean = _question_text(text)
        with self._db.write() as s:
            q = self._question(s, question_id)
            self._editable(s, q.guide_id)
            q.text = clean
            return _qview(q)

    def move_question(self, question_id: str, delta: int) -> GuideView:
        """Move a question ``delta`` places (−1 up, +1 down); positions stay 0..n−1."""
        with self._db.write() as s:
            q = self._question(s, question_id)
            g = self._editable(s, q.guide_id)
            ordered = sorted(g.questions, key=lambda x: x.position)
            i = ordered.index(q)
            j = max(0, min(len(ordered) - 1, i + delta))
            ordered.insert(j, ordered.pop(i))
            for n, item in enumerate(ordered):
                if item.position != n:
                    item.position = n
            s.flush()
            s.expire(g, ["questions"])
            return _view(g)

    def delete_question(self, question_id: str) -> GuideView:
        """Remove a question; answers keep their text (their link is cleared by the schema)."""
        with self._db.write() as s:
            q = self._question(s, question_id)
            g = self._editable(s, q.guide_id)
            g.questions.remove(q)
            for n, item in enumerate(sorted(g.questions, key=lambda x: x.position)):
                item.position = n
            s.flush()
            return _view(g)

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _session_guide(s: OrmSession, session_id: str) -> Guide | None:
        return s.scalars(select(Guide).where(Guide.session_id == session_id, Guide.is_template.is_(False))
                         .order_by(Guide.created_at)).first()

    @staticmethod
    def _load(s: OrmSession, guide_id: str) -> Guide:
        return load_record(s, Guide, guide_id, "แนวคำถาม / question guide")

    def _editable(self, s: OrmSession, guide_id: str) -> Guide:
        """A template, or a guide whose session is not finalized."""
        g = self._load(s, guide_id)
        if g.session_id is not None:
            editable_session(s, g.session_id)
        return g

    @staticmethod
    def _question(s: OrmSession, question_id: str) -> GuideQuestion:
        return load_record(s, GuideQuestion, question_id, "คำถาม / question")


def _question_text(text: str) -> str:
    return v.required_text(text, "question", QUESTION_MAX)


def _next_position(s: OrmSession, guide_id: str) -> int:
    top = s.execute(select(func.max(GuideQuestion.position)).where(GuideQuestion.guide_id == guide_id)).scalar()
    return 0 if top is None else int(top) + 1


def _qview(q: GuideQuestion) -> QuestionView:
    return QuestionView(q.id, q.guide_id, q.position, q.text)


def _view(g: Guide) -> GuideView:
    qs = tuple(_qview(q) for q in sorted(g.questions, key=lambda x: x.position))
    return GuideView(g.id, g.title, g.is_template, g.session_id, qs)
