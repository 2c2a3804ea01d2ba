"""Thai-correct reportlab building blocks for Sala's printed reports. No Qt.

Every piece of Thai text in a report must be, at the same time (DESIGN.md, "Thai text,
everywhere"):

* **shaped** — HarfBuzz (uharfbuzz, via reportlab) picks Sarabun's mark variants and offsets so
  stacked marks (เมื่อ ที่ ครั้ง ปั้น น้ำ) sit right;
* **broken only between words** — lines end only at PyThaiNLP word boundaries (or spaces), and
  a word longer than a line is cut between letter clusters, never between a letter and its marks;
* **extractable** — copying from the PDF (or ``pdftotext``) gives back the original text.

:class:`ThaiParagraph` does all three for body text, headings and table cells alike; the rest of
this module is convenience for report writers: :func:`make_styles`, :func:`thai_paragraph`,
:func:`thai_cell`, :func:`thai_table` and :func:`build_pdf` (A4, page numbers "หน้า x/y").

Usage::

    from sala.reports.thai_pdf import build_pdf, make_styles, thai_paragraph, thai_table
    st = make_styles("th")
    build_pdf("out.pdf", [thai_paragraph("สรุปผลการประชุม", st.title),
                          thai_paragraph(comment_text, st.body),
                          thai_table([["ประเด็น", "ความเห็น"], [topic, comment]], [40 * mm, None], st)],
              title="สรุปผลการประชุม")
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.paragraph import _getFragWords, _processed_frags

from sala.reports.fonts import BOLD, REGULAR, register_fonts
from sala.reports.keeping import PageProbe, bind_headings, keep_closing_with
from sala.reports.thai_actualtext import ActualTextObject
from sala.reports.thai_shape import segment_and_shape, split_overlong

__all__ = [
    "ThaiParagraph", "ThaiStyles", "ThaiTable", "make_styles", "thai_paragraph", "thai_cell", "thai_table",
    "build_pdf", "page_label",
]


class ThaiParagraph(Paragraph):
    """A reportlab ``Paragraph`` that shapes, word-wraps and codes Thai correctly.

    Same constructor as ``Paragraph`` (text is reportlab mini-markup; use :func:`thai_paragraph`
    for plain user text). Shaping happens whatever ``style.shaping`` says, as long as the font
    is a TrueType font; the Sarabun family is registered on first use. Prefer left, centred or
    right alignment: reportlab justifies by widening spaces and Thai has few.
    """

    frags: list[Any]  # reportlab's fragments, replaced by our shaped words

    # reportlab's Paragraph keyword names, kept so callers can pass them by name.
    def __init__(self, text: str | None, style: ParagraphStyle | None = None, bulletText: Any = None,  # noqa: N803
                 frags: list[Any] | None = None, caseSensitive: int = 1, encoding: str = "utf8") -> None:  # noqa: N803
        register_fonts()
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        if self.frags and not _processed_frags(self.frags):
            # Fresh paragraph: words at spaces (reportlab), then at Thai word boundaries, shaped.
            # Paragraphs made by split() arrive with frag words already processed by us.
            self.frags = segment_and_shape(_getFragWords(self.frags))
        self._thai_words = self.frags

    def breakLines(self, width: float | Sequence[float]) -> Any:  # reportlab's name
        """Cut words wider than the narrowest line at cluster boundaries, then lay out as usual."""
        widths = [width] if isinstance(width, (int, float)) else list(width)
        if self._thai_words:
            self.frags = split_overlong(self._thai_words, min(widths))
        return super().breakLines(width)

    def beginText(self, x: float, y: float) -> PDFTextObject:  # reportlab's hook
        """Text objects for this paragraph tag shaped runs with their original text."""
        return ActualTextObject(self.canv, x, y)


def min_width(value: object) -> float:
    """The narrowest a table column may be for ``value`` without a word cut in two (padding aside).

    For Thai text that is the widest single word (a line may end between any two); for a fixed-size
    flowable (drawing, image) its width; for a list of flowables the widest of them.
    """
    if isinstance(value, ThaiParagraph):
        words = [w[0] for w in value._thai_words or () if isinstance(w, list) and w and isinstance(w[0], (int, float))]
        return max(words, default=0.0) + (value.style.leftIndent or 0) + (value.style.rightIndent or 0)
    if isinstance(value, (list, tuple)):
        return max((min_width(v) for v in value), default=0.0)
    if isinstance(value, Table):
        return 0.0  # a nested table sizes itself
    width = getattr(value, "width", None) if isinstance(value, Flowable) else None
    return float(width) if isinstance(width, (int, float)) else 0.0


class ThaiTable(Table):
    """A ``Table`` whose columns are widened, on first layout, so no column is narrower than its
    longest word (a header such as ผู้เข้าร่วม or a cell such as กรุงเทพมหานคร is never cut).

    The room comes from columns that have some to spare, flexible (``None``) columns first. Only
    when the whole width cannot hold every column's longest word does a word get cut (between
    letter clusters, see :func:`sala.reports.thai_shape.split_overlong`).
    """

    _sala_fitted = False
    _argW: Any  # reportlab's column widths as given

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if not self._sala_fitted:
            self._sala_fitted = True
            widths = fit_columns(self._argW, self._column_minimums(), availWidth)
            if widths is not None:
                self._argW = self._colWidths = widths
        return super().wrap(availWidth, availHeight)

    def _column_minimums(self) -> list[float]:
        mins = [0.0] * self._ncols
        for row_values, row_styles in zip(self._cellvalues, self._cellStyles, strict=True):
            for j, (value, st) in enumerate(zip(row_values, row_styles, strict=True)):
                need = min_width(value)
                if need:
                    mins[j] = max(mins[j], need + st.leftPadding + st.rightPadding)
        return mins


def fit_columns(widths: Sequence[float | None] | None, mins: Sequence[float], total: float) -> list[float] | None:
    """Column widths for ``total`` points, each at least its minimum where the total allows.

    ``widths`` as given to reportlab (``None`` entries share what the fixed ones leave). Returns
    ``None`` when ``widths`` is not a plain list of numbers and ``None`` (reportlab then decides).
    """
    if not widths or any(w is not None and not isinstance(w, (int, float)) for w in widths):
        return None
    fixed = sum(w for w in widths if w is not None)
    flexible = [j for j, w in enumerate(widths) if w is None]
    share = max(total - fixed, 0.0) / len(flexible) if flexible else 0.0
    out = [float(share if w is None else w) for w in widths]
    deficit = sum(max(m - w, 0.0) for m, w in zip(mins, out, strict=True))
    if deficit <= 0.01:
        return out
    for j, m in enumerate(mins):
        out[j] = max(out[j], m)
    # Give back the deficit from the slack of other columns: flexible ones first, then the rest.
    for group in (flexible, [j for j in range(len(out)) if j not in flexible]):
        slack = {j: out[j] - mins[j] for j in group if out[j] - mins[j] > 0.01}
        room = sum(slack.values())
        if room <= 0:
            continue
        take = min(deficit, room)
        for j, sl in slack.items():
            out[j] -= take * sl / room
        deficit -= take
        if deficit <= 0.01:
            break
    return out


def thai_paragraph(text: str, style: ParagraphStyle, *, markup: bool = False) -> ThaiParagraph:
    """A paragraph of plain ``text`` (escaped; newlines kept as line breaks) in ``style``.

    Pass ``markup=True`` when ``text`` is trusted reportlab markup (``<b>``, ``<i>``, ``<br/>``,
    ``<font>``); user-entered text (comments, names) must go through the default path.
    """
    if not markup:
        text = "<br/>".join(escape(line) for line in text.splitlines()) if text else ""
    return ThaiParagraph(text, style)


@dataclass(frozen=True)
class ThaiStyles:
    """Paragraph styles for an A4 Thai government-style document, all in Sarabun.

    ``body`` is for running text, ``body_indent`` the same with the customary first-line indent,
    ``cell``/``cell_head`` for table cells, ``footer`` for page numbers and running footers.
    """

    lang: str
    body: ParagraphStyle
    body_indent: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    footer: ParagraphStyle


def make_styles(lang: str = "th", size: float = 14, leading_ratio: float = 1.6) -> ThaiStyles:
    """Styles sized from ``size`` (body text, points); ``lang`` is "th" or "en".

    Sarabun's em is larger than TH Sarabun PSK's, so 14 pt here reads like the 16 pt of the
    government standard. Line spacing is generous (1.6) because Thai stacks marks both above
    and below the line; smaller values make tone marks touch the line above.
    """
    register_fonts()

    def style(name: str, font: str = REGULAR, fs: float = size, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name=f"sala-{lang}-{name}", fontName=font, fontSize=fs,
                              leading=round(fs * leading_ratio, 1), alignment=kw.pop("alignment", TA_LEFT),
                              shaping=1, splitLongWords=0, **kw)

    return ThaiStyles(
        lang=lang,
        body=style("body", spaceAfter=size * 0.4),
        body_indent=style("body-indent", firstLineIndent=size * 2.5, spaceAfter=size * 0.4),
        small=style("small", fs=size - 2),
        title=style("title", BOLD, size + 6, alignment=TA_CENTER, spaceAfter=size * 0.6, keepWithNext=1),
        h1=style("h1", BOLD, size + 4, spaceBefore=size * 0.8, spaceAfter=size * 0.3, keepWithNext=1),
        h2=style("h2", BOLD, size + 2, spaceBefore=size * 0.6, spaceAfter=size * 0.2, keepWithNext=1),
        h3=style("h3", BOLD, size, spaceBefore=size * 0.4, keepWithNext=1),
        cell=style("cell", fs=size - 1),
        cell_head=style("cell-head", BOLD, size - 1),
        caption=style("caption", fs=size - 2, alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
        footer=style("footer", fs=size - 3, alignment=TA_RIGHT, textColor=colors.HexColor("#444444")),
    )


def thai_cell(value: object, style: ParagraphStyle) -> Flowable:
    """A table-cell flowable: Flowables pass through; anything else becomes wrapped Thai text."""
    if isinstance(value, Flowable):
        return value
    return thai_paragraph("" if value is None else str(value), style)


def thai_table(rows: Sequence[Sequence[object]], col_widths: Sequence[float | None] | None,
               styles: ThaiStyles, *, header_rows: int = 1, extra_style: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A grid table whose cells wrap Thai between words; header rows bold, shaded and repeated
    on every page. ``col_widths`` in points (``None`` entries share the rest, as in reportlab)."""
    data = [[thai_cell(v, styles.cell_head if r < header_rows else styles.cell) for v in row]
            for r, row in enumerate(rows)]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#E8E8E8")))
    commands.extend(extra_style)
    table = ThaiTable(data, colWidths=list(col_widths) if col_widths else None, repeatRows=header_rows,
                      style=TableStyle(commands))

    def split_rows(n: int) -> tuple[Table, Table] | None:
        """This table as two: all but the last ``n`` rows, and those under the header again."""
        if len(rows) - header_rows <= n + 1:
            return None
        cut = len(rows) - n
        return (thai_table(rows[:cut], col_widths, styles, header_rows=header_rows, extra_style=extra_style),
                thai_table([*rows[:header_rows], *rows[cut:]], col_widths, styles, header_rows=header_rows,
                           extra_style=extra_style))

    table._sala_split_rows = split_rows  # see keeping.keep_closing_with
    return table


