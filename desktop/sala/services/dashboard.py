"""Dashboard figures, aggregated by SQLite (GROUP BY), never by loading rows. No Qt.

A supervisor's laptop may hold a quarter of a million contributions; the dashboard must answer
in well under half a second, so every figure here is one grouped query over an index, and the
session list's own filter (``SessionFilter``) selects the sessions, so the list and the charts
always describe the same sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.thaidate import BE_OFFSET, MONTHS_EN, MONTHS_TH_ABBR
from sala.services.search import SearchService
from sala.services.sessions import SessionFilter, filter_sessions
from sala.storage.database import Database
from sala.storage.models import Contribution, Participant, Proposal, Rating, Session, Topic, Vote

SCORES = (1, 2, 3, 4, 5)
# Found sessions passed inline as bound values; SQLite allows 32,766 per statement.
INLINE_IDS_MAX = 20_000


@dataclass(frozen=True)
class MonthCount:
    year: int   # Common Era, as stored
    month: int
    count: int

    def label(self, lang: str = "th") -> str:
        """``ม.ค. 69`` in Thai (Buddhist Era, two digits as Thai offices write it), ``Jan 26`` otherwise."""
        if lang == "th":
            return f"{MONTHS_TH_ABBR[self.month - 1]} {(self.year + BE_OFFSET) % 100:02d}"
        return f"{MONTHS_EN[self.month - 1][:3]} {self.year % 100:02d}"

    def long_label(self, lang: str = "th") -> str:
        if lang == "th":
            return f"{MONTHS_TH_ABBR[self.month - 1]} {self.year + BE_OFFSET}"
        return f"{MONTHS_EN[self.month - 1][:3]} {self.year}"


@dataclass(frozen=True)
class TopicLabel:
    id: str | None          # None: contributions recorded without a topic
    name_th: str
    name_en: str

    def label(self, lang: str = "th") -> str:
        return self.name_th if lang == "th" else self.name_en


NO_TOPIC = TopicLabel(None, "ไม่ระบุหัวข้อ", "No topic")


@dataclass(frozen=True)
class RatingSummary:
    distribution: dict[int, int]   # score 1..5 -> visitors (every score present)
    average: float | None

    @property
    def visitors(self) -> int:
        return sum(self.distribution.values())


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard draws, for one filter."""

    months: tuple[MonthCount, ...]                                    # consecutive, gaps filled
    people: dict[tuple[e.AgeBand, e.Gender], int]
    by_topic_type: dict[tuple[str | None, e.ContributionType], int]
    by_topic_stance: dict[tuple[str | None, e.Stance | None], int]
    topics: tuple[TopicLabel, ...]                                    # those with contributions, most first
    ratings: RatingSummary
    filter: SessionFilter = field(default_factory=SessionFilter)

    @property
    def sessions(self) -> int:
        return sum(m.count for m in self.months)

    @property
    def participants(self) -> int:
        return sum(self.people.values())

    @property
    def contributions(self) -> int:
        return sum(self.by_topic_type.values())


@dataclass(frozen=True)
class ProposalVotes:
    id: str
    title: str
    votes: int
    title_en: str = ""

    def label(self, lang: str) -> str:
        """The proposal's name in ``lang`` (English falls back to the Thai title)."""
        return self.title_en if lang == "en" and self.title_en else self.title


@dataclass(frozen=True)
class ExhibitionFigures:
    """One exhibition's live tally: ratings and dot-votes per proposal (in display order)."""

    ratings: RatingSummary
    proposals: tuple[ProposalVotes, ...]


def _summary(rows) -> RatingSummary:  # (score, count) rows
    dist = {n: 0 for n in SCORES}
    for score, count in rows:
        if int(score) in dist:
            dist[int(score)] = int(count)
    n = sum(dist.values())
    return RatingSummary(dist, sum(k * v for k, v in dist.items()) / n if n else None)


