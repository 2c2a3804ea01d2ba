"""The sync controller of a window that is gone does not answer the writer any more: a restore
builds a new window over the same task runner, and the old controller's connection to the writer's
busy signal raised "QTimer already deleted" on the next write (found walking issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from sala.ui.sync.controller import SyncController


def test_a_deleted_controller_is_not_called_when_the_writer_falls_idle(qtbot, services, tasks) -> None:
    owner = QObject()
    controller = SyncController(services.sync, owner)
    controller.watch_writes(tasks)
    with qtbot.waitSignal(controller.destroyed):
        owner.deleteLater()
    done: list[int] = []
    with qtbot.captureExceptions() as raised:
        tasks.run(lambda: 1, done.append)
        qtbot.waitUntil(lambda: bool(done))
        tasks.wait_idle(10.0)
        QApplication.processEvents()
    assert raised == []


def test_a_live_controller_reads_the_status_again_after_a_write(qtbot, services, tasks) -> None:
    owner = QObject()
    controller = SyncController(services.sync, owner)
    controller.watch_writes(tasks, delay_ms=10)
    with qtbot.waitSignal(controller.sig_status, timeout=10_000):
        tasks.run(lambda: None)
    owner.deleteLater()
