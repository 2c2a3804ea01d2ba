"""Tallies and action items: stored, validated in both languages, frozen once finalized."""

from __future__ import annotations

from datetime import date

import pytest

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import SessionInput
from sala.services.action_items import ActionItemInput
from sala.services.tallies import TallyInput


@pytest.fixture
def session_id(services) -> str:
    return services.sessions.create(SessionInput("เวทีทดสอบ", e.SessionKind.MINITALK, province="CMI")).id


def test_tally_add_update_delete_list(services, session_id) -> None:
    t = services.tallies.add(session_id, TallyInput("ควรห้ามเผาในที่โล่งหรือไม่", 12, 3, 1))
    assert t.total == 16
    services.tallies.update(t.id, TallyInput("ควรห้ามเผาในที่โล่งตลอดปีหรือไม่", "14", 3, 0))
    [got] = services.tallies.list(session_id)
    assert (got.question, got.count_for, got.count_against, got.count_abstain) == (
        "ควรห้ามเผาในที่โล่งตลอดปีหรือไม่", 14, 3, 0)
    second = services.tallies.add(session_id, TallyInput("ข้อที่สอง"))
    assert [x.id for x in services.tallies.list(session_id)] == [t.id, second.id]
    assert services.tallies.delete(t.id).question.startswith("ควรห้าม")
    assert [x.id for x in services.tallies.list(session_id)] == [second.id]


@pytest.mark.parametrize("data, field", [
    (TallyInput("  "), "question"),
    (TallyInput("q", -1), "count_for"),
    (TallyInput("q", 0, "สาม"), "count_against"),
    (TallyInput("q", 0, 0, 2_000_000), "count_abstain"),
])
def test_tally_validation_names_field_in_both_languages(services, session_id, data, field) -> None:
    with pytest.raises(ValidationError) as info:
        services.tallies.add(session_id, data)
    assert info.value.field == field
    assert info.value.th and info.value.en and info.value.th != info.value.en
    assert services.tallies.list(session_id) == []


def test_action_items(services, session_id) -> None:
    a = services.action_items.add(session_id, ActionItemInput("ทำหนังสือถึงอำเภอ", "ปลัดอำเภอ", date(2026, 1, 15)))
    services.action_items.update(a.id, ActionItemInput("ทำหนังสือถึงอำเภอ", "ปลัดอำเภอ", date(2026, 1, 20), True))
    [got] = services.action_items.list(session_id)
    assert got.due == date(2026, 1, 20) and got.done and got.who == "ปลัดอำเภอ"
    with pytest.raises(ValidationError) as info:
        services.action_items.add(session_id, ActionItemInput(""))
    assert info.value.field == "what"
    services.action_items.delete(a.id)
    assert services.action_items.list(session_id) == []


def test_finalized_session_refuses_changes(services, session_id) -> None:
    t = services.tallies.add(session_id, TallyInput("q", 1))
    a = services.action_items.add(session_id, ActionItemInput("w"))
    services.sessions.close(session_id)
    services.sessions.finalize(session_id)
    for call in (lambda: services.tallies.add(session_id, TallyInput("x")),
                 lambda: services.tallies.update(t.id, TallyInput("x")),
                 lambda: services.tallies.delete(t.id),
                 lambda: services.action_items.update(a.id, ActionItemInput("x")),
                 lambda: services.action_items.delete(a.id)):
        with pytest.raises(ImmutableError):
            call()


def test_changing_a_record_that_is_gone_names_it(services, session_id) -> None:
    from sala.domain.errors import NotFoundError
    from sala.domain.inputs import ContributionInput

    for call, words in ((lambda: services.tallies.update("nope", TallyInput("x")), "tally"),
                        (lambda: services.action_items.delete("nope"), "action item"),
                        (lambda: services.observations.update("nope", "x"), "observation"),
                        (lambda: services.contributions.update("nope", ContributionInput("opinion", "x")),
                         "contribution")):
        with pytest.raises(NotFoundError) as info:
            call()
        assert words in info.value.en and "ไม่พบ" in info.value.th and info.value.ident == "nope"
