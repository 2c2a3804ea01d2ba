"""Audience mode's moderation and presenter figures (issue 14). No Qt.

What phones send waits in a queue (``audience_submission``, state ``pending``); the facilitator
accepts it (it becomes a contribution of the session, tagged :data:`PHONE_TAG`, under the phone's
anonymous participant code), hides it, or merges it into a duplicate. With "accept all" on,
submissions are accepted as they arrive, except flagged ones (a word of PyThaiNLP's Thai
profanity list), which still wait for a person.

Every function takes the caller's ORM session: writes run inside the app's single writer's
transaction (the UI's bridge, or a test's lock), reads inside any read session.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import NotFoundError, SalaError
from sala.services.audience_words import profanity_found as profanity_found  # the phone side flags with it
from sala.services.audience_words import profanity_words as profanity_words
from sala.services.audience_words import theme_words
from sala.services.contributions import participant_for_code
from sala.services.writable import writable_session
from sala.storage.models import (
    AudiencePhone,
    AudienceRoom,
    AudienceSubmission,
    AudienceVote,
    Contribution,
    Proposal,
    Rating,
    Session,
    Vote,
)

PHONE_TAG = "phone"
"""The tag every contribution accepted from a phone carries ("marked as from a phone")."""

JOIN_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"
"""Join-code letters: no 0/O, 1/I/L, 2/Z, 5/S or 8/B, which people misread from a projector."""
JOIN_CODE_LEN = 6
WORDS_MAX = 40
TOP_QUESTIONS = 5


class State(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    HIDDEN = "hidden"
    MERGED = "merged"


class Kind(StrEnum):
    OPINION = "opinion"
    QUESTION = "question"
    RATING = "rating"


class Target(StrEnum):
    QUESTION = "question"
    PROPOSAL = "proposal"


@dataclass(frozen=True)
class QueueItem:
    """One phone's submission as the moderation queue shows it."""

    id: str
    session_id: str
    kind: Kind
    type: e.ContributionType | None
    stance: e.Stance | None
    topic_id: str | None
    text: str
    score: int | None
    phone_code: str
    state: State
    flagged: bool
    votes: int            # up-votes (questions)
    merged: int           # duplicates merged into it
    record_id: str | None  # the contribution (or rating) it became
    created_at: datetime


@dataclass(frozen=True)
class PresenterSnapshot:
    """What the projector shows: only accepted submissions, so nothing unmoderated is on screen."""

    session_id: str
    words: tuple[tuple[str, int], ...]              # most frequent first, at most WORDS_MAX
    stances: dict[e.Stance, int]
    questions: tuple[tuple[str, str, int], ...]     # (submission id, text, votes + merged) best first
    proposals: tuple[tuple[str, str, int], ...]     # (proposal id, title, dot-votes) in display order
    ratings: dict[int, int]                         # score 1..5 -> count (exhibitions)
    phones_joined: int
    pending: int
    kind: e.SessionKind | None = None
    proposal_names_en: dict[str, str] = field(default_factory=dict)  # proposal id -> English name, where given

    @property
    def rating_count(self) -> int:
        """Visitors who gave a 1–5 rating (at the kiosk or from a phone)."""
        return sum(self.ratings.values())

    @property
    def rating_average(self) -> float | None:
        n = self.rating_count
        return sum(score * count for score, count in self.ratings.items()) / n if n else None


class AudienceClosedError(SalaError):
    """The session is not open: phones may not join or send."""

    def __init__(self, title: str) -> None:
        super().__init__(f"เวที “{title}” ไม่ได้เปิดรับความคิดเห็นอยู่ จึงยังไม่ได้บันทึก",
                         f"“{title}” is not taking submissions now; nothing was saved")


# -- the room ---------------------------------------------------------------------------------
def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LEN))


def open_room(s: OrmSession, session_id: str) -> AudienceRoom:
    """The session's room, made with a fresh join code the first time (each session its own code)."""
    writable_session(s, session_id)
    room = s.get(AudienceRoom, session_id)
    if room is None:
        room = AudienceRoom(session_id=session_id, join_code=new_join_code(), accept_all=False, opened_at=now())
        s.add(room)
        s.flush()
    return room


