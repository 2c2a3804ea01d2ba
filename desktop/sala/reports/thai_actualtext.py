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
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject


def actual_text_of(text: str, font_name: str) -> str | None:
    """The text a string of (possibly private) glyph codes stands for, or None if unknown."""
    text_of_string = getattr(pdfmetrics.getFont(font_name), "text_of_string", None)
    return None if text_of_string is None else text_of_string(text)


class ActualTextObject(PDFTextObject):
    """A ``PDFTextObject`` whose shaped strings carry their original text as /ActualText."""

    def _formatText(self, text: str) -> str:  # reportlab's name
        code = super()._formatText(text)
        if not code or not isinstance(text, ShapedStr):
            return code
        actual = actual_text_of(text, self._fontname)
        if actual is None:
            return code
        utf16 = ("\ufeff" + actual).encode("utf-16-be").hex().upper()
        return f"/Span <</ActualText <{utf16}>>> BDC {code} EMC"
