"""Text cut off by widgets that size themselves (combo boxes, tool buttons, group box titles, table
headers), checked with font metrics and the style's own size rules, as Qt sizes them.

Height counts as much as width: Thai stacks marks above and below the line, so a text needs the
font's line height or its ink's height, whichever is taller (``_text_size``). A combo box is checked
for every item it may show, not only the current one: picking "Phra Nakhon Si Ayutthaya" must not
cut it. A combo box that elides on purpose (``ELIDES`` set true, the whole text in its tooltip and in
its list) is checked for its list's width instead. A line edit's placeholder (the hint shown while
it is empty) is checked against the room the box gives it, after its clear button and icons.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QToolButton,
    QWidget,
)

from sala.ui.common.eliding_combo import ELIDES


def _text_size(fm: QFontMetrics, text: str) -> QSize:
    """The room a single line of ``text`` needs: its advance, and the line's height or its ink's."""
    ink = fm.tightBoundingRect(text)
    return QSize(fm.horizontalAdvance(text), max(fm.height(), ink.height()))


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.width() > 1


def combo_room(combo: QComboBox) -> QRect:
    """Where ``combo`` draws its current text (Qt keeps a pixel clear on each side)."""
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    if not combo.isEditable() and not opt.currentIcon.isNull():
        field.setLeft(field.left() + combo.iconSize().width() + 4)
    return field.adjusted(1, 0, -1, 0)


def clipped_combos(window: QWidget) -> list[str]:
    """Combo boxes (and their lists) too small for one of their items, in width or height."""
    cut = []
    for combo in window.findChildren(QComboBox):
        if not _shown(combo, window) or combo.count() == 0:
            continue
        items = [combo.itemText(i) for i in range(combo.count())]
        fm = combo.fontMetrics()
        if combo.property(ELIDES):
            view: QAbstractItemView = combo.view()
            widest = max(fm.boundingRect(t).width() for t in items)
            room = (max(view.minimumWidth(), combo.width()) - 2 * view.frameWidth()
                    - view.verticalScrollBar().sizeHint().width())
            if widest > room:
                cut.append(f"combo list #{combo.objectName()}: its widest item needs {widest} px, the list has {room}")
            continue
        field = combo_room(combo)
        for text in items:
            need = QSize(fm.boundingRect(text).width(), _text_size(fm, text).height())
            if need.width() > field.width() or need.height() > field.height():
                cut.append(f"combo #{combo.objectName()} item {text!r}: needs {need.width()}x{need.height()}, "
                           f"has {field.width()}x{field.height()}")
                break  # one item per combo says enough
    return cut


def clipped_tool_buttons(window: QWidget) -> list[str]:
    cut = []
    for b in window.findChildren(QToolButton):
        icon_only = b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not b.icon().isNull()
        if not _shown(b, window) or not b.text() or icon_only:
            continue  # a button with an icon shows only the icon (its text is the tooltip's)
        parent = b.parentWidget()
        if parent is not None and parent.inherits("QTabBar"):
            continue  # the tab bar's scroll arrows
        need = b.sizeHint()
        if need.width() > b.width() or need.height() > b.height():
            cut.append(f"tool button {b.text()!r}: needs {need.width()}x{need.height()}, has {b.width()}x{b.height()}")
    return cut


def clipped_group_titles(window: QWidget) -> list[str]:
    cut = []
    for box in window.findChildren(QGroupBox):
        if not _shown(box, window) or not box.title():
            continue
        opt = QStyleOptionGroupBox()
        opt.initFrom(box)
        opt.text = box.title()
        opt.subControls = QStyle.SubControl.SC_GroupBoxLabel | (
            QStyle.SubControl.SC_GroupBoxCheckBox if box.isCheckable() else QStyle.SubControl.SC_None)
        label = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, opt,
                                           QStyle.SubControl.SC_GroupBoxLabel, box)
        need = _text_size(box.fontMetrics(), box.title().replace("&", ""))
        right = label.x() + need.width()
        if right > box.width() or label.top() < 0:
            cut.append(f"group box {box.title()!r}: its title needs {right} px, the box has {box.width()}")
    return cut


def clipped_headers(window: QWidget) -> list[str]:
    """Table and tree headers whose section is narrower or lower than its title."""
    cut = []
    for header in window.findChildren(QHeaderView):
        if not _shown(header, window) or header.model() is None:
            continue
        model, horizontal = header.model(), header.orientation() == Qt.Orientation.Horizontal
        for i in range(header.count()):
            if header.isSectionHidden(i):
                continue
            title = model.headerData(i, header.orientation(), Qt.ItemDataRole.DisplayRole)
            if not isinstance(title, str) or not title:
                continue
            # The header's own measure of a section (text, margins, the sort arrow's room).
            need: QSize = header.sectionSizeFromContents(i)
            size = header.sectionSize(i)
            if horizontal and (need.width() > size or need.height() > header.height()):
                cut.append(f"header {title!r}: needs {need.width()}x{need.height()}, has {size}x{header.height()}")
            if not horizontal and (need.height() > size or need.width() > header.width()):
                cut.append(f"header {title!r}: needs {need.width()}x{need.height()}, has {header.width()}x{size}")
    return cut


LINE_EDIT_MARGIN = 2
"""QLineEdit keeps this many pixels clear on each side of its text (``QLineEditPrivate::horizontalMargin``)."""


def placeholder_room(edit: QLineEdit) -> QRect:
    """Where ``edit`` draws its placeholder: its contents less its margins and side buttons (the clear
    button, an action's icon)."""
    opt = QStyleOptionFrame()
    edit.initStyleOption(opt)
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
    room = room.marginsRemoved(edit.textMargins())
    middle = edit.width() // 2
    for side in edit.findChildren(QWidget):
        if side.parentWidget() is not edit or not side.isVisibleTo(edit):
            continue
        if side.geometry().center().x() < middle:
            room.setLeft(max(room.left(), side.geometry().right() + 1))
        else:
            room.setRight(min(room.right(), side.geometry().left() - 1))
    return room.adjusted(LINE_EDIT_MARGIN, 0, -LINE_EDIT_MARGIN, 0)


def clipped_placeholders(window: QWidget) -> list[str]:
    """Empty line edits whose placeholder is cut (Qt elides it at the box's edge)."""
    cut = []
    for edit in window.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not _shown(edit, window) or not hint or edit.text():
            continue
        room = placeholder_room(edit)
        need = _text_size(edit.fontMetrics(), hint)
        if need.width() > room.width() or need.height() > room.height():
            cut.append(f"line edit #{edit.objectName()} placeholder {hint!r}: needs {need.width()}x{need.height()}, "
                       f"has {room.width()}x{room.height()}")
    return cut


def clipped_self_sized(window: QWidget) -> list[str]:
    """Every check of this module over ``window``."""
    return (clipped_combos(window) + clipped_tool_buttons(window) + clipped_group_titles(window)
            + clipped_headers(window) + clipped_placeholders(window))
