"""The dashboard page: five charts over the sessions the session list's filter selects.

Filters: the page carries its own ``SessionFilterBar`` (the same widget as the list) kept in
step with the list's bar both ways, so a supervisor who narrows the list to Lampang sees Lampang
here and comes back to Lampang. (Moving one bar between pages would leave the other page with a
hole; two synced bars keep each page whole.)

Refresh: a filter change waits briefly for the next click (coalesced), then the aggregates run
on a reader thread (``LatestReader``) and are drawn here on the UI thread; a request superseded
by a newer filter is never drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.services.dashboard import DashboardData
from sala.services.sessions import SessionFilter
from sala.ui.common.errors import show_error
from sala.ui.common.tasks import LatestReader
from sala.ui.dashboard.charts import BarChart
from sala.ui.dashboard.live_tally import LiveTally
from sala.ui.sessions.filters import SessionFilterBar

COALESCE_MS = 150
STANCE_COLOURS = {"support": "#009E73", "neutral": "#999999", "oppose": "#D55E00", None: "#cccccc"}
GENDER_COLOURS = {"female": "#CC79A7", "male": "#0072B2", "other": "#E69F00", "not_stated": "#bbbbbb"}
SCORE_COLOURS = {1: "#e35d5b", 2: "#f39c4a", 3: "#f4cf45", 4: "#9ccc65", 5: "#4caf50"}


def set_filter_bar(bar: SessionFilterBar, flt: SessionFilter) -> None:
    """Show ``flt`` in ``bar`` without emitting (used to keep two bars in step)."""
    widgets = (bar.search, bar.kind, bar.status, bar.topic, bar.province, bar.use_dates, bar.date_from, bar.date_to)
    for w in widgets:
        w.blockSignals(True)
    try:
        bar.search.setText(flt.text)
        for combo, value in ((bar.kind, next(iter(flt.kinds)).value if flt.kinds else None),
                             (bar.status, next(iter(flt.statuses)).value if flt.statuses else None),
                             (bar.topic, flt.topic_id), (bar.province, flt.province_code)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        dated = flt.date_from is not None or flt.date_to is not None
        bar.use_dates.setChecked(dated)
        bar.date_from.setEnabled(dated)
        bar.date_to.setEnabled(dated)
        if flt.date_from:
            bar.date_from.setDate(QDate(flt.date_from.year, flt.date_from.month, flt.date_from.day))
        if flt.date_to:
            bar.date_to.setDate(QDate(flt.date_to.year, flt.date_to.month, flt.date_to.day))
    finally:
        for w in widgets:
            w.blockSignals(False)


class DashboardPage(QWidget):
    """Charts of sessions, participants, contributions, stance and exhibition ratings."""

    sig_refreshed = Signal(object)
    """New figures were drawn; carries the DashboardData (tests wait on it)."""

    def __init__(self, services: Services, lang: str, linked: SessionFilterBar | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._lang = lang
        self._linked = linked
        self.data: DashboardData | None = None
        self.reader = LatestReader("sala-dashboard", self)
        topics = [(t.id, t.label(lang)) for t in services.sessions.topics()]
        self.filters = SessionFilterBar(topics, lang)
        if linked is not None:
            set_filter_bar(self.filters, linked.current())
            linked.sig_changed.connect(self._linked_changed)
        self.filters.sig_changed.connect(self._own_changed)

        self.totals = QLabel()
        f = self.totals.font()
        f.setPointSize(f.pointSize() + 2)
        self.totals.setFont(f)
        self.status = QLabel()
        self.status.setStyleSheet("color: #666;")
        self.months = BarChart(self.tr("Sessions per month"))
        self.people = BarChart(self.tr("Participants by age band and gender"))
        self.topics = BarChart(self.tr("Contributions by topic and type"), horizontal=True, stacked=True)
        self.stance = BarChart(self.tr("Stance per topic"), horizontal=True, stacked=True)
        self.ratings = BarChart(self.tr("Exhibition ratings (1–5)"))
        self.live = LiveTally(services, lang)
        self.live.setMinimumHeight(360)
        self.charts = (self.months, self.people, self.topics, self.stance, self.ratings)
        for chart in self.charts + (self.live.chart_ratings, self.live.chart_votes):
            chart.sig_export_requested.connect(self.export_chart)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.months, 0, 0, 1, 2)
        grid.addWidget(self.people, 1, 0)
        grid.addWidget(self.ratings, 1, 1)
        grid.addWidget(self.topics, 2, 0, 1, 2)
        grid.addWidget(self.stance, 3, 0, 1, 2)
        grid.addWidget(self.live, 4, 0, 1, 2)
        for row, h in ((0, 300), (1, 320), (2, 360), (3, 360)):
            grid.setRowMinimumHeight(row, h)
        grid.setColumnStretch(0, 3)  # seven age bands need the room more than five scores
        grid.setColumnStretch(1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        head = QHBoxLayout()
        head.addWidget(self.totals, 1)
        head.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)

        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self._start_refresh)
        self.reader.sig_busy_changed.connect(
            lambda busy: self.status.setText(self.tr("Updating…") if busy else ""))
        self.refresh()

    # -- filters ------------------------------------------------------------------------------
    def _own_changed(self, flt: SessionFilter) -> None:
        if self._linked is not None:
            set_filter_bar(self._linked, flt)
            self._linked.sig_changed.disconnect(self._linked_changed)
            try:
                self._linked.sig_changed.emit(flt)  # the list reloads under the same filter
            finally:
                self._linked.sig_changed.connect(self._linked_changed)
        self.refresh()

    def _linked_changed(self, flt: SessionFilter) -> None:
        set_filter_bar(self.filters, flt)
        self.refresh()

    # -- refresh ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Schedule new figures; rapid calls collapse into one query."""
        self._coalesce.start()

    def _start_refresh(self) -> None:
        flt, svc = self.filters.current(), self._services.dashboard
        # The exhibition picker's list comes in the same background read (a Thai text filter
        # makes it a search, too slow for the UI thread on a big database).
        self.reader.submit(lambda: (svc.figures(flt), svc.exhibition_sessions(flt)), self._apply, self._failed)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, self._lang)

    def _apply(self, result: tuple[DashboardData, list]) -> None:
        d, exhibitions = result
        lang = self._lang
        self.data = d
        self.live.set_choices(exhibitions)
        self.totals.setText(self.tr("%1 sessions · %2 participants · %3 contributions · %4 exhibition visitors")
                            .replace("%1", f"{d.sessions:,}").replace("%2", f"{d.participants:,}")
                            .replace("%3", f"{d.contributions:,}").replace("%4", f"{d.ratings.visitors:,}"))
        self.months.set_data([m.label(lang) for m in d.months],
                             {self.tr("Sessions"): [m.count for m in d.months]}, legend=False,
                             subtitle=(f"{d.months[0].long_label(lang)} – {d.months[-1].long_label(lang)}"
                                       if d.months else ""))
        bands = [b for b in e.AgeBand]
        self.people.set_data([b.label(lang) for b in bands],
                             {g.label(lang): [d.people.get((b, g), 0) for b in bands] for g in e.Gender},
                             {g.label(lang): GENDER_COLOURS[g.value] for g in e.Gender})
        topics = d.topics
        self.topics.set_data([t.label(lang) for t in topics],
                             {c.label(lang): [d.by_topic_type.get((t.id, c), 0) for t in topics]
                              for c in e.ContributionType})
        stances: list[e.Stance | None] = [e.Stance.SUPPORT, e.Stance.NEUTRAL, e.Stance.OPPOSE, None]
        names = {s: (s.label(lang) if s else self.tr("Not stated")) for s in stances}
        self.stance.set_data([t.label(lang) for t in topics],
                             {names[s]: [d.by_topic_stance.get((t.id, s), 0) for t in topics] for s in stances},
                             {names[s]: STANCE_COLOURS[s.value if s else None] for s in stances})
        r = d.ratings
        avg = "–" if r.average is None else f"{r.average:.2f}"
        self.ratings.set_data([str(n) for n in r.distribution], {self.tr("Visitors"): list(r.distribution.values())},
                              legend=False, bar_colours=[SCORE_COLOURS[n] for n in r.distribution],
                              subtitle=self.tr("Average %1 / 5 from %2 visitors").replace("%1", avg)
                              .replace("%2", f"{r.visitors:,}"))
        self.sig_refreshed.emit(d)

    # -- export -------------------------------------------------------------------------------
    def export_chart(self, chart: BarChart) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"),
                                              chart.title.text() + ".png", self.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not chart.export_png(path):
            from sala.domain.errors import SalaError

            show_error(self, SalaError(f"บันทึกรูปไม่ได้: {path} กรุณาเลือกโฟลเดอร์อื่นที่เขียนได้",
                                       f"Could not save the image to {path}; choose a folder you can write to"),
                       self._lang)

    def closeEvent(self, event) -> None:  # Qt name
        self.reader.shutdown()
        self.live.reader.shutdown()
        super().closeEvent(event)
