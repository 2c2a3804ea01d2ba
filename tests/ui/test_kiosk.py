"""Exhibition kiosk by touch: PIN set on first use, visitors tap faces and proposals, the form
resets, staff see the tally; Escape never leaves; a wrong PIN is refused in Thai and English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.storage.models import Rating, Vote
from sala.ui.kiosk.staff_page import KioskStaffPage
from sala.ui.kiosk.visitor import KioskVisitor
from tests.fake_clock import FakeClock
from tests.typing import type_text

L = Qt.MouseButton.LeftButton


@pytest.fixture
def sid(services) -> str:
    sid = services.sessions.create(SessionInput("นิทรรศการงบประมาณแบบมีส่วนร่วม ชลบุรี", e.SessionKind.EXHIBITION,
                                                province="CBI")).id
    for title in ("ปรับปรุงสวนสาธารณะริมทะเล", "ทางเท้าและทางจักรยาน", "ไฟส่องสว่างในซอย", "ตลาดชุมชน"):
        services.exhibition.add_proposal(sid, title)
    return sid


@pytest.fixture
def staff(show, services, tasks, sid, fonts, thai_ui):
    return show(KioskStaffPage(services, tasks, sid, "th"), (1200, 760))


def _tap_pin(qtbot, dialog, pin: str) -> None:
    for ch in pin:
        qtbot.mouseClick(dialog.keys[ch], L)
    qtbot.mouseClick(dialog.keys["OK"], L)


def _unlock(qtbot, kiosk, pin: str) -> None:
    qtbot.mouseClick(kiosk.staff_button, L)
    _tap_pin(qtbot, kiosk.pin_dialog, pin)


def test_first_use_sets_pin_then_visitors_vote_and_staff_tally_updates(qtbot, services, tasks, sid, staff) -> None:
    qtbot.mouseClick(staff.start_button, L)
    dlg = staff.pin_dialog
    assert dlg is not None and staff.kiosk is None
    _tap_pin(qtbot, dlg, "1357")
    _tap_pin(qtbot, dlg, "1358")  # mismatch: start over, said in both languages
    qtbot.waitUntil(lambda: "ไม่ตรงกัน" in dlg.message.text())  # the PIN is hashed on the writer
    assert "do not match" in dlg.message.text() and dlg.keys["OK"].isEnabled()
    _tap_pin(qtbot, dlg, "1357")
    _tap_pin(qtbot, dlg, "1357")
    qtbot.waitUntil(lambda: staff.kiosk is not None)
    assert services.kiosk_pin.verify("1357")
    kiosk = staff.kiosk
    assert kiosk is not None and kiosk.isFullScreen()
    qtbot.waitExposed(kiosk)

    ids = list(kiosk.proposal_buttons)
    assert not kiosk.save_button.isEnabled()  # a face is needed first
    qtbot.mouseClick(kiosk.faces.button(5), L)
    qtbot.mouseClick(kiosk.proposal_buttons[ids[0]], L)
    qtbot.mouseClick(kiosk.proposal_buttons[ids[2]], L)
    kiosk.comment.setFocus()
    type_text(kiosk.comment, "อยากให้มีที่นั่งพัก")
    qtbot.mouseClick(kiosk.age_buttons[e.AgeBand.A25_34], L)
    qtbot.mouseClick(kiosk.save_button, L)
    qtbot.waitUntil(lambda: kiosk.score() is None)
    # reset for the next visitor at once, with thanks
    assert kiosk.chosen_proposals() == [] and kiosk.comment.text() == "" and kiosk.chosen_age() is None
    assert kiosk.thanks.text()
    qtbot.mouseClick(kiosk.faces.button(2), L)
    qtbot.mouseClick(kiosk.proposal_buttons[ids[0]], L)
    qtbot.mouseClick(kiosk.save_button, L)
    qtbot.waitUntil(lambda: tasks.pending() == 0)

    with services.db.read() as s:
        ratings = sorted((r.score, r.comment, r.age_band) for r in s.scalars(select(Rating)))
        votes = sorted(v.proposal_id for v in s.scalars(select(Vote)))
    assert ratings == [(2, "", None), (5, "อยากให้มีที่นั่งพัก", e.AgeBand.A25_34)]
    assert votes == sorted([ids[0], ids[0], ids[2]])
    assert "2" in staff.tally.summary.text() and "3.50" in staff.tally.summary.text()

    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
    kiosk.close()  # Alt+F4 and the like: refused, asks for the PIN
    assert kiosk.isVisible() and kiosk.pin_dialog.isVisible()
    clock = services.kiosk_pin.backoff.clock = FakeClock()  # the wait after a wrong PIN, without sleeping
    _tap_pin(qtbot, kiosk.pin_dialog, "0000")
    qtbot.waitUntil(lambda: "ไม่ถูกต้อง" in kiosk.pin_dialog.message.text())  # checked on the writer
    assert "Wrong PIN" in kiosk.pin_dialog.message.text()
    assert kiosk.isVisible()
    assert "1 วินาที" in kiosk.pin_dialog.countdown.text() and "1 s" in kiosk.pin_dialog.countdown.text()
    assert not kiosk.pin_dialog.keys["OK"].isEnabled()
    clock.advance(1)
    qtbot.waitUntil(lambda: kiosk.pin_dialog.keys["OK"].isEnabled())
    _tap_pin(qtbot, kiosk.pin_dialog, "1357")
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_dot_votes_are_limited_and_age_band_toggles(qtbot, services, tasks, sid, fonts, thai_ui) -> None:
    kiosk = KioskVisitor(services, tasks, sid, "th")
    qtbot.addWidget(kiosk)
    kiosk.show()
    buttons = list(kiosk.proposal_buttons.values())
    for b in buttons:  # four taps, three dots
        qtbot.mouseClick(b, L)
    assert len(kiosk.chosen_proposals()) == 3 and not buttons[3].isChecked()
    assert "0" in kiosk.votes_label.text()
    qtbot.mouseClick(kiosk.age_buttons[e.AgeBand.A18_24], L)
    qtbot.mouseClick(kiosk.age_buttons[e.AgeBand.A60_PLUS], L)
    assert kiosk.chosen_age() == e.AgeBand.A60_PLUS
    qtbot.mouseClick(kiosk.age_buttons[e.AgeBand.A60_PLUS], L)
    assert kiosk.chosen_age() is None
    kiosk.leave()


def test_touch_targets_are_big_and_screenshot(qtbot, services, tasks, sid, fonts, thai_ui, screenshot) -> None:
    kiosk = KioskVisitor(services, tasks, sid, "th")
    qtbot.addWidget(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    qtbot.mouseClick(kiosk.faces.button(4), L)
    qtbot.mouseClick(list(kiosk.proposal_buttons.values())[1], L)
    targets = [*kiosk.faces.buttons(), *kiosk.proposal_buttons.values(), *kiosk.age_buttons.values(), kiosk.save_button]
    assert min(min(b.width(), b.height()) for b in targets) >= 48
    screenshot(kiosk, "kiosk_th")
    kiosk.leave()


def test_staff_page_screenshot(qtbot, services, sid, staff, screenshot) -> None:
    for score, votes in ((5, [0, 1]), (4, [0]), (4, [2]), (2, [])):
        pids = [p.id for p in services.exhibition.proposals(sid)]
        services.exhibition.record_visit(sid, score, [pids[i] for i in votes])
    staff.refresh_tally()
    screenshot(staff, "kiosk_staff_th")