def _months(rows: list[tuple[str, int]]) -> tuple[MonthCount, ...]:
    """Turn ``('2026-03', n)`` rows into consecutive months, empty months as zero."""
    found = {(int(ym[:4]), int(ym[5:7])): int(n) for ym, n in rows if ym}
    if not found:
        return ()
    (y, m), last = min(found), max(found)
    out = []
    while (y, m) <= last:
        out.append(MonthCount(y, m, found.get((y, m), 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


class DashboardService:
    """Read-only aggregates for the dashboard page and the exhibition live tally."""

    def __init__(self, db: Database, search: SearchService) -> None:
        self._db = db
        self._search = search

    def _session_ids(self, flt: SessionFilter, s: OrmSession) -> Select | None:
        """The filtered sessions as a sub-select, or None when nothing narrows them (faster SQL)."""
        if flt == SessionFilter():
            return None
        return filter_sessions(select(Session.id), flt, self._search, s)

    def figures(self, flt: SessionFilter | None = None) -> DashboardData:
        """All dashboard figures for the sessions ``flt`` selects, in one read transaction."""
        flt = flt or SessionFilter()
        with self._db.read() as s:
            selected = self._session_ids(flt, s)
            ids: Select | list[str] | None = selected
            if selected is not None and flt.text.strip():
                # Thai search is the costly part of a filter: run it once, not once per chart.
                found = list(s.scalars(selected))
                if len(found) <= INLINE_IDS_MAX:
                    ids = found

            def narrowed(stmt: Select, table: str) -> Select:
                # "+col" keeps SQLite off the session_id index: seeking it per session then
                # fetching rows costs ~2 µs a row, while scanning the covering dashboard index
                # (grouped columns first, see migration 0004) and testing membership stays flat.
                return stmt if ids is None else stmt.where(literal_column(f"+{table}.session_id").in_(ids))

            month = func.substr(Session.session_date, 1, 7)
            if isinstance(ids, list):
                stmt = select(month, func.count()).where(Session.id.in_(ids))
            else:
                stmt = filter_sessions(select(month, func.count()), flt, self._search, s)
            months = _months([(m, n) for m, n in s.execute(stmt.group_by(month))])

            people: dict[tuple[e.AgeBand, e.Gender], int] = {}
            stmt = narrowed(select(Participant.age_band, Participant.gender, func.count()), "participant")
            for band, gender, n in s.execute(stmt.group_by(Participant.age_band, Participant.gender)):
                people[(band, gender)] = int(n)

            # One pass gives both contribution charts: by topic and type, and stance per topic.
            by_type: dict[tuple[str | None, e.ContributionType], int] = {}
            by_stance: dict[tuple[str | None, e.Stance | None], int] = {}
            cols = (Contribution.topic_id, Contribution.type, Contribution.stance)
            stmt = narrowed(select(*cols, func.count()), "contribution").group_by(*cols)
            for topic_id, ctype, stance, n in s.execute(stmt):
                by_type[(topic_id, ctype)] = by_type.get((topic_id, ctype), 0) + int(n)
                by_stance[(topic_id, stance)] = by_stance.get((topic_id, stance), 0) + int(n)

            stmt = select(Rating.score, func.count()).group_by(Rating.score)
            stmt = stmt if ids is None else stmt.where(Rating.session_id.in_(ids))  # covering either way
            ratings = _summary(s.execute(stmt))

            topics = self._topic_labels(s, by_type)
        return DashboardData(months, people, by_type, by_stance, topics, ratings, flt)

    @staticmethod
    def _topic_labels(s: OrmSession, by_type: dict) -> tuple[TopicLabel, ...]:
        totals: dict[str | None, int] = {}
        for (topic_id, _t), n in by_type.items():
            totals[topic_id] = totals.get(topic_id, 0) + n
        ids = [t for t in totals if t is not None]
        names = {tid: TopicLabel(tid, th, en) for tid, th, en in
                 s.execute(select(Topic.id, Topic.name_th, Topic.name_en).where(Topic.id.in_(ids)))} if ids else {}
        labels = [names.get(t, TopicLabel(t, t, t)) if t is not None else NO_TOPIC for t in totals]
        return tuple(sorted(labels, key=lambda t: (-totals[t.id], t.name_th)))

    def exhibition(self, session_id: str) -> ExhibitionFigures:
        """Ratings and votes per proposal for one exhibition: two small indexed GROUP BYs."""
        with self._db.read() as s:
            ratings = _summary(s.execute(select(Rating.score, func.count()).where(Rating.session_id == session_id)
                                         .group_by(Rating.score)))
            votes = dict(s.execute(select(Vote.proposal_id, func.count()).where(Vote.session_id == session_id)
                                   .group_by(Vote.proposal_id)).all())
            props = s.execute(select(Proposal.id, Proposal.title, Proposal.title_en)
                              .where(Proposal.session_id == session_id).order_by(Proposal.position))
            return ExhibitionFigures(ratings, tuple(ProposalVotes(pid, title, int(votes.get(pid, 0)), title_en or "")
                                                    for pid, title, title_en in props))

    def exhibition_sessions(self, flt: SessionFilter | None = None, limit: int = 200) -> list[tuple[str, str, date]]:
        """(id, title, date) of exhibition sessions under ``flt``, newest first (the tally picker)."""
        flt = flt or SessionFilter()
        with self._db.read() as s:
            stmt = filter_sessions(select(Session.id, Session.title, Session.session_date), flt, self._search, s)
            stmt = stmt.where(Session.kind == e.SessionKind.EXHIBITION)
            stmt = stmt.order_by(Session.session_date.desc(), Session.id.desc()).limit(limit)
            return [(sid, title, d) for sid, title, d in s.execute(stmt)]
