"""No user-visible string escapes translation.

Two walks over every window and dialog a field officer meets:
- in English, no Thai letters are left (a Thai string typed straight into the code), and no count
  says "(s)" ("1 session(s)": a ``%n`` message whose English plural forms were left unfinished);
- in a pseudo-locale built from ``sala_en.ts`` (each text marked ⟦…⟧ and made longer), every
  English word on screen sits inside markers (an English string never passed through tr()).
Words that are data, not interface (a session's title, a province, an enum's label chosen by
the page's ``lang``), are set by the test and allowed by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QWidget

from sala.domain import enums as e
from sala.domain.inputs import CONSENT_PURPOSE_EN, CONSENT_PURPOSE_TH, ContributionInput, ParticipantInput, SessionInput
from sala.domain.provinces import all_provinces
from sala.domain.thaidate import MONTHS_EN
from sala.ui import i18n_build
from sala.ui.focus_group.participant_row import CONTACT_LOCKED_EN, CONTACT_LOCKED_TH
from sala.ui.shell.i18n import TRANSLATOR_NAME, switch_language
from tests.i18n_walk import texts, with_thai

MINITALK = "Haze talk"
FOCUS = "Haze focus group"
EXHIBITION = "Haze exhibition"
PROPOSAL = "Clean air zones"
SAID = "Burning should stop"
DATA = {MINITALK, FOCUS, EXHIBITION, PROPOSAL, SAID, "ไทย", "English", "Sala"}
"""Words that are the same in every UI language: the test's data, each language's own name."""
BROKEN_PLURAL = re.compile(r"\d[\d,]* [^\s\d]*\w\(s\)")
"""A number then a word with "(s)": a count whose plural form was never chosen."""
PDPA_NOTICES = {CONSENT_PURPOSE_TH, CONSENT_PURPOSE_EN, CONTACT_LOCKED_TH, CONTACT_LOCKED_EN}
"""Read out to participants in Thai and English whatever the UI's language, on purpose."""


@pytest.fixture
def sessions(services) -> dict[str, str]:
    mt = services.sessions.create(SessionInput(MINITALK, e.SessionKind.MINITALK, province="LPG")).id
    services.contributions.add(mt, ContributionInput("opinion", SAID))
    fg = services.sessions.create(SessionInput(FOCUS, e.SessionKind.FOCUS_GROUP, province="LPG")).id
    services.participants.add(fg, ParticipantInput("P01"))  # a participant's row, contacts locked
    ex = services.sessions.create(SessionInput(EXHIBITION, e.SessionKind.EXHIBITION, province="LPG")).id
    services.exhibition.add_proposal(ex, PROPOSAL)
    done = services.sessions.create(SessionInput(MINITALK, e.SessionKind.MINITALK, province="LPG")).id
    services.contributions.add(done, ContributionInput("opinion", SAID))
    services.sessions.open(done)
    services.sessions.close(done)
    services.sessions.finalize(done)
    return {"minitalk": mt, "focus_group": fg, "exhibition": ex, "finalized": done}


def _moderation(lang: str) -> QWidget:
    """The moderation panel as audience mode shows it: the address, the join code, the counts."""
    from sala.ui.audience.moderation_panel import ModerationPanel

    panel = ModerationPanel(lang)
    panel.set_join(["http://192.168.1.20:8765/"], "4821")
    panel.show_counts(3, 1)
    return panel


def _presenter() -> QWidget:
    from sala.ui.audience.presenter_view import PresenterNumbers, PresenterView

    view = PresenterView()
    view.show_results(PresenterNumbers(phones=3, exhibition=True, rating_count=2, rating_average=4.5))
    return view


