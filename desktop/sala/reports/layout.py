"""Layout pieces both PDF reports share: the document header, key–value blocks, notes. No Qt.

Kept small and free of data access so the session summary and the period report look like one
family of Thai government documents (agency line, centred bold title, labelled header rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from sala.reports.fonts import BOLD
from sala.reports.keeping import KeepWithNext, mark_heading
from sala.reports.thai_pdf import ThaiStyles, ThaiTable, make_styles, thai_paragraph

# A4 (210 mm) minus the Thai official margins of build_pdf (30 mm left, 20 mm right).
CONTENT_WIDTH = 160 * mm
Progress = Callable[[float, str], None]


def no_progress(_fraction: float, _message: str) -> None:
    """The default progress sink (the CLI and tests need none)."""


@cache
def report_styles(lang: str) -> ThaiStyles:
    """The engine's styles with headings that do not insist on keeping with what follows.

    reportlab moves a keep-with-next heading *and the whole table after it* to the next page
    when the table does not fit, leaving most of a page blank; :func:`heading` puts a
    :class:`~sala.reports.keeping.KeepWithNext` before it instead, which asks only for room for
    the heading and the start of what follows.
    """
    st = make_styles(lang)
    return replace(st, **{name: getattr(st, name).clone(f"{getattr(st, name).name}-free", keepWithNext=0)
                          for name in ("h1", "h2", "h3")})


def heading(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A heading that is never left alone at the foot of a page (see keeping.py)."""
    return [KeepWithNext(), mark_heading(thai_paragraph(text, style))]


def tr(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


def agency_lines(agency: str | None, unit: str | None, styles: ThaiStyles) -> list[Flowable]:
    """The issuing agency (bold) and unit centred above the title, as the user set them.

    Nothing is printed when neither is set: a document never names an agency it was not told.
    """
    out: list[Flowable] = []
    if agency and agency.strip():
        bold = ParagraphStyle("sala-agency", parent=styles.body, fontName=BOLD, alignment=TA_CENTER, spaceAfter=0)
        out.append(thai_paragraph(agency.strip(), bold))
    if unit and unit.strip():
        plain = ParagraphStyle("sala-unit", parent=styles.body, alignment=TA_CENTER, spaceAfter=0)
        out.append(thai_paragraph(unit.strip(), plain))
    if out:
        out.append(Spacer(1, 2 * mm))
    return out


def key_values(rows: Sequence[tuple[str, str]], styles: ThaiStyles, label_width: float = 34 * mm) -> ThaiTable:
    """Borderless "label: value" rows, as in the header of a Thai memo (บันทึกข้อความ)."""
    data = [[thai_paragraph(label, styles.cell_head), thai_paragraph(value or "-", styles.cell)]
            for label, value in rows]
    return ThaiTable(data, colWidths=[label_width, CONTENT_WIDTH - label_width],
                     style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 6),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))


def note(text: str, styles: ThaiStyles) -> Flowable:
    return thai_paragraph(text, styles.small)


def marked(text: str, extra: str, colour: str = "#8A1C1C", size: float | None = None) -> str:
    """Reportlab markup: ``text`` (user text, escaped) followed by a smaller coloured line."""
    size_attr = f' size="{size:g}"' if size else ""
    body = "<br/>".join(escape(line) for line in text.splitlines()) or ""
    return f'{body}<br/><font color="{colour}"{size_attr}>{escape(extra)}</font>'


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)
