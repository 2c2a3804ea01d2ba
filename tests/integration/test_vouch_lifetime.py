"""How long a supervisor's vouch is worth anything, attacked on a real ``sala-central`` process.

A vouch is a signed statement at a moment. Two replays are refused: a vouch older than a month
(``central/vouch.py`` MAX_AGE_S), and, after an administrator released a device id from its key
(``devices reassign --release`` / ``unbind``), any vouch made at or before that release, so a
captured vouch naming the key the id was released from (a stolen laptop's) cannot bind it again.
A vouch made after the release binds the key it names, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sala.central.vouch import MAX_AGE_S
from sala.sync.run_report import reason_text
from tests.integration.conftest import enroll
from tests.integration.servers import CentralServer, Device
from tests.integration.vouch_helpers import code, forward, row, vouch


def _after(server: CentralServer, device_id: str) -> datetime:
    """A moment one second after the id's release, as the service recorded it."""
    released = row(server, device_id).released_at   # type: ignore[union-attr]
    assert released is not None
    return datetime.fromtimestamp(released + 1, UTC)


def test_a_vouch_older_than_a_month_is_refused(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-stale")
    field = Device("laptop-stale-1")
    now = datetime.now(UTC)
    stale = vouch(central, boss, field, at=now - timedelta(seconds=MAX_AGE_S + 3600))
    r = forward(central, boss, field, 1, stale)
    assert r.status_code == 403 and code(r) == "vouch_expired"
    assert "30 days" in r.json()["error"]["message"] and "date and time" in r.json()["error"]["message"]
    assert row(central, field.device_id) is None                 # nothing recorded for the id
    # the supervisor laptop sees why, and what to do, in both languages
    th, en = reason_text("vouch_expired", "th"), reason_text("vouch_expired", "en")
    assert "30 วัน" in th and "วันที่และเวลา" in th
    assert "30 days" in en and "date and time" in en
    # a vouch made days after collecting (here 29 days old) still registers the laptop
    late = vouch(central, boss, field, at=now - timedelta(days=29))
    r = forward(central, boss, field, 1, late)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    assert row(central, field.device_id).public_key == field.public_key   # type: ignore[union-attr]


def test_a_captured_vouch_does_not_rebind_a_released_id(central: CentralServer) -> None:
    """The laptop is stolen with its key; the administrator revokes it, later releases the id
    (which lifts the revocation) so the reinstalled laptop can register again. The thief replays
    the vouch captured from the supervisor's traffic: it names the stolen key, it verifies, it is
    recent, and it was made before the release: refused, the id stays unbound."""
    boss = enroll(central, "supervisor-release")
    field = Device("laptop-stolen-1")
    captured = vouch(central, boss, field)
    assert forward(central, boss, field, 1, captured).status_code == 200
    assert "revoked" in central.cli("devices", "revoke", field.device_id).stdout
    assert "released" in central.cli("devices", "reassign", field.device_id, "--release").stdout
    thief = enroll(central, "thief-enrolled")            # any enrolled device can carry it
    r = forward(central, thief, field, 2, captured)
    assert r.status_code == 403 and code(r) == "vouch_before_release"
    assert row(central, field.device_id).public_key == ""   # type: ignore[union-attr]
    # nor when the supervisor's own app forwards it
    r = forward(central, boss, field, 2, captured)
    assert r.status_code == 403 and code(r) == "vouch_before_release"
    listing = central.cli("devices").stdout.splitlines()
    line = next(ln.split("\t") for ln in listing if ln.startswith(field.device_id))
    assert line[1] == "unbound" and line[7].startswith("20")   # released_at shown
    th = reason_text("vouch_before_release", "th")
    assert "ปลดรหัสเครื่อง" in th and "วันที่และเวลา" in th
    # the reinstalled laptop (a new key), vouched for after the release, is registered
    renewed = Device(field.device_id)
    fresh = vouch(central, boss, renewed, at=_after(central, field.device_id))
    r = forward(central, boss, renewed, 2, fresh)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    assert row(central, field.device_id).public_key == renewed.public_key   # type: ignore[union-attr]
    # and the thief's replay now meets a bound id: 409, never a re-bind
    r = forward(central, thief, field, 3, captured)
    assert r.status_code == 409 and code(r) == "device_key_mismatch"
    assert row(central, field.device_id).public_key == renewed.public_key   # type: ignore[union-attr]


def test_unbind_and_reassign_then_release_refuse_an_older_vouch(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-unbind")
    field = Device("laptop-unbind-1")
    old = vouch(central, boss, field)
    assert forward(central, boss, field, 1, old).status_code == 200
    assert "unbound" in central.cli("unbind", field.device_id).stdout
    r = forward(central, boss, field, 2, old)
    assert r.status_code == 403 and code(r) == "vouch_before_release"
    # reassign: the id is bound to the administrator's key, so the old vouch cannot re-bind it
    # whatever its date (409); released afterwards, the old vouch is still older than the release
    other = Device("laptop-reassign-1")
    first = vouch(central, boss, other)
    assert forward(central, boss, other, 1, first).status_code == 200
    renewed = Device(other.device_id)
    central.cli("devices", "reassign", other.device_id, "--key", renewed.public_key)
    r = forward(central, boss, other, 2, first)
    assert r.status_code == 409 and code(r) == "device_key_mismatch"
    central.cli("devices", "reassign", other.device_id, "--release")
    r = forward(central, boss, other, 2, first)
    assert r.status_code == 403 and code(r) == "vouch_before_release"
    assert row(central, other.device_id).public_key == ""   # type: ignore[union-attr]


def test_a_voucher_released_since_cannot_speak_with_its_old_vouches(central: CentralServer) -> None:
    """The supervisor laptop's own id was released (say it was sent for repair) and it enrolled
    again with the same key: vouches it signed before the release are refused, new ones work."""
    boss = enroll(central, "supervisor-repaired")
    relay = enroll(central, "supervisor-relay-2")
    field = Device("laptop-offline-r1")
    old = vouch(central, boss, field)
    central.cli("devices", "reassign", boss.device_id, "--release")
    enroll(central, device=boss)                            # back, proving the same key
    r = forward(central, relay, field, 1, old)
    assert r.status_code == 403 and code(r) == "vouch_before_release"
    assert row(central, field.device_id) is None
    fresh = vouch(central, boss, field, at=_after(central, boss.device_id))
    r = forward(central, relay, field, 1, fresh)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
