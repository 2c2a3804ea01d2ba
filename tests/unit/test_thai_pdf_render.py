"""Shaping (property a) proven on glyphs and on pixels, plus the last-resort word cutting.

Sarabun's default tone-mark glyphs sit low, for a consonant without an upper vowel. Over an
upper vowel (เมื่อ) HarfBuzz must swap in ``uni0E48.small``, whose ink is about 0.25 em higher;
next to a tall consonant (ปั้น) it must use the ``.narrow`` vowel and shift the tone mark left.
Unshaped output stacks the tone mark *into* the vowel — visible as ink that is not high enough.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from sala.reports.fonts import REGULAR, register_fonts
from sala.reports.thai_break import cluster_bounds, word_pieces
from sala.reports.thai_pdf import ThaiParagraph, make_styles, thai_paragraph
from sala.reports.thai_shape import _shape_text, _share

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="needs poppler-utils")

BIG = 48.0


def glyph_names(word: str, size: float = 16) -> list[str]:
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    hb = font.hbFont(size)
    return [hb.glyph_to_string(font.glyph_of(c)) for c in _shape_text(word, REGULAR, size)]


def test_shaping_substitutes_mark_variants():
    assert glyph_names("เมื่อ") == ["uni0E40", "uni0E21", "uni0E37", "uni0E48.small", "uni0E2D"]
    assert glyph_names("ปั้น") == ["uni0E1B", "uni0E31.narrow", "uni0E49.small", "uni0E19"]
    assert glyph_names("น้ำ") == ["uni0E19", "uni0E4D0E49", "uni0E32"]  # SARA AM split, ligated
    shaped = _shape_text("ปั้น", REGULAR, 16)
    assert [sd.x_offset for sd in shaped.__shapeData__][2] < -100  # tone mark pulled left of ป's stem


def render(tmp_path: Path, flowable: Flowable, name: str) -> list[bytes]:
    """Render a one-flowable page at 100 dpi (grey) and return its pixel rows."""
    pdf = tmp_path / f"{name}.pdf"
    SimpleDocTemplate(str(pdf), leftMargin=36, topMargin=36).build([flowable])
    subprocess.run(["pdftoppm", "-gray", "-r", "100", "-f", "1", "-l", "1", str(pdf), str(tmp_path / name)],
                   check=True)
    pgm = next(tmp_path.glob(f"{name}*.pgm")).read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", pgm)
    assert match
    width, height = int(match.group(1)), int(match.group(2))
    data = pgm[match.end():]
    return [data[y * width:(y + 1) * width] for y in range(height)]


def ink_rows(rows: list[bytes]) -> list[int]:
    return [y for y, row in enumerate(rows) if min(row) < 128]


def test_shaped_tone_mark_sits_above_the_upper_vowel(tmp_path):
    register_fonts()
    style = ParagraphStyle("big", fontName=REGULAR, fontSize=BIG, leading=BIG * 1.6)
    shaped = ink_rows(render(tmp_path, ThaiParagraph("เมื่อ", style), "shaped"))
    plain = ink_rows(render(tmp_path, Paragraph("เมื่อ", style), "plain"))  # reportlab, no shaping
    assert shaped[-1] == plain[-1]  # same baseline and descent …
    raise_px = plain[0] - shaped[0]  # … but the tone mark's ink starts higher
    expected_px = (1200 - 952) / 1000 * BIG * 100 / 72  # .small top vs upper-vowel top, in pixels
    assert raise_px >= 0.8 * expected_px


def test_zero_width_space_draws_nothing(tmp_path):
    style = make_styles("th").body
    with_zwsp = render(tmp_path, thai_paragraph("ปัญหา\u200bฝุ่น\u200bควัน", style), "zwsp")
    without = render(tmp_path, thai_paragraph("ปัญหาฝุ่นควัน", style), "nozwsp")
    assert with_zwsp == without  # pixel-identical: no box, no gap


def test_word_longer_than_the_line_is_cut_between_clusters(tmp_path):
    styles = make_styles("th")
    word = "ประชาสัมพันธ์ผู้ใหญ่บ้านน้ำท่วมปั้นครั้งที่เมื่อ"
    # A plain reportlab Table: thai_table would widen the column to the longest word instead.
    narrow = Table([[thai_paragraph(word, styles.cell)]], colWidths=[42])  # ~30 pt of text per line
    pdf = tmp_path / "narrow.pdf"
    SimpleDocTemplate(str(pdf)).build([narrow])
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout
    lines = [ln.strip() for ln in out.splitlines() if ln.strip()]
    assert "".join(lines) == word
    assert len(lines) > len(word_pieces(word))  # some words really had to be cut
    allowed = set(cluster_bounds(word))
    offset = 0
    for line in lines[:-1]:
        offset += len(line)
        assert offset in allowed, f"cut separates marks: {line!r}"


def test_cluster_bounds_keep_marks_and_leading_vowels():
    text = "เมื่อน้ำกำไร"
    cuts = [0, *cluster_bounds(text), len(text)]
    pieces = [text[a:b] for a, b in pairwise(cuts)]
    assert pieces == ["เมื่", "อ", "น้ำ", "กำ", "ไร"]


def test_share_distributes_cluster_text_over_glyphs():
    assert _share("้ำ", 2) == ["้", "ำ"]  # น้ำ: tone+nikhahit ligature, then SARA AA
    assert _share("ำ", 2) == ["", "ำ"]  # กำ: NIKHAHIT copies as nothing, SARA AA as SARA AM
    assert _share("ฤๅ", 1) == ["ฤๅ"]
    assert _share("fi", 1) == ["fi"]
