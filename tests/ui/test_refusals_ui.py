"""Refused forwards in the GUI (issue 11, point 4): a supervisor forwards a bundle from a
laptop the real ``sala-central`` does not know; after Sync now the status bar says batches
were refused, and Sync ▸ Refused forwards lists each with the laptop, the bundle file and the
service's reason — and, once the bundle is imported again and the laptop is known, none."""

from __future__ import annotations

from pathlib import Path

import pytest

from sala.ui.sync.refusals import RefusalsDialog
from tests.integration.conftest import central_sqlite  # noqa: F401 - a real server fixture
from tests.integration.sync_helpers import enroll, fill, laptop


@pytest.fixture
def window(sync_window):
    return sync_window(1366, 768, network_attempts=3)


def _open_refusals(qtbot, win, actions) -> RefusalsDialog:
    actions.action_refused.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(RefusalsDialog)), timeout=5_000)
    dlg = [d for d in win.findChildren(RefusalsDialog) if d.isVisible()][-1]
    return dlg


def test_refused_forward_shown_with_reason(window, services, central_sqlite, qtbot,  # noqa: F811 - fixture
                                           tmp_path: Path, screenshot) -> None:
    win, actions = window
    field = laptop(tmp_path, "field")
    fill(field, 25)
    bundle = tmp_path / "tambon-7.sala"
    field.sync.export_bundle(bundle)
    enroll(services, central_sqlite)
    services.sync.import_bundle(bundle)
    actions.controller.sync_now()
    qtbot.waitUntil(lambda: "ไม่รับ" in win.statusBar().currentMessage(), timeout=30_000)
    dlg = _open_refusals(qtbot, win, actions)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1 and not dlg.empty.isVisible()
    row = [dlg.table.item(0, j).text() for j in range(5)]
    assert field.db.device_id in row[0] and row[1] == "25" and row[2] == "tambon-7.sala"
    assert row[3] and row[4]                           # the service's reason, and when
    assert "นำเข้าชุดข้อมูลเดิมอีกครั้ง" in dlg.explain.text()
    screenshot(dlg, "sync_refusals")
    dlg.close()

    services.sync.import_bundle(bundle)                # dealt with: known, then imported again
    enroll(field, central_sqlite)
    field.close()
    actions.controller.sync_now()
    qtbot.waitUntil(lambda: not actions.controller.running and services.sync.status().forwarded_open == 0,
                    timeout=30_000)
    dlg = _open_refusals(qtbot, win, actions)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and dlg.empty.isVisible()
