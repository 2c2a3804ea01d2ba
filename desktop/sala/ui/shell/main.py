"""GUI start-up: fonts, translations, the composition root, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sala.paths import APP_AUTHOR, APP_NAME, AppPaths, resources_dir
from sala.ui.shell import crash_guard, qt_fixes
from sala.ui.shell.fonts import FIRST_STYLES, register_fonts
from sala.ui.shell.i18n import SETTINGS_KEY, current_language, install_translators

log = logging.getLogger(__name__)


def make_settings(paths: AppPaths) -> QSettings:
    """Settings live beside the data (an ini file), so a pointed-elsewhere data folder is whole."""
    return QSettings(str(paths.data_dir / "settings.ini"), QSettings.Format.IniFormat)


def run_gui(db_path: Path | None = None, lang: str | None = None) -> int:
    """Start the GUI: the window shows before the database opens (see ``ui/shell/startup.py``)."""
    from sala.ui.shell.startup import Startup, pause_gc, resume_gc

    pause_gc()  # until the session list has painted (or the start fails)
    try:
        app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
        app.setOrganizationName(APP_AUTHOR)
        app.setApplicationName(APP_NAME)
        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sala-256.png")))  # read when first shown
        app.setDesktopFileName("sala")  # the installed menu entry (packaging/linux/sala.desktop), for Wayland
        qt_fixes.install()  # once, before any page is built: a PySide6 that leaks is patched (see qt_fixes)
        paths = AppPaths.resolve(db_path).ensure()  # the rotating log is set up by the first task
        register_fonts(app, styles=FIRST_STYLES)  # the other styles once the database is open
        settings = make_settings(paths)
        lang = current_language(settings, lang)
        translators = install_translators(app, lang)  # noqa: F841 - kept alive for the app's life
        guard = crash_guard.install(lambda: str(settings.value(SETTINGS_KEY, lang)))
        startup = Startup(paths, settings, lang)
        startup.begin()
        try:
            code = app.exec()
        finally:
            startup.close()
            crash_guard.uninstall(guard)
        return startup.exit_code or code
    finally:
        resume_gc()
