"""A participant's erasure reaches a real sala-central (issue 12), by network and by USB bundle,
in either order with the personal records it erases; audit entries travel with it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sala.bootstrap import Services
from sala.cli import main as sala_main
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.sync.messages import Outcome
from sala.wire import privacy
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, laptop

NAME, PHONE = "สมศรี มีสุข", "081-234-5678"
PIN = "250731"


@pytest.fixture(autouse=True)
def _pin_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """``sala participant erase`` asks for the supervisor PIN: typed on standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))


def _finalized_session(svc: Services) -> tuple[str, str]:
    topics = svc.catalog.topics()
    sid = svc.sessions.create(SessionInput(title="เวทีฝุ่นควัน ลำปาง", kind="minitalk", province="ลำปาง",
                                           topic_ids=[topics[0].id])).id
    svc.sessions.open(sid)
    p = svc.participants.add(sid, ParticipantInput("P07", age_band="25_34", consent="written",
                                                   contact_name=NAME, phone=PHONE))
    svc.participants.add(sid, ParticipantInput("P99"))
    svc.contributions.add(sid, ContributionInput("concern", "ฝุ่นมากตอนเช้า", participant_code="P07"))
    svc.contributions.add(sid, ContributionInput("idea", "ติดเครื่องวัดฝุ่นที่โรงเรียน", participant_code="P07"))
    svc.contributions.add(sid, ContributionInput("idea", "คนอื่นพูด", participant_code="P99"))
    svc.sessions.close(sid)
    svc.sessions.finalize(sid)
    if not svc.supervisor.is_set():
        svc.supervisor.set_pin(PIN, PIN)
    return sid, p.id


def _central_rows(server) -> list[tuple[str, str, str]]:
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            return [tuple(r) for r in c.execute(text("select id, type, body from records"))]
    finally:
        eng.dispose()


def _erased_on_central(server) -> set[str]:
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            return set(c.execute(text("select participant_id from erasures")).scalars())
    finally:
        eng.dispose()


def _assert_scrubbed(rows: list[tuple[str, str, str]], pid: str) -> None:
    by_type: dict[str, list[tuple[str, dict]]] = {}
    for rid, typ, body in rows:
        by_type.setdefault(typ, []).append((rid, json.loads(body)))
    (sealed,) = by_type["sealed_personal_data"]
    assert sealed[1] == {"participant_id": pid, "erased_by": sealed[1]["erased_by"]}   # the box is gone
    participant = dict(by_type["participant"])
    assert participant[pid]["code"].startswith(privacy.ERASED_CODE_PREFIX)
    words = {b["text"]: b["participant_id"] for _rid, b in by_type["contribution"]}
    assert words["ฝุ่นมากตอนเช้า"] is None and words["ติดเครื่องวัดฝุ่นที่โรงเรียน"] is None
    assert words["คนอื่นพูด"] is not None
    (erasure,) = by_type[privacy.ERASURE_TYPE]
    assert erasure[1]["participant_ids"] == [pid]
    audits = sorted((b for _rid, b in by_type[privacy.AUDIT_TYPE]), key=lambda a: a["position"])
    # the supervisor PIN being set, then the erasure: the laptop's whole chain, on the platform
    assert [a["action"] for a in audits] == ["settings.change", "participant.erase"]
    assert audits[1]["prev_hash"] == audits[0]["hash"] and audits[0]["prev_hash"] == privacy.GENESIS
    assert audits[1]["id"] == erasure[1]["audit_entry_id"] and audits[1]["actor_role"] == "supervisor"
    assert all("P07" not in body for _rid, typ, body in rows if typ in privacy.PERSONAL_TYPES)


def test_erasure_by_network_scrubs_what_the_platform_holds(central, tmp_path: Path) -> None:
    field = laptop(tmp_path, "field")
    try:
        enroll(field, central)                     # the sealing key is known: contacts are sealed
        _sid, pid = _finalized_session(field)
        assert field.sync.sync(policy=FAST).outcome is Outcome.OK
        before = _central_rows(central)
        assert any(t == "sealed_personal_data" and "box" in b for _i, t, b in before)
        code = sala_main(["--db", str(field.paths.database), "participant", "erase", "--code", "p07",
                          "--reason", "ผู้ร่วมขอให้ลบตาม PDPA", "--yes"])
        assert code == 0
        assert field.sync.sync(policy=FAST).outcome is Outcome.OK
        _assert_scrubbed(_central_rows(central), pid)
        assert _erased_on_central(central) == {pid}
        assert_exactly_once(central, [field])
    finally:
        field.close()


def test_a_bundle_carries_the_erasure_and_the_audit_entries(central, tmp_path: Path) -> None:
    """A laptop that never syncs itself: its supervisor forwards the bundle made after the
    erasure (it holds the session's records, the erasure and the audit entry)."""
    field, boss = laptop(tmp_path, "field"), laptop(tmp_path, "supervisor")
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        enroll(field, central)   # the service learns a laptop's key only by enrollment
        _sid, pid = _finalized_session(field)
        assert sala_main(["--db", str(field.paths.database), "participant", "erase", "--code", "P07",
                          "--reason", "ขอให้ลบ", "--yes"]) == 0
        info = field.sync.export_bundle(usb / "field.sala")
        assert info["records"] >= 8
        enroll(boss, central)
        boss.sync.import_bundle(usb / "field.sala")
        assert boss.sync.sync(policy=FAST).outcome is Outcome.OK
        _assert_scrubbed(_central_rows(central), pid)
        assert _erased_on_central(central) == {pid}
        assert field.sync.sync(policy=FAST).outcome is Outcome.OK      # direct later: all duplicates
        _assert_scrubbed(_central_rows(central), pid)
        assert_exactly_once(central, [field])
    finally:
        field.close()
        boss.close()
