"""sala-central and the privacy record kinds (issue 12): an erasure that arrives before the
personal records it names (batches forwarded out of order) still scrubs them on arrival; a
malformed erasure or audit entry is rejected, never a 500."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from sala.domain.ids import new_id
from sala.wire import privacy
from sala.wire.protocol import make_record
from tests.integration.conftest import enroll
from tests.integration.servers import post_batch


def _bodies(server) -> dict[str, dict]:
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            return {rid: json.loads(b) for rid, b in c.execute(text("select id, body from records"))}
    finally:
        eng.dispose()


def test_an_erasure_first_scrubs_the_records_that_arrive_after_it(central) -> None:
    dev = enroll(central)
    pid, other = new_id(), new_id()
    erasure = make_record(device_id=dev.device_id, seq=5, type=privacy.ERASURE_TYPE, body={
        "participant_ids": [pid], "record_ids": [], "reason": "ขอให้ลบ",
        "erased_at": "2026-12-01T03:00:00+00:00", "actor_role": "supervisor", "audit_entry_id": new_id()})
    r = post_batch(central, dev, [erasure])
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    personal = [
        make_record(device_id=dev.device_id, seq=1, type="participant", id=pid,
                    body={"code": "P07", "session_id": new_id(), "age_band": "25_34"}),
        make_record(device_id=dev.device_id, seq=2, type="sealed_personal_data",
                    body={"participant_id": pid, "box": {"ct": "c2VjcmV0"}}),
        make_record(device_id=dev.device_id, seq=3, type="contribution",
                    body={"text": "ฝุ่นมาก", "participant_id": pid}),
        make_record(device_id=dev.device_id, seq=4, type="contribution",
                    body={"text": "คนอื่น", "participant_id": other}),
    ]
    r = post_batch(central, dev, personal)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 4, r.text
    bodies = _bodies(central)
    assert bodies[personal[0]["id"]]["code"].startswith(privacy.ERASED_CODE_PREFIX)
    assert "box" not in bodies[personal[1]["id"]]
    assert bodies[personal[2]["id"]]["participant_id"] is None
    assert bodies[personal[3]["id"]]["participant_id"] == other
    # the same records sent again are duplicates (the hash they were sent with is kept) and
    # the personal data is not stored a second time
    r = post_batch(central, dev, personal)
    assert r.json()["counts"]["duplicate"] == 4
    assert "box" not in _bodies(central)[personal[1]["id"]]


def test_malformed_privacy_records_are_rejected(central) -> None:
    dev = enroll(central)
    bad_erasure = make_record(device_id=dev.device_id, seq=1, type=privacy.ERASURE_TYPE,
                              body={"participant_ids": ["not-an-id"], "record_ids": [], "reason": "",
                                    "erased_at": "yesterday", "actor_role": "root", "audit_entry_id": "x"})
    forged_audit = make_record(device_id=dev.device_id, seq=2, type=privacy.AUDIT_TYPE, body={
        "id": new_id(), "position": 1, "at": "2026-12-01T03:00:00+00:00", "device_id": dev.device_id,
        "actor_role": "supervisor", "action": "kiosk.exit", "reason": "", "target": [],
        "prev_hash": privacy.GENESIS, "hash": "0" * 64})
    r = post_batch(central, dev, [bad_erasure, forged_audit])
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["rejected", "rejected"]
    assert results[1]["code"] == "chain_hash_mismatch"


def test_a_device_cannot_erase_what_another_device_sent(central) -> None:
    owner, stranger = enroll(central), enroll(central)
    pid = new_id()
    mine = [make_record(device_id=owner.device_id, seq=1, type="participant", id=pid, body={"code": "P07"}),
            make_record(device_id=owner.device_id, seq=2, type="contribution",
                        body={"text": "ฝุ่นมาก", "participant_id": pid})]
    assert post_batch(central, owner, mine).json()["counts"]["accepted"] == 2
    attack = make_record(device_id=stranger.device_id, seq=1, type=privacy.ERASURE_TYPE, body={
        "participant_ids": [pid], "record_ids": [mine[1]["id"]], "reason": "ลบของคนอื่น",
        "erased_at": "2026-12-01T03:00:00+00:00", "actor_role": "supervisor", "audit_entry_id": new_id()})
    assert post_batch(central, stranger, [attack]).json()["counts"]["accepted"] == 1
    later = make_record(device_id=owner.device_id, seq=3, type="contribution",
                        body={"text": "อีกเรื่อง", "participant_id": pid})
    assert post_batch(central, owner, [later]).json()["counts"]["accepted"] == 1
    bodies = _bodies(central)
    assert bodies[mine[0]["id"]]["code"] == "P07"
    assert bodies[mine[1]["id"]]["participant_id"] == pid and bodies[later["id"]]["participant_id"] == pid
    # the stranger's claim on the id first does not stop the owner's own erasure, nor a later copy
    own = make_record(device_id=owner.device_id, seq=4, type=privacy.ERASURE_TYPE, body={
        "participant_ids": [pid], "record_ids": [mine[1]["id"], later["id"]], "reason": "ขอให้ลบ",
        "erased_at": "2026-12-01T04:00:00+00:00", "actor_role": "supervisor", "audit_entry_id": new_id()})
    assert post_batch(central, owner, [own]).json()["counts"]["accepted"] == 1
    last = make_record(device_id=owner.device_id, seq=5, type="contribution",
                       body={"text": "มาทีหลัง", "participant_id": pid})
    assert post_batch(central, owner, [last]).json()["counts"]["accepted"] == 1
    bodies = _bodies(central)
    assert bodies[mine[0]["id"]]["code"].startswith(privacy.ERASED_CODE_PREFIX)
    assert all(bodies[r["id"]]["participant_id"] is None for r in (mine[1], later, last))
