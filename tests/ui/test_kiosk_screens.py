"""The kiosk fits any screen from 1024x600 to 1920x1080: every face, proposal, age band, Send and
the exit lie inside the window; proposals wrap their text instead of widening the window; the
faces take the room that is left. Screenshots of each size are written and checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.kiosk.visitor import KioskVisitor

SIZES = [(1024, 600), (1366, 768), (1920, 1080)]
LONG = ["ปรับปรุงสวนสาธารณะริมทะเลให้มีทางเดินร่มรื่น ที่นั่งพัก ห้องน้ำสาธารณะ และไฟส่องสว่างตลอดแนวชายหาด",
        "จัดรถโดยสารประจำทางเชื่อมตลาดชุมชน โรงพยาบาลส่งเสริมสุขภาพตำบล และโรงเรียนในทุกตำบลของอำเภอ"]


def _session(services, titles: list[str]) -> str:
    sid = services.sessions.create(SessionInput("นิทรรศการงบประมาณแบบมีส่วนร่วม ชลบุรี", e.SessionKind.EXHIBITION,
                                                province="CBI")).id
    for t in titles:
        services.exhibition.add_proposal(sid, t)
    return sid


def _settle() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


def _controls(kiosk: KioskVisitor) -> list:
    return [*kiosk.faces.buttons(), *kiosk.proposal_buttons.values(), *kiosk.age_buttons.values(),
            kiosk.save_button, kiosk.staff_button, kiosk.comment]


def _outside(kiosk: KioskVisitor) -> list[str]:
    inside = QRect(0, 0, kiosk.width(), kiosk.height())
    out = []
    for w in _controls(kiosk):
        r = QRect(w.mapTo(kiosk, w.rect().topLeft()), w.size())
        if not inside.contains(r):
            out.append(f"{w.objectName()} at {r.getRect()}")
    return out


@pytest.mark.parametrize("titles", [LONG, [*LONG, "ตลาดชุมชน", "ไฟส่องสว่างในซอย"]], ids=["two_long", "four"])
def test_kiosk_fits_every_screen_size(qtbot, services, tasks, fonts, thai_ui, screenshot, tmp_path, titles) -> None:
    kiosk = KioskVisitor(services, tasks, _session(services, titles), "th")
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitExposed(kiosk)
    _settle()
    hint = kiosk.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint.toTuple()
    names = {w.objectName() for w in _controls(kiosk)}
    assert {"kioskFace1", "kioskFace3", "kioskFace5", "kioskSend", "kioskExitButton", "kioskProposal1",
            "kioskProposal2", "kioskComment"} <= names
    qtbot.mouseClick(kiosk.faces.button(5), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(list(kiosk.proposal_buttons.values())[1], Qt.MouseButton.LeftButton)
    face_sides = []
    for w, h in SIZES:
        kiosk.resize(w, h)
        _settle()
        assert (kiosk.width(), kiosk.height()) == (w, h)
        assert not _outside(kiosk), f"{w}x{h}: {_outside(kiosk)}"
        for b in kiosk.proposal_buttons.values():  # the whole proposal is readable, wrapped
            assert b.height() >= b.heightForWidth(b.width()), (w, h, b.text())
        assert min(min(b.width(), b.height()) for b in _controls(kiosk) if isinstance(b, QAbstractButton)) >= 48
        assert isinstance(kiosk.comment, QLineEdit) and kiosk.comment.height() >= 40
        face_sides.append(min(kiosk.faces.button(3).width(), kiosk.faces.button(3).height()))
        image = kiosk.grab().toImage()
        assert image.save(str(tmp_path / f"kiosk_{len(titles)}_{w}x{h}.png"))
        if (w, h) == (1366, 768):
            screenshot(kiosk, f"kiosk_{len(titles)}_checked")
    assert face_sides == sorted(face_sides) and face_sides[-1] > face_sides[0]  # the faces scale up
    kiosk.leave()


def test_neutral_face_says_fair_not_ok(qtbot, services, tasks, fonts, thai_ui) -> None:
    kiosk = KioskVisitor(services, tasks, _session(services, []), "th")
    qtbot.addWidget(kiosk)
    assert [kiosk.faces.button(n).text() for n in range(1, 6)] == ["แย่มาก", "แย่", "พอใช้", "ดี", "ดีมาก"]
    assert not kiosk.votes_label.isVisibleTo(kiosk)  # no proposals, no dots to spend
    kiosk.leave()
