"""Live tally for one exhibition: ratings 1–5 and dot-votes per proposal, as charts.

At a busy stand a visitor is saved every few seconds; redrawing on each one would be wasted
work and, run on the UI thread, could stall the kiosk. So a save only *notifies* the tally
(``notify_changed``, connect it to the kiosk's ``sig_visit_saved``); the first notice refreshes
at once, further notices within ``THROTTLE_MS`` collapse into one refresh at the end of that
window, and the query (two indexed GROUP BYs) runs on a reader thread, not the kiosk's writer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sala.bootstrap import Services
from sala.domain.thaidate import format_date
from sala.services.dashboard import ExhibitionFigures
from sala.ui.common.errors import show_error
from sala.ui.common.tasks import LatestReader
from sala.ui.dashboard.charts import BarChart
from sala.ui.kiosk.faces import face_words

THROTTLE_MS = 500
SCORE_COLOURS = ["#e35d5b", "#f39c4a", "#f4cf45", "#9ccc65", "#4caf50"]


class LiveTally(QWidget):
    """Rating distribution and votes per proposal for one exhibition, refreshed at most every 500 ms.

    With ``session_id`` it shows that session only (the kiosk staff page); without, a picker
    lists the exhibitions under the dashboard's filter.
    """

    sig_refreshed = Signal(object)
    """New figures were drawn; carries the ExhibitionFigures."""

    def __init__(self, services: Services, lang: str, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._lang = lang
        self.session_id = session_id
        self.figures: ExhibitionFigures | None = None
        self.refresh_count = 0
        self.reader = LatestReader("sala-live-tally", self)
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(30)
        self.picker.currentIndexChanged.connect(self._picked)
        self.heading = QLabel(self.tr("Exhibition live tally"))
        f = self.heading.font()
        f.setBold(True)
        f.setPointSize(f.pointSize() + 1)
        self.heading.setFont(f)
        self.chart_ratings = BarChart(self.tr("Visitors' ratings"))
        self.chart_votes = BarChart(self.tr("Votes per proposal"), horizontal=True)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addWidget(self.picker, 1)
        charts = QHBoxLayout()
        charts.addWidget(self.chart_ratings, 2)
        charts.addWidget(self.chart_votes, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(charts, 1)
        self._fixed = session_id is not None  # the kiosk staff page: one session, no picker
        self.picker.setVisible(not self._fixed)
        self._dirty = False
        self._cooldown = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._cooldown.timeout.connect(self._cooled)
        if session_id is not None:
            self.notify_changed()

    # -- which session ------------------------------------------------------------------------
    def set_choices(self, rows: list[tuple[str, str, date]]) -> None:
        """List these exhibitions (id, title, date) in the picker, keeping the current one if still there."""
        if self._fixed:
            return
        keep = self.session_id
        self.picker.blockSignals(True)
        self.picker.clear()
        for sid, title, day in rows:
            self.picker.addItem(f"{format_date(day, self._lang, abbr=True)} · {title}", sid)
        index = self.picker.findData(keep) if keep else -1
        self.picker.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.picker.blockSignals(False)
        self._picked()

    def set_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self._cooldown.stop()
        self._dirty = False
        self.notify_changed()

    def _picked(self, *_args) -> None:
        sid = self.picker.currentData()
        if sid != self.session_id or self.figures is None:
            self.set_session(sid)

    # -- refresh ------------------------------------------------------------------------------
    @Slot()
    @Slot(str)
    def notify_changed(self, *_args) -> None:  # accepts sig_visit_saved's rating id
        """Something changed (a visitor was saved): refresh now or at the end of the window."""
        if self._cooldown.isActive():
            self._dirty = True
            return
        self._refresh_now()
        self._cooldown.start()

    def _cooled(self) -> None:
        if self._dirty:
            self._dirty = False
            self._refresh_now()
            self._cooldown.start()

    def _refresh_now(self) -> None:
        sid, svc = self.session_id, self._services.dashboard
        if sid is None:
            self._draw(None)
            return
        self.reader.submit(lambda: svc.exhibition(sid), self._draw, lambda exc: show_error(self, exc, self._lang))

    def _draw(self, fig: ExhibitionFigures | None) -> None:
        self.refresh_count += 1
        self.figures = fig
        if fig is None:
            self.chart_ratings.set_data([], {})
            self.chart_votes.set_data([], {})
            self.sig_refreshed.emit(fig)
            return
        r = fig.ratings
        avg = "–" if r.average is None else f"{r.average:.2f}"
        words = face_words()  # the words visitors saw under the faces, not stars or bare numbers
        self.chart_ratings.set_data(
            [words.get(int(n), str(n)) for n in r.distribution], {self.tr("Visitors"): list(r.distribution.values())},
            legend=False, bar_colours=SCORE_COLOURS,
            subtitle=self.tr("Average %1 / 5 from %2 visitors").replace("%1", avg).replace("%2", f"{r.visitors:,}"))
        self.chart_votes.set_data([p.label(self._lang) for p in fig.proposals],
                                  {self.tr("Votes"): [p.votes for p in fig.proposals]}, legend=False)
        self.sig_refreshed.emit(fig)

    def closeEvent(self, event) -> None:  # Qt name
        self._cooldown.stop()
        self.reader.shutdown()
        super().closeEvent(event)
