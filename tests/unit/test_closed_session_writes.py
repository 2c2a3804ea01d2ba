"""A closed session is read-only until reopened, a finalized one for good: the services refuse
every write to what it holds with a Thai and English message, and write nothing (issue 10)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sala.domain import enums as e
from sala.domain.errors import ImmutableError
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.storage.models import Contribution, Observation, Participant


@pytest.fixture
def sid(services) -> str:
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.set_status(sid, "open")
    return sid


def _counts(services) -> tuple[int, int, int]:
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Contribution, Observation, Participant))


def _refused(exc: pytest.ExceptionInfo[ImmutableError], word_th: str) -> None:
    assert word_th in exc.value.th and exc.value.en, (exc.value.th, exc.value.en)


@pytest.mark.parametrize(("status", "word_th"), [("closed", "ปิดแล้ว"), ("finalized", "ยืนยันแล้ว")])
def test_writes_to_a_closed_or_finalized_session_are_refused(services, sid, status, word_th) -> None:
    kept = services.contributions.add(sid, ContributionInput("opinion", "ควรห้ามเผาในที่โล่ง"))
    note = services.observations.add(sid, "ผู้เข้าร่วมสนใจมาก")
    services.participants.add(sid, ParticipantInput("P01"))
    services.sessions.set_status(sid, "closed")
    if status == "finalized":
        services.sessions.set_status(sid, "finalized")
    before = _counts(services)
    attempts = [
        lambda: services.contributions.add(sid, ContributionInput("opinion", "พิมพ์หลังปิดเวที")),
        lambda: services.contributions.update(kept.id, ContributionInput("opinion", "แก้หลังปิดเวที")),
        lambda: services.contributions.delete(kept.id),
        lambda: services.contributions.restore(kept),
        lambda: services.observations.add(sid, "บันทึกหลังปิด"),
        lambda: services.observations.update(note.id, "แก้หลังปิด"),
        lambda: services.participants.add(sid, ParticipantInput("P02")),
    ]
    for attempt in attempts:
        with pytest.raises(ImmutableError) as exc:
            attempt()
        _refused(exc, word_th)
    assert _counts(services) == before
    assert services.contributions.get(kept.id).text == "ควรห้ามเผาในที่โล่ง"


def test_reopened_session_takes_entries_again(services, sid) -> None:
    services.sessions.set_status(sid, "closed")
    with pytest.raises(ImmutableError):
        services.contributions.add(sid, ContributionInput("idea", "ปลูกต้นไม้"))
    services.sessions.set_status(sid, "open")
    added = services.contributions.add(sid, ContributionInput("idea", "ปลูกต้นไม้"))
    assert services.contributions.get(added.id).text == "ปลูกต้นไม้"
