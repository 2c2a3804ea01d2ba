"""Counts read right in both languages: "1 phone joined", "3 phones joined", "เข้าร่วมแล้ว 3 เครื่อง";
never "1 phone(s) joined" (the English source, shown when its plural forms were left unfinished:
English needs no other translation, so nobody noticed). Every message counted with ``%n`` has its
forms written in both .ts files; and no count on an English screen says "(s)"."""

from __future__ import annotations

import re

import pytest

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.ui import i18n_build
from sala.ui.shell.i18n import switch_language
from tests.ui.test_i18n_coverage import BROKEN_PLURAL


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_counted_message_has_its_plural_forms_written(lang):
    assert i18n_build.unfinished_plurals(lang) == []


@pytest.fixture
def lang(request, qapp, thai_ui):
    switch_language(qapp, request.param)
    yield request.param
    switch_language(qapp, "th")


WANTED = {
    "en": {(1, 1): "1 phone joined · 1 waiting", (3, 0): "3 phones joined · 0 waiting"},
    "th": {(1, 1): "เข้าร่วมแล้ว 1 เครื่อง · รอ 1 รายการ", (3, 0): "เข้าร่วมแล้ว 3 เครื่อง · รอ 0 รายการ"},
}


@pytest.mark.parametrize("lang", ["en", "th"], indirect=True)
def test_the_audience_counts_read_right_for_one_and_for_many(qtbot, lang):
    from sala.ui.audience.moderation_panel import ModerationPanel
    from sala.ui.audience.presenter_view import PresenterNumbers, PresenterView

    panel = ModerationPanel(lang)
    qtbot.addWidget(panel)
    view = PresenterView()
    qtbot.addWidget(view)
    for (phones, waiting), text in WANTED[lang].items():
        panel.show_counts(phones, waiting)
        assert panel.counts.text() == text
        view.show_results(PresenterNumbers(phones=phones))
        assert view.phones.text() == text.split(" · ")[0]
    one = view.rating_heading(PresenterNumbers(rating_count=1, rating_average=4.0))
    assert not BROKEN_PLURAL.search(one) and ("1 visitor" in one if lang == "en" else "1 คน" in one)


@pytest.mark.parametrize("lang", ["en"], indirect=True)
def test_the_session_and_contribution_counts_read_right_in_english(qtbot, services, tasks, settings, lang):
    from sala.ui.minitalk.page import MinitalkPage
    from sala.ui.shell.app import create_main_window

    sid = services.sessions.create(SessionInput("Haze talk", e.SessionKind.MINITALK, province="LPG")).id
    services.contributions.add(sid, ContributionInput("opinion", "Burning should stop"))
    window = create_main_window(services, tasks, settings, lang)
    qtbot.addWidget(window)
    assert window.count_label.text() == "1 session"
    page = MinitalkPage(services, tasks, sid, lang)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.count.text() == "1 contribution")
    services.sessions.create(SessionInput("Haze talk 2", e.SessionKind.MINITALK, province="LPG"))
    window.show_list()
    qtbot.waitUntil(lambda: window.count_label.text() == "2 sessions")


def test_the_broken_plural_pattern_finds_what_it_is_for():
    assert BROKEN_PLURAL.search("1 phone(s) joined") and BROKEN_PLURAL.search("12 session(s)")
    assert not BROKEN_PLURAL.search("Tick the network(s) the phones are on")
    assert not BROKEN_PLURAL.search("3 phones joined")


def test_no_message_written_in_both_languages_counts_with_s_in_brackets():
    """Messages made with ``bilingual`` (not ``tr()``) count in English with ``count_en``: a count
    then "word(s)" in the source is "1 session(s)" on screen. The whole package: the services',
    the sync engine's and the commands' messages reach the same screens and terminals."""
    from pathlib import Path

    import sala

    counted = re.compile(r"\}\s+[A-Za-z ]*\w\(s\)")  # f"{n} session(s)"
    found = [f"{path.name}:{i}: {line.strip()}" for path in Path(sala.__file__).parent.rglob("*.py")
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if counted.search(line)]
    assert found == [], "\n".join(found)


def test_count_en_says_one_and_many():
    from sala.domain.counts import count_en

    assert count_en(1, "session", "sessions") == "1 session"
    assert count_en(0, "session", "sessions") == "0 sessions"
    assert count_en(1234, "record", "records") == "1,234 records"
