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
def sid(focus_group_sid) -> str:
    return focus_group_sid


@pytest.fixture
def table(show, services, tasks, sid, fonts, thai_ui):
    return show(ParticipantsTable(services, tasks, sid, "th"), (1300, 600))


def _pick(qtbot, combo, value) -> None:
    """Choose ``value`` the way a keyboard user does: focus, move the index, activate."""
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _saved(qtbot, tasks, table) -> None:
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


def test_bad_phone_is_refused_beside_the_field_and_a_good_one_shown_in_its_usual_form(
        qtbot, services, tasks, sid, table) -> None:
    qtbot.mouseClick(table.add_button, L)
    qtbot.waitUntil(lambda: len(table.rows) == 1)
    row = table.rows[0]
    _pick(qtbot, row.consent, e.ConsentKind.WRITTEN.value)
    _saved(qtbot, tasks, table)
    assert table.contacts.currentWidget() is row.contact_form and row.contact_title.text() == "ข้อมูลติดต่อของ P01"
    row.name.setFocus()
    type_text(row.name, "บุญมี ศรีสุข")
    row.phone.setFocus()
    qtbot.keyClicks(row.phone, "081-234-56")  # two digits short
    _saved(qtbot, tasks, table)
    error = row.field_errors["phone"]
    assert error.isVisible() and "โทรศัพท์" in error.text() and "phone" in error.text()
    assert error.text().index("โทรศัพท์") < error.text().index("phone")  # Thai first in the Thai UI
    assert "c0392b" in row.phone.styleSheet() and not table.error.isVisible()
    assert services.participants.contact(row.participant_id) is None  # nothing of the row was saved
    row.phone.selectAll()
    qtbot.keyClicks(row.phone, "0812345678")
    _saved(qtbot, tasks, table)
    row.email.setFocus()  # leaving the field
    assert row.phone.text() == "081-234-5678" and not error.isVisible()
    contact = services.participants.contact(row.participant_id)
    assert contact is not None and (contact.name, contact.phone) == ("บุญมี ศรีสุข", "081-234-5678")
    qtbot.keyClicks(row.email, "boonmee@example")
    _saved(qtbot, tasks, table)
    assert row.field_errors["email"].isVisible() and services.participants.contact(row.participant_id).email == ""


def test_table_fits_1366_without_sideways_scrolling(qtbot, services, tasks, sid, fonts, thai_ui, screenshot) -> None:
    from sala.domain.inputs import ParticipantInput
    from sala.ui.focus_group.page import FocusGroupPage

    for n in range(1, 7):
        services.participants.add(sid, ParticipantInput(f"P{n:02d}", e.AgeBand.A45_59, e.Gender.FEMALE,
                                                        e.Occupation.CIVIL_SERVANT, "NMA", e.ConsentKind.WRITTEN,
                                                        "บุญมี ศรีสุข", "0812345678", "boonmee@example.org"))
    page = FocusGroupPage(services, tasks, sid, "th")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.participants)
    t = page.participants
    qtbot.waitUntil(lambda: t.table.isVisible())
    row = t.rows[3]
    qtbot.mouseClick(row.occupation, L)  # a click into the row's cell brings its contact form
    row.occupation.hidePopup()
    assert t.table.currentRow() == 3 and t.contacts.currentWidget() is row.contact_form
    row.phone.setFocus()  # editing contacts: the code stays in sight, in the table and above the form
    sb = t.table.horizontalScrollBar()
    assert sb.maximum() == 0 and not sb.isVisible()
    code_cell = t.table.visualRect(t.table.model().index(3, 0))
    assert t.table.viewport().rect().contains(code_cell) and row.code.isVisible()
    assert row.contact_title.text() == "ข้อมูลติดต่อของ P04" and row.contact_title.isVisible()
    screenshot(page, "focus_group_participants_1366")


def test_screenshot_thai(qtbot, services, tasks, sid, table, screenshot) -> None:
    from sala.domain.inputs import ParticipantInput

    services.participants.add(sid, ParticipantInput("P01", e.AgeBand.A60_PLUS, e.Gender.FEMALE, e.Occupation.FARMER,
                                                    "LPG", e.ConsentKind.WRITTEN, "บุญมี ศรีสุข", "0812345678"))
    services.participants.add(sid, ParticipantInput("P02", e.AgeBand.A18_24, e.Gender.NOT_STATED,
                                                    e.Occupation.STUDENT, "CMI", e.ConsentKind.DECLINED))
    services.participants.add(sid, ParticipantInput("P03"))
    table.reload()
    screenshot(table, "participants_th")
