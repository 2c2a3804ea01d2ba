"""Marked-content ``/ActualText`` spans around shaped runs, so text extraction is exact.

Why, when :mod:`sala.reports.thai_tounicode` already gives every glyph the right text: text
extractors do not read glyphs in stream order, they rebuild lines and words from glyph
*positions*. Shaping moves Thai marks with TJ offsets and text rise (``Ts``), so a tone mark
pushed left over ป or lowered under a vowel looks to ``pdftotext`` like a separate word, or even
a separate line (ร่วม came out as "รว" + a stray "่"). PDF's answer (ISO 32000-1 §14.9.4) is an
``/ActualText`` span: the extractor uses the given string for everything drawn inside it.

:class:`ActualTextObject` wraps the operators for each shaped string in
``/Span <</ActualText <FEFF…>>> BDC … EMC``; the string is recovered from the glyph codes with
``ExtractableTTFont.text_of_string``. It is handed out by ``ThaiParagraph.beginText`` – reportlab's own
per-paragraph hook – so no reportlab code is patched. Unshaped text is left alone.

It also writes the operators for a shaped string itself (:func:`shaped_operators`): the same
``Tj``/``TJ``/``Ts`` sequence reportlab's ``PDFTextObject._formatText`` writes, glyph for glyph,
at a fraction of the cost (reportlab builds and regroups a list of objects per glyph; every line
of every Thai report goes through here).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject

# PDF string escape of each byte value (escapePDF works byte by byte).
_ESCAPED = tuple(escapePDF(bytes((i,))) for i in range(256))


def actual_text_of(text: str, font_name: str) -> str | None:
    """The text a string of (possibly private) glyph codes stands for, or None if unknown."""
    text_of_string = getattr(pdfmetrics.getFont(font_name), "text_of_string", None)
    return None if text_of_string is None else text_of_string(text)


class ActualTextObject(PDFTextObject):
    """A ``PDFTextObject`` whose shaped strings carry their original text as /ActualText."""

    def _formatText(self, text: str) -> str:  # reportlab's name
        if not isinstance(text, ShapedStr):
            return super()._formatText(text)
        font = pdfmetrics.getFont(self._fontname)
        if getattr(font, "_dynamicFont", False) and getattr(font, "shapable", False) \
                and text.__shapeData__ is not None:
            code = shaped_operators(self, text, font)
        else:
            code = super()._formatText(text)
        if not code:
            return code
        text_of_string = getattr(font, "text_of_string", None)
        if text_of_string is None:
            return code
        utf16 = ("\ufeff" + text_of_string(text)).encode("utf-16-be").hex().upper()
        return f"/Span <</ActualText <{utf16}>>> BDC {code} EMC"


def shaped_operators(tx: Any, text: ShapedStr, font: Any) -> str:
    """The PDF operators that draw shaped ``text`` in ``font`` at ``tx``'s size and rise.

    Per glyph, as reportlab does it: move right by the HarfBuzz x offset, draw the glyph, then
    correct the advance (the PDF advances by the font's width, HarfBuzz by ``x_advance``) and
    undo the offset. A run of glyphs with the same y offset shares one ``Ts`` (text rise);
    adjustments that cancel out are dropped, and a run with none is a plain ``Tj``. Updates
    ``tx``'s current subset like reportlab's own method; the rise is back where it was after.
    """
    doc = tx._canvas._doc
    code: list[str] = []
    r0 = tx._rise
    rise = r0
    fontsize = tx._fontsize
    shape_data = text.__shapeData__
    escaped = _ESCAPED
    numbers_text = _numbers_of(doc)
    header = None
    pos = 0

    def set_rise(value: float) -> None:
        nonlocal rise
        op = f"{fp_str(value)} Ts"
        if code and code[-1].endswith(" Ts"):
            code[-1] = op  # two rises in a row: only the last one counts
        else:
            code.append(op)
        rise = value

    for subset, chunk in font.splitString(text, doc):
        if subset != tx._curSubset:
            if header is None:
                header = f"{fp_str(fontsize)} Tf {fp_str(tx._leading)} TL"
            code.append(f"{font.getSubsetInternalName(subset, doc)} {header}")
            tx._curSubset = subset
        items: list[str] = []  # this run's TJ array: "(glyphs)" strings and adjustments
        glyphs: list[str] = []  # escaped glyph codes not yet closed into a "(...)" string
        numbers: list[float] = []  # adjustments not yet added up
        run_rise: float | None = None
        for byte, sd in zip(chunk, shape_data[pos:pos + len(chunk)], strict=False):
            r = r0 + fontsize * sd.y_offset / 1000 if sd.y_offset else r0
            if r != run_rise:
                if run_rise is not None:
                    _close_run(code, items, glyphs, numbers, numbers_text)
                    items, glyphs, numbers = [], [], []
                    if rise != r0:
                        set_rise(r0)
                if r != rise:
                    set_rise(r)
                run_rise = r
            if sd.x_offset:
                if glyphs:
                    items.append(f"({''.join(glyphs)})")
                    glyphs = []
                numbers.append(-sd.x_offset)
            if numbers:
                _add_number(items, numbers, numbers_text)
                numbers = []
            glyphs.append(escaped[byte])
            after = sd.width - sd.x_advance + sd.x_offset
            if after:
                items.append(f"({''.join(glyphs)})")
                glyphs = []
                numbers.append(after)
        if run_rise is not None:
            _close_run(code, items, glyphs, numbers, numbers_text)
            if rise != r0:
                set_rise(r0)
        pos += len(chunk)
    return " ".join(code)


def _numbers_of(doc: Any) -> dict[float, str]:
    """This document's memo of adjustments as written (``fp_str``): a few dozen distinct values
    (mark offsets) come back thousands of times in a report."""
    memo: dict[float, str] | None = getattr(doc, "_sala_numbers", None)
    if memo is None:
        memo = doc._sala_numbers = {}
    return memo


def _add_number(items: list[str], numbers: list[float], numbers_text: dict[float, str]) -> None:
    total = sum(numbers)
    value = numbers_text.get(total)
    if value is None:
        value = numbers_text[total] = fp_str(total)
    if value != "0":
        items.append(value)


def _close_run(code: list[str], items: list[str], glyphs: list[str], numbers: list[float],
               numbers_text: dict[float, str]) -> None:
    if glyphs:
        items.append(f"({''.join(glyphs)})")
    if numbers:
        _add_number(items, numbers, numbers_text)
    if len(items) == 1 and items[0].startswith("("):
        code.append(f"{items[0]} Tj")
    else:
        code.append(f"[{' '.join(items)}] TJ")
