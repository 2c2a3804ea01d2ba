"""A server that trickles its answer's status line and headers a byte at a time (issue 11): every
socket read gets a byte well within the read timeout, so only a watchdog over the whole exchange
notices. Against a small rogue server (real sockets on 127.0.0.1) that never finishes its
headers, the client gives up within twice the stall limit, as "the link stalled" in both
languages, and a sync run through it ends as "no link" having sent nothing."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sala.sync.client import CentralClient, LinkStalled
from sala.sync.messages import Outcome
from sala.sync.run_report import RetryPolicy
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import enroll, fill, laptop, point_at, states


class HeaderTrickler:
    """Accepts connections, reads the request head, then sends ``HTTP/1.1 200 OK`` and endless
    header lines one byte every ``pause`` seconds until stopped or the client hangs up."""

    def __init__(self, pause: float = 0.02) -> None:
        self.pause = pause
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.connections = 0
        self.bytes_sent = 0
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HeaderTrickler:
        t = threading.Thread(target=self._accept, daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    head += chunk
                line = 0
                while not self.stop.is_set():
                    text = b"HTTP/1.1 200 OK\r\n" if line == 0 else b"X-Wait-%d: more\r\n" % line
                    line += 1
                    for i in range(len(text)):
                        if self.stop.wait(self.pause):
                            return
                        conn.sendall(text[i:i + 1])
                        self.bytes_sent += 1
            except OSError:        # the client gave up: what we want
                return

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        for t in self._threads:
            t.join(timeout=5)


@pytest.fixture
def trickler() -> Iterator[HeaderTrickler]:
    t = HeaderTrickler().start()
    yield t
    t.close()


def test_trickled_headers_end_the_request_as_a_stall(trickler: HeaderTrickler) -> None:
    with CentralClient(trickler.url, timeout=0.3) as client:
        with pytest.raises(LinkStalled) as stalled:
            client.hello("ab" * 16)
    # every byte came well within the socket timeout, yet the request was given up: bytes kept
    # coming a few per stall period, never the progress the rule asks for
    assert 0 < trickler.bytes_sent < 200
    assert "การเชื่อมต่อค้าง" in stalled.value.th and "The link stalled" in stalled.value.en


def test_a_sync_run_through_a_header_trickler_ends_as_no_link(trickler: HeaderTrickler,
                                                              tmp_path: Path) -> None:
    srv = CentralServer(f"sqlite:///{tmp_path / 'central.sqlite3'}", tmp_path / "blobs").start()
    svc = laptop(tmp_path)
    try:
        fill(svc, 5)
        enroll(svc, srv)
        point_at(svc, trickler.url)
        quick = RetryPolicy(base=0.002, cap=0.01, network_attempts=2, stall=0.3)
        report = svc.sync.sync(policy=quick)
        assert report.outcome is Outcome.NO_LINK and report.sent == 0
        assert "The link stalled" in report.detail and "การเชื่อมต่อค้าง" in report.detail
        assert trickler.connections >= 2 and states(svc)["pending"] == 5
        point_at(svc, srv.url)
        assert svc.sync.sync(policy=quick).outcome is Outcome.OK
    finally:
        svc.close()
        srv.stop()
