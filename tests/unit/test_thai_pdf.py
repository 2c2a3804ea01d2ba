"""The three Thai properties of PDF output, proven on real PDFs read back with poppler.

(a) shaped, (b) broken only at word boundaries, (c) extractable — each for a long unspaced
comment in a paragraph, in a table cell and in a mixed Thai/English line. Rendering-based checks
live in test_thai_pdf_render.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import accumulate
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from sala.domain.thaitext import segment_keep
from sala.reports.thai_pdf import build_pdf, make_styles, thai_paragraph, thai_table

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# A resident's comment as typed on a tablet: several lines long, not one space in it.
LONG_COMMENT = (
    "ปัญหาฝุ่นละอองขนาดเล็กในเมืองเชียงใหม่เกิดขึ้นทุกปีในช่วงฤดูแล้งเมื่อชาวบ้านเผาป่าและเผาเศษวัสดุ"
    "ทางการเกษตรทำให้ผู้ใหญ่และเด็กที่มีโรคทางเดินหายใจต้องเข้าโรงพยาบาลบ่อยครั้งขึ้นเราอยากให้หน่วยงาน"
    "ของรัฐปั้นแผนที่ชัดเจนและน้ำใจจากทุกฝ่ายเพื่อแก้ปัญหานี้ร่วมกันอย่างยั่งยืนไม่ใช่แก้เฉพาะหน้าเมื่อ"
    "ฝุ่นมาแล้วก็หายไปครั้งแล้วครั้งเล่า"
)
MIXED = ("ที่ประชุมเห็นว่าปัญหา PM2.5 และ COVID-19 ทำให้ผู้สูงอายุต้องพึ่งพา Open Data จากกรมควบคุมมลพิษ"
         "มากขึ้นเพื่อวางแผนการเดินทางในแต่ละวันและเตรียมหน้ากาก N95 ให้เพียงพอต่อครอบครัว")
MARKS = "เมื่อ ที่ ครั้ง ปั้น น้ำ กำ ผู้ใหญ่ ฤๅษี ญี่ปุ่น ฝุ่น office"

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub("", text)


def pdftotext(pdf: Path, *, layout: bool = True, page: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def build(tmp_path: Path, flowables: list[Flowable], name: str = "out.pdf") -> Path:
    path = tmp_path / name
    build_pdf(path, flowables, label=lambda page, total: f"-- {page}/{total} --")
    return path


def body_lines(pdf: Path) -> list[str]:
    """Non-empty text lines of a layout dump, without the page-number footer."""
    return [ln.strip() for ln in pdftotext(pdf).splitlines() if ln.strip() and not ln.strip().startswith("--")]


def word_boundaries(text: str) -> set[int]:
    """Offsets, in ``squash(text)``, where PyThaiNLP (or a space) ends a word."""
    return set(accumulate(len(squash(tok)) for tok in segment_keep(text)))


def assert_breaks_on_word_boundaries(original: str, lines: list[str]) -> int:
    """Every line ends where a word ends; returns how many breaks fell *between Thai letters*."""
    flat = squash(original)
    assert squash("".join(lines)) == flat
    bounds = word_boundaries(original)
    offsets = list(accumulate(len(squash(ln)) for ln in lines))[:-1]
    for off, line in zip(offsets, lines, strict=False):  # no offset after the last line
        assert off in bounds, f"line {line!r} ends inside a word: …{flat[off - 8:off]}|{flat[off:off + 8]}…"
    thai = re.compile("[\u0e00-\u0e7f]")
    return sum(1 for off in offsets if thai.match(flat[off - 1]) and thai.match(flat[off]))


@pytest.fixture(scope="module")
def styles():
    return make_styles("th")


def test_long_unspaced_comment_wraps_between_words(tmp_path, styles):
    lines = body_lines(build(tmp_path, [thai_paragraph(LONG_COMMENT, styles.body)]))
    assert len(lines) >= 4  # a real multi-line comment, or the test proves nothing
    assert assert_breaks_on_word_boundaries(LONG_COMMENT, lines) == len(lines) - 1


def test_table_cell_wraps_between_words(tmp_path, styles):
    table = thai_table([["ความคิดเห็น"], [LONG_COMMENT]], [70 * mm], styles)
    lines = body_lines(build(tmp_path, [table]))
    assert lines[0] == "ความคิดเห็น"
    assert len(lines) >= 8
    assert assert_breaks_on_word_boundaries(LONG_COMMENT, lines[1:]) >= len(lines) - 3


def test_mixed_thai_latin_line_wraps_between_words(tmp_path, styles):
    table = thai_table([[MIXED]], [80 * mm], styles, header_rows=0)
    lines = body_lines(build(tmp_path, [table]))
    assert len(lines) >= 3
    assert_breaks_on_word_boundaries(MIXED, lines)
    assert any(tok in " ".join(lines).split() for tok in ("PM2.5", "COVID-19", "N95"))  # Latin kept whole


def test_extracted_text_equals_original(tmp_path, styles):
    flowables = [thai_paragraph(MARKS, styles.h1), thai_paragraph(LONG_COMMENT, styles.body),
                 thai_table([["ลำดับ", "ความคิดเห็น"], ["1", LONG_COMMENT], ["2", MIXED]], [20 * mm, 90 * mm], styles),
                 thai_paragraph(MIXED, styles.body_indent)]
    pdf = build(tmp_path, flowables)
    expected = squash(MARKS + LONG_COMMENT + "ลำดับความคิดเห็น1" + LONG_COMMENT + "2" + MIXED + MIXED)
    for layout in (True, False):
        text = pdftotext(pdf, layout=layout)
        assert squash(text).replace("--1/1--", "") == expected
    raw = pdftotext(pdf, layout=False)
    assert not re.search("[\ue000-\uf8ff\u200b]", raw)  # no private-use leftovers, no ZWSP
    for word in MARKS.split():  # each stacked-mark word comes out whole, tone marks in place
        assert word in raw


def test_tounicode_alone_gives_the_text_back(tmp_path, styles):
    """pypdf ignores /ActualText and reads only the fonts' ToUnicode maps: the rewritten maps
    must carry the shaped glyphs' text on their own."""
    pypdf = pytest.importorskip("pypdf")
    pdf = build(tmp_path, [thai_paragraph(MARKS, styles.body), thai_paragraph(LONG_COMMENT, styles.body)])
    text = pypdf.PdfReader(str(pdf)).pages[0].extract_text()
    assert squash(text).replace("--1/1--", "") == squash(MARKS + LONG_COMMENT)


