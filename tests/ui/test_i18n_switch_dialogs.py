"""Switching language with several windows open: the main window, a session page with unsaved
typing, and the sync history and refused-forwards dialogs (modeless, open beside it). Before, the
dialogs stayed in Thai after the switch (seen in issue 13's walk under Xvfb)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.shell.app import create_main_window
from sala.ui.shell.i18n import switch_language
from sala.ui.sync.history_dialog import SyncDialog
from sala.ui.sync.refusals import RefusalsDialog
from tests.i18n_walk import THAI, with_thai
from tests.typing import type_text

TITLE = "เวทีฝุ่นควันลำปาง"
TYPED = "ชาวบ้านอยากให้ห้ามเผาในที่โล่ง"


@pytest.fixture
def window(qtbot, services, tasks, settings, qapp, thai_ui) -> Iterator:
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    switch_language(qapp, "th")


def _shown(kind: type) -> list:
    return [t for t in QApplication.topLevelWidgets() if isinstance(t, kind) and t.isVisible()]


def test_open_dialogs_speak_the_new_language_where_they_were(qtbot, window, services, settings) -> None:
    sid = services.sessions.create(SessionInput(TITLE, e.SessionKind.MINITALK, province="LPG")).id
    window.open_session(sid)
    page = window.stack.currentWidget()
    page.capture.box.setFocus()
    type_text(page.capture.box, TYPED)

    history = window.sync_actions.show_history()
    refusals = window.sync_actions.show_refusals()
    for dlg in (history, refusals):
        qtbot.addWidget(dlg)
        qtbot.waitExposed(dlg)
    history.move(700, 250)
    tabs = history.findChildren(QTabWidget)[0]
    tabs.setCurrentIndex(tabs.count() - 1)
    where = history.geometry()
    assert THAI.search(history.windowTitle()) and THAI.search(refusals.windowTitle())

    window.action_settings.trigger()
    dlg = window.settings_dialog
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.lang == "en", timeout=10_000)

    assert window.stack.currentWidget().capture.box.toPlainText() == TYPED, "the typing is kept"
    qtbot.waitUntil(lambda: not history.isVisible() and not refusals.isVisible())
    (new_history,) = _shown(SyncDialog)
    (new_refusals,) = _shown(RefusalsDialog)
    for new in (new_history, new_refusals):
        qtbot.addWidget(new)
    assert new_history.windowTitle() == "Sync history and refused records"
    assert new_refusals.windowTitle() == "Refused forwards"
    assert new_history.geometry() == where, "it stays where the user put it"
    new_tabs = new_history.findChildren(QTabWidget)[0]
    assert new_tabs.currentIndex() == new_tabs.count() - 1, "on the tab the user chose"
    for new in (new_history, new_refusals):
        left = with_thai(new, {TITLE, TYPED})
        assert not left, f"Thai left on {type(new).__name__}:\n" + "\n".join(left)

    window.language_actions["th"].trigger()  # and back, from the View menu
    qtbot.waitUntil(lambda: any(THAI.search(d.windowTitle()) is not None for d in _shown(SyncDialog)))
    for d in _shown(SyncDialog) + _shown(RefusalsDialog):
        qtbot.addWidget(d)
    assert len(_shown(SyncDialog)) == 1 and len(_shown(RefusalsDialog)) == 1


def test_a_closed_dialog_is_not_opened_again_by_a_switch(qtbot, window) -> None:
    history = window.sync_actions.show_history()
    qtbot.addWidget(history)
    qtbot.waitExposed(history)
    history.close()
    window.set_language("en")
    assert not _shown(SyncDialog)
