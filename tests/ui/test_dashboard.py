"""The dashboard: charts show the service's figures, filters narrow them, PNG export, Thai labels."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QFileDialog

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services.demo import generate
from sala.services.sessions import SessionFilter
from sala.ui.dashboard.live_tally import LiveTally
from sala.ui.dashboard.page import DashboardPage
from sala.ui.sessions.filters import SessionFilterBar
from tests.typing import type_text


@pytest.fixture
def demo(services):
    generate(services.db, 40, seed=21, contributions_per_session=15)
    return services


@pytest.fixture
def page(qtbot, demo, thai_ui):
    def make(linked: SessionFilterBar | None = None) -> DashboardPage:
        p = DashboardPage(demo, "th", linked=linked)
        qtbot.addWidget(p)
        p.resize(1300, 2200)
        p.show()
        qtbot.waitUntil(lambda: p.data is not None, timeout=10_000)
        return p
    return make


def _wait_for(qtbot, p: DashboardPage, flt: SessionFilter) -> None:
    qtbot.waitUntil(lambda: p.data is not None and p.data.filter == flt and not p.reader.busy(), timeout=10_000)


def _sum(chart) -> float:
    return sum(sum(v) for v in chart.series.values())


def test_charts_show_the_services_figures_with_thai_labels(qtbot, page, demo):
    p = page()
    d = demo.dashboard.figures()
    assert _sum(p.months) == d.sessions == 40
    assert p.months.categories == [m.label("th") for m in d.months]
    assert _sum(p.people) == d.participants
    assert p.people.categories[0] == e.AgeBand.UNDER_18.label("th")
    assert set(p.people.series) == {g.label("th") for g in e.Gender}
    assert _sum(p.topics) == _sum(p.stance) == d.contributions
    assert p.topics.categories == [t.name_th for t in d.topics]
    assert set(p.topics.series) == {c.label("th") for c in e.ContributionType}
    assert p.ratings.series[next(iter(p.ratings.series))] == [float(d.ratings.distribution[n]) for n in range(1, 6)]
    # What the bar items hold is what the chart says it shows.
    for chart in p.charts:
        assert chart.bar_heights() == chart.series
    # The live tally below offers the exhibitions under the filter and shows the newest.
    exhibitions = demo.dashboard.exhibition_sessions()
    assert p.live.picker.count() == len(exhibitions) > 0
    qtbot.waitUntil(lambda: p.live.figures is not None, timeout=10_000)
    assert p.live.figures == demo.dashboard.exhibition(exhibitions[0][0])


def test_a_filter_change_narrows_every_chart(qtbot, page, demo):
    p = page()
    before = p.data
    p.filters.kind.setCurrentIndex(p.filters.kind.findData(e.SessionKind.MINITALK.value))
    flt = SessionFilter(kinds={e.SessionKind.MINITALK})
    _wait_for(qtbot, p, flt)
    assert _sum(p.months) == demo.sessions.count(flt) < before.sessions
    assert 0 < _sum(p.topics) < before.contributions
    assert _sum(p.ratings) == 0  # minitalks have no kiosk ratings
    assert p.ratings.empty.isVisibleTo(p) and not p.ratings.plot.isVisibleTo(p)


def test_rapid_filter_changes_draw_only_the_last(qtbot, page, demo):
    p = page()
    drawn: list[SessionFilter] = []
    p.sig_refreshed.connect(lambda d: drawn.append(d.filter))
    for i in range(1, p.filters.province.count(), 9):
        p.filters.province.setCurrentIndex(i)
    last = p.filters.current()
    _wait_for(qtbot, p, last)
    assert drawn == [last]


def test_thai_search_filter_matches_the_session_list(qtbot, page, demo):
    p = page()
    type_text(p.filters.search, "ฝุ่น")
    flt = SessionFilter(text="ฝุ่น")
    _wait_for(qtbot, p, flt)
    assert _sum(p.months) == demo.sessions.count(flt) > 0


def test_filters_stay_in_step_with_the_session_list(qtbot, page, demo):
    linked = SessionFilterBar([(t.id, t.label("th")) for t in demo.sessions.topics()], "th")
    qtbot.addWidget(linked)
    seen: list[SessionFilter] = []
    linked.sig_changed.connect(seen.append)
    p = page(linked)
    # The list narrows: the dashboard follows.
    linked.province.setCurrentIndex(linked.province.findData("LPG"))
    _wait_for(qtbot, p, SessionFilter(province_code="LPG"))
    assert p.filters.province.currentData() == "LPG"
    # The dashboard narrows: the list follows (and is told, so it reloads).
    p.filters.kind.setCurrentIndex(p.filters.kind.findData(e.SessionKind.EXHIBITION.value))
    both = SessionFilter(kinds={e.SessionKind.EXHIBITION}, province_code="LPG")
    _wait_for(qtbot, p, both)
    assert linked.current() == both and seen[-1] == both


def test_export_a_chart_as_png(qtbot, page, tmp_path, monkeypatch):
    p = page()
    target = tmp_path / "ประเด็น"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG images (*.png)"))
    p.topics.export_button.click()
    png = target.with_suffix(".png")
    assert png.stat().st_size > 5_000
    img = QImage(str(png))
    assert not img.isNull() and img.width() >= p.topics.width()


def _drawn_labels(chart) -> list[str]:
    """The tick texts the category axis paints at its current size."""
    img = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    painter.setFont(chart.category_axis.style["tickFont"])
    texts = chart.category_axis.generateDrawSpecs(painter)[2]
    painter.end()
    return [t for _rect, _flags, t in texts]


def test_thai_labels_render_in_sarabun_unclipped(qtbot, page, fonts, screenshot):
    p = page()
    qtbot.waitExposed(p)
    # Every age band and every topic is labelled once the layout settles (months may be
    # thinned to every other month, never overlapping).
    for chart in (p.people, p.topics):
        qtbot.waitUntil(lambda chart=chart: _drawn_labels(chart) == chart.categories, timeout=5_000)
    screenshot(p, "dashboard_th")
    for chart in (p.people, p.topics, p.months):
        axis = chart.category_axis
        font = axis.style["tickFont"]
        assert QFontInfo(font).family() == "Sarabun"
        metrics = QFontMetrics(font)
        assert all(metrics.inFontUcs4(ord(ch)) for label in chart.categories for ch in label if not ch.isspace())
        drawn = _drawn_labels(chart)
        assert drawn, "no tick labels drawn"
        assert set(drawn) <= set(chart.categories)
        if axis.orientation == "bottom":
            # The whole line height (marks above and below) fits inside the axis.
            assert axis.height() >= metrics.height() + 6
        else:
            assert all(metrics.horizontalAdvance(t) <= axis.width() for t in drawn)


def test_live_tally_follows_visits_and_coalesces(qtbot, services, thai_ui, screenshot):
    sid = services.sessions.create(SessionInput(kind=e.SessionKind.EXHIBITION, title="นิทรรศการฝุ่นควัน",
                                                province="LPG")).id
    a = services.exhibition.add_proposal(sid, "ปลูกต้นไม้ริมถนนเพิ่มขึ้น")
    b = services.exhibition.add_proposal(sid, "ห้ามเผาในที่โล่งช่วงฤดูแล้ง")
    tally = LiveTally(services, "th", session_id=sid)
    qtbot.addWidget(tally)
    tally.resize(900, 380)
    tally.show()
    qtbot.waitUntil(lambda: tally.figures is not None, timeout=10_000)
    assert tally.figures.ratings.visitors == 0
    first = tally.refresh_count
    for score, votes in ((5, [a.id]), (4, [a.id, b.id]), (2, [])):
        services.exhibition.record_visit(sid, score, votes)
        tally.notify_changed("rating-id")  # what the kiosk's sig_visit_saved sends
    # Three saves inside one throttle window: one trailing refresh, not three.
    qtbot.waitUntil(lambda: tally.figures.ratings.visitors == 3, timeout=10_000)
    assert tally.refresh_count - first <= 2
    assert tally.chart_votes.categories == ["ปลูกต้นไม้ริมถนนเพิ่มขึ้น", "ห้ามเผาในที่โล่งช่วงฤดูแล้ง"]
    assert tally.chart_votes.series[next(iter(tally.chart_votes.series))] == [2.0, 1.0]
    assert tally.chart_ratings.series[next(iter(tally.chart_ratings.series))] == [0.0, 1.0, 0.0, 1.0, 1.0]
    screenshot(tally, "live_tally_th")


def test_view_menu_opens_the_dashboard(qtbot, services, tasks, settings, thai_ui):
    from sala.ui.shell.app import create_main_window

    generate(services.db, 5, seed=4, contributions_per_session=5)
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.show()
    assert w.action_dashboard.shortcut().toString() == "Ctrl+D"
    w.action_dashboard.trigger()
    assert isinstance(w.stack.currentWidget(), DashboardPage)
    qtbot.waitUntil(lambda: w.dashboard.data is not None, timeout=10_000)
    assert w.dashboard.data.sessions == 5
    w.dashboard.close()
