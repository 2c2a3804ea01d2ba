"""The HTTP side of the client: one ``httpx.Client`` talking to ``sala-central``.

Thin on purpose: it sends bytes and returns the status, headers and JSON; *what to do* with a
status is ``http.action_for`` (shared with the tests and PROTOCOL.md) and lives in the
engine. Every transport failure — refused, reset, cut mid-body, timeout — surfaces as
:class:`NoLink`, and so does an answer to /v1/hello that is not sala-central's (a captive
portal's 200 HTML page, a redirect, another server).

A stalled link is :class:`LinkStalled` (a ``NoLink``): every socket operation is bounded by the
stall limit, bodies go out in small chunks so a slow but moving link is not taken for a stalled
one, and answers are read under ``http.ProgressWatch`` so a trickle does not hold a run either.
"""

from __future__ import annotations

import json as _json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala import __version__
from sala.domain.errors import SalaError
from sala.sync import watched_net
from sala.wire import crypto, http, protocol
from sala.wire import enroll as enroll_wire


class NoLink(SalaError):  # noqa: N818 - a state of the link, not an error in Sala; named so across sync and ui
    """No usable link to the central platform (network error or not our server)."""

    def __init__(self, detail: str) -> None:
        super().__init__("ยังติดต่อระบบกลางไม่ได้ (ไม่มีสัญญาณหรือเครือข่ายต้องล็อกอินก่อน) "
                         "ข้อมูลยังปลอดภัยในเครื่องนี้ จะส่งให้อัตโนมัติเมื่อมีสัญญาณ",
                         "Cannot reach the central platform (no link, or the network wants a "
                         "login page first). Everything is safe on this laptop and will be sent "
                         "when a link returns.")
        self.detail = detail


class LinkStalled(NoLink):
    """The link stopped moving mid-request (no progress within the stall limit)."""

    def __init__(self, seconds: float, what: str) -> None:
        th = (f"การเชื่อมต่อค้าง (ไม่มีข้อมูลผ่านเกิน {seconds:g} วินาที) จะลองส่งใหม่ "
              "ข้อมูลยังปลอดภัยในเครื่องนี้")
        en = (f"The link stalled (nothing came through for {seconds:g} s); sending will be "
              "retried. Everything is safe on this laptop.")
        SalaError.__init__(self, th, en)
        self.detail = f"{th} / {en} [{what}]"
        self.seconds = seconds


class UntrustedServerError(SalaError):
    """A request would have carried the token before the server proved its identity (a bug of
    the caller: the handshake comes first)."""

    def __init__(self) -> None:
        super().__init__("ยังไม่ได้ยืนยันตัวตนของระบบกลาง จึงไม่ส่งรหัสประจำเครื่องออกไป",
                         "The central platform has not proved its identity yet, so the "
                         "device token was not sent.")


@dataclass(frozen=True)
class Answer:
    """Status, headers and (when JSON) body of one HTTP answer; ``sent`` = request body bytes."""

    status: int
    headers: dict[str, str]
    doc: Any
    sent: int
    received: int

    @property
    def error_code(self) -> str:
        if isinstance(self.doc, dict) and isinstance(self.doc.get("error"), dict):
            return str(self.doc["error"].get("code", ""))
        return ""

    @property
    def error_message(self) -> str:
        if isinstance(self.doc, dict) and isinstance(self.doc.get("error"), dict):
            return str(self.doc["error"].get("message", ""))
        return f"HTTP {self.status}"

    def retry_after(self) -> float | None:
        return http.retry_after_seconds(self.headers)


