"""At an exhibition the projector shows what visitors rated: the average out of 5, how many, and a
bar per face (the words the kiosk's faces carry), kiosk and phones together, in Thai and English.
Other session kinds collect no ratings and show none."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services import audience as svc
from sala.ui.audience.presenter_view import PresenterView, numbers_from
from sala.ui.shell.i18n import switch_language

PROPOSALS = (("เขตอากาศสะอาดรอบโรงเรียน", "Clean-air zones around schools"),
             ("รับซื้อเศษวัสดุการเกษตรแทนการเผา", ""))


@pytest.fixture
def english(qapp, thai_ui) -> Iterator[None]:
    switch_language(qapp, "en")
    yield
    switch_language(qapp, "th")


def _exhibition(services, scores: list[int]) -> tuple[str, list[str]]:
    sid = services.sessions.create(SessionInput("นิทรรศการฝุ่น PM2.5 ลำปาง", e.SessionKind.EXHIBITION,
                                                province="LPG")).id
    pids = [services.exhibition.add_proposal(sid, th, en).id for th, en in PROPOSALS]
    services.sessions.open(sid)
    for n, score in enumerate(scores):
        services.exhibition.record_visit(sid, score, pids[:1] if n % 2 else pids)
    return sid, pids


def _snapshot(services, sid: str) -> svc.PresenterSnapshot:
    with services.db.read() as s:
        return svc.presenter_snapshot(s, sid)


def _view(qtbot, numbers) -> PresenterView:
    view = PresenterView()
    qtbot.addWidget(view)
    view.set_join("http://192.168.1.10:8080/?j=ACDEFG", "http://192.168.1.10:8080/", "ACDEFG", "นิทรรศการฝุ่น")
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.show_results(numbers)
    return view


def test_an_exhibitions_presenter_shows_the_ratings_in_thai(qtbot, services, thai_ui, screenshot):
    sid, _pids = _exhibition(services, [5, 5, 4, 4, 4, 3, 1])
    snap = _snapshot(services, sid)
    assert snap.kind == e.SessionKind.EXHIBITION
    assert snap.rating_count == 7 and snap.rating_average == pytest.approx(26 / 7)
    view = _view(qtbot, numbers_from(snap, "th"))
    assert view.ratings.isVisible()
    assert [(r.label, r.value) for r in view.ratings.rows()] == [
        ("ดีมาก (5)", 2), ("ดี (4)", 3), ("พอใช้ (3)", 1), ("แย่ (2)", 0), ("แย่มาก (1)", 1)]
    assert view.rating_heading(view.numbers) == "ความพึงพอใจเฉลี่ย 3.7 / 5 จากผู้เยี่ยมชม 7 คน"
    laid, left_out = view.ratings.layout_rows()
    assert len(laid) == 5 and left_out == 0, "every face's bar fits at 1366x768"
    assert [(t, v) for t, v in view.numbers.proposals] == [(PROPOSALS[0][0], 7), (PROPOSALS[1][0], 4)]
    qtbot.waitUntil(lambda: view.proposals.height() > 0 and not view.questions.isVisible())
    qtbot.waitUntil(lambda: view.proposals.layout_rows()[1] == 0)  # the layout settles, then every bar fits
    assert [x.row.value for x in view.proposals.layout_rows()[0]] == [7, 4], "the dot votes fit under the ratings"
    assert not view.stances.isVisible() and not view.questions.isVisible(), "no phone sent any yet"
    screenshot(view, "exhibition_presenter_ratings_th")


def test_a_long_day_still_fits_the_heading(qtbot, services, thai_ui):
    """1,204 visitors: the heading's words all stay on the projector (the heading shrinks, never cut)."""
    from PySide6.QtGui import QFontMetricsF

    sid, _pids = _exhibition(services, [4])
    snap = _snapshot(services, sid)
    view = _view(qtbot, numbers_from(replace(snap, ratings={1: 4, 2: 100, 3: 300, 4: 500, 5: 300}), "th"))
    heading = view.rating_heading(view.numbers)
    assert heading == "ความพึงพอใจเฉลี่ย 3.8 / 5 จากผู้เยี่ยมชม 1204 คน"
    assert QFontMetricsF(view.ratings.heading_font()).horizontalAdvance(heading) <= view.ratings.width()
    assert view.ratings.heading_font().pixelSize() >= 14


def test_phones_opinions_at_an_exhibition_bring_back_stances_and_questions(qtbot, services, thai_ui):
    sid, _pids = _exhibition(services, [5, 4])
    snap = replace(_snapshot(services, sid), stances={e.Stance.SUPPORT: 2, e.Stance.OPPOSE: 1, e.Stance.NEUTRAL: 0},
                   questions=(("q1", "จะขยายเขตอากาศสะอาดไปถึงตลาดไหม", 3),))
    view = _view(qtbot, numbers_from(snap, "th"))
    assert view.ratings.isVisible() and view.stances.isVisible() and view.questions.isVisible()
    assert view.proposals.isVisible()


def test_the_ratings_in_english(qtbot, services, english, screenshot):
    sid, _pids = _exhibition(services, [5])
    view = _view(qtbot, numbers_from(_snapshot(services, sid), "en"))
    assert view.rating_heading(view.numbers) == "Satisfaction: average 5.0 / 5 from 1 visitor"
    assert [r.label for r in view.ratings.rows()] == ["Very good (5)", "Good (4)", "Fair (3)", "Poor (2)",
                                                      "Very poor (1)"]
    # the proposals by their English names where staff gave one
    assert [t for t, _v in view.numbers.proposals] == [PROPOSALS[0][1], PROPOSALS[1][0]]
    services.exhibition.record_visit(sid, 2)
    view.show_results(numbers_from(_snapshot(services, sid), "en"))
    assert view.rating_heading(view.numbers) == "Satisfaction: average 3.5 / 5 from 2 visitors"
    screenshot(view, "exhibition_presenter_ratings_en")


def test_no_ratings_yet_says_so(qtbot, services, thai_ui):
    sid, _pids = _exhibition(services, [])
    view = _view(qtbot, numbers_from(_snapshot(services, sid), "th"))
    assert view.ratings.isVisible()
    assert view.rating_heading(view.numbers) == "ความพึงพอใจ: ยังไม่มีผู้ให้คะแนน"
    assert [r.value for r in view.ratings.rows()] == [0, 0, 0, 0, 0]


def test_a_minitalk_shows_no_ratings(qtbot, services, thai_ui):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น", e.SessionKind.MINITALK, province="LPG")).id
    services.sessions.open(sid)
    snap = _snapshot(services, sid)
    assert snap.kind == e.SessionKind.MINITALK
    view = _view(qtbot, numbers_from(snap, "th"))
    assert not view.ratings.isVisible() and view.stances.isVisible()
