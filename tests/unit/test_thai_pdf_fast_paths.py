"""The Thai PDF engine's fast paths give the same result as the plain ones.

* The PDF operators written for shaped Thai (``thai_actualtext.shaped_operators``): Sala writes
  them itself, for speed, instead of reportlab's ``PDFTextObject._formatText``. On real shaped
  text they are exactly reportlab's, and read back glyph by glyph they put every glyph where
  HarfBuzz said (x offset, advance, y offset as text rise) - including runs that reportlab's own
  writer gets wrong (two different raised marks in a row).
* ``thai_shape.segment_and_shape`` (one memo per chunk) gives the frag words that
  ``shape(segment(...))`` gives, piece for piece, width for width.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.paragraph import Paragraph, _getFragWords

from sala.reports.fonts import BOLD, REGULAR, register_fonts
from sala.reports.thai_actualtext import ActualTextObject, shaped_operators
from sala.reports.thai_pdf import make_styles
from sala.reports.thai_shape import _shape_text, clear_caches, segment, segment_and_shape, shape
from tests.reports_helpers import LONG_COMMENT, MARKS_COMMENT

TEXTS = [
    LONG_COMMENT,
    MARKS_COMMENT,
    "เมื่อ ที่ ครั้ง ปั้น น้ำ กำนัน ฤๅษี ญี่ปุ่น ปู่ ฎีกา ฐูป ญู่ ฏุ่ ป่ ป้ำ ปิ่น ฝั่ง ฟื้น",
    "รพ.สต. อบต. ๒๕๖๖ Open Data N95 15:50 (ทดสอบ) “คำพูด” ๆ ฯลฯ … 100% ใช่!",
    "ก่ ก้ ก๊ ก๋ กิ่ กี้ กึ๊ กื๋ กุ่ กู้ ปั่ ฟั้ ฝั๊ ป๋ ฬ่ ฮ้ ฎุ ฏู ญุ ฐุ",
]


@pytest.fixture
def canvas() -> Canvas:
    register_fonts()
    return Canvas(io.BytesIO())


def _words(text: str) -> list[str]:
    return [w for w in text.split(" ") if w]


@pytest.mark.parametrize("font_name", [REGULAR, BOLD])
@pytest.mark.parametrize("rise", [0.0, 2.5])
def test_operators_equal_reportlabs_own(canvas, font_name, rise):
    for text in TEXTS:
        for size in (11, 14, 20):
            shaped = _shape_text(text, font_name, size)
            ours, theirs = ActualTextObject(canvas), PDFTextObject(canvas)
            for tx in (ours, theirs):
                tx.setFont(font_name, size, size * 1.6)
                tx._rise = rise
            expected = PDFTextObject._formatText(theirs, shaped)
            assert shaped_operators(ours, shaped, pdfmetrics.getFont(font_name)) == expected
            assert ours._curSubset == theirs._curSubset


def test_span_carries_the_original_text(canvas):
    tx = ActualTextObject(canvas)
    tx.setFont(REGULAR, 14, 20)
    code = tx._formatText(_shape_text("น้ำท่วม", REGULAR, 14))
    utf16 = ("\ufeff" + "น้ำท่วม").encode("utf-16-be").hex().upper()
    assert code.startswith(f"/Span <</ActualText <{utf16}>>> BDC ") and code.endswith(" EMC")
    assert tx._formatText("plain") == PDFTextObject._formatText(tx, "plain")  # unshaped: untouched


_TOKEN = re.compile(r"\((?:\\.|[^\\)])*\)|\[|\]|/\S+|[-+]?\d*\.?\d+|[A-Za-z*]+")


def _glyph_count(literal: str) -> int:
    body = literal[1:-1]
    return len(re.findall(r"\\[0-7]{3}|\\.|.", body))


def placements(code: str, shape_data: list[ShapeData], size: float, rise: float) -> list[tuple[float, float]]:
    """Read the operators back: (x in 1/1000 em from the start, rise in points) of each glyph."""
    x = 0.0
    out: list[tuple[float, float]] = []
    data = iter(shape_data)
    operands: list[str] = []
    in_array = False
    array: list[str] = []
    for token in _TOKEN.findall(code):
        if token == "[":
            in_array, array = True, []
        elif token == "]":
            in_array = False
            operands.append("ARRAY")
        elif in_array:
            array.append(token)
        elif token in ("Tj", "TJ"):
            for item in ([operands[-1]] if token == "Tj" else array):
                if item.startswith("("):
                    for _ in range(_glyph_count(item)):
                        sd = next(data)
                        out.append((x, rise))
                        x += sd.width
                else:
                    x -= float(item)
            operands = []
        elif token == "Ts":
            rise = float(operands[-1])
            operands = []
        elif token in ("Tf", "TL"):
            operands = []
        else:
            operands.append(token)
    assert next(data, None) is None, "every glyph is drawn"
    return out


def expected_placements(shape_data: list[ShapeData], size: float, rise: float) -> list[tuple[float, float]]:
    pen, out = 0.0, []
    for sd in shape_data:
        out.append((pen + sd.x_offset, rise + size * sd.y_offset / 1000))
        pen += sd.x_advance
    return out


def _close(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return len(a) == len(b) and all(abs(x1 - x2) < 1e-3 and abs(r1 - r2) < 1e-3 for (x1, r1), (x2, r2) in zip(a, b,
                                                                                                             strict=True))


def test_every_glyph_lands_where_harfbuzz_put_it(canvas):
    for text in TEXTS:
        for word in _words(text):
            shaped: Any = _shape_text(word, REGULAR, 14)
            tx = ActualTextObject(canvas)
            tx.setFont(REGULAR, 14, 20)
            code = shaped_operators(tx, shaped, pdfmetrics.getFont(REGULAR))
            data = shaped.__shapeData__
            assert _close(placements(code, data, 14, 0.0), expected_placements(data, 14, 0.0)), word
            assert tx._rise == 0.0  # the rise is back where it was


def test_two_different_raised_marks_in_a_row_keep_their_own_rise(canvas):
    # reportlab's writer merges "back to 0" and "up to r2" into one Ts but keeps believing the rise
    # is 0, so a following unraised glyph would be drawn raised. Ours must not.
    base: Any = _shape_text("กกก", REGULAR, 14)
    sd = base.__shapeData__
    data = [sd[0], sd[1]._replace(y_offset=-80, x_offset=30), sd[2]._replace(y_offset=120), sd[0]._replace(cluster=3)]
    shaped = ShapedStr(str(base) + str(base)[0], shapeData=data)
    tx = ActualTextObject(canvas)
    tx.setFont(REGULAR, 14, 20)
    code = shaped_operators(tx, shaped, pdfmetrics.getFont(REGULAR))
    assert _close(placements(code, data, 14, 0.0), expected_placements(data, 14, 0.0)), code
    assert " 0 Ts (" in code and tx._rise == 0.0  # the last glyph is drawn back on the baseline


MARKUP = [
    "ข้อมูล<b>เปิด</b>จาก<i>กรม</i>ควบคุม Open Data <b>รพ.สต.</b>บ้านใหม่ อบต.",
    "ฝุ่น\u200bควัน\u200b\u200bเมือง \u200b ก<font name=\"Helvetica\">abc</font>ข ฤๅษี",
    "(ทดสอบ) “คำพูด” ๆ ฯลฯ … 100% ใช่! <br/>บรรทัดใหม่ x<super>2</super> <font size=\"20\">ใหญ่</font>",
]


def _frag_words(markup: str) -> list:
    para = Paragraph(markup, make_styles("th").body)
    return _getFragWords(para.frags)


def _summary(words: list) -> list:
    return [(type(w).__name__, isinstance(w, type(w)), w[0],
             [(id(f), str(t), getattr(t, "__shapeData__", None)) for f, t in w[1:]]) for w in words]


@pytest.mark.parametrize("markup", [*TEXTS, *MARKUP])
def test_one_step_segmenting_and_shaping_equals_two_steps(markup):
    register_fonts()
    for _ in range(2):  # cold, then from the memo
        words = _frag_words(markup)
        fast, slow = segment_and_shape(words), shape(segment(words))
        assert _summary(fast) == _summary(slow)
        assert [type(w) for w in fast] == [type(w) for w in slow]


def test_clear_caches_forgets_the_chunk_memo():
    from sala.reports.thai_shape import _word_plan

    segment_and_shape(_frag_words("ปัญหาฝุ่นละอองขนาดเล็กในเมือง"))
    assert _word_plan.cache_info().currsize > 0
    clear_caches()
    assert _word_plan.cache_info().currsize == 0
