"""Contributions: what people said, saved the moment Enter is pressed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.errors import NotFoundError
from sala.domain.ids import new_id
from sala.domain.inputs import ContributionInput
from sala.services.sessions import load_record
from sala.services.writable import check_status, writable_record
from sala.storage.database import Database, stamp_new_record
from sala.storage.models import Contribution, Participant

_STATUS = text("SELECT status, title FROM session WHERE id = :id")
_INSERT = insert(cast(Table, Contribution.__table__))
_WHAT = "ความคิดเห็น / contribution"


@dataclass(frozen=True)
class ContributionView:
    id: str
    session_id: str
    type: e.ContributionType
    text: str
    stance: e.Stance | None
    tags: tuple[str, ...]
    participant_code: str | None
    question_id: str | None
    topic_id: str | None
    recorded_at: datetime


def participant_for_code(s: OrmSession, session_id: str, code: str | None) -> Participant | None:
    """The session's participant with ``code``, created on the spot if new (fast capture)."""
    if not code:
        return None
    p = s.scalars(select(Participant).where(Participant.session_id == session_id, Participant.code == code)).first()
    if p is None:
        p = Participant(session_id=session_id, code=code)
        s.add(p)
        s.flush()
    return p


class ContributionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, session_id: str, data: ContributionInput, *, contribution_id: str | None = None,
            recorded_at: datetime | None = None) -> ContributionView:
        """Validate and store one contribution durably; returns it as stored.

        This is the path behind every Enter in a capture page, so it skips the ORM unit of
        work: one status check, one sequence bump (``stamp_new_record``, numbered as the flush
        hook numbers), one insert, one commit, all in one ``BEGIN IMMEDIATE`` transaction. ``contribution_id`` and
        ``recorded_at`` let undo put a deleted contribution back exactly as it was.
        """
        clean = data.validated()
        with self._db.write() as s:
            row = s.execute(_STATUS, {"id": session_id}).first()
            if row is None:
                raise NotFoundError("เวที / session", session_id)
            check_status(row.status, row.title)
            participant = participant_for_code(s, session_id, clean.participant_code)
            values = stamp_new_record(s, dict(
                id=contribution_id or new_id(), session_id=session_id, type=clean.type,
                text=clean.text, stance=clean.stance, tags=list(clean.tags),
                participant_id=participant.id if participant else None, question_id=clean.question_id,
                topic_id=clean.topic_id,
            ))
            values["recorded_at"] = recorded_at or values["created_at"]
            s.connection().execute(_INSERT, values)
            return _view(Contribution(**values), participant.code if participant else None)

    def update(self, contribution_id: str, data: ContributionInput) -> ContributionView:
        clean = data.validated()
        with self._db.write() as s:
            c = writable_record(s, Contribution, contribution_id, _WHAT)
            participant = participant_for_code(s, c.session_id, clean.participant_code)
            c.type = clean.type  # type: ignore[assignment]
            c.text = clean.text
            c.stance = clean.stance  # type: ignore[assignment]
            c.tags = list(clean.tags)
            c.participant_id = participant.id if participant else None
            c.question_id = clean.question_id
            c.topic_id = clean.topic_id
            return _view(c, participant.code if participant else None)

    def delete(self, contribution_id: str) -> ContributionView:
        """Remove a contribution of an editable session; returns what it was (for undo)."""
        with self._db.write() as s:
            c = writable_record(s, Contribution, contribution_id, _WHAT)
            code = s.get_one(Participant, c.participant_id).code if c.participant_id else None
            view = _view(c, code)
            s.execute(delete(Contribution).where(Contribution.id == contribution_id))
            return view

    def restore(self, view: ContributionView) -> ContributionView:
        """Put back a deleted contribution with its original id and time (undo of delete)."""
        data = ContributionInput(view.type, view.text, view.stance, list(view.tags), view.participant_code,
                                 view.question_id, view.topic_id)
        return self.add(view.session_id, data, contribution_id=view.id, recorded_at=view.recorded_at)

    def get(self, contribution_id: str) -> ContributionView:
        with self._db.read() as s:
            c = self._load(s, contribution_id)
            code = s.get_one(Participant, c.participant_id).code if c.participant_id else None
            return _view(c, code)

    def list(self, session_id: str, offset: int = 0, limit: int = 500) -> list[ContributionView]:
        """The session's contributions, newest first."""
        stmt = (
            select(Contribution, Participant.code)
            .outerjoin(Participant, Participant.id == Contribution.participant_id)
            .where(Contribution.session_id == session_id)
            .order_by(Contribution.recorded_at.desc(), Contribution.id.desc())
            .offset(offset).limit(limit)
        )
        with self._db.read() as s:
            return [_view(c, code) for c, code in s.execute(stmt)]

    def count(self, session_id: str) -> int:
        with self._db.read() as s:
            return int(s.execute(select(func.count()).where(Contribution.session_id == session_id)).scalar_one())

    @staticmethod
    def _load(s: OrmSession, contribution_id: str) -> Contribution:
        return load_record(s, Contribution, contribution_id, _WHAT)


def _view(c: Contribution, code: str | None) -> ContributionView:
    return ContributionView(c.id, c.session_id, c.type, c.text, c.stance, tuple(c.tags or ()), code,
                            c.question_id, c.topic_id, c.recorded_at)


def with_text(view: ContributionView, text: str) -> ContributionView:
    return replace(view, text=text)
