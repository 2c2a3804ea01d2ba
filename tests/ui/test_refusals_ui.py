"""Refused forwards in the GUI (issue 11, point 4 and its follow-up): a supervisor forwards a
bundle of a laptop the administrator revoked on the real ``sala-central``; after Sync now the
status bar says batches were refused, and Sync ▸ Refused forwards lists each with the laptop, the
bundle file and the reason in Thai — the service's English words kept under it as a detail —
wrapped inside the window at 1366x768. A supervisor dismisses one after a confirmation: it stays
on record (state "dismissed", an audit entry), no longer listed, and sent again if its bundle is
imported again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from sala.services import audit
from sala.storage.models import SyncBatch
from sala.ui.sync.refusals import RefusalsDialog
from tests.integration.conftest import central_sqlite  # noqa: F401 - a real server fixture
from tests.integration.sync_helpers import enroll, fill, laptop


@pytest.fixture
def window(sync_window):
    return sync_window(1366, 768, network_attempts=3)


def _open_refusals(qtbot, win, actions) -> RefusalsDialog:
    actions.action_refused.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(RefusalsDialog)), timeout=5_000)
    return [d for d in win.findChildren(RefusalsDialog) if d.isVisible()][-1]


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the next confirmation as a person would: read it, press ``button``."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, press)


def test_refused_forward_shown_in_thai_wrapped_and_dismissed(window, services, central_sqlite, qtbot,  # noqa: F811
                                                             tmp_path: Path, screenshot) -> None:
    win, actions = window
    field = laptop(tmp_path, "field")
    fill(field, 25)
    bundle = tmp_path / "tambon-7.sala"
    field.sync.export_bundle(bundle)
    enroll(field, central_sqlite)
    field_id = field.db.device_id
    field.close()
    assert "revoked" in central_sqlite.cli("devices", "revoke", field_id).stdout
    enroll(services, central_sqlite)
    services.sync.import_bundle(bundle)
    actions.controller.sync_now()
    qtbot.waitUntil(lambda: "ไม่รับ" in win.statusBar().currentMessage(), timeout=30_000)
    dlg = _open_refusals(qtbot, win, actions)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 1 and not dlg.empty.isVisible()
    row = [dlg.table.item(0, j).text() for j in range(5)]
    assert field_id in row[0] and row[1] == "25" and row[2] == "tambon-7.sala"
    # the reason in Thai first, the service's own words (and code) kept as a detail
    said, detail = row[3].split("\n", 1)
    assert said == "เครื่องที่สร้างข้อมูลนี้ถูกยกเลิกสิทธิ์ที่ระบบกลาง"
    assert detail.startswith("ระบบกลางแจ้งว่า:") and "origin_revoked" in detail and "revoked" in detail
    assert row[4]
    assert "นำเข้าชุดข้อมูลเดิมอีกครั้ง" in dlg.explain.text()

    # wrapped, not cut: on a 1366x768 screen the dialog fits, nothing scrolls sideways, and the
    # reason's cell is tall enough for its wrapped lines
    screen = QRect(0, 0, 1366, 768)
    assert screen.contains(QRect(0, 0, dlg.frameGeometry().width(), dlg.frameGeometry().height()))
    table = dlg.table
    assert not table.horizontalScrollBar().isVisible()
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert used <= table.viewport().width() + 1
    need = table.fontMetrics().boundingRect(QRect(0, 0, table.columnWidth(3) - 8, 10_000),
                                            int(Qt.TextFlag.TextWordWrap), row[3]).height()
    qtbot.waitUntil(lambda: need <= table.rowHeight(0) <= need + 3 * table.fontMetrics().height())
    screenshot(dlg, "sync_refusals")

    # dismiss: nothing selected → the button is off; cancelling the confirmation changes nothing
    assert not dlg.dismiss_button.isEnabled()
    table.selectRow(0)
    assert dlg.dismiss_button.isEnabled()
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Cancel, seen)
    assert dlg.dismiss() == 0
    assert seen and "25" in seen[0] and "ไม่ถูกลบ" in seen[0]
    assert table.rowCount() == 1
    _answer(QMessageBox.StandardButton.Yes, seen)
    assert dlg.dismiss() == 1
    assert table.rowCount() == 0 and dlg.empty.isVisible()
    with services.db.read() as s:
        (kept,) = s.scalars(select(SyncBatch).where(SyncBatch.device_id == field_id)).all()
        assert kept.state == "dismissed" and kept.body
        assert kept.result["error"]["code"] == "origin_revoked" and kept.result["dismissed_at"]
    with services.db.read() as s:
        assert [e.action for e in audit.entries(s)][-1] == audit.REFUSAL_DISMISS
    dlg.close()

    # the cause dealt with, the same bundle imported again: sent, and nothing is left refused
    assert "reinstated" in central_sqlite.cli("reinstate", field_id).stdout
    assert services.sync.import_bundle(bundle)["requeued"] == 1
    actions.controller.sync_now()
    qtbot.waitUntil(lambda: not actions.controller.running and services.sync.status().forwarded_open == 0,
                    timeout=30_000)
    dlg = _open_refusals(qtbot, win, actions)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0 and dlg.empty.isVisible()
