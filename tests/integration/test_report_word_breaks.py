"""A table with long Thai cells in narrow columns, printed and read back: no line of any cell or
header ends inside a word, dotted abbreviations are never cut, and the text copies out as typed."""

from __future__ import annotations

import shutil

import pytest
from reportlab.lib.units import mm

from sala.reports.layout import CONTENT_WIDTH, report_styles
from sala.reports.thai_pdf import build_pdf, thai_paragraph, thai_table
from tests.reports_helpers import column_lines, find_lines, lines_ending_inside_words, pdftotext, squash

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LEFT = 30 * mm  # build_pdf's left margin
HEAD = ["#", "ผู้เข้าร่วม", "หน่วยงานที่รับผิดชอบ", "จังหวัด", "ความคิดเห็น"]
ROWS = [
    ["1", "ผู้เข้าร่วม", "รพ.สต.บ้านป่าแดด ต.ป่าแดด อ.เมือง จ.เชียงใหม่", "กรุงเทพมหานคร",
     "ขอให้องค์การบริหารส่วนตำบลร่วมกับโรงพยาบาลส่งเสริมสุขภาพตำบลจัดรถรับส่งผู้สูงอายุไปตรวจสุขภาพประจำปี"],
    ["2", "ผู้สูงอายุ", "อบต.ป่าแดดและสำนักงานก.พ.ร.", "พระนครศรีอยุธยา",
     "ปัญหาฝุ่นละอองขนาดเล็กเกิดขึ้นทุกปีในช่วงฤดูแล้งเมื่อชาวบ้านเผาเศษวัสดุทางการเกษตร"],
]
ABBREVIATIONS = ("รพ.สต.", "ก.พ.ร.", "อบต.", "ต.", "อ.", "จ.")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    st = report_styles("th")
    table = thai_table([HEAD, *ROWS], [8 * mm, 14 * mm, 26 * mm, 16 * mm, None], st)
    path = tmp_path_factory.mktemp("breaks") / "table.pdf"
    build_pdf(path, [thai_paragraph("ตารางทดสอบการตัดคำในช่องแคบของ รพ.สต. และ อบต.", st.title), table])
    edges = [LEFT]
    for w in table._colWidths:
        edges.append(edges[-1] + w)
    return path, edges, table


def test_narrow_columns_were_widened_to_their_longest_word(printed):
    _path, _edges, table = printed
    assert table._colWidths[1] > 14 * mm and table._colWidths[3] > 16 * mm
    assert sum(table._colWidths) <= CONTENT_WIDTH  # still inside the page


@pytest.mark.parametrize("col", [1, 2, 3, 4])
def test_no_cell_line_ends_inside_a_word(printed, col):
    path, edges, _table = printed
    lines = column_lines(path, edges[col] + 1, edges[col + 1] - 1)
    for text in [HEAD[col]] + [row[col] for row in ROWS]:
        run = find_lines(lines, text)
        assert not lines_ending_inside_words(text, run), (text, run)


def test_long_cells_really_wrap(printed):
    path, edges, _table = printed
    lines = column_lines(path, edges[4] + 1, edges[5] - 1)
    assert len(find_lines(lines, ROWS[0][4])) >= 3  # or the test above proves nothing


def test_abbreviations_print_whole_on_one_line(printed):
    path, _edges, _table = printed
    lines = pdftotext(path, "-layout").splitlines()
    for abbr in ABBREVIATIONS:
        assert any(abbr in ln for ln in lines), abbr
    for broken in ("รพ.\n", "ก.พ.\n", "ก.\n"):
        assert broken not in pdftotext(path, "-layout").replace(" ", "")


def test_text_copies_out_as_typed(printed):
    path, edges, _table = printed
    for col in range(5):
        text = squash("".join(column_lines(path, edges[col] + 1, edges[col + 1] - 1)))
        for row in ROWS:
            assert squash(row[col]) in text


def test_period_report_tables_keep_province_and_header_words_whole(services, tmp_path):
    from sala.reports.filters import parse_filter
    from sala.reports.period_report import build_period_report
    from tests.reports_helpers import rich_session

    rich_session(services.db, services.paths.attachments, province="BKK")
    path = tmp_path / "period.pdf"
    build_period_report(services.db, parse_filter(services.db, fiscal_year=2569), path)
    lines = pdftotext(path, "-layout").splitlines()
    for word in ("กรุงเทพมหานคร", "ผู้เข้าร่วม", "ความคิดเห็น"):
        partial = word[:-2]
        cut = [ln for ln in lines if partial in ln.replace(word, "")]
        assert not cut, f"{word} cut across lines: {cut}"
        assert any(word in ln for ln in lines)
