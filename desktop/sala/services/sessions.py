"""Sessions: set up, list with filters, move through draft → open → closed → finalized."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import lazyload

from sala.domain import enums as e
from sala.domain.clock import now, to_local
from sala.domain.errors import ImmutableError, NotFoundError, ValidationError
from sala.domain.inputs import SessionInput
from sala.services.search import SearchService
from sala.storage.database import Database
from sala.storage.models import AuditEvent, Base, Contribution, Participant, Session, Topic, Venue

R = TypeVar("R", bound=Base)

S = e.SessionStatus

# Which moves the lifecycle allows; reopening a closed (not finalized) session is allowed.
TRANSITIONS: dict[e.SessionStatus, set[e.SessionStatus]] = {
    S.DRAFT: {S.OPEN, S.CLOSED},
    S.OPEN: {S.CLOSED},
    S.CLOSED: {S.OPEN, S.FINALIZED},
    S.FINALIZED: set(),
}


@dataclass
class SessionFilter:
    kinds: set[e.SessionKind] = field(default_factory=set)
    statuses: set[e.SessionStatus] = field(default_factory=set)
    topic_id: str | None = None
    province_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class SessionRow:
    """One line of the session list."""

    id: str
    kind: e.SessionKind
    title: str
    status: e.SessionStatus
    session_date: date
    province_code: str
    venue_name: str
    contribution_count: int
    participant_count: int


@dataclass(frozen=True)
class SessionDetail:
    id: str
    kind: e.SessionKind
    title: str
    status: e.SessionStatus
    session_date: date
    province_code: str
    district: str
    venue_id: str | None
    venue_name: str
    facilitators: str
    planned_start: datetime | None
    planned_end: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    finalized_at: datetime | None
    notes: str
    topic_ids: tuple[str, ...]
    topic_names: tuple[str, ...]

    @property
    def editable(self) -> bool:
        return self.status != S.FINALIZED


def not_editable(title: str) -> ImmutableError:
    return ImmutableError(
        f"เวที “{title}” ยืนยันแล้ว แก้ไขไม่ได้ หากต้องการแก้ไขให้บันทึกการแก้ไขเพิ่มเติมพร้อมเหตุผล",
        f"“{title}” is finalized and cannot be changed; record an amendment with a reason instead",
    )


def load_session(s: OrmSession, session_id: str) -> Session:
    # Venue and topics load only if used: the capture hot path only needs the status.
    obj = s.get(Session, session_id, options=[lazyload(Session.venue), lazyload(Session.topics)])
    if obj is None:
        raise NotFoundError("เวที / session", session_id)
    return obj


def load_record(s: OrmSession, model: type[R], record_id: str, what: str) -> R:
    """The ``model`` row with this id, or NotFoundError naming ``what`` ("ไทย / English")."""
    obj = s.get(model, record_id)
    if obj is None:
        raise NotFoundError(what, record_id)
    return obj


def editable_session(s: OrmSession, session_id: str) -> Session:
    obj = load_session(s, session_id)
    if obj.status == S.FINALIZED:
        raise not_editable(obj.title)
    return obj


def audit(s: OrmSession, action: str, entity: str, entity_id: str, detail: dict | None = None) -> None:
    s.add(AuditEvent(at=now(), action=action, entity=entity, entity_id=entity_id, detail=detail))


class SessionService:
    """Create, edit, list and finalize sessions."""

    def __init__(self, db: Database, search: SearchService,
                 on_finalize: Callable[[OrmSession, Session], None] | None = None) -> None:
        self._db = db
        self._search = search
        self._on_finalize = on_finalize

    # -- set-up -------------------------------------------------------------------------------
    def create(self, data: SessionInput) -> SessionDetail:
        clean = data.validated()
        with self._db.write() as s:
            venue = self._venue_for(s, clean)
            session = Session(
                kind=clean.kind, title=clean.title, status=S.DRAFT,
                venue=venue,
                province_code=clean.province or (venue.province_code if venue else ""),
                district=clean.district or (venue.district if venue else ""),
                facilitators=clean.facilitators, planned_start=clean.planned_start,
                planned_end=clean.planned_end, notes=clean.notes, session_date=clean.session_date(),
            )
            session.topics = self._topics(s, clean.topic_ids)
            s.add(session)
            s.flush()
            audit(s, "create", "session", session.id, {"kind": clean.kind.value})
            return self._detail(session)

    def update(self, session_id: str, data: SessionInput) -> SessionDetail:
        clean = data.validated()
        with self._db.write() as s:
            session = editable_session(s, session_id)
            venue = self._venue_for(s, clean)
            session.kind = clean.kind  # type: ignore[assignment]
            session.title = clean.title
            if venue is not None:
                session.venue = venue
            session.province_code = clean.province or session.province_code
            session.district = clean.district
            session.facilitators = clean.facilitators
            session.planned_start = clean.planned_start
            session.planned_end = clean.planned_end
            session.notes = clean.notes
            if clean.planned_start:
                session.session_date = clean.session_date()
            session.topics = self._topics(s, clean.topic_ids)
            return self._detail(session)

    def set_notes(self, session_id: str, notes: str) -> None:
        from sala.domain.validation import NOTES_MAX, optional_text

        text = optional_text(notes, "notes", NOTES_MAX)
        with self._db.write() as s:
            editable_session(s, session_id).notes = text

    # -- lifecycle ----------------------------------------------------------------------------
    def set_status(self, session_id: str, status: e.SessionStatus | str) -> SessionDetail:
        target = e.SessionStatus.parse(status, "status")
        with self._db.write() as s:
            session = load_session(s, session_id)
            if target not in TRANSITIONS[session.status]:
                raise ValidationError(
                    "status",
                    f"เปลี่ยนสถานะจาก “{session.status.label('th')}” เป็น “{target.label('th')}” ไม่ได้",
                    f"Cannot move from “{session.status.label('en')}” to “{target.label('en')}”",
                )
            stamp = now()
            if target == S.OPEN and session.started_at is None:
                session.started_at = stamp
            if target == S.CLOSED:
                session.ended_at = stamp
            if target == S.FINALIZED:
                session.finalized_at = stamp
                if session.ended_at is None:
                    session.ended_at = stamp
            previous = session.status
            session.status = target  # type: ignore[assignment]
            s.flush()
            if target == S.FINALIZED and self._on_finalize is not None:
                self._on_finalize(s, session)
            audit(s, "status", "session", session.id, {"from": previous.value, "to": target.value})
            return self._detail(session)

    def open(self, session_id: str) -> SessionDetail:
        return self.set_status(session_id, S.OPEN)

    def close(self, session_id: str) -> SessionDetail:
        return self.set_status(session_id, S.CLOSED)

    def finalize(self, session_id: str) -> SessionDetail:
        """Make the session immutable and queue it for the central platform, in one transaction."""
        return self.set_status(session_id, S.FINALIZED)

    # -- reading ------------------------------------------------------------------------------
    def get(self, session_id: str) -> SessionDetail:
        with self._db.read() as s:
            return self._detail(load_session(s, session_id))

    def count(self, flt: SessionFilter | None = None) -> int:
        with self._db.read() as s:
            stmt = self._filtered(select(func.count(Session.id)), flt or SessionFilter(), s)
            return int(s.execute(stmt).scalar_one())

    def list(self, flt: SessionFilter | None = None, offset: int = 0, limit: int = 100) -> list[SessionRow]:
        """A page of sessions, newest first, with contribution and participant counts."""
        contributions = (
            select(func.count()).where(Contribution.session_id == Session.id).scalar_subquery()
        )
        participants = select(func.count()).where(Participant.session_id == Session.id).scalar_subquery()
        stmt = select(
            Session.id, Session.kind, Session.title, Session.status, Session.session_date,
            Session.province_code, func.coalesce(Venue.name, ""), contributions, participants,
        ).outerjoin(Venue, Venue.id == Session.venue_id)
        with self._db.read() as s:
            stmt = self._filtered(stmt, flt or SessionFilter(), s)
            stmt = stmt.order_by(Session.session_date.desc(), Session.id.desc()).offset(offset).limit(limit)
            return [SessionRow(*row) for row in s.execute(stmt)]

    def topics(self) -> list[Topic]:
        """Active topics, the most recently used first."""
        from sala.storage.models import session_topic

        last_used = (
            select(func.max(Session.created_at))
            .join(session_topic, session_topic.c.session_id == Session.id)
            .where(session_topic.c.topic_id == Topic.id)
            .scalar_subquery()
        )
        with self._db.read() as s:
            return list(s.scalars(select(Topic).where(Topic.active.is_(True))
                                  .order_by(last_used.desc().nulls_last(), Topic.code)))

    def venues(self, limit: int = 50) -> list[Venue]:
        """Known venues, the most recently used first."""
        with self._db.read() as s:
            return list(s.scalars(select(Venue).order_by(Venue.last_used_at.desc().nulls_last(), Venue.name).limit(limit)))

    # -- helpers ------------------------------------------------------------------------------
    def _filtered(self, stmt: Select, flt: SessionFilter, s: OrmSession) -> Select:
        return filter_sessions(stmt, flt, self._search, s)

    def _venue_for(self, s: OrmSession, clean: SessionInput) -> Venue | None:
        venue = None
        if clean.venue_id:
            venue = s.get(Venue, clean.venue_id)
            if venue is None:
                raise NotFoundError("สถานที่ / venue", clean.venue_id)
        elif clean.venue is not None:
            vi = clean.venue
            venue = s.scalars(select(Venue).where(Venue.name == vi.name, Venue.province_code == vi.province)).first()
            if venue is None:
                venue = Venue(name=vi.name, kind=vi.kind, province_code=vi.province, district=vi.district)
                s.add(venue)
        if venue is not None:
            venue.last_used_at = now()
        return venue

    def _topics(self, s: OrmSession, ids: list[str]) -> list[Topic]:
        if not ids:
            return []
        found = {t.id: t for t in s.scalars(select(Topic).where(Topic.id.in_(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError("หัวข้อ / topic", ", ".join(missing))
        return [found[i] for i in ids]

    @staticmethod
    def _detail(x: Session) -> SessionDetail:
        return SessionDetail(
            x.id, x.kind, x.title, x.status, x.session_date, x.province_code, x.district, x.venue_id,
            x.venue.name if x.venue else "", x.facilitators, x.planned_start, x.planned_end,
            x.started_at, x.ended_at, x.finalized_at, x.notes,
            tuple(t.id for t in x.topics), tuple(t.name_th for t in x.topics),
        )


def filter_sessions(stmt: Select, flt: SessionFilter, search: SearchService, s: OrmSession) -> Select:
    """Add ``flt``'s conditions on ``Session`` to ``stmt``: the session list and the dashboard agree."""
    conds = []
    if flt.kinds:
        conds.append(Session.kind.in_([k.value for k in flt.kinds]))
    if flt.statuses:
        conds.append(Session.status.in_([st.value for st in flt.statuses]))
    if flt.province_code:
        conds.append(Session.province_code == flt.province_code)
    if flt.date_from:
        conds.append(Session.session_date >= flt.date_from)
    if flt.date_to:
        conds.append(Session.session_date <= flt.date_to)
    if flt.topic_id:
        from sala.storage.models import session_topic

        conds.append(Session.id.in_(select(session_topic.c.session_id).where(session_topic.c.topic_id == flt.topic_id)))
    if flt.text.strip():
        ids = search.session_ids(flt.text, s)
        like = f"%{flt.text.strip()}%"
        conds.append(or_(Session.title.like(like), Session.id.in_(ids)))
    return stmt.where(and_(*conds)) if conds else stmt


def local_day(value: datetime) -> date:
    return to_local(value).date()
