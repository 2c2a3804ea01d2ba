"""Offline registration by a supervisor's vouch, attacked on a real ``sala-central`` process
(issue 11, "Identity" 2): the service accepts a batch of a laptop it does not know only with a
vouch signed by an enrolled, unrevoked device for this platform; it records who vouched and
when; a vouch never re-binds an id bound to another key; a laptop enrolling afterwards keeps the
vouched key or is refused."""

from __future__ import annotations

import base64
import json

import httpx

from sala.wire import crypto
from sala.wire import vouch as vouch_wire
from sala.wire.protocol import Batch, canonical_json, sign_batch
from tests.integration.conftest import enroll, enroll_request
from tests.integration.servers import CentralServer, Device, contribution
from tests.integration.vouch_helpers import code as _code
from tests.integration.vouch_helpers import forward as _forward
from tests.integration.vouch_helpers import row as _row
from tests.integration.vouch_helpers import vouch as _vouch

ENROLL = "/v1/devices/enroll"


def test_a_vouched_laptop_is_registered_with_who_vouched(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-lampang")
    field = Device("laptop-offline-1")
    # without a vouch the laptop stays unknown
    r = _forward(central, boss, field, 1, None)
    assert r.status_code == 403 and _code(r) == "unknown_origin"
    assert _row(central, field.device_id) is None
    r = _forward(central, boss, field, 1, _vouch(central, boss, field))
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    row = _row(central, field.device_id)
    assert row.public_key == field.public_key and row.vouched_by == boss.device_id
    assert row.vouched_at is not None and not row.enrolled and row.token_hash is None
    # the same vouch again (the next batch of the bundle) binds nothing new
    r = _forward(central, boss, field, 2, _vouch(central, boss, field))
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    listing = central.cli("devices", "list").stdout.splitlines()
    line = next(ln.split("\t") for ln in listing if ln.startswith(field.device_id))
    assert line[1] == "vouched" and line[2] == crypto.key_fingerprint(field.public_key)
    assert line[5] == boss.device_id and line[6].startswith("20")


def test_a_vouch_from_a_revoked_supervisor_is_refused(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-revoked")
    relay = enroll(central, "supervisor-relay")     # another, healthy supervisor forwards it
    field = Device("laptop-offline-2")
    vouch = _vouch(central, boss, field)
    assert "revoked" in central.cli("devices", "revoke", boss.device_id).stdout
    r = _forward(central, relay, field, 1, vouch)
    assert r.status_code == 403 and _code(r) == "voucher_revoked"
    assert _row(central, field.device_id) is None
    # a device that was itself only vouched for cannot vouch for others
    vouched = Device("laptop-vouched-only")
    assert _forward(central, relay, vouched, 1, _vouch(central, relay, vouched)).status_code == 200
    r = _forward(central, relay, field, 1, _vouch(central, vouched, field))
    assert r.status_code == 403 and _code(r) == "voucher_unknown"
    assert _row(central, field.device_id) is None


def test_a_forged_vouch_signature_is_refused(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-forged")
    squatter = enroll(central, "laptop-squatter-v")
    field = Device("laptop-offline-3")
    # the squatter names the supervisor as voucher but signs with its own key
    forged = vouch_wire.make(squatter.key, voucher_id=boss.device_id,  # type: ignore[arg-type]
                             server_id=central.hello.server_id, device_id=field.device_id,
                             public_key=squatter.public_key).header()
    fake = Device(field.device_id, key=squatter.key)
    r = _forward(central, squatter, fake, 1, forged)
    assert r.status_code == 403 and _code(r) == "bad_vouch_signature"
    # a real vouch for another platform is worth nothing here
    r = _forward(central, boss, field, 1, _vouch(central, boss, field, server_id="srv-other"))
    assert r.status_code == 403 and _code(r) == "bad_vouch"
    # nor is a garbled header (no 500)
    for junk in ("x", "!!!", base64.urlsafe_b64encode(b"[]").decode(), "A" * 5000):
        r = _forward(central, boss, field, 1, junk)
        assert r.status_code == 403 and _code(r) == "bad_vouch", junk[:20]
    assert _row(central, field.device_id) is None


def test_a_vouch_never_rebinds_a_bound_id(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-rebind")
    victim = enroll(central, "laptop-enrolled-v")       # bound by its own enrollment
    squatter = Device(victim.device_id)                 # another key, same id
    r = _forward(central, boss, squatter, 1, _vouch(central, boss, squatter))
    assert r.status_code == 409 and _code(r) == "device_key_mismatch"
    assert _row(central, victim.device_id).public_key == victim.public_key
    # the same for an id bound by an earlier vouch
    field = Device("laptop-offline-4")
    assert _forward(central, boss, field, 1, _vouch(central, boss, field)).status_code == 200
    other = Device(field.device_id)
    r = _forward(central, boss, other, 2, _vouch(central, boss, other))
    assert r.status_code == 409 and _code(r) == "device_key_mismatch"
    assert _row(central, field.device_id).public_key == field.public_key


def test_a_replayed_vouch_does_not_serve_another_key(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-replay")
    field = Device("laptop-offline-5")
    captured = _vouch(central, boss, field)
    thief = Device(field.device_id)                       # another key for the same id
    # the captured vouch with a batch signed by another key
    r = _forward(central, boss, thief, 1, captured)
    assert r.status_code == 403 and _code(r) == "key_mismatch"
    # the captured vouch edited to name the other key: its signature no longer verifies
    doc = json.loads(base64.urlsafe_b64decode(captured))
    doc["public_key"] = thief.public_key
    edited = base64.urlsafe_b64encode(canonical_json(doc)).decode()
    r = _forward(central, boss, thief, 1, edited)
    assert r.status_code == 403 and _code(r) == "bad_vouch_signature"
    assert _row(central, field.device_id) is None
    # a revoked laptop is not brought back by replaying its vouch
    assert _forward(central, boss, field, 1, captured).status_code == 200
    assert "revoked" in central.cli("devices", "revoke", field.device_id).stdout
    r = _forward(central, boss, field, 2, captured)
    assert r.status_code == 403 and _code(r) == "origin_revoked"


def test_the_vouched_laptop_enrolls_later_with_its_key_only(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-later")
    field = Device("laptop-offline-6")
    assert _forward(central, boss, field, 1, _vouch(central, boss, field)).status_code == 200
    code1, code2 = central.mint_codes(2)
    # someone else enrolling as the laptop (a valid proof of another key) is refused …
    r = httpx.post(central.url + ENROLL, json=enroll_request(central, Device(field.device_id), code1))
    assert r.status_code == 409 and _code(r) == "device_key_mismatch"
    # … the laptop itself, with the key its bundle showed, enrolls (the refused code is kept)
    enroll(central, code=code1, device=field)
    row = _row(central, field.device_id)
    assert row.enrolled and row.vouched_by == boss.device_id
    r = httpx.get(central.url + "/v1/catalog", headers=field.auth())
    assert r.status_code == 200
    # and sends its next records itself
    signed = sign_batch(Batch(field.device_id, [contribution(field.device_id, 2)]),
                        field.key)  # type: ignore[arg-type]
    r = httpx.post(central.url + "/v1/batches", content=signed.body,
                   headers=signed.headers() | field.auth(), timeout=60)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    assert code2


def test_administrator_reassigns_and_refuses_unknown_ids(central: CentralServer) -> None:
    boss = enroll(central, "supervisor-admin")
    field = Device("laptop-offline-7")
    assert _forward(central, boss, field, 1, _vouch(central, boss, field)).status_code == 200
    renewed = Device(field.device_id)                  # the laptop was reinstalled: new key
    out = central.cli("devices", "reassign", field.device_id, "--key", renewed.public_key).stdout
    assert "reassigned" in out and crypto.key_fingerprint(renewed.public_key) in out
    assert _forward(central, boss, renewed, 2, None).status_code == 200
    r = _forward(central, boss, field, 3, _vouch(central, boss, field))    # the old key
    assert r.status_code == 409 and _code(r) == "device_key_mismatch"
    enroll(central, device=renewed)
    for args in (("devices", "reassign", "no-such", "--key", renewed.public_key),
                 ("devices", "reassign", "no-such", "--release"), ("devices", "revoke", "no-such")):
        done = central.cli(*args, check=False)
        assert done.returncode == 1 and "no such device: no-such" in done.stderr, args
    bad = central.cli("devices", "reassign", field.device_id, "--key", "not-a-key", check=False)
    assert bad.returncode == 2 and "Ed25519" in bad.stderr and "Traceback" not in bad.stderr
    released = central.cli("devices", "reassign", field.device_id, "--release").stdout
    assert "released" in released
    line = next(ln.split("\t") for ln in central.cli("devices").stdout.splitlines()
                if ln.startswith(field.device_id))
    assert line[1] == "unbound"
