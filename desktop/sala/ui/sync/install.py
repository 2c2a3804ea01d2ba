"""Putting sync into the main window: the status-bar widget, a Sync menu, and its actions
(enroll, USB bundle export/import, history). Called once from ``app.create_main_window``.

Enroll and bundles run on the TaskRunner (the one background writer); a sync run uses the
controller's own worker thread. Every failure reaches the user as a Thai/English message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from sala.domain.provinces import find_province
from sala.services.supervisor_pin import BUNDLE_IMPORT, SupervisorPin
from sala.sync.deployment import take_notice
from sala.sync.service import SyncService
from sala.ui.common.errors import bilingual, show_error
from sala.ui.common.status_bar import GIVES_WAY, FittingStatusBar
from sala.ui.common.supervisor_guard import require_supervisor
from sala.ui.common.tasks import TaskRunner
from sala.ui.sync.bundle_place import default_bundle_path, default_open_folder
from sala.ui.sync.controller import SyncController, enroll_failure
from sala.ui.sync.history_dialog import SyncDialog
from sala.ui.sync.refusals import RefusalsDialog, refusals_note, refused
from sala.ui.sync.status import SyncStatusWidget

log = logging.getLogger(__name__)


class EnrollDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enroll this laptop"))
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://")
        self.code = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Central platform address"), self.url)
        form.addRow(self.tr("Enrollment code"), self.code)
        # https:// is the rule; plain HTTP only when the user says so (the refusal says why)
        self.allow_http = QCheckBox(self.tr("Allow plain HTTP (unencrypted: only on a network "
                                            "your administrator says is safe)"))
        form.addRow("", self.allow_http)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SyncActions(QObject):
    """Menu actions of sync, bound to one window."""

    def __init__(self, window: QMainWindow, sync: SyncService, tasks: TaskRunner,
                 controller: SyncController, lang: str) -> None:
        super().__init__(window)
        self.window, self.sync, self.tasks, self.controller, self.lang = window, sync, tasks, controller, lang
        self._open: list[tuple[QDialog, Callable[[], QDialog]]] = []
        self.supervisor: SupervisorPin | None = None
        """Guards bundle import when set (``install_sync_ui(..., supervisor=)``)."""
        self.menu = menu = window.menuBar().addMenu("")
        self.action_sync = self._add(menu, controller.sync_now)
        self.action_history = self._add(menu, self.show_history)
        self.action_refused = self._add(menu, self.show_refusals)
        menu.addSeparator()
        self.action_enroll = self._add(menu, self.enroll)
        self.action_export = self._add(menu, self.export_bundle)
        self.action_import = self._add(menu, self.import_bundle)
        self.action_setup = self._add(menu, self.setup_deployment)
        self._set_texts()

    def _set_texts(self) -> None:
        self.menu.setTitle(self.tr("&Sync"))
        self.action_sync.setText(self.tr("Sync now"))
        self.action_history.setText(self.tr("History and refused records…"))
        self.action_refused.setText(self.tr("Refused forwards…"))
        self.action_enroll.setText(self.tr("Enroll this laptop…"))
        self.action_export.setText(self.tr("Export USB bundle…"))
        self.action_import.setText(self.tr("Import USB bundle…"))
        self.action_setup.setText(self.tr("Set up from a deployment file…"))

    def retranslate(self, lang: str) -> None:
        """Say the menu and the status again in ``lang`` (the user switched the UI language)."""
        self.lang = lang
        self._set_texts()
        self.window.statusBar().clearMessage()   # a passing message in the other language
        widget = getattr(self, "widget", None)
        if widget is not None:
            widget.retranslate(lang)
        self._reopen_in_new_language()

    def _add(self, menu, slot) -> QAction:
        a = QAction(self.window)
        a.triggered.connect(lambda _=False: slot())
        menu.addAction(a)
        return a

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    def show_history(self) -> SyncDialog:
        dlg = SyncDialog(self.sync, self.lang, self.window)
        self._keep(dlg, self.show_history)
        dlg.show()
        return dlg

    def show_refusals(self) -> RefusalsDialog:
        dlg = RefusalsDialog(self.sync, self.lang, self.tasks, self.window,
                             supervisor=getattr(self, "supervisor", None))
        self._keep(dlg, self.show_refusals)
        dlg.show()
        return dlg

    def _keep(self, dlg: QDialog, remake: Callable[[], QDialog]) -> None:
        """Remember an open (modeless) dialog, so a language switch can show it again in the new
        language; forgotten when it closes."""
        self._open.append((dlg, remake))
        dlg.finished.connect(lambda _r=0, d=dlg: self._forget(d))

    def _forget(self, dlg: QDialog) -> None:
        self._open = [(d, r) for d, r in self._open if d is not dlg]

    def _reopen_in_new_language(self) -> None:
        """The history and refusal dialogs hold nothing typed: each open one is built again in the
        UI's language, where it was, on the tab it showed, and the old one closed."""
        for old, remake in list(self._open):
            self._forget(old)
            if not old.isVisible():
                continue
            geometry, tabs = old.geometry(), [t.currentIndex() for t in old.findChildren(QTabWidget)]
            new = remake()
            new.setGeometry(geometry)
            for tab, index in zip(new.findChildren(QTabWidget), tabs, strict=False):
                tab.setCurrentIndex(index)
            old.close()
            old.deleteLater()

    def enroll(self, url: str | None = None, code: str | None = None,
               allow_http: bool = False) -> None:
        if url is None or code is None:
            dlg = EnrollDialog(self.sync.server_url() or "", self.window)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            url, code = dlg.url.text().strip(), dlg.code.text().strip()
            allow_http = dlg.allow_http.isChecked()

        def enrolled(_where: object) -> None:
            self._say(self.tr("This laptop is enrolled"))
            self.controller.refresh_status()
            self.controller.probe()

        self.tasks.run(lambda: self.sync.enroll(url, code, allow_http=allow_http), enrolled,
                       lambda exc: show_error(self.window, enroll_failure(exc, url or ""), self.lang))

    def setup_deployment(self, path: Path | None = None) -> None:
        """Trust the platform named in a signed deployment file (``sala setup FILE``)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Deployment file"), str(default_open_folder()),
                                                  self.tr("Sala deployment file (*.json)"))
            if not name:
                return
            path = Path(name)

        def done(info: dict) -> None:
            self.controller.refresh_status()
            self.confirm_adopted(info)

        self.tasks.run(lambda: self.sync.adopt_deployment(path), done,
                       lambda exc: show_error(self.window, exc, self.lang))

    def confirm_adopted(self, info: dict) -> QMessageBox:
        """Say in a box whom this laptop trusts now and what the file set. A box, not the status
        bar: there the permanent widgets cut a long address short (seen at 1366x768: "…ที่
        https://sala.ex"), and an office checks here that the file set what it expected."""
        lines = [self.tr("This laptop now trusts %1 at %2")
                 .replace("%1", info["name"] or info["server_id"]).replace("%2", info["url"])]
        header = " · ".join(x for x in (info["agency"], info["unit"]) if x)
        if header:
            lines.append(self.tr("Reports are headed: %1").replace("%1", header))
        province = find_province(info["province"]) if info["province"] else None
        if province is not None:
            lines.append(self.tr("New sessions start in: %1").replace("%1", province.label(self.lang)))
        return self._box(QMessageBox.Icon.Information, "deploymentAdopted", "\n".join(lines))

    def show_start_notice(self, notice: dict | None) -> None:
        """What became of the deployment file beside the app at this start (``sync.deployment``):
        adopted, or refused with the reason in both languages. Said once per file."""
        if not notice:
            return
        if notice.get("kind") == "adopted":
            self.confirm_adopted(notice)
            return
        text = bilingual(str(notice.get("th", "")), str(notice.get("en", "")), self.lang, "\n\n")
        where = self.tr("File: %1").replace("%1", str(notice.get("path", "")))
        self._box(QMessageBox.Icon.Warning, "deploymentRefused", f"{text}\n\n{where}")

    def _box(self, icon: QMessageBox.Icon, name: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, "Sala", text, parent=self.window)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window stays usable behind it
        return box

    def export_bundle(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export USB bundle"),
                                                  str(default_bundle_path(self.sync.db, self.lang)),
                                                  self.tr("Sala USB bundle (*.sala)"))
            if not name:
                return
            path = Path(name)
        self.tasks.run(lambda: self.sync.export_bundle(path),
                       lambda info: self._say(self.tr("Bundle written: %1 records, %2 photos")
                                              .replace("%1", str(info["records"]))
                                              .replace("%2", str(info["photos"]))),
                       lambda exc: show_error(self.window, exc, self.lang))

    def import_bundle(self, path: Path | None = None) -> None:
        """A supervisor act: the supervisor PIN first (``supervisor_guard``), then the file."""
        supervisor = self.supervisor
        if supervisor is not None and not require_supervisor(self.window, supervisor, BUNDLE_IMPORT, self.lang,
                                                             self.tasks):
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import USB bundle"), str(default_open_folder()),
                                                  self.tr("Sala USB bundle (*.sala)"))
            if not name:
                return
            path = Path(name)
        chosen, sync = path, self.sync

        def work() -> dict:
            info = sync.import_bundle(chosen)
            if supervisor is not None:  # the audit log says who imported which laptop's records
                supervisor.record(BUNDLE_IMPORT, chosen.name, [str(info["device_id"])])
            return info

        def done(info: dict) -> None:
            self._say(self.tr("Imported %1 records from %2; they will be forwarded at the next sync")
                      .replace("%1", str(info["records"]))
                      .replace("%2", info["device_name"] or info["device_id"]))
            self.controller.refresh_status()

        self.tasks.run(work, done, lambda exc: show_error(self.window, exc, self.lang))


