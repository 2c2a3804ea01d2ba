"""Building the GUI over the services: the window, its pages and dialogs (the UI's wiring)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from sala.bootstrap import Services
from sala.ui.main_window import MainWindow
from sala.ui.tasks import TaskRunner


def create_main_window(services: Services, tasks: TaskRunner, settings: QSettings, lang: str) -> MainWindow:
    """The main window with every page factory and dialog it may open, given explicitly."""
    return MainWindow(services, tasks, settings, lang, pages={}, new_session=None)
