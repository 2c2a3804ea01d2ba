"""Setting up a session by keyboard: templates, recent venues and topics, validation beside fields."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTime

from sala.domain import enums as e
from sala.ui.sessions.new_dialog import NewSessionDialog
from tests.typing import type_text

K = Qt.Key


@pytest.fixture
def dialog(qtbot, services, tasks, thai_ui):
    def make(kind: e.SessionKind = e.SessionKind.MINITALK) -> NewSessionDialog:
        dlg = NewSessionDialog(services, tasks, "th", kind)
        qtbot.addWidget(dlg)
        dlg.show()
        with qtbot.waitActive(dlg):
            dlg.activateWindow()
        return dlg
    return make


def test_first_session_by_keyboard(qtbot, dialog, services):
    dlg = dialog()
    assert dlg.new_venue.isVisible() and dlg.venue_name.hasFocus()   # no venues yet: straight to a new one
    type_text(dlg.venue_name, "ศาลาประชาคมหมู่ 3")
    qtbot.keyClick(dlg.venue_name, K.Key_Tab)
    qtbot.keyClick(dlg.venue_kind, K.Key_Down)
    type_text(dlg.province.lineEdit(), "ลำปาง")
    type_text(dlg.district, "เมืองลำปาง")
    dlg.topics.setFocus()
    dlg.topics.setCurrentRow(0)
    qtbot.keyClick(dlg.topics, K.Key_Space)            # tick the first (most recent) topic
    first_topic = dlg.topics.item(0).text()
    assert dlg.title.text().startswith("มินิทอล์ก") and first_topic in dlg.title.text()
    assert "ศาลาประชาคมหมู่ 3" in dlg.title.text()
    assert dlg.end.time() == dlg.start.time().addSecs(120 * 60)   # the minitalk template: two hours
    type_text(dlg.facilitators, "สมใจ, ประเสริฐ")
    dlg.title.setFocus()
    qtbot.keyClick(dlg.title, K.Key_Return)
    qtbot.waitUntil(lambda: dlg.session_id is not None)
    d = services.sessions.get(dlg.session_id)
    assert (d.kind, d.province_code, d.district, d.venue_name) == (e.SessionKind.MINITALK, "LPG", "เมืองลำปาง",
                                                                   "ศาลาประชาคมหมู่ 3")
    assert d.topic_names == (first_topic,) and d.facilitators == "สมใจ, ประเสริฐ"
    assert d.planned_end - d.planned_start == timedelta(hours=2)

    # The next set-up offers that venue and topic first, and the focus group template.
    again = dialog(e.SessionKind.FOCUS_GROUP)
    assert again.venue.currentText().startswith("ศาลาประชาคมหมู่ 3") and not again.new_venue.isVisible()
    assert again.topics.item(0).text() == first_topic
    assert again.title.text().startswith("สนทนากลุ่ม")
    assert again.end.time() == again.start.time().addSecs(90 * 60)
    qtbot.keyClick(again.title, K.Key_Return)
    qtbot.waitUntil(lambda: again.session_id is not None)
    assert services.sessions.get(again.session_id).venue_name == "ศาลาประชาคมหมู่ 3"


def test_validation_beside_the_field_in_both_languages_and_nothing_created(qtbot, dialog, services, tasks):
    dlg = dialog()
    type_text(dlg.venue_name, "ห้องสมุดประชาชน")
    qtbot.keyClick(dlg.venue_name, K.Key_Return)        # no province yet
    assert dlg.errors["province"].isVisible()
    assert "จังหวัด" in dlg.errors["province"].text() and "province" in dlg.errors["province"].text()
    type_text(dlg.province.lineEdit(), "ไม่มีจังหวัดนี้")
    qtbot.keyClick(dlg.venue_name, K.Key_Return)
    assert "77" in dlg.errors["province"].text()
    dlg.province.lineEdit().clear()
    type_text(dlg.province.lineEdit(), "Chiang Mai")
    dlg.start.setTime(QTime(15, 0))
    dlg.end.setTime(QTime(14, 0))
    qtbot.keyClick(dlg.venue_name, K.Key_Return)
    assert not dlg.errors["province"].isVisible()
    assert "เวลาสิ้นสุด" in dlg.errors["ended_at"].text() and "end time" in dlg.errors["ended_at"].text()
    dlg.title.clear()
    dlg.end.setTime(QTime(16, 0))
    qtbot.keyClick(dlg.venue_name, K.Key_Return)
    assert "ชื่อเวที" in dlg.errors["title"].text() and "Title" in dlg.errors["title"].text()
    tasks.wait_idle()
    assert services.sessions.count() == 0
    type_text(dlg.title, "เวทีเชียงใหม่")
    qtbot.keyClick(dlg.title, K.Key_Return)
    qtbot.waitUntil(lambda: dlg.session_id is not None)
    assert services.sessions.get(dlg.session_id).province_code == "CMI"


def test_focus_group_offers_saved_guides(qtbot, dialog, services):
    guides = getattr(services, "guides", None)
    if guides is None:
        pytest.skip("the question-guide service is not in this build")
    tpl = guides.create_template("แนวคำถามเรื่องฝุ่น", ["ฝุ่นกระทบชีวิตท่านอย่างไร"])
    dlg = dialog(e.SessionKind.FOCUS_GROUP)
    assert dlg.guide.isVisible()
    dlg.guide.setCurrentIndex(dlg.guide.findData(tpl.id))
    type_text(dlg.venue_name, "โรงเรียนบ้านดง")
    type_text(dlg.province.lineEdit(), "น่าน")
    qtbot.keyClick(dlg.venue_name, K.Key_Return)
    qtbot.waitUntil(lambda: dlg.session_id is not None)
    guide = guides.session_guide(dlg.session_id)
    assert guide is not None and [q.text for q in guide.questions] == ["ฝุ่นกระทบชีวิตท่านอย่างไร"]
    assert not dialog(e.SessionKind.MINITALK).guide.isVisible()
