"""The app's one writer is busy past a phone's deadline (a long save, a finalize): the phone is told
503 with Retry-After, in Thai and English, that its card was not received and can be sent again;
nothing it sent then lands later, and sending again with the same client key stores it once.

Over real sockets against the real server, with the app's own WriterBridge on its TaskRunner."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from sala.audience.errors import WriterBusyError
from sala.audience.server import AudienceServer
from sala.bootstrap import Services
from sala.storage.models import AudiencePhone, AudienceSubmission, Vote
from sala.ui.audience.writer_bridge import WriterBridge
from tests.integration.audience_support import Phone, open_session

WAIT_S = 0.3
"""The phone's deadline in these tests (the app's is 30 s)."""


@pytest.fixture
def server(services: Services, tasks) -> Iterator[AudienceServer]:
    from sala.domain import enums as e

    sid = open_session(services, e.SessionKind.EXHIBITION, "นิทรรศการฝุ่น")
    services.exhibition.add_proposal(sid, "เขตอากาศสะอาดรอบโรงเรียน")
    bridge = WriterBridge(services.db, tasks, wait_s=WAIT_S)
    srv = AudienceServer(services.db, sid, ["127.0.0.1"], bridge.commit)
    _start(srv)
    yield srv
    bridge.close()
    srv.stop()


@pytest.fixture
def writer_busy(tasks) -> Iterator[threading.Event]:
    """Hold the app's writer until the test sets the event (and always at the end)."""
    gate = threading.Event()
    yield gate
    gate.set()
    assert tasks.wait_idle(10)


def _start(srv: AudienceServer) -> None:
    """As the app does: the room opens through the writer, off the UI thread."""
    t = threading.Thread(target=srv.start)
    t.start()
    t.join(10)
    assert srv.running


def _hold(tasks, gate: threading.Event) -> None:
    tasks.run(lambda: gate.wait(60))


def _count(services: Services, model, **where) -> int:
    with services.db.read() as s:
        stmt = select(func.count()).select_from(model)
        for name, value in where.items():
            stmt = stmt.where(getattr(model, name) == value)
        return int(s.execute(stmt).scalar_one())


def _busy(answer) -> None:
    assert answer.status == 503, (answer.status, answer.body)
    assert answer.headers.get("retry-after") == "2"
    error = answer.json()["error"]
    assert error["code"] == "busy"
    busy = WriterBusyError()
    assert (error["th"], error["en"]) == (busy.th, busy.en)
    assert "ยังไม่ได้รับ" in error["th"] and "ส่งอีกครั้ง" in error["th"]
    assert "not received" in error["en"] and "send again" in error["en"]


def test_a_send_the_writer_could_not_take_is_503_and_stored_once_when_sent_again(
        services: Services, tasks, server: AudienceServer, writer_busy: threading.Event) -> None:
    assert server.info is not None
    phone = Phone(server.info)
    assert phone.join().status == 200
    key = "retry-key-0001"
    body = {"key": key, "type": "concern", "stance": "oppose", "text": "ฝุ่นควันทำให้เด็กไอทุกคืน"}

    _hold(tasks, writer_busy)
    _busy(phone.post("/api/opinion", body))
    writer_busy.set()
    assert tasks.wait_idle(10)
    assert _count(services, AudienceSubmission) == 0, "a send told 'not received' never lands later"

    again = phone.post("/api/opinion", body)
    assert again.status == 200 and again.json()["repeated"] is False
    third = phone.post("/api/opinion", body)  # the answer was lost: the phone sends once more
    assert third.status == 200 and third.json()["repeated"] is True and third.json()["id"] == again.json()["id"]
    assert _count(services, AudienceSubmission, client_key=key) == 1


def test_every_kind_of_send_is_503_while_the_writer_is_busy(
        services: Services, tasks, server: AudienceServer, writer_busy: threading.Event) -> None:
    """Joining, the profile, a question, a rating and a dot: none is refused (409), none half-made."""
    assert server.info is not None
    phone, late = Phone(server.info), Phone(server.info)
    assert phone.join().status == 200
    proposal = phone.state()["proposals"][0]["id"]
    _hold(tasks, writer_busy)
    _busy(late.join())
    _busy(phone.post("/api/profile", {"age_band": "18_24"}))
    _busy(phone.post("/api/question", {"key": "q-key-00001", "text": "จะแจกหน้ากากเมื่อไร"}))
    _busy(phone.post("/api/rating", {"key": "r-key-00001", "score": 4}))
    _busy(phone.post("/api/dotvote", {"proposal_id": proposal}))
    writer_busy.set()
    assert tasks.wait_idle(10)
    assert _count(services, AudiencePhone) == 1 and late.cookie is None
    assert _count(services, AudienceSubmission) == 0 and _count(services, Vote) == 0
    # sent again, each lands once
    assert late.join().status == 200
    assert phone.post("/api/question", {"key": "q-key-00001", "text": "จะแจกหน้ากากเมื่อไร"}).status == 200
    assert phone.post("/api/rating", {"key": "r-key-00001", "score": 4}).status == 200
    assert phone.post("/api/dotvote", {"proposal_id": proposal}).json()["dots_left"] == 2
    assert _count(services, AudiencePhone) == 2 and _count(services, AudienceSubmission) == 2
    assert _count(services, Vote) == 1


def test_phones_hammering_a_busy_laptop_double_nothing(services: Services, tasks, writer_busy: threading.Event
                                                       ) -> None:
    """An attacker (or an impatient thumb) sends the same card from several connections at once,
    over and over, while the writer is busy: every try is 503, the writer's queue drains without
    writing anything, and once the laptop is free the same burst stores the card once."""
    from sala.audience.guard import Limits

    sid = open_session(services)
    bridge = WriterBridge(services.db, tasks, wait_s=WAIT_S)
    srv = AudienceServer(services.db, sid, ["127.0.0.1"], bridge.commit,
                         limits=Limits(sends_per_minute=6000, send_burst=64))
    _start(srv)
    try:
        assert srv.info is not None
        phone = Phone(srv.info)
        assert phone.join().status == 200
        body = {"key": "hammer-key-01", "text": "อยากให้มีรถเมล์ไฟฟ้า"}

        def burst() -> list[int]:
            out: list[int] = []
            threads = [threading.Thread(target=lambda: out.append(phone.post("/api/question", body).status))
                       for _ in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            return out

        _hold(tasks, writer_busy)
        assert burst() + burst() == [503] * 12
        writer_busy.set()
        assert tasks.wait_idle(10)
        assert _count(services, AudienceSubmission) == 0
        assert burst() == [200] * 6
        assert _count(services, AudienceSubmission, client_key="hammer-key-01") == 1
    finally:
        bridge.close()
        srv.stop()
