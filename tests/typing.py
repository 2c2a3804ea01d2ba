"""Typing Thai into widgets in tests.

``qtbot.keyClicks`` only knows ASCII (Qt's QTest asserts on anything else), so Thai goes in
as real key events that carry their text, one character at a time, as a Thai keyboard sends it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Send ``text`` to ``widget`` as key presses and releases carrying each character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()
