"""Audience mode over real sockets: phones join, send, vote; the facilitator moderates; the
presenter's numbers and the session's contributions follow (issue 14)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from sala.audience import network
from sala.audience.server import AudienceServer, direct_commit
from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.errors import SalaError
from sala.services import audience as svc
from sala.storage.models import AudienceSubmission, Contribution, Participant, Rating, Vote
from tests.integration.audience_support import Phone, open_session, running


def test_phones_send_and_the_facilitator_moderates(services: Services) -> None:
    sid = open_session(services)
    pid = services.exhibition.add_proposal(sid, "ปลูกต้นไม้ริมถนน").id
    changes = threading.Semaphore(0)
    with running(services, sid, on_change=changes.release) as server:
        info = server.info
        assert info is not None and info.join_url().startswith(f"http://127.0.0.1:{info.port}/?j=")
        a, b = Phone(info), Phone(info)
        assert a.join().status == 200 and b.join().status == 200
        assert a.cookie != b.cookie
        assert server.phones_joined == 2
        assert a.post("/api/profile", {"age_band": "18_24", "occupation": "student"}).status == 200
        got = a.post("/api/opinion", {"type": "concern", "stance": "oppose", "text": "ฝุ่นควันทำให้เด็กป่วยบ่อย"})
        assert got.status == 200 and got.json()["received"] is True and got.json()["state"] == "pending"
        q = b.post("/api/question", {"text": "เทศบาลจะแจกหน้ากากเมื่อไร"}).json()["id"]
        assert a.post("/api/dotvote", {"proposal_id": pid}).json()["dots_left"] == 2
        assert a.post("/api/dotvote", {"proposal_id": pid}).json()["dots_left"] == 2, "one dot per proposal"
        assert changes.acquire(timeout=5)

        with services.db.read() as s:
            waiting = svc.queue(s, sid)
        assert [(w.kind, w.text) for w in waiting] == [
            (svc.Kind.OPINION, "ฝุ่นควันทำให้เด็กป่วยบ่อย"), (svc.Kind.QUESTION, "เทศบาลจะแจกหน้ากากเมื่อไร")]
        assert a.state()["questions"] == [], "a question shows on phones only once accepted"
        with services.db.write() as s:
            for w in waiting:
                svc.accept(s, w.id)
        # another phone votes the accepted question up, once
        assert a.post("/api/upvote", {"question_id": q}).json()["votes"] == 1
        assert a.post("/api/upvote", {"question_id": q}).json()["votes"] == 1
        assert [x["text"] for x in a.state()["questions"]] == ["เทศบาลจะแจกหน้ากากเมื่อไร"]

    with services.db.read() as s:
        rows = s.execute(select(Contribution.type, Contribution.text, Contribution.tags, Participant.code,
                                Participant.age_band, Participant.occupation)
                         .join(Participant, Participant.id == Contribution.participant_id)
                         .where(Contribution.session_id == sid).order_by(Contribution.recorded_at)).all()
        snap = svc.presenter_snapshot(s, sid)
        votes = s.execute(select(func.count()).select_from(Vote).where(Vote.session_id == sid)).scalar_one()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (e.ContributionType.CONCERN, "ฝุ่นควันทำให้เด็กป่วยบ่อย", [svc.PHONE_TAG]),
        (e.ContributionType.QUESTION, "เทศบาลจะแจกหน้ากากเมื่อไร", [svc.PHONE_TAG])]
    assert rows[0][3].startswith("P-") and rows[0][3] != rows[1][3], "each phone its own anonymous code"
    assert (rows[0][4], rows[0][5]) == (e.AgeBand.A18_24, e.Occupation.STUDENT)
    assert votes == 1
    assert snap.phones_joined == 2 and snap.pending == 0
    assert snap.stances[e.Stance.OPPOSE] == 1 and snap.stances[e.Stance.SUPPORT] == 0
    assert snap.questions == ((q, "เทศบาลจะแจกหน้ากากเมื่อไร", 1),)
    assert snap.proposals == ((pid, "ปลูกต้นไม้ริมถนน", 1),)
    words = dict(snap.words)
    assert words.get("ฝุ่น") == 1 and words.get("หน้ากาก") == 1
    assert not {"ทำให้", "จะ", "เมื่อไร"} & set(words), "stopwords stay out of the cloud"


def test_hide_merge_and_accept_all(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        phones = [Phone(server.info) for _ in range(3)]
        for p in phones:
            p.join()
        ids = [p.post("/api/question", {"text": text}).json()["id"]
               for p, text in zip(phones, ("ค่าไฟแพงไหม", "ค่าไฟจะแพงขึ้นไหม", "สวัสดี"), strict=True)]
        with services.db.write() as s:
            svc.accept(s, ids[0])
        phones[2].post("/api/upvote", {"question_id": ids[0]})
        with services.db.write() as s:
            kept = svc.merge(s, ids[0], ids[1])
            svc.hide(s, ids[2])
            with pytest.raises(SalaError):
                svc.merge(s, ids[0], ids[0])
        assert (kept.votes, kept.merged) == (1, 1)
        with services.db.read() as s:
            assert svc.queue(s, sid) == []
            assert svc.presenter_snapshot(s, sid).questions == ((ids[0], "ค่าไฟแพงไหม", 2),)

        with services.db.write() as s:
            svc.set_accept_all(s, sid, True)
        fine = phones[0].post("/api/opinion", {"text": "อยากให้มีรถเมล์ไฟฟ้า", "stance": "support"}).json()
        rude = phones[1].post("/api/opinion", {"text": "พวกมึงไม่ฟังเลย"}).json()
        assert fine["state"] == "accepted", "accept all: accepted as it arrives"
        assert rude["state"] == "pending", "a flagged one still waits for a person"
        with services.db.read() as s:
            waiting = svc.queue(s, sid)
        assert [(w.text, w.flagged) for w in waiting] == [("พวกมึงไม่ฟังเลย", True)]
    texts = [c.text for c in services.contributions.list(sid)]
    assert sorted(texts) == sorted(["ค่าไฟแพงไหม", "อยากให้มีรถเมล์ไฟฟ้า"])


def test_a_retried_send_is_stored_once(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        p = Phone(server.info)
        p.join()
        body = {"key": "retry-key-0001", "text": "ขอทางเท้าที่เดินได้"}
        first, again = p.post("/api/opinion", body).json(), p.post("/api/opinion", body).json()
    assert first["id"] == again["id"] and again["repeated"] is True
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(AudienceSubmission)).scalar_one() == 1


def test_exhibition_rating_becomes_a_visitor_rating(services: Services) -> None:
    sid = open_session(services, e.SessionKind.EXHIBITION, "นิทรรศการผังเมือง")
    with running(services, sid) as server:
        assert server.info is not None
        p = Phone(server.info)
        p.join()
        p.post("/api/profile", {"age_band": "60_plus"})
        assert p.post("/api/rating", {"score": 4}).status == 200
        assert p.post("/api/rating", {"score": 9}).status == 400
        assert p.post("/api/rating", {"score": "5"}).status == 400
    with services.db.read() as s:
        ratings = s.execute(select(Rating.score, Rating.age_band).where(Rating.session_id == sid)).all()
        assert svc.presenter_snapshot(s, sid).ratings[4] == 1
    assert ratings == [(4, e.AgeBand.A60_PLUS)]
    assert services.exhibition.tally(sid).visitors == 1


def test_a_minitalk_takes_no_ratings(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        p = Phone(server.info)
        p.join()
        a = p.post("/api/rating", {"score": 4})
    assert a.status == 409 and a.json()["error"]["th"] and a.json()["error"]["en"]
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(AudienceSubmission)).scalar_one() == 0


def test_join_code_rotates_per_session_and_on_demand(services: Services) -> None:
    one, two = open_session(services), open_session(services, title="เวทีสอง")
    with running(services, one) as a, running(services, two) as b:
        assert a.info is not None and b.info is not None
        assert a.info.join_code != b.info.join_code
        assert Phone(b.info).join(a.info.join_code).status == 403, "one session's code does not open another"
        with services.db.write() as s:
            new = svc.rotate_join_code(s, one)
        assert new != a.info.join_code
        assert Phone(a.info).join(a.info.join_code).status == 403, "the old code is refused"
        assert Phone(a.info).join(new).status == 200


def test_only_local_addresses_are_offered_or_bound(services: Services) -> None:
    found = network.lan_addresses()
    assert found and all(network.is_allowed(a.ip) for a in found)
    assert any(a.loopback and a.ip == "127.0.0.1" for a in found)
    for ip in ("0.0.0.0", "8.8.8.8", "100.64.0.1", "192.0.2.2", "::1", "10.0.0.0/8", "nonsense"):
        assert not network.is_allowed(ip), ip
    for ip in ("10.1.2.3", "172.16.5.4", "192.168.43.1", "169.254.10.20", "127.0.0.1"):
        assert network.is_allowed(ip), ip
    sid = open_session(services)
    with pytest.raises(SalaError) as refused:
        AudienceServer(services.db, sid, ["0.0.0.0"], direct_commit(services.db))
    assert "0.0.0.0" in refused.value.th and "0.0.0.0" in refused.value.en


def test_an_address_not_on_this_laptop_is_a_message_not_a_crash(services: Services) -> None:
    sid = open_session(services)
    server = AudienceServer(services.db, sid, ["10.213.77.9"], direct_commit(services.db))
    with pytest.raises(SalaError) as failed:
        server.start()
    assert "10.213.77.9" in failed.value.th and "10.213.77.9" in failed.value.en
    server.stop()


def test_after_stop_nothing_listens(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        phone = Phone(server.info)
        assert phone.join().status == 200
    assert not server.running
    with pytest.raises(OSError):
        phone.request("GET", "/api/state")
