"""A Thai word cloud, laid out and painted with QPainter in Sarabun.

Each word is drawn whole with ``QPainter.drawText`` so Qt's shaper places Thai vowels and tone
marks on their consonants (never glyph by glyph, which leaves marks floating or stacked wrong).
A word's box is the ink of its shaped glyphs (Qt's font metrics leave out marks stacked above the
ascent), widened to the line's full ascent and descent, so marks never touch a neighbour. Layout is
deterministic (the same words in the same box give the same picture), biggest word first, each at the
free place nearest the centre; a word that does not fit at its size is tried smaller and left out
only when not even the smallest fits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from sala.ui.shell.fonts import FAMILY

MAX_WORDS = 50
"""More words than this are noise on a projector; the most frequent are shown."""
PALETTE = ("#1f4e79", "#2e7d32", "#8e24aa", "#a93226", "#00838f", "#6d4c41", "#ef6c00", "#37474f")
"""Dark enough to read on white from the back of a hall."""


@dataclass(frozen=True)
class PlacedWord:
    """A word where it is painted: ``box`` (its ink with room for marks), ``baseline`` (where
    ``drawText`` starts) and the size and colour it is painted in."""

    word: str
    count: int
    point_size: float
    box: QRectF
    baseline: QPointF
    colour: str


def _sizes(counts: Sequence[int], min_pt: float, max_pt: float) -> list[float]:
    """A point size per count: the most frequent word ``max_pt``, the rarest ``min_pt``, by square root
    (area then grows with the count, so a word said four times does not look sixteen times as loud)."""
    top, low = max(counts), min(counts)
    if top == low:
        return [max_pt if len(counts) == 1 else (min_pt + max_pt) / 2] * len(counts)
    span = math.sqrt(top) - math.sqrt(low)
    return [min_pt + (max_pt - min_pt) * (math.sqrt(c) - math.sqrt(low)) / span for c in counts]


REFERENCE_PT = 100.0
"""Words are measured once at this size and scaled: outlines grow in proportion to the size."""


@lru_cache(maxsize=4096)
def _reference_box(family: str, word: str) -> QRectF:
    font = word_font(family, REFERENCE_PT)
    metrics = QFontMetricsF(font)
    path = QPainterPath()
    path.addText(0, 0, font, word)
    line = QRectF(0, -metrics.ascent(), metrics.horizontalAdvance(word), metrics.ascent() + metrics.descent())
    return path.boundingRect().united(line)


def word_box(family: str, pt: float, word: str) -> QRectF:
    """The word's box at ``pt`` relative to its baseline origin: the ink of its shaped glyphs (so
    stacked Thai marks such as น้ำ's, which rise above the font's ascent, are inside), at least the
    line's ascent and descent, and two pixels more each side for antialiasing and hinting."""
    ref = _reference_box(family, word)
    k = pt / REFERENCE_PT
    return QRectF(ref.x() * k, ref.y() * k, ref.width() * k, ref.height() * k).adjusted(-2, -2, 2, 2)


CELL = 4.0
"""Pixels a side of the occupancy grid's cells: words are placed on this grid."""


