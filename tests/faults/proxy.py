"""A TCP proxy that breaks the link the ways field links break, one seeded fault per connection.

Between a real client and a real ``sala-central`` on 127.0.0.1. Every accepted connection,
keep-alive ones included, draws a :class:`Plan` from a seeded RNG: a kind of fault, the
direction it hits (client → server or back), and how many bytes pass first. The offset can fall
in the first request's head, mid-body, in the answer after the server's commit, or several
requests deep into a reused connection. Kinds:

- ``cut``: both ends closed (FIN) at the offset;
- ``reset``: both ends aborted with RST (``SO_LINGER`` 0) at the offset;
- ``stall``: from the offset nothing more is forwarded in that direction (bytes read and
  dropped), the connection kept open until an end gives up;
- ``delay``: every chunk from the offset on waits a while before it is forwarded;
- ``trickle``: from the offset, bytes go a few at a time with pauses (slow enough upward to be a
  stall by the client's progress rule, quick enough downward to finish);
- ``portal``: nothing reaches the server; every request on the connection is answered
  ``200 OK`` with a login page, as a captive portal does;
- ``none``: the connection passes untouched.

``injected`` counts faults that took effect (a cut whose offset the connection never reached
was not injected). Threads, not asyncio: the client under test blocks, and so may we.
"""

from __future__ import annotations

import random
import select
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("none", "cut", "reset", "stall", "delay", "trickle", "portal")
DEFAULT_WEIGHTS = {"none": 12, "cut": 20, "reset": 20, "stall": 5, "delay": 9, "trickle": 8,
                   "portal": 12}
PORTAL_PAGE = (b"<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body>"
               b"<form method=post action=/login>Accept the terms to use the free Wi-Fi "
               b"<button>Connect</button></form></body></html>")
HOLD_MAX_S = 60.0   # a stalled connection no end gives up on is closed after this


@dataclass(frozen=True)
class Plan:
    kind: str
    upward: bool          # the fault hits client → server bytes (else server → client)
    after: int            # bytes of that direction that pass before it strikes
    pause: float = 0.0    # delay per chunk, or pause between trickled pieces
    piece: int = 0        # bytes per trickled piece


def draw(rng: random.Random, weights: dict[str, int]) -> Plan:
    kind = rng.choices(list(weights), weights=list(weights.values()))[0]
    upward = rng.random() < 0.5
    # Mostly early (heads and first bodies), sometimes deep in a kept-alive connection.
    after = rng.choice([rng.randrange(0, 400), rng.randrange(0, 6_000), rng.randrange(0, 40_000)])
    if kind == "delay":
        return Plan(kind, upward, after, pause=rng.uniform(0.002, 0.03))
    if kind == "trickle":
        if upward:   # a few bytes every 50 ms: slower than the client's progress rule allows
            return Plan(kind, upward, after, pause=0.05, piece=rng.randrange(1, 16))
        return Plan(kind, upward, after, pause=0.002, piece=rng.randrange(64, 1024))
    return Plan(kind, upward, after)


@dataclass
class FaultProxy:
    """``FaultProxy(upstream_port, seed=…).start()``; ``url`` is where the client goes."""

    upstream_port: int
    seed: int = 0
    weights: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    enabled: bool = True
    force: Plan | None = None     # every connection gets this plan (a test of one fault)
    port: int = 0
    connections: int = 0
    injected: Counter[str] = field(default_factory=Counter)
    _rng: random.Random = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _sock: socket.socket | None = None
    _stopped: threading.Event = field(default_factory=threading.Event)
    _conns: set[_Conn] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def total(self) -> int:
        """Faults injected so far, every kind together."""
        with self._lock:
            return sum(self.injected.values())

    def start(self) -> FaultProxy:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._accept, name="fault-proxy", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        if self._sock is not None:
            self._sock.close()
        with self._lock:
            conns = list(self._conns)
        for c in conns:
            c.close()

    def count(self, kind: str) -> None:
        with self._lock:
            self.injected[kind] += 1

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._stopped.is_set():
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                plan = (Plan("none", True, 0) if not self.enabled
                        else self.force or draw(self._rng, self.weights))
            conn = _Conn(self, client, plan)
            with self._lock:
                self._conns.add(conn)
            threading.Thread(target=conn.run, name="fault-conn", daemon=True).start()

    def _forget(self, conn: _Conn) -> None:
        with self._lock:
            self._conns.discard(conn)


