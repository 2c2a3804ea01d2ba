"""What a field-day test does with the real window: keys, modal dialogs, the screen, screenshots,
the printed PDF read back.

Keys go to the widget that really has the keyboard focus on the X display
(``QApplication.focusWidget()`` of the active window), so a test only reaches what a user could
reach by Tab, Enter and the shortcuts.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

SCREEN = QRect(0, 0, 1366, 768)
WAIT_MS = 20_000  # a generous bound on a loaded 2-core machine; a condition, never a sleep

# -- keyboard ------------------------------------------------------------------------------------


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "no widget has the keyboard focus (is the window active?)"
    return w


def type_text(text: str) -> None:
    """Type ``text`` into whatever has the focus, one key event per character (Thai too: QTest's
    own ``keyClicks`` knows only ASCII keys, so a Thai character is sent as the key event a Thai
    keyboard layout produces: its text, with the Unicode code point as key)."""
    for ch in text:
        target = focused()
        if ch.isascii() and ch.isprintable():
            QTest.keyClick(target, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, ord(ch), Qt.KeyboardModifier.NoModifier, ch))


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None, "nothing to send a key to"
        QTest.keyClick(target, key, modifier)


def shortcut(window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A window shortcut (Ctrl+N, Ctrl+P…) pressed while ``window`` is active."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)


def tab_to(widget: QWidget, limit: int = 80, backward: bool = False) -> None:
    """Press Tab (Shift+Tab when ``backward``) until ``widget`` has the focus, as a user would.
    Fails if it is never reached, naming where the focus went: a table that moves between its
    cells on Tab holds the keyboard there (a keyboard trap), and the user has no way out by Tab."""
    key = Qt.Key.Key_Backtab if backward else Qt.Key.Key_Tab
    mod = Qt.KeyboardModifier.ShiftModifier if backward else Qt.KeyboardModifier.NoModifier
    seen: list[str] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        seen.append(describe(current) if current else "None")
        if current is widget or (widget.focusProxy() is not None and current is widget.focusProxy()):
            return
        press(key, mod)
    raise AssertionError(f"Tab never reaches {describe(widget)}; the focus went: {' → '.join(dict.fromkeys(seen))}")


def closed(w: QWidget) -> bool:
    """``w`` is gone from the screen (hidden, or deleted: dialogs that delete themselves on close)."""
    return not shiboken6.isValid(w) or not w.isVisible()


def wait_active(qtbot: Any, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


# -- modal dialogs ---------------------------------------------------------------------------------


def run_modal(qtbot: Any, trigger: Callable[[], None], driver: Callable[[QDialog], Any],
              kind: type = QDialog) -> Any:
    """``trigger()`` opens a dialog (``exec()`` or ``open()``); ``driver(dialog)`` works it by keyboard
    once it is the active modal window. Returns what the driver returned. A driver that fails
    closes the dialog (so the test cannot hang on it) and its error is raised here."""
    result: dict[str, Any] = {}

    def step() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, kind) or not dlg.isVisible():
            QTimer.singleShot(25, step)  # polls the event loop; no sleep
            return
        try:
            qtbot.waitUntil(dlg.isActiveWindow, timeout=WAIT_MS)
            result["value"] = driver(dlg)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test below
            result["error"] = exc
            if not closed(dlg):
                dlg.reject()
        finally:
            result["done"] = True

    QTimer.singleShot(0, step)
    trigger()
    qtbot.waitUntil(lambda: "done" in result, timeout=WAIT_MS)
    if "error" in result:
        raise result["error"]
    # the dialog is gone: the window manager hands the keyboard back to a window of the app
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=WAIT_MS)
    return result.get("value")


def answer_message_box(qtbot: Any, trigger: Callable[[], None], button: QMessageBox.StandardButton) -> str:
    """``trigger()`` asks a question; the user answers with the keyboard (focus the button, Space).
    Returns the question's text."""
    def answer(box: QDialog) -> str:
        assert isinstance(box, QMessageBox)
        text = box.text()
        target = box.button(button)
        assert target is not None, f"no {button} button in {text!r}"
        assert_all_visible_inside_screen(box.window())
        target.setFocus(Qt.FocusReason.TabFocusReason)  # Tab order in a message box varies by style
        press(Qt.Key.Key_Space)
        return text
    return run_modal(qtbot, trigger, answer, QMessageBox)


