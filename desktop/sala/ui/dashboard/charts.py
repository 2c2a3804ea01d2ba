"""pyqtgraph bar charts with Thai category labels, a legend and "save as PNG".

Thai needs the bundled Sarabun everywhere text is drawn (axis ticks included: pyqtgraph paints
them with its own font unless told) and more height than Latin (marks above and below the
line), so tick text space follows the font's real line height, not pyqtgraph's default.
Each chart keeps what it plots (``categories`` and ``series``) so tests can read it back.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

# Distinguishable with common colour-vision deficiencies (Okabe–Ito), then greys.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
TEXT = "#303030"


def chart_font() -> QFont:
    """The application font (Sarabun once registered), so charts match the rest of the UI."""
    return QFont(QApplication.font())


class CategoryAxis(pg.AxisItem):
    """An axis whose ticks are category names at 0, 1, 2…; thins them out rather than overlap."""

    def __init__(self, orientation: str, **kwargs) -> None:  # pyqtgraph's options
        super().__init__(orientation, **kwargs)
        self.labels: list[str] = []
        font = chart_font()
        self.setStyle(tickFont=font, autoExpandTextSpace=True, tickTextOffset=6, hideOverlappingLabels=False)
        self._metrics = QFontMetrics(font)
        self.setTextPen(pg.mkPen(TEXT))
        self.setPen(pg.mkPen("#a0a0a0"))
        if orientation in ("bottom", "top"):
            # Thai marks sit above and below the line: the full line height plus some air.
            self.setHeight(self._metrics.height() + 16)

    def set_labels(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        if self.orientation in ("left", "right") and self.labels:
            widest = max(self._metrics.horizontalAdvance(t) for t in self.labels)
            self.setWidth(min(widest, 320) + 16)
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N803 - pyqtgraph API
        n = len(self.labels)
        if n == 0:
            return []
        lo, hi = sorted((minVal, maxVal))  # an inverted view (topics top-down) passes them reversed
        visible = [i for i in range(n) if lo - 0.5 <= i <= hi + 0.5]
        if not visible:
            return []
        px = max(size, 1.0) / max(hi - lo, 1e-9)  # pixels per category
        if self.orientation in ("bottom", "top"):
            widths = [self._metrics.horizontalAdvance(t) for t in self.labels]
        else:
            widths = [self._metrics.height()] * n
        step = 1
        # The smallest step at which every pair of neighbouring labels shown has room (12 px apart).
        while step < n and any((widths[i] + widths[i + step]) / 2 + 12 > step * px
                               for i in range(0, n - step, step)):
            step += 1
        return [(step, [float(i) for i in visible if i % step == 0])]

    def tickStrings(self, values, scale, spacing):  # pyqtgraph API
        out = []
        for v in values:
            i = int(round(v))
            text = self.labels[i] if 0 <= i < len(self.labels) else ""
            if self.orientation in ("left", "right"):
                text = self._metrics.elidedText(text, Qt.TextElideMode.ElideRight, 320)
            out.append(text)
        return out


class CountAxis(pg.AxisItem):
    """A value axis with whole numbers only (counts of people and sessions), in the app font."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.setStyle(tickFont=chart_font(), tickTextOffset=6)
        self.setTextPen(pg.mkPen(TEXT))
        self.setPen(pg.mkPen("#a0a0a0"))
        if orientation in ("bottom", "top"):
            self.setHeight(QFontMetrics(chart_font()).height() + 16)

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N803
        levels = super().tickValues(minVal, maxVal, size)
        return [(max(1.0, step), [v for v in vals if float(v).is_integer()]) for step, vals in levels[:1]]

    def tickStrings(self, values, scale, spacing):
        return [f"{int(v):,}" for v in values]


