"""The audit log (issue 12): append-only, hash-chained, queued for the platform.

An attacker with the file can drop the triggers and edit rows with sqlite3; each such edit is
written here as the attack and ``verify`` must name it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from sala.bootstrap import Services
from sala.domain.errors import ValidationError
from sala.services import audit
from sala.storage.models import OutboxEntry
from sala.wire import privacy


def _three(services: Services) -> list[audit.Entry]:
    with services.db.write() as s:
        a = audit.append(s, audit.SUPERVISOR, audit.SESSION_REOPEN, "แก้ชื่อเวทีผิด", ["s-1"])
        b = audit.append(s, audit.SUPERVISOR, audit.KIOSK_EXIT, "", [])
    with services.db.write() as s:
        c = audit.append(s, audit.FIELD_STAFF, audit.BUNDLE_IMPORT, "USB จากอำเภอ", ["bundle.sala"])
    return [a, b, c]


def _sql(services: Services, *statements: str) -> None:
    conn = sqlite3.connect(services.db.path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for st in statements:
            conn.execute(st)
        conn.commit()
    finally:
        conn.close()


def _verify(services: Services) -> list[audit.Problem]:
    with services.db.read() as s:
        return audit.verify(s)


def test_entries_chain_and_read_back_in_bangkok_time(services: Services) -> None:
    a, b, c = _three(services)
    assert [a.position, b.position, c.position] == [1, 2, 3]
    assert a.prev_hash == privacy.GENESIS and b.prev_hash == a.hash and c.prev_hash == b.hash
    assert _verify(services) == []
    with services.db.read() as s:
        rows = audit.entries(s)
    assert [r.action for r in rows] == [audit.SESSION_REOPEN, audit.KIOSK_EXIT, audit.BUNDLE_IMPORT]
    assert rows[0].reason == "แก้ชื่อเวทีผิด" and rows[0].target == ("s-1",)
    assert rows[0].at.utcoffset().total_seconds() == 0          # stored in UTC
    shown = rows[0].when("th")
    assert str(rows[0].at.year + 543) in shown or str(rows[0].at.year + 544) in shown
    assert rows[0].what("en") == "Reopened a finalized session"
    assert rows[0].who("th").startswith("หัวหน้างาน")


def test_each_entry_is_queued_for_the_platform_in_the_same_transaction(services: Services) -> None:
    entries = _three(services)
    with services.db.read() as s:
        queued = [json.loads(e) for e in s.scalars(
            select(OutboxEntry.envelope).where(OutboxEntry.record_type == privacy.AUDIT_TYPE)
            .order_by(OutboxEntry.seq))]
    assert [q["body"]["id"] for q in queued] == [e.id for e in entries]
    for q in queued:
        privacy.check_audit_body(q["body"])   # the platform's check passes
    with pytest.raises(ValidationError), services.db.write() as s:
        audit.append(s, "janitor", audit.KIOSK_EXIT, "")
    with pytest.raises(ValidationError), services.db.write() as s:
        audit.append(s, audit.SUPERVISOR, "DROP TABLE", "")
    with services.db.read() as s:
        assert audit.count(s) == 3


def test_the_application_cannot_update_or_delete_an_entry(services: Services) -> None:
    _three(services)
    for st in ("UPDATE audit_log SET reason = 'x' WHERE position = 1", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError), services.db.write() as s:
            s.execute(text(st))
    assert _verify(services) == []


def test_an_edited_entry_shows(services: Services) -> None:
    _three(services)
    _sql(services, "UPDATE audit_log SET reason = 'ไม่มีอะไร' WHERE position = 2")
    problems = _verify(services)
    assert [(p.kind, p.position) for p in problems] == [("edited", 2)]
    assert "2" in problems[0].message("th") and "changed" in problems[0].message("en")


def test_an_edit_that_recomputes_the_hash_still_shows_on_the_next_entry(services: Services) -> None:
    a, b, _c = _three(services)
    fields = {"id": b.id, "position": 2, "at": b.at.isoformat(timespec="microseconds"),
              "device_id": b.device_id, "actor_role": b.actor_role, "action": b.action,
              "reason": "forged", "target": [], "prev_hash": a.hash}
    forged = privacy.entry_hash(**fields)
    _sql(services, f"UPDATE audit_log SET reason = 'forged', hash = '{forged}' WHERE position = 2")
    assert [(p.kind, p.position) for p in _verify(services)] == [("moved", 3)]


def test_a_removed_entry_shows_in_the_middle_and_at_the_end(services: Services) -> None:
    _three(services)
    _sql(services, "DELETE FROM audit_log WHERE position = 2")
    assert [(p.kind, p.position) for p in _verify(services)] == [("removed", 2)]
    _sql(services, "DELETE FROM audit_log WHERE position = 3")
    kinds = {(p.kind, p.position) for p in _verify(services)}
    assert ("removed", 3) in kinds


def test_reordered_entries_show(services: Services) -> None:
    _three(services)
    _sql(services, "UPDATE audit_log SET position = -1 WHERE position = 1",
         "UPDATE audit_log SET position = 1 WHERE position = 2",
         "UPDATE audit_log SET position = 2 WHERE position = -1")
    kinds = [p.kind for p in _verify(services)]
    assert "edited" in kinds


def test_a_stored_time_is_aware_utc(services: Services) -> None:
    _three(services)
    conn = sqlite3.connect(services.db.path)
    try:
        at = conn.execute("SELECT at FROM audit_log WHERE position = 1").fetchone()[0]
    finally:
        conn.close()
    assert datetime.fromisoformat(at).utcoffset().total_seconds() == 0
