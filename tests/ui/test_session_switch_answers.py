"""A session page let go of while its records are still being read: a user opens one session, then
at once another (or goes back and opens the next). The main window deletes the first page; the
answers of the reads it queued arrive to no page and are dropped. Before, the minitalk's side panels
raised 'Internal C++ object (QTableWidget) already deleted' in the event loop (seen in the window
walk, which opens several sessions one after another)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.ui.shell.app import create_main_window


@pytest.mark.parametrize("kind", [e.SessionKind.MINITALK, e.SessionKind.FOCUS_GROUP, e.SessionKind.EXHIBITION])
def test_a_page_let_go_before_its_records_are_read_says_nothing(qtbot, services, tasks, settings, thai_ui,
                                                                kind: e.SessionKind) -> None:
    first = services.sessions.create(SessionInput("เวทีแรก", kind, province="LPG")).id
    second = services.sessions.create(SessionInput("เวทีที่สอง", e.SessionKind.MINITALK, province="LPG")).id
    if kind != e.SessionKind.EXHIBITION:
        services.contributions.add(first, ContributionInput("opinion", "ควรหยุดเผา"))
    window = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(first)
    page = window.stack.currentWidget()
    window.open_session(second)  # at once: the first page's reads are still queued
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the first page is gone before they answer
    assert not shiboken6.isValid(page)
    qtbot.waitUntil(lambda: tasks.pending() == 0)  # every answer delivered, to no page
    second_page = window.stack.currentWidget()
    assert second_page is not None and second_page.isVisible()
