"""Charts for the PDF reports: horizontal bars labelled with their categories in Thai. No Qt.

reportlab.graphics draws ``String`` labels unshaped and without our ToUnicode/ActualText fix, so
Thai drawn there shows misplaced tone marks and copies out wrong. So a chart here is a table:
each row names its category in a shaped :class:`~sala.reports.thai_pdf.ThaiParagraph` (wrapped
between words, copied out as typed), then draws the bar with its count and share (ASCII digits,
in a standard font) at its end. A reader sees the category beside its bar, with no numbered legend to look up.

A chart with nothing to show (no data, or only "not stated") says so instead of drawing a bar
or a disc that is 100% "ไม่ระบุ".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Spacer

from sala.domain import enums as e
from sala.reports.thai_pdf import ThaiStyles, make_styles, thai_paragraph, thai_table

BAR = colors.HexColor("#1F5AA6")
BAR_UNSTATED = colors.HexColor("#9AA3AB")
AXIS = colors.HexColor("#666666")
BAR_HEIGHT = 9.0
MAX_BAR = 95 * mm
NUMBER_FONT = "Helvetica"  # the count beside a bar is ASCII only: a standard font is exact and extractable
NUMBER_SIZE = 8.0
# The label every "not stated" category carries (age band, gender, occupation, stance).
UNSTATED = frozenset({e.Gender.NOT_STATED.label("th"), e.Gender.NOT_STATED.label("en"), "ไม่ระบุ", "Not stated"})


@cache
def legend_styles(lang: str) -> ThaiStyles:
    """Smaller type for chart labels and small count tables."""
    return make_styles(lang, size=10.5, leading_ratio=1.5)


def _bar(value: int, total: int, top: int, width: float, unstated: bool) -> Drawing:
    """A bar scaled to ``top`` within ``width`` (less room for its count), count and share after it."""
    number = f"{value:,} ({100 * value / total:.0f}%)"
    room = width - stringWidth("0" * 12, NUMBER_FONT, NUMBER_SIZE)
    d = Drawing(width, BAR_HEIGHT + 4)
    length = room * value / top if top else 0
    if length > 0:
        d.add(Rect(0, 2, max(length, 0.8), BAR_HEIGHT, fillColor=BAR_UNSTATED if unstated else BAR, strokeColor=None))
    d.add(String(length + 3, 4.5, number, fontName=NUMBER_FONT, fontSize=NUMBER_SIZE, fillColor=colors.black))
    return d


def no_data_text(items: Sequence[tuple[str, int]], lang: str) -> str | None:
    """What to say instead of a chart, or None when there is something to draw."""
    total = sum(v for _, v in items)
    if total == 0:
        return "ไม่มีข้อมูล" if lang == "th" else "No data"
    if all(v == 0 or label in UNSTATED for label, v in items):
        return (f"ไม่มีข้อมูล (ไม่ได้ระบุทั้ง {total:,} รายการ)" if lang == "th"
                else f"No data ({total:,} not stated)")
    return None


def chart_with_legend(title: str, items: Sequence[tuple[str, int]], styles: ThaiStyles, width: float, *,
                      kind: str = "bar", drop_zero: bool = False, unit: tuple[str, str] | None = None) -> KeepTogether:
    """A captioned bar chart: one row per item (Thai/English label, count), in the given order.

    ``unit`` (Thai, English), e.g. ("คน", "people"), puts the total the shares are of in the
    caption: "จำแนกตามเพศ (รวม 30 คน)".

    Zero counts stay (a band nobody came from is information) unless ``drop_zero``. ``kind`` is
    accepted for older callers; every chart is drawn as labelled horizontal bars.
    """
    del kind
    items = [(label, int(v)) for label, v in items if v or not drop_zero]
    small = legend_styles(styles.lang)
    empty = no_data_text(items, styles.lang)
    if empty is not None:
        return KeepTogether([thai_paragraph(title, styles.h3), thai_paragraph(empty, small.body)])
    total = sum(v for _, v in items)
    if unit:
        th = styles.lang == "th"
        title = f"{title} (รวม {total:,} {unit[0]})" if th else f"{title} ({total:,} {unit[1]})"
    caption = thai_paragraph(title, styles.h3)
    top = max(v for _, v in items)
    natural = max(stringWidth(label, small.cell.fontName, small.cell.fontSize) for label, _ in items) + 12
    label_w = min(max(natural, 30 * mm), width * 0.4)
    bar_w = min(width - label_w - 8, MAX_BAR)
    rows: list[list[object]] = [[label, _bar(value, total, top, bar_w - 6, label in UNSTATED)]
                                for label, value in items]
    table = thai_table(rows, [label_w, bar_w], small, header_rows=0, extra_style=[
        ("GRID", (0, 0), (-1, -1), 0, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBEFORE", (1, 0), (1, -1), 0.6, AXIS),
        ("LEFTPADDING", (1, 0), (1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    table.hAlign = "LEFT"
    return KeepTogether([caption, table, Spacer(1, 3 * mm)])