class Legend(QWidget):
    """Colour swatches and names as Qt widgets: the app font, wrapping, and part of the PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.names: list[str] = []

    def set_items(self, items: Sequence[tuple[str, str]]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        self.names = [name for name, _c in items]
        for name, colour in items:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {colour}; border-radius: 2px;")
            label = QLabel(name)
            self._layout.addWidget(swatch)
            self._layout.addWidget(label)
        self._layout.addStretch(1)


class BarChart(QFrame):
    """One titled chart: vertical or horizontal bars, single, grouped or stacked series."""

    sig_export_requested = Signal(object)
    """The user asked to save this chart as a PNG; carries the chart."""

    def __init__(self, title: str, horizontal: bool = False, stacked: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("chartCard")
        self.setStyleSheet("#chartCard { background: white; }")
        self.horizontal = horizontal
        self.stacked = stacked
        self.categories: list[str] = []
        self.series: dict[str, list[float]] = {}
        self.colours: dict[str, str] = {}

        self.title = QLabel(title)
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSize(f.pointSize() + 1)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.export_button = QPushButton(self.tr("Save as PNG…"))
        self.export_button.clicked.connect(lambda: self.sig_export_requested.emit(self))
        self.legend = Legend()

        cat_axis = CategoryAxis("left" if horizontal else "bottom")
        val_axis = CountAxis("bottom" if horizontal else "left")
        self.category_axis = cat_axis
        axes = {"left": cat_axis, "bottom": val_axis} if horizontal else {"bottom": cat_axis, "left": val_axis}
        self.plot = pg.PlotWidget(axisItems=axes, background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=horizontal, y=not horizontal, alpha=0.25)
        if horizontal:
            self.plot.getPlotItem().invertY(True)  # first (largest) category on top
        self.plot.setMinimumHeight(240)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty = QLabel(self.tr("No data for these filters"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777;")
        self.empty.hide()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.empty, 1)
        self._items: list[pg.BarGraphItem] = []

    def set_data(self, categories: Sequence[str], series: dict[str, Sequence[float]],
                 colours: dict[str, str] | None = None, legend: bool = True, subtitle: str = "",
                 bar_colours: Sequence[str] | None = None) -> None:
        """Replace what the chart shows; ``series`` maps a name to one value per category.

        ``bar_colours`` colours a single series bar by bar (ratings from red to green).
        """
        self.categories = list(categories)
        self.series = {k: [float(v) for v in vals] for k, vals in series.items()}
        names = list(self.series)
        self.colours = {n: (colours or {}).get(n, PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)}
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.legend.set_items([(n, self.colours[n]) for n in names] if legend and len(names) > 1 else [])
        self.legend.setVisible(legend and len(names) > 1)
        for item in self._items:
            self.plot.removeItem(item)
        self._items = []
        self.category_axis.set_labels(self.categories)
        has_data = any(v for vals in self.series.values() for v in vals)
        self.plot.setVisible(has_data)
        self.empty.setVisible(not has_data)
        if not self.categories:
            return
        xs = list(range(len(self.categories)))
        base = [0.0] * len(xs)
        group_w = 0.8
        width = group_w if self.stacked or len(names) <= 1 else group_w / len(names)
        for k, name in enumerate(names):
            vals = self.series[name]
            pen, brush = pg.mkPen(None), pg.mkBrush(QColor(self.colours[name]))
            extra = {"brushes": [pg.mkBrush(QColor(c)) for c in bar_colours]} if bar_colours and len(names) == 1 else {}
            pos: Sequence[float] = xs if self.stacked or len(names) <= 1 else \
                [x - group_w / 2 + width * (k + 0.5) for x in xs]
            if self.horizontal:
                item = pg.BarGraphItem(x0=base, y=pos, width=vals, height=width, pen=pen, brush=brush, **extra)
            else:
                item = pg.BarGraphItem(x=pos, y0=base, height=vals, width=width, pen=pen, brush=brush, **extra)
            item.setToolTip(name)
            self.plot.addItem(item)
            self._items.append(item)
            if self.stacked:
                base = [b + v for b, v in zip(base, vals, strict=True)]
        top = max([1.0] + (base if self.stacked else [v for vals in self.series.values() for v in vals]))
        n = len(self.categories)
        vb = self.plot.getPlotItem().getViewBox()
        if self.horizontal:
            vb.setRange(xRange=(0, top * 1.05), yRange=(-0.6, n - 0.4), padding=0)
        else:
            vb.setRange(xRange=(-0.6, n - 0.4), yRange=(0, top * 1.08), padding=0)

    def bar_heights(self) -> dict[str, list[float]]:
        """What the bar items actually hold (tests compare it with ``series``)."""
        key = "width" if self.horizontal else "height"
        # Nothing is drawn without categories: then there are series but no items.
        return {name: [float(v) for v in item.opts[key]]
                for name, item in zip(self.series, self._items, strict=False)}

    def export_png(self, path: str) -> bool:
        """Save the chart with its title and legend (what the user sees) as a PNG at 2× scale."""
        self.export_button.hide()
        try:
            ratio = 2.0
            pix = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.GlobalColor.white)
            self.render(pix)
            return pix.save(path, "PNG")
        finally:
            self.export_button.show()
