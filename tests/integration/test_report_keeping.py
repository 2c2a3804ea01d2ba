"""Printed pages read back: a heading never stands alone at the foot of a page, and the
signature block never has the last page to itself."""

from __future__ import annotations

import shutil

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

import sala.reports.thai_pdf as thai_pdf
from sala.reports.charts import chart_with_legend
from sala.reports.layout import CONTENT_WIDTH, heading, report_styles
from sala.reports.session_summary import build_session_summary
from sala.reports.thai_pdf import build_pdf, thai_paragraph, thai_table
from tests.reports_helpers import page_texts, rich_session, squash

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

HEADING = "ประเด็นที่ต้องอยู่กับตาราง"
FIRST_ROW = "แถวแรกของตารางความคิดเห็น"
SIGN_OFF = ("ผู้บันทึกและรับรองสรุปผล", "ลงชื่อ", "ผู้ดำเนินรายการ", "วันที่", "พิมพ์จาก", "หน้า", "(")


def _page_of(pages: list[str], text: str) -> int:
    return next(i for i, p in enumerate(pages) if squash(text) in squash(p))


def _table(st):
    rows = [["#", "ความคิดเห็น"], ["1", FIRST_ROW], *[[str(i), f"ความคิดเห็นที่ {i}"] for i in range(2, 9)]]
    return thai_table(rows, [10 * mm, None], st)


def _chart(st):
    return chart_with_legend("จำแนกตามเพศ", [(FIRST_ROW, 3), ("ชาย", 2), ("ไม่ระบุ", 1)], st, CONTENT_WIDTH)


@pytest.mark.parametrize("follower", [_table, _chart])
def test_heading_moves_to_the_next_page_with_the_start_of_what_it_heads(tmp_path, follower):
    st = report_styles("th")
    moved = 0
    for filler_mm in range(150, 236, 4):  # walks the heading down to, and past, the page foot
        path = tmp_path / f"h{filler_mm}.pdf"
        build_pdf(path, [thai_paragraph("เอกสารทดสอบ", st.title), Spacer(1, filler_mm * mm),
                         *heading(HEADING, st.h2), follower(st)])
        pages = page_texts(path)
        on = _page_of(pages, HEADING)
        assert on == _page_of(pages, FIRST_ROW), f"heading alone at the foot of page {on + 1} ({filler_mm} mm)"
        if on > 0:
            moved += 1
            first_line = next(ln for ln in pages[on].splitlines() if ln.strip())
            assert HEADING in first_line  # it starts the page, not a blank one
    assert moved  # some layouts really pushed the heading over (or this test proves nothing)
    assert moved < len(range(150, 236, 4))  # and where there was room it stayed on the first page


def test_signature_block_is_never_alone_on_the_last_page(services, tmp_path, monkeypatch):
    retried = []
    real = thai_pdf.keep_closing_with
    monkeypatch.setattr(thai_pdf, "keep_closing_with", lambda c, cl: retried.append(1) or real(c, cl))
    for contributions in range(3, 21):  # summaries of growing length: the sign-off falls all over the page
        r = rich_session(services.db, services.paths.attachments, contributions=contributions)
        path = tmp_path / f"summary{contributions}.pdf"
        build_session_summary(services.db, r.session_id, path, attachments_dir=services.paths.attachments)
        pages = page_texts(path)
        last = [ln.strip() for ln in pages[-1].splitlines() if ln.strip()]
        assert "ผู้บันทึกและรับรองสรุปผล" in pages[-1]
        content = [ln for ln in last if not any(ln.startswith(s) or s in ln for s in SIGN_OFF)]
        assert content, f"{contributions} contributions: the last page holds only the signature block: {last}"
    assert retried  # some lengths really put the sign-off alone on a page first (or this proves nothing)
