"""Identity attacks on a real ``sala-central`` process (issue 11, "Identity" 1 and 2).

A laptop's public key is no secret (every USB bundle's index carries it), so enrollment must
prove possession of the private key; a bound device id is never re-bound to another key; a
revoked device stays revoked until an administrator says otherwise; and a device's key is
known to the service only through enrollment — never from a batch or a forwarded bundle.
"""

from __future__ import annotations

import httpx
from sqlalchemy import select

from sala.central import db
from sala.central import tables as t
from sala.wire import crypto
from sala.wire.enroll import PATH_CHALLENGE, sign_challenge
from sala.wire.protocol import Batch, sign_batch
from tests.integration.conftest import enroll, enroll_request
from tests.integration.servers import CentralServer, Device, contribution, post_batch

ENROLL = "/v1/devices/enroll"


def _device_row(server: CentralServer, device_id: str):
    engine = db.make_engine(server.db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)
                                ).first()
    finally:
        engine.dispose()


def _catalog_status(server: CentralServer, dev: Device) -> int:
    return httpx.get(server.url + "/v1/catalog", headers=dev.auth()).status_code


def test_takeover_with_the_public_key_alone_is_refused(central: CentralServer) -> None:
    victim = enroll(central, "laptop-victim")
    spare = central.mint_codes(1)[0]
    attacker = Device("attacker")
    # the attacker knows the victim's public key (it is in every bundle) and signs the
    # challenge with their own key
    body = enroll_request(central, Device(victim.device_id, key=attacker.key), spare,
                          public_key=victim.public_key)
    r = httpx.post(central.url + ENROLL, json=body)
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_proof"
    # no proof at all is not a request we take
    bare = {k: v for k, v in body.items() if k not in ("challenge", "signature")}
    r = httpx.post(central.url + ENROLL, json=bare)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    assert spare not in r.text
    # the victim keeps working; the spare code was not consumed by the refusals
    assert _catalog_status(central, victim) == 200
    enroll(central, "attacker", code=spare, device=attacker)


def test_challenges_are_ours_fresh_single_use_and_bound(central: CentralServer) -> None:
    dev = Device("laptop-replay")
    code1, code2, code3, code4 = central.mint_codes(4)
    body = enroll_request(central, dev, code1)
    assert httpx.post(central.url + ENROLL, json=body).status_code == 200
    # a captured enrollment replayed with another code: the challenge was used
    r = httpx.post(central.url + ENROLL, json=body | {"code": code2})
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_challenge"
    # a challenge we never issued
    forged = crypto.b64e(b"\x00" * 40).replace("+", "-").replace("/", "_")
    sig = sign_challenge(dev.key, challenge=forged,  # type: ignore[arg-type]
                         server_id=central.hello.server_id, device_id=dev.device_id)
    r = httpx.post(central.url + ENROLL, json=body | {"code": code2, "challenge": forged,
                                                      "signature": sig})
    assert r.status_code == 403 and r.json()["error"]["code"] == "bad_challenge"
    # a signature made for another server or another device id proves nothing here
    ch = httpx.post(central.url + PATH_CHALLENGE).json()
    for server_id, device_id in (("srv-elsewhere", dev.device_id), (ch["server_id"], "x")):
        sig = sign_challenge(dev.key, challenge=ch["challenge"],  # type: ignore[arg-type]
                             server_id=server_id, device_id=device_id)
        r = httpx.post(central.url + ENROLL, json=body | {
            "code": code3, "challenge": ch["challenge"], "signature": sig})
        assert r.status_code == 403 and r.json()["error"]["code"] == "bad_proof"
    # the same device with a fresh challenge and its own key re-enrolls (a reinstall)
    assert httpx.post(central.url + ENROLL,
                      json=enroll_request(central, dev, code4)).status_code == 200


def test_a_bound_id_is_never_rebound_to_another_key(central: CentralServer) -> None:
    victim = enroll(central, "laptop-bound")
    usurper = Device("laptop-bound")          # a valid proof, but of another key
    code = central.mint_codes(1)[0]
    r = httpx.post(central.url + ENROLL, json=enroll_request(central, usurper, code))
    assert r.status_code == 409 and r.json()["error"]["code"] == "device_key_mismatch"
    assert _device_row(central, "laptop-bound").public_key == victim.public_key
    assert _catalog_status(central, victim) == 200


