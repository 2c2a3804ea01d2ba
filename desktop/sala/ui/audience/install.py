"""Audience mode in the main window: File ▸ Audience mode, the pages' buttons, and the controller.

Start-up stays light: the controller (and with it the server, the QR code and numpy's word-cloud
layout, ~0.3 s of imports) is built the first time someone asks for audience mode. Until then the
hook only enables the menu item and wires each session page's button as the page is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from sala.ui.audience.page_button import AudienceButton

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.audience.audience_controller import AudienceController
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.shell.main_window import MainWindow


def _action_text(running: bool) -> str:
    return (QCoreApplication.translate("AudienceController", "Stop &audience mode") if running
            else QCoreApplication.translate("AudienceController", "&Audience mode (phones)…"))


class AudienceHook(QObject):
    """What the main window holds of audience mode until (and after) it is first used."""

    def __init__(self, window: MainWindow, services: Services, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._window, self._services, self._tasks = window, services, tasks
        self.controller: AudienceController | None = None
        """Built on first use (see :meth:`ensure`)."""
        self._wired: list[AudienceButton] = []
        self.action = QAction(_action_text(False), window)
        self.action.setObjectName("actionAudience")
        self.action.setEnabled(False)
        actions = window.file_menu.actions()
        window.file_menu.insertAction(actions[actions.index(window.action_summary) + 1], self.action)
        self.action.triggered.connect(self._triggered)
        window.stack.currentChanged.connect(self._page_changed)
        window.sig_language_changed.connect(self._language_changed)

    def ensure(self) -> AudienceController:
        """The controller, built now if it was not yet."""
        if self.controller is None:
            from sala.ui.audience.audience_controller import AudienceController

            c = AudienceController(self._window, self._services, self._tasks, lambda: self._window.lang)
            c.action = self.action
            c.sig_running_changed.connect(lambda _on: self.update_action())
            c.sig_page_status.connect(self.update_action)
            c.sig_accepted.connect(self._page_follows)
            self.controller = c
            c.page_shown(self._window.stack.currentWidget())
        return self.controller

    @property
    def running(self) -> bool:
        return self.controller is not None and self.controller.running

    def current_button(self) -> AudienceButton | None:
        button = getattr(self._window.stack.currentWidget(), "audience_button", None)
        return button if isinstance(button, AudienceButton) else None

    def update_action(self) -> None:
        button = self.current_button()
        self.action.setText(_action_text(self.running))
        self.action.setEnabled(self.running or (button is not None and button.isEnabled()))

    def _page_changed(self, _index: int) -> None:
        page = self._window.stack.currentWidget()
        button = self.current_button()
        if button is not None and button not in self._wired:
            self._wired.append(button)
            button.clicked.connect(lambda _c=False, p=page: self.ensure().toggle(p))
            button.destroyed.connect(lambda _o=None, b=button: self._wired.remove(b) if b in self._wired else None)
            header = getattr(page, "header", None)
            if header is not None and hasattr(header, "sig_changed"):
                header.sig_changed.connect(lambda _d: self.update_action())
        if self.controller is not None:
            self.controller.page_shown(page)
        self.update_action()

    def _triggered(self) -> None:
        if self.running and self.controller is not None:
            self.controller.stop()
        elif self.current_button() is not None:
            self.ensure().toggle(self._window.stack.currentWidget())
        self.update_action()

    def _language_changed(self, _lang: str) -> None:
        if self.controller is not None:
            self.controller.relanguage()
        self.update_action()

    def _page_follows(self, session_id: str) -> None:
        """The page of ``session_id``, if shown, reloads what phones' accepted submissions changed."""
        page: QWidget | None = self._window.stack.currentWidget()
        header = getattr(page, "header", None)
        changed = getattr(page, "audience_changed", None)
        if header is not None and header.detail.id == session_id and callable(changed):
            changed()


def install_audience_ui(window: MainWindow, services: Services, tasks: TaskRunner) -> AudienceHook:
    """File ▸ Audience mode and the pages' buttons; the controller comes on first use."""
    return AudienceHook(window, services, tasks)
