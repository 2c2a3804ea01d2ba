"""Labelled bars painted for a projector: a heading, then per row its words, its number and a bar.

Labels are Thai sentences (questions, proposals): they wrap only between PyThaiNLP words (see
``ui/kiosk/thai_wrap``) and each line is drawn whole, so marks stay on their letters. Rows that do
not fit the widget's height are left out and counted ("+3 more"), never squeezed unreadable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from sala.ui.kiosk.thai_wrap import wrap_lines

BAR_COLOUR = "#1f4e79"


@dataclass(frozen=True)
class BarRow:
    label: str
    value: int
    colour: str = BAR_COLOUR


@dataclass(frozen=True)
class _Laid:
    row: BarRow
    lines: list[str]
    top: float
    height: float


class BarRows(QWidget):
    """``set_rows(heading, rows)``; the biggest value fills the width, every bar says its number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._heading = ""
        self._rows: list[BarRow] = []
        self.empty_text = ""
        self.max_label_lines = 2
        self.label_px = 18
        """Pixel size of the labels; the heading is a third larger."""
        self.inline = False
        """Short labels (stances) on the bar's own line, in a column as wide as the longest."""

    def set_rows(self, heading: str, rows: Sequence[BarRow]) -> None:
        self._heading, self._rows = heading, list(rows)
        self.update()

    def rows(self) -> list[BarRow]:
        return list(self._rows)

    def set_label_px(self, px: int) -> None:
        self.label_px = max(10, px)
        self.update()

    def inline_height(self, rows: int) -> int:
        """The height ``rows`` inline rows and the heading need."""
        head, label = self._fonts()
        lm = QFontMetricsF(label)
        row_h = max(lm.lineSpacing(), lm.height() * 0.9) + 8
        return int(QFontMetricsF(head).lineSpacing() + 6 + rows * row_h + 4)

    def minimumSizeHint(self) -> QSize:  # Qt name
        return QSize(160, 60)

    def heading_font(self) -> QFont:
        return self._fonts()[0]

    def _fonts(self) -> tuple[QFont, QFont]:
        """The heading's font and the labels'. The heading is a third larger than the labels, or
        as large as fits the width on one line ("average 3.7 / 5 from 1,204 visitors"), never cut."""
        label = QFont(self.font())
        label.setPixelSize(self.label_px)
        head = QFont(label)
        head.setBold(True)
        px = int(self.label_px * 1.3)
        head.setPixelSize(px)
        if self._heading and self.width() > 0:
            wide = QFontMetricsF(head).horizontalAdvance(self._heading)
            while wide > self.width() - 2 and px > 10:
                px = max(10, int(px * min(0.95, (self.width() - 2) / wide)))
                head.setPixelSize(px)
                wide = QFontMetricsF(head).horizontalAdvance(self._heading)
        return head, label

    def layout_rows(self) -> tuple[list[_Laid], int]:
        """The rows that fit (with their wrapped lines and places) and how many were left out."""
        head, label = self._fonts()
        hm, lm = QFontMetricsF(head), QFontMetricsF(label)
        width = max(40.0, self.width() - 4.0)
        y = hm.lineSpacing() + 6 if self._heading else 0.0
        bar_h = lm.height() * 0.9
        laid: list[_Laid] = []
        if self.inline:
            for i, row in enumerate(self._rows):
                h = max(lm.lineSpacing(), bar_h) + 8
                if y + h > self.height():
                    return laid, len(self._rows) - i
                laid.append(_Laid(row, [row.label], y, h))
                y += h
            return laid, 0
        for i, row in enumerate(self._rows):
            lines = wrap_lines(row.label, lambda s: int(lm.horizontalAdvance(s)), int(width))
            if len(lines) > self.max_label_lines:
                lines = lines[:self.max_label_lines]
                lines[-1] = lines[-1] + " …"
            h = len(lines) * lm.lineSpacing() + bar_h + 10
            room = self.height() - (lm.lineSpacing() if i < len(self._rows) - 1 else 0)
            if y + h > room:
                return laid, len(self._rows) - i
            laid.append(_Laid(row, lines, y, h))
            y += h
        return laid, 0

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt name
        head, label = self._fonts()
        hm, lm = QFontMetricsF(head), QFontMetricsF(label)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor("#222222"))
        if self._heading:
            p.setFont(head)
            p.drawText(QRectF(0, 0, self.width(), hm.lineSpacing() + 4),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._heading)
        p.setFont(label)
        laid, left_out = self.layout_rows()
        if not self._rows and self.empty_text:
            p.setPen(QColor("#777777"))
            p.drawText(QRectF(0, hm.lineSpacing() + 6, self.width(), lm.lineSpacing() * 2),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.empty_text)
        top = max([r.value for r in self._rows] + [1])
        bar_h = lm.height() * 0.9
        label_w = max([lm.horizontalAdvance(r.label) for r in self._rows] + [0]) + 12 if self.inline else 0.0
        for item in laid:
            p.setPen(QColor("#222222"))
            y = item.top
            if self.inline:
                p.drawText(QRectF(0, y, label_w, lm.lineSpacing()),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), item.lines[0])
                self._bar(p, lm, item.row, label_w, y + (lm.lineSpacing() - bar_h) / 2 - 2, bar_h, top)
                continue
            for line in item.lines:
                p.drawText(QRectF(0, y, self.width(), lm.lineSpacing()),
                           int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
                y += lm.lineSpacing()
            self._bar(p, lm, item.row, 0.0, y, bar_h, top)
        if left_out:
            p.setPen(QColor("#555555"))
            more = self.tr("+%1 more").replace("%1", str(left_out))
            p.drawText(QRectF(0, self.height() - lm.lineSpacing(), self.width(), lm.lineSpacing()),
                       int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), more)
        p.end()

    def _bar(self, p: QPainter, lm: QFontMetricsF, row: BarRow, x: float, y: float, bar_h: float,
             top: int) -> None:
        """The bar from ``x`` (the biggest value reaches the right edge) and its number after it."""
        number = str(row.value)
        number_w = lm.horizontalAdvance(number) + 10
        room = max(1.0, self.width() - x - number_w - 4)
        w = max(3.0, room * row.value / top) if row.value else 0.0
        p.fillRect(QRectF(x, y + 2, w, bar_h), QColor(row.colour))
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(x + w + 6, y + 2, number_w + 4, bar_h),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), number)
