"""Thai phone numbers, e-mail addresses and participant codes, as the focus-group table saves them."""

from __future__ import annotations

import pytest

from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput, ParticipantInput, SessionInput


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("สนทนากลุ่มงบประมาณชลบุรี", "focus_group", province="ชลบุรี")).id


@pytest.mark.parametrize("typed, shown", [
    ("081-234-5678", "081-234-5678"),
    ("0812345678", "081-234-5678"),
    ("081 234 5678", "081-234-5678"),
    ("062.345.6789", "062-345-6789"),
    ("095-1234567", "095-123-4567"),
    ("+66 81 234 5678", "081-234-5678"),
    ("+66812345678", "081-234-5678"),
    ("+66 (0)81-234-5678", "081-234-5678"),
    ("0066 2 123 4567", "02-123-4567"),
    ("02-123-4567", "02-123-4567"),
    ("(02) 1234567", "02-123-4567"),
    ("053-123-456", "053-123-456"),
    ("038 123456", "038-123-456"),
    ("+66 74 123 456", "074-123-456"),
    ("๐๘๑-๒๓๔-๕๖๗๘", "081-234-5678"),
])
def test_thai_numbers_are_accepted_and_written_one_way(typed, shown):
    assert v.phone(typed) == shown


@pytest.mark.parametrize("typed", [
    "081-234-56",        # a mobile two digits short (the one a field team met)
    "08123456789",       # one too many
    "081-234-567",       # 9 digits: an old-style or incomplete mobile
    "02-123-456",        # Bangkok one short
    "012-345-6789",      # no such prefix
    "1111",              # a hotline, not a contact number
    "+1 415 555 0100",   # not Thai
    "+66 81 234 56",
    "081-234-5678 ต่อ 12",
    "โทร 0812345678",
    "081-234-567a",
])
def test_wrong_numbers_are_refused_with_a_bilingual_reason(typed):
    with pytest.raises(ValidationError) as err:
        v.phone(typed)
    assert err.value.field == "phone"
    assert "โทรศัพท์" in err.value.th and "10 หลัก" in err.value.th and "081-234-5678" in err.value.th
    assert "phone number" in err.value.en and "10" in err.value.en


@pytest.mark.parametrize("typed, kept", [
    ("somchai@example.go.th", "somchai@example.go.th"),
    ("Somchai.J+forum@Example.GO.TH", "Somchai.J+forum@example.go.th"),
    ("  a@b.co ", "a@b.co"),
    ("wipa_s@mail-server.ac.th", "wipa_s@mail-server.ac.th"),
])
def test_plausible_addresses_are_accepted(typed, kept):
    assert v.email(typed) == kept


@pytest.mark.parametrize("typed", [
    "somchai", "somchai@", "@example.com", "somchai@example", "som chai@example.com", "a@@example.com",
    "a@b@example.com", "a@example..com", "a..b@example.com", ".a@example.com", "a@-example.com",
    "a@example.c", "a@example.123", "a,b@example.com", "a@exa mple.com",
    "x" * 65 + "@example.com", "a@" + "b" * 250 + ".com",
])
def test_broken_addresses_are_refused(typed):
    with pytest.raises(ValidationError) as err:
        v.email(typed)
    assert err.value.field == "email" and "อีเมล" in err.value.th and "e-mail" in err.value.en


def test_participants_service_stores_the_canonical_forms_and_refuses_the_short_number(services, sid):
    p = services.participants.add(sid, ParticipantInput("P01", consent="verbal", contact_name="สมศรี มีสุข",
                                                        phone="+66 81 234 5678", email="Somsri@Mail.CO.TH"))
    contact = services.participants.contact(p.id)
    assert (contact.phone, contact.email) == ("081-234-5678", "Somsri@mail.co.th")
    with pytest.raises(ValidationError) as err:
        services.participants.update(p.id, ParticipantInput("P01", consent="verbal", phone="081-234-56"))
    assert err.value.field == "phone"
    assert services.participants.contact(p.id).phone == "081-234-5678", "the refused number changed nothing"


@pytest.mark.parametrize("code", ["—", "–", "-", "--", "_", "...", "N/A", "ไม่ระบุ", "?"])
def test_placeholder_codes_are_refused(services, sid, code):
    with pytest.raises(ValidationError) as err:
        services.participants.add(sid, ParticipantInput(code))
    assert err.value.field == "code" and "P01" in err.value.th and "P01" in err.value.en
    with pytest.raises(ValidationError) as err:
        services.contributions.add(sid, ContributionInput("opinion", "ควรเปิดศูนย์เด็กเล็กเพิ่ม", participant_code=code))
    assert err.value.field == "code" and "leave it empty" in err.value.en
    assert services.participants.list(sid) == [] and services.contributions.count(sid) == 0


def test_next_free_code_fills_the_first_gap(services, sid):
    assert services.participants.next_free_code(sid) == "P01"
    for code in ("P01", "p02", "P04", "ครู1"):
        services.participants.add(sid, ParticipantInput(code))
    assert services.participants.next_free_code(sid) == "P03"
    services.participants.add(sid, ParticipantInput(services.participants.next_free_code(sid)))
    assert services.participants.next_free_code(sid) == "P05"
    other = services.sessions.create(SessionInput("เวทีอื่น", "focus_group", province="ชลบุรี")).id
    assert services.participants.next_free_code(other) == "P01", "codes are per session"
