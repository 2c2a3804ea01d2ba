"""Photos: a real drag and drop of image files onto the page, thumbnails off the UI thread,
stored by sha256 in the attachments folder; a non-image is refused in Thai and English."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sala.ui.focus_group.photos import PhotosPanel


@pytest.fixture
def sid(focus_group_sid) -> str:
    return focus_group_sid


@pytest.fixture
def panel(show, services, tasks, sid, fonts, thai_ui):
    return show(PhotosPanel(services, tasks, sid, "th"), (900, 600))


def _drop(widget, paths: list[Path]) -> bool:
    """What the window system delivers when files are dragged from a file manager and let go."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_drag_and_drop_photos_stored_by_hash_with_thumbnails(qtbot, services, tasks, sid, panel, photo_file,
                                                            screenshot) -> None:
    a = photo_file("flipchart1.jpg", w=3000, h=2000)  # a camera's size: the thumbnail is decoded scaled
    b = photo_file("whiteboard.jpg", colour="#aa3322", w=3000, h=2000)
    assert _drop(panel, [a, b])
    qtbot.waitUntil(lambda: len(services.attachments.list(sid)) == 2 and panel.photo_count() == 2, timeout=10000)
    panel.worker.wait_idle()
    for src in (a, b):
        sha = hashlib.sha256(src.read_bytes()).hexdigest()
        stored = services.paths.attachments / sha[:2] / sha
        assert stored.read_bytes() == src.read_bytes()
    qtbot.waitUntil(lambda: panel.worker.pending() == 0)
    icon = panel.list.item(0).icon().pixmap(160, 160).toImage()
    assert icon.pixelColor(80, 80).name() != "#d3d3d3"  # the real thumbnail replaced the placeholder
    assert _drop(panel, [a])  # the same photo again: still one record, one blob
    qtbot.waitUntil(lambda: panel.worker.pending() == 0 and tasks.pending() == 0)
    assert len(services.attachments.list(sid)) == 2
    assert len([p for p in services.paths.attachments.rglob("*") if p.is_file()]) == 2
    screenshot(panel, "photos_th")


def test_non_image_refused_with_bilingual_message(qtbot, services, sid, panel, tmp_path) -> None:
    doc = tmp_path / "minutes.txt"
    doc.write_text("not a photo")
    assert _drop(panel, [doc])
    qtbot.waitUntil(lambda: "not an image" in panel.status.text(), timeout=5000)
    assert "ไม่ใช่ไฟล์รูปภาพ" in panel.status.text() and "not an image" in panel.status.text()
    assert services.attachments.list(sid) == []


def test_non_file_drag_is_ignored(panel) -> None:
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def _dialog_texts(dlg) -> dict[str, str]:
    from PySide6.QtWidgets import QFileDialog

    lab = QFileDialog.DialogLabel
    return {name: dlg.labelText(getattr(lab, name)) for name in ("LookIn", "FileName", "FileType", "Accept", "Reject")}


def test_photo_file_dialog_speaks_thai_and_adds_the_chosen_files(qtbot, services, tasks, sid, panel,
                                                                  photo_file) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    dlg = panel.file_dialog
    assert dlg is not None and dlg.isVisible() and dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert _dialog_texts(dlg) == {"LookIn": "ค้นหาใน:", "FileName": "ชื่อไฟล์:", "FileType": "ชนิดไฟล์:",
                                  "Accept": "เพิ่มรูปภาพ", "Reject": "ยกเลิก"}
    assert dlg.nameFilters()[0].startswith("รูปภาพ (*.jpg *.jpeg *.png")
    shown = {w.text() for w in dlg.findChildren(QLabel) if w.isVisible()}
    assert not shown & {"Look in:", "File name:", "Files of type:"}
    photo = photo_file("flipchart.jpg")
    dlg.selectFile(str(photo))
    dlg.accept()
    qtbot.waitUntil(lambda: len(services.attachments.list(sid)) == 1, timeout=10000)
    panel.worker.wait_idle()

