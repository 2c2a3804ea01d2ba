"""A TCP proxy on 127.0.0.1 that cuts connections after N bytes, for link-fault tests.

Real sockets, no HTTP knowledge: ``cut_up`` closes a connection once the client has sent that
many bytes on it (the request dies mid-body); ``cut_down`` closes it once the server has sent
that many bytes back, counted only after the client sent ``arm_after_up`` bytes (so the batch
answer — written only after the server's commit — is what gets lost, not the hello probe).
``cuts`` bounds how many connections are cut; later ones pass through untouched.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field


@dataclass
class CutProxy:
    upstream_port: int
    cut_up: int | None = None
    cut_down: int | None = None
    arm_after_up: int = 0
    cuts: int = 1
    port: int = 0
    cut_count: int = 0
    _sock: socket.socket | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopped: bool = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> CutProxy:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped = True
        if self._sock is not None:
            self._sock.close()

    def _take_cut(self) -> bool:
        with self._lock:
            if self.cut_count < self.cuts:
                self.cut_count += 1
                return True
            return False

    def _accept(self) -> None:
        assert self._sock is not None
        while not self._stopped:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                continue
            Conn(self, client, server).start()


class Conn:
    """One proxied connection: two pumps sharing byte counters."""

    def __init__(self, proxy: CutProxy, client: socket.socket, server: socket.socket) -> None:
        self.p, self.client, self.server = proxy, client, server
        self.up = self.down = 0
        self.dead = False

    def start(self) -> None:
        threading.Thread(target=self._pump, args=(self.client, self.server, True), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.server, self.client, False), daemon=True).start()

    def _kill(self) -> None:
        self.dead = True
        for s in (self.client, self.server):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def _pump(self, src: socket.socket, dst: socket.socket, upward: bool) -> None:
        try:
            while not self.dead:
                data = src.recv(65536)
                if not data:
                    break
                if upward:
                    limit = self.p.cut_up
                    if limit is not None and self.up + len(data) > limit and self.p._take_cut():
                        dst.sendall(data[: max(0, limit - self.up)])
                        return self._kill()
                    self.up += len(data)
                else:
                    limit = self.p.cut_down
                    if (limit is not None and self.up > self.p.arm_after_up
                            and self.down + len(data) > limit and self.p._take_cut()):
                        dst.sendall(data[: max(0, limit - self.down)])
                        return self._kill()
                    self.down += len(data)
                dst.sendall(data)
        except OSError:
            pass
        if not self.dead:
            self._kill()
