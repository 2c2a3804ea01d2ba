"""The clipping checks of ``tests/ui/clipping.py`` find what they are for (a check that cannot fail
would let every cut text through): a combo box too narrow or too low for an item, a header section
narrower than its title, a tool button smaller than its text; and pass what Qt sized itself."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QTableWidget, QToolButton, QVBoxLayout, QWidget

from tests.ui.clipping import clipped_combos, clipped_headers, clipped_tool_buttons

THAI = "พระนครศรีอยุธยา ญู้"


def _window(qtbot, *children: QWidget) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    for c in children:
        lay.addWidget(c)
    qtbot.addWidget(w)
    w.resize(600, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_combo_box_sized_by_qt_passes_and_a_narrow_or_low_one_fails(qtbot, fonts):
    fits, narrow, low = QComboBox(), QComboBox(), QComboBox()
    for c in (fits, narrow, low):
        c.addItems(["ทุกจังหวัด", THAI])
        c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    narrow.setFixedWidth(fits.sizeHint().width() - 12)
    narrow.setObjectName("narrow")
    low.setFixedHeight(low.fontMetrics().height() - 4)  # marks above and below need the line's height
    low.setObjectName("low")
    w = _window(qtbot, fits, narrow, low)
    found = clipped_combos(w)
    assert len(found) == 2 and "#narrow" in found[0] and "#low" in found[1], found


def test_a_header_narrower_than_its_title_fails(qtbot, fonts):
    table = QTableWidget(0, 2)
    table.setHorizontalHeaderLabels(["จำนวนผู้เข้าร่วมทั้งหมด", "ผู้พูด"])
    w = _window(qtbot, table)
    table.horizontalHeader().resizeSection(0, 40)
    assert len(clipped_headers(w)) == 1
    table.resizeColumnsToContents()
    assert clipped_headers(w) == []


def test_a_tool_button_smaller_than_its_text_fails(qtbot, fonts):
    button = QToolButton()
    button.setText("ส่งข้อมูลตอนนี้")
    w = _window(qtbot, button)
    assert clipped_tool_buttons(w) == []
    button.setFixedWidth(30)
    qtbot.waitUntil(lambda: button.width() == 30)
    assert len(clipped_tool_buttons(w)) == 1
