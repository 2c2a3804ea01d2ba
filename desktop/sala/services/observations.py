"""Facilitator observations in a focus group (mood, body language, who held back). No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from sala.domain import validation as v
from sala.domain.clock import now
from sala.services.sessions import load_record
from sala.services.writable import writable_record, writable_session
from sala.storage.database import Database
from sala.storage.models import Observation

_WHAT = "ข้อสังเกต / observation"


@dataclass(frozen=True)
class ObservationView:
    id: str
    session_id: str
    question_id: str | None
    text: str
    recorded_at: datetime


class ObservationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, session_id: str, text: str, question_id: str | None = None, *,
            observation_id: str | None = None, recorded_at: datetime | None = None) -> ObservationView:
        """Store one observation. ``observation_id`` and ``recorded_at`` let undo of a delete (or
        redo of an add) put the very same record back."""
        clean = v.required_text(text, "text", v.TEXT_MAX)
        with self._db.write() as s:
            writable_session(s, session_id)
            o = Observation(session_id=session_id, question_id=question_id, text=clean,
                            recorded_at=recorded_at or now())
            if observation_id:
                o.id = observation_id
            s.add(o)
            s.flush()
            return _view(o)

    def update(self, observation_id: str, text: str) -> ObservationView:
        clean = v.required_text(text, "text", v.TEXT_MAX)
        with self._db.write() as s:
            o = writable_record(s, Observation, observation_id, _WHAT)
            o.text = clean
            return _view(o)

    def delete(self, observation_id: str) -> ObservationView:
        """Remove an observation of an editable session; returns what it was (for undo)."""
        with self._db.write() as s:
            o = writable_record(s, Observation, observation_id, _WHAT)
            view = _view(o)
            s.execute(delete(Observation).where(Observation.id == observation_id))
            return view

    def get(self, observation_id: str) -> ObservationView:
        with self._db.read() as s:
            return _view(self._load(s, observation_id))

    def list(self, session_id: str, question_id: str | None = None) -> list[ObservationView]:
        """The session's observations in the order they were made (optionally one question's)."""
        stmt = select(Observation).where(Observation.session_id == session_id)
        if question_id is not None:
            stmt = stmt.where(Observation.question_id == question_id)
        with self._db.read() as s:
            return [_view(o) for o in s.scalars(stmt.order_by(Observation.recorded_at, Observation.id))]

    @staticmethod
    def _load(s, observation_id: str) -> Observation:  # an ORM session
        return load_record(s, Observation, observation_id, _WHAT)


def _view(o: Observation) -> ObservationView:
    return ObservationView(o.id, o.session_id, o.question_id, o.text, o.recorded_at)
