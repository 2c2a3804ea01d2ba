"""Audience mode as the facilitator meets it in the real main window at 1366x768: start it on an
open minitalk, phones (real HTTP against the app's own server) send, the moderation queue shows
what waits (profanity marked, markup shown as typed), accept / hide / merge / accept all land in
SQLite, and the mode stops with the session, the menu and the window."""

from __future__ import annotations

import http.client

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from sqlalchemy import select

from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services import audience as svc
from sala.storage.models import AudienceSubmission, Contribution
from sala.ui.audience.interface_dialog import InterfaceDialog
from sala.ui.audience.moderation_panel import MergeDialog
from tests.integration.audience_support import Phone

LEFT = Qt.MouseButton.LeftButton
TITLE = "เวทีฝุ่นควัน PM2.5 ลำปาง"


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    from sala.ui.shell.app import create_main_window

    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.audience.controller is not None:  # type: ignore[attr-defined]
        w.audience.controller.stop()  # type: ignore[attr-defined]


@pytest.fixture
def session_id(services) -> str:
    sid = services.sessions.create(SessionInput(TITLE, e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    return sid


def _start(qtbot, window, sid: str):
    """Open the session's page and start audience mode on this laptop's loopback (the test
    machine's only address phones here can reach); returns the controller and the phones' info."""
    window.open_session(sid)
    page = window.stack.currentWidget()
    controller = window.audience.ensure()
    controller.offer_loopback = True
    controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]
    qtbot.mouseClick(page.audience_button, LEFT)
    dlg = controller.interface_dialog
    assert isinstance(dlg, InterfaceDialog) and dlg.isVisible()
    assert [box.text() for box, _a in dlg.boxes] == ["lo — 127.0.0.1"]
    qtbot.mouseClick(dlg.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    return controller, page


def _state(services, submission_id: str) -> str:
    with services.db.read() as s:
        return s.get(AudienceSubmission, submission_id).state


def test_no_local_network_says_turn_on_the_hotspot(qtbot, window, session_id):
    window.open_session(session_id)
    controller = window.audience.ensure()
    controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]  # a laptop on no network at all
    qtbot.mouseClick(window.stack.currentWidget().audience_button, LEFT)
    box = controller.message_box
    assert box is not None and box.isVisible()
    assert "ฮอตสปอต" in box.text() and "hotspot" in box.text()  # Thai first, English too
    assert not controller.running and controller.interface_dialog is None
    assert not window.stack.currentWidget().audience_button.isChecked()
    box.close()


def test_facilitator_moderates_what_phones_send(qtbot, window, services, session_id, screenshot):
    controller, page = _start(qtbot, window, session_id)
    info = controller.info
    qr = controller.qr_window
    assert qr is not None and qr.isVisible() and qr.isFullScreen()
    links = [b.text for b in zxingcpp.read_barcodes(qr.grab().toImage())]
    assert links == [info.join_url(0)] and f"?j={info.join_code}" in links[0]
    qr.close()  # Esc or close: the join screen goes, the mode stays
    assert controller.running and page.audience_button.isChecked()

    a, b, c = Phone(info), Phone(info), Phone(info)
    assert all(p.join(links[0].split("?j=")[1]).status == 200 for p in (a, b, c))
    ids = {
        "a": a.post("/api/opinion", {"type": "concern", "stance": "support", "text": "ฝุ่นควันทำให้เด็กป่วยบ่อย"}),
        "b": b.post("/api/opinion", {"type": "opinion", "stance": "oppose", "text": "พวกผู้รับเหมาเหี้ยมาเผาป่า"}),
        "c": c.post("/api/question", {"text": "<b onmouseover=alert(1)>จะแจกหน้ากากเมื่อไร</b>"}),
        "d": a.post("/api/question", {"text": "เทศบาลจะแจกหน้ากากวันไหน"}),
    }
    assert all(r.status == 200 and r.json()["received"] for r in ids.values())
    sub = {k: r.json()["id"] for k, r in ids.items()}
    panel = controller.panel
    qtbot.waitUntil(lambda: set(panel.cards) == set(sub.values()), timeout=5000)
    assert panel.counts.text().startswith("เข้าร่วมแล้ว 3 เครื่อง")
    flagged = panel.cards[sub["b"]]
    assert flagged.flag.isVisibleTo(flagged) and not panel.cards[sub["a"]].flag.isVisibleTo(panel.cards[sub["a"]])
    shown = panel.cards[sub["c"]].text.text().replace("\u200b", "")
    assert shown == "<b onmouseover=alert(1)>จะแจกหน้ากากเมื่อไร</b>"  # as typed, never rendered
    # the queue sits among the minitalk's side tabs: the page (and the window) still fit 1366x768
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 768
    assert page.side.currentWidget() is panel
    screenshot(page, "moderation_queue_on_the_minitalk_page")

    qtbot.mouseClick(panel.cards[sub["a"]].accept_button, LEFT)
    qtbot.waitUntil(lambda: sub["a"] not in panel.cards, timeout=5000)
    assert _state(services, sub["a"]) == "accepted"
    with services.db.read() as s:
        row = s.execute(select(Contribution.text, Contribution.tags, Contribution.stance)
                        .where(Contribution.session_id == session_id)).one()
    assert row == ("ฝุ่นควันทำให้เด็กป่วยบ่อย", ["phone"], e.Stance.SUPPORT)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=5000)  # the page's list shows it too
    assert page.model.view_at(0).text == "ฝุ่นควันทำให้เด็กป่วยบ่อย"

    qtbot.mouseClick(panel.cards[sub["b"]].hide_button, LEFT)
    qtbot.waitUntil(lambda: sub["b"] not in panel.cards, timeout=5000)
    assert _state(services, sub["b"]) == "hidden"

    qtbot.mouseClick(panel.cards[sub["d"]].merge_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(controller.merge_dialog, MergeDialog), timeout=5000)
    dlg = controller.merge_dialog
    texts = [dlg.list.item(i).text().replace("\u200b", "") for i in range(dlg.list.count())]
    assert len(texts) == 1 and texts[0].startswith("<b onmouseover=alert(1)>จะแจกหน้ากากเมื่อไร</b>")
    qtbot.mouseClick(dlg.merge_button, LEFT)
    qtbot.waitUntil(lambda: sub["d"] not in panel.cards, timeout=5000)
    assert _state(services, sub["d"]) == "merged"

    qtbot.mouseClick(panel.cards[sub["c"]].accept_button, LEFT)
    qtbot.waitUntil(lambda: not panel.cards, timeout=5000)
    assert b.post("/api/upvote", {"question_id": sub["c"]}).json()["votes"] == 1

    qtbot.mouseClick(panel.results_button, LEFT)
    presenter = controller.presenter
    qtbot.waitUntil(lambda: presenter is not None and bool(presenter.numbers.questions)
                    and presenter.numbers.questions[0][1] == 2, timeout=5000)
    n = presenter.numbers
    assert n.phones == 3
    assert [(r.label, r.value) for r in n.stances] == [("เห็นด้วย", 1), ("ไม่เห็นด้วย", 0), ("เป็นกลาง", 0)]
    assert n.questions == [("<b onmouseover=alert(1)>จะแจกหน้ากากเมื่อไร</b>", 2)]  # b's vote + a's duplicate
    assert {w for w, _c in n.words} >= {"ฝุ่น", "ควัน", "เด็ก", "หน้ากาก"}
    assert "เหี้ย" not in {w for w, _c in n.words}  # hidden, and profanity never reaches the cloud
    presenter.resize(1366, 768)
    screenshot(presenter, "presenter_view")
    presenter.close()

    # accept all: what arrives unflagged becomes a contribution without a click; flagged still waits
    before = page.model.total()
    assert before == 2  # the opinion and the question accepted above
    panel.accept_all.click()
    qtbot.waitUntil(lambda: _accepts_all(services, session_id), timeout=5000)
    ok = c.post("/api/opinion", {"type": "idea", "stance": "support", "text": "ปลูกต้นไม้รอบโรงเรียน"}).json()["id"]
    rude = c.post("/api/opinion", {"type": "idea", "text": "มึงไม่ฟังชาวบ้าน"}).json()["id"]
    assert _state(services, ok) == "accepted" and _state(services, rude) == "pending"
    qtbot.waitUntil(lambda: list(panel.cards) == [rude] and page.model.total() == before + 1, timeout=5000)

    # closing the session stops audience mode: the server is gone, the panel too
    port = info.port
    qtbot.mouseClick(page.header.close_button, LEFT)
    qtbot.waitUntil(lambda: not controller.running, timeout=5000)
    assert controller.holder.dock is None and controller.panel is None
    assert not page.audience_button.isChecked() and not page.audience_button.isEnabled()
    with pytest.raises(ConnectionRefusedError):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/api/state")


