"""Why a sync failed, in the GUI's sync status (issue 11): a laptop enrolled with a real
``sala-central`` finds a server at its address that trickles its answer's headers a byte at a
time; Sync now ends, and the status bar of the real window (1366x768) says the link stalled, in
Thai, and in English once the user switches language; the next successful run clears it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from sala.sync.engine import RetryPolicy
from sala.ui.shell.i18n import switch_language
from sala.ui.sync.install import install_sync_ui
from tests.faults.test_header_trickle import HeaderTrickler
from tests.integration.conftest import central_sqlite  # noqa: F401 - a real server fixture
from tests.integration.sync_helpers import enroll, fill, point_at


@pytest.fixture
def trickler() -> Iterator[HeaderTrickler]:
    t = HeaderTrickler().start()
    yield t
    t.close()


def test_stall_reason_shown_in_the_status_in_both_languages(qtbot, services, tasks, thai_ui, trickler,
                                                            central_sqlite, screenshot) -> None:  # noqa: F811
    win = QMainWindow()
    qtbot.addWidget(win)
    actions = install_sync_ui(win, services.sync, tasks, "th", start=False, probe_interval_ms=3_600_000,
                              policy=RetryPolicy(base=0.02, cap=0.1, network_attempts=2, stall=0.3))
    win.resize(1366, 768)
    win.show()
    widget = actions.widget
    try:
        fill(services, 4)
        enroll(services, central_sqlite)
        point_at(services, trickler.url)
        assert not widget.reason_label.isVisible()
        with qtbot.waitSignal(actions.controller.sig_finished, timeout=30_000) as done:
            actions.controller.sync_now()
        assert str(done.args[0].outcome) == "no_link"
        label = widget.reason_label
        assert label.isVisible()
        assert "การเชื่อมต่อค้าง" in label.text() and "0.3 วินาที" in label.text()
        assert "ติดต่อระบบกลางไม่ได้" in label.toolTip() and "การเชื่อมต่อค้าง" in label.toolTip()
        assert "การเชื่อมต่อค้าง" in win.statusBar().currentMessage()
        screenshot(win, "sync_status_stalled_th")

        switch_language(QApplication.instance(), "en")
        actions.retranslate("en")
        assert "The link stalled" in label.text() and "0.3 s" in label.text()
        assert "Cannot reach the central platform" in label.toolTip()
        assert "ค้าง" not in label.text()
        screenshot(win, "sync_status_stalled_en")

        point_at(services, central_sqlite.url)        # the link is back
        with qtbot.waitSignal(actions.controller.sig_finished, timeout=30_000) as done:
            actions.controller.sync_now()
        assert str(done.args[0].outcome) == "ok"
        assert not label.isVisible() and label.text() == ""
    finally:
        switch_language(QApplication.instance(), "th")
        actions.controller.stop()
        actions.controller.wait()
