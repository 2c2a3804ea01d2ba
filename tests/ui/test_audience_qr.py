"""The join screen a projector shows: every QR code reads back as its join link, the address and
the join code are on screen, and everything fits a 1366x768 screen."""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QColor

from sala.ui.audience.qr_code import QUIET, QrWidget, qr_image, qr_matrix
from sala.ui.audience.qr_window import QrWindow

LINKS = [("http://192.168.137.1:8765/?j=7K4QWX", "http://192.168.137.1:8765/"),
         ("http://10.12.0.33:8765/?j=7K4QWX", "http://10.12.0.33:8765/")]


def _read(image) -> list[str]:
    return sorted(b.text for b in zxingcpp.read_barcodes(image))


def test_join_screen_codes_read_back_as_the_links(qtbot, fonts, thai_ui, screenshot):
    win = QrWindow()
    qtbot.addWidget(win)
    win.set_join(LINKS, "7K4QWX", "เวทีฝุ่นควัน PM2.5 ลำปาง")
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    screenshot(win, "join_screen_two_networks")
    assert _read(win.grab().toImage()) == sorted(link for link, _url in LINKS)
    assert [a.text() for a in win.address_labels] == [url for _link, url in LINKS]
    assert "7K4QWX" in win.join_label.text()
    assert win.join_label.text().startswith("รหัสเข้าร่วม")  # Thai UI
    for qr in win.qr_widgets:
        assert qr.module_px() >= 4  # big enough to scan across a room from a 1366x768 projector


def test_one_network_fills_the_screen_and_reads_back(qtbot, fonts, thai_ui, screenshot):
    win = QrWindow()
    qtbot.addWidget(win)
    win.set_join(LINKS[:1], "7K4QWX", "")
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    screenshot(win, "join_screen_one_network")
    assert _read(win.grab().toImage()) == [LINKS[0][0]]
    assert not win.session_title.isVisible()
    assert win.qr_widgets[0].module_px() >= 8


def test_every_module_is_whole_pixels_with_a_white_quiet_zone(qtbot):
    link = LINKS[0][0]
    matrix = qr_matrix(link)
    image = qr_image(matrix, 3)
    assert _read(image) == [link]
    n = len(matrix)
    assert image.width() == (n + 2 * QUIET) * 3
    white, black = QColor("white").rgb(), QColor("black").rgb()
    for r in range(-QUIET, n + QUIET):
        for c in range(-QUIET, n + QUIET):
            # every pixel of a module has its colour: no module smeared over a neighbour
            dark = 0 <= r < n and 0 <= c < n and matrix[r][c]
            for dy in range(3):
                for dx in range(3):
                    px = image.pixel((c + QUIET) * 3 + dx, (r + QUIET) * 3 + dy)
                    assert px == (black if dark else white), (r, c)


def test_the_widget_paints_the_code_centred_at_any_size(qtbot):
    w = QrWidget(LINKS[1][0])
    qtbot.addWidget(w)
    w.resize(517, 301)  # not a multiple of anything
    w.show()
    qtbot.waitExposed(w)
    rect = w.code_rect()
    assert rect.width() == w.module_px() * w.modules_with_quiet() <= 301
    assert abs(rect.center().x() - 517 // 2) <= 1
    assert _read(w.grab().toImage()) == [LINKS[1][0]]