def _windows(qtbot, services, tasks, settings, sessions, lang: str) -> Iterator[tuple[str, QWidget]]:
    """Each window and dialog, built as the app builds it, shown at 1366x768."""
    from sala.ui.amend.contribution_dialog import AmendDialog
    from sala.ui.dashboard.page import DashboardPage
    from sala.ui.focus_group.page import FocusGroupPage
    from sala.ui.kiosk.pin import PinDialog
    from sala.ui.kiosk.staff_page import KioskStaffPage
    from sala.ui.kiosk.visitor import KioskVisitor
    from sala.ui.minitalk.page import MinitalkPage
    from sala.ui.reports.export_dialog import ExportDialog
    from sala.ui.reports.report_dialog import ReportDialog
    from sala.ui.sessions.attendance_dialog import AttendanceDialog
    from sala.ui.sessions.new_dialog import NewSessionDialog
    from sala.ui.settings.dialog import SettingsDialog
    from sala.ui.shell.app import create_main_window
    from sala.ui.sync.history_dialog import SyncDialog

    makers: list[tuple[str, Callable[[], QWidget]]] = [
        ("main window", lambda: create_main_window(services, tasks, settings, lang)),
        ("settings", lambda: SettingsDialog(services, tasks, settings, lang)),
        ("new session", lambda: NewSessionDialog(services, tasks, lang)),
        ("minitalk", lambda: MinitalkPage(services, tasks, sessions["minitalk"], lang)),
        ("focus group", lambda: FocusGroupPage(services, tasks, sessions["focus_group"], lang)),
        ("exhibition staff", lambda: KioskStaffPage(services, tasks, sessions["exhibition"], lang)),
        ("kiosk PIN", lambda: PinDialog(services.kiosk_pin, "set", lang, tasks)),
        ("session summary", lambda: ReportDialog(services, lang, sessions["minitalk"])),
        ("period report", lambda: ReportDialog(services, lang, None)),
        ("export", lambda: ExportDialog(services, lang)),
        ("sync history", lambda: SyncDialog(services.sync, lang)),
        ("kiosk visitor", lambda: KioskVisitor(services, tasks, sessions["exhibition"], lang)),
        ("head count", lambda: AttendanceDialog(services.sessions, services.amendments, tasks, lang,
                                                services.sessions.get(sessions["minitalk"]))),
        ("amend a contribution", lambda: AmendDialog(
            services.amendments, tasks, lang, services.contributions.list(sessions["finalized"])[0], {})),
        ("finalized minitalk", lambda: MinitalkPage(services, tasks, sessions["finalized"], lang)),
        ("dashboard", lambda: DashboardPage(services, lang)),
        ("audience moderation", lambda: _moderation(lang)),
        ("audience presenter", _presenter),
    ]
    for name, make in makers:
        w = make()
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        yield name, w
        if isinstance(w, KioskVisitor):
            w.leave()  # closed otherwise, it asks for the PIN: a modal pad left up for the next tests


@pytest.fixture
def english(qapp, thai_ui) -> Iterator[None]:
    switch_language(qapp, "en")
    yield
    switch_language(qapp, "th")


def test_no_thai_is_left_in_english(qtbot, services, tasks, settings, sessions, english):
    left: list[str] = []
    for name, w in _windows(qtbot, services, tasks, settings, sessions, "en"):
        left += [f"{name}: {t}" for t in with_thai(w, DATA | PDPA_NOTICES)]
        left += [f"{name}: {where}: {text!r}" for where, text in texts(w) if BROKEN_PLURAL.search(text)]
        w.close()
    assert not left, "Thai text or counts without their plural on English windows:\n" + "\n".join(left)


@pytest.fixture
def pseudo(qapp, thai_ui, tmp_path) -> Iterator[None]:
    """The pseudo-locale in place of Sala's own translation (Qt's own English stays)."""
    switch_language(qapp, "en")
    qm = i18n_build.build_pseudo(tmp_path / "i18n")
    translator = QTranslator(qapp)
    translator.setObjectName(TRANSLATOR_NAME)
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    switch_language(qapp, "th")


def _data_words() -> set[str]:
    """English words that are data chosen by ``lang``, not interface text."""
    words = {p.name_en for p in all_provinces()} | set(MONTHS_EN)
    for enum in (e.SessionKind, e.ContributionType, e.Stance, e.VenueKind, e.SessionStatus, e.AgeBand, e.Gender,
                 e.Occupation, e.ConsentKind):
        words |= {x.label("en") for x in enum}
    return words | DATA | PDPA_NOTICES


_LATIN = re.compile(r"[A-Za-z]{2,}")
_MARKED = re.compile(re.escape(i18n_build.PSEUDO_OPEN) + ".*?" + re.escape(i18n_build.PSEUDO_CLOSE), re.S)


def unmarked(text: str, allowed: set[str]) -> str:
    """What is left of ``text`` outside the markers and the allowed data words, if it has words."""
    rest = _MARKED.sub(" ", re.sub(r"<[^>]+>", " ", text))  # rich text's tags are not words
    for word in sorted(allowed, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return rest if _LATIN.search(rest) else ""


def test_every_english_word_on_screen_went_through_translation(qtbot, services, tasks, settings, sessions,
                                                              pseudo, app_paths):
    allowed = _data_words() | {str(app_paths.data_dir), str(app_paths.database)}
    left: list[str] = []
    for name, w in _windows(qtbot, services, tasks, settings, sessions, "en"):
        left += [f"{name}: {where}: {text!r}" for where, text in texts(w)
                 if unmarked(text, allowed) and not text.endswith("sala.sqlite3")]  # the status bar's elided path
        w.close()
    assert not left, "text that never went through tr():\n" + "\n".join(left)


def test_the_pseudo_locale_marks_and_stretches_every_string(tmp_path):
    qm = i18n_build.build_pseudo(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    got = translator.translate("MainWindow", "&File")
    assert got.startswith(i18n_build.PSEUDO_OPEN + "&File") and got.endswith(i18n_build.PSEUDO_CLOSE)
    assert len(got) > len("&File") * 1.3
    assert unmarked(got, set()) == "" and unmarked("Hard-coded", set()) != ""
