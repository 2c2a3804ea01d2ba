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


def _cut_cells(table) -> list[str]:
    """Cells whose text, wrapped at the column's width, is wider or taller than the cell."""
    cut = []
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            text = str(table.model().index(r, c).data())
            box = table.fontMetrics().boundingRect(QRect(0, 0, table.columnWidth(c) - 8, 10_000),
                                                   int(Qt.TextFlag.TextWordWrap), text)
            if box.width() > table.columnWidth(c) - 6 or box.height() > table.rowHeight(r):
                cut.append(f"({r}, {c}) {text!r}: needs {box.width()}x{box.height()}, "
                           f"has {table.columnWidth(c)}x{table.rowHeight(r)}")
    return cut


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
    row = [str(dlg.table.model().index(0, j).data()).replace("\u200b", "") for j in range(5)]  # zero-width: wrap places
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
    qtbot.waitUntil(lambda: not _cut_cells(table))
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


def test_refused_forward_reason_in_the_english_ui(window, services, tasks, central_sqlite, qtbot,  # noqa: F811
                                                  tmp_path: Path, qapp, screenshot) -> None:
    """The same refusal read in the English UI: the reason in English (no Thai), wrapped inside the
    dialog at 1366x768; the field-day walk saw English in the Thai UI, cut at the right edge."""
    from sala.ui.shell.i18n import switch_language

    win, actions = window
    field = laptop(tmp_path, "field")
    fill(field, 3)
    bundle = tmp_path / "tambon-8.sala"
    field.sync.export_bundle(bundle)
    enroll(field, central_sqlite)
    field_id = field.db.device_id
    field.close()
    central_sqlite.cli("devices", "revoke", field_id)
    enroll(services, central_sqlite)
    services.sync.import_bundle(bundle)
    actions.controller.sync_now()
    qtbot.waitUntil(lambda: "ไม่รับ" in win.statusBar().currentMessage(), timeout=30_000)
    switch_language(qapp, "en")
    try:
        dlg = RefusalsDialog(services.sync, "en", tasks)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        reason = str(dlg.table.model().index(0, 3).data())
        said, detail = reason.split("\n", 1)
        assert said == "The laptop that made this record was revoked on the central platform"
        assert detail.startswith("The service said:") and "origin_revoked" in detail
        assert not any("\u0e00" <= ch <= "\u0e7f" for ch in reason + dlg.explain.text())
        table = dlg.table
        assert not table.horizontalScrollBar().isVisible()
        assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width() + 1
        need = table.fontMetrics().boundingRect(QRect(0, 0, table.columnWidth(3) - 8, 10_000),
                                                int(Qt.TextFlag.TextWordWrap), reason).height()
        qtbot.waitUntil(lambda: need <= table.rowHeight(0))
        qtbot.waitUntil(lambda: not _cut_cells(table))  # the laptop's id too: it ran past its column
        screenshot(dlg, "sync_refusals_en")
    finally:
        switch_language(qapp, "th")


def test_a_laptop_id_wraps_inside_its_column(qtbot, fonts) -> None:
    """A UUID whose every '-' comes before a digit has no place to wrap (Unicode line breaking): it
    ran past the laptop column. breakable() gives it places; the text stays the id."""
    from PySide6.QtWidgets import QTableWidget

    from sala.ui.sync.refusals import breakable

    uid = "vm (01a230db-98b4-7135-8fba-3c0e2c1f9a11)"
    table = QTableWidget()
    qtbot.addWidget(table)
    fm = table.fontMetrics()
    width = 200
    flags = int(Qt.TextFlag.TextWordWrap)
    assert fm.boundingRect(QRect(0, 0, width, 10_000), flags, uid).width() > width  # the defect
    shown = breakable(uid)
    assert fm.boundingRect(QRect(0, 0, width, 10_000), flags, shown).width() <= width
    assert shown.replace("\u200b", "") == uid
