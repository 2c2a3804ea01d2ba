"""An exhibition proposal's optional English name (issue 13): kept, validated, shown in English with
the Thai title as fallback, printed in an English summary, and sent in the synced record."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.inputs import SessionInput
from sala.reports.session_data import load_session_data
from sala.storage.models import OutboxEntry, Proposal

PARK, PARK_EN = "ปรับปรุงสวนสาธารณะริมทะเล", "Seaside park upgrade"
PATH = "ทางเท้าและทางจักรยาน"


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("นิทรรศการงบประมาณ", e.SessionKind.EXHIBITION, province="CBI")).id


def test_english_name_is_optional_and_falls_back_to_thai(services, sid) -> None:
    ex = services.exhibition
    park = ex.add_proposal(sid, PARK, f"  {PARK_EN}\u200b ")  # cleaned like every text field
    path = ex.add_proposal(sid, PATH)
    assert (park.title_en, path.title_en) == (PARK_EN, "")
    assert [p.label("en") for p in ex.proposals(sid)] == [PARK_EN, PATH]
    assert [p.label("th") for p in ex.proposals(sid)] == [PARK, PATH]
    # renaming the Thai title keeps the English name; "" clears it; a new one replaces it
    assert ex.rename_proposal(park.id, PARK + " ชลบุรี").title_en == PARK_EN
    assert ex.rename_proposal(park.id, PARK, "").title_en == ""
    assert ex.rename_proposal(path.id, PATH, "Footpaths and cycle lanes").label("en") == "Footpaths and cycle lanes"


def test_too_long_english_name_is_refused_in_both_languages(services, sid) -> None:
    ex = services.exhibition
    with pytest.raises(ValidationError) as caught:
        ex.add_proposal(sid, PARK, "x" * 201)
    assert "ชื่อภาษาอังกฤษ" in caught.value.th and "English name" in caught.value.en
    assert ex.proposals(sid) == []  # nothing written
    park = ex.add_proposal(sid, PARK, PARK_EN)
    with pytest.raises(ValidationError):
        ex.rename_proposal(park.id, PARK, "y" * 201)
    assert ex.proposals(sid)[0].title_en == PARK_EN


def test_tally_dashboard_and_summary_speak_english(services, sid) -> None:
    ex = services.exhibition
    park = ex.add_proposal(sid, PARK, PARK_EN)
    path = ex.add_proposal(sid, PATH)
    services.sessions.open(sid)
    ex.record_visit(sid, 5, [park.id, path.id])
    ex.record_visit(sid, 4, [park.id])
    tally = ex.tally(sid)
    assert tally.vote_rows("en") == [(PARK_EN, 2), (PATH, 1)]
    assert tally.vote_rows("th") == [(PARK, 2), (PATH, 1)]
    figures = services.dashboard.exhibition(sid)
    assert [(p.label("en"), p.votes) for p in figures.proposals] == [(PARK_EN, 2), (PATH, 1)]
    assert load_session_data(services.db, sid, lang="en").votes == [(PARK_EN, 2), (PATH, 1)]
    assert load_session_data(services.db, sid, lang="th").votes == [(PARK, 2), (PATH, 1)]


def test_the_synced_proposal_carries_its_english_name(services, sid) -> None:
    ex = services.exhibition
    park = ex.add_proposal(sid, PARK, PARK_EN)
    ex.add_proposal(sid, PATH)
    services.sessions.open(sid)
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with services.db.read() as s:
        queued = list(s.scalars(select(OutboxEntry).where(OutboxEntry.record_type == "proposal")))
        stored = {p.id: p.title_en for p in s.scalars(select(Proposal))}
    bodies = {json.loads(q.envelope)["id"]: json.loads(q.envelope)["body"] for q in queued}
    assert {pid: body["title_en"] for pid, body in bodies.items()} == stored
    assert bodies[park.id]["title_en"] == PARK_EN and bodies[park.id]["title"] == PARK
