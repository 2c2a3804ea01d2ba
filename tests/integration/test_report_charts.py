"""Charts read back from the PDF: each bar named by its category in Thai beside it (no numbered
axis with a legend to look up), and a chart with nothing to show says so."""

from __future__ import annotations

import re
import shutil

import pytest

from sala.reports.charts import chart_with_legend
from sala.reports.layout import CONTENT_WIDTH, report_styles
from sala.reports.period_data import themes
from sala.reports.session_summary import build_session_summary
from sala.reports.thai_pdf import build_pdf
from tests.reports_helpers import pdftotext, rich_session

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _chart_text(tmp_path, items, name="c.pdf") -> str:
    path = tmp_path / name
    build_pdf(path, [chart_with_legend("จำแนกตามเพศ", items, report_styles("th"), CONTENT_WIDTH)])
    return pdftotext(path, "-layout")


def test_each_bar_carries_its_thai_category_count_and_share(tmp_path):
    text = _chart_text(tmp_path, [("หญิง", 17), ("ชาย", 12), ("เพศอื่น ๆ", 0), ("ไม่ระบุ", 1)])
    lines = text.splitlines()
    for label, shown in (("หญิง", "17 (57%)"), ("ชาย", "12 (40%)"), ("เพศอื่น ๆ", "0 (0%)"), ("ไม่ระบุ", "1 (3%)")):
        assert any(label in ln and shown in ln for ln in lines), f"{label} not beside {shown}"
    assert not re.search(r"^\s*\d\s+(หญิง|ชาย)", text, re.M)  # no numbered legend rows


def test_summary_charts_label_categories_not_numbers(services, tmp_path):
    r = rich_session(services.db, services.paths.attachments)
    path = tmp_path / "s.pdf"
    build_session_summary(services.db, r.session_id, path, attachments_dir=services.paths.attachments)
    lines = pdftotext(path, "-layout").splitlines()
    assert any("25–34 ปี" in ln and "1 (50%)" in ln for ln in lines)  # P01's age band, beside its bar
    assert any("เกษตรกร" in ln and "1 (50%)" in ln for ln in lines)  # P01's occupation
    assert not any(re.fullmatch(r"\s*1\s+2\s+3\s+4\s+5\s+6\s+7\s*", ln) for ln in lines)  # no 1–7 axis


def test_no_data_is_said_not_drawn(tmp_path):
    assert "ไม่มีข้อมูล" in _chart_text(tmp_path, [("หญิง", 0), ("ชาย", 0)], "zero.pdf")
    only_unstated = _chart_text(tmp_path, [("หญิง", 0), ("ชาย", 0), ("ไม่ระบุ", 5)], "unstated.pdf")
    assert "ไม่มีข้อมูล (ไม่ได้ระบุทั้ง 5 รายการ)" in only_unstated
    assert "100%" not in only_unstated


def test_recurring_words_are_real_words_used_by_several_contributions():
    texts = [("ในฐานะคนในพื้นบ้านออกเรือหาปลาทุกวัน ฝุ่นควันมาก", 1), ("ฝุ่นควันทำให้เด็กป่วย", 1),
             ("อยากให้แก้ปัญหาฝุ่นควัน", 2), ("ขยะล้นถัง", 1), ("ขยะล้นถัง", 1)]
    got = dict(themes(texts))
    assert got.get("ฝุ่น") == 4 and got.get("ควัน") == 4  # four contributions, each counted once
    assert "ขยะ" not in got  # two contributions only: not recurring enough
    for glued in ("พื้นบ้านออกเรือ", "ฐานะคนใน", "ฝุ่นควัน"):
        assert glued not in got
    assert all(len(w) > 1 for w in got)
