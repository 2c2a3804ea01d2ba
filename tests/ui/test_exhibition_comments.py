"""Visitors' comments as staff see them: listed newest first, an abusive one hidden from the
summary (the rating still counts); after finalizing, hiding is an amendment with a reason; a
closed or finalized exhibition takes no new proposals and no visitors."""

from __future__ import annotations

import pytest

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import SessionInput
from sala.reports.session_data import load_session_data


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("นิทรรศการงบประมาณ", e.SessionKind.EXHIBITION, province="CBI")).id


def test_hidden_comment_leaves_the_summary_but_the_rating_counts(services, sid) -> None:
    ex = services.exhibition
    ex.record_visit(sid, 5, comment="อยากให้มีที่นั่งพัก")
    rude = ex.record_visit(sid, 1, comment="คำหยาบ โทร 081-234-5678")
    ex.record_visit(sid, 4)
    assert [(c.text, c.hidden) for c in ex.comments(sid)] == [
        ("คำหยาบ โทร 081-234-5678", False), ("อยากให้มีที่นั่งพัก", False)]
    assert ex.set_comment_hidden(rude, True).hidden
    assert [c.hidden for c in ex.comments(sid)] == [True, False]
    data = load_session_data(services.db, sid)
    assert data.rating_comments == [("อยากให้มีที่นั่งพัก", 1)] and data.rating_total == 3
    ex.set_comment_hidden(rude, False)
    assert len(load_session_data(services.db, sid).rating_comments) == 2


def test_after_finalize_hiding_is_an_amendment_with_a_reason(services, sid) -> None:
    ex = services.exhibition
    rude = ex.record_visit(sid, 1, comment="คำหยาบ")
    services.sessions.set_status(sid, e.SessionStatus.CLOSED)
    services.sessions.set_status(sid, e.SessionStatus.FINALIZED)
    with pytest.raises(ValidationError):
        ex.set_comment_hidden(rude, True)  # no reason
    assert ex.set_comment_hidden(rude, True, "ถ้อยคำไม่สุภาพ").hidden
    [a] = services.amendments.list(sid)
    assert (a.target_type, a.target_id, a.changes, a.reason) == ("rating", rude, {"comment_hidden": True},
                                                                 "ถ้อยคำไม่สุภาพ")
    assert load_session_data(services.db, sid).rating_comments == []


def test_closed_or_finalized_exhibition_takes_no_proposals_and_no_visitors(services, sid) -> None:
    ex = services.exhibition
    p = ex.add_proposal(sid, "ทางเท้า")
    services.sessions.set_status(sid, e.SessionStatus.CLOSED)
    for attempt in (lambda: ex.add_proposal(sid, "ตลาด"), lambda: ex.rename_proposal(p.id, "ทางเดิน"),
                    lambda: ex.record_visit(sid, 4)):
        with pytest.raises(ImmutableError) as err:
            attempt()
        assert "ปิดแล้ว" in err.value.th and "closed" in err.value.en
    services.sessions.set_status(sid, e.SessionStatus.FINALIZED)
    with pytest.raises(ImmutableError):
        ex.add_proposal(sid, "ตลาด")
    assert [x.title for x in ex.proposals(sid)] == ["ทางเท้า"] and ex.tally(sid).visitors == 0
