"""``sala demo-data``: fill the database with realistic Thai sessions of all three kinds.

Rows go in through SQLAlchemy Core in large transactions (thousands of sessions must not take
minutes); sequence numbers come from storage's one counter (``take_change_seqs``, as the flush
hook and the capture fast path take theirs), in the order the rows were made. Demo
data behaves like real data: every finalized session is handed, in the same transaction, to
the same ``on_finalize`` a real finalize calls (the outbox snapshot), so demo → enroll → sync
sends it; and every session that took place has a plausible head count.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import BANGKOK
from sala.domain.ids import new_id
from sala.domain.provinces import all_provinces
from sala.services import demo_phrases as ph
from sala.storage.database import Database, take_change_seqs
from sala.storage.models import (
    Contribution,
    Guide,
    GuideQuestion,
    Participant,
    Proposal,
    Rating,
    Session,
    Tally,
    Topic,
    Venue,
    Vote,
    session_topic,
)

FOCUS_PROVINCES = ("LPG", "CMI", "CBI", "AYA", "BKK", "KKN", "SKA", "NMA")


class _Rows:
    """Collects rows per table with the columns every synced record needs (``seq`` is given
    by :meth:`number`, once all are made)."""

    def __init__(self, device_id: str) -> None:
        self.device_id = device_id
        self.tables: dict[Any, list[dict[str, Any]]] = {}
        self._made: list[dict[str, Any]] = []

    def add(self, model: Any, when: datetime, **values: Any) -> str:
        row = {"id": new_id(), "device_id": self.device_id, "created_at": when, "updated_at": when, **values}
        self.tables.setdefault(model, []).append(row)
        self._made.append(row)
        return row["id"]

    def number(self, s: OrmSession) -> None:
        """Give every row its change seq, in the order they were made, from the device's counter."""
        if not self._made:
            return
        last = take_change_seqs(s, self.device_id, len(self._made))
        for seq, row in enumerate(self._made, last - len(self._made) + 1):
            row["seq"] = seq


def _sentence(rng: random.Random, topic: str, kind: e.ContributionType) -> str:
    bank = ph.TOPIC_PHRASES.get(topic, ph.GENERIC)
    if kind == e.ContributionType.QUESTION:
        return f"{rng.choice(bank['subject'])} {rng.choice(ph.QUESTIONS)}"
    if kind == e.ContributionType.PRAISE:
        return rng.choice(ph.PRAISE)
    parts = [rng.choice(ph.OPENERS) + rng.choice(bank["subject"]) + rng.choice(bank["problem"])]
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        parts.append(rng.choice(ph.CONNECTORS) + rng.choice(bank["proposal"] + bank["problem"]))
    if kind == e.ContributionType.IDEA:
        parts.append(rng.choice(bank["proposal"]))
    return " ".join(parts)


FinalizeHook = Callable[[OrmSession, Session], Any]


def generate(db: Database, sessions: int, *, seed: int = 2569, contributions_per_session: int | None = None,
             days: int = 730, on_finalize: FinalizeHook | None = None) -> dict[str, int]:
    """Add ``sessions`` sessions (mixed kinds) with participants and what they said.

    ``on_finalize`` is what a real finalize runs in its transaction (bootstrap wires the outbox's
    ``enqueue_finalized_session`` into ``SessionService``); it is the same by default.
    """
    if on_finalize is None:
        from sala.sync.outbox import enqueue_finalized_session

        on_finalize = enqueue_finalized_session
    rng = random.Random(seed)
    provinces = {p.code: p for p in all_provinces()}
    with db.read() as s:
        topics = {t.code: t.id for t in s.scalars(select(Topic))}
    if not topics:
        from sala.services.catalog import CatalogService

        CatalogService(db).ensure_defaults()
        with db.read() as s:
            topics = {t.code: t.id for t in s.scalars(select(Topic))}
    counts = {"sessions": 0, "contributions": 0, "participants": 0, "ratings": 0, "finalized": 0}
    end = datetime.now(UTC)
    done = 0
    while done < sessions:
        chunk = min(200, sessions - done)
        _generate_chunk(db, rng, chunk, topics, provinces, end, days, contributions_per_session, counts, on_finalize)
        done += chunk
    return counts


