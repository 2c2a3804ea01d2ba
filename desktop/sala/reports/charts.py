"""Charts for the PDF reports, with their Thai labels in a shaped legend table. No Qt.

reportlab.graphics draws ``String`` labels unshaped and without our ToUnicode/ActualText fix, so
Thai drawn there would show misplaced tone marks and copy out wrong. The charts therefore carry
only numbers (ASCII digits: category numbers on the axis, values on the bars), and every Thai
label sits in a :func:`thai_table` legend beside the chart, keyed by colour swatch and number.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from sala.reports.thai_pdf import ThaiStyles, make_styles, thai_paragraph, thai_table

PALETTE = [colors.HexColor(c) for c in (
    "#1F5AA6", "#E07B24", "#2E9E5B", "#C23B3B", "#7A4FB3", "#8C6D31", "#D45FA8", "#5F6B73",
    "#1BA3B8", "#B5B82E", "#3C3C8C", "#A0522D")]
NUMBER_FONT = "Helvetica"  # digits only: a standard font is exact and extractable


def swatch(color: colors.Color, size: float = 3.2 * mm) -> Drawing:
    d = Drawing(size, size)
    d.add(Rect(0, 0, size, size, fillColor=color, strokeColor=None))
    return d


@cache
def legend_styles(lang: str) -> ThaiStyles:
    """Smaller type for legends, so a chart and its legend are about the same height."""
    return make_styles(lang, size=10.5, leading_ratio=1.5)


def _legend(items: Sequence[tuple[str, int]], lang: str, width: float) -> Table:
    styles = legend_styles(lang)
    total = sum(v for _, v in items) or 1
    head = ["", "#", "รายการ" if styles.lang == "th" else "Item", "จำนวน" if styles.lang == "th" else "Count", "%"]
    rows: list[list[object]] = [head]
    for i, (label, value) in enumerate(items):
        rows.append([swatch(PALETTE[i % len(PALETTE)]), str(i + 1), label, f"{value:,}", f"{100 * value / total:.0f}"])
    fixed = 5 * mm + 7 * mm + 15 * mm + 9 * mm
    return thai_table(rows, [5 * mm, 7 * mm, max(width - fixed, 20 * mm), 15 * mm, 9 * mm], styles,
                      extra_style=[("ALIGN", (1, 0), (1, -1), "RIGHT"), ("ALIGN", (3, 0), (4, -1), "RIGHT"),
                                   ("VALIGN", (0, 0), (0, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 2)])


def _bar_drawing(values: Sequence[int], width: float, height: float, horizontal: bool) -> Drawing:
    d = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = 24, 16
    chart.width, chart.height = width - 36, height - 26
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = [str(i + 1) for i in range(len(values))]
    chart.categoryAxis.labels.fontName = NUMBER_FONT
    chart.categoryAxis.labels.fontSize = 7
    if horizontal:
        chart.categoryAxis.reverseDirection = 1  # item 1 on top, as in the legend
    chart.valueAxis.valueMin = 0
    top = max(values) if values else 0
    chart.valueAxis.valueMax = max(top * 1.15, 1)
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 4))
    chart.valueAxis.labels.fontName = NUMBER_FONT
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = NUMBER_FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 5
    chart.bars.strokeColor = None
    for i in range(len(values)):
        chart.bars[(0, i)].fillColor = PALETTE[i % len(PALETTE)]
    d.add(chart)
    return d


def _pie_drawing(values: Sequence[int], size: float) -> Drawing:
    d = Drawing(size, size)
    pie = Pie()
    pie.x = pie.y = 6
    pie.width = pie.height = size - 12
    pie.data = [v if v > 0 else 0.0001 for v in values]  # reportlab rejects an all-zero slice list
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    for i in range(len(values)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    return d


def chart_with_legend(title: str, items: Sequence[tuple[str, int]], styles: ThaiStyles, width: float, *,
                      kind: str = "bar", drop_zero: bool = False) -> KeepTogether:
    """A captioned chart (``kind`` "bar", "hbar" or "pie") beside a legend naming its items.

    ``items`` are (Thai/English label, count) in display order. Zero counts stay (a band nobody
    came from is information) unless ``drop_zero``. No data at all gives a one-line note instead.
    """
    items = [(label, int(v)) for label, v in items if v or not drop_zero]
    caption = thai_paragraph(title, styles.h3)
    if not items or sum(v for _, v in items) == 0:
        return KeepTogether([caption, thai_paragraph("ไม่มีข้อมูล" if styles.lang == "th" else "No data", styles.small)])  # noqa: E501
    chart_w = min(70 * mm, width * 0.45)
    legend_w = width - chart_w - 4 * mm
    if kind == "pie":
        drawing = _pie_drawing([v for _, v in items], min(chart_w, 34 * mm))
    else:
        height = max(30 * mm, min(90 * mm, len(items) * 5.2 * mm)) if kind == "hbar" else 36 * mm
        drawing = _bar_drawing([v for _, v in items], chart_w, height, kind == "hbar")
    layout = Table([[drawing, _legend(items, styles.lang, legend_w)]], colWidths=[chart_w + 4 * mm, legend_w],
                   style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([caption, layout])

