"""Staff give a proposal its English name on the exhibition page; an English kiosk and tally show it,
and the Thai title where none was given (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.kiosk.visitor import KioskVisitor
from tests.typing import type_text

PARK, PARK_EN = "ปรับปรุงสวนสาธารณะริมทะเล", "Seaside park upgrade"
PATH, PATH_EN = "ทางเท้าและทางจักรยาน", "Footpaths and cycle lanes"


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("นิทรรศการงบประมาณ", e.SessionKind.EXHIBITION, province="CBI")).id


def test_staff_type_an_english_name_and_an_english_kiosk_shows_it(qtbot, show, services, tasks, sid, fonts,
                                                                   thai_ui) -> None:
    staff = show(KioskStaffPage(services, tasks, sid, "th"), (1366, 768))
    for thai, english in ((PARK, PARK_EN), (PATH, "")):
        staff.new_proposal.setFocus()
        type_text(staff.new_proposal, thai)
        if english:
            type_text(staff.new_proposal_en, english)
        qtbot.keyClick(staff.new_proposal_en if english else staff.new_proposal, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda t=thai: any(p.title == t for p in services.exhibition.proposals(sid)))
    qtbot.waitUntil(lambda: staff.new_proposal.text() == "" and staff.new_proposal_en.text() == "")
    stored = {p.title: p.title_en for p in services.exhibition.proposals(sid)}
    assert stored == {PARK: PARK_EN, PATH: ""}

    # Each proposal's English name sits beside its Thai name; F2 on it, type, Enter saves it.
    assert staff.editor.names() == [(PARK, PARK_EN), (PATH, "")]
    staff.proposals.setFocus()
    staff.proposals.setCurrentCell(1, 1)
    qtbot.keyClick(staff.proposals, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == ""
    type_text(editor, PATH_EN)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.exhibition.proposals(sid)[1].title_en == PATH_EN, timeout=10_000)
    assert services.exhibition.proposals(sid)[1].title == PATH  # the Thai title is untouched
    qtbot.waitUntil(lambda: staff.editor.names() == [(PARK, PARK_EN), (PATH, PATH_EN)])

    services.exhibition.rename_proposal(services.exhibition.proposals(sid)[1].id, PATH, "")  # back to none
    kiosk = show(KioskVisitor(services, tasks, sid, "en"), (1366, 768))
    assert [b.text() for b in kiosk.proposal_buttons.values()] == [PARK_EN, PATH]  # Thai where none was given
    thai_kiosk = show(KioskVisitor(services, tasks, sid, "th"), (1366, 768))
    assert [b.text() for b in thai_kiosk.proposal_buttons.values()] == [PARK, PATH]
    for k in (kiosk, thai_kiosk):
        k.leave()  # closed otherwise, it asks for the PIN: a modal pad left up for the next tests

    english_staff = show(KioskStaffPage(services, tasks, sid, "en"), (1366, 768))
    assert english_staff.tally._labels[5:] == [PARK_EN, PATH]
    assert staff.tally._labels[5:] == [PARK, PATH]
