"""The audience server's defences that do not need the database: a socket reader with a deadline
and a byte budget (a slow or endless client cannot hold a worker), token buckets for rate limits,
the same-origin check, and the phone's cookie.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

COOKIE = "sala_phone"
COOKIE_MAX_AGE_S = 12 * 3600


@dataclass(frozen=True)
class Limits:
    """Bounds on what phones may cost the laptop; the defaults suit a room of a few hundred."""

    workers: int = 16
    """Threads answering requests; more connections wait (up to ``connections``)."""
    connections: int = 64
    """Connections accepted at once; beyond that a client is told 503 and closed at once."""
    per_ip_connections: int = 8
    """Connections one address may hold at once, so one client cannot take every worker."""
    request_s: float = 5.0
    """Time a client has to send its whole request (line, headers and body)."""
    write_s: float = 5.0
    """Time a client has to take our answer."""
    head_max: int = 16 * 1024
    """Bytes of request line and headers."""
    body_max: int = 4 * 1024
    """Bytes of a request body (an opinion of 1,000 Thai characters is about 3 KB as JSON)."""
    sends_per_minute: float = 20.0
    send_burst: int = 8
    join_failures_per_minute: float = 6.0
    join_failure_burst: int = 6


class OverrunError(Exception):
    """A client sent more than its budget, or too slowly: the connection is closed."""


class DeadlineReader:
    """Reads a socket for the request handler; every byte must arrive before ``deadline``
    (time.monotonic) and no more than ``budget`` bytes are read in all."""

    def __init__(self, sock: socket.socket, deadline: float, budget: int) -> None:
        self._sock = sock
        self._deadline = deadline
        self._budget = budget
        self._buf = bytearray()

    def _fill(self) -> bool:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("request too slow")
        if self._budget <= 0:
            raise OverrunError("request too large")
        self._sock.settimeout(left)
        chunk = self._sock.recv(min(4096, self._budget))
        if not chunk:
            return False
        self._budget -= len(chunk)
        self._buf += chunk
        return True

    def readline(self, limit: int = -1) -> bytes:
        while True:
            i = self._buf.find(b"\n")
            if i >= 0 and (limit < 0 or i < limit):
                cut = i + 1
                break
            if 0 <= limit <= len(self._buf):
                cut = limit
                break
            if not self._fill():
                cut = len(self._buf)
                break
        out = bytes(self._buf[:cut])
        del self._buf[:cut]
        return out

    def read(self, n: int = -1) -> bytes:
        if n < 0:
            raise OverrunError("unbounded read")
        while len(self._buf) < n and self._fill():
            pass
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def close(self) -> None:
        self._buf.clear()


class Buckets:
    """Token buckets by key: ``rate`` tokens a minute up to ``burst``; bounded in size."""

    def __init__(self, per_minute: float, burst: int, max_keys: int = 10_000) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._max = max_keys
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 if a token was taken; else the seconds until one will be there."""
        t = time.monotonic()
        with self._lock:
            tokens, then = self._state.get(key, (self._burst, t))
            tokens = min(self._burst, tokens + (t - then) * self._rate)
            if tokens >= 1.0:
                self._state[key] = (tokens - 1.0, t)
                return 0.0
            self._state[key] = (tokens, t)
            if len(self._state) > self._max:
                self._prune(t)
            return (1.0 - tokens) / self._rate if self._rate > 0 else 3600.0

    def wait(self, key: str) -> float:
        """Seconds until ``key`` has a token again (0: it has one now); takes nothing."""
        t = time.monotonic()
        with self._lock:
            tokens, then = self._state.get(key, (self._burst, t))
        tokens = min(self._burst, tokens + (t - then) * self._rate)
        if tokens >= 1.0:
            return 0.0
        return (1.0 - tokens) / self._rate if self._rate > 0 else 3600.0

    def _prune(self, t: float) -> None:
        full = [k for k, (tok, then) in self._state.items() if tok + (t - then) * self._rate >= self._burst]
        for k in full:
            del self._state[k]
        while len(self._state) > self._max:
            del self._state[next(iter(self._state))]


def origin_of(url: str) -> str | None:
    """``scheme://host:port`` of a URL, or None when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def same_origin(origin: str | None, referer: str | None, allowed: set[str]) -> bool:
    """A browser's write comes from our own page: its Origin, or (older browsers send none on
    a same-origin request) its Referer, is one of our addresses. Neither: refused."""
    if origin is not None:
        return origin.lower() in allowed
    if referer is not None:
        return origin_of(referer) in allowed
    return False


def phone_token(cookie_header: str | None) -> str | None:
    """The phone's token from a Cookie header, if it has a well-formed one."""
    if not cookie_header or len(cookie_header) > 4096:
        return None
    for part in cookie_header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name == COOKIE and 20 <= len(value) <= 100 and all(c.isalnum() or c in "-_" for c in value):
            return value
    return None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def set_cookie(token: str) -> str:
    return f"{COOKIE}={token}; Path=/; Max-Age={COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict"
