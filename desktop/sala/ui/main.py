"""GUI start-up: fonts, translations, the composition root, the main window."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sala.bootstrap import build_services, resolve_paths, setup_logging
from sala.domain.errors import SalaError
from sala.domain.thaitext import warm_up
from sala.paths import APP_AUTHOR, APP_NAME, AppPaths
from sala.storage import backup
from sala.storage.errors import CorruptDatabaseError
from sala.ui.fonts import register_fonts
from sala.ui.i18n import current_language, install_translators

log = logging.getLogger(__name__)


def make_settings(paths: AppPaths) -> QSettings:
    """Settings live beside the data (an ini file), so a pointed-elsewhere data folder is whole."""
    return QSettings(str(paths.data_dir / "settings.ini"), QSettings.Format.IniFormat)


def open_services_interactively(paths: AppPaths, lang: str):
    """Build services; on a damaged database offer to restore the newest backup."""
    while True:
        try:
            return build_services(paths)
        except CorruptDatabaseError as exc:
            if exc.backup is None:
                QMessageBox.critical(None, "Sala", exc.bilingual())
                return None
            answer = QMessageBox.question(
                None, "Sala",
                f"{exc.bilingual()}\n\nกู้คืนจากสำเนาสำรอง {exc.backup.name} หรือไม่? (ไฟล์ที่เสียหายจะถูกเก็บไว้)\n"
                f"Restore the backup {exc.backup.name}? (The damaged file is kept aside.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            aside = backup.restore(exc.backup, exc.path)
            log.warning("restored %s from %s; damaged copy kept at %s", exc.path, exc.backup, aside)
        except SalaError as exc:
            QMessageBox.critical(None, "Sala", exc.bilingual())
            return None


def run_gui(db_path: Path | None = None, lang: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    paths = resolve_paths(db_path).ensure()
    setup_logging(paths)
    # The segmentation dictionary loads off the critical path while the window comes up.
    threading.Thread(target=warm_up, name="thai-warm-up", daemon=True).start()
    register_fonts(app)
    settings = make_settings(paths)
    lang = current_language(settings, lang)
    translators = install_translators(app, lang)  # noqa: F841 - kept alive for the app's life
    services = open_services_interactively(paths, lang)
    if services is None:
        return 1
    from sala.ui.app import create_main_window, reopen_last_session
    from sala.ui.tasks import TaskRunner

    tasks = TaskRunner()
    window = create_main_window(services, tasks, settings, lang)
    window.show()
    reopen_last_session(window, settings)
    try:
        return app.exec()
    finally:
        tasks.shutdown()
        services.close()
