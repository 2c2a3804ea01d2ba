"""File ▸ Participant rights (PDPA)… in the main window; the dialog is built when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.privacy.rights_dialog import ParticipantRightsDialog
    from sala.ui.shell.main_window import MainWindow


def _text() -> str:
    return QCoreApplication.translate("ParticipantRights", "Participant &rights (PDPA)…")


class PrivacyHook(QObject):
    """The menu action and the dialog it opens (one at a time, window-modal)."""

    def __init__(self, window: MainWindow, services: Services, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._window, self._services, self._tasks = window, services, tasks
        self.dialog: ParticipantRightsDialog | None = None
        self.action = QAction(_text(), window)
        self.action.setObjectName("actionParticipantRights")
        actions = window.file_menu.actions()
        window.file_menu.insertAction(actions[actions.index(window.action_export) + 1], self.action)
        self.action.triggered.connect(self.open)
        window.sig_language_changed.connect(lambda _lang: self.action.setText(_text()))

    def open(self) -> ParticipantRightsDialog:
        from sala.ui.privacy.rights_dialog import ParticipantRightsDialog

        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dlg = ParticipantRightsDialog(self._services, self._tasks, self._window.lang, self._window)
        dlg.finished.connect(dlg.deleteLater)
        dlg.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()
        return dlg


def install_privacy_ui(window: MainWindow, services: Services, tasks: TaskRunner) -> PrivacyHook:
    return PrivacyHook(window, services, tasks)
