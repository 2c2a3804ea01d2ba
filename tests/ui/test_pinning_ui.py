"""The GUI says why it will not talk to a server: plain http:// refused without the box ticked,
and a rogue server at the sync address named as such (issue 11.3). Real server processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sala.sync import identity
from sala.ui.sync.install import EnrollDialog
from tests.integration.conftest import central_sqlite  # noqa: F401 - a real server fixture
from tests.integration.sync_helpers import enroll, fill, point_at
from tests.integration.test_pinning import Rogue, rogues, start_rogue  # noqa: F401 - fixture


@pytest.fixture
def window(sync_window):
    return sync_window(1366, 768, network_attempts=2)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr("sala.ui.common.errors.QMessageBox.warning",
                        lambda _parent, _title, text: said.append(text))
    return said


def test_enroll_dialog_has_the_plain_http_box_unticked(qtbot, thai_ui) -> None:
    dlg = EnrollDialog("")
    qtbot.addWidget(dlg)
    assert not dlg.allow_http.isChecked()
    assert "HTTP" in dlg.allow_http.text() and "ไม่เข้ารหัส" in dlg.allow_http.text()


def test_enroll_at_an_http_address_says_why_it_is_refused(window, services, qtbot, warnings) -> None:
    _win, actions = window
    actions.enroll("http://192.0.2.1:8765", "ABCD-EFGH")     # TEST-NET: never connected to
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "ไม่เข้ารหัส" in warnings[0] and "https://" in warnings[0]
    with services.db.read() as s:
        assert identity.URL.get(s) is None


def test_sync_against_a_rogue_shows_it_is_not_the_trusted_platform(
        window, services, central_sqlite, tmp_path: Path, rogues: list[Rogue], qtbot,  # noqa: F811
        screenshot) -> None:
    win, actions = window
    enroll(services, central_sqlite)
    fill(services, 2)
    rogue = start_rogue(tmp_path, "own_key", central_sqlite.url)
    rogues.append(rogue)
    point_at(services, rogue.url)
    qtbot.mouseClick(actions.widget.sync_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(actions.controller.sig_finished, timeout=20_000) as sig:
        pass
    assert str(sig.args[0].outcome) == "wrong_server"
    assert "ไม่ใช่ระบบกลางที่เครื่องนี้เชื่อถือ" in actions.widget.message
    assert all(r["authorization"] is None for r in rogue.requests())
    assert services.sync.status().pending == 2
    screenshot(win, "sync_wrong_server")
    actions.controller._retry_timer.stop()
