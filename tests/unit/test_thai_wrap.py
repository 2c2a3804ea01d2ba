"""Kiosk lines end only between Thai words (PyThaiNLP's), and a line is never wider than its box."""

from __future__ import annotations

from sala.reports.thai_break import ZWSP
from sala.ui.kiosk.thai_wrap import breakable, wrap_lines

TEXT = "รับซื้อขวดพลาสติกคืนจากโรงเรียนและชุมชนในราคาที่เป็นธรรม แม่ค้าและผู้ซื้อ"


def _boundaries(text: str) -> set[int]:
    """Offsets in ``text`` (spaces removed) where a PyThaiNLP word ends."""
    ends, at = {0}, 0
    for piece in breakable(text).replace(" ", ZWSP).split(ZWSP):
        at += len(piece)
        ends.add(at)
    return ends


def test_lines_end_between_words_and_fit():
    ends = _boundaries(TEXT)
    for width in (8, 12, 20, 35):
        lines = wrap_lines(TEXT, len, width)
        assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")
        assert all(len(line) <= width for line in lines), (width, lines)
        at = 0
        for line in lines:
            at += len(line.replace(" ", ""))
            assert at in ends, f"a line ends inside a word at width {width}: {lines}"
        assert len(lines) > 1


def test_display_only_marks_are_not_in_the_text():
    assert breakable(TEXT).replace(ZWSP, "") == TEXT
    assert wrap_lines("", len, 10) == []
