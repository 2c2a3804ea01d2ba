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
BROKEN_PLURAL = re.compile(r"\d[\d,]* (?:[^\s\d]+ )?[^\s\d]*\w\(e?s\)")
"""A number then a word with "(s)" or "(es)", perhaps one word between ("2 refused batch(es)"): a count
whose plural form was never chosen."""
PDPA_NOTICES = {CONSENT_PURPOSE_TH, CONSENT_PURPOSE_EN, CONTACT_LOCKED_TH, CONTACT_LOCKED_EN}
"""Read out to participants in Thai and English whatever the UI's language, on purpose."""


@pytest.fixture
def sessions(services) -> dict[str, str]:
    mt = services.sessions.create(SessionInput(MINITALK, e.SessionKind.MINITALK, province="LPG")).id
    services.contributions.add(mt, ContributionInput("opinion", SAID))
    fg = services.sessions.create(SessionInput(FOCUS, e.SessionKind.FOCUS_GROUP, province="LPG")).id
    services.participants.add(fg, ParticipantInput("P01"))  # a participant's row, contacts locked
    services.contributions.add(fg, ContributionInput("opinion", SAID, participant_code="P01"))
    services.observations.add(fg, SAID)
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


BILINGUAL = frozenset({"supervisor PIN", "set supervisor PIN", "participant rights", "erase personal data", "audit log",
                       "deployment refused"})
"""Windows that say every text in both languages at once, or the one ``lang`` picks, on purpose (the
supervisor's PIN prompts, the PDPA dialogs and audit log, a refusal's reason): the clipping walks see
them, the translation walks do not."""
NETWORKS = {"wlp2s0 (Wi-Fi)": "192.168.1.20", "enp3s0": "10.0.0.7"}
"""The laptop's networks audience mode offers (their names are the system's, in no UI language)."""


def _main_window(qtbot, services, tasks, settings, lang: str, held: dict[str, QWidget]) -> QWidget:
    """One main window (shown at 1366x768) for the dialogs a user opens from it."""
    from sala.ui.shell.app import create_main_window

    if "main" not in held:
        w = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        held["main"] = w
    return held["main"]


def _erase_confirm(services, lang: str, parent: QWidget) -> QWidget:
    """As Erase… opens it: a participant found, ticked, the supervisor's PIN given."""
    from sala.ui.privacy.erase_confirm import EraseConfirmDialog

    return EraseConfirmDialog(services.participant_rights.find(code="P01"), lang, parent)


def _rights(qtbot, window: QWidget) -> QWidget:
    """File ▸ Participant rights (PDPA)…, a participant searched for and found."""
    dlg = window.privacy.open()  # type: ignore[attr-defined]
    dlg.code_edit.setText("P01")
    with qtbot.waitSignal(dlg.sig_searched, timeout=5000):
        dlg.search_button.click()
    return dlg


def _audit(qtbot, window: QWidget) -> QWidget:
    """File ▸ Audit log…, its entries read."""
    dlg = window.privacy.open_audit()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dlg.sig_loaded, timeout=5000):
        pass
    return dlg


def _merge(lang: str, parent: QWidget) -> QWidget:
    """The moderation queue's Merge…: a duplicate and what it may be merged with."""
    from datetime import UTC, datetime

    from sala.services.audience import Kind, QueueItem, State
    from sala.ui.audience.moderation_panel import MergeDialog

    def item(n: int, text: str, state: State) -> QueueItem:
        return QueueItem(f"q{n}", "s", Kind.OPINION, e.ContributionType.OPINION, None, None, text, None, f"{n:04d}",
                         state, False, 0, 0, None, datetime(2026, 12, 1, 9, n, tzinfo=UTC))

    return MergeDialog(item(1, SAID, State.PENDING), [item(2, SAID + " at all", State.ACCEPTED),
                                                      item(3, SAID + " now", State.PENDING)], lang, parent)


def _networks(parent: QWidget) -> QWidget:
    """Audience mode's first question: which network the phones are on."""
    from types import SimpleNamespace

    from sala.ui.audience.interface_dialog import InterfaceDialog

    return InterfaceDialog([SimpleNamespace(interface=name, ip=ip) for name, ip in NETWORKS.items()], parent)


