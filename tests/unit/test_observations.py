"""Facilitator observations: add with a chosen id (undo/redo), edit, delete returning what was
removed, refused on a finalized session; corrections then go through an amendment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.ids import new_id
from sala.domain.inputs import SessionInput


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("สนทนากลุ่มฝุ่น", e.SessionKind.FOCUS_GROUP, province="LPG")).id


def test_add_with_id_edit_delete_and_put_back(services, sid) -> None:
    oid, when = new_id(), datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    o = services.observations.add(sid, "  ผู้สูงอายุพูดน้อย  ", observation_id=oid, recorded_at=when)
    assert (o.id, o.text, o.recorded_at) == (oid, "ผู้สูงอายุพูดน้อย", when)
    assert services.observations.update(oid, "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม").text == "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม"
    gone = services.observations.delete(oid)
    assert gone.text == "ผู้สูงอายุพูดน้อย ควรถามเพิ่ม" and services.observations.list(sid) == []
    back = services.observations.add(sid, gone.text, gone.question_id, observation_id=gone.id,
                                      recorded_at=gone.recorded_at)
    assert services.observations.list(sid) == [back] and back.id == oid
    with pytest.raises(ValidationError) as err:
        services.observations.update(oid, "   ")
    assert err.value.th and err.value.en


def test_finalized_observation_is_amended_not_edited(services, sid) -> None:
    o = services.observations.add(sid, "บรรยากาศตึงเครียด")
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with pytest.raises(ImmutableError):
        services.observations.update(o.id, "บรรยากาศผ่อนคลาย")
    with pytest.raises(ImmutableError):
        services.observations.delete(o.id)
    with pytest.raises(ValidationError):
        services.amendments.amend("observation", o.id, {"text": "บรรยากาศผ่อนคลาย"}, "")  # no reason
    a = services.amendments.amend("observation", o.id, {"text": "บรรยากาศผ่อนคลาย"}, "จดผิดคน")
    assert services.amendments.effective(sid)[o.id][0] == {"text": "บรรยากาศผ่อนคลาย"}
    assert a.target_type == "observation" and services.observations.get(o.id).text == "บรรยากาศตึงเครียด"
