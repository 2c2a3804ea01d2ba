"""A combo box for items that may be long (topics from the catalogue): it keeps a sensible width,
shows its current text elided with the whole text in its tooltip, and opens a list wide enough for
every item whole. A plain QComboBox cuts such a text at its edge with no way to read the rest."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

ELIDES = "elidesOnPurpose"
"""Widget property set true on widgets that elide on purpose (the clipping tests read it)."""


class ElidingComboBox(QComboBox):
    """A non-editable combo box whose current text is elided to its width (see the module's doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(ELIDES, True)
        self.currentIndexChanged.connect(self._update_tip)

    def _text_room(self, opt: QStyleOptionComboBox) -> int:
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.width() - 2  # the label keeps a pixel clear on each side

    def is_elided(self) -> bool:
        """Whether the current text is shown shortened."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        return self.fontMetrics().boundingRect(self.currentText()).width() > self._text_room(opt)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        room = self._text_room(opt)
        if self.fontMetrics().boundingRect(opt.currentText).width() > room:
            from PySide6.QtCore import Qt  # only here: the list's first paint builds no Qt namespace

            opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, room)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def fit_list(self) -> None:
        """Make the drop-down list wide enough for the widest item (call after adding items)."""
        fm = self.view().fontMetrics()
        widest = max((fm.boundingRect(self.itemText(i)).width() for i in range(self.count())), default=0)
        scroll = self.view().verticalScrollBar().sizeHint().width()
        self.view().setMinimumWidth(widest + scroll + 2 * self.view().frameWidth() + 16)
        self._update_tip()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        self.setToolTip(self.currentText() if self.is_elided() else "")