class _Conn:
    """One proxied connection carrying out its plan."""

    def __init__(self, proxy: FaultProxy, client: socket.socket, plan: Plan) -> None:
        self.p, self.client, self.plan = proxy, client, plan
        self.server: socket.socket | None = None
        self.dead = threading.Event()
        self._counted = False
        self._lock = threading.Lock()

    def run(self) -> None:
        try:
            if self.plan.kind == "portal":
                self._portal()
                return
            try:
                self.server = socket.create_connection(("127.0.0.1", self.p.upstream_port))
            except OSError:
                return
            down = threading.Thread(target=self._pump, args=(self.server, self.client, False), daemon=True)
            down.start()
            self._pump(self.client, self.server, True)
            down.join(HOLD_MAX_S)
        finally:
            self.close()
            self.p._forget(self)

    def _strike(self) -> None:
        """Count this connection's fault once, when it first takes effect."""
        with self._lock:
            if self._counted:
                return
            self._counted = True
        self.p.count(self.plan.kind)

    def close(self, reset: bool = False) -> None:
        self.dead.set()
        for s in (self.client, self.server):
            if s is None:
                continue
            try:
                if reset:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def _pump(self, src: socket.socket, dst: socket.socket, upward: bool) -> None:
        plan = self.plan
        mine = plan.kind != "none" and plan.upward == upward
        passed = 0
        started = time.monotonic()
        try:
            while not self.dead.is_set():
                ready, _, _ = select.select([src], [], [], 0.1)
                if not ready:
                    if time.monotonic() - started > HOLD_MAX_S:
                        break
                    continue
                data = src.recv(65536)
                if not data:
                    break
                if not mine or passed + len(data) <= plan.after:
                    passed += len(data)
                    dst.sendall(data)
                    continue
                head, tail = data[: max(0, plan.after - passed)], data[max(0, plan.after - passed):]
                if head:
                    dst.sendall(head)
                passed += len(data)
                if self._hit(tail, dst):
                    return
        except OSError:
            pass
        self.close()

    def _hit(self, data: bytes, dst: socket.socket) -> bool:
        """Carry out the fault on ``data`` (bytes past the offset). True: the connection is over."""
        kind = self.plan.kind
        self._strike()
        if kind in ("cut", "reset"):
            self.close(reset=kind == "reset")
            return True
        if kind == "stall":
            return False          # dropped; the pump keeps reading so it sees an end give up
        if kind == "delay":
            if self.dead.wait(self.plan.pause):      # the pause ends early when the connection dies
                return True
            dst.sendall(data)
            return False
        for i in range(0, len(data), self.plan.piece):   # trickle
            if self.dead.is_set():
                return True
            dst.sendall(data[i:i + self.plan.piece])
            self.dead.wait(self.plan.pause)
        return False

    def _portal(self) -> None:
        """Answer every request on this connection with the login page, keep-alive."""
        try:
            self._portal_answers()
        except OSError:   # the client gave up on the page and closed or reset the connection
            pass

    def _portal_answers(self) -> None:
        buf = b""
        while not self.dead.is_set():
            while b"\r\n\r\n" not in buf:
                ready, _, _ = select.select([self.client], [], [], HOLD_MAX_S)
                chunk = self.client.recv(65536) if ready else b""
                if not chunk:
                    return
                buf += chunk
            head, buf = buf.split(b"\r\n\r\n", 1)
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length" and value.strip().isdigit():
                    length = int(value.strip())
            while len(buf) < length:
                chunk = self.client.recv(65536)
                if not chunk:
                    return
                buf += chunk
            buf = buf[length:]
            self._strike()
            self.client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                b"Content-Length: " + str(len(PORTAL_PAGE)).encode()
                                + b"\r\nConnection: keep-alive\r\n\r\n" + PORTAL_PAGE)