def test_a_revoked_device_stays_revoked_until_reinstated(central: CentralServer) -> None:
    dev = enroll(central, "laptop-lost")
    assert "revoked" in central.cli("revoke", "laptop-lost").stdout
    code = central.mint_codes(1)[0]
    # whoever holds the key (a thief with the laptop) cannot lift the revocation
    r = httpx.post(central.url + ENROLL, json=enroll_request(central, dev, code))
    assert r.status_code == 403 and r.json()["error"]["code"] == "device_revoked"
    assert _device_row(central, "laptop-lost").revoked
    assert _catalog_status(central, dev) == 401
    # the administrator's command does; the device then enrolls with a code (not consumed
    # by the refusal above)
    assert "reinstated" in central.cli("reinstate", "laptop-lost").stdout
    enroll(central, code=code, device=dev)
    assert _catalog_status(central, dev) == 200
    assert central.cli("reinstate", "no-such-device", check=False).returncode == 1


def test_a_device_cannot_squat_an_unknown_laptop(central: CentralServer) -> None:
    squatter = enroll(central, "laptop-squatter")
    field = Device("laptop-field-offline")            # never met the service
    # the squatter signs a batch "of" the field laptop with its own key and offers that key
    fake = Device(field.device_id, key=squatter.key)
    r = post_batch(central, squatter, [contribution(field.device_id, 1)], origin=fake)
    assert r.status_code == 403 and r.json()["error"]["code"] == "unknown_origin"
    # nothing was bound or stored for the field laptop
    assert _device_row(central, field.device_id) is None
    # a genuine forwarded batch of a laptop the service does not know is refused the same way
    real = sign_batch(Batch(field.device_id, [contribution(field.device_id, 1)]),
                      field.key)  # type: ignore[arg-type]
    r = post_batch(central, squatter, [], signed=real)
    assert r.status_code == 403 and r.json()["error"]["code"] == "unknown_origin"
    assert _device_row(central, field.device_id) is None
    # the real laptop enrolls with its own key; its bundle forwarded then lands
    enroll(central, device=field)
    r = post_batch(central, squatter, [], signed=real)
    assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    # and the squatter still cannot write for it
    r = post_batch(central, squatter, [contribution(field.device_id, 2)], origin=fake)
    assert r.status_code == 403 and r.json()["error"]["code"] == "key_mismatch"


def test_a_squat_left_by_an_older_service_is_listed_and_undone(central: CentralServer) -> None:
    """Databases from before this rule may hold keys pinned from forwarded batches: the
    administrator sees them and releases the id; the real laptop then binds its own key."""
    squatter = enroll(central, "laptop-squatter-old")
    field = Device("laptop-field-old")
    engine = db.make_engine(central.db_url)
    try:   # what trust on first use used to write
        with engine.begin() as conn:
            conn.execute(t.devices.insert().values(
                device_id=field.device_id, name="", public_key=squatter.public_key,
                token_hash=None, enrolled=False, revoked=False,
                first_seen_via=squatter.device_id, high_water=0, max_seq=0, created_at=0.0))
    finally:
        engine.dispose()
    code = central.mint_codes(1)[0]
    r = httpx.post(central.url + ENROLL, json=enroll_request(central, field, code))
    assert r.status_code == 409 and r.json()["error"]["code"] == "device_key_mismatch"
    listing = central.cli("devices").stdout.splitlines()
    row = next(line.split("\t") for line in listing if line.startswith(field.device_id))
    assert row[1] == "pinned" and row[2] == crypto.key_fingerprint(squatter.public_key)
    assert row[3] == squatter.device_id
    assert "unbound" in central.cli("unbind", field.device_id).stdout
    fake = Device(field.device_id, key=squatter.key)
    r = post_batch(central, squatter, [contribution(field.device_id, 1)], origin=fake)
    assert r.status_code == 403 and r.json()["error"]["code"] == "unknown_origin"
    enroll(central, code=code, device=field)
    assert _device_row(central, field.device_id).public_key == field.public_key
    real = sign_batch(Batch(field.device_id, [contribution(field.device_id, 1)]),
                      field.key)  # type: ignore[arg-type]
    assert post_batch(central, squatter, [], signed=real).status_code == 200
    r = post_batch(central, squatter, [contribution(field.device_id, 2)], origin=fake)
    assert r.status_code == 403
    assert central.cli("unbind", "no-such-device", check=False).returncode == 1
