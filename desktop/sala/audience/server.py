"""The audience server: the phone page and its small JSON API, over plain HTTP on the LAN.

Threads, not asyncio: one acceptor thread and a fixed pool of workers (:class:`Limits`). Each
write goes through ``commit`` (the app's single writer) and the phone is told "received" only
when that returns, that is after the transaction committed. Reads (the page's state) use their
own read transactions beside the writer (SQLite WAL). See the README, "Audience mode on a shared
network", for why plain HTTP and what the join code protects.
"""

from __future__ import annotations

import json
import logging
import secrets
import selectors
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session as OrmSession

from sala.audience import actions
from sala.audience.guard import Buckets, Limits, token_hash
from sala.audience.handler import PhoneHandler
from sala.audience.network import check_bindable
from sala.domain.errors import SalaError
from sala.paths import resources_dir
from sala.services import audience as svc
from sala.storage.database import Database
from sala.storage.models import AudiencePhone

log = logging.getLogger(__name__)

T = TypeVar("T")
Commit = Callable[[Callable[[OrmSession], T]], T]
"""Runs ``fn(session)`` in one write transaction on the app's single writer; returns ``fn``'s
result only after the commit (raises what ``fn`` raised, nothing written; or
:class:`~sala.audience.errors.WriterBusyError` when the writer could not start it in time, and then
never will: the phone hears 503 and sends again)."""

STATIC = {"/": ("index.html", "text/html; charset=utf-8"),
          "/index.html": ("index.html", "text/html; charset=utf-8"),
          "/app.js": ("app.js", "text/javascript; charset=utf-8"),
          "/app.css": ("app.css", "text/css; charset=utf-8")}
BUSY = ("HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 2\r\n"
        "Connection: close\r\n\r\n"
        "เครื่องยังไม่ว่าง ลองใหม่อีกครั้งในอีกสักครู่ / The laptop is busy; try again in a moment\n").encode()


@dataclass(frozen=True)
class AudienceInfo:
    """Where phones find the page: one address per bound interface, each carrying the join code
    (what the QR code holds), the port and the join code itself."""

    urls: tuple[str, ...]
    port: int
    join_code: str

    def join_url(self, index: int = 0) -> str:
        return f"{self.urls[index]}?j={self.join_code}"


def direct_commit(db: Database) -> Commit[Any]:
    """A ``commit`` for tests, the bench and the command line: one lock, one write transaction."""
    lock = threading.Lock()

    def commit(fn: Callable[[OrmSession], T]) -> T:
        with lock, db.write() as s:
            return fn(s)

    return commit


@dataclass
class _Counters:
    lock: threading.Lock = field(default_factory=threading.Lock)
    total: int = 0
    per_ip: dict[str, int] = field(default_factory=dict)


