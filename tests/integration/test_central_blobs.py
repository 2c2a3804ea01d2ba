"""Resumable, content-addressed blob upload against a real sala-central process."""

from __future__ import annotations

import hashlib
import os

import httpx

from sala.wire.http import content_range
from tests.integration.conftest import enroll
from tests.integration.servers import CentralServer, post_batch


def test_resumable_upload_and_missing_blobs(central: CentralServer) -> None:
    dev = enroll(central)
    photo = os.urandom(300_000)
    sha = hashlib.sha256(photo).hexdigest()
    url = f"{central.url}/v1/blobs/{sha}"
    # the record arrives first; the server says which photo it still lacks
    from sala.wire.protocol import make_record
    rec = dict(make_record(device_id=dev.device_id, seq=1, type="attachment",
                           body={"caption": "ภาพกระดาษฟลิปชาร์ต"}, blobs=[sha]))
    res = post_batch(central, dev, [rec]).json()
    assert res["missing_blobs"] == [sha]

    assert httpx.head(url, headers=dev.auth()).status_code == 404
    r = httpx.put(url, content=photo[:100_000], headers=dev.auth() | {
        "Content-Range": content_range(0, 100_000, len(photo))})
    assert r.status_code == 202 and r.json() == {"sha256": sha, "complete": False,
                                                  "offset": 100_000}
    head = httpx.head(url, headers=dev.auth())
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "100000"
    # a chunk at the wrong offset is refused with the offset to resume from
    r = httpx.put(url, content=photo[200_000:], headers=dev.auth() | {
        "Content-Range": content_range(200_000, len(photo), len(photo))})
    assert r.status_code == 409 and r.headers["Upload-Offset"] == "100000"
    r = httpx.put(url, content=photo[100_000:], headers=dev.auth() | {
        "Content-Range": content_range(100_000, len(photo), len(photo))})
    assert r.status_code == 200 and r.json()["complete"] is True
    head = httpx.head(url, headers=dev.auth())
    assert head.status_code == 200 and head.headers["Blob-Length"] == str(len(photo))
    # re-sending a complete blob is harmless; the record now lacks nothing
    assert httpx.put(url, content=photo, headers=dev.auth()).status_code == 200
    again = post_batch(central, dev, [rec]).json()
    assert again["results"][0]["status"] == "duplicate" and again["missing_blobs"] == []


def test_bad_hash_refused(central: CentralServer) -> None:
    dev = enroll(central)
    data = b"not what the name says"
    sha = hashlib.sha256(b"something else").hexdigest()
    r = httpx.put(f"{central.url}/v1/blobs/{sha}", content=data, headers=dev.auth())
    assert r.status_code == 422 and r.json()["error"]["code"] == "hash_mismatch"
    assert httpx.head(f"{central.url}/v1/blobs/{sha}", headers=dev.auth()).headers[
        "Upload-Offset"] == "0"
    assert httpx.put(f"{central.url}/v1/blobs/NOTHEX", content=b"x",
                     headers=dev.auth()).status_code == 400
    assert httpx.head(f"{central.url}/v1/blobs/{sha}").status_code == 401
