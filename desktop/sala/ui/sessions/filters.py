"""The filter bar above the session list: kind, status, topic, province, dates, Thai search.

Each combo box is as wide as its longest item (a province such as "พระนครศรีอยุธยา" is never cut),
except the topics, whose names come from the catalogue and may be long: that one elides, with the
whole name in its tooltip and its list. The bar's three groups (search, the four choices, the dates)
share one row when they fit and flow onto the next rows when not: on a 1024 px screen the bar needs
two rows, and the window never grows wider than the screen for it.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QStyle, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.domain.provinces import all_provinces
from sala.services.session_rows import SessionFilter
from sala.ui.common.eliding_combo import ElidingComboBox
from sala.ui.common.widgets import BuddhistDateEdit, py_date

SEARCH_DEBOUNCE_MS = 250
SEARCH_MIN_PX = 260
TOPIC_MAX_PX = 240
"""The topic box's widest; a longer topic is elided there and shown whole in its list and tooltip."""
_SPACING = 6
"""Between two widgets of a row (a row's layout spacing; the style's own is 6 px or less)."""
_LINE_EDIT_MARGIN = 2
"""A line edit keeps this many pixels clear each side of its text (Qt's QLineEdit, not a style metric)."""


def search_width(edit: QLineEdit) -> int:
    """The search box's narrowest: SEARCH_MIN_PX, or its placeholder whole (a longer language), with
    the room Qt keeps around a line edit's text and for its clear button."""
    hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    clear = edit.fontMetrics().height() + 8  # the clear button, once something is typed
    return max(SEARCH_MIN_PX, hint + 2 * frame + margins.left() + margins.right() + 2 * _LINE_EDIT_MARGIN + clear)


class SessionFilterBar(QWidget):
    sig_changed = Signal(object)
    """The filter changed; carries the new SessionFilter."""

    def __init__(self, topics: list[tuple[str, str]], lang: str = "th", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(4)

        self.search = QLineEdit()
        self.search.setObjectName("sessionSearch")
        # a short hint that reads whole in the box; the whole of it in the tooltip
        self.search.setPlaceholderText(self.tr("Search title, place, what was said…"))
        self.search.setToolTip(self.tr("Search by title, place or what was said: type several words, in any order"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(search_width(self.search))
        self.kind = self._combo(self.tr("All kinds"), [(k.value, k.label(lang)) for k in e.SessionKind])
        self.status = self._combo(self.tr("All statuses"), [(s.value, s.label(lang)) for s in e.SessionStatus])
        self.topic = ElidingComboBox()
        self._combo(self.tr("All topics"), topics, self.topic)
        self.topic.setMaximumWidth(TOPIC_MAX_PX)
        self.province = self._combo(self.tr("All provinces"), [(p.code, p.label(lang)) for p in all_provinces()])
        for name, combo in (("kindFilter", self.kind), ("statusFilter", self.status), ("topicFilter", self.topic),
                            ("provinceFilter", self.province)):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.topic.fit_list()
        self.use_dates = QCheckBox(self.tr("Dates"))
        self.date_from = BuddhistDateEdit(lang)
        self.date_to = BuddhistDateEdit(lang)
        self.date_from.setDate(QDate.currentDate().addMonths(-12))
        for w in (self.date_from, self.date_to):
            w.setEnabled(False)

        self._groups: list[list[QWidget]] = [
            [self.search], [self.kind, self.status, self.topic, self.province],
            [self.use_dates, self.date_from, self.date_to]]
        self._arrangement: list[int] = []
        self._arrange([len(self._groups)])  # one row until the bar learns its width

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.kind, self.status, self.topic, self.province):
            combo.currentIndexChanged.connect(self._emit)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)

    # -- rows: the groups flow onto as many rows as the width asks for --------------------------
    def _group_width(self, group: list[QWidget]) -> int:
        """What ``group`` needs on a row: the search box its minimum (it stretches), the rest their hints."""
        widths = [w.minimumWidth() if w is self.search else w.sizeHint().width() for w in group]
        return sum(widths) + _SPACING * (len(group) - 1)

    def rows_for(self, width: int) -> list[int]:
        """How many groups go on each row at ``width`` (greedy, in order, at least one a row)."""
        rows: list[int] = []
        used = 0
        gap = 2 * _SPACING  # between groups: a layout's spacing and the space added (see _arrange)
        for group in self._groups:
            need = self._group_width(group)
            if rows and used + gap + need <= width:
                rows[-1] += 1
                used += gap + need
            else:
                rows.append(1)
                used = need
        return rows

    def _arrange(self, rows: list[int]) -> None:
        if rows == self._arrangement:
            return
        self._arrangement = rows
        while self._rows.count():
            item = self._rows.takeAt(0)
            row = item.layout() if item is not None else None
            while row is not None and row.count():
                row.takeAt(0)
            if row is not None:
                row.deleteLater()
        groups = iter(self._groups)
        for n in rows:
            row = QHBoxLayout()
            row.setSpacing(_SPACING)
            for i in range(n):
                if i:
                    row.addSpacing(_SPACING)
                for w in next(groups):
                    row.addWidget(w, 3 if w is self.search else 0)
            if row.indexOf(self.search) < 0:
                row.addStretch(1)  # a row without the search box keeps its boxes at their size, left
            self._rows.addLayout(row)

    def rows(self) -> int:
        """The number of rows the bar has now."""
        return len(self._arrangement)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self.rows_for(event.size().width()))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest group (the groups then take a row each): the window never has to
        be wider than a small screen for the filters."""
        widest = max(self._group_width(g) for g in self._groups)
        return QSize(widest, super().minimumSizeHint().height())

    def _combo(self, everything: str, items: list[tuple[str, str]], combo: QComboBox | None = None) -> QComboBox:
        combo = combo if combo is not None else QComboBox()
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
