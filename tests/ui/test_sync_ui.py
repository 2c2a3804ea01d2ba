"""The sync status widget and Sync now against a real ``sala-central`` process: the UI stays
responsive while the run goes on a worker thread, then shows the new counts and history."""

from __future__ import annotations

import pytest

from tests.integration.conftest import central_sqlite  # noqa: F401 - a real server fixture
from tests.integration.sync_helpers import enroll, fill, ledger


@pytest.fixture
def window(sync_window):
    return sync_window(1100, 500, network_attempts=3)


def test_sync_now_with_real_server_updates_status_and_history(window, services, central_sqlite,  # noqa: F811 - fixture
                                                              qtbot, screenshot) -> None:
    win, actions = window
    widget = actions.widget
    fill(services, 800, photos=[b"\xff\xd8\xff photo" * 100])
    actions.controller.refresh_status()
    assert "801" in widget.pending_label.text()
    enroll(services, central_sqlite)
    actions.controller.probe()
    qtbot.waitUntil(lambda: actions.controller.link is True, timeout=10_000)
    qtbot.waitUntil(lambda: not actions.controller.running and
                    services.sync.status().pending == 0, timeout=30_000)
    qtbot.waitUntil(lambda: widget.sync_button.isEnabled(), timeout=10_000)
    assert "0" in widget.pending_label.text()
    assert widget.link_label.text() == "● ออนไลน์"
    assert widget.last_label.text().startswith("ส่งล่าสุด")
    assert ledger(central_sqlite)["total"] == 801
    screenshot(win, "sync_status")
    dlg = actions.show_history()
    qtbot.addWidget(dlg)
    assert dlg.runs.rowCount() >= 1 and dlg.batches.rowCount() >= 1
    assert dlg.runs.item(0, 2).text() == "ส่งข้อมูลครบแล้ว"
    screenshot(dlg, "sync_dialog")


def test_no_link_shows_offline_message(window, services, qtbot) -> None:
    win, actions = window
    from sala.sync import identity
    with services.db.write() as s:
        identity.URL.put(s, "http://127.0.0.1:9")
    services.sync.identity.set_token("t")
    fill(services, 3)
    qtbot.mouseClick(actions.widget.sync_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(actions.controller.sig_finished, timeout=20_000) as sig:
        pass
    assert str(sig.args[0].outcome) == "no_link"
    assert "ติดต่อระบบกลางไม่ได้" in actions.widget.message
    assert actions.widget.link_label.text().startswith("○")
    actions.controller._retry_timer.stop()
