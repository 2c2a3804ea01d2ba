"""Where the moderation panel sits: first among the session page's own tabs, else in a dock.

A minitalk fills 1366 px already and the window's page stack is as wide as its widest page, so a
dock beside a page would push the window past a field laptop's screen; every session page offers
a tab widget (``audience_tabs``) instead. The dock is for a page that has none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget


def tabs_holding(panel: QWidget) -> QTabWidget | None:
    """The tab widget ``panel`` is a tab of (its parent is the tab widget's inner stack), if any."""
    stack = panel.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    return tabs if isinstance(tabs, QTabWidget) and tabs.indexOf(panel) >= 0 else None


class PanelHolder:
    """Puts the panel in a page's tabs or the window's dock, moves it, takes it away."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.dock: QDockWidget | None = None

    def place(self, panel: QWidget, page: QWidget | None) -> None:
        """First tab of ``page``'s ``audience_tabs`` (shown), else the dock on the window's right."""
        tabs = getattr(page, "audience_tabs", None)
        old = tabs_holding(panel)
        if old is not None and old is not tabs:
            old.removeTab(old.indexOf(panel))
        if isinstance(tabs, QTabWidget):
            self._drop_dock(keep=panel)
            if tabs.indexOf(panel) < 0:
                tabs.insertTab(0, panel, QCoreApplication.translate("AudienceController", "Phones"))
            tabs.setCurrentWidget(panel)
            return
        if self.dock is None:
            dock = QDockWidget(QCoreApplication.translate("AudienceController", "Audience mode"), self._window)
            dock.setObjectName("audienceDock")
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.dock = dock
        self.dock.setWidget(panel)
        panel.show()

    def drop(self, panel: QWidget | None) -> None:
        """Take the panel away (deleted) and the dock with it."""
        self._drop_dock(keep=None)
        if panel is not None:
            holder = tabs_holding(panel)
            if holder is not None:
                holder.removeTab(holder.indexOf(panel))
            panel.hide()
            panel.deleteLater()

    def _drop_dock(self, keep: QWidget | None) -> None:
        if self.dock is None:
            return
        if keep is not None and self.dock.widget() is keep:
            keep.setParent(None)  # it moves to the page's tabs, it does not go
        self._window.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.dock = None
