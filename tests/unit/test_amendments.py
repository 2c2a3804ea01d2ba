"""Amendments: only for finalized sessions, reason required, queued for sync in one transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput, SessionInput
from sala.services.tallies import TallyInput
from sala.storage.models import Amendment, OutboxEntry


@pytest.fixture
def finalized(services):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5", e.SessionKind.MINITALK, province="LPG")).id
    c = services.contributions.add(sid, ContributionInput("opinion", "ควรมีจุดวัดฝุ่นทุกตำบล"))
    t = services.tallies.add(sid, TallyInput("เห็นด้วยกับการห้ามเผาหรือไม่", 10, 2, 1))
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    return sid, c, t


def _outbox(services, rtype: str) -> list[OutboxEntry]:
    with services.db.read() as s:
        return list(s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == rtype)))


def test_amend_contribution_is_stored_and_queued(services, finalized) -> None:
    sid, c, _ = finalized
    a = services.amendments.amend("contribution", c.id, {"text": "ควรมีจุดวัดฝุ่นทุกหมู่บ้าน", "stance": "support"},
                                  "ผู้พูดแก้ไขคำพูดหลังปิดเวที")
    assert a.session_id == sid and a.supersedes_id is None
    [queued] = _outbox(services, "amendment")
    body = json.loads(queued.envelope)
    assert queued.record_id == a.id and queued.session_id == sid
    assert "ทุกหมู่บ้าน" in json.dumps(body, ensure_ascii=False)
    # The original stays as it was; the amendment supersedes it.
    assert services.contributions.get(c.id).text == "ควรมีจุดวัดฝุ่นทุกตำบล"
    b = services.amendments.amend("contribution", c.id, {"type": "idea"}, "จัดประเภทใหม่")
    assert b.supersedes_id == a.id
    fields, history = services.amendments.effective(sid)[c.id]
    assert fields == {"text": "ควรมีจุดวัดฝุ่นทุกหมู่บ้าน", "stance": "support", "type": "idea"}
    assert [h.id for h in history] == [a.id, b.id]
    assert [x.id for x in services.amendments.list(sid)] == [a.id, b.id]


def test_amend_tally(services, finalized) -> None:
    _, _, t = finalized
    services.amendments.amend("tally", t.id, {"count_for": "11"}, "นับใหม่")
    [a] = services.amendments.list(t.session_id)
    assert a.changes == {"count_for": 11}


@pytest.mark.parametrize("target, changes, reason, field", [
    ("contribution", {"text": "x"}, "   ", "reason"),
    ("contribution", {"text": ""}, "why", "text"),
    ("contribution", {"stance": "maybe"}, "why", "stance"),
    ("contribution", {"session_id": "x"}, "why", "changes"),
    ("contribution", {}, "why", "changes"),
    ("photo", {"text": "x"}, "why", "target_type"),
])
def test_invalid_amendments_write_nothing(services, finalized, target, changes, reason, field) -> None:
    _, c, _ = finalized
    with pytest.raises(ValidationError) as info:
        services.amendments.amend(target, c.id, changes, reason)
    assert info.value.field == field and info.value.th and info.value.en
    with services.db.read() as s:
        assert s.scalars(select(Amendment)).first() is None
    assert _outbox(services, "amendment") == []


def test_amendment_needs_finalized_session(services) -> None:
    sid = services.sessions.create(SessionInput("เปิดอยู่", e.SessionKind.MINITALK, province="BKK")).id
    c = services.contributions.add(sid, ContributionInput("idea", "ข้อเสนอ"))
    with pytest.raises(ValidationError) as info:
        services.amendments.amend("contribution", c.id, {"text": "แก้"}, "เหตุผล")
    assert info.value.field == "target_id"
    assert services.amendments.list(sid) == []


def test_amend_session_title(services, finalized) -> None:
    sid, _, _ = finalized
    a = services.amendments.amend("session", sid, {"title": "เวทีฝุ่น PM2.5 ลำปาง"}, "สะกดชื่อผิด")
    assert a.target_id == sid and a.session_id == sid
