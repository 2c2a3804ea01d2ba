"""What a phone may do, as writes in the caller's transaction (the app's single writer) and reads.

Every write checks that the session is open *inside* the transaction that writes, so nothing
is stored once the session closes, whatever the server thought a moment earlier. A send carries
the phone's own key (``client_key``): sending it again (a retry after a lost answer) finds the
row already written and answers as before, so nothing is doubled.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.audience import phone_codes
from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.clock import now
from sala.domain.errors import NotFoundError, SalaError, ValidationError
from sala.services import audience as svc
from sala.services.audience import Kind, State, Target
from sala.storage.models import AudiencePhone, AudienceSubmission, AudienceVote, Proposal, Rating, Session, Vote

TEXT_MAX = 1000
"""Characters in one opinion or question from a phone."""
DOTS = 3
"""Dot-votes each phone may place, one per proposal."""
PHONES_MAX = 2000
"""Phones one session takes: a flood of joins cannot grow the database without end."""
_KEY = re.compile(r"^[A-Za-z0-9_-]{8,40}$")


class JoinRefusedError(SalaError):
    """The join code was wrong (or the session has no audience room)."""

    def __init__(self) -> None:
        super().__init__("รหัสเข้าร่วมไม่ถูกต้อง ตรวจรหัสบนจอแล้วลองอีกครั้ง",
                         "The join code is not right; check the code on the screen and try again")


class RoomFullError(SalaError):
    def __init__(self) -> None:
        super().__init__("เวทีนี้มีโทรศัพท์เข้าร่วมครบจำนวนแล้ว", "This session has all the phones it can take")


@dataclass(frozen=True)
class Receipt:
    """The answer to a send, given only after its transaction committed."""

    id: str
    state: State
    repeated: bool = False   # the same send had already been received


def open_session(s: OrmSession, session_id: str) -> Session:
    """The session, if it is open now (phones write only to an open session)."""
    obj = s.get(Session, session_id)
    if obj is None:
        raise NotFoundError("เวที / session", session_id)
    if obj.status != e.SessionStatus.OPEN:
        raise svc.AudienceClosedError(obj.title)
    return obj


def join(s: OrmSession, session_id: str, code: str, token_hash: str) -> AudiencePhone:
    """A new phone in the session, if ``code`` is the session's join code now."""
    open_session(s, session_id)
    current = svc.join_code(s, session_id)
    given = (code or "").strip().upper()[:16]
    if current is None or not hmac.compare_digest(given.encode(), current.encode()):
        raise JoinRefusedError()
    if svc.phones_joined(s, session_id) >= PHONES_MAX:
        raise RoomFullError()
    taken = set(s.scalars(select(AudiencePhone.code).where(AudiencePhone.session_id == session_id)))
    phone_code = phone_codes.new_code()
    while phone_code in taken:
        phone_code = phone_codes.new_code()
    phone = AudiencePhone(session_id=session_id, code=phone_code, token_hash=token_hash, joined_at=now())
    s.add(phone)
    s.flush()
    return phone


def find_phone(s: OrmSession, session_id: str, token_hash: str) -> AudiencePhone | None:
    return s.scalars(select(AudiencePhone).where(AudiencePhone.token_hash == token_hash,
                                                 AudiencePhone.session_id == session_id)).first()


def set_profile(s: OrmSession, phone_id: str, age_band: object, occupation: object) -> None:
    """The phone's optional age band and occupation (never a name, phone number or e-mail)."""
    phone = s.get_one(AudiencePhone, phone_id)
    open_session(s, phone.session_id)
    phone.age_band = e.AgeBand.parse(age_band, "age_band").value if age_band else None
    phone.occupation = e.Occupation.parse(occupation, "occupation").value if occupation else None


def submit_opinion(s: OrmSession, phone_id: str, key: str, type_: object, stance: object,
                   topic_id: object, text: object) -> Receipt:
    kind = e.ContributionType.parse(type_ or e.ContributionType.OPINION, "type")
    if kind == e.ContributionType.QUESTION:
        kind = e.ContributionType.OPINION  # questions have their own form, votes and queue
    clean_stance = e.Stance.parse(stance, "stance") if stance else None
    return _submit(s, phone_id, key, Kind.OPINION, text=text, type_=kind.value,
                   stance=clean_stance.value if clean_stance else None, topic_id=topic_id)


