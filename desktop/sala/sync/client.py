"""The HTTP side of the client: one ``httpx.Client`` talking to ``sala-central``.

Thin on purpose: it sends bytes and returns the status, headers and JSON; *what to do* with a
status is ``http.action_for`` (shared with the tests and PROTOCOL.md) and lives in the
engine. Every transport failure — refused, reset, cut mid-body, timeout — surfaces as
:class:`NoLink`, and so does an answer to /v1/hello that is not sala-central's (a captive
portal's 200 HTML page, a redirect, another server).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala import __version__
from sala.domain.errors import SalaError
from sala.wire import crypto, http, protocol
from sala.wire import enroll as enroll_wire


class NoLink(SalaError):
    """No usable link to the central platform (network error or not our server)."""

    def __init__(self, detail: str) -> None:
        super().__init__("ยังติดต่อระบบกลางไม่ได้ (ไม่มีสัญญาณหรือเครือข่ายต้องล็อกอินก่อน) "
                         "ข้อมูลยังปลอดภัยในเครื่องนี้ จะส่งให้อัตโนมัติเมื่อมีสัญญาณ",
                         "Cannot reach the central platform (no link, or the network wants a "
                         "login page first). Everything is safe on this laptop and will be sent "
                         "when a link returns.")
        self.detail = detail


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

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 120.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._http = httpx.Client(
            base_url=self.base_url, follow_redirects=False, transport=transport,
            timeout=httpx.Timeout(timeout, connect=10.0),
            limits=httpx.Limits(max_connections=4, max_keepalive_connections=4),
            headers={"User-Agent": f"sala/{__version__}"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def _request(self, method: str, path: str, **kw: Any) -> Answer:
        content = kw.get("content")
        try:
            r = self._http.request(method, path, **kw)
        except httpx.TransportError as exc:
            raise NoLink(f"{type(exc).__name__}: {exc}") from exc
        try:
            doc = r.json() if r.content else None
        except (json.JSONDecodeError, UnicodeDecodeError):
            doc = None
        return Answer(r.status_code, dict(r.headers), doc, len(content or b""),
                      r.num_bytes_downloaded)

    def hello(self) -> protocol.Hello:
        """The link probe: a sala-central hello, else :class:`NoLink`."""
        try:
            r = self._http.get(http.PATH_HELLO, timeout=10.0)
        except httpx.TransportError as exc:
            raise NoLink(f"{type(exc).__name__}: {exc}") from exc
        if r.status_code != 200:
            raise NoLink(f"/v1/hello answered HTTP {r.status_code}")
        try:
            return protocol.parse_hello(r.content)
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
