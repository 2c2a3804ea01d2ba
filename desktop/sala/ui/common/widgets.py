"""Small reusable widgets: a Buddhist Era date edit, an empty-state panel, reorder buttons."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QFont, QValidator
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sala.domain.thaidate import BE_OFFSET


def py_date(d: QDate) -> date:
    """A QDate as a ``datetime.date`` (PySide6's ``toPython`` is typed as returning object)."""
    return date(d.year(), d.month(), d.day())


def py_time(t: QTime) -> time:
    """A QTime as a ``datetime.time`` (to the millisecond, as ``toPython`` gives it)."""
    return time(t.hour(), t.minute(), t.second(), t.msec() * 1000)


class BuddhistDateEdit(QDateEdit):
    """A date edit that shows and reads years in the Buddhist Era (dd/MM/พ.ศ.) in Thai."""

    def __init__(self, lang: str = "th", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offset = BE_OFFSET if lang == "th" else 0
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setDate(QDate.currentDate())

    def textFromDateTime(self, dt: QDateTime) -> str:
        d = dt.date()
        return f"{d.day():02d}/{d.month():02d}/{d.year() + self._offset}"

    def dateTimeFromText(self, text: str) -> QDateTime:
        d = self._parse(text)
        return QDateTime(d if d is not None else self.date(), self.time())

    def validate(self, text: str, pos: int):
        state = QValidator.State.Acceptable if self._parse(text) is not None else QValidator.State.Intermediate
        return state, text, pos

    def _parse(self, text: str) -> QDate | None:
        parts = text.strip().split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        d = QDate(int(parts[2]) - self._offset, int(parts[1]), int(parts[0]))
        return d if d.isValid() else None


class EmptyState(QWidget):
    """A friendly panel for an empty list, with one button that says what to do next."""

    sig_action = Signal()
    """The user pressed the call-to-action button."""

    def __init__(self, title: str, body: str, action: str, parent: QWidget | None = None) -> None:
        # Not at import: the session list's filters import this module before its first paint, which
        # must not wait for the ``Qt`` namespace's enum classes (~12 ms; see ui/sessions/cells.py).
        from PySide6.QtCore import Qt

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 6)
        f.setBold(True)
        self.title.setFont(f)
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.button = QPushButton(action)
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.sig_action)
        for w in (self.title, self.body):
            w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(w)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class ReorderButtons(QWidget):
    """Up / Down / Delete under an ordered list (question guides, proposals on display)."""

    sig_move = Signal(int)
    """Move the current item by this many places (-1 up, +1 down)."""
    sig_delete = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.up = QPushButton(self.tr("Up"))
        self.down = QPushButton(self.tr("Down"))
        self.delete = QPushButton(self.tr("Delete"))
        self.up.clicked.connect(lambda: self.sig_move.emit(-1))
        self.down.clicked.connect(lambda: self.sig_move.emit(1))
        self.delete.clicked.connect(self.sig_delete)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.up, self.down, self.delete):
            b.setMinimumHeight(36)
            row.addWidget(b)