def _accepts_all(services, sid: str) -> bool:
    with services.db.read() as s:
        return svc.accepts_all(s, sid)


def test_the_menu_turns_it_off_and_quitting_stops_the_server(qtbot, window, session_id):
    controller, page = _start(qtbot, window, session_id)
    action = window.audience.action
    assert action.isEnabled() and action.text().replace("&", "") == "ปิดโหมดผู้ฟัง"
    action.trigger()
    assert not controller.running and not page.audience_button.isChecked()
    assert action.text().replace("&", "") == "โหมดผู้ฟัง (โทรศัพท์)…"
    qtbot.mouseClick(page.audience_button, LEFT)
    qtbot.mouseClick(controller.interface_dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.running, timeout=10_000)
    port = controller.info.port
    window.close()
    assert not controller.running
    with pytest.raises(ConnectionRefusedError):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/api/state")


def test_opening_another_session_stops_it(qtbot, window, services, session_id):
    controller, _page = _start(qtbot, window, session_id)
    other = services.sessions.create(SessionInput("อีกเวที", e.SessionKind.FOCUS_GROUP, province="LPG")).id
    window.open_session(other)
    assert not controller.running
    assert window.stack.currentWidget().audience_button.isEnabled()


def test_a_language_switch_keeps_the_server_and_the_queue(qtbot, window, services, session_id):
    controller, _page = _start(qtbot, window, session_id)
    info = controller.info
    phone = Phone(info)
    assert phone.join().status == 200
    sent = phone.post("/api/opinion", {"type": "opinion", "text": "อยากให้มีรถเมล์ไฟฟ้า"}).json()["id"]
    qtbot.waitUntil(lambda: sent in controller.panel.cards, timeout=5000)
    window.set_language("en")
    page = window.stack.currentWidget()
    assert controller.running and controller.info.port == info.port  # the phones keep their address
    qtbot.waitUntil(lambda: controller.panel is not None and sent in controller.panel.cards, timeout=5000)
    assert page.side.currentWidget() is controller.panel and page.side.tabText(0) == "Phones"
    assert controller.panel.stop_button.text() == "Stop audience mode"
    assert page.audience_button.isChecked() and page.audience_button.text() == "Audience mode: on"
    qtbot.mouseClick(controller.panel.cards[sent].accept_button, LEFT)
    qtbot.waitUntil(lambda: _state(services, sent) == "accepted", timeout=5000)
    window.set_language("th")