def _generate_chunk(db: Database, rng: random.Random, n: int, topics: dict[str, str], provinces: dict,
                    end: datetime, days: int, per_session: int | None, counts: dict[str, int],
                    on_finalize: FinalizeHook) -> None:
    with db.write() as s:
        rows = _Rows(db.device_id)
        links: list[dict[str, str]] = []
        finalized: list[str] = []
        for _ in range(n):
            kind = rng.choices(list(e.SessionKind), weights=(5, 3, 2))[0]
            code = rng.choice(FOCUS_PROVINCES) if rng.random() < 0.6 else rng.choice(list(provinces))
            prov = provinces[code]
            topic = rng.choice([t for t in ph.SESSION_TITLES if t in topics] or list(topics))
            start = (end - timedelta(days=rng.uniform(0, days))).replace(minute=0, second=0, microsecond=0)
            local = start.astimezone(BANGKOK)
            venue_name, venue_kind = rng.choice(ph.VENUES)
            venue_id = rows.add(Venue, start, name=f"{venue_name} {prov.name_th}", kind=venue_kind,
                                province_code=code, district="เมือง" + prov.name_th, last_used_at=start)
            title = rng.choice(ph.SESSION_TITLES.get(topic, ["เวทีรับฟังความคิดเห็น {place}"]))
            title = title.format(place=f"จังหวัด{prov.name_th}", year=local.year + 543)
            status = rng.choices(list(e.SessionStatus), weights=(1, 1, 2, 6))[0]
            sid = rows.add(Session, start, kind=kind, title=title, status=status, venue_id=venue_id,
                           province_code=code, district="เมือง" + prov.name_th,
                           facilitators=rng.choice(["สมชาย ใจดี", "วิภาวรรณ แสงทอง", "อรุณี ศรีสุข, ธนากร มั่นคง"]),
                           planned_start=start, planned_end=start + timedelta(hours=2), started_at=start,
                           ended_at=start + timedelta(hours=2) if status != e.SessionStatus.DRAFT else None,
                           finalized_at=start + timedelta(hours=3) if status == e.SessionStatus.FINALIZED else None,
                           notes="", session_date=local.date(), attendance_total=None, attendance_detail=None)
            links.append({"session_id": sid, "topic_id": topics[topic]})
            counts["sessions"] += 1
            if kind == e.SessionKind.EXHIBITION:
                came = _exhibition(rows, rng, sid, start, counts, per_session)
            else:
                came = _talk(rows, rng, sid, start, kind, topic, topics, code, counts, per_session)
            if status != e.SessionStatus.DRAFT:  # a draft has not happened yet: no head count
                session_row = rows.tables[Session][-1]
                session_row["attendance_total"], session_row["attendance_detail"] = came
            if status == e.SessionStatus.FINALIZED:
                finalized.append(sid)
        rows.number(s)
        by_table = {model.__table__: batch for model, batch in rows.tables.items()}
        for table in Session.metadata.sorted_tables:  # parents before children
            if table in by_table:
                s.connection().execute(table.insert(), by_table[table])
        s.connection().execute(session_topic.insert(), links)
        for sid in finalized:  # what SessionService.set_status does on finalize, in this transaction
            on_finalize(s, s.get_one(Session, sid))
            s.flush()
            s.expunge_all()  # keep the identity map small over a 200-session chunk
        counts["finalized"] += len(finalized)


Attendance = tuple[int, dict[str, dict[str, int]] | None]


def _head_count(total: int, groups: dict[str, Counter]) -> Attendance:
    """``total`` with the known (stated) part of each group; the rest stays "not stated"."""
    detail = {dim: {k: n for k, n in sorted(c.items()) if k != "not_stated"} for dim, c in groups.items()}
    detail = {dim: g for dim, g in detail.items() if g}
    return total, detail or None


