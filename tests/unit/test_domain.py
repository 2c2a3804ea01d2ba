"""Domain rules: ids, Buddhist Era dates, fiscal years, provinces, validation messages."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from sala.domain import enums as e
from sala.domain import thaidate, validation
from sala.domain.errors import ValidationError
from sala.domain.ids import new_id, uuid7, uuid7_time_ms
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput
from sala.domain.provinces import all_provinces, find_province
from sala.domain.thaitext import search_terms


def test_uuid7_is_version_7_time_ordered_and_unique():
    ids = [uuid7() for _ in range(5000)]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in ids)
    assert ids == sorted(ids), "ids made in sequence must sort in sequence"
    assert len(set(ids)) == len(ids)
    now_ms = datetime.now(UTC).timestamp() * 1000
    assert abs(uuid7_time_ms(new_id()) - now_ms) < 5000


@pytest.mark.parametrize(("d", "th", "en"), [
    (date(2026, 11, 22), "22 พฤศจิกายน 2569", "22 November 2026"),
    (date(2025, 1, 1), "1 มกราคม 2568", "1 January 2025"),
])
def test_dates_in_buddhist_era(d, th, en):
    assert thaidate.format_date(d, "th") == th
    assert thaidate.format_date(d, "en") == en


def test_abbreviated_thai_date_and_local_time():
    moment = datetime(2026, 3, 5, 7, 30, tzinfo=UTC)  # 14:30 in Bangkok
    assert thaidate.format_datetime(moment, "th") == "5 มี.ค. 2569 14:30 น."


@pytest.mark.parametrize(("d", "fy"), [
    (date(2025, 9, 30), 2568), (date(2025, 10, 1), 2569), (date(2026, 9, 30), 2569), (date(2026, 10, 1), 2570),
])
def test_fiscal_year_runs_october_to_september(d, fy):
    assert thaidate.fiscal_year(d) == fy


def test_fiscal_year_bounds_and_label():
    assert thaidate.fiscal_year_bounds(2569) == (date(2025, 10, 1), date(2026, 9, 30))
    assert thaidate.fiscal_year_label(2569) == "ปีงบประมาณ 2569"


def test_all_77_provinces_with_thai_and_english_names():
    provinces = all_provinces()
    assert len(provinces) == 77
    assert len({p.code for p in provinces}) == 77
    assert find_province("Lampang").name_th == "ลำปาง"
    assert find_province("เชียงใหม่").name_en == "Chiang Mai"
    assert find_province("bkk").name_th == "กรุงเทพมหานคร"
    assert find_province("Atlantis") is None


def test_session_input_errors_are_bilingual_and_name_the_field():
    with pytest.raises(ValidationError) as err:
        SessionInput(title="   ", kind="minitalk", province="ลำปาง").validated()
    assert err.value.field == "title" and "ชื่อเวที" in err.value.th and "Title" in err.value.en
    with pytest.raises(ValidationError) as err:
        SessionInput(title="x", kind="party", province="ลำปาง").validated()
    assert err.value.field == "kind" and "party" in err.value.en
    with pytest.raises(ValidationError) as err:
        SessionInput(title="x", kind="minitalk", province="Atlantis").validated()
    assert err.value.field == "province" and "Atlantis" in err.value.th
    start = datetime(2026, 1, 1, 10, tzinfo=UTC)
    with pytest.raises(ValidationError) as err:
        SessionInput(title="x", kind="minitalk", province="LPG", planned_start=start,
                     planned_end=start.replace(hour=9)).validated()
    assert err.value.field == "ended_at"


def test_text_over_the_limit_is_refused_not_cut():
    text = "ก" * (validation.TEXT_MAX + 1)
    with pytest.raises(ValidationError) as err:
        ContributionInput("opinion", text).validated()
    assert f"{validation.TEXT_MAX:,}" in err.value.en and f"{validation.TEXT_MAX:,}" in err.value.th
    ok = ContributionInput("opinion", "ก" * validation.TEXT_MAX).validated()
    assert len(ok.text) == validation.TEXT_MAX


def test_contact_details_need_consent():
    with pytest.raises(ValidationError) as err:
        ParticipantInput("P01", consent="none", phone="0812345678").validated()
    assert err.value.field == "consent" and "PDPA" in err.value.en
    with pytest.raises(ValidationError):
        ParticipantInput("P01", consent="declined", contact_name="สมศรี").validated()
    clean = ParticipantInput("p01", consent="verbal", phone="081-234-5678", email="a@b.co").validated()
    assert clean.code == "P01" and clean.consent == e.ConsentKind.VERBAL


def test_thai_text_is_normalized_to_nfc():
    decomposed = "\u0e19\u0e4d\u0e32"  # นํา typed as nikhahit + sara aa
    assert validation.clean_text(decomposed) == "\u0e19\u0e33"


def test_search_terms_split_unspaced_thai():
    assert search_terms("ฝุ่นควัน") == ["ฝุ่น", "ควัน"]
    assert search_terms("  PM2.5   ฝุ่น ") == ["pm2.5", "ฝุ่น"]


def test_enum_labels_exist_for_every_member():
    for enum_cls in (e.SessionKind, e.SessionStatus, e.ContributionType, e.Stance, e.AgeBand, e.Gender,
                     e.Occupation, e.ConsentKind, e.VenueKind):
        for member in enum_cls:
            assert member.label("th") and member.label("en")
            assert member.label("th") != member.value
