"""A QR code drawn by Qt: the ``qrcode`` package makes the module matrix, we paint it (no PIL).

Every module is a whole number of pixels wide, so a phone camera across a room sees crisp edges
and no module is smeared over two pixels; the quiet zone (four modules of white) is kept, since
readers need it to find the code on a dark projector background.
"""

from __future__ import annotations

import qrcode  # type: ignore[import-untyped]
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 4
"""Modules of white around the code, as the QR standard asks."""


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules (True = dark), without the quiet zone; medium error correction."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(text.encode("utf-8"))
    qr.make(fit=True)
    return [[bool(m) for m in row] for row in qr.get_matrix()]


def qr_image(matrix: list[list[bool]], module_px: int, quiet: int = QUIET) -> QImage:
    """``matrix`` as a black-on-white image, ``module_px`` pixels a module, with the quiet zone."""
    n = len(matrix)
    side = (n + 2 * quiet) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    paint_modules(p, matrix, quiet * module_px, quiet * module_px, module_px)
    p.end()
    return image


def paint_modules(p: QPainter, matrix: list[list[bool]], x0: int, y0: int, module_px: int) -> None:
    """Fill each dark module at (``x0``, ``y0``) + its place, runs of a row as one rectangle."""
    black = QColor("black")
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            p.fillRect(QRect(x0 + start * module_px, y0 + r * module_px, (c - start) * module_px, module_px), black)


class QrWidget(QWidget):
    """A QR code as large as the widget allows, square, whole pixels a module, quiet zone in white."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.setAccessibleName(text)
        self.update()

    def text(self) -> str:
        return self._text

    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def modules_with_quiet(self) -> int:
        return len(self._matrix) + 2 * QUIET if self._matrix else 0

    def module_px(self) -> int:
        """Pixels per module at the widget's size (0 when there is no room for even one)."""
        n = self.modules_with_quiet()
        return min(self.width(), self.height()) // n if n else 0

    def code_rect(self) -> QRect:
        """Where the code (with its quiet zone) is painted, centred in the widget."""
        side = self.module_px() * self.modules_with_quiet()
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def minimumSizeHint(self) -> QSize:  # Qt name
        n = self.modules_with_quiet() or 29
        return QSize(2 * n, 2 * n)  # two pixels a module is still readable close up

    def sizeHint(self) -> QSize:  # Qt name
        n = self.modules_with_quiet() or 29
        return QSize(8 * n, 8 * n)

    def hasHeightForWidth(self) -> bool:  # Qt name
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt name
        if not self._matrix:
            return
        px = self.module_px()
        if px <= 0:
            return
        rect = self.code_rect()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(rect, QColor("white"))
        paint_modules(p, self._matrix, rect.x() + QUIET * px, rect.y() + QUIET * px, px)
        p.end()