def rotate_join_code(s: OrmSession, session_id: str) -> str:
    """A new join code for the session; phones already joined stay joined (their cookie)."""
    room = open_room(s, session_id)
    old = room.join_code
    while room.join_code == old:
        room.join_code = new_join_code()
    return room.join_code


def join_code(s: OrmSession, session_id: str) -> str | None:
    room = s.get(AudienceRoom, session_id)
    return room.join_code if room else None


def set_accept_all(s: OrmSession, session_id: str, on: bool) -> None:
    """Turn "accept all" on or off; turning it on accepts what waits unflagged as well."""
    room = open_room(s, session_id)
    room.accept_all = bool(on)
    if on:
        waiting = s.scalars(select(AudienceSubmission).where(
            AudienceSubmission.session_id == session_id, AudienceSubmission.state == State.PENDING,
            AudienceSubmission.flagged.is_(False)).order_by(AudienceSubmission.created_at))
        for sub in list(waiting):
            _accept(s, sub)


def accepts_all(s: OrmSession, session_id: str) -> bool:
    room = s.get(AudienceRoom, session_id)
    return bool(room and room.accept_all)


def phones_joined(s: OrmSession, session_id: str) -> int:
    return int(s.execute(select(func.count()).select_from(AudiencePhone)
                         .where(AudiencePhone.session_id == session_id)).scalar_one())


# -- moderation -------------------------------------------------------------------------------
def queue(s: OrmSession, session_id: str, *, include_decided: bool = False) -> list[QueueItem]:
    """The session's submissions waiting for a decision, oldest first (all of them with
    ``include_decided``). Ratings never wait: they are not listed unless decided ones are."""
    stmt = (select(AudienceSubmission, AudiencePhone.code)
            .join(AudiencePhone, AudiencePhone.id == AudienceSubmission.phone_id)
            .where(AudienceSubmission.session_id == session_id)
            .order_by(AudienceSubmission.created_at, AudienceSubmission.id))
    if not include_decided:
        stmt = stmt.where(AudienceSubmission.state == State.PENDING)
    rows = s.execute(stmt).all()
    ids = [sub.id for sub, _ in rows]
    votes = _counts(s, select(AudienceVote.target_id, func.count()).where(
        AudienceVote.session_id == session_id, AudienceVote.target_kind == Target.QUESTION)
        .group_by(AudienceVote.target_id)) if ids else {}
    merged = _counts(s, select(AudienceSubmission.merged_into, func.count()).where(
        AudienceSubmission.session_id == session_id, AudienceSubmission.state == State.MERGED)
        .group_by(AudienceSubmission.merged_into)) if ids else {}
    return [_item(sub, code, votes.get(sub.id, 0), merged.get(sub.id, 0)) for sub, code in rows]


def get(s: OrmSession, submission_id: str) -> QueueItem:
    sub = _load(s, submission_id)
    code = s.get_one(AudiencePhone, sub.phone_id).code
    votes = int(s.execute(select(func.count()).select_from(AudienceVote).where(
        AudienceVote.target_kind == Target.QUESTION, AudienceVote.target_id == sub.id)).scalar_one())
    merged = int(s.execute(select(func.count()).select_from(AudienceSubmission).where(
        AudienceSubmission.merged_into == sub.id, AudienceSubmission.state == State.MERGED)).scalar_one())
    return _item(sub, code, votes, merged)


def accept(s: OrmSession, submission_id: str) -> QueueItem:
    """Make the submission a contribution of its session (from a phone, under the phone's
    anonymous code). Accepting an accepted one changes nothing; a merged one is refused."""
    sub = _load(s, submission_id)
    if sub.state == State.MERGED:
        raise SalaError("รายการนี้รวมกับรายการอื่นแล้ว จึงรับซ้ำไม่ได้",
                        "This submission was merged into another, so it cannot be accepted itself")
    if sub.state != State.ACCEPTED:
        _accept(s, sub)
    return get(s, submission_id)


