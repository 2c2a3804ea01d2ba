"""Shared pieces of the audience tests: an open session with a running server, and a phone
that talks to it over a real socket the way the page does (same Origin, JSON, its cookie)."""

from __future__ import annotations

import http.client
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sala.audience.guard import Limits
from sala.audience.server import AudienceInfo, AudienceServer, direct_commit
from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.inputs import SessionInput


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Phone:
    info: AudienceInfo
    cookie: str | None = None
    host: str = "127.0.0.1"
    source: str | None = None
    """The client's own address (another 127.x address plays another device on the LAN)."""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.info.port}"

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
                raw: bytes | None = None) -> Answer:
        conn = http.client.HTTPConnection(self.host, self.info.port, timeout=30,
                                          source_address=(self.source, 0) if self.source else None)
        h = {"Host": f"{self.host}:{self.info.port}", "Origin": self.origin, **self.extra}
        if self.cookie:
            h["Cookie"] = self.cookie
        data = raw
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        try:
            conn.request(method, path, body=data, headers={k: v for k, v in h.items() if v is not None})
            r = conn.getresponse()
            answer = Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()
        return answer

    def join(self, code: str | None = None) -> Answer:
        a = self.request("POST", "/api/join", {"code": code or self.info.join_code})
        if a.status == 200 and "set-cookie" in a.headers:
            self.cookie = a.headers["set-cookie"].split(";")[0]
        return a

    def post(self, path: str, body: dict[str, Any]) -> Answer:
        if path in ("/api/opinion", "/api/question", "/api/rating") and "key" not in body:
            body = {**body, "key": secrets.token_hex(8)}
        return self.request("POST", path, body)

    def state(self) -> dict[str, Any]:
        a = self.request("GET", "/api/state")
        assert a.status == 200, a.body
        return a.json()


def open_session(services: Services, kind: e.SessionKind = e.SessionKind.MINITALK, title: str = "เวทีฝุ่น PM2.5") -> str:
    sid = services.sessions.create(SessionInput(title, kind, province="CMI")).id
    services.sessions.open(sid)
    return sid


@contextmanager
def running(services: Services, sid: str, limits: Limits | None = None, on_change: Any = None
            ) -> Iterator[AudienceServer]:
    server = AudienceServer(services.db, sid, ["127.0.0.1"], direct_commit(services.db), on_change,
                            limits=limits)
    server.start()
    try:
        yield server
    finally:
        server.stop()
