"""One phone request: checked (address, origin, size, type, cookie, rate), then answered.

One request a connection (HTTP/1.0, ``Connection: close``), read with a deadline and a byte
budget (:class:`~sala.audience.guard.DeadlineReader`). Every answer is bilingual JSON or one of
the page's three files, with a strict Content-Security-Policy (no inline script, nothing from
anywhere else). Bad input of any kind gets a 4xx in the same shape; only a bug answers 500.
"""

from __future__ import annotations

import json
import logging
import math
import socketserver
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from sqlalchemy.orm import Session as OrmSession

from sala.audience import actions
from sala.audience.errors import WriterBusyError
from sala.audience.guard import (
    Buckets,
    DeadlineReader,
    Limits,
    OverrunError,
    phone_token,
    same_origin,
    set_cookie,
    token_hash,
)
from sala.domain.errors import NotFoundError, SalaError, StorageError, ValidationError
from sala.services import audience as svc

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = (("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                    ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"),
                    ("Cross-Origin-Resource-Policy", "same-origin"), ("Connection", "close"))

RETRY_AFTER_S = 2
"""Seconds a phone is asked to wait when the laptop was too busy to take its send (503)."""

MESSAGES: dict[int, tuple[str, str, str]] = {
    400: ("bad_request", "คำขอไม่ถูกต้อง โหลดหน้าใหม่แล้วลองอีกครั้ง",
          "The request is not valid; reload the page and try again"),
    401: ("not_joined", "โทรศัพท์นี้ยังไม่ได้เข้าร่วม สแกนคิวอาร์โค้ดหรือกรอกรหัสเข้าร่วมก่อน",
          "This phone has not joined yet; scan the QR code or enter the join code first"),
    403: ("other_origin", "คำขอนี้ไม่ได้มาจากหน้าของ Sala จึงไม่รับ",
          "This request did not come from Sala's page, so it was refused"),
    404: ("not_found", "ไม่พบสิ่งที่ขอ", "Not found"),
    405: ("method", "ใช้วิธีนี้กับที่อยู่นี้ไม่ได้", "This method is not allowed here"),
    408: ("too_slow", "ส่งข้อมูลช้าเกินไป ลองอีกครั้ง", "The request was too slow; try again"),
    411: ("length_required", "คำขอต้องระบุความยาวของข้อมูล", "The request must state its length"),
    413: ("too_large", "ข้อความยาวเกินไป กรุณาย่อให้สั้นลง", "The message is too long; please shorten it"),
    414: ("too_large", "ที่อยู่ยาวเกินไป", "The address is too long"),
    415: ("not_json", "ข้อมูลต้องส่งเป็น JSON", "The request must be JSON"),
    421: ("wrong_host", "ที่อยู่ไม่ถูกต้อง ใช้ที่อยู่ที่แสดงบนจอ", "Wrong address; use the address shown on the screen"),
    429: ("too_many", "ส่งถี่เกินไป รอสักครู่แล้วส่งอีกครั้ง", "Too many sends; wait a moment and send again"),
    431: ("too_large", "ส่วนหัวของคำขอยาวเกินไป", "The request headers are too large"),
    500: ("bug", "เกิดข้อผิดพลาดในเครื่อง ยังไม่ได้บันทึก ลองส่งอีกครั้ง",
          "Something went wrong on the laptop; nothing was saved. Send again"),
    503: ("busy", "เครื่องยังไม่ว่าง ยังไม่ได้บันทึก ลองอีกครั้งในอีกสักครู่",
          "The laptop is busy and has not saved this; try again in a moment"),
}


class AudienceHost(Protocol):
    """What a request needs of the server (``sala.audience.server.AudienceServer``)."""

    limits: Limits
    pages: dict[str, tuple[bytes, str]]
    allowed_hosts: set[str]
    allowed_origins: set[str]
    sends: Buckets
    join_failures: Buckets

    def phone_id(self, token_hash: str | None) -> str | None: ...
    def join(self, code: str) -> tuple[str, str]: ...
    def write(self, fn: Callable[[OrmSession], Any]) -> Any: ...
    def state(self, phone_id: str | None) -> dict[str, Any]: ...


class PhoneHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server_version = "Sala"
    sys_version = ""
    error_content_type = "application/json; charset=utf-8"

    def __init__(self, conn: socket.socket, ip: str, audience: AudienceHost, deadline: float) -> None:
        self.audience = audience
        self.deadline = deadline
        super().__init__(conn, (ip, 0), None)  # type: ignore[arg-type]

    # -- plumbing ----------------------------------------------------------------------------------
    def setup(self) -> None:
        limits = self.audience.limits
        self.connection = self.request
        self.rfile = DeadlineReader(self.request, self.deadline, limits.head_max + limits.body_max)  # type: ignore[assignment]
        self.wfile = socketserver._SocketWriter(self.request)  # type: ignore[attr-defined]

    def handle(self) -> None:
        try:
            self.handle_one_request()
        except (OverrunError, TimeoutError, ConnectionError):
            self.close_connection = True

    def finish(self) -> None:
        pass

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.client_address[0], format % args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's parse errors (400, 414, 431, 501) as our bilingual JSON."""
        if code == 501:
            code = 405
        self.close_connection = True
        self.error(code)

    # -- answers -----------------------------------------------------------------------------------
    def send(self, status: int, body: bytes, ctype: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.request.settimeout(self.audience.limits.write_s)
        self.send_response(status)
        for name, value in SECURITY_HEADERS + headers:
            self.send_header(name, value)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def answer(self, payload: dict[str, Any], status: int = 200, headers: tuple[tuple[str, str], ...] = ()) -> None:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send(status, body, "application/json; charset=utf-8", (("Cache-Control", "no-store"),) + headers)

    def error(self, status: int, headers: tuple[tuple[str, str], ...] = ()) -> None:
        code, th, en = MESSAGES[status]
        self.answer({"ok": False, "error": {"code": code, "th": th, "en": en}}, status, headers)

    def refuse(self, exc: SalaError) -> None:
        status, code = 409, "refused"
        headers: tuple[tuple[str, str], ...] = ()
        if isinstance(exc, (WriterBusyError, StorageError)):  # the laptop's trouble: nothing stored, send again
            status, code, headers = 503, "busy", (("Retry-After", str(RETRY_AFTER_S)),)
        elif isinstance(exc, actions.JoinRefusedError):
            status, code = 403, "join_refused"
        elif isinstance(exc, svc.AudienceClosedError):
            status, code = 409, "closed"
        elif isinstance(exc, ValidationError):
            status, code = 400, "invalid"
        elif isinstance(exc, NotFoundError):
            status, code = 404, "not_found"
        self.answer({"ok": False, "error": {"code": code, "th": exc.th, "en": exc.en}}, status, headers)

    # -- checks ------------------------------------------------------------------------------------
    def host_ok(self) -> bool:
        if (self.headers.get("Host") or "").lower() in self.audience.allowed_hosts:
            return True
        self.error(421)
        return False

    def phone(self) -> str | None:
        token = phone_token(self.headers.get("Cookie"))
        return self.audience.phone_id(token_hash(token) if token else None)

    # -- GET -------------------------------------------------------------------------------------
    def do_GET(self) -> None:  # the base class names it
        if not self.host_ok():
            return
        url = urlsplit(self.path)
        if url.path in self.audience.pages:
            body, ctype = self.audience.pages[url.path]
            self.send(200, body, ctype, (("Cache-Control", "no-cache"),))
        elif url.path == "/api/state":
            self.answer({"ok": True, **self.audience.state(self.phone())})
        else:
            self.error(404)

    def do_HEAD(self) -> None:
        self.do_GET()

    def _not_allowed(self) -> None:
        self.error(405, (("Allow", "GET, POST"),))

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    # -- POST ------------------------------------------------------------------------------------
    def do_POST(self) -> None:
        if not self.host_ok():
            return
        if not same_origin(self.headers.get("Origin"), self.headers.get("Referer"), self.audience.allowed_origins):
            self.error(403)
            return
        body = self.read_json()
        if body is None:
            return
        path = urlsplit(self.path).path
        route = ROUTES.get(path)
        if route is None and path != "/api/join":
            self.error(404)
            return
        try:
            if route is None:
                self.join(body)
                return
            phone = self.phone()
            if phone is None:
                self.error(401)
                return
            wait = self.audience.sends.take(phone)
            if wait:
                self.error(429, (("Retry-After", str(math.ceil(wait))),))
                return
            self.answer({"ok": True, **self.audience.write(lambda s: route(s, phone, body))})
        except SalaError as exc:
            self.refuse(exc)
        except (OverrunError, TimeoutError, ConnectionError):
            raise
        except Exception:  # a bug: logged, the phone is told nothing was saved
            log.exception("audience %s failed", path)
            self.error(500)

    def read_json(self) -> dict[str, Any] | None:
        if self.headers.get("Transfer-Encoding"):
            self.error(411)
            return None
        length = self.headers.get("Content-Length")
        if length is None:
            self.error(411)
            return None
        if not length.isdigit() or not length.isascii():
            self.error(400)
            return None
        if len(length) > 12 or int(length) > self.audience.limits.body_max:
            self.error(413)
            return None
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/json":
            self.error(415)
            return None
        raw = self.rfile.read(int(length))
        if len(raw) < int(length):
            self.close_connection = True
            return None
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.error(400)
            return None
        if not isinstance(body, dict):
            self.error(400)
            return None
        return body

    def join(self, body: dict[str, Any]) -> None:
        known = self.phone()
        if known is not None:  # a reload of the QR's address: the same phone, not a new one
            self.answer({"ok": True, "joined": True})
            return
        ip = self.client_address[0]
        wait = self.audience.join_failures.wait(ip)
        if wait:
            self.error(429, (("Retry-After", str(math.ceil(wait))),))
            return
        code = body.get("code")
        try:
            token, _phone = self.audience.join(code if isinstance(code, str) else "")
        except actions.JoinRefusedError as exc:
            self.audience.join_failures.take(ip)
            self.refuse(exc)
            return
        self.answer({"ok": True, "joined": True}, headers=(("Set-Cookie", set_cookie(token)),))


def _profile(s: Any, phone: str, body: dict[str, Any]) -> dict[str, Any]:
    actions.set_profile(s, phone, body.get("age_band"), body.get("occupation"))
    return {}


def _receipt(r: actions.Receipt) -> dict[str, Any]:
    return {"received": True, "id": r.id, "state": r.state.value, "repeated": r.repeated}


ROUTES: dict[str, Any] = {
    "/api/profile": _profile,
    "/api/opinion": lambda s, phone, b: _receipt(actions.submit_opinion(
        s, phone, b.get("key"), b.get("type"), b.get("stance"), b.get("topic_id"), b.get("text"))),
    "/api/question": lambda s, phone, b: _receipt(actions.submit_question(s, phone, b.get("key"), b.get("text"))),
    "/api/rating": lambda s, phone, b: _receipt(actions.rate(s, phone, b.get("key"), b.get("score"))),
    "/api/upvote": lambda s, phone, b: {"votes": actions.upvote(s, phone, b.get("question_id"))},
    "/api/dotvote": lambda s, phone, b: {"dots_left": actions.dot_vote(s, phone, b.get("proposal_id"))},
}
