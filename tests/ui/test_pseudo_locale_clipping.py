"""In the pseudo-locale (every string a third longer, with Thai marks above and below), every main
screen and dialog at 1366x768 still fits the screen and shows each label, button and tab whole.

A string that grows in translation (Thai often does, and needs more height for its marks) must
wrap, elide on purpose or find room; never be cut at a widget's edge or push the window past the
laptop's screen. Checked with font metrics, not pixels: a label or button smaller than its text
needs (``clipped_texts``), a tab narrower than its text, a combo box too small for any of its items,
a tool button, a group box's title or a table header cut (``tests/ui/clipping.py``, width and
height), a window whose minimum size is larger than the screen, and a visible widget that lies
outside its window. The same walk runs in Thai and in English.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabBar, QWidget

from sala.ui.shell.i18n import switch_language
from tests.ui.clipping import clipped_self_sized
from tests.ui.conftest import SCREEN, clipped_texts
from tests.ui.test_i18n_coverage import _windows, pseudo, sessions  # noqa: F401 - fixtures used by name


def _settle() -> None:
    QApplication.processEvents()
    for _ in range(3):  # layouts settle, inner ones first, as before a paint
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _in_scroll_area(w: QWidget, top: QWidget) -> bool:
    """Whether ``w`` sits inside a scroll area's viewport (there it may extend: it scrolls)."""
    p = w.parentWidget()
    while p is not None and p is not top:
        parent = p.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and p is parent.viewport():
            return True
        p = parent
    return False


def outside_window(window: QWidget) -> list[str]:
    """Visible widgets of ``window`` that reach past its edges (cut off by the window itself)."""
    bounds = QRect(QPoint(0, 0), window.size())
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.isWindow() or w.width() <= 1 or _in_scroll_area(w, window):
            continue
        rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not bounds.contains(rect):
            out.append(f"{type(w).__name__}#{w.objectName()} at {rect.getRect()} outside {bounds.getRect()}")
    return out


def clipped_tabs(window: QWidget) -> list[str]:
    """Tabs whose text is cut (Qt elides a tab's text when the bar has no room)."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisibleTo(window):
            continue
        fm = bar.fontMetrics()
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            text = bar.tabText(i).replace("&", "")
            if fm.horizontalAdvance(text) > bar.tabRect(i).width():
                cut.append(f"tab {text!r}: needs {fm.horizontalAdvance(text)} px, has {bar.tabRect(i).width()}")
    return cut


def _problems(qtbot, services, tasks, settings, made: dict[str, str], lang: str) -> tuple[int, list[str]]:
    problems: list[str] = []
    seen = 0
    for name, w in _windows(qtbot, services, tasks, settings, made, lang):
        _settle()
        seen += 1
        hint = w.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
            problems.append(f"{name}: needs at least {hint.width()}x{hint.height()}, the screen is {SCREEN}")
        if w.width() > SCREEN[0] or w.height() > SCREEN[1]:
            problems.append(f"{name}: is {w.width()}x{w.height()}, larger than the screen")
        cut = clipped_texts(w) + clipped_tabs(w) + clipped_self_sized(w) + outside_window(w)
        problems += [f"{name}: {p}" for p in cut]
        w.close()
    return seen, problems


def test_every_window_fits_1366x768_with_longer_taller_strings(qtbot, services, tasks, settings,
                                                                sessions,  # noqa: F811 - the fixture
                                                                pseudo) -> None:  # noqa: F811 - the fixture
    seen, problems = _problems(qtbot, services, tasks, settings, sessions, "en")
    assert seen >= 15
    assert not problems, "in the pseudo-locale at 1366x768:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_window_shows_its_texts_whole_in_thai_and_english(qapp, qtbot, services, tasks, settings, thai_ui,
                                                                 sessions,  # noqa: F811 - the fixture
                                                                 lang: str) -> None:
    switch_language(qapp, lang)
    try:
        seen, problems = _problems(qtbot, services, tasks, settings, sessions, lang)
    finally:
        switch_language(qapp, "th")
    assert seen >= 15
    assert not problems, f"in {lang} at 1366x768:\n" + "\n".join(problems)