def test_plain_reportlab_shaping_loses_tone_marks(tmp_path):
    """The bug being fixed, kept as a canary: if reportlab ever fixes it, simplify our code."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from sala.paths import font_path

    pdfmetrics.registerFont(TTFont("SarabunPlainCanary", str(font_path("Regular"))))
    style = ParagraphStyle("p", fontName="SarabunPlainCanary", fontSize=14, leading=22, shaping=1)
    path = tmp_path / "plain.pdf"
    SimpleDocTemplate(str(path)).build([Paragraph(MARKS, style)])
    assert squash(pdftotext(path)) != squash(MARKS)


def test_page_numbers_and_page_splits(tmp_path, styles):
    flowables: list[Flowable] = [thai_paragraph("รายงานสรุป", styles.title)]
    flowables += [thai_paragraph(LONG_COMMENT, styles.body_indent) for _ in range(12)]
    flowables += [PageBreak(), thai_paragraph(MIXED, styles.body)]
    path = tmp_path / "numbered.pdf"
    pages = build_pdf(path, flowables, footer_note="สำนักงานจังหวัดเชียงใหม่")
    assert pages >= 3
    for n in (1, pages):
        page_text = pdftotext(path, page=n)
        assert f"หน้า {n}/{pages}" in page_text
        assert "สำนักงานจังหวัดเชียงใหม่" in page_text
    whole = squash(pdftotext(path, layout=False))
    for n in range(1, pages + 1):
        whole = whole.replace(squash(f"หน้า {n}/{pages}"), "").replace("สำนักงานจังหวัดเชียงใหม่", "")
    assert whole == squash("รายงานสรุป" + LONG_COMMENT * 12 + MIXED)


def test_plain_text_is_escaped_and_markup_is_opt_in(tmp_path, styles):
    pdf = build(tmp_path, [thai_paragraph("ราคา < 5 บาท & ส่วนลด\nบรรทัดใหม่", styles.body),
                           thai_paragraph("<b>เมื่อ</b>วานนี้<i>ฝนตก</i>หนัก", styles.body, markup=True)])
    lines = body_lines(pdf)
    assert lines[:2] == ["ราคา < 5 บาท & ส่วนลด", "บรรทัดใหม่"]
    assert squash(lines[2]) == "เมื่อวานนี้ฝนตกหนัก"


def test_zero_width_spaces_are_break_hints_not_text(tmp_path, styles):
    text = "\u200b".join(["ประชาสัมพันธ์", "กิจกรรม", "ผู้ใหญ่บ้าน"]) * 8
    lines = body_lines(build(tmp_path, [thai_table([[text]], [60 * mm], styles, header_rows=0)]))
    out = "".join(lines)
    assert "\u200b" not in out
    assert squash(out) == text.replace("\u200b", "")


def test_boundary_check_catches_mid_word_breaks(tmp_path, styles):
    """The oracle itself: reportlab's character wrapping (wordWrap="CJK") breaks inside words,
    and the check above must notice."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    cjk = ParagraphStyle("cjk", parent=styles.body, wordWrap="CJK")
    lines = body_lines(build(tmp_path, [Paragraph(LONG_COMMENT, cjk)]))
    assert len(lines) >= 4
    with pytest.raises(AssertionError, match="ends inside a word"):
        assert_breaks_on_word_boundaries(LONG_COMMENT, lines)


def test_register_fonts_is_idempotent_and_cheap():
    import time

    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    from sala.reports.fonts import BOLD, BOLD_ITALIC, REGULAR, register_fonts
    from sala.reports.thai_tounicode import ExtractableTTFont

    assert register_fonts() == "Sarabun"
    font = pdfmetrics.getFont(REGULAR)
    t0 = time.perf_counter()
    for _ in range(1000):
        register_fonts()
    assert time.perf_counter() - t0 < 0.05
    assert pdfmetrics.getFont(REGULAR) is font and isinstance(font, ExtractableTTFont)
    assert tt2ps("Sarabun", 1, 0) == BOLD and tt2ps("Sarabun", 1, 1) == BOLD_ITALIC
