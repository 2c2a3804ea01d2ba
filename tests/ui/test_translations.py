"""Thai is the default UI language: every string of ours has Thai, and so do Qt's own buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from sala.ui import i18n_build


def test_every_ui_string_has_a_thai_translation():
    assert i18n_build.untranslated("th") == []


def test_qt_standard_buttons_speak_thai(qtbot, thai_ui):
    sb = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(sb.Ok | sb.Cancel | sb.Save | sb.Yes | sb.No | sb.Close)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"ตกลง", "ยกเลิก", "บันทึก", "ใช่", "ไม่", "ปิด"}


def test_the_text_field_menu_speaks_thai(qtbot, thai_ui):
    edit = QLineEdit("ฝุ่น")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    labels = {a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()}
    assert {"คัดลอก", "วาง", "เลือกทั้งหมด"} <= labels


def test_the_file_dialog_speaks_thai(qtbot, thai_ui, tmp_path):
    """Save as…, the USB bundle and the deployment file use Qt's own dialog on Linux: before, it
    said "Look in", "File name", "Date Modified" on a Thai screen (seen in the lead's walk-through)."""
    from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QPushButton

    (tmp_path / "ข้อมูล").mkdir()
    dlg = QFileDialog(None, "ส่งออกชุดข้อมูล", str(tmp_path), "Sala bundle (*.sala)")
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dlg)
    dlg.resize(900, 500)
    dlg.show()
    qtbot.waitExposed(dlg)
    labels = {w.text().replace("&", "") for w in dlg.findChildren(QLabel) if w.isVisible()}
    assert {"ดูใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= labels, labels
    buttons = {b.text().replace("&", "") for b in dlg.findChildren(QPushButton) if b.isVisible()}
    assert {"บันทึก", "ยกเลิก"} <= buttons, buttons
    header = next(h for h in dlg.findChildren(QHeaderView) if h.isVisible())
    heads = {str(header.model().headerData(i, header.orientation())) for i in range(header.count())}
    assert {"ชื่อ", "ขนาด", "ชนิด", "แก้ไขล่าสุด"} <= heads, heads
    assert not any(t in " ".join(labels | buttons | heads) for t in ("Look in", "File name", "Date Modified"))
