"""The export dialog: sessions, participants or contributions as CSV or XLSX, in the background.

Like the report dialog it reads on a thread of its own (:class:`~sala.ui.common.job_dialog.JobDialog`; an
export of 250,000 rows takes seconds and must not stall the single writer).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QWidget

from sala.bootstrap import Services
from sala.ui.common.job_dialog import JobDialog, OutputPicker, default_folder
from sala.ui.reports.filter_fields import FilterFields


class ExportDialog(JobDialog):
    def __init__(self, services: Services, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(services, lang, parent)
        self.setWindowTitle(self.tr("Export data"))
        self.dataset = QComboBox()
        for value, label in (("sessions", self.tr("Sessions")), ("participants", self.tr("Participants")),
                             ("contributions", self.tr("Contributions"))):
            self.dataset.addItem(label, value)
        self.format = QComboBox()
        self.format.addItem(self.tr("CSV (Excel, UTF-8)"), "csv")
        self.format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.filters = FilterFields(services, lang)
        self.personal = QCheckBox(self.tr("Include contact details of participants who consented (personal data)"))
        self.output = OutputPicker(default_folder(services) / "sessions.csv", "CSV (*.csv);;Excel (*.xlsx)")
        self.dataset.currentIndexChanged.connect(self._suggest_name)
        self.format.currentIndexChanged.connect(self._suggest_name)
        form = QFormLayout()
        form.addRow(self.tr("Data"), self.dataset)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.filters)
        form.addRow(self.personal)
        form.addRow(self.tr("Save as"), self.output)
        self._suggest_name()
        self.finish_layout(form)

    def _suggest_name(self) -> None:
        dataset, fmt = self.dataset.currentData(), self.format.currentData()
        self.personal.setEnabled(dataset == "participants")
        current = self.output.value()
        self.output.path.setText(str(current.with_name(f"{dataset}.{fmt}")))

    def make_job(self) -> tuple[Path, Callable[[Callable[[float, str], None]], Any]]:
        from sala.reports.exports import export
        from sala.reports.output import check_writable

        target = self.output.value()
        check_writable(target)
        flt = self.filters.current()
        dataset, fmt, db, lang = self.dataset.currentData(), self.format.currentData(), self.services.db, self.lang
        personal = self.personal.isChecked() and dataset == "participants"
        return target, lambda progress: export(db, dataset, fmt, target, flt, lang=lang,
                                               include_personal_data=personal, progress=progress)
