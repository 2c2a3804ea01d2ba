"""Real report PDFs read back with poppler: Thai shaped, broken between words, extractable;
BE dates; fiscal-year selection; personal data only when asked and only with consent."""

from __future__ import annotations

import re
import shutil
from datetime import date
from itertools import accumulate
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Table

from sala.domain import enums as e
from sala.domain.thaitext import segment_keep
from sala.reports.filters import parse_filter
from sala.reports.fonts import REGULAR
from sala.reports.period_report import build_period_report
from sala.reports.session_data import load_session_data
from sala.reports.session_summary import build_session_summary, session_flowables
from sala.reports.thai_pdf import ThaiParagraph
from tests.reports_helpers import (
    CONSENTING,
    CORRECTED_TEXT,
    LONG_COMMENT,
    MARKS_COMMENT,
    NOT_CONSENTING,
    ORIGINAL_TALLY,
    column_lines,
    find_lines,
    pdftotext,
    rich_session,
    squash,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def comment_column_lines(pdf: Path) -> list[str]:
    """Text lines of the contribution column only (words starting 39–147 mm from the page's left edge)."""
    return column_lines(pdf, 39 * mm, 147 * mm)


def assert_breaks_on_word_boundaries(original: str, lines: list[str]) -> None:
    flat = squash(original)
    bounds = set(accumulate(len(squash(tok)) for tok in segment_keep(original)))
    for off, line in zip(accumulate(len(squash(ln)) for ln in lines), lines[:-1], strict=False):  # not the last line
        assert off in bounds, f"line {line!r} ends inside a word: …{flat[off - 8:off]}|{flat[off:off + 8]}…"


@pytest.fixture
def rich(services):
    return rich_session(services.db, services.paths.attachments)


@pytest.fixture
def summary_pdf(services, rich, tmp_path) -> Path:
    path = tmp_path / "summary.pdf"
    build_session_summary(services.db, rich.session_id, path, attachments_dir=services.paths.attachments)
    return path


def test_long_comment_wraps_between_words_in_the_summary(summary_pdf):
    run = find_lines(comment_column_lines(summary_pdf), LONG_COMMENT)
    assert len(run) >= 4  # really wrapped, or the test proves nothing
    assert_breaks_on_word_boundaries(LONG_COMMENT, run)


def test_comments_extract_with_tone_marks_intact(summary_pdf):
    raw = pdftotext(summary_pdf)
    assert squash(LONG_COMMENT) in squash("".join(comment_column_lines(summary_pdf)))
    assert MARKS_COMMENT in raw  # เมื่อ น้ำ ครั้ง ที่ ผู้ใหญ่ ปั้น: one line, copied out whole
    for word in ("เมื่อ", "น้ำท่วม", "ครั้งที่", "ผู้ใหญ่บ้าน", "ปั้น"):
        assert word in raw
    assert not re.search("[\ue000-\uf8ff]", raw)  # no private-use glyph codes leak out


def test_report_text_is_shaped_with_mark_variants(services, rich):
    """The paragraphs the summary draws carry HarfBuzz's mark variants (as in the engine's tests):
    the tone mark over an upper vowel (เมื่อ) and over a tall consonant (ปั้น) is ``.small``."""
    data = load_session_data(services.db, rich.session_id, attachments_dir=services.paths.attachments)
    font = pdfmetrics.getFont(REGULAR)
    hb = font.hbFont(13)
    names: set[str] = set()

    def walk(obj: object) -> None:
        if isinstance(obj, ThaiParagraph):
            for word in obj._thai_words:
                for _frag, text in word[1:]:
                    names.update(hb.glyph_to_string(font.glyph_of(c)) for c in text)
        elif isinstance(obj, Table):
            for row in obj._cellvalues:
                for cell in row:
                    for item in cell if isinstance(cell, list) else [cell]:
                        walk(item)
        for inner in getattr(obj, "_content", []) or []:
            walk(inner)

    for flowable in session_flowables(data):
        walk(flowable)
    assert "uni0E48.small" in names  # ่ over ื in เมื่อ
    assert "uni0E49.small" in names and "uni0E31.narrow" in names  # ปั้น


def test_header_has_buddhist_era_date_and_page_numbers(summary_pdf):
    first = pdftotext(summary_pdf, "-layout", "-f", "1", "-l", "1")
    assert "14 มีนาคม 2569" in first  # session on 2026-03-14
    assert "สรุปผลการจัดเวทีรับฟังความคิดเห็น" in first
    assert "ก.พ.ร." not in first and "Open Gov Space" not in first  # no agency the user did not set
    pages = int(re.search(r"หน้า 1/(\d+)", first).group(1))
    assert f"หน้า {pages}/{pages}" in pdftotext(summary_pdf, "-layout", "-f", str(pages), "-l", str(pages))


def test_amendment_shown_beside_what_it_corrects(summary_pdf):
    text = squash(pdftotext(summary_pdf))
    assert squash(CORRECTED_TEXT) in text and squash("ผู้เสนอขอแก้ไขถ้อยคำ") in text
    assert squash(ORIGINAL_TALLY) in text and squash("นับคะแนนใหม่") in text
    assert squash("เดิม “21” แก้เป็น “23”") in text


def test_missing_photo_is_a_note_not_a_crash(summary_pdf):
    text = pdftotext(summary_pdf)
    assert "flipchart2.jpg" in text and "กระดาษฟลิปชาร์ตกลุ่มที่ 1" in text


def test_personal_data_absent_by_default(summary_pdf):
    text = pdftotext(summary_pdf)
    for secret in (*CONSENTING, *NOT_CONSENTING):
        assert secret not in text


def test_personal_data_only_when_asked_and_only_with_consent(services, rich, tmp_path):
    path = tmp_path / "personal.pdf"
    build_session_summary(services.db, rich.session_id, path, include_personal_data=True,
                          attachments_dir=services.paths.attachments)
    text = pdftotext(path)
    for value in CONSENTING:
        assert value in text
    for secret in NOT_CONSENTING:  # declined consent: stored by mistake, still never printed
        assert secret not in text


def test_english_summary(services, rich, tmp_path):
    path = tmp_path / "en.pdf"
    build_session_summary(services.db, rich.session_id, path, lang="en", attachments_dir=services.paths.attachments)
    text = pdftotext(path, "-layout")
    assert "Consultation session summary" in text and "14 March 2026" in text and "Page 1/" in text


def test_exhibition_summary_has_ratings_and_votes(services, tmp_path):
    r = rich_session(services.db, services.paths.attachments, kind=e.SessionKind.EXHIBITION)
    path = tmp_path / "ex.pdf"
    build_session_summary(services.db, r.session_id, path, attachments_dir=services.paths.attachments)
    text = pdftotext(path, "-layout")
    assert "คะแนนเฉลี่ย 3.60 จาก 5" in text
    assert "ติดตั้งเครื่องวัดฝุ่นทุกตำบล" in text and "สวนสาธารณะริมน้ำ" in text


def test_period_report_counts_sessions_of_the_fiscal_year(services, tmp_path):
    att = services.paths.attachments
    for day, prov in ((date(2025, 9, 30), "CMI"), (date(2025, 10, 1), "CMI"), (date(2026, 9, 30), "LPG"),
                      (date(2026, 10, 1), "CMI")):
        rich_session(services.db, att, day=day, province=prov)
    path = tmp_path / "period.pdf"
    build_period_report(services.db, parse_filter(services.db, fiscal_year=2569), path)
    text = pdftotext(path, "-layout")
    assert "ปีงบประมาณ 2569" in text and "1 ตุลาคม 2568 – 30 กันยายน 2569" in text
    assert re.search(r"จำนวนเวที\s+2\b", text)
    assert "ต.ค. 2568" in text and "ก.ย. 2569" in text  # the fiscal year's months, October first
    assert "ฝุ่น" in text.split("คำที่พบบ่อยในความคิดเห็น")[1]  # a recurring word from the comments
    assert "PyThaiNLP" not in text and "วลี" not in text  # no developer words, no glued "phrases"
    for secret in (*CONSENTING, *NOT_CONSENTING):
        assert secret not in text
    path2 = tmp_path / "period-cmi.pdf"
    build_period_report(services.db, parse_filter(services.db, fiscal_year="2569", province="เชียงใหม่"), path2)
    assert re.search(r"จำนวนเวที\s+1\b", pdftotext(path2, "-layout"))


def test_period_report_with_no_sessions_says_so(services, tmp_path):
    path = tmp_path / "empty.pdf"
    assert build_period_report(services.db, parse_filter(services.db, fiscal_year=2560), path) == 1
    assert "ไม่พบเวทีตามเงื่อนไขที่เลือก" in pdftotext(path)