def test_a_focus_group_shows_what_it_accepted_from_phones(qtbot, window, services):
    sid = services.sessions.create(SessionInput("สนทนากลุ่มเยาวชน", e.SessionKind.FOCUS_GROUP, province="LPG")).id
    controller, page = _start(qtbot, window, sid)  # a draft: audience mode opens it first
    assert services.sessions.get(sid).status == e.SessionStatus.OPEN
    assert page.tabs.currentWidget() is controller.panel  # the queue is the first of the page's tabs
    phone = Phone(controller.info)
    assert phone.join().status == 200
    sent = phone.post("/api/opinion", {"type": "concern", "text": "โรงเรียนไม่มีห้องปลอดฝุ่น"}).json()["id"]
    qtbot.waitUntil(lambda: sent in controller.panel.cards, timeout=5000)
    qtbot.mouseClick(controller.panel.cards[sent].accept_button, LEFT)
    qtbot.waitUntil(lambda: any("โรงเรียนไม่มีห้องปลอดฝุ่น" in page.answers.answers.item(i).text()
                                for i in range(page.answers.answers.count())), timeout=5000)
    table = page.participants.table
    codes = [table.item(r, 0).text() if table.item(r, 0) else table.cellWidget(r, 0).text()
             for r in range(table.rowCount())]
    assert len(codes) == 1 and codes[0].startswith("P-")  # the phone's anonymous code, never a name


def test_a_burst_of_sends_is_read_a_few_times_not_once_a_send(qtbot, window, services, session_id, monkeypatch):
    """The server says "changed" after every commit; the controller reads the queue and the
    presenter's figures once per burst (on its reader thread), not forty times."""
    from concurrent.futures import ThreadPoolExecutor

    controller, _page = _start(qtbot, window, session_id)
    reads: list[int] = []
    real = svc.presenter_snapshot

    def counted(s, sid):
        reads.append(1)
        return real(s, sid)

    monkeypatch.setattr(svc, "presenter_snapshot", counted)
    phones = [Phone(controller.info) for _ in range(5)]
    assert all(p.join().status == 200 for p in phones)
    sends = [(p, f"ข้อเสนอที่ {i} จากโทรศัพท์ {n}") for n, p in enumerate(phones) for i in range(8)]
    pool = ThreadPoolExecutor(4)  # within the per-address connection limit (all phones here are 127.0.0.1)
    try:
        futures = [pool.submit(p.post, "/api/opinion", {"type": "idea", "text": t}) for p, t in sends]
        qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=30_000)
    finally:
        pool.shutdown()
    assert all(f.result().status == 200 for f in futures)
    qtbot.waitUntil(lambda: len(controller.panel.cards) == len(sends), timeout=5000)
    assert 1 <= len(reads) <= len(sends) // 2, len(reads)