# -- the screen ------------------------------------------------------------------------------------

CHECKED = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QTableView, QListView)


def describe(w: QWidget) -> str:
    text = ""
    for attr in ("text", "placeholderText", "currentText", "windowTitle"):
        fn = getattr(w, attr, None)
        if callable(fn):
            try:
                text = str(fn())
            except TypeError:
                continue
            if text:
                break
    return f"{type(w).__name__}#{w.objectName() or '-'} {text[:40]!r}"


def global_rect(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def outside_screen(window: QWidget, screen: QRect = SCREEN) -> list[str]:
    """Every visible control of ``window`` (and of any visible top-level dialog) whose rectangle on
    the screen is not inside ``screen``, and the window's own frame if it is not."""
    QApplication.processEvents()
    bad: list[str] = []
    tops = [window] + [t for t in QApplication.topLevelWidgets()
                       if t is not window and t.isVisible() and isinstance(t, QDialog)]
    for top in tops:
        frame = top.frameGeometry()
        if not screen.contains(frame):
            bad.append(f"window {describe(top)} frame {frame.getRect()}")
        for child in top.findChildren(QWidget):
            if not isinstance(child, CHECKED) or not child.isVisible() or child.window() is not top:
                continue
            if isinstance(child, QLineEdit) and isinstance(child.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the editor inside a combo box or spin box: its owner is checked
            r = global_rect(child)
            if not screen.contains(r):
                bad.append(f"{describe(child)} at {r.getRect()} in {describe(top)}")
    return bad


def assert_all_visible_inside_screen(window: QWidget, screen: QRect = SCREEN) -> None:
    bad = outside_screen(window, screen)
    assert not bad, f"outside the {screen.width()}x{screen.height()} screen:\n  " + "\n  ".join(bad)


class Shots:
    """Screenshots of every step, numbered, under the test's folder (the whole X screen)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def take(self, name: str) -> Path:
        QApplication.processEvents()
        self.n += 1
        path = self.folder / f"{self.n:02d}-{name}.png"
        screen = QGuiApplication.primaryScreen()
        assert screen.grabWindow(0).save(str(path)), path
        return path


# -- the PDF read back -----------------------------------------------------------------------------

_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def words_split_across_lines(text: str, words: set[str] | None = None) -> list[str]:
    """Line ends in ``text`` that fall inside a Thai word, by PyThaiNLP's own segmentation of the
    Thai run that spans the break (independent of the report's breaker). ``words`` are extra
    tokens (dotted abbreviations) that must never be cut."""
    from pythainlp.tokenize import word_tokenize

    lines = [ln.rstrip() for ln in text.splitlines()]
    bad: list[str] = []
    for a, b in itertools.pairwise(lines):
        if not a or not b or a[-1].isspace() or b[0].isspace():
            continue
        end = _THAI_RUN.search(a[::-1])
        start = _THAI_RUN.match(b)
        if end is None or end.start() != 0 or start is None:
            continue  # the line does not end and the next does not begin in Thai: no word to cut
        left, right = end.group(0)[::-1], start.group(0)
        joined = left + right
        bounds, pos = {0}, 0
        for tok in word_tokenize(joined, engine="newmm", keep_whitespace=False):
            pos += len(tok)
            bounds.add(pos)
        if len(left) not in bounds:
            bad.append(f"…{left[-10:]}|{right[:10]}…")
    for w in words or set():
        for a, b in itertools.pairwise(lines):
            for cut in range(1, len(w)):
                if a.endswith(w[:cut]) and b.startswith(w[cut:]):
                    bad.append(f"{w[:cut]}|{w[cut:]}")
    return bad


def printed_run(text: str, original: str) -> list[str]:
    """The lines of the PDF's text that hold ``original`` (a table cell: its lines, in order). The
    other cells' words that pdftotext puts on the same lines or between them (a number, a type
    column, a code) are left out word by word. Fails if it is not there whole."""
    from tests.reports_helpers import find_lines, squash

    flat = squash(original)
    candidates = []
    for line in text.splitlines():
        kept = " ".join(w for w in line.split() if squash(w) in flat)
        if kept:
            candidates.append(kept)
    return find_lines(candidates, original)
