"""Phones' anonymous codes ("P-7KQ4M") sit on one line in the minitalk's code column at 1366x768,
beside a code the staff typed ("P01"): the real main window, audience mode on, phones sending over
real HTTP to the app's own server, the facilitator accepting with "Accept all"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from sala.audience import phone_codes
from sala.audience.network import LanAddress
from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.ui.minitalk.contribution_model import ContributionModel
from tests.integration.audience_support import Phone

LEFT = Qt.MouseButton.LeftButton
SAID = ("ดี", "ฝุ่นเยอะ", "เห็นด้วย", "ควันไฟ", "ขอบคุณ")


def test_phone_codes_fit_the_code_column_on_one_line(qtbot, services, tasks, settings, thai_ui, tmp_path):
    from sala.ui.shell.app import create_main_window

    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    services.contributions.add(sid, ContributionInput(e.ContributionType.OPINION, "ดี", None, [], "P01"))
    window = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.open_session(sid)
        page = window.stack.currentWidget()
        controller = window.audience.ensure()
        controller.offer_loopback = True
        controller.addresses = lambda: [LanAddress("lo", "127.0.0.1", True)]
        qtbot.mouseClick(page.audience_button, LEFT)
        qtbot.mouseClick(controller.interface_dialog.start_button, LEFT)
        qtbot.waitUntil(lambda: controller.running, timeout=10_000)
        controller.qr_window.close()
        controller.panel.accept_all.click()  # a trusted room
        qtbot.waitUntil(lambda: not controller.actions.switching, timeout=5000)
        for text in SAID:
            phone = Phone(controller.info)
            assert phone.join().status == 200
            got = phone.post("/api/opinion", {"text": text})
            assert got.status == 200, got.body
        table, model = page.table, page.model
        qtbot.waitUntil(lambda: model.rowCount() == 1 + len(SAID), timeout=5000)

        col = ContributionModel.COL_CODE
        codes = [model.view_at(r).participant_code for r in range(model.rowCount())]
        assert sorted(c for c in codes if c != "P01") == sorted(c for c in codes if c and c.startswith("P-"))
        assert sum(1 for c in codes if c and c.startswith("P-")) == len(SAID)
        fm = table.fontMetrics()
        # Qt wraps a cell's text when it is wider than the cell less the item's text margins
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        room = table.columnWidth(col) - 2 * margin
        for code in codes + [phone_codes.widest(fm.horizontalAdvance)]:
            assert fm.horizontalAdvance(code) <= room, (code, fm.horizontalAdvance(code), room)
        # and so every row (one short line of text each) is as tall as the staff's row with "P01"
        qtbot.waitUntil(lambda: len({table.rowHeight(r) for r in range(model.rowCount())}) == 1, timeout=3000)
        assert table.rowHeight(0) < 2 * fm.lineSpacing()
        # "What was said" keeps most of the width
        assert table.columnWidth(ContributionModel.COL_TEXT) > 3 * table.columnWidth(col)
        image = window.grab()
        assert image.save(str(tmp_path / "minitalk_phone_codes_1366x768.png"))
        assert image.width() == 1366
    finally:
        if window.audience.controller is not None:
            window.audience.controller.stop()
