"""Start-up: a damaged database is met with a message and the offer to restore, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sala.bootstrap import build_services
from sala.ui.main import open_services_interactively


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(20, click)


def test_damaged_database_offers_the_latest_backup_and_restores_it(qapp, app_paths):
    services = build_services(app_paths)
    from sala.domain.inputs import SessionInput

    services.sessions.create(SessionInput(title="เวทีที่ต้องไม่หาย", kind="minitalk", province="LPG"))
    services.db.backup("daily")
    services.close()
    with open(app_paths.database, "r+b") as fh:
        fh.seek(0)
        fh.write(b"\x00" * 100)  # the header is gone: not a database any more
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Yes, seen)
    restored = open_services_interactively(app_paths, "th")
    assert restored is not None
    assert seen and "เสียหาย" in seen[0] and "damaged" in seen[0]
    assert [r.title for r in restored.sessions.list()] == ["เวทีที่ต้องไม่หาย"]
    assert list(app_paths.data_dir.glob("*.damaged-*")), "the damaged file is kept aside"
    restored.close()


def test_declining_the_restore_stops_cleanly(qapp, app_paths):
    build_services(app_paths).close()
    app_paths.database.write_bytes(b"garbage" * 1000)
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Ok, seen)
    assert open_services_interactively(app_paths, "en") is None
    assert seen and "No backup" in seen[0]