def submit_question(s: OrmSession, phone_id: str, key: str, text: object) -> Receipt:
    return _submit(s, phone_id, key, Kind.QUESTION, text=text)


def rate(s: OrmSession, phone_id: str, key: str, score: object) -> Receipt:
    """A 1–5 rating at an exhibition: a visitor's Rating at once (nothing to moderate)."""
    if isinstance(score, bool) or not isinstance(score, int):
        raise ValidationError("rating", "คะแนนต้องอยู่ระหว่าง 1 ถึง 5", "A rating is a whole number from 1 to 5")
    return _submit(s, phone_id, key, Kind.RATING, score=v.rating(score))


def upvote(s: OrmSession, phone_id: str, question_id: object) -> int:
    """Vote a shown question up (once per phone); returns its up-votes now."""
    phone = s.get_one(AudiencePhone, phone_id)
    open_session(s, phone.session_id)
    q = s.get(AudienceSubmission, str(question_id)) if isinstance(question_id, str) else None
    if q is None or q.session_id != phone.session_id or q.kind != Kind.QUESTION or q.state != State.ACCEPTED:
        raise NotFoundError("คำถาม / question", str(question_id)[:40])
    if q.phone_id != phone.id and not _voted(s, phone.id, Target.QUESTION, q.id):
        s.add(AudienceVote(session_id=phone.session_id, phone_id=phone.id, target_kind=Target.QUESTION,
                           target_id=q.id, created_at=now()))
        s.flush()
    return int(s.execute(select(func.count()).select_from(AudienceVote).where(
        AudienceVote.target_kind == Target.QUESTION, AudienceVote.target_id == q.id)).scalar_one())


def dot_vote(s: OrmSession, phone_id: str, proposal_id: object) -> int:
    """Put one of the phone's dots on a proposal of the session; returns the dots left."""
    phone = s.get_one(AudiencePhone, phone_id)
    open_session(s, phone.session_id)
    p = s.get(Proposal, str(proposal_id)) if isinstance(proposal_id, str) else None
    if p is None or p.session_id != phone.session_id:
        raise NotFoundError("ข้อเสนอ / proposal", str(proposal_id)[:40])
    used = _dots_used(s, phone.id)
    if not _voted(s, phone.id, Target.PROPOSAL, p.id):
        if used >= DOTS:
            raise SalaError(f"ใช้จุดโหวตครบ {DOTS} จุดแล้ว", f"All {DOTS} of your dots are placed already")
        vote = Vote(session_id=phone.session_id, proposal_id=p.id)
        s.add(vote)
        s.flush()
        s.add(AudienceVote(session_id=phone.session_id, phone_id=phone.id, target_kind=Target.PROPOSAL,
                           target_id=p.id, record_id=vote.id, created_at=now()))
        s.flush()
        used += 1
    return DOTS - used


def phone_view(s: OrmSession, session_id: str, phone: AudiencePhone | None) -> dict[str, Any]:
    """What the phone page shows (a read): the session, its topics and proposals, the accepted
    questions with their votes, and this phone's own votes."""
    session = s.get(Session, session_id)
    if session is None:
        raise NotFoundError("เวที / session", session_id)
    mine: set[tuple[str, str]] = set()
    if phone is not None:
        mine = {(k, t) for k, t in s.execute(select(AudienceVote.target_kind, AudienceVote.target_id)
                                             .where(AudienceVote.phone_id == phone.id))}
    votes = dict(s.execute(select(AudienceVote.target_id, func.count()).where(
        AudienceVote.session_id == session_id, AudienceVote.target_kind == Target.QUESTION)
        .group_by(AudienceVote.target_id)).all())
    questions = s.execute(select(AudienceSubmission.id, AudienceSubmission.text, AudienceSubmission.phone_id)
                          .where(AudienceSubmission.session_id == session_id,
                                 AudienceSubmission.kind == Kind.QUESTION,
                                 AudienceSubmission.state == State.ACCEPTED)
                          .order_by(AudienceSubmission.created_at)).all()
    shown = sorted(({"id": i, "text": t, "votes": int(votes.get(i, 0)),
                     "mine": phone is not None and (pid == phone.id or (Target.QUESTION.value, i) in mine)}
                    for i, t, pid in questions), key=lambda q: -int(q["votes"]))  # type: ignore[call-overload]
    proposals = [{"id": p.id, "title": p.title, "mine": (Target.PROPOSAL.value, p.id) in mine}
                 for p in s.scalars(select(Proposal).where(Proposal.session_id == session_id)
                                    .order_by(Proposal.position))]
    topics = [{"id": t.id, "th": t.name_th, "en": t.name_en} for t in session.topics if t.active]
    dots_used = sum(1 for k, _ in mine if k == Target.PROPOSAL)
    return {
        "title": session.title,
        "kind": session.kind.value,
        "open": session.status == e.SessionStatus.OPEN,
        "joined": phone is not None,
        "phone_code": phone.code if phone else None,
        "age_band": phone.age_band if phone else None,
        "occupation": phone.occupation if phone else None,
        "topics": topics,
        "proposals": proposals,
        "questions": shown[:50],
        "dots_left": DOTS - dots_used,
    }


