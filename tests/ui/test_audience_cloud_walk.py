"""The word cloud on the projector, walked as the room meets it: the real main window at 1366x768
runs a minitalk's audience mode; one phone (headless Chromium) types ordinary Thai, another types
markup an attacker would try; the facilitator accepts every card by clicking; the presenter view's
cloud shows the Thai words people meant and nothing of the markup, while the moderation cards
showed the markup as plain text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services.audience_words import MARKUP_WORDS
from tests import audience_phones
from tests.unit.test_audience_words import REAL_WORD

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = audience_phones.MARKS
LEFT = Qt.MouseButton.LeftButton
ORDINARY = ("ควันไฟป่าทำให้ผู้สูงอายุไอทุกคืน", "อยากให้เทศบาลติดตั้งเครื่องฟอกอากาศที่โรงเรียน")
HOSTILE = ("<img src=x onerror=alert(document.cookie)>ฝุ่นควันหนักมาก",
           "&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) ไฟป่า",
           "<svg onload=alert(1)>หน้ากาก</svg> onmouseover=\"x()\"")


@pytest.fixture
def phones(tmp_path: Path) -> Iterator[list[WebDriver]]:
    with audience_phones.phones(tmp_path, 2) as made:
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


def _send(b: WebDriver, text: str) -> None:
    box = b.find_element(By.ID, "opinion-text")
    box.clear()
    box.send_keys(text)
    b.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
    WebDriverWait(b, 30).until(lambda d: d.find_element(By.ID, "status").text == "ได้รับแล้ว ขอบคุณ ✓"
                               and d.find_element(By.ID, "opinion-text").get_attribute("value") == "",
                               "not received")


def test_the_projector_cloud_shows_words_not_markup(qtbot, window, services, phones, screenshot):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    window.open_session(sid)
    page = window.stack.currentWidget()
    controller = window.audience.ensure()
    controller.offer_loopback = True
    controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]
    qtbot.mouseClick(page.audience_button, LEFT)
    qtbot.mouseClick(controller.interface_dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    controller.qr_window.close()
    neighbour, attacker = phones
    for b in phones:
        b.get(controller.info.join_url())
        WebDriverWait(b, 30).until(lambda d: d.find_element(By.ID, "joined").is_displayed(), "not joined")
    for text in ORDINARY:
        _send(neighbour, text)
    for text in HOSTILE:
        _send(attacker, text)

    panel = controller.panel
    qtbot.waitUntil(lambda: len(panel.cards) == len(ORDINARY) + len(HOSTILE), timeout=5000)
    shown = {card.text.text().replace("\u200b", "") for card in panel.cards.values()}
    assert shown == set(ORDINARY) | set(HOSTILE), "the cards show the markup as typed, as text"
    for card in list(panel.cards.values()):
        qtbot.mouseClick(card.accept_button, LEFT)
    qtbot.waitUntil(lambda: not panel.cards, timeout=5000)

    qtbot.mouseClick(panel.results_button, LEFT)
    presenter = controller.presenter
    qtbot.waitUntil(lambda: dict(presenter.numbers.words).get("ควัน") == 2, timeout=5000)
    words = dict(presenter.numbers.words)
    assert {"ไฟป่า", "ผู้สูงอายุ", "เครื่องฟอกอากาศ", "โรงเรียน", "ฝุ่น", "หน้ากาก"} <= set(words)
    assert words["ไฟป่า"] == 2
    for w in words:
        assert REAL_WORD.match(w) and w.casefold() not in MARKUP_WORDS, w
    assert {p.word for p in presenter.cloud.placed()} == set(words), "every word drawn, nothing else"
    presenter.resize(1366, 768)
    screenshot(presenter, "presenter_cloud_after_markup")
    presenter.close()
