"""Participants table: codes, bands, consent gating of contact details, saved without a button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sala.domain import enums as e
from sala.domain.inputs import CONSENT_PURPOSE_EN, CONSENT_PURPOSE_TH
from sala.ui.focus_group.participants import ParticipantsTable
from tests.typing import type_text

L = Qt.MouseButton.LeftButton


@pytest.fixture
def sid(focus_group_sid) -> str:  # noqa: ANN001
    return focus_group_sid


@pytest.fixture
def table(show, services, tasks, sid, fonts, thai_ui):  # noqa: ANN001
    return show(ParticipantsTable(services, tasks, sid, "th"), (1300, 600))


def _pick(qtbot, combo, value) -> None:  # noqa: ANN001
    """Choose ``value`` the way a keyboard user does: focus, move the index, activate."""
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _saved(qtbot, tasks, table) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not any(r.pending() for r in table.rows) and tasks.pending() == 0, timeout=3000)


def test_add_rows_with_codes_and_edit_in_place_saved_by_itself(qtbot, services, tasks, sid, table) -> None:
    assert "P01" in table.add_button.text()
    qtbot.mouseClick(table.add_button, L)
    qtbot.waitUntil(lambda: len(table.rows) == 1)
    qtbot.mouseClick(table.add_button, L)
    qtbot.waitUntil(lambda: len(table.rows) == 2)
    assert table.codes() == ["P01", "P02"] and "P03" in table.add_button.text()
    row = table.rows[1]
    _pick(qtbot, row.age, e.AgeBand.A45_59.value)
    _pick(qtbot, row.gender, e.Gender.NOT_STATED.value)
    _pick(qtbot, row.occupation, e.Occupation.FARMER.value)
    _pick(qtbot, row.province, "LPG")
    assert row.pending()  # debounced: not yet written …
    _saved(qtbot, tasks, table)  # … and written within the second, without a Save button
    p = {v.code: v for v in services.participants.list(sid)}["P02"]
    assert (p.age_band, p.gender, p.occupation, p.province_code) == (
        e.AgeBand.A45_59, e.Gender.NOT_STATED, e.Occupation.FARMER, "LPG")


def test_contact_fields_locked_until_consent_and_cleared_when_withdrawn(qtbot, services, tasks, sid, table) -> None:
    qtbot.mouseClick(table.add_button, L)
    qtbot.waitUntil(lambda: len(table.rows) == 1)
    row = table.rows[0]
    assert not row.name.isEnabled() and not row.phone.isEnabled() and not row.email.isEnabled()
    assert "ยินยอม" in row.phone.toolTip() and "consent" in row.phone.toolTip()
    assert "ยินยอม" in table.lock_note.text() and "consent" in table.lock_note.text()
    purpose = table.purpose.text()  # read out before consent: both languages, Thai first
    assert 0 <= purpose.index(CONSENT_PURPOSE_TH) < purpose.index(CONSENT_PURPOSE_EN)
    type_text(row.name, "สมชาย")  # a disabled field takes nothing
    assert row.name.text() == ""

    _pick(qtbot, row.consent, e.ConsentKind.VERBAL.value)
    assert row.name.isEnabled() and row.phone.isEnabled()
    row.name.setFocus()
    type_text(row.name, "สมชาย ใจดี")
    row.phone.setFocus()
    qtbot.keyClicks(row.phone, "081-234-5678")
    _saved(qtbot, tasks, table)
    pid = row.participant_id
    view = services.participants.list(sid)[0]
    assert view.consent == e.ConsentKind.VERBAL and view.has_contact
    assert services.participants.contact(pid).phone == "081-234-5678"

    _pick(qtbot, row.consent, e.ConsentKind.DECLINED.value)
    assert not row.name.isEnabled() and row.name.text() == ""
    _saved(qtbot, tasks, table)
    assert services.participants.contact(pid) is None  # personal data removed, not just hidden


def test_bad_phone_is_shown_beside_the_table_in_both_languages(qtbot, services, tasks, sid, table) -> None:
    qtbot.mouseClick(table.add_button, L)
    qtbot.waitUntil(lambda: len(table.rows) == 1)
    row = table.rows[0]
    _pick(qtbot, row.consent, e.ConsentKind.WRITTEN.value)
    row.phone.setFocus()
    qtbot.keyClicks(row.phone, "12ab")
    _saved(qtbot, tasks, table)
    assert table.error.isVisible() and "โทรศัพท์" in table.error.text() and "phone" in table.error.text()
    assert "c0392b" in row.phone.styleSheet()
    assert not services.participants.list(sid)[0].has_contact


def test_screenshot_thai(qtbot, services, tasks, sid, table, screenshot) -> None:
    from sala.domain.inputs import ParticipantInput

    services.participants.add(sid, ParticipantInput("P01", e.AgeBand.A60_PLUS, e.Gender.FEMALE, e.Occupation.FARMER,
                                                    "LPG", e.ConsentKind.WRITTEN, "บุญมี ศรีสุข", "0812345678"))
    services.participants.add(sid, ParticipantInput("P02", e.AgeBand.A18_24, e.Gender.NOT_STATED,
                                                    e.Occupation.STUDENT, "CMI", e.ConsentKind.DECLINED))
    services.participants.add(sid, ParticipantInput("P03"))
    table.reload()
    screenshot(table, "participants_th")
