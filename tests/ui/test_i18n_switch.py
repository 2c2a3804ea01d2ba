"""Switching the language applies at once, on every open window, and loses nothing typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.shell.app import create_main_window
from sala.ui.shell.i18n import switch_language
from tests.i18n_walk import THAI, texts, with_thai
from tests.typing import type_text

TITLE = "เวทีฝุ่นควันลำปาง"
TYPED = "ชาวบ้านอยากให้ห้ามเผาในที่โล่ง"
DATA = {TITLE, TYPED, "ไทย"}
"""Thai that stays Thai in English: what the user typed, and the language's own name."""


@pytest.fixture
def back_to_thai(qapp, thai_ui) -> Iterator[None]:
    """The rest of the run speaks Thai again, whatever a test switched to."""
    yield
    switch_language(qapp, "th")


@pytest.fixture
def window(qtbot, services, tasks, settings, back_to_thai):
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_switching_in_settings_speaks_english_at_once_and_keeps_the_typing(qtbot, window, services, settings):
    sid = services.sessions.create(SessionInput(TITLE, e.SessionKind.MINITALK, province="LPG")).id
    window.open_session(sid)
    page = window.stack.currentWidget()
    page.capture.box.setFocus()
    type_text(page.capture.box, TYPED)
    assert window.file_menu.title() == "&ไฟล์" or THAI.search(window.file_menu.title())

    window.action_settings.trigger()
    dlg = window.settings_dialog
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: window.lang == "en", timeout=10_000)

    assert settings.value("ui/language") == "en", "the choice holds at the next start too"
    new_page = window.stack.currentWidget()
    assert new_page is not page and new_page.lang == "en", "the open session page is rebuilt in English"
    assert new_page.capture.box.toPlainText() == TYPED, "what was typed is still there"
    assert window.windowTitle() == "Sala — public consultation"
    assert window.file_menu.title() == "&File" and window.action_settings.text() == "Se&ttings…"
    QApplication.processEvents()
    left = with_thai(window, DATA)
    assert not left, "Thai left on the English window:\n" + "\n".join(left)
    shown = {t for _w, t in texts(window)}
    assert "Sync now" in shown, "the sync status speaks English too"

    window.language_actions["th"].trigger()  # and back, from the View menu
    assert window.lang == "th"
    back = window.stack.currentWidget()
    assert back.capture.box.toPlainText() == TYPED
    assert THAI.search(window.file_menu.title()) and THAI.search(window.windowTitle())


def test_switching_on_the_list_rebuilds_the_list_in_the_new_language(qtbot, window, services):
    services.sessions.create(SessionInput(TITLE, e.SessionKind.MINITALK, province="LPG"))
    window.show_list()
    old_list = window.list_page
    window.set_language("en")
    assert window.list_page is not old_list and window.stack.currentWidget() is window.list_page
    model = window.list_page.model
    assert model.total() == 1
    assert e.SessionKind.MINITALK.label("en") in {model.data(model.index(0, c)) for c in range(model.columnCount())}
    assert "1 session" in window.count_label.text()
    left = with_thai(window, DATA)
    assert not left, "Thai left on the English list:\n" + "\n".join(left)


def test_the_session_header_names_its_topic_in_the_ui_language(qtbot, window, services):
    topic = next(t for t in services.catalog.topics() if t.name_en and t.name_th != t.name_en)
    sid = services.sessions.create(SessionInput(TITLE, e.SessionKind.MINITALK, province="LPG",
                                                topic_ids=[topic.id])).id
    window.open_session(sid)
    facts = window.stack.currentWidget().header.facts
    assert topic.name_th in facts.text() and topic.name_en not in facts.text()
    window.set_language("en")
    facts = window.stack.currentWidget().header.facts
    assert topic.name_en in facts.text() and topic.name_th not in facts.text()
    assert "Lampang" in facts.text()
