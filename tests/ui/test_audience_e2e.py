"""Audience mode end to end, as a field day meets it: the real main window at 1366x768 serves
an exhibition's audience; three phones in a real headless Chromium (Debian's chromium and
chromium-driver, through Selenium) join by the address read back from the QR code on the join
screen, send an opinion, ask, vote a question up, dot-vote and rate. The facilitator sees the
queue, accepts by clicking; SQLite holds the contributions; the presenter view shows the numbers;
closing the session stops it and the phones are told."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from sqlalchemy import select

from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.storage.models import Contribution, Participant, Rating
from tests import audience_phones

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = audience_phones.MARKS
LEFT = Qt.MouseButton.LeftButton
WAIT_S = 30
OPINION = "ควันไฟป่าทำให้ผู้สูงอายุไอทุกคืน"
QUESTION = "จะติดเครื่องวัดฝุ่นที่โรงเรียนเมื่อไร"
PROPOSALS = ("เขตอากาศสะอาดรอบโรงเรียน", "รับซื้อเศษวัสดุการเกษตรแทนการเผา")


@pytest.fixture
def phones(tmp_path: Path) -> Iterator[list[WebDriver]]:
    """Three phones, each its own browser (its own cookie), at a phone's screen size."""
    with audience_phones.phones(tmp_path) as made:
        yield made


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    from sala.ui.shell.app import create_main_window

    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.audience.controller is not None:
        w.audience.controller.stop()


def _wait(b: WebDriver, what, message: str = "") -> object:
    return WebDriverWait(b, WAIT_S).until(what, message)


def _status(b: WebDriver) -> str:
    return b.find_element(By.ID, "status").text


def _received(b: WebDriver) -> None:
    _wait(b, lambda d: _status(d) == "ได้รับแล้ว ขอบคุณ ✓", f"no 'received' (status: {_status(b)!r})")


def _tab(b: WebDriver, name: str) -> None:
    b.find_element(By.CSS_SELECTOR, f"#tabs button[data-tab='{name}']").click()


def _click_text(b: WebDriver, box: str, text: str) -> None:
    for button in b.find_elements(By.CSS_SELECTOR, f"#{box} button"):
        if button.text == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in #{box}")


def _dot(b: WebDriver, title: str) -> None:
    _tab(b, "vote")
    li = next(li for li in b.find_elements(By.CSS_SELECTOR, "#proposals li")
              if li.find_element(By.TAG_NAME, "span").text == title)
    li.find_element(By.TAG_NAME, "button").click()
    _received(b)


