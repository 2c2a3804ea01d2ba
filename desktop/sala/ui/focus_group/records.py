"""What the focus group page shows and stores for answers and observations.

``RecordList`` is a list widget that can be changed ahead of the database (a
:class:`~sala.ui.common.record_undo.RecordSink`): entries are placed by time, marked while their
write is pending, and show any amendment of a finalized session beside the original text.
The stores say how each kind of record is written, keeping its id and time so that undo and
redo put back the very same record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QWidget

from sala.services.amendments import AmendmentView
from sala.services.observations import ObservationService, ObservationView

ViewRole = Qt.ItemDataRole.UserRole + 1
Amended = dict[str, tuple[dict[str, Any], list[AmendmentView]]]


class CaptureLine(QLineEdit):
    """A one-line capture box: Ctrl+Z undoes typing while there is typing to undo, otherwise it
    is left to the page, whose undo stack takes back the last saved entry."""

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and isinstance(ev, QKeyEvent):
            if ((ev.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
                    or (ev.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())
                    or (ev.modifiers() & Qt.KeyboardModifier.ControlModifier and ev.key() == Qt.Key.Key_Y
                        and not self.isRedoAvailable())):
                ev.ignore()
                return False
        return super().event(ev)

    def reset(self) -> None:
        """Empty the box for the next entry; the saved entry is the page's to undo, not the box's."""
        self.setText("")  # setText, unlike clear(), also forgets the box's own undo history


class RecordList(QListWidget):
    """Answers or observations of the current question, by time, with amendments beside them."""

    def __init__(self, line: Callable[[Any], str], belongs: Callable[[Any], bool], newest_first: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line, self._belongs, self._newest_first = line, belongs, newest_first
        self._amended: Amended = {}
        self.setWordWrap(True)
        self.setSpacing(3)  # room for Thai marks above and below
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)

    # -- loading -------------------------------------------------------------------------------
    def show_records(self, views: list[Any], amended: Amended | None = None) -> None:
        self._amended = amended or {}
        self.clear()
        for v in views:
            if self._belongs(v):
                self.insert(v, pending=False)
        if self.count():
            self.setCurrentRow(0)

    # -- RecordSink ----------------------------------------------------------------------------
    def insert(self, view: Any, pending: bool = True) -> None:
        if not self._belongs(view) or self.row_of(view.id) >= 0:
            return
        key = (view.recorded_at, view.id)
        pos = 0
        while pos < self.count() and self._before(self._key(pos), key):
            pos += 1
        item = QListWidgetItem()
        self.insertItem(pos, item)
        self._fill(item, view, pending)
        self.setCurrentItem(item, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def replace(self, view: Any, pending: bool = False) -> None:
        r = self.row_of(view.id)
        if r >= 0 and not self._belongs(view):
            self.takeItem(r)
        elif r >= 0:
            self._fill(self.item(r), view, pending)
        else:
            self.insert(view, pending)

    def confirm(self, view: Any) -> None:
        self.replace(view, pending=False)

    def remove(self, record_id: str) -> None:
        r = self.row_of(record_id)
        if r >= 0:
            self.takeItem(r)

    # -- reading -------------------------------------------------------------------------------
    def row_of(self, record_id: str) -> int:
        return next((r for r in range(self.count()) if self.view_at(r).id == record_id), -1)

    def view_at(self, row: int) -> Any:
        return self.item(row).data(ViewRole)

    def views(self) -> list[Any]:
        return [self.view_at(r) for r in range(self.count())]

    def selected_views(self) -> list[Any]:
        rows = sorted({self.row(i) for i in self.selectedItems()})
        return [self.view_at(r) for r in rows]

    def current_view(self) -> Any | None:
        item = self.currentItem()
        return item.data(ViewRole) if item is not None else None

    def amended(self, record_id: str) -> tuple[dict[str, Any], list[AmendmentView]]:
        return self._amended.get(record_id, ({}, []))

    def is_pending(self, row: int) -> bool:
        return bool(self.item(row).data(ViewRole + 1))

    # -- helpers -------------------------------------------------------------------------------
    def _key(self, row: int) -> tuple[datetime, str]:
        v = self.view_at(row)
        return (v.recorded_at, v.id)

    def _before(self, existing: tuple[datetime, str], new: tuple[datetime, str]) -> bool:
        return existing > new if self._newest_first else existing < new

    def _fill(self, item: QListWidgetItem, view: Any, pending: bool) -> None:
        fields, history = self.amended(view.id)
        text = self._line(view)
        if history:
            corrected = self._line(_with_text(view, fields.get("text", view.text)))
            notes = [self.tr("✎ Original: %1").replace("%1", text)]
            notes += [self.tr("Reason: %1").replace("%1", a.reason) for a in history]
            text = corrected + "\n" + "\n".join(notes)
            f = item.font()
            f.setItalic(True)
            item.setFont(f)
        if pending:
            text += "  · " + self.tr("saving…")
        item.setText(text)
        item.setData(ViewRole, view)
        item.setData(ViewRole + 1, pending)
        colour = QColor("#777777") if pending else self.palette().color(QPalette.ColorRole.Text)
        item.setForeground(colour)


def _with_text(view: Any, text: str) -> Any:
    return replace(view, text=text)


class ObservationStore:
    """Observations as a :class:`~sala.ui.common.record_undo.RecordStore`: an add keeps its id and time."""

    def __init__(self, service: ObservationService) -> None:
        self._svc = service

    def add(self, o: ObservationView) -> ObservationView:
        return self._svc.add(o.session_id, o.text, o.question_id, observation_id=o.id, recorded_at=o.recorded_at)

    def update(self, o: ObservationView) -> ObservationView:
        return self._svc.update(o.id, o.text)

    def delete(self, o: ObservationView) -> ObservationView:
        return self._svc.delete(o.id)