class AudienceServer:
    """Serves one session's audience on the chosen local addresses (see :mod:`network`)."""

    def __init__(self, db: Database, session_id: str, bind_ips: Sequence[str], commit: Commit[Any],
                 on_change: Callable[[], None] | None = None, *, port: int = 0,
                 limits: Limits | None = None, page_dir: Path | None = None) -> None:
        if not bind_ips:
            raise SalaError("เลือกเครือข่ายที่จะให้โทรศัพท์เข้าร่วมอย่างน้อยหนึ่งเครือข่าย",
                            "Choose at least one network for the phones to join on")
        self.db = db
        self.session_id = session_id
        self.bind_ips = tuple(check_bindable(ip) for ip in dict.fromkeys(bind_ips))
        self.commit = commit
        self.on_change = on_change
        self.limits = limits or Limits()
        self._port = port
        self._page_dir = page_dir or resources_dir() / "audience"
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.sends = Buckets(self.limits.sends_per_minute, self.limits.send_burst)
        self.join_failures = Buckets(self.limits.join_failures_per_minute, self.limits.join_failure_burst)
        self.allowed_hosts: set[str] = set()
        self.allowed_origins: set[str] = set()
        self.phones: dict[str, str] = {}  # token hash -> phone id (a cache of audience_phone)
        self._phones_lock = threading.Lock()
        self._listeners: list[socket.socket] = []
        self._counters = _Counters()
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._pool: ThreadPoolExecutor | None = None
        self._acceptor: threading.Thread | None = None
        self.info: AudienceInfo | None = None

    # -- life ------------------------------------------------------------------------------------
    def start(self) -> AudienceInfo:
        """Open the room (its join code), bind every address on one free port, start serving."""
        if self.info is not None:
            return self.info
        for name, (filename, ctype) in STATIC.items():
            self.pages[name] = ((self._page_dir / filename).read_bytes(), ctype)
        try:
            code = self.commit(lambda s: svc.open_room(s, self.session_id).join_code)
            self._bind()
        except BaseException:
            self._wake_r.close()
            self._wake_w.close()
            self._stop.set()
            raise
        port = self._listeners[0].getsockname()[1]
        self.allowed_hosts = {f"{ip}:{port}" for ip in self.bind_ips}
        self.allowed_origins = {f"http://{h}" for h in self.allowed_hosts}
        self._pool = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="sala-audience")
        self._acceptor = threading.Thread(target=self._accept_loop, name="sala-audience-accept", daemon=True)
        self._acceptor.start()
        self.info = AudienceInfo(tuple(f"http://{ip}:{port}/" for ip in self.bind_ips), port, code)
        log.info("audience mode for %s on %s", self.session_id, ", ".join(self.info.urls))
        return self.info

    def _bind(self) -> None:
        for attempt in range(20):
            port = self._port
            bound: list[socket.socket] = []
            try:
                for ip in self.bind_ips:
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    bound.append(sock)
                    sock.bind((ip, port))
                    sock.listen(128)
                    sock.setblocking(False)
                    port = sock.getsockname()[1]
            except OSError as exc:
                for sock in bound:
                    sock.close()
                if self._port or attempt == 19:  # a chosen port, or no luck finding a common one
                    raise SalaError(f"เปิดรับโทรศัพท์ที่ {', '.join(self.bind_ips)} ไม่ได้ ({exc.strerror})",
                                    f"Cannot listen for phones on {', '.join(self.bind_ips)} ({exc.strerror})"
                                    ) from exc
                continue
            self._listeners = bound
            return

    def stop(self) -> None:
        """Stop accepting, let requests in progress finish, close everything. Idempotent."""
        if self._stop.is_set():
            return
        self._stop.set()
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass
        if self._acceptor is not None:
            self._acceptor.join(10)
        for sock in self._listeners:
            sock.close()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self._wake_r.close()
        self._wake_w.close()
        log.info("audience mode for %s stopped", self.session_id)

    @property
    def running(self) -> bool:
        return self.info is not None and not self._stop.is_set()

    @property
    def phones_joined(self) -> int:
        with self.db.read() as s:
            return svc.phones_joined(s, self.session_id)

    # -- connections -----------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        sel = selectors.DefaultSelector()
        for sock in self._listeners:
            sel.register(sock, selectors.EVENT_READ)
        sel.register(self._wake_r, selectors.EVENT_READ)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select():
                    if key.fileobj is self._wake_r or self._stop.is_set():
                        return
                    try:
                        conn, addr = key.fileobj.accept()  # type: ignore[union-attr]
                    except OSError:
                        continue
                    self._admit(conn, addr[0])
        finally:
            sel.close()

    def _admit(self, conn: socket.socket, ip: str) -> None:
        c = self._counters
        with c.lock:
            full = c.total >= self.limits.connections or c.per_ip.get(ip, 0) >= self.limits.per_ip_connections
            if not full:
                c.total += 1
                c.per_ip[ip] = c.per_ip.get(ip, 0) + 1
        if full:
            try:
                conn.setblocking(False)
                conn.send(BUSY)
            except OSError:
                pass
            conn.close()
            return
        assert self._pool is not None
        self._pool.submit(self._serve, conn, ip)

    def _serve(self, conn: socket.socket, ip: str) -> None:
        try:
            if not self._stop.is_set():
                conn.setblocking(True)
                PhoneHandler(conn, ip, self, time.monotonic() + self.limits.request_s)
        except Exception:  # one bad connection must not end the worker
            log.exception("audience connection from %s failed", ip)
        finally:
            try:
                conn.close()
            except OSError:
                pass
            c = self._counters
            with c.lock:
                c.total -= 1
                left = c.per_ip.get(ip, 1) - 1
                if left:
                    c.per_ip[ip] = left
                else:
                    c.per_ip.pop(ip, None)

    # -- used by the handler ---------------------------------------------------------------------
    def phone_id(self, token_hash: str | None) -> str | None:
        """The joined phone behind a cookie's token, or None."""
        if token_hash is None:
            return None
        with self._phones_lock:
            known = self.phones.get(token_hash)
        if known is not None:
            return known
        with self.db.read() as s:
            phone = actions.find_phone(s, self.session_id, token_hash)
        if phone is None:
            return None
        with self._phones_lock:
            self.phones[token_hash] = phone.id
        return phone.id

    def join(self, code: str) -> tuple[str, str]:
        """A new phone for ``code``: its cookie token and its id (after the commit)."""
        token = secrets.token_urlsafe(32)
        digest = token_hash(token)
        phone = self.commit(lambda s: actions.join(s, self.session_id, code, digest).id)
        with self._phones_lock:
            self.phones[digest] = phone
        self.changed()
        return token, phone

    def write(self, fn: Callable[[OrmSession], T]) -> T:
        """Commit a phone's write on the app's writer, then tell the UI something changed."""
        result = self.commit(fn)
        self.changed()
        return result

    def changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # the phone's write is committed; the UI's trouble is its own
                log.exception("audience on_change failed")

    def state(self, phone_id: str | None) -> dict[str, Any]:
        with self.db.read() as s:
            phone = s.get(AudiencePhone, phone_id) if phone_id else None
            return actions.phone_view(s, self.session_id, phone)


def json_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
