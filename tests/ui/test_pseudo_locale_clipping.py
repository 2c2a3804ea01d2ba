"""In the pseudo-locale (every string a third longer, with Thai marks above and below), every main
screen and dialog at 1366x768 still fits the screen and shows each label, button and tab whole.

A string that grows in translation (Thai often does, and needs more height for its marks) must
wrap, elide on purpose or find room; never be cut at a widget's edge or push the window past the
laptop's screen. Checked with font metrics, not pixels: a label or button smaller than its text
needs (``clipped_texts``), a tab narrower than its text, a window whose minimum size is larger
than the screen, and a visible widget that lies outside its window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabBar, QWidget

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
        if isinstance(p.parentWidget(), QAbstractScrollArea) and p is p.parentWidget().viewport():
            return True
        p = p.parentWidget()
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


def test_every_window_fits_1366x768_with_longer_taller_strings(qtbot, services, tasks, settings,
                                                                sessions,  # noqa: F811 - the fixture
                                                                pseudo) -> None:  # noqa: F811 - the fixture
    problems: list[str] = []
    seen = 0
    for name, w in _windows(qtbot, services, tasks, settings, sessions, "en"):
        _settle()
        seen += 1
        hint = w.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
            problems.append(f"{name}: needs at least {hint.width()}x{hint.height()}, the screen is {SCREEN}")
        if w.width() > SCREEN[0] or w.height() > SCREEN[1]:
            problems.append(f"{name}: is {w.width()}x{w.height()}, larger than the screen")
        problems += [f"{name}: {p}" for p in clipped_texts(w) + clipped_tabs(w) + outside_window(w)]
        w.close()
    assert seen >= 15
    assert not problems, "in the pseudo-locale at 1366x768:\n" + "\n".join(problems)
