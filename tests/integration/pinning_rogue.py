"""A rogue server for the pinning tests: a real HTTP server process at the sync address that
poses as the platform, with a key of its own, and writes down every request it gets (above all
any ``Authorization`` header: a token it must never see).

    python -m tests.integration.pinning_rogue --fd N --log FILE --mode MODE --upstream URL

Modes (``upstream`` is the real platform, whose public hello the rogue copies):

- ``own_key``:  the real server id, its own signing and sealing keys, a valid proof by its key.
- ``swap_seal``: relays the real proof for the laptop's nonce but offers its own sealing key
  (a sealing-key rotation the pinned key never signed).
- ``unsigned``: the real id and signing key, its own sealing key, no proof at all.
- ``replay``:   a proof the real platform made earlier for another nonce, its own sealing key.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx

from sala.wire import crypto
from sala.wire import enroll as enroll_wire


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fd", type=int, required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--mode", required=True)
    ap.add_argument("--upstream", default="")
    args = ap.parse_args()
    sign_key = crypto.generate_signing_key()
    seal_pub = crypto.sealing_public_b64(crypto.generate_sealing_key())
    real = httpx.get(args.upstream + "/v1/hello", params={"nonce": "ab" * 16}).json() \
        if args.upstream else None
    log = open(args.log, "a", encoding="utf-8")

    def hello(nonce: str) -> dict:
        assert real is not None
        doc = {k: v for k, v in real.items() if k != "proof"}
        doc["sealing_key"] = {"alg": crypto.SEAL_ALG, "public_key": seal_pub}
        if args.mode == "own_key":
            doc["signing_key"] = crypto.public_key_b64(sign_key)
            doc["proof"] = enroll_wire.sign_hello(sign_key, nonce=nonce, server_id=doc["server_id"],
                                                  sealing_key=seal_pub, sealing_alg=crypto.SEAL_ALG)
        elif args.mode == "swap_seal":
            fresh = httpx.get(args.upstream + "/v1/hello", params={"nonce": nonce}).json()
            doc["proof"] = fresh["proof"]
        elif args.mode == "replay":
            doc["proof"] = real["proof"]
        return doc

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n) if n else b""
            log.write(json.dumps({"method": self.command, "path": self.path,
                                  "authorization": self.headers.get("Authorization"),
                                  "body": body.decode("utf-8", "replace")[:2000]}) + "\n")
            log.flush()

        def _answer(self, doc: dict, status: int = 200) -> None:
            data = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._record()
            url = urlsplit(self.path)
            if url.path == "/v1/hello":
                nonce = parse_qs(url.query).get("nonce", [""])[0]
                self._answer(hello(nonce))
            else:
                self._answer({"since": 0, "cursor": 0, "topics": [], "venues": [], "guides": []})

        def do_POST(self) -> None:
            self._record()
            self._answer({"challenge": "c" * 43, "expires_in": 300, "server_id": "srv-rogue",
                          "token": "stolen", "device_id": "x"})

        do_PUT = do_HEAD = do_POST

        def log_message(self, *_: object) -> None:
            pass

    sock = socket.socket(fileno=args.fd)
    server = HTTPServer(sock.getsockname()[:2], Handler, bind_and_activate=False)
    server.socket = sock
    try:
        server.serve_forever()
    finally:
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
