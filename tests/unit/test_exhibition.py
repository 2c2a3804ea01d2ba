"""Exhibition: proposals, one transaction per visitor, the live tally, the supervisor PIN."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sala.domain import enums as e
from sala.domain.errors import NotFoundError, ValidationError
from sala.domain.inputs import SessionInput
from sala.storage.models import LocalSetting, Rating, Vote


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("นิทรรศการงบประมาณ", e.SessionKind.EXHIBITION, province="CBI")).id


def test_visits_make_ratings_and_votes_and_a_tally(services, sid) -> None:
    ex = services.exhibition
    a = ex.add_proposal(sid, "สวนสาธารณะ")
    b = ex.add_proposal(sid, "ทางเท้า")
    ex.move_proposal(b.id, -1)
    assert [p.title for p in ex.proposals(sid)] == ["ทางเท้า", "สวนสาธารณะ"]
    ex.record_visit(sid, 5, [a.id, b.id], "ดีมาก", e.AgeBand.A18_24)
    ex.record_visit(sid, 3, [a.id])
    ex.record_visit(sid, 4)
    t = ex.tally(sid)
    assert t.visitors == 3 and t.average == pytest.approx(4.0)
    assert t.distribution == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    assert t.votes == ((b.id, "ทางเท้า", 1), (a.id, "สวนสาธารณะ", 2))
    with pytest.raises(ValidationError):
        ex.delete_proposal(a.id)


def test_bad_visit_writes_nothing(services, sid) -> None:
    ex = services.exhibition
    with pytest.raises(ValidationError):
        ex.record_visit(sid, 6)
    with pytest.raises(ValidationError):
        ex.record_visit(sid, 3, comment="ก" * 501)
    with pytest.raises(NotFoundError):
        ex.record_visit(sid, 3, ["no-such-proposal"])
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(Rating)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Vote)).scalar_one() == 0


def test_pin_is_salted_hash_and_verifies(services) -> None:
    pin = services.kiosk_pin
    assert not pin.is_set() and not pin.verify("1234")
    with pytest.raises(ValidationError):
        pin.set("1234", "1235")
    with pytest.raises(ValidationError):
        pin.set("12", "12")
    pin.set("2468", "2468")
    assert pin.is_set() and pin.verify("2468") and not pin.verify("2469")
    with services.db.read() as s:
        stored = s.get(LocalSetting, "kiosk.supervisor_pin").value
    assert "2468" not in str(stored) and len(stored["salt"]) == 32
    pin.set("2468", "2468")
    with services.db.read() as s:
        assert s.get(LocalSetting, "kiosk.supervisor_pin").value["salt"] != stored["salt"]
