"""Which network phones join on: only the laptop's local addresses are offered (its hotspot
first), Start needs one ticked, and an address that cannot be served is said in both languages
with nothing left running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.audience.interface_dialog import InterfaceDialog

LEFT = Qt.MouseButton.LeftButton
ADDRESSES = [LanAddress("eth0", "192.168.1.20"), LanAddress("wlan0", "10.42.0.1"),
             LanAddress("lo", "127.0.0.1", True)]


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


def test_only_local_networks_are_offered_the_hotspot_first(qtbot, fonts, thai_ui, screenshot):
    dlg = InterfaceDialog([a for a in ADDRESSES if not a.loopback])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert [box.text() for box, _a in dlg.boxes] == ["wlan0 — 10.42.0.1", "eth0 — 192.168.1.20"]
    assert dlg.chosen() == ["10.42.0.1"]  # the laptop's own hotspot, ticked
    assert dlg.start_button.text() == "เปิดโหมดผู้ฟัง"
    screenshot(dlg, "network_dialog")
    dlg.boxes[0][0].click()
    assert dlg.chosen() == [] and not dlg.start_button.isEnabled()  # nothing to serve on: no Start
    dlg.boxes[1][0].click()
    assert dlg.chosen() == ["192.168.1.20"] and dlg.start_button.isEnabled()


def test_an_address_that_cannot_be_served_is_said_and_nothing_runs(qtbot, window, services):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    window.open_session(sid)
    page = window.stack.currentWidget()
    controller = window.audience.ensure()
    controller.addresses = lambda: ADDRESSES  # the Wi-Fi that was there when listed has gone since
    qtbot.mouseClick(page.audience_button, LEFT)
    dlg = controller.interface_dialog
    assert [a.ip for _b, a in dlg.boxes] == ["10.42.0.1", "192.168.1.20"]  # never 127.0.0.1 for phones
    qtbot.mouseClick(dlg.start_button, LEFT)
    qtbot.waitUntil(lambda: controller.message_box is not None, timeout=10_000)
    text = controller.message_box.text()
    assert "10.42.0.1" in text and "เปิดรับโทรศัพท์" in text and "Cannot listen for phones" in text
    assert not controller.running and controller.qr_window is None and controller.panel is None
    assert not page.audience_button.isChecked() and page.audience_button.isEnabled()
    controller.message_box.close()
