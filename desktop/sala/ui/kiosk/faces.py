"""Big painted buttons for the kiosk: five rating faces and toggle tiles, sized for a finger.

The faces are drawn with QPainter (no emoji font exists on these laptops): colour from red to
green and a mouth that bends from a frown to a smile, so they read without any text.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QWidget

FACE_COLOURS = {1: "#e35d5b", 2: "#f39c4a", 3: "#f4cf45", 4: "#9ccc65", 5: "#4caf50"}
TOUCH_MIN = 64  # px: comfortably above the 44–48 px touch guidelines


class FaceButton(QAbstractButton):
    """One face of the 1–5 rating, with its word beneath; checkable."""

    def __init__(self, score: int, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setText(caption)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 135)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        f = self.font()
        f.setPointSize(16)
        self.setFont(f)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(170, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_h = int(self.fontMetrics().height() * 1.6)
        side = min(self.width() - 12, self.height() - text_h - 12)
        face = QRectF((self.width() - side) / 2, 6, side, side)
        if self.isChecked():
            p.setPen(QPen(QColor("#1a4f8b"), 6))
            p.setBrush(QColor("#dbe9f9"))
            p.drawRoundedRect(QRectF(self.rect()).adjusted(3, 3, -3, -3), 16, 16)
        colour = QColor(FACE_COLOURS[self.score])
        if not self.isChecked() and self.group() is not None and self.group().checkedButton() is not None:
            colour.setAlpha(110)  # the chosen face stands out
        p.setPen(QPen(QColor("#333333"), max(2.0, side / 40)))
        p.setBrush(colour)
        p.drawEllipse(face)
        eye = side * 0.07
        for x in (0.34, 0.66):
            p.setBrush(QColor("#333333"))
            p.drawEllipse(QPointF(face.left() + side * x, face.top() + side * 0.38), eye, eye)
        bend = (self.score - 3) / 2  # −1 frown … +1 smile
        mouth = QPainterPath()
        left = QPointF(face.left() + side * 0.28, face.top() + side * 0.68)
        right = QPointF(face.left() + side * 0.72, face.top() + side * 0.68)
        mouth.moveTo(left)
        mouth.quadTo(QPointF(face.center().x(), left.y() + bend * side * 0.22), right)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("#333333"), max(3.0, side / 22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(mouth)
        p.setPen(QColor("#1a1a1a"))
        p.drawText(QRectF(0, face.bottom() + 4, self.width(), text_h), Qt.AlignmentFlag.AlignCenter, self.text())
        p.end()


def big_button(text: str, checkable: bool = False, height: int = TOUCH_MIN) -> QPushButton:
    """A finger-sized push button whose Thai text has room above and below."""
    b = QPushButton(text)
    b.setCheckable(checkable)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setMinimumHeight(max(height, int(b.fontMetrics().height() * 2.4)))
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    b.setStyleSheet(
        "QPushButton { border: 2px solid #8aa4c2; border-radius: 12px; background: #f7f9fc; padding: 6px 12px; }"
        "QPushButton:checked { background: #1a4f8b; color: white; border-color: #1a4f8b; }"
        "QPushButton:disabled { color: #999; border-color: #ccc; }"
    )
    return b
