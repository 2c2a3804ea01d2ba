"""Exhibition feedback: proposals on display, visitors' ratings and dot-votes, the live tally.
No Qt (the kiosk PIN is ``services/kiosk_pin.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.clock import now
from sala.domain.counts import count_en
from sala.domain.errors import ImmutableError, NotFoundError, ValidationError
from sala.services.sessions import editable_session, load_record, load_session
from sala.storage.database import Database
from sala.storage.models import Proposal, Rating, Vote
from sala.storage.rating_comments import amended_hidden

COMMENT_MAX = 500


@dataclass(frozen=True)
class ProposalView:
    id: str
    session_id: str
    position: int
    title: str
    title_en: str = ""
    """The English name staff gave, or empty."""

    def label(self, lang: str) -> str:
        """The name in ``lang``: English when asked for and given, else the Thai title."""
        return self.title_en if lang == "en" and self.title_en else self.title


@dataclass(frozen=True)
class CommentView:
    """A visitor's comment as staff read it: with its face, when, and whether it is hidden."""

    rating_id: str
    score: int
    text: str
    recorded_at: datetime
    hidden: bool


@dataclass(frozen=True)
class Tally:
    """What the staff page shows: counts, average, distribution and votes per proposal."""

    visitors: int
    average: float | None
    distribution: dict[int, int]                 # score 1..5 -> visitors
    votes: tuple[tuple[str, str, int], ...]      # (proposal id, title, votes) in display order
    titles_en: dict[str, str] | None = None      # proposal id -> English name, where staff gave one

    def vote_rows(self, lang: str) -> list[tuple[str, int]]:
        """(name in ``lang``, votes) per proposal, in display order: English falls back to Thai."""
        names = self.titles_en or {}
        return [(names.get(pid) or title if lang == "en" else title, n) for pid, title, n in self.votes]


class ExhibitionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- proposals ----------------------------------------------------------------------------
    def add_proposal(self, session_id: str, title: str, title_en: str = "") -> ProposalView:
        """A proposal in Thai (required) with an optional English name for English kiosks and pages."""
        clean = v.required_text(title, "title", v.TITLE_MAX)
        clean_en = v.optional_text(title_en, "title_en", v.TITLE_MAX)
        with self._db.write() as s:
            _open_exhibition(s, session_id)
            top = s.execute(select(func.max(Proposal.position)).where(Proposal.session_id == session_id)).scalar()
            p = Proposal(session_id=session_id, position=0 if top is None else top + 1, title=clean,
                         title_en=clean_en)
            s.add(p)
            s.flush()
            return _pview(p)

    def rename_proposal(self, proposal_id: str, title: str, title_en: str | None = None) -> ProposalView:
        """New names; ``title_en`` None keeps the English name, "" clears it."""
        clean = v.required_text(title, "title", v.TITLE_MAX)
        clean_en = None if title_en is None else v.optional_text(title_en, "title_en", v.TITLE_MAX)
        with self._db.write() as s:
            p = self._proposal(s, proposal_id)
            _open_exhibition(s, p.session_id)
            p.title = clean
            if clean_en is not None:
                p.title_en = clean_en
            return _pview(p)

    def move_proposal(self, proposal_id: str, delta: int) -> list[ProposalView]:
        with self._db.write() as s:
            p = self._proposal(s, proposal_id)
            _open_exhibition(s, p.session_id)
            ordered = list(s.scalars(select(Proposal).where(Proposal.session_id == p.session_id)
                                     .order_by(Proposal.position)))
            i = ordered.index(p)
            j = max(0, min(len(ordered) - 1, i + delta))
            ordered.insert(j, ordered.pop(i))
            for n, item in enumerate(ordered):
                if item.position != n:
                    item.position = n
            return [_pview(x) for x in ordered]

    def delete_proposal(self, proposal_id: str) -> None:
        """Remove a proposal; refused once visitors have voted for it (their votes would vanish)."""
        with self._db.write() as s:
            p = self._proposal(s, proposal_id)
            _open_exhibition(s, p.session_id)
            votes = s.execute(select(func.count()).where(Vote.proposal_id == proposal_id)).scalar_one()
            if votes:
                raise ValidationError("proposal", f"ลบข้อเสนอนี้ไม่ได้ เพราะมีผู้ลงคะแนนแล้ว {votes} เสียง",
                                      f"This proposal already has {count_en(votes, 'vote', 'votes')} and cannot be "
                                      "deleted")
            s.delete(p)

    def proposals(self, session_id: str) -> list[ProposalView]:
        with self._db.read() as s:
            rows = s.scalars(select(Proposal).where(Proposal.session_id == session_id).order_by(Proposal.position))
            return [_pview(p) for p in rows]

    # -- visitors -----------------------------------------------------------------------------
    def record_visit(self, session_id: str, score: int, proposal_ids: list[str] | tuple[str, ...] = (),
                     comment: str = "", age_band: e.AgeBand | str | None = None) -> str:
        """One visitor's entry: a Rating and its Votes in one transaction; returns the rating id."""
        clean_score = v.rating(score)
        text = v.optional_text(comment, "comment", COMMENT_MAX)
        band = e.AgeBand.parse(age_band, "age_band") if age_band else None
        chosen = list(dict.fromkeys(proposal_ids))
        with self._db.write() as s:
            _open_exhibition(s, session_id)
            if chosen:
                known = set(s.scalars(select(Proposal.id).where(Proposal.session_id == session_id,
                                                                Proposal.id.in_(chosen))))
                missing = [p for p in chosen if p not in known]
                if missing:
                    raise NotFoundError("ข้อเสนอ / proposal", ", ".join(missing))
            r = Rating(session_id=session_id, score=clean_score, comment=text, age_band=band, recorded_at=now())
            s.add(r)
            s.flush()
            s.add_all([Vote(session_id=session_id, rating_id=r.id, proposal_id=p) for p in chosen])
            return r.id

    def tally(self, session_id: str) -> Tally:
        with self._db.read() as s:
            dist = {n: 0 for n in range(1, 6)}
            for score, count in s.execute(select(Rating.score, func.count()).where(Rating.session_id == session_id)
                                          .group_by(Rating.score)):
                dist[int(score)] = int(count)
            counts = dict(s.execute(select(Vote.proposal_id, func.count()).where(Vote.session_id == session_id)
                                    .group_by(Vote.proposal_id)).all())
            props = list(s.scalars(select(Proposal).where(Proposal.session_id == session_id)
                                   .order_by(Proposal.position)))
            votes = tuple((p.id, p.title, int(counts.get(p.id, 0))) for p in props)
            titles_en = {p.id: p.title_en for p in props if p.title_en}
        visitors = sum(dist.values())
        average = sum(k * n for k, n in dist.items()) / visitors if visitors else None
        return Tally(visitors, average, dist, votes, titles_en)

    # -- visitors' comments -------------------------------------------------------------------
    def comments(self, session_id: str) -> list[CommentView]:
        """Every visitor's comment, newest first, hidden ones included and marked (as amended)."""
        with self._db.read() as s:
            rows = s.scalars(select(Rating).where(Rating.session_id == session_id, Rating.comment != "")
                             .order_by(Rating.recorded_at.desc(), Rating.id.desc())).all()
            hidden = amended_hidden(s, session_id)
            return [CommentView(r.id, r.score, r.comment, r.recorded_at, hidden.get(r.id, r.comment_hidden))
                    for r in rows]

    def set_comment_hidden(self, rating_id: str, hidden: bool, reason: str = "") -> CommentView:
        """Hide a visitor's comment from the summary (or show it again); the rating still counts.

        Before finalizing the rating's flag changes; after, the finalized record stays as it was
        and the change is an amendment with a required reason (sent with the next sync).
        """
        with self._db.write() as s:
            r = load_record(s, Rating, rating_id, "ความคิดเห็นของผู้ชม / visitor's comment")
            finalized = load_session(s, r.session_id).status == e.SessionStatus.FINALIZED
            if not finalized:
                r.comment_hidden = bool(hidden)
        if finalized:
            from sala.services.amendments import AmendmentService  # its outbox import is heavier

            AmendmentService(self._db).amend("rating", rating_id, {"comment_hidden": bool(hidden)}, reason)
        with self._db.read() as s:
            after = load_record(s, Rating, rating_id, "ความคิดเห็นของผู้ชม / visitor's comment")
            state = amended_hidden(s, after.session_id).get(after.id, after.comment_hidden)
            return CommentView(after.id, after.score, after.comment, after.recorded_at, state)

    @staticmethod
    def _proposal(s, proposal_id: str) -> Proposal:  # an ORM session
        return load_record(s, Proposal, proposal_id, "ข้อเสนอ / proposal")


def _open_exhibition(s, session_id: str):  # an ORM session, a Session
    """The exhibition, if proposals may change and visitors be recorded: not closed, not finalized."""
    obj = editable_session(s, session_id)
    if obj.status == e.SessionStatus.CLOSED:
        raise ImmutableError(
            f"เวที “{obj.title}” ปิดแล้ว เพิ่มหรือแก้ไขข้อเสนอและรับความเห็นผู้ชมไม่ได้ จนกว่าจะเปิดเวทีอีกครั้ง",
            f"“{obj.title}” is closed: proposals cannot change and visitors cannot be recorded until it is reopened",
        )
    return obj


def _pview(p: Proposal) -> ProposalView:
    return ProposalView(p.id, p.session_id, p.position, p.title, p.title_en or "")
