"""The presenter's word cloud takes real words only: what a phone typed is segmented by PyThaiNLP,
and markup, punctuation, stop words, numbers and keyboard mashing never reach the projector."""

from __future__ import annotations

import re

import pytest

from sala.services.audience_words import MARKUP_WORDS, theme_words, without_markup

# A word of the cloud: Thai letters and marks, or Latin letters and digits (joined by - or ' inside,
# or a decimal point between digits: PM2.5).
LATIN = "A-Za-z0-9À-ÿ"
REAL_WORD = re.compile(rf"^(?:[\u0E01-\u0E3A\u0E40-\u0E4E]+|[{LATIN}]+(?:(?:['’-]|(?<=\d)\.(?=\d))[{LATIN}]+)*)$")

HOSTILE = [
    # (what a phone sent, words that must be in the cloud)
    ("<script>alert(1)</script> ฝุ่นควันหนักมาก", {"ฝุ่น", "ควัน"}),
    ("<img src=x onerror=alert(1)> อยากให้มีสวนสาธารณะ", {"สวนสาธารณะ"}),
    ("<IMG SRC=\"javascript:alert('x')\">ขยะพลาสติก", {"ขยะ", "พลาสติก"}),
    ("ไฟป่า onerror=alert(document.cookie) onload='x()'", {"ไฟป่า"}),
    ("&lt;script&gt;alert(1)&lt;/script&gt; เผาอ้อย", {"เผา", "อ้อย"}),
    ("&amp;lt;svg/onload=alert(1)&amp;gt; ชาวบ้านเดือดร้อน", {"ชาวบ้าน", "เดือดร้อน"}),
    ("&#60;iframe src=//evil.example&#62; โรงพยาบาล", {"โรงพยาบาล"}),
    ("โรงเรียน\"onmouseover=alert(1)//", {"โรงเรียน"}),
    ("<a href=\"http://evil.example\">คลิกเลย</a> รถเมล์ไฟฟ้า", {"รถเมล์", "ไฟฟ้า"}),
    ("<svg><style>*{x:y}</style><desc>สุขภาพ</desc></svg>", {"สุขภาพ"}),
    ("<!-- <script>bad()</script> --> น้ำท่วม", {"น้ำท่วม"}),
    ("<details open ontoggle=prompt(1)>หมอกควัน", {"หมอก", "ควัน"}),
    ("javascript:void(0) vbscript:msgbox data:text/html,x ถนน", {"ถนน"}),
    ("<scr<script>ipt>alert(1)</scr</script>ipt> ต้นไม้", {"ต้นไม้"}),
    ("<b\nonmouseover=alert(1)>งบประมาณ", {"งบประมาณ"}),
    ("ฝุ่น\u200b<\u200bscript>ควัน", {"ฝุ่น"}),
    ("{{constructor.constructor('alert(1)')()}} ${7*7} ป่าไม้", {"ป่าไม้"}),
]

ORDINARY = [
    ("ควันไฟป่าทำให้ผู้สูงอายุไอทุกคืน", {"ควัน", "ไฟป่า", "ผู้สูงอายุ"}, {"ทำให้"}),
    ("อยากให้เทศบาลนครลำปางติดตั้งเครื่องฟอกอากาศที่โรงเรียน!!!", {"เทศบาลนคร", "ลำปาง", "เครื่องฟอกอากาศ",
                                                                    "โรงเรียน"}, {"ที่", "ให้"}),
    ("ค่าฝุ่น PM2.5 เกิน 100 มคก. ทุกวัน… (ช่วงมีนาคม)", {"ฝุ่น", "PM2.5", "มีนาคม"}, {"100"}),
    ("ไม่เห็นด้วย ค่าใช้จ่ายสูงเกินไป ๆ ๆ ฯลฯ", {"เห็นด้วย", "ค่าใช้จ่าย"}, {"ๆ", "ฯลฯ"}),
    ("ฝุ่นเยอะมากกกกกก ฟหกดฟหกด่าสว", {"ฝุ่น"}, {"ฟหกดฟหก", "กก"}),
    ("The haze from burning is bad for the children", {"haze", "burning", "children"}, {"the", "is", "for"}),
    ("กรุงเทพฯ ขยะ, น้ำเสีย; คลอง.", {"กรุงเทพฯ", "ขยะ", "น้ำเสีย", "คลอง"}, set()),
]


def _assert_only_real_words(words: list[str]) -> None:
    for w in words:
        assert REAL_WORD.match(w), f"not a word: {w!r}"
        assert w.casefold() not in MARKUP_WORDS, f"markup in the cloud: {w!r}"
        assert not re.search(r"[<>=&;:/\\()\"{}$]", w), f"punctuation in the cloud: {w!r}"


@pytest.mark.parametrize(("text", "wanted"), HOSTILE)
def test_markup_never_reaches_the_cloud(text: str, wanted: set[str]) -> None:
    words = theme_words(text)
    _assert_only_real_words(words)
    lowered = {w.casefold() for w in words}
    assert not lowered & {"script", "img", "src", "onerror", "onload", "alert", "javascript", "svg", "iframe",
                          "href", "style", "document", "cookie", "lt", "gt", "amp", "http", "evil", "example",
                          "scr", "ipt", "constructor", "prompt", "ontoggle", "onmouseover", "msgbox", "data",
                          "text", "html", "void", "details", "desc", "open"}, words
    assert wanted <= set(words), words


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ORDINARY)
def test_ordinary_thai_keeps_its_words(text: str, wanted: set[str], unwanted: set[str]) -> None:
    words = theme_words(text)
    _assert_only_real_words(words)
    assert wanted <= set(words), words
    assert not unwanted & set(words), words


def test_what_people_say_about_markup_in_thai_stays_thai() -> None:
    """Angle brackets around Thai, or a comparison, are not markup: the Thai words stay."""
    assert {"ราคา", "บาท", "ปัญหา"} <= set(theme_words("<ปัญหา> ราคา < 100 บาท และ > 50 บาท"))


def test_markup_is_cut_out_but_the_text_around_it_kept() -> None:
    assert without_markup("ก่อน<b onclick=x()>กลาง</b>หลัง").split() == ["ก่อน", "กลาง", "หลัง"]
    assert "script" not in without_markup("&lt;script&gt;x&lt;/script&gt;ฝุ่น")
    assert without_markup("ฝุ่นมากกกกก").strip() == "ฝุ่นมาก"


def test_profanity_never_shows() -> None:
    assert "มึง" not in theme_words("พวกมึงไม่ฟังชาวบ้านเลย")