def hide(s: OrmSession, submission_id: str) -> QueueItem:
    """Keep the submission off the presenter view and the phones; an accepted one also leaves
    the session's contributions (while the session can still be changed)."""
    sub = _load(s, submission_id)
    writable_session(s, sub.session_id)
    if sub.state == State.ACCEPTED and sub.record_id and sub.kind != Kind.RATING:
        s.execute(delete(Contribution).where(Contribution.id == sub.record_id))
        sub.record_id = None
    sub.state = State.HIDDEN
    sub.decided_at = now()
    return get(s, submission_id)


def merge(s: OrmSession, keep_id: str, duplicate_id: str) -> QueueItem:
    """Fold ``duplicate_id`` into ``keep_id``: the duplicate leaves the queue, its up-votes move
    to the one kept (a phone that voted for both counts once). Returns the kept one."""
    if keep_id == duplicate_id:
        raise SalaError("รวมรายการกับตัวเองไม่ได้", "A submission cannot be merged with itself")
    keep, dup = _load(s, keep_id), _load(s, duplicate_id)
    if keep.session_id != dup.session_id or keep.kind != dup.kind or keep.kind == Kind.RATING:
        raise SalaError("รวมได้เฉพาะความคิดเห็นหรือคำถามชนิดเดียวกันในเวทีเดียวกัน",
                        "Only opinions or questions of the same kind in the same session can be merged")
    if dup.state == State.ACCEPTED:
        raise SalaError("รายการที่จะรวมรับเป็นความคิดเห็นของเวทีแล้ว ให้ซ่อนรายการนั้นแทน",
                        "The duplicate is already a contribution of the session; hide it instead")
    if keep.state in (State.MERGED, State.HIDDEN):
        raise SalaError("รายการที่จะเก็บไว้ถูกซ่อนหรือรวมไปแล้ว เลือกรายการอื่น",
                        "The submission to keep is hidden or merged already; choose another")
    writable_session(s, keep.session_id)
    voters = set(s.scalars(select(AudienceVote.phone_id).where(
        AudienceVote.target_kind == Target.QUESTION, AudienceVote.target_id == keep.id)))
    for vote in list(s.scalars(select(AudienceVote).where(
            AudienceVote.target_kind == Target.QUESTION, AudienceVote.target_id == dup.id))):
        if vote.phone_id in voters or vote.phone_id == keep.phone_id:
            s.delete(vote)
        else:
            vote.target_id = keep.id
            voters.add(vote.phone_id)
    s.execute(update(AudienceSubmission).where(AudienceSubmission.merged_into == dup.id)
              .values(merged_into=keep.id))
    dup.state = State.MERGED
    dup.merged_into = keep.id
    dup.decided_at = now()
    s.flush()
    return get(s, keep_id)