class CentralClient:
    """Requests to one server; thread-safe (the engine keeps two batches in flight)."""

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = http.STALL_S,
                 transport: httpx.BaseTransport | None = None, trusted: bool = False) -> None:
        """``timeout`` is the stall limit: connecting, each write and each read, and each
        ``http.PROGRESS_BYTES`` of an answer must each happen within it.

        The token is a bearer secret: it goes out only once the server at this address has
        proved it is the pinned platform (the sync handshake sets ``trusted``); ``trusted=True``
        is for callers that already know the server (admin tools, tests)."""
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.trusted = trusted
        self.stall = timeout
        limits = httpx.Limits(max_connections=4, max_keepalive_connections=4)
        self._http = httpx.Client(
            base_url=self.base_url, follow_redirects=False,
            transport=transport or watched_net.transport(limits),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=limits, headers={"User-Agent": f"sala/{__version__}"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _auth(self) -> dict[str, str]:
        if not self.token:
            return {}
        if not self.trusted:
            raise UntrustedServerError()
        return {"Authorization": f"Bearer {self.token}"}

    def _send(self, method: str, path: str, *, content: bytes | None = None, json_doc: Any = None,
              headers: dict[str, str] | None = None, params: dict[str, Any] | None = None,
              ) -> tuple[httpx.Response, bytes, int]:
        """One request under the stall rules: (response, decoded body, request body bytes)."""
        what = f"{method} {path}"
        hdrs = dict(headers or {})
        if json_doc is not None:
            content = _json.dumps(json_doc, ensure_ascii=False, separators=(",", ":")).encode()
            hdrs.setdefault("Content-Type", "application/json")
        body: Iterator[bytes] | None = None
        if content is not None:
            hdrs["Content-Length"] = str(len(content))
            body = _chunks(content)
        try:
            req = self._http.build_request(method, path, content=body, headers=hdrs, params=params)
            with watched_net.watching(self.stall):   # the whole exchange, headers included
                r = self._http.send(req, stream=True)
                try:
                    data = self._read(r, what)
                finally:
                    r.close()
        except httpx.TimeoutException as exc:
            raise LinkStalled(self.stall, f"{what}: {type(exc).__name__}") from exc
        except http.Stalled as exc:
            raise LinkStalled(self.stall, exc.what) from exc
        except httpx.RequestError as exc:   # refused, reset, cut, or an answer that will not decode
            raise NoLink(f"{type(exc).__name__}: {exc}") from exc
        return r, data, len(content or b"")

    def _read(self, r: httpx.Response, what: str) -> bytes:
        """The answer's body, raising ``http.Stalled`` when it trickles in too slowly."""
        watch = http.ProgressWatch(self.stall, time.monotonic())
        parts: list[bytes] = []
        seen = 0
        for part in r.iter_bytes():
            parts.append(part)
            now, seen_before = time.monotonic(), seen
            seen = r.num_bytes_downloaded
            watch.moved(seen - seen_before, now, what)
        return b"".join(parts)

    def _request(self, method: str, path: str, *, content: bytes | None = None, json: Any = None,
                 headers: dict[str, str] | None = None, params: dict[str, Any] | None = None) -> Answer:
        r, data, sent = self._send(method, path, content=content, json_doc=json, headers=headers,
                                   params=params)
        try:
            doc = _json.loads(data) if data else None
        except (ValueError, UnicodeDecodeError):
            doc = None
        return Answer(r.status_code, dict(r.headers), doc, sent, r.num_bytes_downloaded)

    def hello(self, nonce: str | None = None) -> protocol.Hello:
        """The link probe: a sala-central hello, else :class:`NoLink`. With ``nonce`` the
        answer carries the platform's proof (checked by ``identity.check_hello``)."""
        r, data, _ = self._send("GET", http.PATH_HELLO, params={"nonce": nonce} if nonce else None)
        if r.status_code != 200:
            raise NoLink(f"/v1/hello answered HTTP {r.status_code}")
        try:
            return protocol.parse_hello(data)
        except protocol.NotSalaServer as exc:
            raise NoLink(f"not sala-central: {exc.code}") from exc

    def enroll(self, code: str, device_id: str, name: str, key: Ed25519PrivateKey) -> Answer:
        """Ask for a challenge, sign it with the device key (proof of possession), enroll."""
        ch = self._request("POST", enroll_wire.PATH_CHALLENGE)
        if ch.status != 200 or not isinstance(ch.doc, dict) or "challenge" not in ch.doc:
            return ch
        challenge, server_id = str(ch.doc["challenge"]), str(ch.doc.get("server_id", ""))
        return self._request("POST", http.PATH_ENROLL, json={
            "code": code, "device_id": device_id, "name": name,
            "public_key": crypto.public_key_b64(key), "challenge": challenge,
            "signature": enroll_wire.sign_challenge(key, challenge=challenge,
                                                    server_id=server_id, device_id=device_id)})

    def post_batch(self, body: bytes, headers: dict[str, str]) -> Answer:
        return self._request("POST", http.PATH_BATCHES, content=body,
                             headers=headers | self._auth())

    def head_blob(self, sha256: str) -> Answer:
        return self._request("HEAD", http.PATH_BLOBS.format(sha256=sha256),
                             headers=self._auth())

    def put_blob(self, sha256: str, data: bytes, start: int, total: int) -> Answer:
        headers = {"Content-Range": http.content_range(start, start + len(data), total),
                   "Content-Type": "application/octet-stream"} | self._auth()
        return self._request("PUT", http.PATH_BLOBS.format(sha256=sha256), content=data,
                             headers=headers)

    def reconcile(self, device_id: str, ids: list[str] | None = None,
                  hashes: list[str] | None = None,
                  ranges: list[tuple[int, int]] | None = None) -> Answer:
        doc: dict[str, Any] = {"device_id": device_id, "ids": ids or [],
                               "ranges": [list(r) for r in ranges or []]}
        if hashes is not None:
            doc["hashes"] = hashes
        return self._request("POST", http.PATH_RECONCILE, json=doc, headers=self._auth())

    def catalog(self, since: int) -> Answer:
        return self._request("GET", http.PATH_CATALOG, params={"since": since},
                             headers=self._auth())


def _chunks(content: bytes) -> Iterator[bytes]:
    """The body in ``http.UPLOAD_CHUNK`` pieces: each write is bounded by the stall limit, so a
    slow link that keeps moving finishes and a stalled one is noticed."""
    for i in range(0, len(content), http.UPLOAD_CHUNK):
        yield content[i:i + http.UPLOAD_CHUNK]
