"""A participant's rights (issue 12): find across sessions, export content, erase with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from sala.bootstrap import Services
from sala.domain.errors import SalaError, ValidationError
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.services import audit
from sala.services.participant_rights import ParticipantRightsService
from sala.storage.models import Contribution, OutboxEntry, Participant, ParticipantContact
from sala.wire import privacy


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALA_KEY_DIR", str(tmp_path / "keys"))


def _session(services: Services, title: str, code: str, texts: list[str], *, finalize: bool,
             contact: bool = True) -> tuple[str, str]:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title=title, kind="minitalk", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    services.sessions.open(sid)
    extra = dict(consent="written", contact_name="สมศรี มีสุข", phone="081-234-5678",
                 email="somsri@example.org") if contact else {}
    p = services.participants.add(sid, ParticipantInput(code, age_band="25_34", gender="female", **extra))
    services.participants.add(sid, ParticipantInput("P99"))
    for t in texts:
        services.contributions.add(sid, ContributionInput("concern", t, participant_code=code))
    services.contributions.add(sid, ContributionInput("idea", "คนอื่นพูด", participant_code="P99"))
    if finalize:
        services.sessions.close(sid)
        services.sessions.finalize(sid)
    return sid, p.id


@pytest.fixture
def rights(services: Services) -> ParticipantRightsService:
    return ParticipantRightsService(services.db)


def test_find_by_code_across_sessions_any_case(services: Services, rights: ParticipantRightsService) -> None:
    _session(services, "เวทีฝุ่นควัน ลำปาง", "P07", ["ฝุ่นมากตอนเช้า", "เด็กไอทุกวัน"], finalize=True)
    _session(services, "เวทีงบประมาณ", "P07", ["อยากได้สวน"], finalize=False, contact=False)
    found = rights.find(code=" p07 ")
    assert [r.session_title for r in found] == ["เวทีฝุ่นควัน ลำปาง", "เวทีงบประมาณ"] or \
        sorted(r.session_title for r in found) == ["เวทีงบประมาณ", "เวทีฝุ่นควัน ลำปาง"]
    assert {len(r.contributions) for r in found} == {2, 1}
    assert all(r.code == "P07" for r in found)
    assert rights.find(code="P08") == []
    with pytest.raises(ValidationError) as err:
        rights.find()
    assert err.value.th and err.value.en


def test_erase_removes_contact_link_and_code_keeps_words_and_counts(
        services: Services, rights: ParticipantRightsService) -> None:
    sid, pid = _session(services, "เวทีฝุ่นควัน ลำปาง", "P07", ["ฝุ่นมากตอนเช้า", "เด็กไอทุกวัน"], finalize=True)
    sid2, pid2 = _session(services, "เวทีงบประมาณ", "P07", ["อยากได้สวน"], finalize=False)
    with pytest.raises(ValidationError):
        rights.erase([pid, pid2], "   ")
    result = rights.erase([pid, pid2], "ผู้ร่วมขอให้ลบตาม PDPA")
    assert result.contributions_unlinked == 3 and result.contacts_removed == 2
    assert rights.find(code="P07") == []
    with services.db.read() as s:
        assert s.scalars(select(ParticipantContact)).all() == []
        texts = {c.text: c.participant_id for c in s.scalars(select(Contribution))}
        assert texts["ฝุ่นมากตอนเช้า"] is None and texts["อยากได้สวน"] is None
        assert texts["คนอื่นพูด"] is not None          # another person's link stays
        codes = {p.code for p in s.scalars(select(Participant))}
        assert "P07" not in codes and len(codes) == 3  # the row stays for the head counts
        entries = audit.entries(s)
        assert entries[-1].action == audit.PARTICIPANT_ERASE and entries[-1].reason == "ผู้ร่วมขอให้ลบตาม PDPA"
        assert set(entries[-1].target) == {pid, pid2}
        assert audit.verify(s) == []
        erasure = json.loads(s.scalars(select(OutboxEntry.envelope)
                                       .where(OutboxEntry.record_type == privacy.ERASURE_TYPE)).one())
        privacy.check_erasure_body(erasure["body"])
        assert erasure["body"]["participant_ids"] == sorted([pid, pid2])
        # the finalized session's queued copies no longer carry the link, the code or the contact
        for env in s.scalars(select(OutboxEntry.envelope)):
            assert "P07" not in env and "สมศรี" not in env
            rec = json.loads(env)
            assert rec["body"].get("participant_id") not in (pid, pid2) or rec["type"] in (
                "sealed_personal_data",)
    with pytest.raises(SalaError):
        rights.erase([pid], "อีกครั้ง")
    assert services.sessions.get(sid).status.value == "finalized" and sid2


def test_erase_of_an_unknown_participant_writes_nothing(services: Services, rights: ParticipantRightsService) -> None:
    with pytest.raises(SalaError) as err:
        rights.erase(["01890000-0000-7000-8000-000000000000"], "ขอให้ลบ")
    assert "01890000" in err.value.th
    with services.db.read() as s:
        assert audit.count(s) == 0


def test_collect_gives_the_persons_rows(services: Services, rights: ParticipantRightsService) -> None:
    _sid, pid = _session(services, "เวทีฝุ่นควัน ลำปาง", "P07", ["ฝุ่นมากตอนเช้า"], finalize=False)
    doc = rights.collect([pid], {"code": "P07"}).to_json()
    assert doc["records"][0]["code"] == "P07"
    assert doc["records"][0]["contributions"][0]["text"] == "ฝุ่นมากตอนเช้า"
    json.dumps(doc, ensure_ascii=False)


def test_find_by_name_or_phone_through_the_blind_index(services: Services, rights: ParticipantRightsService) -> None:
    _sid, pid = _session(services, "เวทีฝุ่นควัน ลำปาง", "P07", ["ฝุ่นมากตอนเช้า"], finalize=False)
    _sid2, pid2 = _session(services, "เวทีงบประมาณ", "A3", ["อยากได้สวน"], finalize=False)
    assert {r.participant_id for r in rights.find(name="  สมศรี   มีสุข ")} == {pid, pid2}
    assert {r.participant_id for r in rights.find(phone="0812345678")} == {pid, pid2}
    assert rights.find(name="สมชาย") == []
    (row, _) = sorted(rights.find(phone="+66 81 234 5678"), key=lambda r: r.code != "P07")
    assert row.contact_state == "readable" and row.contact_name == "สมศรี มีสุข"
    with services.db.read() as s:   # nothing plain at rest to search
        assert all(c.name == "" and c.phone == "" for c in s.scalars(select(ParticipantContact)))
    rights.erase([pid, pid2], "ขอให้ลบ")
    assert rights.find(name="สมศรี มีสุข") == [] and rights.find(phone="0812345678") == []


def test_the_erased_contact_leaves_no_bytes_in_the_database_files(services: Services,
                                                                 rights: ParticipantRightsService) -> None:
    _sid, pid = _session(services, "เวทีฝุ่นควัน ลำปาง", "P07", ["ฝุ่นมากตอนเช้า"], finalize=False)
    with services.db.read() as s:
        row = s.get(ParticipantContact, pid)
        assert row is not None and row.box
        box, name_key = bytes(row.box), row.name_key
    rights.erase([pid], "ขอให้ลบ")
    path = services.db.path
    files = [p for p in (path, path.with_name(path.name + "-wal")) if p.exists()]
    data = b"".join(p.read_bytes() for p in files)
    assert box[1:13] not in data and box[-16:] not in data      # nonce and tag of the ciphertext
    assert name_key is not None and name_key.encode() not in data
