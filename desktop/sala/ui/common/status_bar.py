"""The main window's status bar: its permanent widgets make room for a passing message, and for a
narrow screen, instead of cutting the message or pushing the window past the screen's edge.

Some permanent widgets say things that can wait (the data file's path, the session count, when the
last sync was): each is registered with :meth:`FittingStatusBar.can_give_way`, in the order they give
way. While a temporary message is shown they hide, one by one, until the message fits whole; on a
narrow window they hide until the rest fits. What they said is kept in the bar's tooltip. A message
longer than the whole bar is elided, with the whole message in the tooltip.

The window's shell uses this bar before the session list first paints: ``Qt``'s namespace is imported
only where a message is elided (its first use costs ~12 ms; see tests/unit/test_startup_imports.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QWidget

GIVES_WAY = {"data file": 10, "last sync": 20, "session count": 30, "waiting to send": 40}
"""The main window's status-bar parts that hide for a passing message or a narrow screen, the lowest first."""

_MESSAGE_LEFT, _MESSAGE_RIGHT = 6, 12
"""Qt's margins around a temporary message (QStatusBarPrivate::messageRect)."""
_ITEM_SPACING = 6
"""Between two permanent widgets (QStatusBar's own layout)."""
_ENDS = 2 + 4 + 2 * 2
"""The layout's space at the left and right, and the frames drawn around the outer items."""


class FittingStatusBar(QStatusBar):
    """See the module's doc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._yielding: list[QWidget] = []
        self._permanents: list[QWidget] = []
        self._ranks: dict[QWidget, int] = {}
        self._hidden: set[QWidget] = set()  # those hidden by this bar (others hide them for their own reasons)
        self._fitting = False
        self.messageChanged.connect(self._fit)

    def can_give_way(self, widget: QWidget, rank: int) -> None:
        """``widget`` (a permanent widget, or a part of one) may hide to make room; the lowest
        ``rank`` gives way first."""
        self._ranks[widget] = rank
        self._yielding.append(widget)
        self._yielding.sort(key=lambda w: self._ranks[w])
        self._fit()

    def given_way(self) -> list[QWidget]:
        """The widgets hidden now to make room."""
        return [w for w in self._yielding if w in self._hidden]

    # -- measuring --------------------------------------------------------------------------------
    def _permanent(self) -> list[QWidget]:
        """The permanent widgets (right of any message), in order."""
        return list(self._permanents)

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        self._permanents.append(widget)
        widget.destroyed.connect(lambda _=None, w=widget: self._forget(w))
        super().addPermanentWidget(widget, stretch or 0)

    def _forget(self, widget: QWidget) -> None:
        for group in (self._permanents, self._yielding):
            if widget in group:
                group.remove(widget)
        self._hidden.discard(widget)

    def _width_of(self, w: QWidget, hidden: set[QWidget]) -> int:
        """``w``'s width at its size hint with ``hidden`` widgets (its parts among them) left out."""
        return w.sizeHint().width() + self._parts_change(w, hidden, minimum=False)

    def _parts_change(self, w: QWidget, hidden: set[QWidget], minimum: bool) -> int:
        """How much wider ``w`` gets when its giving-way parts are shown or hidden as ``hidden`` says."""
        change = 0
        for part in self._yielding:
            if part is w or not w.isAncestorOf(part):
                continue
            now = part.isVisibleTo(w)
            wanted = (now or part in self._hidden) and part not in hidden
            if now != wanted:
                size = part.minimumSizeHint() if minimum else part.sizeHint()
                step = size.width() + _ITEM_SPACING
                change += step if wanted else -step
        return change

    def _needed(self, hidden: set[QWidget], message: str) -> int:
        """The width the bar needs with ``hidden`` out of it, and room for ``message``."""
        shown = [w for w in self._permanent() if w not in hidden and (w.isVisibleTo(self) or w in self._hidden)]
        need = _ENDS + sum(self._width_of(w, hidden) + _ITEM_SPACING for w in shown)
        grip = self.findChild(QWidget, "qt_statusbar_sizegrip")
        if grip is not None and grip.isVisibleTo(self):
            need += grip.width()
        if message:
            need += _MESSAGE_LEFT + self.fontMetrics().horizontalAdvance(message) + _MESSAGE_RIGHT
        return need

    # -- fitting ----------------------------------------------------------------------------------
    def _fit(self) -> None:
        if self._fitting or self.width() <= 1:
            return
        self._fitting = True
        try:
            message = self.currentMessage()
            hidden: set[QWidget] = set()
            for w in self._yielding:
                if self._needed(hidden, message) <= self.width():
                    break
                hidden.add(w)
            for w in self._yielding:
                if w in hidden and w not in self._hidden and w.isVisibleTo(self):
                    self._hidden.add(w)
                    w.hide()
                elif w not in hidden and w in self._hidden:
                    self._hidden.discard(w)
                    w.show()
            self._update_tip()
        finally:
            self._fitting = False

    def _update_tip(self) -> None:
        said = [w.text() for w in self.given_way() if isinstance(w, QLabel) and w.text()]
        message = self.currentMessage()
        if message and self.shown_message() != message:
            said.insert(0, message)
        self.setToolTip("\n".join(said))

    def shown_message(self) -> str:
        """The temporary message as it is painted: whole, or elided when even all room is not enough."""
        message = self.currentMessage()
        room = self._message_right() - _MESSAGE_LEFT
        if not message or self.fontMetrics().horizontalAdvance(message) <= room:
            return message
        from PySide6.QtCore import Qt

        return self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, max(room, 0))

    def _message_right(self) -> int:
        right = self.width() - _MESSAGE_RIGHT
        for w in self._permanent():
            if w.isVisibleTo(self):
                right = min(right, w.x())
        grip = self.findChild(QWidget, "qt_statusbar_sizegrip")
        if grip is not None and grip.isVisibleTo(self):
            right = min(right, grip.x())
        return right

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a permanent widget's text changed its size
            self._fit()
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        message = self.currentMessage()
        shown = self.shown_message()
        if not message or shown == message:
            super().paintEvent(event)
            return
        # Qt's own painting, with the message elided instead of cut at the permanent widgets' edge.
        from PySide6.QtCore import Qt

        painter = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, opt, painter, self)
        for w in self._permanent():
            if w.isVisibleTo(self):
                frame = QStyleOption()
                frame.rect = w.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, w)
        painter.setPen(self.palette().windowText().color())
        rect = self.rect().adjusted(_MESSAGE_LEFT, 0, 0, 0)
        rect.setRight(self._message_right())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextSingleLine, shown)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widgets that never give way need: the window is not held wider for the rest."""
        hint = super().minimumSizeHint()
        keep = [w for w in self._permanent() if w not in self._yielding and w.isVisibleTo(self)]
        every_part = set(self._yielding)
        width = _ENDS + sum(max(w.minimumSizeHint().width(), 0) + self._parts_change(w, every_part, minimum=True)
                            + _ITEM_SPACING for w in keep)
        hint.setWidth(min(hint.width(), width) if keep else hint.width())
        return hint
