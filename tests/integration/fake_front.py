"""A tiny HTTP front for status codes the reference service cannot be made to produce on cue
(500, 503 and 429 with Retry-After at a chosen moment), and a captive portal.

``FaultFront`` answers the first scripted ``POST /v1/batches`` with the scripted statuses and
forwards everything else to the real ``sala-central`` — so the data still lands in the real
ledger. ``captive_portal`` answers every path with a 200 HTML login page.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


def _serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def url_of(srv: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}"


def captive_portal() -> ThreadingHTTPServer:
    class Portal(BaseHTTPRequestHandler):
        def _page(self) -> None:
            body = "<html><body>กรุณาเข้าสู่ระบบ Wi-Fi / Please log in</body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._page()

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._page()

        def log_message(self, *_: object) -> None:
            pass

    return _serve(Portal)


def fault_front(upstream: str, script: list[tuple[int, dict[str, str]]]) -> ThreadingHTTPServer:
    """Answer batch POSTs with ``script`` (status, headers) in order, then forward."""
    lock = threading.Lock()
    seen: list[int] = []

    class Front(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self, method: str) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            if method == "POST" and self.path == "/v1/batches":
                with lock:
                    step = script.pop(0) if script else None
                    if step:
                        seen.append(step[0])
                if step is not None:
                    payload = b'{"error":{"code":"injected","message":"injected fault"}}'
                    self.send_response(step[0])
                    for k, v in step[1].items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            r = httpx.request(method, upstream + self.path, content=body, headers=headers, timeout=60)
            self.send_response(r.status_code)
            for k, v in r.headers.items():
                if k.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                    self.send_header(k, v)
            data = r.content if method != "HEAD" else b""
            self.send_header("Content-Length", str(len(data)) if method != "HEAD"
                             else r.headers.get("content-length", "0"))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._forward("GET")

        def do_POST(self) -> None:
            self._forward("POST")

        def do_PUT(self) -> None:
            self._forward("PUT")

        def do_HEAD(self) -> None:
            self._forward("HEAD")

        def log_message(self, *_: object) -> None:
            pass

    srv = _serve(Front)
    srv.seen = seen  # type: ignore[attr-defined]
    return srv