def page_label(lang: str) -> Callable[[int, int], str]:
    """The default page-number text: "หน้า x/y" in Thai, "Page x/y" in English."""
    word = "หน้า" if lang == "th" else "Page"
    return lambda page, total: f"{word} {page}/{total}"


class _NumberedCanvas(Canvas):
    """Holds every page back until the end so each can say "x of y" (y known only then)."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._held_pages: list[dict[str, Any]] = []
        self._decorate = decorate

    def showPage(self) -> None:  # reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, 1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def build_pdf(target: str | Path | BinaryIO, flowables: Sequence[Flowable], *, title: str = "",
              author: str = "", subject: str = "", lang: str | None = None, styles: ThaiStyles | None = None,
              pagesize: tuple[float, float] = A4,
              margins: tuple[float, float, float, float] = (25 * mm, 20 * mm, 20 * mm, 30 * mm),
              label: Callable[[int, int], str] | None = None, footer_note: str = "",
              closing: Sequence[Flowable] = ()) -> int:
    """Build an A4 PDF from ``flowables`` with page numbers; return the number of pages.

    ``lang`` ("th"/"en") defaults to that of ``styles``, else Thai; it picks the default page
    label and the PDF's /Lang. ``margins`` are (top, right, bottom, left) in points, defaulting to the Thai official
    layout (wider left margin for binding). ``label(page, total)`` gives the page-number text
    (default :func:`page_label`); ``footer_note`` is printed bottom-left on every page (e.g. the
    agency or "ข้อมูล ณ วันที่ …"). Both go through :class:`ThaiParagraph`.

    Headings made by :func:`sala.reports.layout.heading` are kept with the start of what follows.
    ``closing`` (a sign-off block) ends the document and is never alone on the last page: when it
    would be, the document is laid out again with the end of the content pulled onto that page.
    """
    lang = lang or (styles.lang if styles else "th")
    styles = styles or make_styles(lang)
    label = label or page_label(lang)
    top, right, bottom, left = margins
    width, _ = pagesize
    pages = [0]

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        pages[0] = total
        usable = width - left - right
        y = bottom * 0.45
        number_para = thai_paragraph(label(number, total), styles.footer)
        number_para.wrapOn(canvas, usable, bottom)
        number_para.drawOn(canvas, left, y)
        if footer_note:
            note_style = ParagraphStyle("sala-footer-note", parent=styles.footer, alignment=TA_LEFT)
            note = thai_paragraph(footer_note, note_style)
            note.wrapOn(canvas, usable * 0.7, bottom)
            note.drawOn(canvas, left, y)

    def build(out: str | Path | BinaryIO, story: list[Flowable]) -> int:
        bind_headings(story)
        doc = SimpleDocTemplate(out if not isinstance(out, Path) else str(out), pagesize=pagesize,
                                topMargin=top, rightMargin=right, bottomMargin=bottom, leftMargin=left,
                                title=title, author=author, subject=subject, lang=lang, creator="Sala")
        doc.build(story, canvasmaker=partial(_NumberedCanvas, decorate=decorate))
        return pages[0]

    content = list(flowables)
    if not closing:
        return build(target, content)
    before, start = PageProbe(), PageProbe()
    first = io.BytesIO()
    count = build(first, [*content, before, KeepTogether([start, *closing])])
    if start.page is not None and before.page is not None and start.page > before.page:
        return build(target, keep_closing_with(content, closing))
    if isinstance(target, (str, Path)):
        Path(target).write_bytes(first.getvalue())
    else:
        target.write(first.getvalue())
    return count
