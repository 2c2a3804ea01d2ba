"""The app shell: session list, filters, empty state, lazy loading, Thai rendering."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics, QImage, QPainter

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.services.demo import generate
from sala.ui.sessions.list_model import PAGE
from sala.ui.shell.app import create_main_window
from tests.typing import type_text


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    def make():
        w = create_main_window(services, tasks, settings, "th")
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w
    return make


def test_empty_state_invites_the_first_session(window):
    w = window()
    page = w.list_page
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button.text() == "สร้างเวทีแรก"
    assert page.empty.button.isVisible()
    assert "0" in w.count_label.text()


def test_list_shows_sessions_in_thai_with_buddhist_era_dates(window, services):
    generate(services.db, 12, seed=7)
    w = window()
    model = w.list_page.model
    assert w.list_page.stack.currentWidget() is w.list_page.table
    assert model.rowCount() == 12 and model.total() == 12
    date_text = model.data(model.index(0, 0))
    year = int(date_text.split()[-1])
    assert year > 2560, f"Buddhist Era year expected in {date_text!r}"
    kinds = {model.data(model.index(r, 1)) for r in range(12)}
    assert kinds <= {k.label("th") for k in e.SessionKind}
    assert "12" in w.count_label.text()


def test_lazy_loading_fetches_pages_as_the_view_scrolls(window, services):
    generate(services.db, PAGE + 30, seed=3, contributions_per_session=1)
    w = window()
    model, table = w.list_page.model, w.list_page.table
    assert model.rowCount() == PAGE and model.total() == PAGE + 30
    table.scrollToBottom()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == PAGE + 30
    ids = [model.session_id(r) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)


def test_filters_and_thai_search_narrow_the_list(qtbot, window, services):
    mt = services.sessions.create(SessionInput(title="เวทีฝุ่นเชียงใหม่", kind="minitalk", province="เชียงใหม่"))
    fg = services.sessions.create(SessionInput(title="สนทนากลุ่มขยะ", kind="focus_group", province="ชลบุรี"))
    services.contributions.add(fg.id, ContributionInput("idea", "ควรตั้งธนาคารขยะในโรงเรียนทุกแห่ง"))
    w = window()
    bar, model = w.list_page.filters, w.list_page.model
    bar.kind.setCurrentIndex(bar.kind.findData("focus_group"))
    assert [model.session_id(r) for r in range(model.rowCount())] == [fg.id]
    bar.kind.setCurrentIndex(0)
    bar.province.setCurrentIndex(bar.province.findData("CMI"))
    assert [model.session_id(r) for r in range(model.rowCount())] == [mt.id]
    bar.province.setCurrentIndex(0)
    type_text(bar.search, "ธนาคาร")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.session_id(0) == fg.id)
    bar.search.clear()
    type_text(bar.search, "ทะเลสาบ")
    qtbot.waitUntil(lambda: w.list_page.stack.currentWidget() is w.list_page.no_match)


def test_backup_now_runs_in_the_background_and_reports(qtbot, window, services):
    w = window()
    w.action_backup.trigger()
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith("บันทึกสำเนาสำรองแล้ว: "))
    assert list(Path(services.db.backups_dir).glob("*.sqlite3"))


def _render(text: str, family: str) -> QImage:
    img = QImage(220, 90, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setFont(QFont(family, 28))
    p.setPen(QColor("black"))
    p.drawText(img.rect(), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return img


def test_thai_glyphs_render_from_the_bundled_font_not_as_boxes(qapp, fonts, tmp_path):
    assert fonts == "Sarabun"
    font = QFont(fonts, 20)
    assert QFontInfo(font).family() == "Sarabun"
    metrics = QFontMetrics(font)
    for ch in "ศาลาเมื่อที่ครั้งปั้นน้ำ":
        assert metrics.inFontUcs4(ord(ch)), f"Sarabun lacks {ch!r}"
    missing = _render("\U0010fffd\U0010fffd\U0010fffd", fonts)  # what a missing glyph looks like
    for word in ("ศาลา", "เมื่อ", "ปั้น"):
        img = _render(word, fonts)
        img.save(str(tmp_path / f"{word}.png"))
        assert img != missing, f"{word} rendered as missing-glyph boxes"
        assert img != _render("", fonts), f"{word} rendered nothing"
    assert _render("ศาลา", fonts) != _render("ลาศา", fonts), "distinct glyphs, not identical boxes"


def test_main_window_screenshot_in_thai(window, services, screenshot):
    generate(services.db, 15, seed=11)
    w = window()
    w.resize(1366, 768)  # the field laptops' screen
    screenshot(w, "main_th")


def test_opening_sessions_one_after_another_keeps_one_session_page(qtbot, window, services):
    a = services.sessions.create(SessionInput(title="เวทีแรก", kind="minitalk", province="LPG"))
    b = services.sessions.create(SessionInput(title="เวทีที่สอง", kind="minitalk", province="LPG"))
    w = window()
    w.open_session(a.id)
    first = w.stack.currentWidget()
    w.open_session(b.id)
    qtbot.waitUntil(lambda: w.stack.count() == 2)  # the list and the one open session
    assert w.stack.currentWidget() is not first
    w.show_list()
    assert w.stack.currentWidget() is w.list_page
