"""The filter bar above the session list: kind, status, topic, province, dates, Thai search."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from sala.domain import enums as e
from sala.domain.provinces import all_provinces
from sala.services.session_rows import SessionFilter
from sala.ui.common.widgets import BuddhistDateEdit, py_date

SEARCH_DEBOUNCE_MS = 250


class SessionFilterBar(QWidget):
    sig_changed = Signal(object)
    """The filter changed; carries the new SessionFilter."""

    def __init__(self, topics: list[tuple[str, str]], lang: str = "th", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.search = QLineEdit()
        self.search.setObjectName("sessionSearch")
        self.search.setPlaceholderText(self.tr("Search: words in any order (title, place, what was said)…"))
        self.search.setClearButtonEnabled(True)
        self.kind = self._combo(self.tr("All kinds"), [(k.value, k.label(lang)) for k in e.SessionKind])
        self.status = self._combo(self.tr("All statuses"), [(s.value, s.label(lang)) for s in e.SessionStatus])
        self.topic = self._combo(self.tr("All topics"), topics)
        self.province = self._combo(self.tr("All provinces"), [(p.code, p.label(lang)) for p in all_provinces()])
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.date_from = BuddhistDateEdit(lang)
        self.date_to = BuddhistDateEdit(lang)
        self.date_from.setDate(QDate.currentDate().addMonths(-12))
        for w in (self.date_from, self.date_to):
            w.setEnabled(False)

        self.search.setMinimumWidth(260)
        for combo in (self.kind, self.status, self.topic, self.province):
            combo.setMaximumWidth(220)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        layout.addWidget(self.search, 3)
        for widget in (self.kind, self.status, self.topic, self.province, self.use_dates, self.date_from, self.date_to):
            layout.addWidget(widget)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.kind, self.status, self.topic, self.province):
            combo.currentIndexChanged.connect(self._emit)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        return combo

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit()

    def current(self) -> SessionFilter:
        kind, status = self.kind.currentData(), self.status.currentData()
        return SessionFilter(
            kinds={e.SessionKind(kind)} if kind else set(),
            statuses={e.SessionStatus(status)} if status else set(),
            topic_id=self.topic.currentData(),
            province_code=self.province.currentData(),
            date_from=py_date(self.date_from.date()) if self.use_dates.isChecked() else None,
            date_to=py_date(self.date_to.date()) if self.use_dates.isChecked() else None,
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        self.sig_changed.emit(self.current())