# -- the projector ----------------------------------------------------------------------------
def presenter_snapshot(s: OrmSession, session_id: str) -> PresenterSnapshot:
    accepted = list(s.execute(select(AudienceSubmission.id, AudienceSubmission.kind, AudienceSubmission.text,
                                     AudienceSubmission.stance).where(
        AudienceSubmission.session_id == session_id, AudienceSubmission.state == State.ACCEPTED)))
    words: Counter[str] = Counter()
    stances = {st: 0 for st in e.Stance}
    for _id, kind, text, stance in accepted:
        if kind == Kind.RATING:
            continue
        words.update(theme_words(text))
        if kind == Kind.OPINION and stance:
            stances[e.Stance(stance)] += 1
    votes = _counts(s, select(AudienceVote.target_id, func.count()).where(
        AudienceVote.session_id == session_id, AudienceVote.target_kind == Target.QUESTION)
        .group_by(AudienceVote.target_id))
    merged = _counts(s, select(AudienceSubmission.merged_into, func.count()).where(
        AudienceSubmission.session_id == session_id, AudienceSubmission.state == State.MERGED)
        .group_by(AudienceSubmission.merged_into))
    questions = sorted(((i, t, votes.get(i, 0) + merged.get(i, 0)) for i, k, t, _ in accepted if k == Kind.QUESTION),
                       key=lambda q: (-q[2], q[0]))
    dots = _counts(s, select(Vote.proposal_id, func.count()).where(Vote.session_id == session_id)
                   .group_by(Vote.proposal_id))
    shown = list(s.scalars(select(Proposal).where(Proposal.session_id == session_id).order_by(Proposal.position)))
    proposals = tuple((p.id, p.title, dots.get(p.id, 0)) for p in shown)
    ratings = {n: 0 for n in range(1, 6)}
    for score, count in s.execute(select(Rating.score, func.count()).where(Rating.session_id == session_id)
                                  .group_by(Rating.score)):
        ratings[int(score)] = int(count)
    pending = int(s.execute(select(func.count()).select_from(AudienceSubmission).where(
        AudienceSubmission.session_id == session_id, AudienceSubmission.state == State.PENDING)).scalar_one())
    ordered = sorted(words.items(), key=lambda w: (-w[1], w[0]))[:WORDS_MAX]
    session = s.get(Session, session_id)
    return PresenterSnapshot(session_id, tuple(ordered), stances, tuple(questions[:TOP_QUESTIONS]), proposals,
                             ratings, phones_joined(s, session_id), pending,
                             kind=e.SessionKind(session.kind) if session is not None else None,
                             proposal_names_en={p.id: p.title_en for p in shown if p.title_en})


# -- helpers shared with the phone side (sala.audience.actions) --------------------------------
def accept_on_arrival(s: OrmSession, sub: AudienceSubmission) -> None:
    """Accept a just-made submission when its room accepts all and nothing in it was flagged."""
    if not sub.flagged and accepts_all(s, sub.session_id):
        _accept(s, sub)


def _accept(s: OrmSession, sub: AudienceSubmission) -> None:
    writable_session(s, sub.session_id)
    if sub.kind == Kind.RATING:
        sub.state = State.ACCEPTED
        sub.decided_at = now()
        return
    phone = s.get_one(AudiencePhone, sub.phone_id)
    participant = participant_for_code(s, sub.session_id, phone.code)
    assert participant is not None  # a phone always has a code
    if phone.age_band and participant.age_band == e.AgeBand.NOT_STATED:
        participant.age_band = e.AgeBand(phone.age_band)
    if phone.occupation and participant.occupation == e.Occupation.NOT_STATED:
        participant.occupation = e.Occupation(phone.occupation)
    kind = e.ContributionType.QUESTION if sub.kind == Kind.QUESTION else e.ContributionType(
        sub.type or e.ContributionType.OPINION)
    c = Contribution(session_id=sub.session_id, type=kind, text=sub.text,
                     stance=e.Stance(sub.stance) if sub.stance else None, tags=[PHONE_TAG],
                     participant_id=participant.id, topic_id=sub.topic_id, recorded_at=sub.created_at)
    s.add(c)
    s.flush()
    sub.state = State.ACCEPTED
    sub.record_id = c.id
    sub.decided_at = now()


def _load(s: OrmSession, submission_id: str) -> AudienceSubmission:
    sub = s.get(AudienceSubmission, submission_id)
    if sub is None:
        raise NotFoundError("รายการจากโทรศัพท์ / phone submission", submission_id)
    return sub


def _counts(s: OrmSession, stmt: object) -> dict[str, int]:
    return {str(k): int(n) for k, n in s.execute(stmt)}  # type: ignore[call-overload]


def _item(sub: AudienceSubmission, code: str, votes: int, merged: int) -> QueueItem:
    return QueueItem(sub.id, sub.session_id, Kind(sub.kind),
                     e.ContributionType(sub.type) if sub.type else None,
                     e.Stance(sub.stance) if sub.stance else None, sub.topic_id, sub.text, sub.score, code,
                     State(sub.state), bool(sub.flagged), votes, merged, sub.record_id, sub.created_at)
