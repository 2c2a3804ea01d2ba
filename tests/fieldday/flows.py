"""Steps every field-day flow shares, done as a user does them: by keyboard in the real window."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sala.domain.clock import BANGKOK
from tests.fieldday.helpers import (
    WAIT_MS,
    answer_message_box,
    assert_all_visible_inside_screen,
    closed,
    describe,
    pdf_text,
    press,
    run_modal,
    shortcut,
    tab_to,
    type_text,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def local_now() -> datetime:
    return datetime.now(BANGKOK)


def create_session(qtbot: Any, window: Any, shots: Any, *, kind_index: int, venue: str, province: str,
                   district: str, topic_index: int, facilitators: str) -> str:
    """Ctrl+N, fill the New session dialog by keyboard, Enter; returns the new session's id once
    its page shows."""
    def fill(dlg: QDialog) -> str:
        shots.take("new-session-dialog")
        assert_all_visible_inside_screen(window)
        tab_to(dlg.kind)
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Down, times=kind_index)
        tab_to(dlg.venue_name)
        type_text(venue)
        tab_to(dlg.province)
        type_text(province)
        tab_to(dlg.district)
        type_text(district)
        tab_to(dlg.topics)
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Down, times=topic_index)
        press(Qt.Key.Key_Space)
        tab_to(dlg.facilitators)
        type_text(facilitators)
        shots.take("new-session-filled")
        assert_all_visible_inside_screen(window)
        title = dlg.title.text()
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: closed(dlg), timeout=WAIT_MS)
        assert dlg.session_id, f"not created: {title!r}"
        return dlg.session_id

    sid = run_modal(qtbot, lambda: shortcut(window, Qt.Key.Key_N, CTRL), fill)
    qtbot.waitUntil(lambda: page(window) is not None and page(window).isVisible(), timeout=WAIT_MS)
    return sid


def page(window: Any) -> Any:
    return window._session_page


def button(window: QWidget, name: str) -> QPushButton:
    b = window.findChild(QPushButton, name)
    assert b is not None, f"no button named {name!r}"
    return b


def press_button(b: QAbstractButton, backward: bool = True) -> None:
    """Tab to ``b`` and press Space, as a keyboard user does (Shift+Tab by default: the header's
    buttons come before the capture area, and Tab from there would enter the entries table)."""
    assert b.isVisible() and b.isEnabled(), f"{b.text()!r} is not there to press"
    tab_to(b, backward=backward)
    press(Qt.Key.Key_Space)


def status_of(window: Any) -> str:
    return page(window).header.detail.status.value


def move(qtbot: Any, window: Any, shots: Any, name: str, expected: str) -> None:
    """Press a lifecycle button of the header (openButton, closeButton…) and wait for the status."""
    press_button(button(window, name))
    qtbot.waitUntil(lambda: status_of(window) == expected, timeout=WAIT_MS)
    shots.take(expected)
    assert_all_visible_inside_screen(window)


def record_head_count(qtbot: Any, window: Any, shots: Any, total: int) -> None:
    def fill(dlg: QDialog) -> None:
        shots.take("head-count-dialog")
        assert_all_visible_inside_screen(window)
        tab_to(dlg.findChild(QWidget, "attendanceTotal"))
        press(Qt.Key.Key_A, CTRL)
        type_text(str(total))
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: closed(dlg), timeout=WAIT_MS)

    run_modal(qtbot, lambda: press_button(button(window, "attendanceButton")), fill)
    qtbot.waitUntil(lambda: page(window).header.detail.attendance_total == total, timeout=WAIT_MS)


def finalize(qtbot: Any, window: Any, shots: Any) -> str:
    question = answer_message_box(qtbot, lambda: press_button(button(window, "finalizeButton")),
                                  QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: status_of(window) == "finalized", timeout=WAIT_MS)
    shots.take("finalized")
    assert_all_visible_inside_screen(window)
    return question


def print_summary(qtbot: Any, window: Any, shots: Any) -> Path:
    """"Print summary" on the session page: the summary dialog, Enter makes the PDF."""
    def make(dlg: QDialog) -> Path:
        dlg.open_when_done = False  # no system PDF viewer under Xvfb (the dialog's own test switch)
        shots.take("print-dialog")
        assert_all_visible_inside_screen(window)
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.written is not None, timeout=WAIT_MS)
        shots.take("printed")
        written = Path(dlg.written)
        press(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: closed(dlg), timeout=WAIT_MS)
        return written

    pdf = run_modal(qtbot, lambda: press_button(button(window, "printButton")), make)
    assert pdf.is_file() and pdf.stat().st_size > 0
    return pdf


def check_pdf_times(text: str, detail: Any, before: datetime, after: datetime, planned: tuple[str, str]) -> None:
    """The planned times (the dialog's 09:00 and the kind's duration) and the actual start and
    close the app recorded (``detail``: between ``before`` and ``after``, the test's own clock),
    printed in Bangkok time (this machine's clock is UTC: a UTC time would show)."""
    assert planned[0] in text and planned[1] in text, f"the planned times {planned} (local) are printed"
    for name in ("started_at", "ended_at"):
        when = getattr(detail, name)
        assert when is not None and before - timedelta(seconds=1) <= when <= after + timedelta(seconds=1), (name, when)
        local = f"{when.astimezone(BANGKOK):%H:%M}"
        assert local in text, f"the actual {name} {local} (Bangkok) is printed"
        utc = f"{when.astimezone(UTC):%H:%M}"
        assert utc == local or utc not in text.split("เวลาจริง")[-1][:40], f"{name} printed in UTC ({utc})"


def be_year(when: datetime) -> str:
    return str(when.astimezone(BANGKOK).year + 543)


def menu_action(qtbot: Any, window: Any, action: Any) -> None:
    """Open the menu holding ``action`` from the menu bar and pick it with the arrow keys and Enter.
    (The menu is opened as a click on its title or Alt+its letter would: the Thai mnemonics are
    Thai letters, which a test cannot type as a shortcut reliably.)"""
    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.menu() is not None and action in a.menu().actions())
    bar.setActiveAction(menu.menuAction())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu, timeout=WAIT_MS)
    assert_all_visible_inside_screen(window)
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()]
    for _ in range(len(items) + 1):  # Down until the item is highlighted, as the eye follows it
        if menu.activeAction() is action:
            break
        press(Qt.Key.Key_Down)
    assert menu.activeAction() is action, (menu.activeAction().text() if menu.activeAction() else None)
    press(Qt.Key.Key_Return)