def counts(s: OrmSession, session_id: str) -> dict[str, int]:
    """Rows the phones' sends made, by kind (the bench's lost/doubled check)."""
    return {str(k): int(n) for k, n in s.execute(
        select(AudienceSubmission.kind, func.count()).where(AudienceSubmission.session_id == session_id)
        .group_by(AudienceSubmission.kind))}


def _submit(s: OrmSession, phone_id: str, key: str, kind: Kind, *, text: object = "", type_: str | None = None,
            stance: str | None = None, topic_id: object = None, score: int | None = None) -> Receipt:
    phone = s.get_one(AudiencePhone, phone_id)
    session = open_session(s, phone.session_id)
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValidationError("key", "คำขอไม่ถูกต้อง โหลดหน้าใหม่แล้วส่งอีกครั้ง",
                              "The request is not valid; reload the page and send again")
    before = s.scalars(select(AudienceSubmission).where(AudienceSubmission.phone_id == phone.id,
                                                        AudienceSubmission.client_key == key)).first()
    if before is not None:
        return Receipt(before.id, State(before.state), repeated=True)
    clean = ""
    if kind != Kind.RATING:
        if not isinstance(text, str):
            raise ValidationError("text", "กรุณาพิมพ์ข้อความ", "Please type a message")
        clean = v.required_text(text, "text", TEXT_MAX)
    topic: str | None = None
    if topic_id:
        if not isinstance(topic_id, str) or topic_id not in {t.id for t in session.topics}:
            raise NotFoundError("หัวข้อ / topic", str(topic_id)[:40])
        topic = topic_id
    sub = AudienceSubmission(session_id=phone.session_id, phone_id=phone.id, client_key=key, kind=kind,
                             type=type_, stance=stance, topic_id=topic, text=clean, score=score,
                             state=State.PENDING, flagged=bool(clean and svc.profanity_found(clean)),
                             created_at=now())
    s.add(sub)
    s.flush()
    if kind == Kind.RATING:
        if session.kind != e.SessionKind.EXHIBITION:
            raise SalaError("เวทีนี้ไม่ได้เปิดให้ให้คะแนน", "This session does not take ratings")
        band = e.AgeBand(phone.age_band) if phone.age_band else None
        r = Rating(session_id=session.id, score=score, comment="", age_band=band, recorded_at=sub.created_at)
        s.add(r)
        s.flush()
        sub.state, sub.record_id, sub.decided_at = State.ACCEPTED, r.id, sub.created_at
    else:
        svc.accept_on_arrival(s, sub)
    return Receipt(sub.id, State(sub.state))


def _voted(s: OrmSession, phone_id: str, kind: Target, target_id: str) -> bool:
    return s.scalars(select(AudienceVote.id).where(AudienceVote.phone_id == phone_id,
                                                   AudienceVote.target_kind == kind,
                                                   AudienceVote.target_id == target_id)).first() is not None


def _dots_used(s: OrmSession, phone_id: str) -> int:
    return int(s.execute(select(func.count()).select_from(AudienceVote).where(
        AudienceVote.phone_id == phone_id, AudienceVote.target_kind == Target.PROPOSAL)).scalar_one())