def layout_words(words: Sequence[tuple[str, int]], size: QSize, family: str = FAMILY,
                 min_pt: float = 12.0, max_pt: float = 64.0, gap: float = 4.0) -> list[PlacedWord]:
    """Place the most frequent ``words`` (word, count) inside ``size``, none overlapping another.

    Biggest first, each at the free place nearest the centre (on an ellipse as wide as the box),
    found for all places at once from a summed-area table of the cells already taken: a few
    milliseconds for fifty words, so the UI thread can lay a cloud out every second. The biggest
    size shrinks with the box (a small preview still shows the whole cloud).
    """
    chosen = sorted(((w, c) for w, c in words if w.strip() and c > 0), key=lambda wc: (-wc[1], wc[0]))[:MAX_WORDS]
    if not chosen or size.width() < 20 or size.height() < 20:
        return []
    max_pt = max(min_pt, min(max_pt, size.height() / 4.0, size.width() / 8.0))
    sizes = _sizes([c for _w, c in chosen], min_pt, max_pt)
    rows, cols = int(size.height() // CELL), int(size.width() // CELL)
    taken = np.zeros((rows, cols), dtype=np.int32)
    squash = math.sqrt(size.width() / max(1.0, size.height()))
    placed: list[PlacedWord] = []
    for i, ((word, count), pt) in enumerate(zip(chosen, sizes, strict=True)):
        while pt >= min_pt * 0.75:
            spot = _find_spot(word, pt, family, taken, size, squash, gap)
            if spot is not None:
                box, baseline = spot
                placed.append(PlacedWord(word, count, pt, box, baseline, PALETTE[i % len(PALETTE)]))
                break
            pt *= 0.85
    return placed


def word_font(family: str, pt: float) -> QFont:
    """The font a word is measured and painted in (bold: read from the back of a hall)."""
    font = QFont(family)
    font.setPointSizeF(pt)
    font.setBold(True)
    return font


def _find_spot(word: str, pt: float, family: str, taken: np.ndarray, size: QSize, squash: float,
               gap: float) -> tuple[QRectF, QPointF] | None:
    """The free place nearest the centre for ``word`` at ``pt`` (marked taken), or None."""
    rel = word_box(family, pt, word)
    rows, cols = taken.shape
    hc, wc = math.ceil((rel.height() + 2 * gap) / CELL), math.ceil((rel.width() + 2 * gap) / CELL)
    if hc > rows or wc > cols:
        return None
    sat = np.zeros((rows + 1, cols + 1), dtype=np.int32)
    sat[1:, 1:] = taken.cumsum(0).cumsum(1)
    busy = sat[hc:, wc:] - sat[:-hc, wc:] - sat[hc:, :-wc] + sat[:-hc, :-wc]  # cells taken under each place
    if busy.min() > 0:
        return None
    ys = np.arange(rows - hc + 1) * CELL + hc * CELL / 2.0 - size.height() / 2.0
    xs = np.arange(cols - wc + 1) * CELL + wc * CELL / 2.0 - size.width() / 2.0
    distance = (ys[:, None] * squash) ** 2 + (xs[None, :] / squash) ** 2
    distance[busy > 0] = np.inf
    r, c = divmod(int(np.argmin(distance)), distance.shape[1])
    taken[r:r + hc, c:c + wc] = 1
    x, y = c * CELL + gap, r * CELL + gap
    return QRectF(x, y, rel.width(), rel.height()), QPointF(x - rel.x(), y - rel.y())


class WordCloud(QWidget):
    """Paints the words it is given, laid out anew when they or the widget's size change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._words: list[tuple[str, int]] = []
        self._placed: list[PlacedWord] = []
        self._laid_for: QSize | None = None
        self.empty_text = ""
        """Said in the middle while no word has come in."""

    def set_words(self, words: Sequence[tuple[str, int]]) -> None:
        new = [(w, int(c)) for w, c in words]
        if new == self._words:
            return
        self._words = new
        self._laid_for = None
        self.update()

    def placed(self) -> list[PlacedWord]:
        """The words as painted at the widget's current size."""
        self._ensure_layout()
        return self._placed

    def minimumSizeHint(self) -> QSize:  # Qt name
        return QSize(200, 120)

    def _ensure_layout(self) -> None:
        if self._laid_for != self.size():
            h = self.height()
            self._placed = layout_words(self._words, self.size(), self.font().family(),
                                        min_pt=max(11.0, h / 45.0), max_pt=max(24.0, h / 5.5))
            self._laid_for = QSize(self.size())

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt name
        self._ensure_layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self._placed and self.empty_text:
            p.setPen(QColor("#777777"))
            p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), self.empty_text)
        for w in self._placed:
            p.setFont(word_font(self.font().family(), w.point_size))
            p.setPen(QColor(w.colour))
            p.drawText(w.baseline, w.word)
        p.end()
