"""In the pseudo-locale (every string a third longer, with Thai marks above and below), every main
screen and dialog at 1366x768 still fits the screen and shows each label, button and tab whole.

A string that grows in translation (Thai often does, and needs more height for its marks) must
wrap, elide on purpose or find room; never be cut at a widget's edge or push the window past the
laptop's screen. Checked with font metrics, not pixels: a label or button smaller than its text
needs (``clipped_texts``), a tab narrower than its text, a combo box too small for any of its items,
a tool button, a group box's title or a table header cut (``tests/ui/clipping.py``, width and
height), a window whose minimum size is larger than the screen, and a visible widget that lies
outside its window. An empty line edit's placeholder is checked too. The same walk runs in Thai and
in English.

The walk (``tests/ui/test_i18n_coverage._windows``) opens, in this order:
main window, settings, new session, minitalk, focus group, exhibition staff, kiosk PIN, session
summary, period report, export, sync history, kiosk visitor, head count, amend a contribution, amend
the session title, finalized minitalk, dashboard, audience moderation, audience presenter (the
projector window's only content), audience networks, merge duplicates, edit answer, edit
observation, refused forwards, dismiss refusals, enroll this laptop, deployment adopted, finalize a
session, restore a backup (boxes a handler waits on with exec(): shown and left open), and (said in
both languages, or in the one the window was opened in, so outside the translation walks) deployment
refused, set supervisor PIN, supervisor PIN, participant rights, erase personal data, audit log.
Pages and the main window at 1366x768; dialogs at the size they open at.

Not walked (said here so an absence is seen): Qt's file dialogs (their texts are Qt's own, see
``sala/ui/shell/qt_strings.py``), the tag and guide-template name prompts (QInputDialog.getText),
and the other message boxes (the retention purge's confirmation and result, the error boxes of
``common/errors.py``, startup's, the audience mode's refusal): a QMessageBox wraps its text and sizes
itself to it. ``test_every_dialog_class_is_walked`` fails when a dialog
class of ``sala/ui`` is not in the walk.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabBar, QWidget

from sala.ui.shell.i18n import switch_language
from tests.ui.clipping import clipped_self_sized
from tests.ui.conftest import SCREEN, clipped_texts
from tests.ui.test_i18n_coverage import WALKED, _windows, pseudo, sessions  # noqa: F401 - fixtures used by name

UI = Path(__file__).resolve().parents[2] / "desktop" / "sala" / "ui"
WINDOW_BASES = {"QDialog", "QMainWindow", "QMessageBox", "QInputDialog", "QFileDialog"}
"""Qt's top-level window classes: a class of sala.ui built on one (directly or not) is a window."""


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


def window_classes(root: Path = UI) -> set[str]:
    """Every class under ``root`` built on a Qt dialog or main window, directly or through another."""
    bases: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr for b in node.bases
                    if isinstance(b, (ast.Name, ast.Attribute)))
    windows: set[str] = set()
    grew = True
    while grew:
        before = len(windows)
        windows |= {name for name, of in bases.items() if of & (WINDOW_BASES | windows)}
        grew = len(windows) > before
    return windows


def _problems(qtbot, services, tasks, settings, made: dict[str, str], lang: str,
              classes: set[str] | None = None) -> tuple[int, list[str]]:
    problems: list[str] = []
    seen = 0
    for name, w in _windows(qtbot, services, tasks, settings, made, lang, bilingual=True):
        _settle()
        seen += 1
        if classes is not None:
            classes.update(k.__name__ for k in type(w).__mro__)
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
    classes: set[str] = set()
    seen, problems = _problems(qtbot, services, tasks, settings, sessions, "en", classes)
    assert seen >= 35
    assert WALKED <= classes, f"said to be walked, not opened: {sorted(WALKED - classes)}"
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
    assert seen >= 35
    assert not problems, f"in {lang} at 1366x768:\n" + "\n".join(problems)


def test_every_dialog_class_is_walked() -> None:
    """A new dialog (or window) class in sala/ui fails here until the walk opens it (add it to
    ``_windows`` and ``WALKED`` in test_i18n_coverage, and to this module's list)."""
    found = window_classes()
    assert {"SettingsDialog", "AmendDialog", "ReportDialog", "MainWindow"} <= found  # the scan sees subclasses
    assert not found - WALKED, f"dialogs the walk never opens: {sorted(found - WALKED)}"


def test_the_scan_finds_a_new_dialog_through_its_base(tmp_path: Path) -> None:
    (tmp_path / "new.py").write_text(
        "from PySide6 import QtWidgets\nfrom PySide6.QtWidgets import QDialog, QWidget\n\n\n"
        "class PickDialog(QtWidgets.QDialog): ...\nclass NarrowPick(PickDialog): ...\n"
        "class Panel(QWidget): ...\nclass Box(QDialog, Panel): ...\n", encoding="utf-8")
    assert window_classes(tmp_path) == {"PickDialog", "NarrowPick", "Box"}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_session_search_hint_reads_whole_and_its_tooltip_says_all(qapp, qtbot, services, tasks, settings, thai_ui,
                                                                     lang: str) -> None:
    """The search box's placeholder was cut at 1366x768 once the combo boxes grew ("ค้นหา: พิมพ์ได้
    หลายคำ ไม่ต้องเรียงลำดับ (ชื่อเวที สถานที่ …"): a short hint in the box, the whole one in its tooltip."""
    from PySide6.QtWidgets import QLineEdit

    from sala.ui.shell.app import create_main_window
    from tests.ui.clipping import clipped_placeholders

    switch_language(qapp, lang)
    try:
        w = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w)
        w.resize(*SCREEN)
        w.show()
        qtbot.waitExposed(w)
        _settle()
        search = w.findChild(QLineEdit, "sessionSearch")
        assert search is not None and search.placeholderText() and not clipped_placeholders(w)
        whole = {"th": "ค้นหาจากชื่อเวที สถานที่ หรือความคิดเห็น: พิมพ์ได้หลายคำ ไม่ต้องเรียงลำดับ",
                 "en": "Search by title, place or what was said: type several words, in any order"}[lang]
        assert search.toolTip() == whole
    finally:
        switch_language(qapp, "th")
