"""Audience mode on a shared network: each attack a test, against the real server on real
sockets. Nothing an attacker sends gets a 500, and nothing refused is written (issue 14)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from sala.audience.guard import Limits
from sala.audience.handler import CSP
from sala.bootstrap import Services
from sala.paths import resources_dir
from sala.storage.models import AudiencePhone, AudienceSubmission
from tests.integration.audience_support import Phone, open_session, running


def _submissions(services: Services) -> int:
    with services.db.read() as s:
        return int(s.execute(select(func.count()).select_from(AudienceSubmission)).scalar_one())


def _bilingual(answer) -> dict:
    error = answer.json()["error"]
    assert error["th"] and error["en"] and error["th"] != error["en"]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in error["th"])
    return error


@pytest.fixture
def joined(services: Services):
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        phone = Phone(server.info)
        assert phone.join().status == 200
        yield services, sid, server, phone


def test_cross_origin_posts_are_refused(joined) -> None:
    services, _sid, server, phone = joined
    body = {"key": "cross-origin-1", "text": "ส่งจากเว็บอื่น"}
    evil = phone.request("POST", "/api/opinion", body, {"Origin": "http://evil.example"})
    assert evil.status == 403 and _bilingual(evil)["code"] == "other_origin"
    sneaky = phone.request("POST", "/api/opinion", body, {"Origin": None, "Referer": "http://10.9.9.9:80/x"})
    assert sneaky.status == 403
    bare = phone.request("POST", "/api/opinion", body, {"Origin": None})
    assert bare.status == 403, "no Origin and no Referer: refused"
    null = phone.request("POST", "/api/opinion", body, {"Origin": "null"})
    assert null.status == 403
    assert _submissions(services) == 0
    # an old browser that sends only a same-origin Referer is let through
    old = phone.request("POST", "/api/opinion", body, {"Origin": None, "Referer": f"{phone.origin}/?j=X"})
    assert old.status == 200 and _submissions(services) == 1


def test_a_foreign_host_name_is_refused(joined) -> None:
    """DNS rebinding: a page on evil.example whose name now points at the laptop."""
    services, _sid, server, phone = joined
    for path in ("/", "/api/state"):
        a = phone.request("GET", path, headers={"Host": f"evil.example:{server.info.port}"})
        assert a.status == 421 and _bilingual(a)["code"] == "wrong_host"
    a = phone.request("POST", "/api/opinion", {"key": "rebinding-1", "text": "x"},
                      {"Host": f"evil.example:{server.info.port}", "Origin": f"http://evil.example:{server.info.port}"})
    assert a.status == 421 and _submissions(services) == 0


def test_nothing_is_accepted_once_the_session_closes(joined) -> None:
    services, sid, server, phone = joined
    services.sessions.close(sid)
    a = phone.post("/api/opinion", {"text": "ส่งหลังปิดเวที"})
    assert a.status == 409 and _bilingual(a)["code"] == "closed"
    assert phone.post("/api/question", {"text": "ถามหลังปิด"}).status == 409
    assert Phone(server.info).join().status == 409, "no new phones either"
    assert phone.state()["open"] is False
    assert _submissions(services) == 0


def test_each_phone_is_rate_limited(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid, limits=Limits(sends_per_minute=1, send_burst=3)) as server:
        assert server.info is not None
        flooder, other = Phone(server.info), Phone(server.info)
        flooder.join()
        other.join()
        answers = [flooder.post("/api/opinion", {"text": f"ข้อความที่ {n}"}) for n in range(6)]
        assert [a.status for a in answers] == [200, 200, 200, 429, 429, 429]
        assert int(answers[3].headers["retry-after"]) >= 1
        assert _bilingual(answers[3])["code"] == "too_many"
        assert other.post("/api/opinion", {"text": "อีกเครื่องยังส่งได้"}).status == 200
    assert _submissions(services) == 4


def test_oversized_bodies_are_refused_unread(joined) -> None:
    services, _sid, server, phone = joined
    big = json.dumps({"key": "big-body-0001", "text": "ก" * 5000}, ensure_ascii=False).encode()
    a = phone.request("POST", "/api/opinion", raw=big, headers={"Content-Type": "application/json"})
    assert a.status == 413 and _bilingual(a)["code"] == "too_large"
    # a Content-Length that promises a terabyte is refused before a byte of it is read
    with socket.create_connection(("127.0.0.1", server.info.port), timeout=30) as sock:
        sock.sendall(f"POST /api/opinion HTTP/1.1\r\nHost: 127.0.0.1:{server.info.port}\r\n"
                     f"Origin: {phone.origin}\r\nCookie: {phone.cookie}\r\nContent-Type: application/json\r\n"
                     "Content-Length: 1000000000000\r\n\r\n".encode())
        assert _read_all(sock).startswith(b"HTTP/1.0 413")
    chunked = phone.request("POST", "/api/opinion", headers={"Transfer-Encoding": "chunked",
                                                             "Content-Type": "application/json"}, raw=None)
    assert chunked.status == 411
    # within the byte limit but over the text limit: a validation error in words
    long = phone.post("/api/opinion", {"text": "ข" * 1001})
    assert long.status in (400, 413)
    _bilingual(long)
    assert _submissions(services) == 0


def test_endless_headers_are_cut_off(joined) -> None:
    services, _sid, server, phone = joined
    with socket.create_connection(("127.0.0.1", server.info.port), timeout=30) as sock:
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.info.port}\r\n".encode())
        try:
            for n in range(2000):  # 60 KB of headers, far over the 16 KB budget
                sock.sendall(f"X-Filler-{n}: {'a' * 20}\r\n".encode())
        except OSError:
            pass  # the server closed on us: that is the defence
        reply = _read_all(sock)
    assert not reply.startswith(b"HTTP/1.0 200")


def test_slow_clients_cannot_hold_the_server(services: Services) -> None:
    """Slowloris: one address opens many connections and never finishes a request. It holds
    at most its share of the workers, each for at most ``request_s``; another phone is served."""
    sid = open_session(services)
    limits = Limits(request_s=3.0, per_ip_connections=4, workers=6, connections=10)
    with running(services, sid, limits=limits) as server:
        info = server.info
        assert info is not None
        phone = Phone(info, source="127.0.0.2")
        assert phone.join().status == 200
        slow = []
        for _ in range(12):
            sock = socket.create_connection(("127.0.0.1", info.port), timeout=30)
            sock.sendall(b"POST /api/opinion HTTP/1.1\r\nHost: 127.0.0.1")  # and then nothing
            slow.append(sock)
        try:
            answers = [phone.post("/api/opinion", {"text": f"ยังส่งได้ {n}"}) for n in range(3)]
            assert [a.status for a in answers] == [200, 200, 200]
            replies = [_read_all(sock) for sock in slow]  # each ends: told busy at once, or cut off
        finally:
            for sock in slow:
                sock.close()
    busy = [r for r in replies if r.startswith(b"HTTP/1.0 503")]
    assert len(busy) == 12 - limits.per_ip_connections, "beyond its share, an address is turned away at once"
    assert all(r == b"" for r in replies if r not in busy), "the stalled ones were closed without an answer"
    assert _submissions(services) == 3


def test_a_trickling_client_is_cut_off_at_the_deadline(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid, limits=Limits(request_s=1.0)) as server:
        assert server.info is not None
        request = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.info.port}\r\n" + "X-Slow: " + "a" * 10_000
        with socket.create_connection(("127.0.0.1", server.info.port), timeout=30) as sock:
            sock.settimeout(0.25)  # the pace of the trickle: one byte, then wait for the server's close
            sent, closed = 0, False
            for ch in request.encode():
                try:
                    sock.sendall(bytes([ch]))
                    sent += 1
                    closed = sock.recv(1024) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                if closed:
                    break
    assert closed and sent < len(request), "the server closed the trickle before it finished"


def test_bad_input_never_gets_a_500(joined) -> None:
    services, sid, server, phone = joined
    bodies: list[tuple[str, bytes | object]] = [
        ("/api/opinion", b"{not json"), ("/api/opinion", b"[1, 2]"), ("/api/opinion", b"\xff\xfe"),
        ("/api/opinion", b"9" * 3000), ("/api/opinion", b"[" * 2000 + b"]" * 2000),
        ("/api/opinion", {"key": ["x"], "text": "ก"}), ("/api/opinion", {"key": "short", "text": "ก"}),
        ("/api/opinion", {"text": 12}), ("/api/opinion", {"text": None}), ("/api/opinion", {"text": "   \u200b "}),
        ("/api/opinion", {"text": "ก", "type": "bogus"}), ("/api/opinion", {"text": "ก", "stance": {"a": 1}}),
        ("/api/opinion", {"text": "ก", "topic_id": "no-such-topic"}), ("/api/opinion", {"text": "ก", "topic_id": 5}),
        ("/api/question", {}), ("/api/rating", {"score": True}), ("/api/rating", {"score": 3.5}),
        ("/api/upvote", {"question_id": None}), ("/api/upvote", {"question_id": "x" * 500}),
        ("/api/dotvote", {"proposal_id": 7}), ("/api/dotvote", {}),
        ("/api/profile", {"age_band": "ninety"}), ("/api/profile", {"occupation": ["a"]}),
        ("/api/join", {"code": 123}), ("/api/join", {}), ("/api/nothing", {}), ("/../../etc/passwd", {}),
    ]
    for path, body in bodies:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        sender = Phone(server.info) if path == "/api/join" else phone  # a joined phone re-joining is fine
        a = sender.request("POST", path, raw=raw, headers={"Content-Type": "application/json"})
        assert 400 <= a.status < 500, (path, body, a.status, a.body[:200])
        _bilingual(a)
    for method in ("PUT", "DELETE", "BREW", "OPTIONS"):
        a = phone.request(method, "/api/opinion")
        assert a.status == 405, method
    for path in ("/api/state?x=%ff", "/%00", "/app.js/../../x", "/" + "a" * 10_000):
        assert phone.request("GET", path).status in (200, 404, 414), path
    assert phone.request("POST", "/api/opinion", raw=b"{}", headers={"Content-Type": "text/plain"}).status == 415
    assert _submissions(services) == 0


def test_joining_needs_the_code_and_guessing_is_slowed(joined) -> None:
    services, _sid, server, phone = joined
    guesser = Phone(server.info, source="127.0.0.3")
    answers = [guesser.join(code) for code in ("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE", "FFFFFF")]
    assert {a.status for a in answers} == {403}
    assert _bilingual(answers[0])["code"] == "join_refused"
    assert guesser.join().status == 429, "after six wrong codes even the right one waits"
    assert Phone(server.info, source="127.0.0.4").join().status == 200, "another device is not held up"
    stranger = Phone(server.info)
    a = stranger.post("/api/opinion", {"text": "ไม่ได้เข้าร่วม"})
    assert a.status == 401 and _bilingual(a)["code"] == "not_joined"
    stranger.cookie = "sala_phone=" + "A" * 43  # a made-up token
    assert stranger.post("/api/opinion", {"text": "ปลอม"}).status == 401
    assert _submissions(services) == 0


def test_the_phone_cookie_is_guarded_and_its_token_not_stored(joined) -> None:
    services, _sid, server, phone = joined
    fresh = Phone(server.info)
    cookie = fresh.join().headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    assert len(token) >= 40
    with services.db.read() as s:
        hashes = list(s.scalars(select(AudiencePhone.token_hash)))
    assert len(hashes) == 2 and token not in hashes
    assert not _file_contains(services.db.path, token.encode())


def test_no_personal_data_is_asked_or_kept(joined) -> None:
    services, _sid, server, phone = joined
    page = (resources_dir() / "audience" / "index.html").read_text(encoding="utf-8").lower()
    for field in ("name=\"name", "type=\"tel", "type=\"email", "id=\"name", "id=\"phone", "id=\"email"):
        assert field not in page
    a = phone.post("/api/opinion", {"text": "ขอถนนดีๆ", "name": "สมชาย ใจดี", "phone": "081-234-5678",
                                    "email": "somchai@example.com"})
    assert a.status == 200
    with services.db.read() as s:
        dump = "\n".join(str(r) for r in s.execute(text("SELECT * FROM audience_submission")).all()
                         + s.execute(text("SELECT * FROM audience_phone")).all())
    assert "สมชาย" not in dump and "081" not in dump and "somchai" not in dump


def test_every_answer_carries_the_security_headers(joined) -> None:
    services, _sid, server, phone = joined
    for method, path in (("GET", "/"), ("GET", "/app.js"), ("GET", "/api/state"), ("GET", "/nope"),
                         ("POST", "/api/opinion")):
        a = phone.request(method, path, {"text": "ก"} if method == "POST" else None)
        assert a.headers["content-security-policy"] == CSP, path
        assert a.headers["x-content-type-options"] == "nosniff"
        assert a.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "default-src 'none'" in CSP


def test_the_page_is_small_and_self_contained() -> None:
    folder = resources_dir() / "audience"
    files = list(folder.iterdir())
    assert sum(f.stat().st_size for f in files) <= 100 * 1024
    html = (folder / "index.html").read_text(encoding="utf-8")
    js = (folder / "app.js").read_text(encoding="utf-8")
    assert "http://" not in html + js and "https://" not in html + js, "no CDN, nothing from elsewhere"
    assert "<script>" not in html and " on" + "click=" not in html, "no inline script or handlers"
    assert "innerHTML" not in js and "=>" not in js and "`" not in js and "let " not in js and "const " not in js


def _read_all(sock: socket.socket) -> bytes:
    sock.settimeout(30)
    out = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            break
        if not chunk:
            break
        out += chunk
    return out


def _file_contains(db: Path, needle: bytes) -> bool:
    return any(needle in p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())
