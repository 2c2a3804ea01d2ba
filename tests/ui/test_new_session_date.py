"""The new-session dialog proposes today's date in Thailand, whatever the laptop's time zone:
at 23:30 UTC (06:30 the next morning in Bangkok) a laptop left on UTC still offers the Thai date
(issue 10)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from sala.domain import clock
from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.ui.common.widgets import py_date
from sala.ui.sessions.new_dialog import NewSessionDialog

LATE_UTC = datetime(2025, 3, 14, 23, 30, tzinfo=UTC)   # 15 March 2025 (B.E. 2568) 06:30 in Bangkok


@pytest.fixture
def utc_laptop(monkeypatch):
    """The laptop's zone is UTC and its clock reads 23:30 UTC (through domain/clock, the app's one clock)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(clock, "now", lambda: LATE_UTC)
    yield
    monkeypatch.undo()
    time.tzset()


def test_default_date_is_bangkok_today(qtbot, services, tasks, thai_ui, utc_laptop):
    assert datetime.now().astimezone().utcoffset().total_seconds() == 0, "the laptop really is on UTC"
    dlg = NewSessionDialog(services, tasks, "th", e.SessionKind.MINITALK)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert py_date(dlg.date.date()) == date(2025, 3, 15), dlg.date.text()
    assert dlg.date.text() == "15/03/2568", dlg.date.text()


def test_session_date_without_a_start_is_bangkok_today(utc_laptop):
    assert SessionInput("เวที", e.SessionKind.MINITALK).session_date() == date(2025, 3, 15)
