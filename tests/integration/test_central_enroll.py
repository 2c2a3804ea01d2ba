"""Hello, enrollment, revocation and the catalogue against a real sala-central process."""

from __future__ import annotations

import httpx

from sala.wire import crypto
from sala.wire.protocol import PROTOCOL_VERSION, SERVICE_NAME
from tests.integration.conftest import enroll, enroll_request
from tests.integration.servers import CentralServer, Device


def test_hello_identifies_the_service(central: CentralServer) -> None:
    r = httpx.get(central.url + "/v1/hello")
    doc = r.json()
    assert r.status_code == 200 and doc["service"] == SERVICE_NAME
    assert doc["protocol"] == PROTOCOL_VERSION
    assert doc["limits"]["max_records"] == 5000 and doc["limits"]["max_body_bytes"] > 0
    assert central.hello is not None and central.hello.server_id.startswith("srv-")
    # The sealing key is real: a box sealed to it is opened only with the server's key.
    box = crypto.seal(doc["sealing_key"]["public_key"], "สมชาย 081-234-5678".encode(), b"id")
    assert box["alg"] == doc["sealing_key"]["alg"]


def test_enroll_good_reused_and_bad_codes(central: CentralServer) -> None:
    code, other = central.mint_codes(2)
    dev = enroll(central, "dev-enroll-1", code=code)
    assert dev.token.startswith("sala_")
    again = httpx.post(central.url + "/v1/devices/enroll",
                       json=enroll_request(central, Device("dev-enroll-2"), code))
    assert again.status_code == 403 and again.json()["error"]["code"] == "code_used"
    bad = httpx.post(central.url + "/v1/devices/enroll",
                     json=enroll_request(central, Device("dev-enroll-3"), "AAAA-BBBB-CCCC"))
    assert bad.status_code == 403 and bad.json()["error"]["code"] == "bad_code"
    # Same id with another key is refused and does not burn the code …
    hijack = httpx.post(central.url + "/v1/devices/enroll",
                        json=enroll_request(central, Device("dev-enroll-1"), other))
    assert hijack.status_code == 409
    assert hijack.json()["error"]["code"] == "device_key_mismatch"
    # … which still enrolls a new device; codes are case/dash-insensitive.
    enroll(central, "dev-enroll-4", code=other.lower().replace("-", ""))


def test_cli_code_revoke_and_401(central: CentralServer) -> None:
    out = central.cli("enroll-code").stdout.strip().splitlines()
    dev = enroll(central, "dev-revoke", code=out[-1])
    ok = httpx.get(central.url + "/v1/catalog", headers=dev.auth())
    assert ok.status_code == 200
    assert "revoked" in central.cli("revoke", "dev-revoke").stdout
    r = httpx.get(central.url + "/v1/catalog", headers=dev.auth())
    assert r.status_code == 401 and r.headers["WWW-Authenticate"] == "Bearer"
    assert r.json()["error"]["code"] == "bad_token"
    assert httpx.get(central.url + "/v1/catalog").status_code == 401
    assert central.cli("revoke", "no-such-device", check=False).returncode == 1


def test_catalog_since(central: CentralServer) -> None:
    dev = enroll(central)
    empty = httpx.get(central.url + "/v1/catalog", headers=dev.auth()).json()
    assert empty["cursor"] == 0 and empty["topics"] == []
    assert "added or changed" in central.cli("catalog-import", "--seed").stdout
    full = httpx.get(central.url + "/v1/catalog?since=0", headers=dev.auth()).json()
    names = {t["id"]: t["th"] for t in full["topics"]}
    assert "ฝุ่น PM2.5" in names["pm25"] and names["pb"] == "งบประมาณแบบมีส่วนร่วม"
    assert full["guides"][0]["questions"] and full["venues"]
    cursor = full["cursor"]
    nothing = httpx.get(central.url + f"/v1/catalog?since={cursor}", headers=dev.auth()).json()
    assert nothing["topics"] == [] and nothing["cursor"] == cursor
    # Re-importing the same seed changes nothing; a changed item comes back alone.
    assert central.cli("catalog-import", "--seed").stdout.startswith("0 ")
    from sala.central import catalog, db
    engine = db.make_engine(central.db_url)
    try:
        catalog.import_catalog(engine, {"topics": [{"id": "bcg", "th": "เศรษฐกิจ BCG",
                                                    "en": "BCG economy"}]})
    finally:
        engine.dispose()
    delta = httpx.get(central.url + f"/v1/catalog?since={cursor}", headers=dev.auth()).json()
    assert [t["id"] for t in delta["topics"]] == ["bcg"] and delta["cursor"] == cursor + 1
    assert httpx.get(central.url + "/v1/catalog?since=-1",
                     headers=dev.auth()).status_code == 422
