"""What the projector windows share: full screen on the screen the facilitator picked, Esc closes.

The laptop's own screen keeps the app (and the moderation queue); the projector or a second
screen shows the join code or the live results. With one screen the window covers the app until
Esc (or a click on its small "close" note) puts it away; the audience mode keeps running.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget


def screen_label(screen: QScreen, index: int) -> str:
    """A screen as a person picks it: its number, its name and its size."""
    size = screen.geometry().size()
    name = screen.name() or screen.model() or ""
    return f"{index + 1}: {name} ({size.width()}×{size.height()})".replace(":  (", ": (")


def projector_screen() -> QScreen | None:
    """The screen a projector most likely is: any but the primary one, else the primary one."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    return others[0] if others else primary


class ProjectorWindow(QWidget):
    """A top-level window for the room, shown full screen on a chosen screen."""

    sig_closed = Signal()
    """The window was put away (Esc or closed); the audience mode goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), Qt.GlobalColor.white)
        pal.setColor(self.foregroundRole(), Qt.GlobalColor.black)
        self.setPalette(pal)

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (None: where it is)."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt name
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt name
        super().closeEvent(event)
        self.sig_closed.emit()
