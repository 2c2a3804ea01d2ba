"""Settings: the agency and unit printed on reports, the default province, the language, where the
data lives, and backups (made, listed and restored).

Saving checks every value first and stores them in one transaction (``PreferencesService.save``):
a refused value leaves every setting as it was and says why in both languages. A restore is
confirmed here and carried out by the composition root, which owns the services
(:attr:`SettingsDialog.sig_restore_requested`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sala.domain.errors import ValidationError
from sala.domain.provinces import all_provinces
from sala.domain.thaidate import format_datetime
from sala.services import backups
from sala.services.preferences import NAME_MAX, Preferences, clean
from sala.services.supervisor_pin import SETTINGS
from sala.ui.common.errors import error_label, error_text, show_error
from sala.ui.settings.supervisor_box import SupervisorBox
from sala.ui.shell.i18n import LANGUAGE_NAMES, SETTINGS_KEY, current_language

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{max(1, n // 1000)} kB"


class SettingsDialog(QDialog):
    sig_language_chosen = Signal(str)
    """The user saved another UI language ("th" or "en"): the shell switches at once."""
    sig_restore_requested = Signal(Path)
    """The user confirmed restoring this backup: the composition root closes, restores, reopens."""
    sig_saved = Signal(object)
    """The settings were stored (the cleaned :class:`Preferences`)."""

    def __init__(self, services: Services, tasks: TaskRunner, settings: QSettings, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.services, self.tasks, self.settings, self.lang = services, tasks, settings, lang
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)  # an agency's full name reads whole; well inside a 1366-pixel screen
        prefs = services.preferences.load()

        self.agency = QLineEdit(prefs.agency)
        self.agency.setObjectName("agencyEdit")
        self.agency.setMaxLength(NAME_MAX)
        self.agency.setPlaceholderText(self.tr("e.g. Office of the Public Sector Development Commission"))
        self.unit = QLineEdit(prefs.unit)
        self.unit.setObjectName("unitEdit")
        self.unit.setMaxLength(NAME_MAX)
        self.unit.setPlaceholderText(self.tr("e.g. Open Gov Space"))
        self.agency_error, self.unit_error, self.province_error = error_label(), error_label(), error_label()
        reports = QGroupBox(self.tr("Printed reports"))
        form = QFormLayout(reports)
        hint = QLabel(self.tr("Printed at the top of every summary and report; left empty, none is printed."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow("", self.agency_error)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow("", self.unit_error)

        self.province = QComboBox()
        self.province.setObjectName("defaultProvince")
        self.province.setEditable(True)
        self.province.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.province.addItem("", "")
        for p in all_provinces():
            self.province.addItem(p.label(lang), p.code)
        completer = self.province.completer()
        assert completer is not None  # an editable combo box has one
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.province.setCurrentIndex(max(0, self.province.findData(prefs.default_province)))
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language(settings)))
        general = QGroupBox(self.tr("New sessions and language"))
        gform = QFormLayout(general)
        gform.addRow(self.tr("Default province"), self.province)
        gform.addRow("", self.province_error)
        gform.addRow(self.tr("Language"), self.language)

        data = QGroupBox(self.tr("Data and backups"))
        dlay = QVBoxLayout(data)
        folder = services.paths.data_dir
        self.folder_label = QLabel()
        self.folder_label.setObjectName("dataFolder")
        self.folder_label.setToolTip(str(folder))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.folder_label.setText(str(folder))
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setObjectName("openFolderButton")
        self.open_folder.clicked.connect(self.open_data_folder)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Data folder:")))
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.open_folder)
        dlay.addLayout(row)
        dlay.addWidget(QLabel(self.tr("Backups (newest first):")))
        self.backup_list = QListWidget()
        self.backup_list.setObjectName("backupList")
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setMinimumHeight(110)
        dlay.addWidget(self.backup_list, 1)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        brow = QHBoxLayout()
        brow.addWidget(self.backup_status, 1)
        brow.addWidget(self.backup_button)
        brow.addWidget(self.restore_button)
        dlay.addLayout(brow)

        self.supervisor_box = SupervisorBox(services, tasks, lang, self)
        self._loaded = (prefs, services.retention.months())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(reports)
        layout.addWidget(general)
        layout.addWidget(self.supervisor_box)
        layout.addWidget(data, 1)
        layout.addWidget(self.buttons)
        self.backup_list.itemSelectionChanged.connect(self._selection_changed)
        self.refresh_backups()

    # -- values ---------------------------------------------------------------------------
    def values(self) -> Preferences:
        index = self.province.currentIndex()
        typed = self.province.currentText().strip()
        province = self.province.itemData(index) if index >= 0 and typed == self.province.itemText(index) else typed
        return Preferences(self.agency.text(), self.unit.text(), str(province or ""))

    def save(self) -> None:
        """Check, store in one transaction, then apply the language; refusals show under their field."""
        for label in (self.agency_error, self.unit_error, self.province_error):
            label.hide()
        try:
            prefs = clean(self.values())
        except ValidationError as exc:
            self._field_error(exc)
            return
        self.buttons.setEnabled(False)
        store, retention, supervisor = self.services.preferences, self.services.retention, self.services.supervisor
        months = self.supervisor_box.chosen_months()
        old_prefs, old_months = self._loaded

        def work() -> Preferences:
            saved = store.save(prefs)
            if months != old_months:  # written in the audit log by the retention service
                retention.set_months(months, role=supervisor.role())
            if saved != old_prefs:
                supervisor.record(SETTINGS, "preferences")
            return saved

        self.tasks.run(work, self._saved, self._save_failed)

    def _saved(self, prefs: Preferences) -> None:
        self.buttons.setEnabled(True)
        self.sig_saved.emit(prefs)
        lang = str(self.language.currentData())
        changed = lang != current_language(self.settings)
        self.settings.setValue(SETTINGS_KEY, lang)
        self.settings.sync()
        self.accept()
        if changed:
            self.sig_language_chosen.emit(lang)

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._field_error(exc)
        else:
            show_error(self, exc, self.lang)

    def _field_error(self, exc: ValidationError) -> None:
        label = {"agency": self.agency_error, "unit": self.unit_error}.get(exc.field, self.province_error)
        label.setText(error_text(exc, self.lang))
        label.show()
        target = {"agency": self.agency, "unit": self.unit}.get(exc.field, self.province)
        target.setFocus()

    # -- data folder and backups ----------------------------------------------------------
    def open_data_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.services.paths.data_dir)))

    def refresh_backups(self) -> None:
        db = self.services.db
        self.backup_list.clear()
        for info in backups.list_backups(db.path, db.backups_dir):
            label = self._reason(info.label)
            item = QListWidgetItem(f"{format_datetime(info.made_at, self.lang)} · {label} · {_size(info.size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.backup_list.addItem(item)
        if not self.backup_list.count():
            self.backup_status.setText(self.tr("No backup yet."))
        self._selection_changed()

    def _reason(self, label: str) -> str:
        if label == "manual":
            return self.tr("made by hand")
        if label.startswith("before-restore"):
            return self.tr("before a restore")
        if label.startswith("before-"):
            return self.tr("before an upgrade")
        return self.tr("automatic")

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.backup_list.selectedItems()))

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.backup_status.setText(self.tr("Backing up…"))
        db = self.services.db
        self.tasks.run(lambda: db.backup("manual"), self._backed_up, self._backup_failed)

    def _backed_up(self, path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.refresh_backups()
        self.backup_status.setText(self.tr("Backup saved: %1").replace("%1", path.name))

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.backup_status.setText("")
        show_error(self, exc, self.lang)

    def selected_backup(self) -> Path | None:
        items = self.backup_list.selectedItems()
        return Path(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def restore_selected(self) -> None:
        """Ask first; on yes the dialog closes and the composition root restores."""
        chosen = self.selected_backup()
        if chosen is None:
            return
        item = self.backup_list.selectedItems()[0]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"),
                          self.tr("Replace the data on this laptop with the backup of %1?\n\n"
                                  "Everything entered after that backup is no longer shown. The current "
                                  "database is kept aside in the data folder, not deleted.")
                          .replace("%1", item.text().split(" · ")[0]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("restoreConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self.reject()
        self.sig_restore_requested.emit(chosen)