def _talk(rows: _Rows, rng: random.Random, sid: str, start: datetime, kind: e.SessionKind, topic: str,
          topics: dict[str, str], province: str, counts: dict[str, int], per_session: int | None) -> Attendance:
    """A minitalk or focus group; returns its head count: everyone registered, plus some who only listened."""
    n_people = rng.randint(6, 12) if kind == e.SessionKind.FOCUS_GROUP else rng.randint(15, 60)
    people = []
    groups: dict[str, Counter] = {"age_band": Counter(), "gender": Counter(), "occupation": Counter()}
    for i in range(1, n_people + 1):
        person = {"age_band": rng.choices(list(e.AgeBand), weights=(5, 15, 20, 20, 25, 12, 3))[0],
                  "gender": rng.choices(list(e.Gender), weights=(50, 45, 2, 3))[0],
                  "occupation": rng.choice(list(e.Occupation))}
        for dim, value in person.items():
            groups[dim][value.value] += 1
        people.append(rows.add(
            Participant, start, session_id=sid, code=f"P{i:02d}", **person, province_code=province,
            consent=rng.choice((e.ConsentKind.VERBAL, e.ConsentKind.WRITTEN, e.ConsentKind.NONE)),
            consent_at=start, consent_purpose=""))
    counts["participants"] += n_people
    listeners = 0 if kind == e.SessionKind.FOCUS_GROUP else rng.randint(0, n_people)
    questions: list[str | None] = [None]
    if kind == e.SessionKind.FOCUS_GROUP:
        gid = rows.add(Guide, start, title="แนวคำถามสนทนากลุ่ม", is_template=False, session_id=sid)
        questions = [rows.add(GuideQuestion, start, guide_id=gid, position=i, text=q)
                     for i, q in enumerate(ph.GUIDE_QUESTIONS)]
    else:
        rows.add(Tally, start, session_id=sid, question="เห็นด้วยกับข้อเสนอหลักของเวทีหรือไม่",
                 count_for=rng.randint(5, 40), count_against=rng.randint(0, 15), count_abstain=rng.randint(0, 8))
    n = per_session if per_session is not None else rng.randint(20, 140)
    for i in range(n):
        ctype = rng.choices(list(e.ContributionType), weights=(30, 20, 25, 12, 8, 5))[0]
        when = start + timedelta(seconds=30 * i + rng.randint(0, 29))
        rows.add(Contribution, when, session_id=sid, type=ctype, text=_sentence(rng, topic, ctype),
                 stance=rng.choice((e.Stance.SUPPORT, e.Stance.OPPOSE, e.Stance.NEUTRAL, None)),
                 tags=rng.sample(["เร่งด่วน", "สุขภาพ", "งบประมาณ", "เยาวชน", "ผู้สูงอายุ"], rng.randint(0, 2)),
                 participant_id=rng.choice(people) if rng.random() < 0.8 else None,
                 question_id=rng.choice(questions), topic_id=topics.get(topic), recorded_at=when)
    counts["contributions"] += n
    return _head_count(n_people + listeners, groups)


def _exhibition(rows: _Rows, rng: random.Random, sid: str, start: datetime, counts: dict[str, int],
                per_session: int | None) -> Attendance:
    """An exhibition; returns its head count: the visitors who rated, plus some who only looked."""
    proposals = [rows.add(Proposal, start, session_id=sid, position=i, title=t)
                 for i, t in enumerate(rng.sample(ph.PROPOSALS, 4))]
    visitors = per_session if per_session is not None else rng.randint(40, 250)
    ages: Counter = Counter()
    for i in range(visitors):
        when = start + timedelta(seconds=40 * i)
        band = rng.choice(list(e.AgeBand) + [None])
        if band is not None:
            ages[band.value] += 1
        rid = rows.add(Rating, when, session_id=sid, score=rng.choices((1, 2, 3, 4, 5), weights=(3, 5, 15, 40, 37))[0],
                       comment=rng.choice(ph.EXHIBITION_COMMENTS), age_band=band, recorded_at=when)
        for pid in rng.sample(proposals, rng.randint(1, 2)):
            rows.add(Vote, when, session_id=sid, rating_id=rid, proposal_id=pid)
    counts["ratings"] += visitors
    return _head_count(visitors + rng.randint(0, visitors // 2 + 5), {"age_band": ages})