def _edit_entry(qtbot, services, tasks, sessions, lang: str, held: dict[str, QWidget], answer: bool) -> QWidget:
    """A focus group's Edit answer… / Edit observation…, on the first of its list."""
    from sala.ui.focus_group.page import FocusGroupPage

    page = FocusGroupPage(services, tasks, sessions["focus_group"], lang)
    qtbot.addWidget(page)
    held[f"focus group {answer}"] = page
    panel = page.answers
    lst = panel.answers if answer else panel.observations
    qtbot.waitUntil(lambda: lst.count() > 0)
    lst.setCurrentRow(0)
    (panel.edit_answer if answer else panel.edit_observation)()
    assert panel.dialog is not None
    return panel.dialog


def _amend_title(qtbot, window: QWidget, sid: str) -> QWidget:
    """A finalized session's title, corrected from its header (Amend title…)."""
    window.open_session(sid)  # type: ignore[attr-defined]
    header = window.stack.currentWidget().header  # type: ignore[attr-defined]
    header.amend_title()
    return header.dialog


def _asked(act: Callable[[], object]) -> QWidget:
    """The box ``act`` asks with (``QMessageBox.exec``), shown and left open instead of waited on; the
    question is taken as not answered (Cancel), so nothing happens after it."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[QMessageBox] = []

    def show(box: QMessageBox) -> int:
        asked.append(box)
        box.show()
        return int(QMessageBox.StandardButton.Cancel.value)

    original = QMessageBox.exec
    QMessageBox.exec = show  # type: ignore[method-assign,assignment]
    try:
        act()
    finally:
        QMessageBox.exec = original  # type: ignore[method-assign]
    assert asked, "no box was asked"
    return asked[-1]


def _finalize(window: QWidget, sid: str) -> QWidget:
    """A session's Finalize…: the question before it becomes read-only."""
    window.open_session(sid)  # type: ignore[attr-defined]
    return _asked(window.stack.currentWidget().header.finalize)  # type: ignore[attr-defined]


def _restore(qtbot, services, tasks, settings, lang: str, held: dict[str, QWidget]) -> QWidget:
    """Settings ▸ Restore a backup: the question before the laptop's data is replaced."""
    from sala.ui.settings.dialog import SettingsDialog

    services.db.backup("manual")
    dlg = held["settings"] = SettingsDialog(services, tasks, settings, lang)  # kept: the box is its child
    qtbot.addWidget(dlg)
    dlg.backup_list.setCurrentRow(0)
    return _asked(dlg.restore_selected)


def _deployment_refused(window: QWidget) -> QWidget:
    """The box said at start when the deployment file beside the app is refused."""
    from PySide6.QtWidgets import QMessageBox

    window.sync_actions.show_start_notice({  # type: ignore[attr-defined]
        "kind": "refused", "path": "/media/usb/sala-deployment.json",
        "th": "แฟ้มการติดตั้งนี้ไม่ได้ลงนามโดยแพลตฟอร์ม จึงไม่ได้ใช้", "en": "This deployment file is not signed "
        "by the platform, so it was not used"})
    box = window.findChild(QMessageBox, "deploymentRefused")
    assert box is not None
    return box


DEPLOYMENT = {"name": "Sala Lampang", "server_id": "srv-1", "url": "https://sala.lampang.example.go.th",
              "agency": "สำนักงานสิ่งแวดล้อมภาค", "unit": "ลำปาง", "province": "AYA"}
"""What a deployment file set (as ``sync.adopt_deployment`` answers): a long province on purpose."""


