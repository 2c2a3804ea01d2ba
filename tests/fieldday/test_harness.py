"""The field-day harness itself: it really runs on xcb with a 1366x768 screen."""

from __future__ import annotations


def test_runs_on_xcb_at_1366x768(qapp) -> None:
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.platformName() == "xcb"
    assert QGuiApplication.primaryScreen().geometry().size().toTuple() == (1366, 768)
