"""No 500, ever, on bad input — each case of issue 11 sent to a real ``sala-central`` process.

Every refusal uses the documented shape ``{"error": {"code", "message"}}``, and a 422 never
echoes the input back.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import socket

import httpx
import pytest

from sala.wire.protocol import Batch, canonical_json, gzip_bytes, sign_batch
from tests.integration.conftest import enroll, enroll_request
from tests.integration.servers import CentralServer, Device, contribution, post_batch


def error_code(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text[:300])
    doc = r.json()
    assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}, doc
    return str(doc["error"]["code"])


def _signed_raw(dev: Device, raw: bytes) -> dict[str, str]:
    from sala.wire import crypto
    return {"Content-Encoding": "gzip", "Sala-Signature": crypto.sign(dev.key, raw),  # type: ignore[arg-type]
            "Sala-Public-Key": dev.public_key} | dev.auth()


def test_hostile_batch_bodies_get_4xx(central_sqlite: CentralServer) -> None:
    server = central_sqlite
    dev = enroll(server)
    url = server.url + "/v1/batches"
    prefix = ('{"batch_id":"00000000-0000-4000-8000-000000000001","device_id":"'
              + dev.device_id + '","protocol":1,"records":')
    cases = {
        "deep": (prefix + "[" * 100_000 + "]" * 100_000 + "}", 400, "too_deep"),
        "big_int": (prefix + "[" + "9" * 5000 + "]}", 400, "number_too_large"),
        "nan": (prefix + "[NaN]}", 400, "bad_json"),
        "not_utf8": (None, 400, "bad_utf8"),
        "junk": ("{", 400, "bad_json"),
    }
    for name, (text, status, code) in cases.items():
        raw = text.encode() if text is not None else prefix.encode() + b'["\xff\xfe"]}'
        r = httpx.post(url, content=gzip_bytes(raw), headers=_signed_raw(dev, raw))
        assert error_code(r, status) == code, name
    # a 5000-digit integer inside a properly signed record
    rec = contribution(dev.device_id, 1)
    text = canonical_json({"batch_id": "00000000-0000-4000-8000-000000000002",
                           "device_id": dev.device_id, "protocol": 1, "records": [rec]})
    raw = text.replace(b'"seq":1', b'"seq":' + b"7" * 5000)
    r = httpx.post(url, content=gzip_bytes(raw), headers=_signed_raw(dev, raw))
    assert error_code(r, 400) == "number_too_large"
    # a record body nested as deep as the parser allows is refused per record, not a 500
    deep = {"text": "x"}
    for _ in range(900):
        deep = {"a": deep}
    r = post_batch(server, dev, [contribution(dev.device_id, 2, **{"nest": deep})])
    assert r.status_code in (200, 400), r.text[:300]
    if r.status_code == 200:
        assert r.json()["results"][0]["status"] in ("accepted", "rejected")
    else:
        assert error_code(r, 400) == "too_deep"
    # the service is still fine, and nothing above was half-written
    ok = post_batch(server, dev, [contribution(dev.device_id, 3)])
    assert ok.status_code == 200


def test_hostile_headers_params_and_paths_get_4xx(central_sqlite: CentralServer) -> None:
    server = central_sqlite
    dev = enroll(server)
    h = dev.auth()
    since = httpx.get(server.url + "/v1/catalog?since=9223372036854775808", headers=h)
    assert error_code(since, 422) == "invalid_request"
    assert error_code(httpx.get(server.url + "/v1/catalog?since=" + "9" * 5000, headers=h),
                      422) == "invalid_request"
    r = httpx.post(server.url + "/v1/reconcile", headers=h,
                   json={"device_id": dev.device_id, "ranges": [[2**63, 2**63]]})
    assert error_code(r, 422) == "invalid_request"
    sha = hashlib.sha256(b"x").hexdigest()
    r = httpx.put(f"{server.url}/v1/blobs/{sha}", content=b"x",
                  headers=h | {"Content-Range": f"bytes 0-0/{'9' * 5000}"})
    assert error_code(r, 400) == "bad_range"
    signed = sign_batch(Batch(dev.device_id, [contribution(dev.device_id, 1)]),
                        dev.key)  # type: ignore[arg-type]
    r = httpx.post(server.url + "/v1/batches", content=signed.body, headers=signed.headers()
                   | h | {"Sala-Piece": f"{signed.batch_id} 0-1/{2**1100}"})
    assert error_code(r, 400) == "bad_piece"
    for length in ("1" + "0" * 30, "-5", "12abc"):
        with socket.create_connection(("127.0.0.1", server.port)) as s:
            s.sendall(f"POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n"
                      f"Authorization: {h['Authorization']}\r\n\r\nx".encode())
            answer = b""
            while chunk := s.recv(65536):
                answer += chunk
        status = int(answer.split(b" ")[1])
        assert 400 <= status < 500 and (status == 400 or b'"error"' in answer), answer[:200]
    assert error_code(httpx.get(server.url + "/v1/nothing-here"), 404) == "not_found"
    assert error_code(httpx.delete(server.url + "/v1/hello"), 405) == "method_not_allowed"


@pytest.mark.parametrize("path", ["/v1/devices/enroll", "/v1/reconcile"])
def test_json_endpoints_answer_bad_bodies_in_the_error_shape(central_sqlite: CentralServer,
                                                             path: str) -> None:
    dev = enroll(central_sqlite)
    url, h = central_sqlite.url + path, dev.auth() | {"Content-Type": "application/json"}
    # an enrollment is a handful of values: deep nesting is refused by its size first
    deep = (413, "too_complex") if "enroll" in path else (400, "too_deep")
    for body, status, code in ((b'{"code": "\xff\xfe"}', 400, "bad_utf8"),
                               (b"[" * 5000 + b"]" * 5000, *deep),
                               (b"[" + b"1" * 5000 + b"]", 400, "number_too_large"),
                               (b"{", 400, "bad_json"),
                               (b"[]", 422, "invalid_request"),
                               (b"", 400, "bad_json")):
        r = httpx.post(url, content=body, headers=h)
        assert error_code(r, status) == code, (path, body[:20])


def test_a_422_never_echoes_the_input(central_sqlite: CentralServer) -> None:
    code = central_sqlite.mint_codes(1)[0]
    dev = Device("laptop-echo")
    body = enroll_request(central_sqlite, dev, code)
    for bad in ({"device_id": 12345}, {"public_key": "P" * 500}, {"extra": code},
                {"name": ["x"]}, {"signature": None}):
        r = httpx.post(central_sqlite.url + "/v1/devices/enroll", json=body | bad)
        assert error_code(r, 422) == "invalid_request"
        assert code not in r.text and body["challenge"] not in r.text
        assert "P" * 100 not in r.text
    # and the code still works (refusals consume nothing)
    assert httpx.post(central_sqlite.url + "/v1/devices/enroll",
                      json=enroll_request(central_sqlite, dev, code)).status_code == 200
    r = httpx.post(central_sqlite.url + "/v1/devices/enroll",
                   json=enroll_request(central_sqlite, dev, code) | {"device_id": "bad id!"})
    assert error_code(r, 422) == "bad_device_id" and "bad id!" not in r.text


def test_gzip_that_is_not_gzip(central_sqlite: CentralServer) -> None:
    dev = enroll(central_sqlite)
    rec = contribution(dev.device_id, 1)
    raw = canonical_json({"batch_id": "00000000-0000-4000-8000-000000000003",
                          "device_id": dev.device_id, "protocol": 1, "records": [rec]})
    url = central_sqlite.url + "/v1/batches"
    whole = gzip.compress(raw)
    for body, code in ((whole[:-9], "bad_gzip"), (whole + b"junk", "bad_gzip"),
                       (b"\x1f\x8b" + b"\x00" * 50, "bad_gzip"), (raw, "not_gzip"),
                       (b"", "not_gzip")):
        r = httpx.post(url, content=body, headers=_signed_raw(dev, raw))
        assert error_code(r, 400) == code
    assert json.loads(httpx.post(url, content=whole, headers=_signed_raw(dev, raw)).text)[
        "counts"]["accepted"] == 1
