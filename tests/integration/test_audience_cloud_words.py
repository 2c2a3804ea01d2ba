"""An attacker's phone sends markup to the real server; the facilitator trusts the room ("accept
all"): the projector's word cloud still shows only the words people meant, while the text itself is
kept as typed (the moderation queue and the contributions show it, as plain text)."""

from __future__ import annotations

from sala.bootstrap import Services
from sala.services import audience as svc
from sala.services.audience_words import MARKUP_WORDS
from tests.integration.audience_support import Phone, open_session, running
from tests.unit.test_audience_words import REAL_WORD

SENT = [
    "<script>alert(1)</script>ฝุ่นควันทำให้เด็กป่วย",
    "<img src=x onerror=alert(document.cookie)> ไฟป่าทุกปี",
    "&lt;svg onload=alert(1)&gt; ฝุ่นควันเข้าบ้าน",
    "javascript:alert(1) <a href='http://evil.example'>หน้ากาก</a>",
    "อยากให้มีเครื่องวัดฝุ่นที่โรงเรียน",
]


def test_markup_sent_by_phones_stays_out_of_the_word_cloud(services: Services) -> None:
    sid = open_session(services)
    with running(services, sid) as server:
        assert server.info is not None
        with services.db.write() as s:
            svc.set_accept_all(s, sid, True)
        attacker, neighbour = Phone(server.info), Phone(server.info)
        attacker.join()
        neighbour.join()
        for n, text in enumerate(SENT):
            phone = attacker if n < 4 else neighbour
            got = phone.post("/api/opinion", {"text": text, "stance": "oppose"})
            assert got.status == 200 and got.json()["state"] == "accepted", got.body

    with services.db.read() as s:
        words = dict(svc.presenter_snapshot(s, sid).words)
    assert words["ฝุ่น"] == 3 and words["ควัน"] == 2
    assert {"ไฟป่า", "หน้ากาก", "เครื่องวัด", "โรงเรียน"} <= set(words)
    for w in words:
        assert REAL_WORD.match(w) and w.casefold() not in MARKUP_WORDS, w
    assert not {w.casefold() for w in words} & {"script", "img", "src", "onerror", "alert", "document", "cookie",
                                                 "svg", "onload", "lt", "gt", "javascript", "href", "evil"}
    # the words are the cloud's; the text is kept as the phone typed it
    assert sorted(c.text for c in services.contributions.list(sid)) == sorted(SENT)
