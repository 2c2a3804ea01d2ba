"""Where the report engine may end a line in Thai text, and how table columns are sized for it."""

from __future__ import annotations

import pytest

from sala.reports.thai_break import word_pieces
from sala.reports.thai_pdf import fit_columns


@pytest.mark.parametrize("text, whole", [
    ("รพ.สต.บ้านใหม่", "รพ.สต."),
    ("โรงพยาบาลส่งเสริมสุขภาพตำบลรพ.สต.", "รพ.สต."),
    ("สำนักงานก.พ.ร.", "ก.พ.ร."),
    ("อบต.ป่าแดด", "อบต."),
    ("ต.ป่าแดดอ.เมืองจ.เชียงใหม่", "ต."),
    ("ต.ป่าแดดอ.เมืองจ.เชียงใหม่", "อ."),
    ("ต.ป่าแดดอ.เมืองจ.เชียงใหม่", "จ."),
    ("ตั้งแต่ม.ค.-มี.ค.", "มี.ค."),
    ("อสม.และอ.ส.ม.", "อ.ส.ม."),
])
def test_dotted_abbreviations_are_one_piece(text, whole):
    pieces = word_pieces(text)
    assert whole in pieces, pieces
    assert "".join(pieces) == text


def test_dictionary_words_stay_whole():
    assert word_pieces("กรุงเทพมหานคร") == ("กรุงเทพมหานคร",)
    assert word_pieces("ผู้เข้าร่วม") == ("ผู้เข้าร่วม",)
    assert word_pieces("ฝุ่นควันภาคเหนือ") == ("ฝุ่น", "ควัน", "ภาคเหนือ")


def test_punctuation_and_mai_yamok_never_start_a_line():
    assert word_pieces("เร็วๆนี้") == ("เร็วๆ", "นี้")
    assert word_pieces("(ร่าง)ข้อเสนอ") == ("(ร่าง)", "ข้อเสนอ")
    assert word_pieces("ขอบคุณ.ครับ")[0] == "ขอบคุณ."


def test_columns_widen_to_their_longest_word_from_the_flexible_column():
    # 18 pt column holding a 40 pt word: it takes 22 pt from the flexible column.
    assert fit_columns([18.0, None, 30.0], [40.0, 50.0, 20.0], 200.0) == pytest.approx([40.0, 130.0, 30.0])


def test_columns_widen_from_the_slack_of_fixed_columns_when_nothing_is_flexible():
    out = fit_columns([20.0, 100.0, 80.0], [50.0, 60.0, 60.0], 200.0)
    assert out[0] == pytest.approx(50.0) and sum(out) == pytest.approx(200.0)
    assert all(w >= m - 1e-6 for w, m in zip(out, [50.0, 60.0, 60.0], strict=True))


def test_columns_left_alone_when_every_word_fits():
    assert fit_columns([20.0, None], [10.0, 30.0], 100.0) == pytest.approx([20.0, 80.0])
    assert fit_columns(None, [10.0], 100.0) is None
