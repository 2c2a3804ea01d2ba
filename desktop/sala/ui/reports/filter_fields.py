"""The filter fields the period report and the export share: fiscal year (BE), province, topic, kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.provinces import all_provinces
from sala.domain.thaidate import fiscal_year
from sala.reports.filters import ReportFilter, parse_filter


class FilterFields(QWidget):
    """Fiscal year (BE), province, topic and session kind, as the period report and export use."""

    sig_changed = Signal()
    """Any of the fields changed: the filter may select other sessions."""

    def __init__(self, services: Services, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._lang = services, lang
        self.use_year = QCheckBox(self.tr("Fiscal year (B.E.)"))
        self.use_year.setChecked(True)
        self.year = QSpinBox()
        self.year.setRange(2500, 2700)
        self.year.setValue(fiscal_year(date.today()))
        self.use_year.toggled.connect(self.year.setEnabled)
        self.province = self._combo(self.tr("All provinces"), [(p.code, p.label(lang)) for p in all_provinces()])
        self.topic = self._combo(self.tr("All topics"), [(t.id, t.label(lang)) for t in services.sessions.topics()])
        self.kind = self._combo(self.tr("All kinds"), [(k.value, k.label(lang)) for k in e.SessionKind])
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.use_year)
        row.addWidget(self.year, 1)
        form.addRow(row)
        form.addRow(self.tr("Province"), self.province)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Session kind"), self.kind)
        self.use_year.toggled.connect(self.sig_changed)
        self.year.valueChanged.connect(self.sig_changed)
        for box in (self.province, self.topic, self.kind):
            box.currentIndexChanged.connect(self.sig_changed)

    @staticmethod
    def _combo(everything: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for value, label in items:
            box.addItem(label, value)
        return box

    def current(self) -> ReportFilter:
        """Validated filter (raises a bilingual ValidationError, e.g. an unknown topic)."""
        return parse_filter(self._services.db, fiscal_year=self.year.value() if self.use_year.isChecked() else None,
                            province=self.province.currentData(), topic=self.topic.currentData(),
                            kind=self.kind.currentData())