def _windows(qtbot, services, tasks, settings, sessions, lang: str,
             bilingual: bool = False) -> Iterator[tuple[str, QWidget]]:
    """Each window and dialog, built as the app builds it (opened from the main window's menu where
    the user opens it there). Pages and the main window are shown at 1366x768; a dialog at the size
    it opens at. ``bilingual``: the windows of BILINGUAL too."""
    from PySide6.QtWidgets import QDialog

    from sala.services import supervisor_pin as sp
    from sala.ui.amend.contribution_dialog import AmendDialog
    from sala.ui.common.supervisor_guard import SetPinDialog, SupervisorPinDialog
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
    from sala.ui.sync.install import EnrollDialog

    held: dict[str, QWidget] = {}

    def main() -> QWidget:
        return _main_window(qtbot, services, tasks, settings, lang, held)

    def refusals() -> QWidget:
        return main().sync_actions.show_refusals()  # type: ignore[attr-defined]

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
        ("amend the session title", lambda: _amend_title(qtbot, main(), sessions["finalized"])),
        ("finalized minitalk", lambda: MinitalkPage(services, tasks, sessions["finalized"], lang)),
        ("dashboard", lambda: DashboardPage(services, lang)),
        ("audience moderation", lambda: _moderation(lang)),
        ("audience presenter", _presenter),
        ("audience networks", lambda: _networks(main())),
        ("merge duplicates", lambda: _merge(lang, main())),
        ("edit answer", lambda: _edit_entry(qtbot, services, tasks, sessions, lang, held, answer=True)),
        ("edit observation", lambda: _edit_entry(qtbot, services, tasks, sessions, lang, held, answer=False)),
        ("refused forwards", refusals),
        ("dismiss refusals", lambda: refusals().confirm(2, 1250)),  # type: ignore[attr-defined]
        ("enroll this laptop", lambda: EnrollDialog("https://sala.lampang.example.go.th", main())),
        ("deployment adopted", lambda: main().sync_actions.confirm_adopted(DEPLOYMENT)),  # type: ignore[attr-defined]
        ("finalize a session", lambda: _finalize(main(), sessions["minitalk"])),
        ("restore a backup", lambda: _restore(qtbot, services, tasks, settings, lang, held)),
    ]
    if bilingual:
        makers += [
            ("deployment refused", lambda: _deployment_refused(main())),
            ("set supervisor PIN", lambda: SetPinDialog(services.supervisor, lang, tasks, main())),
            ("supervisor PIN", lambda: SupervisorPinDialog(services.supervisor, sp.ERASE, lang, tasks, main())),
            ("participant rights", lambda: _rights(qtbot, main())),
            ("erase personal data", lambda: _erase_confirm(services, lang, main())),
            ("audit log", lambda: _audit(qtbot, main())),
        ]
    for name, make in makers:
        w = make()
        if w.parentWidget() is None:
            qtbot.addWidget(w)  # one opened from a window goes with it (some delete themselves on close)
        if isinstance(w, QDialog):
            w.show()  # at the size it opens at, as open() and exec() show it
        else:
            w.resize(1366, 768)
            w.show()
        qtbot.waitExposed(w)
        yield name, w
        if isinstance(w, KioskVisitor):
            w.leave()  # closed otherwise, it asks for the PIN: a modal pad left up for the next tests


WALKED = frozenset({"MainWindow", "SettingsDialog", "NewSessionDialog", "PinDialog", "ReportDialog", "ExportDialog",
                    "SyncDialog", "AttendanceDialog", "AmendDialog", "AmendRecordDialog", "InterfaceDialog",
                    "MergeDialog", "EditEntryDialog", "RefusalsDialog", "EnrollDialog", "AuditLogDialog",
                    "SetPinDialog", "SupervisorPinDialog", "ParticipantRightsDialog", "EraseConfirmDialog",
                    "JobDialog"})
"""The window classes of sala.ui the walk opens (JobDialog: as the report and export dialogs)."""


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
    return words | DATA | PDPA_NOTICES | set(NETWORKS) | {"https://"}  # the enrollment address's start


_LATIN = re.compile(r"[A-Za-z]{2,}")
_MARKED = re.compile(re.escape(i18n_build.PSEUDO_OPEN) + f"[^{i18n_build.PSEUDO_OPEN}{i18n_build.PSEUDO_CLOSE}]*"
                     + re.escape(i18n_build.PSEUDO_CLOSE))
"""One marked text holding no other (a translated count put inside a translated sentence nests them)."""


def unmarked(text: str, allowed: set[str]) -> str:
    """What is left of ``text`` outside the markers and the allowed data words, if it has words."""
    rest = re.sub(r"<[^>]+>", " ", text)  # rich text's tags are not words
    while _MARKED.search(rest):  # the innermost first: "⟦Dismiss ⟦2 refused batches⟧ …⟧"
        rest = _MARKED.sub(" ", rest)
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
    assert unmarked(f"⟦Dismiss ⟦2 batches{got}⟧ (⟦3 records⟧)? Gone⟧", set()) == ""
    assert unmarked("⟦Dismiss ⟦2 batches⟧⟧ left out", set()) != ""
