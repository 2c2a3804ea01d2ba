"""Three phones in a real headless Chromium (Debian's chromium + chromium-driver, via Selenium)
against the real audience server: join by the QR's address, send, ask, vote, dot-vote; then
the moderation queue, the contributions in SQLite and the presenter's numbers (issue 14).

Each phone is its own browser process (its own cookie jar), at a phone's screen size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.services import audience as svc
from sala.storage.models import Contribution, Participant
from tests import audience_phones
from tests.integration.audience_support import open_session, running

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = audience_phones.MARKS

XSS = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">ฝุ่น<b onmouseover=alert(1)>"
WAIT_S = 30


@pytest.fixture
def browsers(tmp_path: Path) -> Iterator[list[WebDriver]]:
    with audience_phones.phones(tmp_path) as made:
        yield made


def _wait(b: WebDriver, what, message: str = "") -> object:
    return WebDriverWait(b, WAIT_S).until(what, message)


def _status(b: WebDriver) -> str:
    return b.find_element(By.ID, "status").text


def _received(b: WebDriver) -> None:
    _wait(b, lambda d: _status(d) == "ได้รับแล้ว ขอบคุณ ✓", f"no 'received' (status: {_status(b)!r})")


def _join(b: WebDriver, url: str) -> None:
    b.get(url)
    _wait(b, lambda d: d.find_element(By.ID, "joined").is_displayed(), "the phone did not join")


def _tab(b: WebDriver, name: str) -> None:
    b.find_element(By.CSS_SELECTOR, f"#tabs button[data-tab='{name}']").click()


def _click_text(b: WebDriver, box: str, text: str) -> None:
    for button in b.find_elements(By.CSS_SELECTOR, f"#{box} button"):
        if button.text == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in #{box}")


def test_three_phones_in_chromium(services: Services, browsers: list[WebDriver]) -> None:
    sid = open_session(services, title="เวทีฝุ่น <b>PM2.5</b>")
    proposal = services.exhibition.add_proposal(sid, "ห้ามเผาในที่โล่ง").id
    with running(services, sid) as server:
        assert server.info is not None
        url = server.info.join_url()
        a, b, c = browsers
        for phone in browsers:
            _join(phone, url)
        assert a.title == "เวทีฝุ่น <b>PM2.5</b>", "the title is text, not markup"
        assert a.find_element(By.ID, "lang").text == "English", "Thai by default"

        # phone A: an opinion (type, stance, text), in Thai
        _click_text(a, "types", "ข้อกังวล")
        _click_text(a, "stances", "ไม่เห็นด้วย")
        a.find_element(By.ID, "opinion-text").send_keys("ควันไฟป่าทำให้เด็กในหมู่บ้านไอทุกคืน")
        a.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
        _received(a)
        assert a.find_element(By.ID, "opinion-text").get_attribute("value") == ""

        # phone B: English, its age band, then a question
        b.find_element(By.ID, "lang").click()
        assert b.find_element(By.CSS_SELECTOR, "#tabs button[data-tab='question']").text == "Ask"
        _tab(b, "about")
        b.find_element(By.CSS_SELECTOR, "#age option[value='25_34']").click()
        b.find_element(By.CSS_SELECTOR, "#about-form button.primary").click()
        _wait(b, lambda d: _status(d) == "Saved ✓")
        _tab(b, "question")
        b.find_element(By.ID, "question-text").send_keys("จะมีเครื่องฟอกอากาศในโรงเรียนเมื่อไร")
        b.find_element(By.CSS_SELECTOR, "#question-form button.primary").click()
        _wait(b, lambda d: _status(d) == "Received, thank you ✓")

        # phone C: a question full of markup, and a dot on the proposal
        _tab(c, "question")
        c.find_element(By.ID, "question-text").send_keys(XSS)
        c.find_element(By.CSS_SELECTOR, "#question-form button.primary").click()
        _received(c)
        _tab(c, "vote")
        c.find_element(By.CSS_SELECTOR, f"#proposals button[data-id='{proposal}']").click()
        _received(c)
        _wait(c, lambda d: d.find_element(By.ID, "dots").text == "จุดโหวตที่เหลือ: 2")

        # the facilitator's queue, in the order they came; accept them all
        with services.db.read() as s:
            waiting = svc.queue(s, sid)
        assert [(w.kind, w.text) for w in waiting] == [
            (svc.Kind.OPINION, "ควันไฟป่าทำให้เด็กในหมู่บ้านไอทุกคืน"),
            (svc.Kind.QUESTION, "จะมีเครื่องฟอกอากาศในโรงเรียนเมื่อไร"),
            (svc.Kind.QUESTION, XSS)]
        with services.db.write() as s:
            for w in waiting:
                svc.accept(s, w.id)

        # phone A sees both questions (after a reload) and votes B's up
        a.refresh()
        _wait(a, lambda d: d.find_element(By.ID, "joined").is_displayed())
        _tab(a, "question")
        _wait(a, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#questions li button")) == 2)
        shown = [li.find_element(By.TAG_NAME, "span").text for li in a.find_elements(By.CSS_SELECTOR, "#questions li")]
        assert sorted(shown) == sorted(["จะมีเครื่องฟอกอากาศในโรงเรียนเมื่อไร", XSS]), "markup shown as text"
        assert a.find_elements(By.CSS_SELECTOR, "#questions img, #questions script, #questions b") == []
        assert a.execute_script("return typeof window.__pwned") == "undefined"
        target = next(li for li in a.find_elements(By.CSS_SELECTOR, "#questions li")
                      if li.find_element(By.TAG_NAME, "span").text.startswith("จะมี"))
        target.find_element(By.TAG_NAME, "button").click()
        _received(a)
        _wait(a, lambda d: any(btn.text == "โหวตแล้ว" for btn in d.find_elements(By.CSS_SELECTOR, "#questions button")))
        for phone in browsers:
            assert phone.execute_script("return typeof window.__pwned") == "undefined"
        # and if markup ever did reach the page, the server's Content-Security-Policy stops its handlers
        a.execute_script("document.addEventListener('securitypolicyviolation', function () { window.__csp = true; });"
                         "var d = document.createElement('div'); d.innerHTML = arguments[0];"
                         "document.body.appendChild(d);", XSS)
        _wait(a, lambda d: d.execute_script("return window.__csp === true"), "no CSP violation reported")
        assert a.execute_script("return typeof window.__pwned") == "undefined"

    with services.db.read() as s:
        rows = s.execute(select(Contribution.type, Contribution.stance, Contribution.text, Contribution.tags,
                                Participant.code, Participant.age_band)
                         .join(Participant, Participant.id == Contribution.participant_id)
                         .where(Contribution.session_id == sid).order_by(Contribution.recorded_at)).all()
        snap = svc.presenter_snapshot(s, sid)
    assert [(r.type, r.stance, r.text, r.tags) for r in rows] == [
        (e.ContributionType.CONCERN, e.Stance.OPPOSE, "ควันไฟป่าทำให้เด็กในหมู่บ้านไอทุกคืน", ["phone"]),
        (e.ContributionType.QUESTION, None, "จะมีเครื่องฟอกอากาศในโรงเรียนเมื่อไร", ["phone"]),
        (e.ContributionType.QUESTION, None, XSS, ["phone"])]
    assert len({r.code for r in rows}) == 3 and rows[1].age_band == e.AgeBand.A25_34
    assert snap.phones_joined == 3 and snap.pending == 0
    assert snap.stances[e.Stance.OPPOSE] == 1
    assert snap.questions[0][1:] == ("จะมีเครื่องฟอกอากาศในโรงเรียนเมื่อไร", 1)
    assert snap.proposals == ((proposal, "ห้ามเผาในที่โล่ง", 1),)
    assert dict(snap.words).get("ควัน") == 1
    # the accepted markup question gives the cloud its one real word, none of the markup's
    assert dict(snap.words).get("ฝุ่น") == 1
    assert not {w.casefold() for w, _n in snap.words} & {"script", "window", "pwned", "img", "src", "onerror",
                                                           "onmouseover", "alert", "b"}