def install_sync_ui(window: QMainWindow, sync: SyncService, tasks: TaskRunner, lang: str,
                    *, start: bool = True, supervisor: SupervisorPin | None = None,
                    **controller_kw: object) -> SyncActions:
    """Add the sync status widget and menu to ``window``; start the link watcher."""
    controller = SyncController(sync, window, **controller_kw)  # type: ignore[arg-type]
    controller.watch_writes(tasks)
    widget = SyncStatusWidget(controller, lang)
    window.statusBar().addPermanentWidget(widget)
    bar = window.statusBar()
    if isinstance(bar, FittingStatusBar):  # the app's window; a bare QMainWindow in some tests
        bar.can_give_way(widget.last_label, GIVES_WAY["last sync"])
        bar.can_give_way(widget.pending_label, GIVES_WAY["waiting to send"])
    actions = SyncActions(window, sync, tasks, controller, lang)
    actions.supervisor = supervisor
    actions.widget = widget  # type: ignore[attr-defined]
    controller.sig_finished.connect(lambda r: _announce(window, widget, r))
    controller.sig_finished.connect(lambda r: _announce_refusals(window, sync))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.stop)
    window.destroyed.connect(controller.stop)
    if start:
        controller.start()
    else:
        controller.refresh_status()
    # The deployment file beside the app, adopted or refused at this start: said once, in a box.
    tasks.run(lambda: take_notice(sync.db), actions.show_start_notice,
              lambda exc: log.error("reading the deployment notice failed: %r", exc))
    return actions


def _announce_refusals(window: QMainWindow, sync: SyncService) -> None:
    n = len(refused(sync))
    if n:
        window.statusBar().showMessage(refusals_note(n), 30_000)


def _announce(window: QMainWindow, widget: SyncStatusWidget, report: object) -> None:
    window.statusBar().showMessage(widget.message, 15_000)
    if str(getattr(report, "outcome", "")) == "reenroll":
        box = QMessageBox(QMessageBox.Icon.Warning, "Sala", widget.message, parent=window)
        box.open()  # not exec(): never block the event loop for a background outcome
