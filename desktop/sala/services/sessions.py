"""Sessions: set up, list with filters, move through draft → open → closed → finalized."""

from __future__ import annotations

import builtins  # the class's own list() method hides the builtin inside it
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Integer, Select, and_, case, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import lazyload

from sala.domain import enums as e
from sala.domain.clock import now, to_local
from sala.domain.errors import ImmutableError, NotFoundError, ValidationError
from sala.domain.inputs import AttendanceInput, SessionInput
from sala.domain.provinces import all_provinces
from sala.services.search import SearchService
from sala.services.session_rows import SessionFilter, SessionRow, SessionSort
from sala.storage.database import Database
from sala.storage.models import (
    Amendment,
    Base,
    Contribution,
    LocalSetting,
    Participant,
    Rating,
    Session,
    Topic,
    Venue,
)

R = TypeVar("R", bound=Base)

S = e.SessionStatus

# Which moves the lifecycle allows; reopening a closed (not finalized) session is allowed.
TRANSITIONS: dict[e.SessionStatus, set[e.SessionStatus]] = {
    S.DRAFT: {S.OPEN, S.CLOSED},
    S.OPEN: {S.CLOSED},
    S.CLOSED: {S.OPEN, S.FINALIZED},
    S.FINALIZED: set(),
}


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
    # The head count and its breakdown, as amended for a finalized session; None if not taken.
    attendance_total: int | None = None
    attendance_detail: dict[str, dict[str, int]] | None = None

    @property
    def attendance(self) -> AttendanceInput:
        """The head count as an input to edit (``total`` None when none was taken)."""
        return AttendanceInput.from_stored(self.attendance_total, self.attendance_detail)

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


def editable_record(s: OrmSession, model: type[R], record_id: str, what: str) -> R:
    """Load-check before a change to a record of a session (an action item, a tally, an
    observation, a proposal …): the row, or NotFoundError naming ``what``; ImmutableError when
    its session is finalized. The caller then changes it in the same transaction."""
    obj = load_record(s, model, record_id, what)
    editable_session(s, obj.session_id)  # type: ignore[attr-defined]
    return obj


class SessionService:
    """Create, edit, list and finalize sessions."""

    def __init__(self, db: Database, search: SearchService,
                 on_finalize: Callable[[OrmSession, Session], object] | None = None) -> None:
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

    def set_attendance(self, session_id: str, data: AttendanceInput) -> SessionDetail:
        """Record the head count of a draft, open or closed session (``total=None`` clears it).

        A finalized session's head count is corrected by an amendment with a reason:
        ``AmendmentService.amend_attendance``.
        """
        clean = data.validated()
        with self._db.write() as s:
            session = editable_session(s, session_id)
            session.attendance_total = clean.total  # type: ignore[assignment]
            session.attendance_detail = clean.detail()
            return self._detail(session, s)

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
            session.status = target
            s.flush()
            if target == S.FINALIZED and self._on_finalize is not None:
                self._on_finalize(s, session)
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
            return self._detail(load_session(s, session_id), s)

    def count(self, flt: SessionFilter | None = None) -> int:
        with self._db.read() as s:
            stmt = self._filtered(select(func.count(Session.id)), flt or SessionFilter(), s)
            return int(s.execute(stmt).scalar_one())

    def list(self, flt: SessionFilter | None = None, offset: int = 0, limit: int = 100,
             sort: SessionSort | str = SessionSort.DATE, descending: bool = True) -> list[SessionRow]:
        """A page of sessions with their counts, sorted by ``sort`` (newest first by default).

        Ties keep the newest first, so paging through equal counts is stable. Each count is one
        covering-index lookup per session; only the page's rows are counted when the order
        comes from an index (date), all the filtered sessions when sorting by a count.
        """
        with self._db.read() as s:
            stmt = self.list_statement(flt, s, offset, limit, sort, descending)
            return [SessionRow(*row) for row in s.execute(stmt)]

    def list_statement(self, flt: SessionFilter | None, s: OrmSession, offset: int = 0, limit: int = 100,
                       sort: SessionSort | str = SessionSort.DATE, descending: bool = True) -> Select:
        """The SELECT behind :meth:`list` (for EXPLAIN QUERY PLAN in tests and benchmarks)."""
        key = SessionSort(sort)
        cols = list_columns()
        stmt = select(
            Session.id, Session.kind, Session.title, Session.status, Session.session_date,
            Session.province_code, cols["venue"], cols["contributions"], cols["participants"],
            cols["speakers"], cols["visitors"], cols["attendance"],
        ).outerjoin(Venue, Venue.id == Session.venue_id)
        order = _sort_expression(key, cols)
        if key == SessionSort.DATE:  # (date, id) both ways: the index gives the order, no sort
            ordering = [order.desc(), Session.id.desc()] if descending else [order.asc(), Session.id.asc()]
        else:
            ordering = [order.desc() if descending else order.asc(), Session.session_date.desc(), Session.id.desc()]
        stmt = self._filtered(stmt, flt or SessionFilter(), s)
        return stmt.order_by(*ordering).offset(offset).limit(limit)

    def topics(self) -> builtins.list[Topic]:
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

    def venues(self, limit: int = 50) -> builtins.list[Venue]:
        """Known venues, the most recently used first."""
        with self._db.read() as s:
            return list(s.scalars(select(Venue).order_by(Venue.last_used_at.desc().nulls_last(), Venue.name)
                                  .limit(limit)))

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

    def _topics(self, s: OrmSession, ids: builtins.list[str]) -> builtins.list[Topic]:
        if not ids:
            return []
        found = {t.id: t for t in s.scalars(select(Topic).where(Topic.id.in_(ids)))}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError("หัวข้อ / topic", ", ".join(missing))
        return [found[i] for i in ids]

    @staticmethod
    def _detail(x: Session, s: OrmSession | None = None) -> SessionDetail:
        total, detail = x.attendance_total, x.attendance_detail
        if s is not None and x.status == S.FINALIZED:
            total, detail = effective_attendance(s, x)
        return SessionDetail(
            x.id, x.kind, x.title, x.status, x.session_date, x.province_code, x.district, x.venue_id,
            x.venue.name if x.venue else "", x.facilitators, x.planned_start, x.planned_end,
            x.started_at, x.ended_at, x.finalized_at, x.notes,
            tuple(t.id for t in x.topics), tuple(t.name_th for t in x.topics),
            total, dict(detail) if detail else None,
        )


