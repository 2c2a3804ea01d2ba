"""Sync with no server and no link, in the real window: the status and the messages say what is
true (issue 10: "Sync, settings, list")."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.fieldday import flows
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    press,
    run_modal,
    tab_to,
    type_text,
)
from tests.integration.servers import free_port


def test_sync_now_with_no_server_does_not_say_online(sala_app, qtbot, shots):
    window = sala_app.window
    actions = window.sync_actions
    widget = actions.widget
    with qtbot.waitSignal(actions.controller.sig_finished, timeout=WAIT_MS) as blocker:
        flows.menu_action(qtbot, window, actions.action_sync)
    shots.take("synced-offline")
    assert_all_visible_inside_screen(window)
    outcome = str(getattr(blocker.args[0], "outcome", ""))
    assert outcome != "ok", f"nothing could be sent, yet the run says {outcome!r}"
    assert widget.link_label.text() != widget.tr("● Online"), \
        f"not enrolled and no server, yet the status says {widget.link_label.text()!r}"


def test_failed_enroll_does_not_promise_automatic_sending(sala_app, qtbot, shots):
    window = sala_app.window
    actions = window.sync_actions
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    said: dict[str, str] = {}

    def fill(dlg) -> None:
        tab_to(dlg.url)
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(dead)
        tab_to(dlg.code)
        type_text("ABCD-EFGH")
        press(Qt.Key.Key_Return)

    def read_error(box) -> None:
        said["text"] = box.text()
        shots.take("enroll-failed")
        assert_all_visible_inside_screen(window)
        press(Qt.Key.Key_Return)

    run_modal(qtbot, lambda: flows.menu_action(qtbot, window, actions.action_enroll), fill)
    run_modal(qtbot, lambda: None, read_error, QMessageBox)
    text = said["text"]
    assert "อัตโนมัติ" not in text and "will be sent" not in text, \
        f"the laptop is not enrolled, yet the message promises automatic sending:\n{text}"
    assert not actions.sync.server_url() or actions.sync.status().enrolled is False


def test_sync_history_says_what_happened_in_plain_words(sala_app, central, qtbot, shots):
    """Demo sessions sent to a real sala-central: the history reads "received by the central
    platform", not HTTP 200 and byte counts."""
    from sala.services import demo
    from sala.ui.sync.history_dialog import SyncDialog

    window = sala_app.window
    demo.generate(sala_app.services.db, 3)
    flows.enroll(qtbot, window, shots, central.url, central.code)
    report = flows.sync_now(qtbot, window, shots)
    assert str(report.outcome) == "ok", report
    assert window.sync_actions.widget.link_label.text() == window.sync_actions.widget.tr("● Online")
    flows.menu_action(qtbot, window, window.sync_actions.action_history)
    qtbot.waitUntil(lambda: any(isinstance(t, SyncDialog) and t.isVisible()
                                for t in QApplication.topLevelWidgets()), timeout=WAIT_MS)
    dlg = next(t for t in QApplication.topLevelWidgets() if isinstance(t, SyncDialog))
    qtbot.waitUntil(dlg.isActiveWindow, timeout=WAIT_MS)
    shots.take("history")
    assert_all_visible_inside_screen(window)
    headers = [dlg.batches.horizontalHeaderItem(c).text() for c in range(dlg.batches.columnCount())]
    headers += [dlg.runs.horizontalHeaderItem(c).text() for c in range(dlg.runs.columnCount())]
    assert not any("HTTP" in h or "Bytes" in h or "ไบต์" in h for h in headers), headers
    cells = [dlg.batches.item(r, c).text() for r in range(dlg.batches.rowCount())
             for c in range(dlg.batches.columnCount())]
    assert dlg.batches.rowCount() >= 1, "the run's batches are listed"
    results = [dlg.batches.item(r, dlg.batches.columnCount() - 1).text() for r in range(dlg.batches.rowCount())]
    assert all(r.startswith("ระบบกลางรับแล้ว") for r in results), results
    assert "200" not in " ".join(cells), cells
    size = dlg.runs.item(0, dlg.runs.columnCount() - 1).text()
    assert size.endswith(("kB", "MB")), size
    dlg.close()



def test_finalizing_a_session_shows_at_once_in_the_waiting_count(sala_app, qtbot, shots):
    """Before: the status bar said "5036 waiting" after a finalize had put five more records in the
    outbox, until the next sync attempt. A field officer reads that figure to know what is left."""
    window = sala_app.window
    widget = window.sync_actions.widget
    sync = window.sync_actions.sync
    def shows(n: int) -> bool:
        return re.search(rf"(?<![\d,]){n}(?![\d,])", widget.pending_label.text()) is not None

    before = sync.status().pending
    qtbot.waitUntil(lambda: shows(before), timeout=WAIT_MS)
    flows.create_session(qtbot, window, shots, kind_index=0, venue="โรงเรียนบ้านหนองบัว",
                         province="ขอนแก่น", district="เมืองขอนแก่น", topic_index=0, facilitators="สมศรี ใจดี")
    flows.move(qtbot, window, shots, "openButton", "open")
    tab_to(flows.page(window).capture.box)
    type_text("อยากให้มีรถรับส่งนักเรียนช่วงหมอกควัน")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: flows.page(window).model.total() == 1, timeout=WAIT_MS)
    flows.move(qtbot, window, shots, "closeButton", "closed")
    flows.finalize(qtbot, window, shots)
    after = sync.status().pending
    assert after > before, "finalizing queued nothing to send"
    qtbot.waitUntil(lambda: shows(after), timeout=WAIT_MS)
    shots.take("waiting-count-after-finalize")
