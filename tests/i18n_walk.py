"""Every word a user can see on a window: labels, buttons, titles, tabs, placeholders, tooltips,
menus and table headers. Used by the language tests to find text left in the wrong language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

THAI = re.compile(r"[\u0e00-\u0e7f]")


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible text of ``root`` and its children, shown or not."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # pages let go of are gone first
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__}#{w.objectName()}"
        if w.isWindow() and w.windowTitle():
            yield f"{where}.windowTitle", w.windowTitle()
        if w.toolTip():
            yield f"{where}.toolTip", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)) and w.text():
            yield f"{where}.text", w.text()
        if isinstance(w, QGroupBox) and w.title():
            yield f"{where}.title", w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)) and w.placeholderText():
            yield f"{where}.placeholder", w.placeholderText()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab{i}", w.tabText(i)
        if isinstance(w, (QMenu, QMenuBar)):
            for a in w.actions():
                if a.text():
                    yield f"{where}.action", a.text()
                if a.menu() is not None and a.menu().title():
                    yield f"{where}.menu", a.menu().title()
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                head = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(head, str) and head:
                    yield f"{where}.header{c}", head


def with_thai(root: QWidget, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Texts holding Thai letters, except those in ``allowed`` (data the test itself typed in Thai)."""
    return [f"{where}: {text!r}" for where, text in texts(root)
            if THAI.search(text) and not any(a in text for a in allowed)]
