"""File ▸ Participant rights (PDPA)… in the main window; the dialog is built when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.privacy.audit_dialog import AuditLogDialog
    from sala.ui.privacy.rights_dialog import ParticipantRightsDialog
    from sala.ui.shell.main_window import MainWindow


def _text() -> str:
    return QCoreApplication.translate("ParticipantRights", "Participant &rights (PDPA)…")


def _audit_text() -> str:
    return QCoreApplication.translate("ParticipantRights", "A&udit log…")


class PrivacyHook(QObject):
    """The menu action and the dialog it opens (one at a time, window-modal)."""

    def __init__(self, window: MainWindow, services: Services, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._window, self._services, self._tasks = window, services, tasks
        self.dialog: ParticipantRightsDialog | None = None
        self.audit_dialog: AuditLogDialog | None = None
        self.action = QAction(_text(), window)
        self.action.setObjectName("actionParticipantRights")
        actions = window.file_menu.actions()
        self.action.triggered.connect(self.open)
        self.audit_action = QAction(_audit_text(), window)
        self.audit_action.setObjectName("actionAuditLog")
        window.file_menu.insertAction(actions[actions.index(window.action_export) + 1], self.audit_action)
        window.file_menu.insertAction(self.audit_action, self.action)
        self.audit_action.triggered.connect(self.open_audit)
        window.sig_language_changed.connect(self._retranslate)

    def _retranslate(self, _lang: str) -> None:
        self.action.setText(_text())
        self.audit_action.setText(_audit_text())

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

    def open_audit(self) -> AuditLogDialog:
        from sala.ui.privacy.audit_dialog import AuditLogDialog

        if self.audit_dialog is not None:
            self.audit_dialog.raise_()
            return self.audit_dialog
        dlg = AuditLogDialog(self._services, self._tasks, self._window.lang, self._window)
        dlg.finished.connect(dlg.deleteLater)
        dlg.destroyed.connect(lambda: setattr(self, "audit_dialog", None))
        self.audit_dialog = dlg
        dlg.open()
        return dlg


def install_privacy_ui(window: MainWindow, services: Services, tasks: TaskRunner) -> PrivacyHook:
    return PrivacyHook(window, services, tasks)