def enroll(qtbot: Any, window: Any, shots: Any, url: str, code: str) -> None:
    actions = window.sync_actions

    def fill(dlg: QDialog) -> None:
        shots.take("enroll-dialog")
        assert_all_visible_inside_screen(window)
        tab_to(dlg.url)
        press(Qt.Key.Key_A, CTRL)
        type_text(url)
        tab_to(dlg.code)
        type_text(code)
        press(Qt.Key.Key_Return)

    run_modal(qtbot, lambda: menu_action(qtbot, window, actions.action_enroll), fill)
    qtbot.waitUntil(lambda: actions.sync.server_url() == url, timeout=WAIT_MS)


def sync_now(qtbot: Any, window: Any, shots: Any) -> Any:
    actions = window.sync_actions
    with qtbot.waitSignal(actions.controller.sig_finished, timeout=WAIT_MS) as blocker:
        menu_action(qtbot, window, actions.action_sync)
    shots.take("synced")
    return blocker.args[0]


def landed(server: Any) -> dict[tuple[str, str], dict]:
    """Every record on the server's database: (id, type) → body."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server.db_url)
    try:
        with engine.connect() as c:
            rows = c.execute(text("select id, type, body from records"))
            return {(rid, typ): json.loads(body) for rid, typ, body in rows}
    finally:
        engine.dispose()


def pdf(path: Path) -> str:
    return pdf_text(path)


# -- exhibitions ---------------------------------------------------------------------------------

PIN = "2468"


def tap(widget: QWidget) -> None:
    """A visitor's tap (the kiosk is used by touch): a mouse click in the middle of ``widget``."""
    from PySide6.QtTest import QTest

    assert widget.isVisible() and widget.isEnabled(), describe(widget)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def pin_pad(qtbot: Any, dlg: QDialog, pin: str, times: int) -> None:
    """Type ``pin`` on the PIN pad's own buttons and Confirm, ``times`` times (2 to set it)."""
    for _ in range(times):
        for digit in pin:
            tap(dlg.keys[digit])
        tap(dlg.keys["OK"])
    qtbot.waitUntil(lambda: closed(dlg), timeout=WAIT_MS)


def add_proposals(qtbot: Any, page: Any, proposals: list[str]) -> None:
    tab_to(page.new_proposal)
    for n, title in enumerate(proposals, start=1):
        type_text(title)
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=n: page.proposals.rowCount() == n and not page.new_proposal.text(),
                        timeout=WAIT_MS)


def kiosk_visits(qtbot: Any, page: Any, shots: Any, visits: list[tuple[int, list[int], str]],
                 screen: Any = None) -> Any:
    """Start kiosk mode from the staff page (choosing the PIN the first time), let each visitor
    (face 1–5, proposals by index, a comment) tap through and Send, then leave with the PIN.
    Returns the kiosk window (closed)."""
    from tests.fieldday.helpers import SCREEN

    screen = screen or SCREEN
    first_time = page.pin_dialog is None and not page._services.kiosk_pin.is_set()
    if first_time:
        run_modal(qtbot, lambda: press_button(page.start_button, backward=False),
                  lambda dlg: pin_pad(qtbot, dlg, PIN, 2))
    else:
        press_button(page.start_button, backward=False)
    qtbot.waitUntil(lambda: page.kiosk is not None and page.kiosk.isVisible() and page.kiosk.isActiveWindow(),
                    timeout=WAIT_MS)
    kiosk = page.kiosk
    qtbot.waitUntil(lambda: kiosk.windowHandle().isExposed() and kiosk.geometry().width() >= screen.width() * 0.9,
                    timeout=WAIT_MS)
    shots.take("kiosk")
    assert_all_visible_inside_screen(kiosk, screen)
    ids = list(kiosk.proposal_buttons)
    for n, (face, chosen, comment) in enumerate(visits, start=1):
        tap(kiosk.faces.button(face))
        for i in chosen:
            tap(kiosk.proposal_buttons[ids[i]])
        if comment:
            tap(kiosk.comment)
            type_text(comment)
        shots.take(f"kiosk-visitor-{n}")
        assert_all_visible_inside_screen(kiosk, screen)
        with qtbot.waitSignal(kiosk.sig_visit_saved, timeout=WAIT_MS):
            tap(kiosk.save_button)
        assert kiosk.score() is None and not kiosk.chosen_proposals(), "the form is clean for the next visitor"
    run_modal(qtbot, lambda: tap(kiosk.staff_button), lambda dlg: pin_pad(qtbot, dlg, PIN, 1))
    qtbot.waitUntil(lambda: closed(kiosk), timeout=WAIT_MS)
    # the staff page has the keyboard again (the window manager gives the focus back)
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=WAIT_MS)
    return kiosk