def filter_sessions(stmt: Select, flt: SessionFilter, search: SearchService, s: OrmSession) -> Select:
    """Add ``flt``'s conditions on ``Session`` to ``stmt``: the session list and the dashboard agree."""
    conds: list[ColumnElement[bool]] = []
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
    words = search.session_condition(flt.text)
    if words is not None:
        conds.append(words)
    return stmt.where(and_(*conds)) if conds else stmt


def _attendance_amendment(field: str) -> Select:
    """The latest amendment of a session that set ``field`` (a key of ``changes``)."""
    return (select(func.json_extract(Amendment.changes, f"$.{field}"))
            .where(Amendment.target_id == Session.id, Amendment.target_type == "session",
                   func.json_type(Amendment.changes, f"$.{field}").is_not(None))
            .order_by(Amendment.seq.desc()).limit(1))


def _purged(field: str) -> Any:
    """A count kept when retention purged the session's contributions (``services/retention.py``)."""
    return (select(func.json_extract(LocalSetting.value, f"$.{field}"))
            .where(LocalSetting.key == "retention.purged." + Session.id).scalar_subquery())


def list_columns() -> dict[str, ColumnElement[Any]]:
    """The session list's computed columns, each a correlated lookup on a covering index."""
    return {
        "venue": func.coalesce(Venue.name, "").label("venue_name"),
        "contributions": func.coalesce(_purged("contributions"), select(func.count())
                                       .where(Contribution.session_id == Session.id)
                                       .scalar_subquery()).label("contribution_count"),
        "participants": select(func.count()).where(Participant.session_id == Session.id)
        .scalar_subquery().label("participant_count"),
        "speakers": func.coalesce(_purged("speakers"), select(func.count(Contribution.participant_id.distinct()))
                                  .where(Contribution.session_id == Session.id).scalar_subquery())
        .label("speaker_count"),
        "visitors": select(func.count()).where(Rating.session_id == Session.id)
        .scalar_subquery().label("visitor_count"),
        "attendance": func.coalesce(_attendance_amendment("attendance_total").scalar_subquery(),
                                    Session.attendance_total).cast(Integer).label("attendance_total"),
    }


def _sort_expression(key: SessionSort, cols: dict[str, ColumnElement[Any]]) -> Any:
    if key == SessionSort.DATE:
        return Session.session_date
    if key == SessionSort.TITLE:
        return Session.title
    if key == SessionSort.KIND:
        return case({k.value: i for i, k in enumerate(e.SessionKind)}, value=Session.kind, else_=99)
    if key == SessionSort.STATUS:
        return case({st.value: i for i, st in enumerate(e.SessionStatus)}, value=Session.status, else_=99)
    if key == SessionSort.PROVINCE:
        return case(_province_order(), value=Session.province_code, else_=999)
    if key == SessionSort.ENTRIES:
        return case((Session.kind == e.SessionKind.EXHIBITION.value, cols["visitors"]), else_=cols["contributions"])
    column = {SessionSort.VENUE: "venue", SessionSort.CONTRIBUTIONS: "contributions",
              SessionSort.PARTICIPANTS: "participants", SessionSort.SPEAKERS: "speakers",
              SessionSort.VISITORS: "visitors", SessionSort.ATTENDANCE: "attendance"}[key]
    return cols[column]


@cache
def _province_order() -> dict[str, int]:
    """Province code → place in Thai dictionary order of the Thai name (PyThaiNLP's collation:
    a leading vowel and tone marks do not count first, so ชลบุรี comes before เชียงใหม่)."""
    from pythainlp.util import collate

    by_name = {p.name_th: p.code for p in all_provinces()}
    return {by_name[name]: i for i, name in enumerate(collate(list(by_name)))}


def effective_attendance(s: OrmSession, session: Session) -> tuple[int | None, dict[str, dict[str, int]] | None]:
    """The head count as corrected by the latest amendment that changed it, else as recorded."""
    latest = s.scalars(select(Amendment).where(
        Amendment.target_id == session.id, Amendment.target_type == "session",
        func.json_type(Amendment.changes, "$.attendance_total").is_not(None),
    ).order_by(Amendment.seq.desc()).limit(1)).first()
    if latest is None:
        return session.attendance_total, session.attendance_detail
    return latest.changes.get("attendance_total"), latest.changes.get("attendance_detail")


def local_day(value: datetime) -> date:
    return to_local(value).date()
