"""Fixtures the UI tests share (the database, fonts and task runner come from ``tests/conftest.py``):
showing a widget as a user would see it, sessions to open, photo files, screenshots checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sala.domain import enums as e
from sala.domain.inputs import SessionInput

FOCUS_GROUP_TITLE = "สนทนากลุ่มฝุ่น PM2.5"


@pytest.fixture
def sync_window(qtbot, services, tasks, thai_ui) -> Callable:
    """A main window with the sync menu and status installed in Thai (no automatic runs, quick
    retries): ``sync_window(width, height, network_attempts)`` -> (window, actions)."""
    from PySide6.QtWidgets import QMainWindow

    from sala.sync.engine import RetryPolicy
    from sala.ui.sync.install import install_sync_ui

    made = []

    def make(width: int = 1366, height: int = 768, network_attempts: int = 3):
        win = QMainWindow()
        qtbot.addWidget(win)
        actions = install_sync_ui(win, services.sync, tasks, "th", start=False,
                                  probe_interval_ms=3_600_000,
                                  policy=RetryPolicy(base=0.02, cap=0.2, network_attempts=network_attempts))
        win.resize(width, height)
        win.show()
        made.append(actions)
        return win, actions

    yield make
    for actions in made:
        actions.controller.stop()
        actions.controller.wait()


@pytest.fixture
def show(qtbot) -> Callable:
    """Show ``widget`` at ``size`` as its own window; ``active`` waits until it has the keyboard
    (shortcuts such as F1–F12 and Ctrl+Z go to the active window)."""

    def show_widget(widget, size: tuple[int, int] = (1280, 800), active: bool = False):
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        if active:
            with qtbot.waitActive(widget):
                widget.activateWindow()
        else:
            qtbot.waitExposed(widget)
        return widget

    return show_widget


@pytest.fixture
def open_focus_group(show, services, tasks, fonts, thai_ui) -> Callable:
    """Open a focus group session's page as the app does, in Thai."""
    from sala.ui.focus_group.page import FocusGroupPage

    return lambda sid, active=True: show(FocusGroupPage(services, tasks, sid, "th"), active=active)


@pytest.fixture
def open_minitalk(show, services, tasks, fonts, thai_ui) -> Callable:
    """Open a minitalk session's page as the app does, in Thai."""
    from sala.ui.minitalk.page import MinitalkPage

    return lambda sid, active=True: show(MinitalkPage(services, tasks, sid, "th"), active=active)


@pytest.fixture
def focus_group_sid(services) -> str:
    """A new focus group session (Lampang, PM2.5 haze)."""
    return services.sessions.create(SessionInput(FOCUS_GROUP_TITLE, e.SessionKind.FOCUS_GROUP, province="LPG")).id


@pytest.fixture
def photo_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a one-colour JPEG of ``w``x``h`` named ``name`` under this test's folder."""
    from PySide6.QtGui import QColor, QImage

    def make(name: str, colour: str = "#3366aa", w: int = 800, h: int = 600) -> Path:
        img = QImage(w, h, QImage.Format.Format_RGB32)
        img.fill(QColor(colour))
        path = tmp_path / name
        assert img.save(str(path), "JPG")
        return path

    return make


@pytest.fixture(scope="session", autouse=True)
def qt_fixes(qapp):  # pytest-qt's QApplication
    """Patched once per run, as ``run_gui`` does at the app's start (a no-op on a sound PySide6)."""
    from sala.ui.shell import qt_fixes as fixes

    return fixes.install()


SCREEN = (1366, 768)
"""The field laptops' screen: every page and dialog must fit on it."""


def clipped_texts(widget) -> list[str]:
    """Visible labels and buttons of ``widget`` whose text does not fit their size (cut off)."""
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton, QSizePolicy

    cut: list[str] = []
    # Buttons that paint their own face at any size (the kiosk's rating faces) are not checked.
    texts = [QLabel, QPushButton, QCheckBox, QRadioButton]
    for child in [c for kind in texts for c in widget.findChildren(kind)]:
        if not child.isVisibleTo(widget) or not child.text() or child.width() <= 1:
            continue
        if child.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            continue  # elided on purpose (a hint line that gives way to the window)
        if isinstance(child, QLabel) and child.wordWrap():
            needed_w, needed_h = 0, child.heightForWidth(child.width())
        else:
            needed_w, needed_h = child.sizeHint().width(), child.sizeHint().height()
            if isinstance(child, QLabel):
                needed_h = child.minimumSizeHint().height()
        if needed_w > child.width() or needed_h > child.height():
            cut.append(f"{type(child).__name__} {child.text()!r}: needs {needed_w}x{needed_h}, "
                       f"has {child.width()}x{child.height()}")
    return cut


@pytest.fixture
def screenshot(tmp_path):
    """Save a screenshot under this test's folder and assert what a user would notice in it:
    the widget fits the 1366x768 screen, it is not blank, and no label or button is cut off."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    def take(widget, name: str) -> None:
        QApplication.processEvents()  # results on their way land first …
        for _ in range(3):  # … then layouts settle, inner ones first, as before a paint
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        hint = widget.minimumSizeHint()
        assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], f"{name} needs {hint.toTuple()}"
        image = widget.grab().toImage()
        assert image.save(str(tmp_path / f"{name}.png"))
        step = max(1, image.width() // 64)
        colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
        assert len(colours) > 2, f"{name} is blank"
        cut = clipped_texts(widget)
        assert not cut, f"{name}: text cut off:\n" + "\n".join(cut)

    return take
