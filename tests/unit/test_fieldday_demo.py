"""``sala demo-data`` behaves like real data: finalized sessions are in the outbox, head counts are plausible."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.inputs import ContributionInput, SessionInput, VenueInput
from sala.services.demo import generate
from sala.storage.models import (
    SYNCED_MODELS,
    Contribution,
    Guide,
    GuideQuestion,
    OutboxEntry,
    Participant,
    Proposal,
    Rating,
    Session,
    Tally,
    Vote,
)
from sala.wire import protocol


@pytest.fixture
def demo(services):
    counts = generate(services.db, 40, seed=11, contributions_per_session=6)
    return services, counts


def _outbox(services) -> list[OutboxEntry]:
    with services.db.read() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_every_finalized_demo_session_and_all_it_holds_is_queued_once(demo):
    services, counts = demo
    entries = _outbox(services)
    with services.db.read() as s:
        finalized = set(s.scalars(select(Session.id).where(Session.status == e.SessionStatus.FINALIZED)))
        kinds = {k for k, in s.execute(select(Session.kind).where(Session.id.in_(finalized)))}
        expected: set[tuple[str, str]] = {("session", sid) for sid in finalized}
        for model, rtype in ((Participant, "participant"), (Contribution, "contribution"), (Tally, "tally"),
                             (Proposal, "proposal"), (Rating, "rating"), (Vote, "vote"), (Guide, "guide")):
            expected |= {(rtype, rid) for rid in s.scalars(select(model.id).where(model.session_id.in_(finalized)))}
        expected |= {("guide_question", q) for q in s.scalars(
            select(GuideQuestion.id).join(Guide, Guide.id == GuideQuestion.guide_id)
            .where(Guide.session_id.in_(finalized)))}
    assert counts["finalized"] == len(finalized) > 0
    assert e.SessionKind.EXHIBITION in kinds and e.SessionKind.FOCUS_GROUP in kinds, "the seed covers every kind"
    assert {(x.record_type, x.record_id) for x in entries} == expected
    assert len(entries) == len(expected), "each record queued once"
    assert [x.seq for x in entries] == list(range(1, len(entries) + 1)), "sync sequence contiguous from 1"
    assert {x.session_id for x in entries} == finalized, "nothing of a draft, open or closed session travels"
    for x in entries:
        rec = json.loads(x.envelope)
        protocol.validate_record(rec)
        assert rec["device_id"] == services.db.device_id and rec["id"] == x.record_id


def test_demo_records_look_like_a_real_finalize(demo):
    services, _ = demo
    sid = services.sessions.create(SessionInput("เวทีจริงหนึ่งเวที", "minitalk", province="ลำปาง",
                                                venue=VenueInput("โรงเรียนบ้านนา", "school", "ลำปาง"))).id
    services.contributions.add(sid, ContributionInput("opinion", "ควรมีจุดวัดฝุ่นทุกตำบล", participant_code="P01"))
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    by_type: dict[str, list[set[str]]] = {}
    for x in _outbox(services):
        body = json.loads(x.envelope)["body"]
        by_type.setdefault(x.record_type, []).append(set(body))
    for rtype in ("session", "contribution", "participant"):
        shapes = by_type[rtype]
        assert all(shape == shapes[-1] for shape in shapes), f"demo {rtype} records carry the same fields as real ones"


def test_a_later_sync_sequence_follows_the_demo(demo):
    services, _ = demo
    before = len(_outbox(services))
    generate(services.db, 10, seed=12, contributions_per_session=2)
    entries = _outbox(services)
    assert len(entries) > before and [x.seq for x in entries] == list(range(1, len(entries) + 1))


def test_demo_head_counts_are_plausible(demo):
    services, _ = demo
    with services.db.read() as s:
        sessions = list(s.scalars(select(Session)))
        speakers = dict(s.execute(select(Contribution.session_id, func.count(Contribution.participant_id.distinct()))
                                  .group_by(Contribution.session_id)).all())
        visitors = dict(s.execute(select(Rating.session_id, func.count()).group_by(Rating.session_id)).all())
        registered = Counter(s.scalars(select(Participant.session_id)))
    for x in sessions:
        if x.status == e.SessionStatus.DRAFT:
            assert x.attendance_total is None
            continue
        assert x.attendance_total is not None
        assert v.attendance(x.attendance_total, x.attendance_detail) == (x.attendance_total, x.attendance_detail)
        assert x.attendance_total >= max(speakers.get(x.id, 0), visitors.get(x.id, 0), registered.get(x.id, 0))
        assert x.attendance_total >= 1
    rows = services.sessions.list()
    assert all(r.attendance_total is not None for r in rows if r.status != e.SessionStatus.DRAFT)
    assert any(r.visitor_count > 0 and r.kind == e.SessionKind.EXHIBITION for r in rows)


def test_synced_models_cover_what_demo_makes():
    made = {Session, Participant, Contribution, Rating, Vote, Proposal, Tally, Guide, GuideQuestion}
    assert made <= set(SYNCED_MODELS)
