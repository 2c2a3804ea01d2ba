"""Photo captions: chosen by keyboard, typed without a Save button, saved within a second,
shown under the thumbnail, back after reopening; a finalized session's captions are read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sala.ui.focus_group.photos import PhotosPanel
from tests.typing import type_text

K = Qt.Key


@pytest.fixture
def sid(focus_group_sid) -> str:
    return focus_group_sid


@pytest.fixture
def photos(services, sid, photo_file) -> list[str]:
    return [services.attachments.add_file(sid, photo_file(n, c)).id
            for n, c in (("flipchart1.jpg", "#3366aa"), ("whiteboard.jpg", "#aa3322"))]


@pytest.fixture
def open_panel(show, services, tasks, sid):
    return lambda: show(PhotosPanel(services, tasks, sid, "th"), (900, 600), active=True)


def test_caption_typed_is_saved_without_a_button_and_shown_under_the_thumbnail(
        qtbot, services, tasks, sid, photos, open_panel, fonts, thai_ui, screenshot) -> None:
    panel = open_panel()
    assert panel.caption_text(photos[0]) == "flipchart1.jpg"        # no caption yet: the file name
    assert not panel.caption.isEnabled()                           # nothing selected
    panel.list.setFocus()
    qtbot.keyClick(panel.list, K.Key_Home)
    qtbot.keyClick(panel.list, K.Key_Right)                        # the second photo
    qtbot.keyClick(panel.list, K.Key_Return)                       # Enter: to its caption
    assert panel.caption.hasFocus()
    type_text(panel.caption, "ข้อเสนอกลุ่มที่ 2: ตั้งจุดวัดฝุ่นทุกตำบล")
    assert panel.caption_text(photos[1]) == "ข้อเสนอกลุ่มที่ 2: ตั้งจุดวัดฝุ่นทุกตำบล"   # at once
    # saved by itself, well within a second of the first key (the autosave interval is 0.5 s)
    assert panel.caption_autosave._timer.interval() <= 1000
    qtbot.waitUntil(lambda: [a.caption for a in services.attachments.list(sid)]
                    == ["", "ข้อเสนอกลุ่มที่ 2: ตั้งจุดวัดฝุ่นทุกตำบล"], timeout=3000)

    # Back to the first photo: its caption box is empty; type, leave at once (no wait): flushed.
    qtbot.keyClick(panel.list, K.Key_Home)
    assert panel.caption.text() == ""
    type_text(panel.caption, "ปัญหาที่พบ")
    panel.hide()                                                   # the page goes away
    tasks.wait_idle()
    assert [a.caption for a in services.attachments.list(sid)][0] == "ปัญหาที่พบ"

    again = open_panel()                   # reopened: captions are back
    assert [again.caption_text(i) for i in photos] == ["ปัญหาที่พบ", "ข้อเสนอกลุ่มที่ 2: ตั้งจุดวัดฝุ่นทุกตำบล"]
    again.list.setCurrentRow(1)
    assert again.caption.text() == "ข้อเสนอกลุ่มที่ 2: ตั้งจุดวัดฝุ่นทุกตำบล"
    again.resize(760, 520)
    qtbot.waitUntil(lambda: again.worker.pending() == 0)
    screenshot(again, "photos_captions_th")


def test_overlong_caption_is_refused_in_both_languages_and_kept(
        qtbot, services, tasks, sid, photos, open_panel, fonts, thai_ui) -> None:
    from sala.domain.validation import TEXT_MAX

    panel = open_panel()
    panel.list.setCurrentRow(0)
    panel.caption.setText("ก" * (TEXT_MAX + 1))
    panel.caption.textEdited.emit(panel.caption.text())            # what typing/pasting signals
    qtbot.waitUntil(lambda: "caption" in panel.status.text(), timeout=3000)
    assert "คำบรรยายภาพ" in panel.status.text() and "over the limit" in panel.status.text()
    assert services.attachments.list(sid)[0].caption == ""         # nothing silently cut
    assert panel.caption.text() == "ก" * (TEXT_MAX + 1)             # and nothing lost


def test_finalized_session_captions_are_read_only(qtbot, services, tasks, sid, photos, open_panel, fonts,
                                                 thai_ui) -> None:
    services.attachments.set_caption(photos[0], "แผนผังหมู่บ้าน")
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    panel = open_panel()
    panel.set_read_only(True)
    panel.list.setCurrentRow(0)
    assert panel.caption.isReadOnly() and panel.caption.text() == "แผนผังหมู่บ้าน"
    assert not panel.choose_button.isVisible()
    qtbot.keyClicks(panel.caption, "x")
    tasks.wait_idle()
    assert services.attachments.list(sid)[0].caption == "แผนผังหมู่บ้าน"
