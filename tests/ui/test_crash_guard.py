"""A bug in a slot reaches the log with its traceback and the user as a message, not only stderr."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sala.ui.shell import crash_guard


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_and_shown(qtbot, caplog):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    guard = crash_guard.install(lambda: "th")
    seen: list[str] = []

    def read_box() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, read_box)
            return
        seen.append(box.text())
        box.close()

    def broken_slot() -> None:
        raise RuntimeError("page factory failed")

    try:
        with caplog.at_level(logging.ERROR, logger="sala.bug"):
            QTimer.singleShot(0, read_box)
            QTimer.singleShot(0, broken_slot)
            qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    finally:
        crash_guard.uninstall(guard)
    assert "ข้อผิดพลาดภายในโปรแกรม" in seen[0] and "internal error" in seen[0]
    record = next(r for r in caplog.records if r.name == "sala.bug")
    assert record.exc_info and "page factory failed" in str(record.exc_info[1])
