"""A phone meets a busy laptop, as a participant sees it: the real main window at 1366x768 serves a
minitalk's audience; the app's writer is held (a long save) past the phone's deadline; the phone's
page says, in Thai and then in English, that the card was not received and can be sent again, and
keeps the text; pressed again once the laptop is free, the card arrives once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from sala.audience.errors import WriterBusyError
from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.storage.models import AudienceSubmission
from tests import audience_phones

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = audience_phones.MARKS
LEFT = Qt.MouseButton.LeftButton
OPINION = "ฝุ่นควันหนักมากช่วงเดือนมีนาคม"
QUESTION = "When will the school get an air purifier?"


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[WebDriver]:
    with audience_phones.phones(tmp_path, 1) as made:
        yield made[0]


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


def _status(b: WebDriver) -> str:
    return b.find_element(By.ID, "status").text


def _wait_status(b: WebDriver, want: str) -> None:
    WebDriverWait(b, 30).until(lambda d: _status(d) == want, f"status {_status(b)!r}, wanted {want!r}")


def _rows(services, sid: str) -> list[tuple[str, str, str]]:
    with services.db.read() as s:
        return [tuple(r) for r in s.execute(select(AudienceSubmission.kind, AudienceSubmission.text,
                                                   AudienceSubmission.client_key)
                                            .where(AudienceSubmission.session_id == sid)
                                            .order_by(AudienceSubmission.created_at))]


def test_a_busy_laptop_tells_the_phone_to_send_again_and_nothing_doubles(qtbot, window, services, tasks, phone,
                                                                         tmp_path):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    window.open_session(sid)
    page = window.stack.currentWidget()
    controller = window.audience.ensure()
    controller.offer_loopback = True
    controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]
    controller.commit_wait_s = 0.5  # the phone's deadline (30 s in the field)
    qtbot.mouseClick(page.audience_button, LEFT)
    qtbot.mouseClick(controller.interface_dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    controller.qr_window.close()
    phone.get(controller.info.join_url())
    WebDriverWait(phone, 30).until(lambda d: d.find_element(By.ID, "joined").is_displayed(), "not joined")

    busy = WriterBusyError()
    gate = threading.Event()
    try:
        # Thai: an opinion while the writer is held by a long save
        phone.find_element(By.ID, "opinion-text").send_keys(OPINION)
        tasks.run(lambda: gate.wait(60))
        phone.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
        _wait_status(phone, busy.th)
        assert phone.find_element(By.ID, "opinion-text").get_attribute("value") == OPINION, "the text is kept"
        phone.save_screenshot(str(tmp_path / "phone_busy_th.png"))
        gate.set()
        assert tasks.wait_idle(10)
        assert _rows(services, sid) == [], "the send told 'not received' never lands"
        phone.find_element(By.CSS_SELECTOR, "#opinion-form button.primary").click()
        _wait_status(phone, "ได้รับแล้ว ขอบคุณ ✓")
        assert phone.find_element(By.ID, "opinion-text").get_attribute("value") == ""

        # English: a question, the same again
        phone.find_element(By.ID, "lang").click()
        phone.find_element(By.CSS_SELECTOR, "#tabs button[data-tab='question']").click()
        phone.find_element(By.ID, "question-text").send_keys(QUESTION)
        gate.clear()
        tasks.run(lambda: gate.wait(60))
        phone.find_element(By.CSS_SELECTOR, "#question-form button.primary").click()
        _wait_status(phone, busy.en)
        phone.save_screenshot(str(tmp_path / "phone_busy_en.png"))
        gate.set()
        assert tasks.wait_idle(10)
        phone.find_element(By.CSS_SELECTOR, "#question-form button.primary").click()
        _wait_status(phone, "Received, thank you ✓")
    finally:
        gate.set()

    rows = _rows(services, sid)
    assert [(k, t) for k, t, _key in rows] == [("opinion", OPINION), ("question", QUESTION)]
    assert len({key for _k, _t, key in rows}) == 2
    # the facilitator's queue holds each card once
    qtbot.waitUntil(lambda: controller.panel is not None and len(controller.panel.cards) == 2, timeout=5000)
