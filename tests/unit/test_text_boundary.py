"""Text at the boundary: what a user types or pastes is stored in one clean form, and searched
in the same form. The rule is "strip", never "refuse": zero-width characters, a BOM, bidi
overrides and isolates, NUL and other control characters are removed from every text field and
every search query; text left empty by that is empty."""

from __future__ import annotations

import unicodedata

import pytest

from sala.bootstrap import Services
from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput, SessionInput
from sala.domain.thaitext import normalize, search_terms

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
             "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x9f"]


@pytest.mark.parametrize("junk", ["\u200b\u200b", "\ufeff", " \u200b\ufeff\u200d ", "\x00", "\u202e\u2066"])
def test_required_text_made_only_of_invisible_characters_is_empty(junk: str):
    with pytest.raises(ValidationError) as err:
        SessionInput(junk, "minitalk", province="LPG").validated()
    assert err.value.field == "title" and "กรุณากรอกชื่อเวที" in err.value.th and "Title is required" in err.value.en
    with pytest.raises(ValidationError):
        ContributionInput("opinion", junk).validated()


@pytest.mark.parametrize("ch", INVISIBLE)
def test_each_invisible_or_control_character_is_stripped_from_titles_and_text(ch: str):
    title = SessionInput(f"เวที{ch}ฝุ่น PM2.5{ch}", "minitalk", province="LPG").validated().title
    assert title == "เวทีฝุ่น PM2.5"
    text = ContributionInput("opinion", f"ควร{ch}ลด{ch}การเผา").validated().text
    assert text == "ควรลดการเผา"


def test_a_right_to_left_override_cannot_turn_a_title_around():
    # An RLO (U+202E) would show "gnp.exe" reversed as "exe.png": a spoof on screen and on paper.
    title = SessionInput("รายงาน\u202egnp.exe\u202c", "minitalk", province="LPG").validated().title
    assert title == "รายงานgnp.exe"


def test_titles_are_one_line_and_text_keeps_its_line_breaks_and_nfc():
    assert SessionInput("เวที\nฝุ่น\tควัน", "minitalk", province="LPG").validated().title == "เวที ฝุ่น ควัน"
    text = ContributionInput("opinion", "บรรทัดแรก\nบรรทัดสอง").validated().text
    assert text == "บรรทัดแรก\nบรรทัดสอง"
    decomposed = unicodedata.normalize("NFD", "Café ชุมชน")
    assert ContributionInput("opinion", decomposed).validated().text == unicodedata.normalize("NFC", "Café ชุมชน")
    assert ContributionInput("opinion", "น\u0e4d\u0e32ท่วม").validated().text == "น\u0e33ท่วม"


def test_an_emoji_sequence_keeps_its_joiner():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert ContributionInput("praise", f"ดีมาก {family}").validated().text == f"ดีมาก {family}"


def test_tags_and_codes_are_cleaned_the_same_way():
    assert v.tags(["\u200bฝุ่น\u202e", "ฝุ่น", "\ufeff"]) == ["ฝุ่น"]
    assert v.participant_code("P\u200b01") == "P01"


def test_queries_are_normalized_like_stored_text():
    assert normalize("ฝุ่น\u200bควัน\ufeff") == normalize("ฝุ่นควัน")
    assert search_terms("\u200bฝุ่น\u200b") == ["ฝุ่น"]
    assert search_terms("\u200b\ufeff") == []


def test_a_zero_width_space_inside_a_word_no_longer_hides_it_from_search(services: Services):
    sid = services.sessions.create(SessionInput("เวทีฝุ่นควัน", "minitalk", province="LPG")).id
    pasted = services.contributions.add(sid, ContributionInput("concern", "ปัญหาฝุ่น\u200bละอองทำให้เด็กป่วย"))
    typed = services.contributions.add(sid, ContributionInput("idea", "ควรตั้งจุดวัดฝุ่นละอองทุกตำบล"))
    assert "\u200b" not in pasted.text
    found = {h.contribution_id for h in services.search.search("ฝุ่นละออง")}
    assert found == {pasted.id, typed.id}
    # A query pasted with a zero-width space finds the same entries.
    assert {h.contribution_id for h in services.search.search("ฝุ่น\u200bละออง")} == found
    assert services.search.count("\u200bฝุ่นละออง\ufeff") == 2
