"""Bounded cost of every request, as attacks on a real ``sala-central`` process (issue 11).

Memory claims are measured on the server process itself: its peak resident set
(``VmHWM`` in /proc/PID/status) before and after the hostile requests. Those are bounds
(generous ones), not timings.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import selectors
import socket
import threading
import zlib
from pathlib import Path

import httpx
import pytest

from sala.wire.protocol import Batch, gzip_bytes, sign_batch
from tests.integration.conftest import enroll
from tests.integration.servers import CentralServer, Device, contribution, post_batch

MB = 1 << 20
GROWTH_BOUND = 200 * MB


def peak_rss(server: CentralServer) -> int:
    assert server.proc is not None
    status = Path(f"/proc/{server.proc.pid}/status").read_text()
    kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kb) * 1024


def bomb(unpacked: int, prefix: bytes = b"[", item: bytes = b"{},") -> bytes:
    """gzip of ``prefix`` + ``item``… of about ``unpacked`` bytes, compressed in a stream."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = item * (MB // len(item))
    out = [z.compress(prefix)]
    for _ in range(unpacked // len(block)):
        out.append(z.compress(block))
    out.append(z.compress(b"{}]}" if prefix.startswith(b"{") else b"{}]"))
    out.append(z.flush())
    return b"".join(out)


def raw_request(server: CentralServer, head: str) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(head.encode("latin-1"))
    return s


def read_answer(s: socket.socket) -> tuple[int, bytes]:
    """Read an HTTP answer until the server closes or the declared body arrived."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), None)
    while length is not None and len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(head.split(b" ")[1]), body


def test_gzip_bomb_is_refused_while_decompressing(central: CentralServer) -> None:
    dev = enroll(central)
    hostile = bomb(63 * MB)
    assert len(hostile) < 100_000
    envelope = bomb(63 * MB, prefix=b'{"batch_id":"00000000-0000-4000-8000-000000000000",'
                                    b'"device_id":"' + dev.device_id.encode() +
                                    b'","protocol":1,"records":[')
    before = peak_rss(central)
    answers: list[httpx.Response] = []

    def push(body: bytes) -> None:
        answers.append(httpx.post(central.url + "/v1/batches", content=body, timeout=120,
                                  headers={"Content-Encoding": "gzip", "Sala-Signature": "x"}
                                  | dev.auth()))
    threads = [threading.Thread(target=push, args=(b,)) for b in (hostile, hostile, envelope)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert [a.status_code for a in answers] == [413, 413, 413]
    assert {a.json()["error"]["code"] for a in answers} == {"too_complex"}
    assert peak_rss(central) - before < GROWTH_BOUND
    # the service is fine afterwards
    ok = post_batch(central, dev, [contribution(dev.device_id, 1)])
    assert ok.status_code == 200 and ok.json()["counts"]["accepted"] == 1


def test_size_limits_come_before_parsing_and_tokens(central: CentralServer) -> None:
    dev = enroll(central)
    before = peak_rss(central)
    # a declared 100 MB body is refused from its headers alone, token or not
    for path, auth in (("/v1/reconcile", ""), ("/v1/reconcile", dev.auth()["Authorization"]),
                       ("/v1/devices/enroll", ""), ("/v1/batches", ""),
                       ("/v1/blobs/" + "a" * 64, dev.auth()["Authorization"])):
        method = "PUT" if "blobs" in path else "POST"
        hdr = f"Authorization: {auth}\r\n" if auth else ""
        s = raw_request(central, f"{method} {path} HTTP/1.1\r\nHost: x\r\n{hdr}"
                                 f"Content-Type: application/json\r\n"
                                 f"Content-Length: {100 * MB}\r\n\r\n")
        with s:
            status, body = read_answer(s)
        assert status == 413, (path, body)
        assert b'"code":"too_large"' in body.replace(b" ", b"")
    # chunked bodies (no Content-Length) are counted while read: the enrollment body cap is
    # small, the reconcile cap is the body limit
    big_enroll = b'{"code":"' + b"A" * (40 << 10) + b'"}'
    r = httpx.post(central.url + "/v1/devices/enroll", content=iter([big_enroll]))
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    limit = central.hello.limits.max_body_bytes  # type: ignore[union-attr]
    piece = b'{"device_id":"' + dev.device_id.encode() + b'","ids":[' + b'"x",' * (MB // 4)

    def stream():  # a generator of body chunks
        sent = 0
        yield piece
        sent += len(piece)
        while sent <= limit + MB:
            yield b'"x",' * (MB // 4)
            sent += MB
    r = httpx.post(central.url + "/v1/reconcile", content=stream(), headers=dev.auth(),
                   timeout=60)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert peak_rss(central) - before < GROWTH_BOUND


def test_idle_upload_is_cut(central_factory) -> None:
    server = central_factory(extra_args=["--body-timeout", "1"])
    dev = enroll(server)
    s = raw_request(server, "POST /v1/batches HTTP/1.1\r\nHost: x\r\n"
                            f"Authorization: {dev.auth()['Authorization']}\r\n"
                            "Content-Encoding: gzip\r\nContent-Length: 1000\r\n\r\n\x1f\x8b")
    with s:   # then nothing: the server answers once the idle limit passes
        status, body = read_answer(s)
    assert status == 408 and b"body_timeout" in body
    # the slot it held is free again
    assert post_batch(server, dev, [contribution(dev.device_id, 1)]).status_code == 200


def test_one_device_cannot_take_every_slot(central_factory) -> None:
    server = central_factory(extra_args=["--body-timeout", "600"])
    hog, other = enroll(server), enroll(server)
    idle = [raw_request(server, "POST /v1/batches HTTP/1.1\r\nHost: x\r\n"
                                f"Authorization: {hog.auth()['Authorization']}\r\n"
                                "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "2\r\n\x1f\x8b\r\n")
            for _ in range(10)]
    try:
        # at most 4 batches of one device at once, and no more work than the service does
        # within its budget: at least six of the ten idle uploads are answered 429 (each
        # within DRAIN_S, the connection closed)
        sel = selectors.DefaultSelector()
        for s in idle:
            sel.register(s, selectors.EVENT_READ)
        answered: list[int] = []
        while len(answered) < 6:
            for key, _ in sel.select():
                sel.unregister(key.fileobj)
                answered.append(read_answer(key.fileobj)[0])  # type: ignore[arg-type]
        assert set(answered) == {429}
        # meanwhile another device is served: an upload stalled past the budget is not work
        r = post_batch(server, other, [contribution(other.device_id, 1)])
        assert r.status_code == 200 and r.json()["counts"]["accepted"] == 1
    finally:
        for s in idle:
            s.close()


def test_reconcile_work_is_bounded_by_what_may_be_asked(central: CentralServer) -> None:
    dev = enroll(central)
    url, hdr = central.url + "/v1/reconcile", dev.auth()

    def ask(ranges: list) -> httpx.Response:
        return httpx.post(url, json={"device_id": dev.device_id, "ranges": ranges},
                          headers=hdr, timeout=60)
    r = ask([[5, 4]] * 200_000)            # refused from its size, before any lookup
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_complex"
    r = ask([[5, 4]] * 50_000)
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_range"
    r = ask([[1, 1]] * 100_001)          # every range counts toward the id limit
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_many_ids"
    r = ask([[1, 2**63 - 1]])
    assert r.status_code == 413
    r = ask([[2**63, 2**63]])
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = ask([[0, 3]])
    assert r.status_code == 422
    r = ask([[1, 10]])
    assert r.status_code == 200 and r.json()["missing_ranges"] == [[1, 10]]


@pytest.mark.parametrize("n", [str(2**1100), "1" + "0" * 4000, "-1", "abc"])
def test_piece_header_is_bounded_before_arithmetic(central_sqlite: CentralServer,
                                                   n: str) -> None:
    dev = enroll(central_sqlite)
    signed = sign_batch(Batch(dev.device_id, [contribution(dev.device_id, 1)]),
                        dev.key)  # type: ignore[arg-type]
    hdr = signed.headers() | dev.auth() | {
        "Sala-Piece": f"{signed.batch_id} 0-1/{n}", "Sala-Piece-Proof": ""}
    r = httpx.post(central_sqlite.url + "/v1/batches", content=signed.body, headers=hdr)
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_piece"


def _put(server: CentralServer, dev: Device, sha: str, data: bytes, start: int,
         total: int) -> httpx.Response:
    return httpx.put(f"{server.url}/v1/blobs/{sha}", content=data, headers=dev.auth() | {
        "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}"})


def test_uploads_in_progress_belong_to_their_device(central: CentralServer) -> None:
    owner, intruder = enroll(central), enroll(central)
    photo = os.urandom(300_000)
    sha = hashlib.sha256(photo).hexdigest()
    assert _put(central, owner, sha, photo[:100_000], 0, len(photo)).status_code == 202
    # the intruder can neither continue the owner's upload nor spoil its first chunk
    r = _put(central, intruder, sha, b"junk" * 25_000, 100_000, len(photo))
    assert r.status_code == 409 and r.headers["Upload-Offset"] == "0"
    assert _put(central, intruder, sha, b"junk" * 25_000, 0, len(photo)).status_code == 202
    head = httpx.head(f"{central.url}/v1/blobs/{sha}", headers=owner.auth())
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "100000"
    r = _put(central, owner, sha, photo[100_000:], 100_000, len(photo))
    assert r.status_code == 200 and r.json()["complete"]
    # complete is complete for everyone
    head = httpx.head(f"{central.url}/v1/blobs/{sha}", headers=intruder.auth())
    assert head.status_code == 200 and head.headers["Blob-Length"] == str(len(photo))


def test_unfinished_uploads_are_cleaned_after_their_ttl(central: CentralServer) -> None:
    dev = enroll(central)
    photo = os.urandom(50_000)
    sha = hashlib.sha256(photo).hexdigest()
    assert _put(central, dev, sha, photo[:10_000], 0, len(photo)).status_code == 202
    (part,) = (central.blobs_dir / "partial").glob(f"*/{sha}")
    old = part.stat().st_mtime - 25 * 3600            # untouched for more than a day
    os.utime(part, (old, old))
    # the next upload that starts sweeps it away
    other = os.urandom(1000)
    assert _put(central, dev, hashlib.sha256(other).hexdigest(), other, 0,
                len(other)).status_code == 200
    assert not part.exists()
    head = httpx.head(f"{central.url}/v1/blobs/{sha}", headers=dev.auth())
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "0"


def test_hostile_batch_shapes_cost_no_more_than_the_limits(central: CentralServer) -> None:
    """Big but structurally legal bodies stay within the memory bound too."""
    dev = enroll(central)
    before = peak_rss(central)
    limit = central.hello.limits.max_uncompressed_bytes  # type: ignore[union-attr]
    big_string = gzip_bytes(b'["' + b"a" * (limit - 16) + b'"]', level=9)
    r = httpx.post(central.url + "/v1/batches", content=big_string, timeout=120,
                   headers={"Content-Encoding": "gzip", "Sala-Signature": "x"} | dev.auth())
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed"
    over = gzip.compress(b" " * (4 * limit), 9)
    r = httpx.post(central.url + "/v1/batches", content=over, timeout=120,
                   headers={"Content-Encoding": "gzip", "Sala-Signature": "x"} | dev.auth())
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert peak_rss(central) - before < GROWTH_BOUND
