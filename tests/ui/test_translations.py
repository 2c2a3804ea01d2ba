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