def test_three_phones_against_the_apps_own_server(qtbot, window, services, phones, screenshot, tmp_path):
    sid = services.sessions.create(SessionInput("นิทรรศการฝุ่น PM2.5 ลำปาง", e.SessionKind.EXHIBITION,
                                                province="LPG")).id
    for title in PROPOSALS:
        services.exhibition.add_proposal(sid, title)
    services.sessions.open(sid)

    # the facilitator: open the exhibition, press Audience mode, pick the network, start
    window.open_session(sid)
    page = window.stack.currentWidget()
    controller = window.audience.ensure()
    controller.offer_loopback = True  # this test machine's only address the phones here can reach
    controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]
    qtbot.mouseClick(page.audience_button, LEFT)
    qtbot.mouseClick(controller.interface_dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    qr = controller.qr_window
    assert qr.isFullScreen()
    links = [b.text for b in zxingcpp.read_barcodes(qr.grab().toImage())]
    assert len(links) == 1 and links[0].startswith("http://127.0.0.1:")
    qr.close()

    a, b, c = phones
    for phone in phones:  # join by the QR's address
        phone.get(links[0])
        _wait(phone, lambda d: d.find_element(By.ID, "joined").is_displayed(), "the phone did not join")
    qtbot.waitUntil(lambda: controller.panel.counts.text().startswith("เข้าร่วมแล้ว 3 เครื่อง"), timeout=5000)

    _click_text(a, "types", "ข้อกังวล")
    _click_text(a, "stances", "เห็นด้วย")
    a.find_element(By.ID, "opinion-text").send_keys(OPINION)
    a.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
    _received(a)
    _tab(b, "question")
    b.find_element(By.ID, "question-text").send_keys(QUESTION)
    b.find_element(By.CSS_SELECTOR, "#question-form button.primary").click()
    _received(b)
    _dot(a, PROPOSALS[0])
    _dot(c, PROPOSALS[0])
    _dot(b, PROPOSALS[1])
    _tab(c, "rating")
    c.find_element(By.CSS_SELECTOR, "#faces button[data-score='5']").click()
    _received(c)

    # the moderation queue the facilitator sees, beside the exhibition's tally
    panel = controller.panel
    qtbot.waitUntil(lambda: len(panel.cards) == 2, timeout=5000)
    cards = list(panel.cards.values())
    assert [card.text.text().replace("\u200b", "") for card in cards] == [OPINION, QUESTION]
    assert [card.what.text() for card in cards] == ["ข้อกังวล · เห็นด้วย", "คำถาม"]
    # the queue goes first among the exhibition's right-hand tabs: the page still fits 1366x768
    assert controller.holder.dock is None and page.audience_tabs.currentWidget() is panel
    assert page.audience_tabs.tabBar().isVisible()
    assert page.minimumSizeHint().width() <= 1366 and page.minimumSizeHint().height() <= 768 - 60
    screenshot(page, "exhibition_page_with_the_queue")
    window.grab().toImage().save(str(tmp_path / "main_window_in_audience_mode.png"))
    for card in cards:
        qtbot.mouseClick(card.accept_button, LEFT)
    qtbot.waitUntil(lambda: not panel.cards, timeout=5000)

    # phone A votes the accepted question up
    a.refresh()
    _wait(a, lambda d: d.find_element(By.ID, "joined").is_displayed())
    _tab(a, "question")
    _wait(a, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#questions li button")) == 1)
    a.find_element(By.CSS_SELECTOR, "#questions li button").click()
    _received(a)

    with services.db.read() as s:
        rows = s.execute(select(Contribution.type, Contribution.stance, Contribution.text, Contribution.tags,
                                Participant.code)
                         .join(Participant, Participant.id == Contribution.participant_id)
                         .where(Contribution.session_id == sid).order_by(Contribution.recorded_at)).all()
        ratings = s.scalars(select(Rating.score).where(Rating.session_id == sid)).all()
    assert [(r.type, r.stance, r.text, r.tags) for r in rows] == [
        (e.ContributionType.CONCERN, e.Stance.SUPPORT, OPINION, ["phone"]),
        (e.ContributionType.QUESTION, None, QUESTION, ["phone"])]
    assert rows[0].code != rows[1].code and all(r.code.startswith("P-") for r in rows)
    assert ratings == [5]

    # the presenter view's numbers
    qtbot.mouseClick(panel.results_button, LEFT)
    presenter = controller.presenter
    qtbot.waitUntil(lambda: presenter.numbers.questions == [(QUESTION, 1)], timeout=5000)
    n = presenter.numbers
    assert n.phones == 3
    assert [(r.label, r.value) for r in n.stances] == [("เห็นด้วย", 1), ("ไม่เห็นด้วย", 0), ("เป็นกลาง", 0)]
    assert list(n.proposals) == [(PROPOSALS[0], 2), (PROPOSALS[1], 1)]
    assert {"ควัน", "ผู้สูงอายุ"} <= {w for w, _c in n.words}
    # the exhibition's ratings: the phone's 5, then a visitor at the kiosk rates 3 (no phone involved,
    # the projector still follows)
    assert n.exhibition and presenter.ratings.isVisible()
    assert [(r.label, r.value) for r in n.ratings][:1] == [("ดีมาก (5)", 1)] and n.rating_count == 1
    services.exhibition.record_visit(sid, 3)
    qtbot.waitUntil(lambda: presenter.numbers.rating_count == 2, timeout=5000)
    assert presenter.rating_heading(presenter.numbers) == "ความพึงพอใจเฉลี่ย 4.0 / 5 จากผู้เยี่ยมชม 2 คน"
    assert presenter.isFullScreen()
    presenter.resize(1366, 768)
    screenshot(presenter, "exhibition_presenter_view")
    presenter.close()

    # closing the session stops audience mode: a phone's late send is not taken, and its text is kept
    qtbot.mouseClick(page.header.close_button, LEFT)
    qtbot.waitUntil(lambda: not controller.running, timeout=5000)
    assert controller.panel is None and not page.audience_button.isChecked()
    assert not page.audience_tabs.tabBar().isVisible()  # back to the tally alone
    _tab(c, "opinion")
    c.find_element(By.ID, "opinion-text").send_keys("ส่งหลังปิดเวที")
    c.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
    _wait(c, lambda d: _status(d).startswith("ส่งไม่ถึงเครื่องของเวที"), f"status: {_status(c)!r}")
    assert c.find_element(By.ID, "opinion-text").get_attribute("value") == "ส่งหลังปิดเวที"
    with services.db.read() as s:
        assert s.scalars(select(Contribution.text).where(Contribution.session_id == sid)).all() == [OPINION, QUESTION]
