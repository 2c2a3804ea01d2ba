"""Big painted buttons for the kiosk: five rating faces and toggle tiles, sized for a finger.

The faces are drawn with QPainter (no emoji font exists on these laptops): colour from red to
green and a mouth that bends from a frown to a smile, so they read without any text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QWidget

from sala.ui.kiosk.thai_wrap import breakable, wrap_lines

FACE_COLOURS = {1: "#e35d5b", 2: "#f39c4a", 3: "#f4cf45", 4: "#9ccc65", 5: "#4caf50"}
TOUCH_MIN = 64  # px: comfortably above the 44–48 px touch guidelines


def face_words() -> dict[int, str]:
    """The word under each face (1 … 5), as visitors read it; staff see the same words."""
    return {1: QCoreApplication.translate("KioskFaces", "Very poor"),
            2: QCoreApplication.translate("KioskFaces", "Poor"),
            3: QCoreApplication.translate("KioskFaces", "Fair"),
            4: QCoreApplication.translate("KioskFaces", "Good"),
            5: QCoreApplication.translate("KioskFaces", "Very good")}


class FaceButton(QAbstractButton):
    """One face of the 1–5 rating, with its word beneath; checkable."""

    def __init__(self, score: int, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setText(caption)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(80, 96)  # a 1024x600 screen still shows every face; bigger screens, bigger faces
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        f = self.font()
        f.setPointSize(16)
        self.setFont(f)

    def sizeHint(self) -> QSize:  # Qt name
        return QSize(170, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_h = int(self.fontMetrics().height() * 1.6)
        side = max(8, min(self.width() - 12, self.height() - text_h - 12, 340))
        top = max(6.0, (self.height() - text_h - side) / 2)  # face and word centred together
        face = QRectF((self.width() - side) / 2, top, side, side)
        if self.isChecked():  # a frame around the face and its word, not the whole (tall) cell
            frame_w = min(self.width() - 6.0, max(side, self.fontMetrics().horizontalAdvance(self.text())) + 28.0)
            frame = QRectF((self.width() - frame_w) / 2, max(3.0, top - 10), frame_w,
                           min(self.height() - 6.0, side + text_h + 18))
            p.setPen(QPen(QColor("#1a4f8b"), 6))
            p.setBrush(QColor("#dbe9f9"))
            p.drawRoundedRect(frame, 16, 16)
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


class WrapButton(QAbstractButton):
    """A finger-sized toggle tile whose text wraps onto as many lines as it needs.

    QPushButton never wraps: a long proposal made it as wide as its sentence and pushed the
    kiosk off the screen. This one reports the height its text needs at a given width.
    """

    PAD_X, PAD_Y = 14, 10
    def __init__(self, text: str, checkable: bool = False, min_height: int = TOUCH_MIN, min_width: int = 220,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_width = min_width
        self.shown = ""
        self.setText(text)
        self.setCheckable(checkable)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        f = self.font()
        f.setPointSize(16)
        self.setFont(f)
        self._min_height = min_height
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_point_size(self, size: int) -> None:
        """Smaller type when many long proposals share a small screen (see KioskVisitor.fit_to_screen)."""
        if self.font().pointSize() != size:
            f = self.font()
            f.setPointSize(size)
            self.setFont(f)
            self.updateGeometry()

    def setText(self, text: str) -> None:  # Qt name
        super().setText(text)
        self.shown = breakable(text)  # what is drawn: line breaks only between Thai words
        self.updateGeometry()

    def lines(self, width: int) -> list[str]:
        """The text as drawn in a box ``width`` pixels wide: lines that end only between words."""
        fm = self.fontMetrics()
        return wrap_lines(self.text(), fm.horizontalAdvance, max(1, width))

    def _text_height(self, width: int) -> int:
        return max(1, len(self.lines(width - 2 * self.PAD_X))) * self.fontMetrics().lineSpacing()

    def hasHeightForWidth(self) -> bool:  # Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # Qt name
        return max(self._min_height, self._text_height(width) + 2 * self.PAD_Y)

    def sizeHint(self) -> QSize:  # Qt name
        width = max(self.min_width, min(self.fontMetrics().horizontalAdvance(self.shown) + 2 * self.PAD_X, 420))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # Qt name
        # The height at the narrowest width: whatever width the layout gives, the text fits.
        return QSize(self.min_width, self.heightForWidth(self.min_width))

    def text_rect(self) -> QRect:
        return self.rect().adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        on, enabled = self.isChecked(), self.isEnabled()
        border = "#1a4f8b" if on else ("#8aa4c2" if enabled else "#cccccc")
        p.setPen(QPen(QColor(border), 2))
        p.setBrush(QColor("#1a4f8b" if on else "#f7f9fc"))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 12, 12)
        p.setPen(QColor("white" if on else ("#1a1a1a" if enabled else "#999999")))
        box = self.text_rect()
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "\n".join(self.lines(box.width())))
        p.end()
