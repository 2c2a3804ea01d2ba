"""The main window's menus: File and View, their actions, their words and their keys.

Built with the window's shell, before its first paint (the menu bar shows at once); the actions
that need the database stay disabled until the services are attached. Their words are the main
window's (translation context ``MainWindow``). The keys are bound after the first paint
(:func:`add_shortcuts`): the first ``QKeySequence`` builds Qt's key enums, which the first screen
need not wait for.
"""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from sala.ui.shell.i18n import LANGUAGE_NAMES


class MenuHost(Protocol):
    """What the menus are built on and call: the main window (``ui/shell/main_window.py``)."""

    lang: str
    file_menu: QMenu
    view_menu: QMenu
    lang_menu: QMenu
    action_new: QAction
    action_backup: QAction
    action_settings: QAction
    action_quit: QAction
    action_summary: QAction
    action_period: QAction
    action_export: QAction
    action_sessions: QAction
    action_back: QAction
    action_dashboard: QAction
    language_actions: dict[str, QAction]

    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def new_session(self) -> None: ...
    def backup_now(self) -> None: ...
    def open_settings(self) -> QWidget | None: ...
    def session_summary(self) -> None: ...
    def period_report(self) -> None: ...
    def export_data(self) -> None: ...
    def show_list(self) -> None: ...
    def back_to_list(self, from_escape: bool = False) -> None: ...
    def show_dashboard(self) -> None: ...
    def set_language(self, lang: str) -> None: ...


def build(window: MenuHost) -> None:
    """Add the menus and their actions to ``window``; :func:`retranslate` sets their words."""
    owner = cast(QObject, window)  # the actions' parent: they go with the window
    window.file_menu = file_menu = window.menuBar().addMenu("")
    window.action_new = QAction(owner)
    window.action_new.triggered.connect(window.new_session)
    window.action_backup = QAction(owner)
    window.action_backup.triggered.connect(window.backup_now)
    window.action_settings = QAction(owner)
    window.action_settings.setObjectName("actionSettings")
    window.action_settings.triggered.connect(window.open_settings)
    window.action_quit = QAction(owner)
    window.action_quit.triggered.connect(window.close)
    window.action_summary = QAction(owner)
    window.action_summary.triggered.connect(window.session_summary)
    window.action_period = QAction(owner)
    window.action_period.triggered.connect(window.period_report)
    window.action_export = QAction(owner)
    window.action_export.triggered.connect(window.export_data)
    for a in (window.action_new, window.action_backup, window.action_settings):
        file_menu.addAction(a)
    file_menu.addSeparator()
    for a in (window.action_summary, window.action_period, window.action_export):
        file_menu.addAction(a)
    file_menu.addSeparator()
    file_menu.addAction(window.action_quit)
    window.action_sessions = QAction(owner)
    window.action_sessions.triggered.connect(window.show_list)
    # Back from a session page to the list: Alt+Left always; Esc too when no field used it
    # (see MainWindow.keyPressEvent), so an editor's Esc still cancels its edit.
    window.action_back = QAction(owner)
    window.action_back.triggered.connect(window.back_to_list)
    window.action_dashboard = QAction(owner)
    window.action_dashboard.triggered.connect(window.show_dashboard)
    window.view_menu = view = window.menuBar().addMenu("")
    view.addAction(window.action_sessions)
    view.addAction(window.action_back)
    view.addAction(window.action_dashboard)
    window.lang_menu = view.addMenu("")
    group = QActionGroup(owner)
    window.language_actions = {}
    for code, label in LANGUAGE_NAMES:  # each language in its own words, in either UI language
        act = QAction(label, owner, checkable=True, checked=(code == window.lang))
        act.triggered.connect(lambda _=False, c=code: window.set_language(c))
        group.addAction(act)
        window.lang_menu.addAction(act)
        window.language_actions[code] = act


def retranslate(window: MenuHost) -> None:
    """The menus' words in the current UI language."""
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.action_new.setText(QCoreApplication.translate("MainWindow", "&New session…"))
    window.action_backup.setText(QCoreApplication.translate("MainWindow", "&Back up now"))
    window.action_settings.setText(QCoreApplication.translate("MainWindow", "Se&ttings…"))
    window.action_quit.setText(QCoreApplication.translate("MainWindow", "&Quit"))
    window.action_summary.setText(QCoreApplication.translate("MainWindow", "Session &summary…"))
    window.action_period.setText(QCoreApplication.translate("MainWindow", "&Period report…"))
    window.action_export.setText(QCoreApplication.translate("MainWindow", "&Export…"))
    window.action_sessions.setText(QCoreApplication.translate("MainWindow", "&Sessions"))
    window.action_back.setText(QCoreApplication.translate("MainWindow", "&Back to the session list"))
    window.action_dashboard.setText(QCoreApplication.translate("MainWindow", "&Dashboard"))
    window.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
    window.lang_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))


def add_shortcuts(window: MenuHost) -> None:
    """Bind the menus' keys (once the list has painted: see the module's note)."""
    from PySide6.QtGui import QKeySequence

    keys = ((window.action_new, QKeySequence.StandardKey.New), (window.action_quit, QKeySequence.StandardKey.Quit),
            (window.action_summary, QKeySequence.StandardKey.Print), (window.action_sessions, "Ctrl+L"),
            (window.action_dashboard, "Ctrl+D"), (window.action_back, "Alt+Left"),
            (window.action_settings, "Ctrl+,"))
    for action, key in keys:
        if action.shortcut().isEmpty():
            action.setShortcut(QKeySequence(key))
